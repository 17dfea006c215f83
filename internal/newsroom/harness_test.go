package newsroom_test

import (
	"context"
	"io"
	"net/http"
	"net/http/cookiejar"
	"net/url"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
	"time"

	"golang.org/x/tools/txtar"

	"github.com/dinsos-metro/warta"
	"github.com/dinsos-metro/warta/internal/build"
	"github.com/dinsos-metro/warta/internal/newsroom"
	"github.com/dinsos-metro/warta/internal/serve"
)

// harness runs `warta serve` with the newsroom on a copy of a fixture
// site, on a loopback address with a free port.
type harness struct {
	t      *testing.T
	dir    string
	base   string // http://127.0.0.1:PORT
	secret string
	nr     *newsroom.Newsroom
	client *http.Client // holds the secret's cookie
}

func start(t *testing.T, fixture string) *harness {
	t.Helper()
	dir := t.TempDir()
	ar, err := txtar.ParseFile(filepath.Join("testdata", fixture))
	if err != nil {
		t.Fatal(err)
	}
	for _, f := range ar.Files {
		p := filepath.Join(dir, filepath.FromSlash(f.Name))
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, f.Data, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	root, err := os.OpenRoot(dir)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { root.Close() })
	ctx, cancel := context.WithCancel(context.Background())
	srv, err := serve.New(ctx, serve.Options{
		Build: build.Options{Source: root.FS(), Theme: warta.Theme, Drafts: true, Future: true,
			BaseURL: "http://127.0.0.1/", NoMinify: true, Dir: dir},
		Dir:      dir,
		Addr:     "127.0.0.1:0", // loopback only, any free port
		Debounce: 30 * time.Millisecond,
	})
	if err != nil {
		t.Fatal(err)
	}
	h := &harness{t: t, dir: dir, secret: newsroom.NewSecret()}
	h.nr, err = newsroom.New(newsroom.Options{Dir: dir, Addr: "127.0.0.1:0", Secret: h.secret, Site: srv})
	if err != nil {
		t.Fatal(err)
	}
	srv.Mount(newsroom.Prefix, h.nr)
	addrc := make(chan string, 1)
	done := make(chan error, 1)
	go func() {
		done <- srv.Serve(ctx, func(a string) {
			h.nr.SetAddr(a)
			addrc <- a
		})
	}()
	select {
	case a := <-addrc:
		h.base = "http://" + a
	case err := <-done:
		t.Fatal(err)
	}
	t.Cleanup(func() {
		cancel()
		select {
		case <-done:
		case <-time.After(5 * time.Second):
			t.Error("the server did not shut down")
		}
	})
	jar, _ := cookiejar.New(nil)
	h.client = &http.Client{Jar: jar, CheckRedirect: func(*http.Request, []*http.Request) error { return http.ErrUseLastResponse }}
	// Open the newsroom the way the terminal's address does.
	resp, err := h.client.Get(h.nr.URL())
	if err != nil {
		t.Fatal(err)
	}
	resp.Body.Close()
	if resp.StatusCode != http.StatusSeeOther {
		t.Fatalf("opening with the secret: %s", resp.Status)
	}
	return h
}

// get fetches a newsroom page with the cookie.
func (h *harness) get(path string) (int, string) {
	h.t.Helper()
	resp, err := h.client.Get(h.base + path)
	if err != nil {
		h.t.Fatal(err)
	}
	defer resp.Body.Close()
	b, _ := io.ReadAll(resp.Body)
	return resp.StatusCode, string(b)
}

var csrfMeta = regexp.MustCompile(`<meta name="csrf-token" content="([0-9a-f]+)">`)

// csrf reads the token from a page, as the browser's forms do.
func (h *harness) csrf() string {
	h.t.Helper()
	_, page := h.get("/_redaksi/")
	m := csrfMeta.FindStringSubmatch(page)
	if m == nil {
		h.t.Fatalf("no CSRF token in the dashboard:\n%s", page)
	}
	return m[1]
}

// post sends a form the way a same-origin page does.
func (h *harness) post(path string, form url.Values) (*http.Response, string) {
	h.t.Helper()
	req, _ := http.NewRequest(http.MethodPost, h.base+path, strings.NewReader(form.Encode()))
	req.Header.Set("Content-Type", "application/x-www-form-urlencoded")
	req.Header.Set("Origin", h.base)
	resp, err := h.client.Do(req)
	if err != nil {
		h.t.Fatal(err)
	}
	defer resp.Body.Close()
	b, _ := io.ReadAll(resp.Body)
	return resp, string(b)
}

func (h *harness) read(rel string) string {
	h.t.Helper()
	b, err := os.ReadFile(filepath.Join(h.dir, filepath.FromSlash(rel)))
	if err != nil {
		h.t.Fatal(err)
	}
	return string(b)
}
