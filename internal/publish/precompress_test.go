package publish

import (
	"bytes"
	"compress/gzip"
	"io"
	"strings"
	"testing"
	"testing/fstest"

	"github.com/andybalholm/brotli"
)

// TestPrecompress checks that every compressible file gets a .gz and a
// .br that decompress to it, and that other files get none.
func TestPrecompress(t *testing.T) {
	mem := NewMemory()
	p := Precompress{Next: mem}
	page := []byte("<!DOCTYPE html><title>x</title>" + strings.Repeat("<p>Anak-anak belajar sentuhan aman.</p>", 200))
	files := map[string][]byte{
		"index.html": page, "assets/s.css": []byte("a{color:red}"), "assets/s.js": []byte("var a=1"),
		"feed.xml": []byte("<feed/>"), "a.json": []byte("{}"), "logo.svg": []byte("<svg/>"), "robots.txt": []byte(""),
	}
	for name, data := range files {
		if err := p.Write(name, data); err != nil {
			t.Fatal(err)
		}
	}
	_ = p.Write("photo.jpg", []byte("jpeg"))
	_ = p.Copy("m/lampiran.svg", fstest.MapFS{"s": {Data: []byte("<svg>lampiran</svg>")}}, "s")
	files["m/lampiran.svg"] = []byte("<svg>lampiran</svg>")
	for name, data := range files {
		gz, ok := mem.Get(name + ".gz")
		if !ok {
			t.Fatalf("no %s.gz", name)
		}
		zr, err := gzip.NewReader(bytes.NewReader(gz))
		if err != nil {
			t.Fatal(err)
		}
		if got, err := io.ReadAll(zr); err != nil || !bytes.Equal(got, data) {
			t.Errorf("%s.gz gives %q (%v)", name, got, err)
		}
		br, _ := mem.Get(name + ".br")
		if got, err := io.ReadAll(brotli.NewReader(bytes.NewReader(br))); err != nil || !bytes.Equal(got, data) {
			t.Errorf("%s.br gives %q (%v)", name, got, err)
		}
		if orig, _ := mem.Get(name); !bytes.Equal(orig, data) {
			t.Errorf("%s changed", name)
		}
	}
	if gz, _ := mem.Get("index.html.gz"); len(gz)*10 > len(page) {
		t.Errorf("index.html.gz is %d bytes of %d", len(gz), len(page))
	}
	for _, name := range []string{"photo.jpg.gz", "photo.jpg.br"} {
		if _, ok := mem.Get(name); ok {
			t.Errorf("%s written", name)
		}
	}
	a, _ := Gzip(page)
	b, _ := Gzip(page)
	if !bytes.Equal(a, b) {
		t.Error("gzip is not deterministic")
	}
}
