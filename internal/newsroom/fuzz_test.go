package newsroom

import (
	"context"
	"io/fs"
	"net/http"
	"net/http/httptest"
	"net/url"
	"os"
	"path"
	"path/filepath"
	"strings"
	"testing"

	"github.com/dinsos-metro/warta/internal/diag"
)

// noSite stands in for the preview server: the paths under test never
// get as far as a build.
type noSite struct{}

func (noSite) Problems() []diag.Diagnostic { return nil }
func (noSite) Preview(context.Context, string, []byte) ([]byte, []diag.Diagnostic, error) {
	return nil, nil, os.ErrNotExist
}
func (noSite) Changed(context.Context, []string) {}

// FuzzNewsroomPath feeds request parameters and upload names to the
// checks of paths.go and to the handlers that read files: nothing may
// name a place outside content/ (or outside a page's folder), and no
// answer may carry a file from elsewhere (site.yaml here holds a marker).
func FuzzNewsroomPath(f *testing.F) {
	for _, s := range []string{
		"content/berita/x.md", "content/berita/x/index.md", "../site.yaml", "content/../site.yaml",
		"content/berita/../../site.yaml", "/etc/passwd", `content\..\site.yaml`, "content/.warta/x.md",
		"content/berita/x.md\x00.jpg", "content//x.md", "content/./x.md", "C:/x.md", "content/x.md/",
		"foto.jpg", "../foto.jpg", ".htaccess", "a/b.jpg", "Foto Ibu (1).JPG", "é.jpg", "..", "",
	} {
		f.Add(s)
	}
	dir := f.TempDir()
	must := func(err error) {
		if err != nil {
			f.Fatal(err)
		}
	}
	must(os.MkdirAll(filepath.Join(dir, "content/berita/x"), 0o755))
	must(os.WriteFile(filepath.Join(dir, "site.yaml"), []byte("title: RAHASIA-DI-LUAR\n"), 0o644))
	must(os.WriteFile(filepath.Join(dir, "content/berita/x/index.md"), []byte("---\ntitle: X\n---\n"), 0o644))
	n, err := New(Options{Dir: dir, Addr: "127.0.0.1:1313", Secret: "rahasia", Site: noSite{}})
	must(err)
	f.Fuzz(func(t *testing.T, s string) {
		if p, ok := pageFile(s); ok {
			if !strings.HasPrefix(p, "content/") || !fs.ValidPath(p) || strings.Contains(p, `\`) {
				t.Errorf("pageFile accepted %q", s)
			}
			abs := filepath.Join(dir, filepath.FromSlash(p))
			if rel, err := filepath.Rel(filepath.Join(dir, "content"), abs); err != nil || strings.HasPrefix(rel, "..") {
				t.Errorf("pageFile %q leaves content/", s)
			}
			if b := bundleDir(p); !strings.HasPrefix(b, "content/") || !fs.ValidPath(b) {
				t.Errorf("bundleDir(%q) = %q", p, b)
			}
		}
		if name, ok := resourceName(s); ok {
			if strings.ContainsAny(name, `/\`) || strings.HasPrefix(name, ".") || !fs.ValidPath(name) {
				t.Errorf("resourceName accepted %q", s)
			}
		}
		name := safeName(s, ".jpg")
		if strings.ContainsAny(name, "/\\\x00:") || strings.HasPrefix(name, ".") || !fs.ValidPath(name) || path.Ext(name) != ".jpg" {
			t.Errorf("safeName(%q) = %q", s, name)
		}
		for _, target := range []string{
			"/_redaksi/edit?file=" + url.QueryEscape(s),
			"/_redaksi/photo?file=content%2Fberita%2Fx%2Findex.md&name=" + url.QueryEscape(s),
			"/_redaksi/photo?file=" + url.QueryEscape(s) + "&name=index.md",
			"/_redaksi/history?file=" + url.QueryEscape(s),
		} {
			req := httptest.NewRequest(http.MethodGet, "http://127.0.0.1:1313"+target, nil)
			req.AddCookie(&http.Cookie{Name: CookieName, Value: "rahasia"})
			w := httptest.NewRecorder()
			n.ServeHTTP(w, req)
			if strings.Contains(w.Body.String(), "RAHASIA-DI-LUAR") {
				t.Errorf("%s answered with site.yaml", target)
			}
		}
	})
}
