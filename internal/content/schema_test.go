package content

import (
	"context"
	"strings"
	"testing"
	"testing/fstest"

	"github.com/dinsos-metro/warta/internal/diag"
	"github.com/dinsos-metro/warta/internal/schema"
)

// The build's required fields are the schema's: a page of each kind
// missing one gets the message that names it, with the schema's example.
func TestRequiredFieldsComeFromTheSchema(t *testing.T) {
	where := map[string]string{
		"news":    "content/berita/kunjungan/index.md",
		"module":  "content/modul/sd/emosi/index.md",
		"gallery": "content/galeri/kunjungan/index.md",
	}
	complete := map[string]map[string]string{
		"news":    {"title": `"Kunjungan"`, "date": "2025-07-29"},
		"module":  {"title": `"Emosi"`, "level": "sd"},
		"gallery": {"title": `"Galeri"`, "date": "2025-07-29"},
	}
	for kind, file := range where {
		for _, f := range schema.For(kind) {
			if !f.Required {
				continue
			}
			var front strings.Builder
			for k, v := range complete[kind] {
				if k != f.Key {
					front.WriteString(k + ": " + v + "\n")
				}
			}
			fsys := fstest.MapFS{file: {Data: []byte("---\n" + front.String() + "---\nIsi.\n")}}
			_, ds := Load(context.Background(), fsys, Options{Drafts: true})
			want := diag.New(file, 1, diag.FieldRequired, f.Key, f.Line()).Message("en")
			found := false
			for _, d := range ds {
				found = found || d.Message("en") == want
			}
			if !found {
				t.Errorf("%s without %s: want %q, got %v", kind, f.Key, want, ds)
			}
		}
	}
	// And a page with them all has no problem.
	for kind, file := range where {
		var front strings.Builder
		for k, v := range complete[kind] {
			front.WriteString(k + ": " + v + "\n")
		}
		fsys := fstest.MapFS{file: {Data: []byte("---\n" + front.String() + "---\nIsi.\n")}}
		if _, ds := Load(context.Background(), fsys, Options{Drafts: true}); len(ds) > 0 {
			t.Errorf("%s: %v", kind, ds)
		}
	}
}

// review: true marks a draft ready for review; it must be true or false.
func TestReviewFlag(t *testing.T) {
	fsys := fstest.MapFS{
		"content/berita/a/index.md": {Data: []byte("---\ntitle: A\ndate: 2025-07-29\nreview: true\ndraft: true\n---\n")},
		"content/tentang.md":        {Data: []byte("---\ntitle: T\nreview: ya\n---\n")},
	}
	pages, ds := Load(context.Background(), fsys, Options{Drafts: true})
	if len(pages) != 2 || !pages[0].Review {
		t.Fatalf("review not read: %+v", pages)
	}
	if len(ds) != 1 || !strings.Contains(ds[0].Message("en"), `"review" must be true or false`) {
		t.Errorf("review: ya: %v", ds)
	}
}
