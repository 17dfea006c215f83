package sitetest

import (
	"bytes"
	"image"
	_ "image/jpeg" // DecodeConfig of the fixtures
	_ "image/png"
	"strings"
	"testing"
)

func TestFiles(t *testing.T) {
	fsys := Files(`comment, ignored
-- site.yaml --
title: X
-- ./content/_index.md --
Beranda.
-- content/kosong.md --
`)
	if len(fsys) != 3 || string(fsys["site.yaml"].Data) != "title: X\n" || string(fsys["content/_index.md"].Data) != "Beranda.\n" || len(fsys["content/kosong.md"].Data) != 0 {
		t.Errorf("Files: %v", fsys)
	}
}

func TestImages(t *testing.T) {
	for name, b := range map[string][]byte{"png": PNG(30, 20), "jpeg": JPEG(30, 20), "exif": WithEXIF(JPEG(30, 20), 6, "x")} {
		cfg, format, err := image.DecodeConfig(bytes.NewReader(b))
		if err != nil || cfg.Width != 30 || cfg.Height != 20 {
			t.Errorf("%s: %v %v %dx%d", name, format, err, cfg.Width, cfg.Height)
		}
	}
	if !bytes.Equal(PNG(5, 5), PNG(5, 5)) || !bytes.Equal(JPEG(5, 5), JPEG(5, 5)) {
		t.Error("pictures differ between calls")
	}
}

func TestNormalize(t *testing.T) {
	in := `<link href="/assets/css/style.3f2a9c1b.css"><img src="/assets/img/logo.0123abcd.svg"><a href="/berita/abcdef12.html">`
	want := `<link href="/assets/css/style.HASH.css"><img src="/assets/img/logo.HASH.svg"><a href="/berita/abcdef12.html">`
	if got := Normalize([]byte(in)); got != want {
		t.Errorf("Normalize:\n%s\nwant\n%s", got, want)
	}
}

func TestDiff(t *testing.T) {
	d := Diff("a\nb\nc\nd\n", "a\nb\nX\nd\n")
	for _, want := range []string{"-    3  c", "+    3  X", "     2  b", "     4  d"} {
		if !strings.Contains(d, want) {
			t.Errorf("diff lacks %q:\n%s", want, d)
		}
	}
}

// The assertions themselves, on a real build.
func TestAssertions(t *testing.T) {
	s := BuildTxtar(t, "-- content/tentang.md --\n---\ntitle: Tentang\n---\nIsi halaman.\n", Options{})
	s.AssertOK(t)
	s.AssertFile(t, "tentang/index.html", "Isi halaman.", "! Tidak ada")
	s.AssertNoFile(t, "tidak/ada.html")
	if s.Diagnostics() != nil {
		t.Errorf("Diagnostics() = %v", s.Diagnostics())
	}
	bad := BuildTxtar(t, "-- content/berita/x.md --\n---\ntitle: X\n---\n", Options{})
	bad.AssertFailed(t)
	if got := bad.Diagnostics(); len(got) != 1 || !strings.HasPrefix(got[0], "content/berita/x.md:1: ") {
		t.Errorf("Diagnostics() = %q", got)
	}
}
