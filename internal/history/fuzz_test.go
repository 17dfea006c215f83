package history

import (
	"path"
	"strings"
	"testing"
)

// FuzzSafePath: whatever SafePath accepts is a clean relative path below
// content/ with no hidden, parent or empty part.
func FuzzSafePath(f *testing.F) {
	for _, s := range []string{"content/berita/x.md", "../x", "content/../x", "/etc/passwd", "C:/x", `content\x`,
		"content/.git/config", ".warta/users.json", "content//x", "content/x\x00.md", "content/./x", "content/ x ", "content"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, rel string) {
		got, err := SafePath(rel)
		if err != nil {
			return
		}
		if got != rel || path.Clean(got) != got || path.IsAbs(got) || !strings.HasPrefix(got, "content/") {
			t.Fatalf("accepted %q as %q", rel, got)
		}
		for _, p := range strings.Split(got, "/") {
			if p == ".." || p == "." || p == "" || strings.HasPrefix(p, ".") || strings.ContainsAny(p, "\\:\x00") {
				t.Fatalf("accepted %q with part %q", rel, p)
			}
		}
		if j := path.Join("/site", got); !strings.HasPrefix(j, "/site/content/") {
			t.Fatalf("%q leads to %s", rel, j)
		}
	})
}
