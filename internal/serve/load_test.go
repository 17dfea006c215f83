package serve_test

import (
	"bytes"
	"context"
	"fmt"
	"io"
	"net/http"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"golang.org/x/net/html"

	"github.com/dinsos-metro/warta"
	"github.com/dinsos-metro/warta/internal/build"
	"github.com/dinsos-metro/warta/internal/serve"
)

// TestServeUnderLoad: while an editor saves files again and again and the
// server rebuilds, many browsers on this computer read the site at once.
// None of them ever gets half a page, or an error for a page that exists
// before, during and after the edits. Bounded: 16 clients of 200 requests
// each, on 127.0.0.1 only, within a minute.
func TestServeUnderLoad(t *testing.T) {
	const clients, requests = 16, 200
	dir := t.TempDir()
	site := map[string]string{
		"site.yaml":                       "title: Dinas Uji\nbase_url: http://127.0.0.1/\nlanguage: en\npagination: 3\n",
		"content/_index.md":               "---\ntitle: Beranda\n---\nSelamat datang.\n",
		"content/berita/2025-07-29-tk.md": "---\ntitle: Kunjungan TK\ndate: 2025-07-29\ndistrict: Metro Pusat\ntags: [PAUD]\n---\nAnak-anak bermain.\n",
		"content/berita/2025-07-30-sd.md": "---\ntitle: Kunjungan SD\ndate: 2025-07-30\ndistrict: Metro Timur\n---\nMurid belajar.\n",
		"content/tentang.md":              "---\ntitle: Tentang\n---\nTentang kami.\n",
		"content/modul/sd/m/index.md":     "---\ntitle: Modul\nlevel: sd\n---\nIsi modul.\n",
	}
	for name, text := range site {
		write(t, dir, name, text)
	}
	root, err := os.OpenRoot(dir)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { root.Close() })
	var logs lockedBuffer
	t.Cleanup(func() {
		if t.Failed() {
			t.Logf("server log:\n%s", logs.String())
		}
	})
	ctx, cancel := context.WithTimeout(context.Background(), time.Minute)
	defer cancel()
	srv, err := serve.New(ctx, serve.Options{
		Build:    build.Options{Source: root.FS(), Theme: warta.Theme, Drafts: true, Future: true, BaseURL: "http://127.0.0.1/"},
		Dir:      dir,
		Addr:     "127.0.0.1:0",
		Debounce: 20 * time.Millisecond,
		Log:      &logs,
	})
	if err != nil {
		t.Fatal(err)
	}
	if errs := srv.Errors(); len(errs) > 0 {
		t.Fatalf("the site does not build: %v", errs)
	}
	addrc := make(chan string, 1)
	served := make(chan error, 1)
	go func() { served <- srv.Serve(ctx, func(a string) { addrc <- a }) }()
	var base string
	select {
	case a := <-addrc:
		base = "http://" + a
	case err := <-served:
		t.Fatal(err)
	}
	if !strings.HasPrefix(base, "http://127.0.0.1:") {
		t.Fatalf("listening on %s, not on loopback", base)
	}

	// Pages that exist before, during and after every edit.
	stable := []string{"/", "/berita/", "/berita/tk/", "/berita/sd/", "/tentang/", "/modul/sd/m/", "/kecamatan/metro-pusat/", "/tag/paud/", "/feed.xml", "/sitemap.xml"}

	// The editor: saves in place (as many editors do), adds and removes a
	// report, edits a template, until the clients are done.
	stop := make(chan struct{})
	edited := make(chan int, 1)
	go func() {
		n := 0
		defer func() { edited <- n }()
		for ; ; n++ {
			select {
			case <-stop:
				return
			case <-ctx.Done():
				return
			case <-time.After(15 * time.Millisecond):
			}
			switch n % 4 {
			case 0:
				save(dir, "content/berita/2025-07-29-tk.md", fmt.Sprintf("---\ntitle: Kunjungan TK %d\ndate: 2025-07-29\ndistrict: Metro Pusat\ntags: [PAUD]\n---\nAnak-anak bermain, suntingan %d.\n", n, n))
			case 1:
				save(dir, fmt.Sprintf("content/berita/2025-08-%02d-baru.md", 1+n%28), fmt.Sprintf("---\ntitle: Berita Baru %d\ndate: 2025-08-01\ndistrict: Metro Pusat\n---\nBaru.\n", n))
			case 2:
				matches, _ := filepath.Glob(filepath.Join(dir, "content", "berita", "2025-08-*-baru.md"))
				for _, m := range matches {
					_ = os.Remove(m)
				}
			case 3:
				save(dir, "content/tentang.md", fmt.Sprintf("---\ntitle: Tentang\n---\nTentang kami, versi %d.\n", n))
			}
		}
	}()

	client := &http.Client{
		Timeout:   20 * time.Second,
		Transport: &http.Transport{MaxIdleConnsPerHost: clients, DisableCompression: true},
	}
	var (
		wg       sync.WaitGroup
		failures atomic.Int32
		okCount  atomic.Int32
	)
	fail := func(format string, args ...any) {
		if failures.Add(1) <= 10 {
			t.Errorf(format, args...)
		}
	}
	for c := range clients {
		wg.Go(func() {
			for i := range requests {
				if ctx.Err() != nil {
					fail("client %d: out of time after %d requests", c, i)
					return
				}
				p := stable[(c+i)%len(stable)]
				resp, err := client.Get(base + p)
				if err != nil {
					fail("GET %s: %v", p, err)
					continue
				}
				body, err := io.ReadAll(resp.Body)
				resp.Body.Close()
				if err != nil {
					fail("GET %s: reading: %v", p, err)
					continue
				}
				if resp.StatusCode != http.StatusOK {
					fail("GET %s: status %d during edits:\n%.400s", p, resp.StatusCode, body)
					continue
				}
				if n := resp.ContentLength; n >= 0 && int(n) != len(body) {
					fail("GET %s: %d bytes of %d", p, len(body), n)
				}
				if strings.HasSuffix(p, "/") {
					if msg := wholePage(body); msg != "" {
						fail("GET %s: %s:\n%.400s", p, msg, body)
					}
				} else if !bytes.HasSuffix(bytes.TrimSpace(body), []byte(">")) {
					fail("GET %s: the XML is cut short", p)
				}
				okCount.Add(1)
			}
		})
	}
	wg.Wait()
	close(stop)
	n := <-edited
	t.Logf("%d good answers while %d edits were saved", okCount.Load(), n)
	if n < 5 {
		t.Errorf("only %d edits were saved while the clients ran; the test proves little", n)
	}

	// After the edits, the server settles on the last version.
	deadline := time.Now().Add(10 * time.Second)
	for {
		resp, err := client.Get(base + "/tentang/")
		if err == nil {
			body, _ := io.ReadAll(resp.Body)
			resp.Body.Close()
			if resp.StatusCode == 200 && bytes.Contains(body, []byte("Tentang kami, versi")) {
				break
			}
		}
		if time.Now().After(deadline) {
			t.Fatal("the server did not settle on the last edit")
		}
		time.Sleep(20 * time.Millisecond)
	}
	cancel()
	select {
	case <-served:
	case <-time.After(5 * time.Second):
		t.Error("the server did not shut down")
	}
}

