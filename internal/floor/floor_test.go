package floor

import (
	"os"
	"path/filepath"
	"slices"
	"strings"
	"sync"
	"testing"
)

func TestOutputPath(t *testing.T) {
	for in, want := range map[string]string{
		"_index.md":                               "index.html",
		"kontak.md":                               "kontak/index.html",
		"berita/_index.md":                        "berita/index.html",
		"berita/2024-11-01-senam-ceria-03315.md":  "berita/senam-ceria-03315/index.html",
		"berita/2024-11-01-foto-bersama/index.md": "berita/foto-bersama/index.html",
		"modul/paud/menjaga-teman-0373/index.md":  "modul/paud/menjaga-teman-0373/index.html",
		"berita/2024-tahun-baru.md":               "berita/2024-tahun-baru/index.html", // not a date
	} {
		if got := OutputPath(in); got != want {
			t.Errorf("OutputPath(%q) = %q, want %q", in, got, want)
		}
	}
}

// RunPages writes exactly the listed files (plus any Markdown page the
// list lacks), each once; the Markdown pages hold their rendered bodies
// and the others links to pages.
func TestRunPages(t *testing.T) {
	dir := t.TempDir()
	for name, text := range map[string]string{
		"content/_index.md":                   "---\ntitle: Beranda\n---\nHalo *dunia*.\n",
		"content/berita/2024-01-02-banjir.md": "---\ntitle: Banjir & hujan\n---\n# Banjir\n",
		"content/tentang.md":                  "---\ntitle: Tentang\n---\nKami.\n",
	} {
		p := filepath.Join(dir, filepath.FromSlash(name))
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, []byte(text), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	list := []string{"index.html", "berita/banjir/index.html", "berita/index.html", "berita/page/2/index.html", "tag/air/index.html", "tag/air/index.html"}
	var mu sync.Mutex
	got := map[string]string{}
	pages, written, err := RunPages(dir, list, func(name string, html []byte) error {
		mu.Lock()
		defer mu.Unlock()
		if _, twice := got[name]; twice {
			t.Errorf("%s written twice", name)
		}
		got[name] = string(html)
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	want := []string{"berita/banjir/index.html", "berita/index.html", "berita/page/2/index.html", "index.html", "tag/air/index.html", "tentang/index.html"}
	names := make([]string, 0, len(got))
	total := 0
	for n, h := range got {
		names = append(names, n)
		total += len(h)
	}
	slices.Sort(names)
	if !slices.Equal(names, want) || pages != int64(len(want)) || written != int64(total) {
		t.Fatalf("wrote %v (pages %d, %d bytes of %d), want %v", names, pages, written, total, want)
	}
	if h := got["berita/banjir/index.html"]; !strings.Contains(h, "<h1>Banjir</h1>") {
		t.Errorf("news page is %q", h)
	}
	if h := got["tag/air/index.html"]; !strings.Contains(h, `Banjir &amp; hujan</a>`) || strings.Count(h, "<li>") != 3 {
		t.Errorf("list page is %q", h)
	}
}
