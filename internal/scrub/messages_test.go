package scrub

import (
	"encoding/json"
	"errors"
	"strings"
	"testing"

	"github.com/dinsos-metro/warta/internal/diag"
)

// Why a file cannot be cleaned reads in the message's language: each
// reason has its Indonesian words, and keeps them through the cache.
func TestErrorDiagnostic(t *testing.T) {
	const tail = "; simpan ulang (PDF: cetak ke PDF baru) dan gunakan berkas itu"
	for r, want := range map[reason]string{
		errNoRoom:        "metadatanya tidak dapat dipadatkan kembali ke tempatnya semula",
		errXMPCompressed: "metadata XMP-nya dipadatkan dengan cara yang tidak dapat ditulis ulang warta",
		errInfoUnread:    "keterangan dokumennya tersimpan di bagian berkas yang tidak dapat dibaca warta",
		errNoStartxref:   "daftar letak isinya (startxref) tidak ada",
		errStartxref:     "daftar letak isinya (startxref) salah",
		errXrefTable:     "daftar letak isinya yang terakhir berupa tabel dengan object stream, yang tidak dapat diubah warta",
		errXrefUnread:    "daftar letak isinya yang terakhir tidak dapat dibaca",
	} {
		e := &Error{Kind: Uncleanable, Format: "PDF", Err: r}
		id := "x.pdf: warta tidak dapat menghapus data pribadi dari PDF ini (" + want + ")" + tail
		if got := e.Diagnostic("x.pdf").Format("id"); got != id {
			t.Errorf("%s:\n got %s\nwant %s", r.Error(), got, id)
		}
		en := "x.pdf: warta cannot remove the personal data from this PDF (" + r.Error() + "); save it again (a PDF: print it to a new PDF) and use that file"
		if got := e.Diagnostic("x.pdf").Format("en"); got != en {
			t.Errorf("%s:\n got %s\nwant %s", r.Error(), got, en)
		}

		// The cache keeps the reason, and a cache written before reasons
		// were codes (the English only) finds it again.
		b, err := json.Marshal(e)
		if err != nil {
			t.Fatal(err)
		}
		var back Error
		if err := json.Unmarshal(b, &back); err != nil {
			t.Fatal(err)
		}
		old, _ := json.Marshal(map[string]any{"Kind": Uncleanable, "Format": "PDF", "Err": r.Error()})
		var fromOld Error
		if err := json.Unmarshal(old, &fromOld); err != nil {
			t.Fatal(err)
		}
		for _, got := range []*Error{&back, &fromOld} {
			if got.Err != r || got.Diagnostic("x.pdf").Format("id") != id {
				t.Errorf("%s from the cache: %#v", r.Error(), got.Err)
			}
		}
	}
}

// A damaged file is named in capitals, as PDF and WebP are, says what to
// do in the reader's language, and keeps the reader's own error last.
func TestDamagedDiagnostic(t *testing.T) {
	for _, tc := range []struct {
		format, id string
	}{
		{"docx", "x: berkas DOCX ini rusak, atau sebenarnya bukan berkas DOCX, jadi warta tidak dapat menghapus data pribadi di dalamnya; buka di Word atau LibreOffice lalu simpan ulang sebagai DOCX (keterangan teknis: zip: not a valid zip file)"},
		{"odt", "x: berkas ODT ini rusak, atau sebenarnya bukan berkas ODT, jadi warta tidak dapat menghapus data pribadi di dalamnya; buka di Word atau LibreOffice lalu simpan ulang sebagai ODT (keterangan teknis: zip: not a valid zip file)"},
		{"PDF", "x: berkas PDF ini rusak, atau sebenarnya bukan berkas PDF, jadi warta tidak dapat menghapus data pribadi di dalamnya; buka di program pembuatnya lalu simpan ulang, atau cetak ke PDF baru (keterangan teknis: zip: not a valid zip file)"},
		{"WebP", "x: berkas WebP ini rusak, atau sebenarnya bukan berkas WebP, jadi warta tidak dapat menghapus data pribadi di dalamnya; salin lagi dari kamera atau ponsel, atau buka di program pengolah gambar lalu simpan ulang sebagai WebP (keterangan teknis: zip: not a valid zip file)"},
	} {
		e := &Error{Kind: Damaged, Format: tc.format, Err: errors.New("zip: not a valid zip file")}
		if got := e.Diagnostic("x").Format("id"); got != tc.id {
			t.Errorf("%s:\n got %s\nwant %s", tc.format, got, tc.id)
		}
	}
	// An old Office file keeps its extension as it is written: ".doc".
	e := &Error{Kind: OldOffice, Format: "doc"}
	if got, want := e.Diagnostic("x").Format("en"), "x: this is an old-format Office file (.doc), whose author fields warta cannot remove; save it as .docx, .xlsx, .pptx or PDF, or set privacy.strip_document_metadata: false to publish it as it is"; got != want {
		t.Errorf("old Office:\n got %s\nwant %s", got, want)
	}
}

// Fields are named as the file names them, but for the XMP stream, which
// has no name of its own and is described in the reader's language.
func TestFieldLabel(t *testing.T) {
	for _, tc := range []struct{ name, en, id string }{
		{"Author", `"Author" in this document`, `"Author" dalam dokumen`},
		{xmpField, `"XMP metadata" in this document`, `"metadata XMP" dalam dokumen`},
	} {
		d := diag.Warn("x.pdf", 0, diag.ScrubFieldRemoved, Field{Name: tc.name}.Label())
		if en, id := d.Message("en"), d.Message("id"); !strings.HasPrefix(en, tc.en) || !strings.HasPrefix(id, tc.id) {
			t.Errorf("%s:\n%s\n%s", tc.name, en, id)
		}
	}
}
