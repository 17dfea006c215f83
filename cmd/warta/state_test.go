package main

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

var carrySite = map[string]string{
	"site.yaml":                       "title: Uji\nbase_url: https://example.org/\nlanguage: en\n",
	"content/_index.md":               "---\ntitle: Beranda\n---\nSelamat datang.\n",
	"content/berita/2025-07-29-tk.md": "---\ntitle: Kunjungan TK\ndate: 2025-07-29\ntags: [paud]\n---\nAnak-anak bermain.\n",
	"content/berita/2025-08-01-sd.md": "---\ntitle: Kunjungan SD\ndate: 2025-08-01\ntags: [sd]\n---\nMurid SD belajar.\n",
	"content/tentang.md":              "---\ntitle: Tentang\n---\nTentang kami.\n",
}

// TestNoChangeBuildCarriesEverything: a second build of an unchanged site
// renders nothing, and whatever a build carries over equals what a fresh
// build writes.
func TestNoChangeBuildCarriesEverything(t *testing.T) {
	dir := t.TempDir()
	writeSite(t, dir, carrySite)
	public := filepath.Join(dir, "public")
	build := func() string {
		t.Helper()
		code, stdout, stderr := runWarta("build", "--src", dir)
		if code != 0 {
			t.Fatalf("exit %d: %s", code, stderr)
		}
		return stdout
	}
	fresh := func() map[string]string {
		t.Helper()
		out := filepath.Join(t.TempDir(), "fresh")
		if code, _, stderr := runWarta("build", "--src", dir, "--out", out); code != 0 {
			t.Fatalf("fresh build: %s", stderr)
		}
		return snapshot(t, out)
	}

	build()
	if out := build(); !strings.Contains(out, ": 0 made,") {
		t.Fatalf("an unchanged site was rendered again: %s", out)
	}
	sameSnapshot(t, fresh(), snapshot(t, public))

	// One report changes: it and the lists showing it are made again.
	writeSite(t, dir, map[string]string{"content/berita/2025-07-29-tk.md": "---\ntitle: Kunjungan TK Baru\ndate: 2025-07-29\ntags: [paud]\n---\nAnak-anak bermain.\n"})
	if out := build(); strings.Contains(out, ": 0 made,") || strings.Contains(out, " 0 unchanged") {
		t.Fatalf("an edit should render some pages and carry the rest: %s", out)
	}
	sameSnapshot(t, fresh(), snapshot(t, public))

	// A file deleted from public/ by hand is made again, not promised.
	if err := os.Remove(filepath.Join(public, "tentang", "index.html")); err != nil {
		t.Fatal(err)
	}
	build()
	sameSnapshot(t, fresh(), snapshot(t, public))
}
