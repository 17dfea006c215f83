package content

import (
	"maps"
	"reflect"
	"testing"
)

// With DropFields a page holds no Fields after loading, and Line gives
// every field's line as the kept Fields do; the rest of the page is the
// same.
func TestDropFields(t *testing.T) {
	fsys := maps.Clone(site)
	fsys["content/toml.md"] = file("+++\ntitle = \"Toml\"\nslug = \"lain\"\n+++\nx\n")
	fsys["content/rusak.md"] = file("---\ntitle: [\n---\nx\n")
	kept, _ := Load(t.Context(), fsys, Options{})
	dropped, _ := Load(t.Context(), fsys, Options{DropFields: true})
	if len(kept) != len(dropped) || len(kept) < 8 {
		t.Fatalf("%d pages kept, %d with fields dropped", len(kept), len(dropped))
	}
	lines := 0
	for i, k := range kept {
		d := dropped[i]
		if d.Fields != nil {
			t.Errorf("%s: fields kept", d.File)
		}
		for key, f := range k.Fields {
			if got := d.Line(key); got != f.Line || k.Line(key) != f.Line {
				t.Errorf("%s: line of %s is %d (kept: %d), want %d", d.File, key, got, k.Line(key), f.Line)
			}
			lines++
		}
		if d.Line("tidak-ada") != 0 || k.Line("tidak-ada") != 0 {
			t.Errorf("%s: a line for a field it does not have", d.File)
		}
		k.Fields, d.lines, d.Body, k.Body = nil, nil, nil, nil
		if !reflect.DeepEqual(k, d) {
			t.Errorf("%s: dropping the fields changed the page", d.File)
		}
	}
	if lines < 20 {
		t.Errorf("only %d fields compared", lines)
	}
}
