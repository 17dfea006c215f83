package publish

import (
	"os"
	"path/filepath"
	"testing"
	"testing/fstest"
)

// Regression: a file carried over from the previous build is a hard link
// to the previous build's file. Writing the same name afterwards (a job
// whose carry failed half-way runs after all; two jobs share an output)
// must make a new file, not write through the link into the site that is
// online: until Commit, the output folder must not change.
func TestWriteAfterCarryLeavesOutputAlone(t *testing.T) {
	root := t.TempDir()
	out := filepath.Join(root, "public")
	write(t, filepath.Join(out, "a.html"), "lama a")
	write(t, filepath.Join(out, "b/c.html"), "lama c")
	s, err := NewStaging(out)
	if err != nil {
		t.Fatal(err)
	}
	if err := s.Carry([]string{"a.html", "b/c.html"}); err != nil {
		t.Fatal(err)
	}
	if err := s.Write("a.html", []byte("baru a")); err != nil {
		t.Fatal(err)
	}
	if err := s.Copy("b/c.html", fstest.MapFS{"c": {Data: []byte("baru c")}}, "c"); err != nil {
		t.Fatal(err)
	}
	if got := read(t, filepath.Join(out, "a.html")); got != "lama a" {
		t.Errorf("Write went through the carried link: public/a.html is %q before Commit", got)
	}
	if got := read(t, filepath.Join(out, "b/c.html")); got != "lama c" {
		t.Errorf("Copy went through the carried link: public/b/c.html is %q before Commit", got)
	}
	if err := s.Abort(); err != nil {
		t.Fatal(err)
	}
	if read(t, filepath.Join(out, "a.html")) != "lama a" || read(t, filepath.Join(out, "b/c.html")) != "lama c" {
		t.Error("the output folder changed")
	}
}

// TestStagingUnwritable: when the folder beside the output folder cannot
// be written (read-only, or not a folder at all), NewStaging says so and
// leaves nothing behind.
func TestStagingUnwritable(t *testing.T) {
	root := t.TempDir()
	file := filepath.Join(root, "berkas")
	write(t, file, "not a folder")
	if _, err := NewStaging(filepath.Join(file, "public")); err == nil {
		t.Error("NewStaging below a file succeeded")
	}
	if os.Geteuid() == 0 {
		t.Log("running as root: a read-only folder does not stop root; only the not-a-folder case was tried")
		return
	}
	ro := filepath.Join(root, "baca-saja")
	write(t, filepath.Join(ro, "public", "index.html"), "lama")
	if err := os.Chmod(ro, 0o555); err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { os.Chmod(ro, 0o755) })
	if _, err := NewStaging(filepath.Join(ro, "public")); err == nil {
		t.Error("NewStaging in a read-only folder succeeded")
	}
	if read(t, filepath.Join(ro, "public", "index.html")) != "lama" {
		t.Error("the output folder changed")
	}
}
