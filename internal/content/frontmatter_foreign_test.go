package content

import (
	"maps"
	"strings"
	"testing"

	"github.com/dinsos-metro/warta/internal/diag"
)

// TOML and JSON front matter (pages brought over from Hugo) with the
// common mistakes: the message names the line and says the fix in the
// reader's language, not in the parser's English.
func TestForeignFrontMatterMessages(t *testing.T) {
	cases := []struct {
		file, src string
		line      int
		id        string // a phrase of the Indonesian message
	}{
		{"a.md", "+++\ntitle = Judul tanpa kutip\n+++\nTeks.\n", 2, `teks di TOML ditulis di dalam tanda kutip ganda: title = "Judul tanpa kutip"`},
		{"b.md", "+++\ntitle: \"Judul\"\n+++\nTeks.\n", 2, "isian TOML memakai ="},
		{"b2.md", "+++\ntags = [a, b]\n+++\nTeks.\n", 2, `ditulis di dalam tanda kutip ganda: "a"`},
		{"c.md", "+++\ntitle = \"Judul\n+++\nTeks.\n", 2, "harus berakhir di baris yang sama"},
		{"d.md", "+++\ntitle = \"a\"\ntitle = \"b\"\n+++\nTeks.\n", 3, `"title" ditulis dua kali`},
		{"e.md", "+++\ntags = [\"a\" \"b\"]\n+++\nTeks.\n", 2, "daftar yang dibuka dengan ["},
		{"f.md", "+++\ndate = 2024-13-45\n+++\nTeks.\n", 2, `"2024-13-45" bukan tanggal`},
		{"g.md", "+++\ntitle = \"a\" lagi\n+++\nTeks.\n", 2, "satu isian per baris"},
		{"h.md", "+++\n= \"x\"\n+++\nTeks.\n", 2, "tanpa nama isian"},
		{"i.md", ";;;\n{\"title\": \"a\",}\n;;;\nTeks.\n", 2, "ada koma setelah isian atau butir terakhir"},
		{"j.md", ";;;\n{title: \"a\"}\n;;;\nTeks.\n", 2, "ditulis di dalam tanda kutip ganda, seperti"},
		{"k.md", ";;;\n{\"title\": 'a'}\n;;;\nTeks.\n", 2, "bukan tanda kutip tunggal"},
		{"l.md", ";;;\n{\"title\": \"a\" \"draft\": true}\n;;;\nTeks.\n", 2, "ada koma yang kurang"},
		{"m.md", ";;;\n{\"title\" \"a\"}\n;;;\nTeks.\n", 2, "titik dua kurang setelah nama isian"},
		{"n.md", ";;;\n{\"title\": \"a\"\n;;;\nTeks.\n", 2, "dibuka dan tidak pernah ditutup"},
		{"o.md", ";;;\n{\"title\": \"a\nb\"}\n;;;\nTeks.\n", 3, `tulis \n untuk pindah baris`},
		{"p.md", ";;;\n{\"tags\": [\"a\", \"b\",]}\n;;;\nTeks.\n", 2, "ada koma setelah isian atau butir terakhir"},
	}
	for _, c := range cases {
		_, _, _, err := splitFrontMatter([]byte(c.src))
		if err == nil {
			t.Errorf("%s: no error for %q", c.file, c.src)
			continue
		}
		d := frontMatterDiagnostic(c.file, []byte(c.src), err)
		if d.Code != diag.FrontMatterSyntax || d.Line != c.line {
			t.Errorf("%s: %s at line %d, want %s at line %d", c.file, d.Code, d.Line, diag.FrontMatterSyntax, c.line)
		}
		id, en := d.Message("id"), d.Message("en")
		if !strings.Contains(id, c.id) {
			t.Errorf("%s: Indonesian message %q does not say %q", c.file, id, c.id)
		}
		for _, word := range []string{"expected", "invalid character", "unexpected", "found"} {
			if strings.Contains(id, word) || strings.Contains(en, word) {
				t.Errorf("%s: the parser's words %q are still in the message:\n%s\n%s", c.file, word, id, en)
			}
		}
	}
}

// Words of the libraries that are not known are passed on as they are.
func TestForeignProblemUnknownPassesThrough(t *testing.T) {
	for _, msg := range []string{"something new the library says", "invalid character 'x' somewhere new"} {
		if got := diag.TOMLProblemAt(msg, nil, 1); got != msg {
			t.Errorf("TOMLProblemAt(%q) = %v", msg, got)
		}
		if got := diag.JSONProblem(msg); got != msg {
			t.Errorf("JSONProblem(%q) = %v", msg, got)
		}
	}
}

// What a field holds instead of text, and the items of an entry, are said
// in the reader's language too (they were English words inside the
// Indonesian message).
func TestWrongShapeMessagesInIndonesian(t *testing.T) {
	fsys := maps.Clone(site)
	fsys["content/berita/2025-07-29-daftar.md"] = file("---\ntitle: [satu, dua]\ndate: 2025-07-29\n---\nIsi.\n")
	fsys["content/galeri/g/index.md"] = file("---\ntitle: G\ndate: 2025-07-29\nphotos: {file: a.jpg}\n---\n")
	_, ds := Load(t.Context(), fsys, Options{})
	var id []string
	for _, d := range ds {
		id = append(id, d.Message("id"))
	}
	all := strings.Join(id, "\n")
	for _, want := range []string{`"title" harus berupa teks, bukan daftar;`, `masing-masing dengan file, caption dan alt`} {
		if !strings.Contains(all, want) {
			t.Errorf("messages do not say %q:\n%s", want, all)
		}
	}
	for _, english := range []string{" a list", " and "} {
		if strings.Contains(all, english) {
			t.Errorf("English %q in the Indonesian messages:\n%s", english, all)
		}
	}
}
