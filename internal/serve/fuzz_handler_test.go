package serve

import (
	"bytes"
	"context"
	"net/http"
	"net/http/httptest"
	"net/url"
	"strings"
	"sync"
	"testing"
	"testing/fstest"

	"github.com/dinsos-metro/warta"
	"github.com/dinsos-metro/warta/internal/build"
)

// fuzzSite is a small site served from memory; beside it lie files a
// request must never reach (the site's sources, a secret outside).
var fuzzSite = fstest.MapFS{
	"site.yaml":                       {Data: []byte("# RAHASIA-SUMBER\ntitle: Dinas Uji\nbase_url: http://127.0.0.1/\nlanguage: en\n")},
	"content/_index.md":               {Data: []byte("Beranda.\n")},
	"content/berita/2025-07-29-tk.md": {Data: []byte("---\ntitle: Kunjungan TK\ndate: 2025-07-29\ntags: [PAUD]\ncatatan: RAHASIA-SUMBER\n---\nIsi.\n")},
	"content/tentang.md":              {Data: []byte("---\ntitle: Tentang\n---\nTentang kami.\n")},
}

var (
	fuzzOnce   sync.Once
	fuzzServer *Server
)

func fuzzedServer(t testing.TB) *Server {
	fuzzOnce.Do(func() {
		s, err := New(context.Background(), Options{Build: build.Options{Source: fuzzSite, Theme: warta.Theme, Drafts: true, Future: true}})
		if err != nil {
			t.Fatal(err)
		}
		fuzzServer = s
	})
	if errs := fuzzServer.Errors(); len(errs) > 0 {
		t.Fatalf("the fuzzed site does not build: %v", errs)
	}
	return fuzzServer
}

// FuzzHandler: whatever the method and path of a request, the preview
// server answers 200, 301, 404 or 405 (500 only while the site has errors),
// never panics, and never sends anything but a file of the built site (or
// its 404 page): no source file, nothing from outside. A redirect stays on
// the site.
func FuzzHandler(f *testing.F) {
	for _, s := range [][2]string{
		{"GET", "/"}, {"GET", "/berita/"}, {"GET", "/berita"}, {"HEAD", "/tentang/"}, {"POST", "/"}, {"DELETE", "/x"},
		{"GET", "/../../etc/passwd"}, {"GET", "/%2e%2e/%2e%2e/etc/passwd"}, {"GET", "/..%2f..%2fsite.yaml"},
		{"GET", "/site.yaml"}, {"GET", "/content/tentang.md"}, {"GET", "//evil.example/"}, {"GET", "/\\evil.example/"},
		{"GET", "/berita/./"}, {"GET", "/berita//"}, {"GET", "/index.html"}, {"GET", "/feed.xml"}, {"GET", "/%00"},
		{"GET", "/_warta/events"}, {"GET", "/tag/paud"}, {"GET", "*"}, {"GET", "/berita/tk/index.html/"}, {"GET", "/BERITA/"},
		{"get", "/"}, {"GET", "/caf%C3%A9/"}, {"GET", "/%ff/"}, {"GET", "/assets/"},
	} {
		f.Add(s[0], s[1])
	}
	f.Fuzz(func(t *testing.T, method, target string) {
		s := fuzzedServer(t)
		u, err := url.Parse(target)
		if err != nil || !validMethod(method) {
			return // net/http answers 400 before any handler runs
		}
		ctx, cancel := context.WithCancel(context.Background())
		cancel() // an event stream ends at once
		req := (&http.Request{Method: method, URL: u, Header: http.Header{}, Host: "127.0.0.1", RequestURI: target}).WithContext(ctx)
		rec := httptest.NewRecorder()
		s.Handler().ServeHTTP(rec, req)
		body := rec.Body.Bytes()
		switch rec.Code {
		case http.StatusOK:
			if u.Path == EventsPath {
				return
			}
			if method == http.MethodHead {
				if len(body) != 0 {
					t.Fatalf("%s %q: a HEAD answer has a body", method, target)
				}
				return
			}
			if !s.isServedFile(body) {
				t.Fatalf("%s %q: 200 with a body that is no file of the site:\n%.300s", method, target, body)
			}
		case http.StatusNotFound:
			notFound, _ := s.read("404.html")
			if method != http.MethodHead && !bytes.Equal(body, inject(notFound)) {
				t.Fatalf("%s %q: 404 without the site's 404 page", method, target)
			}
		case http.StatusMovedPermanently:
			loc := rec.Header().Get("Location")
			if !strings.HasPrefix(loc, "/") || strings.HasPrefix(loc, "//") || strings.HasPrefix(loc, "/\\") || strings.Contains(loc, "..") {
				t.Fatalf("%s %q: redirect to %q leaves the site", method, target, loc)
			}
			if name := strings.TrimPrefix(loc, "/") + "index.html"; !s.has(name) {
				t.Fatalf("%s %q: redirect to %q, which has no page", method, target, loc)
			}
		case http.StatusMethodNotAllowed:
			if method == http.MethodGet || method == http.MethodHead {
				t.Fatalf("%s %q: 405", method, target)
			}
		default:
			t.Fatalf("%s %q: status %d", method, target, rec.Code)
		}
		if bytes.Contains(body, []byte("RAHASIA-SUMBER")) { // only in the sources
			t.Fatalf("%s %q: a source file was sent", method, target)
		}
	})
}

// validMethod is net/http's rule: a token.
func validMethod(m string) bool {
	if m == "" {
		return false
	}
	for _, c := range m {
		if c <= ' ' || c >= 0x7f || strings.ContainsRune(`()<>@,;:\"/[]?={}`, c) {
			return false
		}
	}
	return true
}

func (s *Server) has(name string) bool { _, ok := s.read(name); return ok }

// isServedFile reports whether body is a file of the built site, as the
// handler sends it (HTML with the reload script).
func (s *Server) isServedFile(body []byte) bool {
	for _, name := range s.Files() {
		data, _ := s.read(name)
		if bytes.Equal(body, data) || (strings.HasSuffix(name, ".html") && bytes.Equal(body, inject(data))) {
			return true
		}
	}
	return false
}
