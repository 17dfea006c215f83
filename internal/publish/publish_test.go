package publish

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
	"testing/fstest"
)

func write(t *testing.T, path, text string) {
	t.Helper()
	if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(path, []byte(text), 0o644); err != nil {
		t.Fatal(err)
	}
}

func read(t *testing.T, path string) string {
	t.Helper()
	b, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	return string(b)
}

func exists(path string) bool {
	_, err := os.Lstat(path)
	return err == nil
}

func TestCheckOutput(t *testing.T) {
	root := t.TempDir()
	src := filepath.Join(root, "situs")
	for _, d := range []string{"content", "layouts", "assets"} {
		if err := os.MkdirAll(filepath.Join(src, d), 0o755); err != nil {
			t.Fatal(err)
		}
	}
	// A symlink to the site is the site.
	link := filepath.Join(root, "tautan")
	if err := os.Symlink(src, link); err != nil {
		t.Fatal(err)
	}
	home, _ := os.UserHomeDir()
	refused := map[string]string{
		"the site itself":      src,
		"the site, via a link": link,
		"a parent of the site": root,
		"the file system root": "/",
		"inside content/":      filepath.Join(src, "content", "public"),
		"content/ itself":      filepath.Join(src, "content"),
		"inside layouts/":      filepath.Join(src, "layouts", "x"),
		"inside assets/":       filepath.Join(src, "assets"),
		"inside static/":       filepath.Join(src, "static", "public"),
		"relative to the site": filepath.Join(src, "public", ".."),
	}
	if home != "" {
		refused["the home folder"] = home
	}
	for name, out := range refused {
		if err := CheckOutput(src, out); err == nil {
			t.Errorf("%s (%s): accepted", name, out)
		} else if !strings.Contains(err.Error(), "choose a folder such as") {
			t.Errorf("%s: the refusal does not say what to do instead: %v", name, err)
		}
	}
	for _, out := range []string{filepath.Join(src, "public"), filepath.Join(root, "keluaran"), filepath.Join(src, "public", "dalam")} {
		if err := CheckOutput(src, out); err != nil {
			t.Errorf("%s refused: %v", out, err)
		}
	}
}

func TestCheckName(t *testing.T) {
	for _, ok := range []string{"index.html", "berita/x/index.html", "assets/css/style.1234abcd.css", "a..b/c"} {
		if err := CheckName(ok); err != nil {
			t.Errorf("CheckName(%q): %v", ok, err)
		}
	}
	for _, bad := range []string{"", "/etc/passwd", "..", "../x", "a/../../x", "a/./b", "a//b", `a\b`, "a/"} {
		if err := CheckName(bad); err == nil {
			t.Errorf("CheckName(%q) accepted", bad)
		}
	}
}

func TestStagingCommit(t *testing.T) {
	root := t.TempDir()
	out := filepath.Join(root, "public")
	write(t, filepath.Join(out, "index.html"), "lama")
	write(t, filepath.Join(out, "berita/basi/index.html"), "basi")

	s, err := NewStaging(out)
	if err != nil {
		t.Fatal(err)
	}
	if filepath.Dir(s.Dir()) != root || !strings.HasPrefix(filepath.Base(s.Dir()), ".warta-staging-public-") {
		t.Errorf("staging folder %s is not beside %s", s.Dir(), out)
	}
	if err := s.Write("index.html", []byte("baru")); err != nil {
		t.Fatal(err)
	}
	if err := s.Write("berita/x/index.html", []byte("x")); err != nil {
		t.Fatal(err)
	}
	if err := s.Copy("berita/x/foto.jpg", fstest.MapFS{"f.jpg": {Data: []byte("jpeg")}}, "f.jpg"); err != nil {
		t.Fatal(err)
	}
	if err := s.Write("../lolos.html", []byte("x")); err == nil {
		t.Error("a name leaving the output folder was written")
	}
	// Until Commit, the old site is untouched.
	if read(t, filepath.Join(out, "index.html")) != "lama" {
		t.Error("the output folder changed before Commit")
	}
	if s.Written() != 3 {
		t.Errorf("Written() = %d, want 3", s.Written())
	}
	if err := s.Commit(); err != nil {
		t.Fatal(err)
	}
	if read(t, filepath.Join(out, "index.html")) != "baru" || read(t, filepath.Join(out, "berita/x/foto.jpg")) != "jpeg" {
		t.Error("the new site is not in place")
	}
	if exists(filepath.Join(out, "berita/basi/index.html")) {
		t.Error("a stale file of the old site survived")
	}
	if exists(s.Dir()) || exists(filepath.Join(root, "lolos.html")) {
		t.Error("leftovers beside the output folder")
	}
	s.Wait() // the old site is removed in the background, or kept as the spare
	if left := beside(t, root, "public"); len(left) != 0 {
		t.Errorf("beside the output folder after Wait: %v, want nothing but the spare", left)
	}
	info, err := os.Stat(out)
	if err != nil || info.Mode().Perm() != 0o755 {
		t.Errorf("output folder mode %v, want rwxr-xr-x so a web server can read it", info.Mode())
	}
}