// save writes a file in place, as many editors do (truncate, then write).
// It runs beside the test, so it cannot fail it; a lost save only makes
// the test weaker, and the final check catches a server that stopped.
func save(dir, name, text string) {
	_ = os.WriteFile(filepath.Join(dir, filepath.FromSlash(name)), []byte(text), 0o644)
}

// wholePage checks that an HTML answer is a whole page: it starts with the
// doctype, ends with </html>, and parses with its body.
func wholePage(body []byte) string {
	text := strings.TrimSpace(string(body))
	if !strings.HasPrefix(strings.ToLower(text), "<!doctype html>") {
		return "no doctype at the start"
	}
	if !strings.HasSuffix(text, "</html>") {
		return "the page does not end with </html>"
	}
	doc, err := html.Parse(bytes.NewReader(body))
	if err != nil {
		return err.Error()
	}
	var hasMain bool
	var walk func(*html.Node)
	walk = func(n *html.Node) {
		if n.Type == html.ElementNode && n.Data == "main" {
			hasMain = true
		}
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			walk(c)
		}
	}
	walk(doc)
	if !hasMain {
		return "no <main> element"
	}
	return ""
}

// lockedBuffer is the server's log, written by its rebuilds.
type lockedBuffer struct {
	mu sync.Mutex
	b  bytes.Buffer
}

func (l *lockedBuffer) Write(p []byte) (int, error) {
	l.mu.Lock()
	defer l.mu.Unlock()
	return l.b.Write(p)
}

func (l *lockedBuffer) String() string {
	l.mu.Lock()
	defer l.mu.Unlock()
	return l.b.String()
}
