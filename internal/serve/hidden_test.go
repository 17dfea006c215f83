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

// hiddenSecret stands for what .warta/ holds (password hashes, session
// hashes, the audit log): no response may ever carry it.
const hiddenSecret = "RAHASIA-AKUN-$argon2id$"

var hiddenSite = fstest.MapFS{
	"site.yaml":               {Data: []byte("title: Dinas Uji\nbase_url: http://127.0.0.1/\nlanguage: en\n")},
	"content/_index.md":       {Data: []byte("Beranda.\n")},
	"content/tentang.md":      {Data: []byte("---\ntitle: Tentang\n---\nTentang kami. [akun](../.warta/users.json) ![x](../.warta/users.json)\n")},
	".warta/users.json":       {Data: []byte(`{"users":[{"hash":"` + hiddenSecret + `"}]}`)},
	".warta/sessions.json":    {Data: []byte(hiddenSecret)},
	".warta/audit.log":        {Data: []byte(hiddenSecret)},
	".warta/tls/server.key":   {Data: []byte(hiddenSecret)},
	"content/.warta/users.md": {Data: []byte("---\ntitle: " + hiddenSecret + "\n---\n" + hiddenSecret)},
}

var (
	hiddenOnce sync.Once
	hiddenSrv  *Server
)

// hiddenServer builds hiddenSite, then plants the hidden files in the
// served store as if a future build had copied them: the handler must
// refuse them by itself.
func hiddenServer(t testing.TB) *Server {
	hiddenOnce.Do(func() {
		s, err := New(context.Background(), Options{Build: build.Options{Source: hiddenSite, Theme: warta.Theme, Drafts: true}})
		if err != nil {
			t.Fatal(err)
		}
		for _, name := range s.store.Names() {
			if data, _ := s.store.Get(name); bytes.Contains(data, []byte(hiddenSecret)) {
				t.Fatalf("the build published the hidden folder's text in %s", name)
			}
			if hidden(name) && name != ".warta" {
				t.Fatalf("the build wrote %s", name)
			}
		}
		for _, name := range []string{".warta/users.json", ".warta/audit.log", "x/.WARTA/tls/server.key", ".warta-staging-1/index.html"} {
			_ = s.store.Write(name, []byte(hiddenSecret))
		}
		hiddenSrv = s
	})
	if errs := hiddenSrv.Errors(); len(errs) > 0 {
		t.Fatalf("the site does not build: %v", errs)
	}
	return hiddenSrv
}

func TestHiddenFolderNotServed(t *testing.T) {
	s := hiddenServer(t)
	for _, p := range []string{"/.warta/users.json", "/.warta/audit.log", "/.WARTA/users.json", "/x/.WARTA/tls/server.key", "/.warta-staging-1/", "/.warta/", "/.warta"} {
		rec := httptest.NewRecorder()
		s.Handler().ServeHTTP(rec, httptest.NewRequest("GET", p, nil))
		if rec.Code == http.StatusOK && strings.Contains(rec.Body.String(), hiddenSecret) {
			t.Errorf("GET %s served the hidden folder", p)
		}
	}
	rec := httptest.NewRecorder()
	s.Handler().ServeHTTP(rec, httptest.NewRequest("GET", "/tentang/", nil))
	if rec.Code != http.StatusOK {
		t.Fatalf("the site itself: %d", rec.Code)
	}
}

// FuzzHiddenPath: no request path, however spelled, reaches the hidden
// folder's files.
func FuzzHiddenPath(f *testing.F) {
	for _, p := range []string{"/.warta/users.json", "/%2ewarta/users.json", "/.Warta/audit.log", "/x/../.warta/users.json", "/.warta//users.json", "/./.warta/users.json", "/.warta%2fusers.json", "/x/.WARTA/tls/server.key"} {
		f.Add(p)
	}
	f.Fuzz(func(t *testing.T, target string) {
		s := hiddenServer(t)
		u, err := url.Parse(target)
		if err != nil || !strings.HasPrefix(target, "/") {
			return
		}
		req := &http.Request{Method: "GET", URL: u, Header: http.Header{}, Host: "127.0.0.1", RequestURI: target}
		rec := httptest.NewRecorder()
		s.Handler().ServeHTTP(rec, req)
		if strings.Contains(rec.Body.String(), hiddenSecret) || strings.Contains(rec.Header().Get("Location"), ".warta/") {
			t.Fatalf("GET %q: %d reached the hidden folder", target, rec.Code)
		}
	})
}
