package serve_test

import (
	"bufio"
	"context"
	"io"
	"net"
	"net/http"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/dinsos-metro/warta"
	"github.com/dinsos-metro/warta/internal/build"
	"github.com/dinsos-metro/warta/internal/serve"
)

// A small site on disk, edited while the server runs.
var files = map[string]string{
	"site.yaml":                       "title: Dinas Uji\nbase_url: https://example.org/\nlanguage: en\n",
	"content/_index.md":               "---\ntitle: Beranda\n---\nSelamat datang.\n",
	"content/berita/_index.md":        "---\ntitle: Berita\n---\n",
	"content/berita/2025-07-29-tk.md": "---\ntitle: Kunjungan TK\ndate: 2025-07-29\ndistrict: Metro Pusat\n---\nAnak-anak bermain.\n",
	"content/tentang.md":              "---\ntitle: Tentang\n---\nTentang kami.\n",
}

type harness struct {
	t      *testing.T
	dir    string
	base   string
	events *bufio.Reader
}

func start(t *testing.T) *harness {
	t.Helper()
	dir := t.TempDir()
	for name, data := range files {
		write(t, dir, name, data)
	}
	root, err := os.OpenRoot(dir)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { root.Close() })
	ctx, cancel := context.WithCancel(context.Background())
	srv, err := serve.New(ctx, serve.Options{
		Build:    build.Options{Source: root.FS(), Theme: warta.Theme, Drafts: true, Future: true, BaseURL: "http://127.0.0.1/"},
		Dir:      dir,
		Addr:     "127.0.0.1:0", // loopback only, any free port
		Debounce: 30 * time.Millisecond,
	})
	if err != nil {
		t.Fatal(err)
	}
	addrc := make(chan string, 1)
	done := make(chan error, 1)
	go func() { done <- srv.Serve(ctx, func(a string) { addrc <- a }) }()
	var addr string
	select {
	case addr = <-addrc:
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
	h := &harness{t: t, dir: dir, base: "http://" + addr}
	resp, err := http.Get(h.base + serve.EventsPath)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { resp.Body.Close() })
	h.events = bufio.NewReader(resp.Body)
	if line, _ := h.events.ReadString('\n'); !strings.HasPrefix(line, ":") {
		t.Fatalf("event stream starts with %q", line)
	}
	return h
}

func write(t *testing.T, dir, name, data string) {
	t.Helper()
	p := filepath.Join(dir, filepath.FromSlash(name))
	if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(p, []byte(data), 0o644); err != nil {
		t.Fatal(err)
	}
}

// change edits the site and waits for the reload event.
func (h *harness) change(f func()) {
	h.t.Helper()
	f()
	got := make(chan string, 1)
	go func() {
		for {
			line, err := h.events.ReadString('\n')
			if err != nil {
				got <- "error: " + err.Error()
				return
			}
			if strings.HasPrefix(line, "data: ") {
				got <- strings.TrimSpace(strings.TrimPrefix(line, "data: "))
				return
			}
		}
	}()
	select {
	case ev := <-got:
		if ev != "reload" {
			h.t.Fatalf("event %q, want reload", ev)
		}
	case <-time.After(10 * time.Second):
		h.t.Fatal("no reload event after the change")
	}
}

func (h *harness) get(path string) (int, string, string) {
	h.t.Helper()
	resp, err := http.Get(h.base + path)
	if err != nil {
		h.t.Fatal(err)
	}
	defer resp.Body.Close()
	body, _ := io.ReadAll(resp.Body)
	return resp.StatusCode, resp.Header.Get("Content-Type"), string(body)
}

func (h *harness) want(path string, status int, substrings ...string) string {
	h.t.Helper()
	code, _, body := h.get(path)
	if code != status {
		h.t.Fatalf("GET %s: status %d, want %d\n%s", path, code, status, body)
	}
	for _, s := range substrings {
		neg := strings.HasPrefix(s, "! ")
		s = strings.TrimPrefix(s, "! ")
		if strings.Contains(body, s) == neg {
			h.t.Fatalf("GET %s: contains %q = %v, want %v", path, s, !neg, neg)
		}
	}
	return body
}

