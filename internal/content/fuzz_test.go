package content

import (
	"context"
	"strings"
	"testing"
	"testing/fstest"
)

// fuzzPlaces are where the fuzzed file is put, one of each kind of page.
var fuzzPlaces = []string{
	"content/berita/2025-07-29-x.md",
	"content/berita/2025-07-29-x/index.md",
	"content/modul/sd/x/index.md",
	"content/galeri/2025-07-29-x/index.md",
	"content/tentang.md",
	"content/_index.md",
	"content/modul/x.md",
}

// FuzzLoad: whatever a file holds, loading it never panics and gives
// either the page or a diagnostic that says what is wrong.
func FuzzLoad(f *testing.F) {
	for _, s := range []string{
		"---\ntitle: Judul\ndate: 2025-07-29\n---\nIsi.\n",
		"---\ntitle: [a\n---\n",
		"---\n- a\n---\n",
		"---\ntitle: x\n",
		"+++\ntitle = \"x\"\ndate = 2025-07-29T09:00:00\n+++\n",
		"+++\n= 5\n+++\n",
		";;;\n{\"title\": \"x\", \"date\": 5}\n;;;\n",
		";;;\n[1, 2]\n;;;\n",
		"+++\ntitle = Judul tanpa kutip\ntags = [a, b]\n+++\n",
		";;;\n{\"title\": 'a', \"tags\": [\"a\",],}\n;;;\n",
		"---\ntitle: x\nlevel: smp\nattachments: [{file: ../x}, /etc/passwd, {file: 5}, 7]\n---\n",
		"---\ntitle: x\ndate: 2025-07-29\nphotos: [{file: a.jpg, consent: maybe}, b.jpg]\ncover: a.jpg\n---\n",
		"---\ntitle: &a [*a]\n---\n",
		"---\nanchors: &a {b: *a}\n---\n",
		"\xef\xbb\xbf---\r\ntitle: x\r\n---\r\n",
		"---\ntitle: x\ndate: 2025-07-29\ndraft: true\n---\n",
		"\xff\xfe",
		"",
		"title: x\ndate: 2017-04-05 16:16:01 -0800\n---\nIsi.\n", // no opening ---
		"---\ntitle: x\n...\nIsi.\n",                             // closed with YAML's ...
		"---\ntitle: x\n---\n{{< youtube x >}} {% raw %}\n<Foo />\nimport a from 'b'\n![x](hilang.jpg)\n",
		"---\ntitle: x\n---\n" + strings.Repeat("> - ", 200) + "x\n",
	} {
		f.Add(s, uint8(0))
	}
	f.Fuzz(func(t *testing.T, src string, place uint8) {
		name := fuzzPlaces[int(place)%len(fuzzPlaces)]
		fsys := fstest.MapFS{name: {Data: []byte(src)}}
		pages, ds := Load(context.Background(), fsys, Options{Drafts: true, RequireConsent: true})
		if len(pages) == 0 && len(ds) == 0 {
			t.Fatalf("%s holding %q gave neither a page nor a diagnostic", name, src)
		}
		for _, d := range ds {
			if d.File != name || d.Line < 0 {
				t.Fatalf("diagnostic for %s at %s:%d", name, d.File, d.Line)
			}
			_ = d.Format("en")
			_ = d.Format("id")
		}
	})
}