func TestStagingFirstBuild(t *testing.T) {
	out := filepath.Join(t.TempDir(), "baru", "public")
	s, err := NewStaging(out)
	if err != nil {
		t.Fatal(err)
	}
	if err := s.Write("index.html", []byte("x")); err != nil {
		t.Fatal(err)
	}
	if err := s.Commit(); err != nil {
		t.Fatal(err)
	}
	if read(t, filepath.Join(out, "index.html")) != "x" {
		t.Error("first build not in place")
	}
}

func TestStagingAbort(t *testing.T) {
	root := t.TempDir()
	out := filepath.Join(root, "public")
	write(t, filepath.Join(out, "index.html"), "lama")
	s, err := NewStaging(out)
	if err != nil {
		t.Fatal(err)
	}
	if err := s.Write("index.html", []byte("baru")); err != nil {
		t.Fatal(err)
	}
	if err := s.Abort(); err != nil {
		t.Fatal(err)
	}
	if read(t, filepath.Join(out, "index.html")) != "lama" || exists(s.Dir()) {
		t.Error("Abort changed the output folder or left the staging folder")
	}
}

func TestStagingOutputIsAFile(t *testing.T) {
	out := filepath.Join(t.TempDir(), "public")
	write(t, out, "a file, not a folder")
	s, err := NewStaging(out)
	if err != nil {
		t.Fatal(err)
	}
	defer s.Abort()
	if err := s.Commit(); err == nil {
		t.Error("Commit replaced a file that is not a folder")
	}
	if read(t, out) != "a file, not a folder" {
		t.Error("the file was changed")
	}
}

// The two-rename swap used where the kernel has no atomic exchange.
func TestRenameSwap(t *testing.T) {
	root := t.TempDir()
	staged, out := filepath.Join(root, "staged"), filepath.Join(root, "out")
	write(t, filepath.Join(staged, "a"), "baru")
	write(t, filepath.Join(out, "a"), "lama")
	if err := renameSwap(staged, out); err != nil {
		t.Fatal(err)
	}
	if read(t, filepath.Join(out, "a")) != "baru" || read(t, filepath.Join(staged, "a")) != "lama" {
		t.Error("folders not exchanged")
	}
	if exists(staged + ".old") {
		t.Error("the .old folder was left behind")
	}
}

func TestMemory(t *testing.T) {
	m := NewMemory()
	if err := m.Write("b/index.html", []byte("b")); err != nil {
		t.Fatal(err)
	}
	data := []byte("a")
	if err := m.Write("a.html", data); err != nil {
		t.Fatal(err)
	}
	data[0] = 'z' // the sink keeps its own copy
	if err := m.Copy("c.txt", fstest.MapFS{"x": {Data: []byte("c")}}, "x"); err != nil {
		t.Fatal(err)
	}
	if err := m.Write("/abs", nil); err == nil {
		t.Error("absolute name accepted")
	}
	if got := strings.Join(m.Names(), ","); got != "a.html,b/index.html,c.txt" {
		t.Errorf("Names() = %s", got)
	}
	if b, _ := m.Get("a.html"); string(b) != "a" {
		t.Errorf("Get(a.html) = %q", b)
	}
}

func TestMinify(t *testing.T) {
	m := NewMemory()
	sink := Minify{Next: m, M: NewMinifier()}
	html := "<!DOCTYPE html>\n<html lang=\"id\">\n<head>\n  <title>  Judul  </title>\n</head>\n<body>\n  <p class=\"x\">  Halo   dunia  </p>\n</body>\n</html>\n"
	png := "\x89PNG\r\n\x1a\n   binary   "
	for name, data := range map[string]string{"index.html": html, "a.css": "body {\n  color : red ;\n}\n", "f.png": png, "feed.xml": "<feed>\n  <title> x </title>\n</feed>\n"} {
		if err := sink.Write(name, []byte(data)); err != nil {
			t.Fatal(err)
		}
	}
	got, _ := m.Get("index.html")
	if len(got) >= len(html) || !strings.Contains(string(got), "Halo dunia") || !strings.Contains(string(got), `<html lang="id">`) {
		t.Errorf("minified HTML: %q", got)
	}
	if got, _ := m.Get("a.css"); string(got) != "body{color:red}" {
		t.Errorf("minified CSS: %q", got)
	}
	if got, _ := m.Get("f.png"); string(got) != png {
		t.Error("a PNG was changed")
	}
	// Minifying is an optimisation: a file it cannot handle goes through as it is.
	broken := "body { color: red"
	if out := NewMinifier().Bytes("x.css", []byte(broken)); len(out) == 0 {
		t.Errorf("broken CSS lost: %q", out)
	}
}
