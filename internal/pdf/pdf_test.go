package pdf

import (
	"bytes"
	"context"
	"os"
	"path/filepath"
	"regexp"
	"strconv"
	"testing"
)

func TestNormalize(t *testing.T) {
	in := []byte("<</Creator (HeadlessChrome)\n/CreationDate (D:20261128002850+00'00')\n/ModDate (D:20261128002851+07'00')>>")
	out := Normalize(in)
	want := "<</Creator (HeadlessChrome)\n/CreationDate (D:20250101000000+00'00')\n/ModDate (D:20250101000000+07'00')>>"
	if string(out) != want {
		t.Errorf("Normalize:\n got %s\nwant %s", out, want)
	}
	if len(out) != len(in) {
		t.Error("Normalize must keep the length, or the PDF's offsets break")
	}
}

func TestKey(t *testing.T) {
	a := Key(map[string][]byte{"index.html": []byte("a"), "b.png": []byte("b")}, "index.html")
	b := Key(map[string][]byte{"b.png": []byte("b"), "index.html": []byte("a")}, "index.html")
	c := Key(map[string][]byte{"index.html": []byte("a"), "b.png": []byte("c")}, "index.html")
	if a != b || a == c {
		t.Errorf("keys: %s %s %s; want the first two equal and the third different", a, b, c)
	}
}

// browser skips a test on a machine without Chromium. CI installs it
// (.ci/run), so there the printing tests always run.
func browser(t *testing.T) string {
	t.Helper()
	exe, err := Find()
	if err != nil {
		t.Skipf("skipped: %v; install Chromium (apt-get install chromium) or set CHROME_PATH to run it", err)
	}
	return exe
}

const page = `<!DOCTYPE html><html lang="id"><head><meta charset="utf-8"><title>Uji</title>
<style>@page{size:A4;margin:15mm}@media print{.layar{display:none}}h1{break-after:page}</style></head>
<body><h1>Halaman satu</h1><p class="layar">Hanya di layar</p><p>Halaman dua</p>
<img src="titik.svg" alt="" width="10" height="10">
<img src="http://example.com/luar.png" alt="" width="10" height="10">
</body></html>`

var mediaBox = regexp.MustCompile(`/MediaBox \[0 0 ([\d.]+) ([\d.]+)\]`)

func TestPrint(t *testing.T) {
	exe := browser(t)
	dir := t.TempDir()
	p := New(context.Background(), Options{Browser: exe, CacheDir: dir})
	defer p.Close()
	files := map[string][]byte{
		"index.html": []byte(page),
		"titik.svg":  []byte(`<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 1 1"><rect width="1" height="1"/></svg>`),
	}
	// Left over from an earlier build: pruned below.
	stale := filepath.Join(dir, "0000.pdf")
	if err := os.WriteFile(stale, []byte("%PDF-old"), 0o644); err != nil {
		t.Fatal(err)
	}

	first, err := p.Print(files, "index.html")
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.HasPrefix(first, []byte("%PDF-")) {
		t.Fatalf("not a PDF: %.20q", first)
	}
	boxes := mediaBox.FindAllSubmatch(first, -1)
	if len(boxes) != 2 {
		t.Errorf("%d pages, want 2 (the h1 breaks the page)", len(boxes))
	}
	for _, b := range boxes {
		w, _ := strconv.ParseFloat(string(b[1]), 64)
		h, _ := strconv.ParseFloat(string(b[2]), 64)
		if w < 594 || w > 597 || h < 841 || h > 843 {
			t.Errorf("page is %.1f × %.1f pt, want A4 (595 × 842)", w, h)
		}
	}
	if !bytes.Contains(first, []byte("(D:20250101000000")) {
		t.Error("the PDF's dates are not normalised")
	}

	again, err := p.Print(files, "index.html")
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(first, again) {
		t.Error("the cached PDF differs from the printed one")
	}
	if printed, reused, _ := p.Stats(); printed != 1 || reused != 1 {
		t.Errorf("printed %d, reused %d; want 1 and 1", printed, reused)
	}

	// A new printer with the same cache folder prints nothing.
	q := New(context.Background(), Options{Browser: exe, CacheDir: dir})
	defer q.Close()
	if _, err := q.Print(files, "index.html"); err != nil {
		t.Fatal(err)
	}
	if printed, reused, _ := q.Stats(); printed != 0 || reused != 1 {
		t.Errorf("second printer: printed %d, reused %d; want 0 and 1", printed, reused)
	}
	if err := q.Prune(); err != nil {
		t.Fatal(err)
	}
	if _, err := os.Stat(stale); !os.IsNotExist(err) {
		t.Error("Prune left a PDF no page asked for")
	}
	if _, err := os.Stat(filepath.Join(dir, Key(files, "index.html")+".pdf")); err != nil {
		t.Errorf("Prune removed the PDF in use: %v", err)
	}
}

func TestNoBrowser(t *testing.T) {
	t.Setenv("CHROME_PATH", filepath.Join(t.TempDir(), "no-chromium"))
	if _, err := Find(); err == nil {
		t.Error("Find found a browser that is not there")
	}
	p := New(context.Background(), Options{Browser: filepath.Join(t.TempDir(), "no-chromium")})
	defer p.Close()
	if _, err := p.Print(map[string][]byte{"index.html": []byte("<p>x")}, "index.html"); err == nil {
		t.Error("Print without a browser must fail")
	}
}
