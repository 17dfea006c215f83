package diag

import "testing"

// A Part among a message's values is rendered in the message's language,
// and the Diagnostic keeps it, so that one diagnostic prints in both.
func TestPart(t *testing.T) {
	d := New("data/sekolah.yaml", 10, SchoolFieldNotText, "sd-1", "name", P(SchoolKindList))
	if got, want := d.Format("id"), `data/sekolah.yaml:10: sekolah "sd-1": name harus berupa teks, bukan daftar; tulis satu nilai saja, dan apit dengan tanda kutip bila diawali [ atau {`; got != want {
		t.Errorf("id: %s\nwant %s", got, want)
	}
	if got, want := d.Format("en"), `data/sekolah.yaml:10: school "sd-1": name must be text, not a list; write a single value, in quotes if it starts with [ or {`; got != want {
		t.Errorf("en: %s\nwant %s", got, want)
	}
	if _, ok := d.Args[2].(Part); !ok {
		t.Errorf("rendering changed the diagnostic's values: %#v", d.Args)
	}
	// Parts inside Parts, and %q of a Part quotes its text.
	nested := New("x", 0, ScrubFieldRemoved, P(ScrubXMPField))
	if got, want := nested.Message("id")[:15], `"metadata XMP" `; got != want {
		t.Errorf("quoted part: %q, want %q", got, want)
	}
	if got, want := P(ScrubTechnical, P(ScrubXMPField)).Message("id"), " (keterangan teknis: metadata XMP)"; got != want {
		t.Errorf("nested part: %q, want %q", got, want)
	}
}
