package content

import (
	"bytes"
	"maps"
	"testing"
)

// With DropBodies a build holds no page's text after loading; ReadBody
// gives back exactly what a load that keeps the text holds, and what
// loading found in the text (used files, links by file) is still known.
func TestDropBodies(t *testing.T) {
	fsys := maps.Clone(site)
	fsys["content/dalam.md"] = file("---\ntitle: Dalam\n---\n" + string(bytes.Repeat([]byte("> "), 200)) + "x\n")
	fsys["content/tautan.md"] = file("---\ntitle: Tautan\n---\n[Tentang](tentang.md)\n")
	fsys["content/kosong.md"] = file("---\ntitle: Kosong\n---\n")
	// Read back after the same normalising as loading: BOM, CRLF, NFD, "...".
	fsys["content/crlf.md"] = file("\ufeff---\r\ntitle: Cafe\u0301\r\n...\r\nTeks cafe\u0301.\r\n")
	fsys["content/tanpa.md"] = file("Tanpa kepala.\n")
	kept, _ := Load(t.Context(), fsys, Options{})
	dropped, _ := Load(t.Context(), fsys, Options{DropBodies: true})
	if len(kept) != len(dropped) || len(kept) < 8 {
		t.Fatalf("%d pages kept, %d with bodies dropped", len(kept), len(dropped))
	}
	for i, k := range kept {
		d := dropped[i]
		if len(d.Body) != 0 {
			t.Errorf("%s: body kept: %q", d.File, d.Body)
		}
		if (d.Body == nil) != (len(k.Body) > 0) {
			t.Errorf("%s: body %v, want nil only for text (%q)", d.File, d.Body, k.Body)
		}
		if d.Sum != k.Sum || d.LinksFiles != k.LinksFiles || len(d.Resources) != len(k.Resources) || d.BodyLine != k.BodyLine {
			t.Errorf("%s: dropping the body changed what loading found", d.File)
		}
		body, err := ReadBody(fsys, d)
		if err != nil || !bytes.Equal(body, k.Body) {
			t.Errorf("%s: ReadBody = %q, %v; want %q", d.File, body, err, k.Body)
		}
	}

	// A file changed since loading is read again whole, not cut where the
	// old body started.
	found := false
	for _, d := range dropped {
		if d.File == "content/crlf.md" {
			found = true
			fsys["content/crlf.md"] = file("---\ntitle: Kafe dengan judul lebih panjang\n---\nTeks baru.\n")
			if body, err := ReadBody(fsys, d); err != nil || string(body) != "Teks baru.\n" {
				t.Errorf("changed file: ReadBody = %q, %v", body, err)
			}
		}
	}
	if !found {
		t.Error("content/crlf.md was not loaded")
	}
}