func TestServeEditsReloadAndRecover(t *testing.T) {
	h := start(t)
	h.want("/berita/tk/", 200, "Kunjungan TK", serve.EventsPath)

	// Edit in place.
	h.change(func() {
		write(t, h.dir, "content/berita/2025-07-29-tk.md", "---\ntitle: Kunjungan TK Diperbarui\ndate: 2025-07-29\ndistrict: Metro Pusat\n---\nAnak-anak bermain.\n")
	})
	h.want("/berita/tk/", 200, "Kunjungan TK Diperbarui")
	h.want("/berita/", 200, "Kunjungan TK Diperbarui")

	// Saved the way many editors save: a temporary file renamed over the
	// original, after a first write of half the text.
	h.change(func() {
		p := filepath.Join(h.dir, "content/berita/2025-07-29-tk.md")
		tmp := filepath.Join(h.dir, "content/berita/.2025-07-29-tk.md.swp")
		write(t, h.dir, "content/berita/.2025-07-29-tk.md.swp", "---\ntitle: Setengah")
		write(t, h.dir, "content/berita/.2025-07-29-tk.md.swp", "---\ntitle: Disimpan Atomik\ndate: 2025-07-29\n---\nAnak-anak bermain.\n")
		if err := os.Rename(tmp, p); err != nil {
			t.Fatal(err)
		}
	})
	h.want("/berita/tk/", 200, "Disimpan Atomik")

	// A new report in a new bundle folder.
	h.change(func() {
		write(t, h.dir, "content/berita/2025-08-01-sd/index.md", "---\ntitle: Kunjungan SD\ndate: 2025-08-01\n---\nMurid SD.\n")
	})
	h.want("/berita/sd/", 200, "Kunjungan SD")
	h.want("/", 200, "Kunjungan SD")

	// Renamed: the old address is gone, the new one is there.
	h.change(func() {
		if err := os.Rename(filepath.Join(h.dir, "content/tentang.md"), filepath.Join(h.dir, "content/profil.md")); err != nil {
			t.Fatal(err)
		}
	})
	h.want("/profil/", 200, "Tentang kami.")
	h.want("/tentang/", 404)

	// Deleted.
	h.change(func() {
		if err := os.RemoveAll(filepath.Join(h.dir, "content/berita/2025-08-01-sd")); err != nil {
			t.Fatal(err)
		}
	})
	h.want("/berita/sd/", 404)
	h.want("/", 200, "! Kunjungan SD")

	// A template of the site's own.
	tmpl, _ := warta.Theme.ReadFile("layouts/page.html")
	h.change(func() {
		write(t, h.dir, "layouts/page.html", strings.Replace(string(tmpl), "<h1>", `<h1 class="diubah">`, 1))
	})
	h.want("/profil/", 200, `class="diubah"`)

	// An asset: the stylesheet gets a new fingerprint.
	_, _, before := h.get("/")
	css, _ := warta.Theme.ReadFile("assets/css/style.css")
	h.change(func() {
		write(t, h.dir, "assets/css/style.css", string(css)+"\n.diubah{color:#123456}\n")
	})
	_, _, after := h.get("/")
	if cssLink(before) == cssLink(after) || cssLink(after) == "" {
		t.Fatalf("stylesheet link did not change: %q then %q", cssLink(before), cssLink(after))
	}
	h.want(cssLink(after), 200, "#123456")

	// A broken front matter shows the overlay with file and line ...
	h.change(func() {
		write(t, h.dir, "content/berita/2025-07-29-tk.md", "---\ntitle: Kunjungan TK\ndate: 29-07-2025\n---\nAnak-anak bermain.\n")
	})
	h.want("/berita/tk/", 500, "content/berita/2025-07-29-tk.md:3", "2025-07-29", serve.EventsPath)
	h.want("/", 500, "content/berita/2025-07-29-tk.md:3")
	// ... and the next good save clears it.
	h.change(func() {
		write(t, h.dir, "content/berita/2025-07-29-tk.md", "---\ntitle: Kunjungan TK Lagi\ndate: 2025-07-29\n---\nAnak-anak bermain.\n")
	})
	h.want("/berita/tk/", 200, "Kunjungan TK Lagi")
}

func cssLink(page string) string {
	i := strings.Index(page, `href="/assets/css/style.`)
	if i < 0 {
		return ""
	}
	rest := page[i+len(`href="`):]
	return rest[:strings.IndexByte(rest, '"')]
}

func TestServeRefusesPathsOutsideTheSite(t *testing.T) {
	h := start(t)
	for _, p := range []string{
		"/../../etc/passwd", "/..%2f..%2fetc/passwd", "/%2e%2e/%2e%2e/etc/passwd",
		"/berita/../../site.yaml", "/content/berita/2025-07-29-tk.md", "/site.yaml", "/..\\..\\etc\\passwd",
	} {
		conn, err := net.Dial("tcp", strings.TrimPrefix(h.base, "http://"))
		if err != nil {
			t.Fatal(err)
		}
		// A raw request: clients clean paths themselves, attackers do not.
		_, _ = io.WriteString(conn, "GET "+p+" HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n")
		resp, err := http.ReadResponse(bufio.NewReader(conn), nil)
		if err != nil {
			t.Fatalf("%s: %v", p, err)
		}
		body, _ := io.ReadAll(resp.Body)
		conn.Close()
		if resp.StatusCode != http.StatusNotFound && resp.StatusCode != http.StatusBadRequest {
			t.Errorf("GET %s: status %d, want 404", p, resp.StatusCode)
		}
		if strings.Contains(string(body), "root:") || strings.Contains(string(body), "base_url") {
			t.Errorf("GET %s leaked a file outside the site", p)
		}
	}
}

func TestServeContentTypes(t *testing.T) {
	h := start(t)
	for path, want := range map[string]string{
		"/":            "text/html; charset=utf-8",
		"/feed.xml":    "application/xml",
		"/sitemap.xml": "application/xml",
		"/robots.txt":  "text/plain",
	} {
		_, ct, _ := h.get(path)
		if !strings.HasPrefix(ct, want) {
			t.Errorf("%s: Content-Type %q, want %q", path, ct, want)
		}
	}
	_, _, home := h.get("/")
	_, ct, _ := h.get(cssLink(home))
	if !strings.HasPrefix(ct, "text/css") {
		t.Errorf("stylesheet: Content-Type %q", ct)
	}
	h.want("/tidak-ada/", 404, "<html")
	code, _, _ := h.get("/berita")
	if code != 200 { // the client follows the redirect to /berita/
		t.Errorf("GET /berita: %d", code)
	}
}
