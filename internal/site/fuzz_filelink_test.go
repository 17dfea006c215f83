package site

import (
	"io/fs"
	"strings"
	"testing"
	"unicode/utf8"
)

// FuzzFileLink: a Markdown link resolved as a link to another page by its
// file always names a clean path inside content/ that ends in .md, and its
// fragment is empty or starts with "#": no link can point a page at a file
// outside the content folder.
func FuzzFileLink(f *testing.F) {
	for _, s := range [][2]string{
		{"content/berita/x.md", "../tentang.md"},
		{"content/berita/x.md", "../tentang.md#visi"},
		{"content/berita/2025-07-29-x/index.md", "../../kontak.MD"},
		{"content/tentang.md", "../../../etc/passwd.md"},
		{"content/tentang.md", "../site.md"},
		{"content/tentang.md", "/etc/x.md"},
		{"content/tentang.md", "https://example.org/x.md"},
		{"content/tentang.md", "javascript:alert(1)//.md"},
		{"content/tentang.md", "#visi"},
		{"content/tentang.md", "x.md#a#b"},
		{"content/tentang.md", `..\..\x.md`},
		{"content/tentang.md", "./berita/../../content/x.md"},
		{"content/a/b/c.md", "../../../content/x.md"},
		{"content/tentang.md", ""},
	} {
		f.Add(s[0], s[1])
	}
	f.Fuzz(func(t *testing.T, from, dest string) {
		if !strings.HasPrefix(from, "content/") || !fs.ValidPath(from) || !utf8.ValidString(dest) {
			return // pages are clean paths below content/, their text UTF-8 (readSource)
		}
		file, frag, ok := FileLink(from, dest)
		if !ok {
			if file != "" || frag != "" {
				t.Fatalf("FileLink(%q, %q) = %q, %q, false", from, dest, file, frag)
			}
			return
		}
		if !strings.HasPrefix(file, "content/") || !fs.ValidPath(file) || !strings.HasSuffix(strings.ToLower(file), ".md") {
			t.Fatalf("FileLink(%q, %q) = %q: not a Markdown file below content/", from, dest, file)
		}
		if frag != "" && !strings.HasPrefix(frag, "#") {
			t.Fatalf("FileLink(%q, %q): fragment %q", from, dest, frag)
		}
	})
}
