package main

import (
	"bytes"
	"crypto/sha256"
	"encoding/hex"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// writeSite writes files (slash paths relative to dir) to disk.
func writeSite(t *testing.T, dir string, files map[string]string) {
	t.Helper()
	for name, text := range files {
		p := filepath.Join(dir, filepath.FromSlash(name))
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, []byte(text), 0o644); err != nil {
			t.Fatal(err)
		}
	}
}

// snapshot reads every file below dir, with its mode and its text.
func snapshot(t *testing.T, dir string) map[string]string {
	t.Helper()
	return tree(t, dir, func(b []byte) string { return string(b) })
}

// digest is snapshot with a hash of each file instead of its text, for
// large outputs.
func digest(t *testing.T, dir string) map[string]string {
	t.Helper()
	return tree(t, dir, func(b []byte) string {
		sum := sha256.Sum256(b)
		return hex.EncodeToString(sum[:])
	})
}

// tree reads every file and folder below dir: a folder as "rel/" and its
// mode, a file as its mode and value(its bytes). Compare two with
// sameSnapshot.
func tree(t *testing.T, dir string, value func([]byte) string) map[string]string {
	t.Helper()
	files := map[string]string{}
	err := filepath.WalkDir(dir, func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		rel, _ := filepath.Rel(dir, p)
		info, err := d.Info()
		if err != nil {
			return err
		}
		if d.IsDir() {
			files[rel+"/"] = info.Mode().String()
			return nil
		}
		b, err := os.ReadFile(p)
		files[rel] = info.Mode().String() + " " + value(b)
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
	return files
}

func sameSnapshot(t *testing.T, before, after map[string]string) {
	t.Helper()
	for name, v := range before {
		if after[name] != v {
			t.Errorf("%s changed", name)
		}
	}
	for name := range after {
		if _, ok := before[name]; !ok {
			t.Errorf("%s appeared", name)
		}
	}
}

func noStaging(t *testing.T, dir string) {
	t.Helper()
	left, _ := filepath.Glob(filepath.Join(dir, ".warta-staging-*"))
	if len(left) > 0 {
		t.Errorf("staging folders left behind: %v", left)
	}
}

func runWarta(args ...string) (code int, stdout, stderr string) {
	var out, errb bytes.Buffer
	code = run(args, &out, &errb)
	return code, out.String(), errb.String()
}

const goodNews = "---\ntitle: Kunjungan Sekolah\ndate: 2025-07-29\n---\nIsi berita.\n"

// TestFailedBuildKeepsPublic: a build that fails leaves the previous
// public/ exactly as it was and says where the problem is; the next good
// build replaces public/ whole, stale files included.
func TestFailedBuildKeepsPublic(t *testing.T) {
	dir := t.TempDir()
	writeSite(t, dir, map[string]string{
		"content/_index.md":                      "Beranda.\n",
		"content/berita/2025-07-29-kunjungan.md": goodNews,
		"content/berita/2025-08-01-rusak.md":     "---\ntitle: Rusak\ndate: 01-08-2025\n---\n",
		"public/.warta":                          "", // made by an earlier build
		"public/index.html":                      "<p>situs lama</p>",
		"public/berita/lama/index.html":          "<p>berita lama</p>",
		"public/foto.jpg":                        "\xff\xd8 not really a JPEG",
	})
	public := filepath.Join(dir, "public")
	before := snapshot(t, public)

	code, stdout, stderr := runWarta("build", "--src", dir)
	if code != 1 {
		t.Errorf("exit code %d, want 1", code)
	}
	for _, want := range []string{
		`content/berita/2025-08-01-rusak.md:3: date "01-08-2025" bukan tanggal`,
		"pembangunan gagal dengan 1 kesalahan; " + public + " tidak diubah",
	} {
		if !strings.Contains(stderr, want) {
			t.Errorf("stderr does not contain %q:\n%s", want, stderr)
		}
	}
	if stdout != "" {
		t.Errorf("stdout of a failed build: %q", stdout)
	}
	sameSnapshot(t, before, snapshot(t, public))
	noStaging(t, dir)

	// The same problem in English when asked.
	_, _, stderr = runWarta("build", "--src", dir, "--lang", "en")
	if want := `content/berita/2025-08-01-rusak.md:3: date "01-08-2025" is not a date; write it as 2025-07-29`; !strings.Contains(stderr, want) {
		t.Errorf("stderr does not contain %q:\n%s", want, stderr)
	}

	// Fixed, the build replaces public/.
	writeSite(t, dir, map[string]string{"content/berita/2025-08-01-rusak.md": "---\ntitle: Sudah Baik\ndate: 2025-08-01\n---\n"})
	code, stdout, stderr = runWarta("build", "--src", dir)
	if code != 0 {
		t.Fatalf("exit code %d; stderr:\n%s", code, stderr)
	}
	if !strings.Contains(stdout, "halaman (") {
		t.Errorf("no summary on stdout: %q", stdout)
	}
	after := snapshot(t, public)
	for _, gone := range []string{"berita/lama/index.html", "foto.jpg"} {
		if _, ok := after[gone]; ok {
			t.Errorf("stale file %s survived the build", gone)
		}
	}
	for _, want := range []string{"index.html", "berita/kunjungan/index.html", "berita/rusak/index.html", "sitemap.xml"} {
		if _, ok := after[want]; !ok {
			t.Errorf("new build has no %s", want)
		}
	}
	if strings.Contains(after["index.html"], "situs lama") {
		t.Error("index.html is still the old one")
	}
	noStaging(t, dir)
}

// A failure while rendering (after every page loaded fine) is just as
// harmless to public/.
func TestFailedRenderKeepsPublic(t *testing.T) {
	dir := t.TempDir()
	writeSite(t, dir, map[string]string{
		"content/berita/2025-07-29-kunjungan.md": goodNews,
		"layouts/news.html":                      "{{define \"main\"}}\n<h1>{{.Page.Title}}</h1>\n{{.Page.TidakAda}}\n{{end}}\n",
		"public/.warta":                          "", // made by an earlier build
		"public/index.html":                      "<p>situs lama</p>",
	})
	public := filepath.Join(dir, "public")
	before := snapshot(t, public)
	code, _, stderr := runWarta("build", "--src", dir, "--lang", "en")
	if code != 1 {
		t.Errorf("exit code %d, want 1", code)
	}
	if want := "layouts/news.html:3: template news.html failed for the page at /berita/kunjungan/"; !strings.Contains(stderr, want) {
		t.Errorf("stderr does not contain %q:\n%s", want, stderr)
	}
	sameSnapshot(t, before, snapshot(t, public))
	noStaging(t, dir)
}

// Leftovers of a build that was killed before it could clean up are
// removed by the next build.
func TestStaleStagingRemoved(t *testing.T) {
	dir := t.TempDir()
	writeSite(t, dir, map[string]string{
		"content/_index.md":                        "Beranda.\n",
		".warta-staging-public-123/index.html":     "half a site",
		".warta-staging-public-456/berita/x.html":  "half a site",
		".warta-staging-keluaran-789/keep-me.html": "another output folder's build",
	})
	if code, _, stderr := runWarta("build", "--src", dir, "--quiet"); code != 0 {
		t.Fatalf("exit code %d:\n%s", code, stderr)
	}
	left, _ := filepath.Glob(filepath.Join(dir, ".warta-staging-public-*"))
	if len(left) > 0 {
		t.Errorf("leftovers remain: %v", left)
	}
	if _, err := os.Stat(filepath.Join(dir, ".warta-staging-keluaran-789")); err != nil {
		t.Errorf("the staging folder of another output folder was removed: %v", err)
	}
}

// The command refuses output folders whose replacement would destroy the
// site itself, and touches nothing.
func TestUnsafeOutput(t *testing.T) {
	root := t.TempDir()
	src := filepath.Join(root, "situs")
	writeSite(t, src, map[string]string{"content/_index.md": "Beranda.\n", "content/x/y.md": "Y.\n"})
	before := snapshot(t, root)
	for _, out := range []string{src, root, filepath.Join(src, "content"), filepath.Join(src, "content", "public")} {
		code, _, stderr := runWarta("build", "--src", src, "--out", out, "--lang", "en")
		if code != 1 || !strings.Contains(stderr, "refusing to build into "+out) {
			t.Errorf("--out %s: exit %d, stderr:\n%s", out, code, stderr)
		}
	}
	sameSnapshot(t, before, snapshot(t, root))
}

func TestVersion(t *testing.T) {
	code, stdout, stderr := runWarta("version")
	if code != 0 || stderr != "" || !strings.HasPrefix(stdout, "warta ") || !strings.HasSuffix(stdout, "\n") {
		t.Errorf("warta version: exit %d, stdout %q, stderr %q", code, stdout, stderr)
	}
	old := version
	version = "v1.2.3"
	defer func() { version = old }()
	if _, stdout, _ := runWarta("version"); stdout != "warta v1.2.3\n" {
		t.Errorf("with -X main.version: %q", stdout)
	}
}

func TestUsage(t *testing.T) {
	if code, _, stderr := runWarta(); code != 2 || !strings.Contains(stderr, "warta build") {
		t.Errorf("no arguments: exit %d, stderr %q", code, stderr)
	}
	if code, stdout, _ := runWarta("help"); code != 0 || !strings.Contains(stdout, "warta build") {
		t.Errorf("help: exit %d, stdout %q", code, stdout)
	}
	// Indonesian unless --lang says otherwise.
	code, _, stderr := runWarta("bangun")
	if want := `warta: perintah "bangun" tidak dikenal; jalankan "warta help" untuk melihat daftar perintah`; code != 2 || strings.TrimSpace(stderr) != want {
		t.Errorf("unknown command: exit %d, stderr %q", code, stderr)
	}
	if _, _, stderr := runWarta("bangun", "--lang", "en"); !strings.Contains(stderr, `unknown command "bangun"`) {
		t.Errorf("unknown command in English: %q", stderr)
	}
	if code, _, _ := runWarta("build", "--tidak-ada"); code != 2 {
		t.Errorf("unknown flag: exit %d, want 2", code)
	}
}
