package publish

import (
	"io/fs"
	"os"
	"path/filepath"
	"slices"
	"testing"
)

// A build writes into the previous site (the spare) where it can: it
// overwrites plain files in place, never writes through a hard link into
// the site online nor through a symbolic link, replaces files where it
// needs folders and folders where it needs files, and removes what it did
// not write before the swap. The site online stays as it was until
// Commit, and after it holds exactly the new build's files.
func TestStagingReusesSpare(t *testing.T) {
	if !canReuse {
		t.Skip("no spare on this system")
	}
	root := t.TempDir()
	out := filepath.Join(root, "public")
	commit := func(s *Staging) {
		t.Helper()
		if err := s.Commit(); err != nil {
			t.Fatal(err)
		}
		s.Wait()
	}
	stage := func() *Staging {
		t.Helper()
		s, err := NewStaging(out)
		if err != nil {
			t.Fatal(err)
		}
		return s
	}
	put := func(s *Staging, name, text string) {
		t.Helper()
		if err := s.Write(name, []byte(text)); err != nil {
			t.Fatal(err)
		}
	}

	s := stage()
	put(s, "index.html", "satu, sebuah halaman yang panjang")
	put(s, "tetap/index.html", "tetap")
	put(s, "basi/x/index.html", "basi")
	put(s, "basi.txt", "basi")
	put(s, "c", "berkas")
	put(s, "d/index.html", "d")
	commit(s)

	s = stage()
	if s.reusing {
		t.Fatal("the first build's staging folder was a spare")
	}
	put(s, "index.html", "dua")
	if err := s.Carry([]string{"tetap/index.html"}); err != nil {
		t.Fatal(err)
	}
	commit(s) // the first site is the spare; tetap/index.html is shared with the site online

	s = stage()
	if !s.reusing {
		t.Fatal("the third build did not take the spare")
	}
	outside := filepath.Join(root, "luar.txt")
	write(t, outside, "luar")
	if err := os.Symlink(outside, filepath.Join(s.Dir(), "e")); err != nil {
		t.Fatal(err)
	}
	put(s, "tetap/index.html", "baru")
	put(s, "index.html", "tiga")
	put(s, "c/index.html", "c")
	put(s, "d", "d sebagai berkas")
	put(s, "e", "e")
	if got := read(t, filepath.Join(out, "tetap/index.html")); got != "tetap" {
		t.Fatalf("the site online changed before Commit: %q", got)
	}
	if s.Written() != 5 {
		t.Errorf("Written() = %d, want 5", s.Written())
	}
	commit(s)
	want := map[string]string{
		Marker: markerText, "index.html": "tiga", "tetap/index.html": "baru",
		"c/index.html": "c", "d": "d sebagai berkas", "e": "e",
	}
	sameFiles(t, out, want)
	if got := read(t, outside); got != "luar" {
		t.Errorf("written through a symbolic link: %q", got)
	}
	if left := beside(t, root, "public"); !slices.Equal(left, []string{"luar.txt"}) {
		t.Errorf("beside the output folder: %v", left)
	}

	// The spare (the second site) has its own tetap/index.html; carrying
	// replaces it with the site online's.
	s = stage()
	if err := s.Carry([]string{"tetap/index.html"}); err != nil {
		t.Fatal(err)
	}
	put(s, "index.html", "empat")
	a, _ := os.Stat(filepath.Join(out, "tetap/index.html"))
	b, _ := os.Stat(filepath.Join(s.Dir(), "tetap/index.html"))
	if !os.SameFile(a, b) {
		t.Error("carrying kept the spare's file")
	}
	commit(s)
	sameFiles(t, out, map[string]string{Marker: markerText, "index.html": "empat", "tetap/index.html": "baru"})

	// A failed build's folder is thrown away; the next one starts anew.
	s = stage()
	put(s, "index.html", "gagal")
	if err := s.Abort(); err != nil {
		t.Fatal(err)
	}
	sameFiles(t, out, map[string]string{Marker: markerText, "index.html": "empat", "tetap/index.html": "baru"})
	s = stage()
	put(s, "index.html", "enam")
	commit(s)
	sameFiles(t, out, map[string]string{Marker: markerText, "index.html": "enam"})
}

// sameFiles checks that dir holds exactly the files want, with their text.
func sameFiles(t *testing.T, dir string, want map[string]string) {
	t.Helper()
	got := map[string]string{}
	err := filepath.WalkDir(dir, func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		rel, _ := filepath.Rel(dir, p)
		got[filepath.ToSlash(rel)] = read(t, p)
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	for n, w := range want {
		if got[n] != w {
			t.Errorf("%s: %q, want %q", n, got[n], w)
		}
	}
	for n := range got {
		if _, ok := want[n]; !ok {
			t.Errorf("%s: stale file left", n)
		}
	}
}
