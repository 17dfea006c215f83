package publish

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"
)

// Builds follow each other in one process (warta serve's sessions, the
// benchmarks) faster than the previous site can be removed: every commit
// puts exactly the new site in place, and once the removals are done
// nothing is left beside it.
func TestStagingBuildsDuringRemoval(t *testing.T) {
	root := t.TempDir()
	out := filepath.Join(root, "public")
	var all []*Staging
	for build := range 4 {
		s, err := NewStaging(out)
		if err != nil {
			t.Fatal(err)
		}
		all = append(all, s)
		for i := range 300 {
			if err := s.Write(fmt.Sprintf("b%d/p%d/index.html", build, i), []byte("x")); err != nil {
				t.Fatal(err)
			}
		}
		if err := s.Commit(); err != nil {
			t.Fatal(err)
		}
		entries, err := os.ReadDir(out)
		if err != nil {
			t.Fatal(err)
		}
		if len(entries) != 2 || entries[0].Name() != Marker || entries[1].Name() != fmt.Sprintf("b%d", build) {
			t.Fatalf("build %d: the output folder holds %v", build, entries)
		}
	}
	for _, s := range all {
		s.Wait()
	}
	if left := beside(t, root, "public"); len(left) != 0 {
		t.Errorf("beside the output folder: %v, want nothing but the spare", left)
	}
}

// beside lists what root holds besides the output folder out and, where
// builds keep one, its single spare.
func beside(t *testing.T, root, out string) []string {
	t.Helper()
	entries, err := os.ReadDir(root)
	if err != nil {
		t.Fatal(err)
	}
	var left []string
	spares := 0
	for _, e := range entries {
		switch {
		case e.Name() == out:
		case canReuse && strings.HasPrefix(e.Name(), sparePrefix+out+"-") && spares == 0:
			spares++
		default:
			left = append(left, e.Name())
		}
	}
	return left
}

// A previous site whose removal an earlier process did not finish (the
// command exits right after Commit) is removed by the next build; the
// folders of other output folders and removals already running in this
// process are left alone.
func TestStagingRemovesOldLeftovers(t *testing.T) {
	root := t.TempDir()
	out := filepath.Join(root, "public")
	write(t, filepath.Join(out, "index.html"), "lama")
	for _, name := range []string{
		".warta-old-public-123/site/index.html",
		".warta-old-public-456/site/berita/x/index.html",
		".warta-old-public-2-789/site/index.html",   // the output folder "public-2"
		".warta-old-keluaran-1/site/index.html",     // another output folder
		".warta-old-public-berkas-saya/catatan.txt", // not a name warta makes
		".warta-staging-public-2-5/index.html",      // "public-2" is being built
	} {
		write(t, filepath.Join(root, name), "x")
	}
	busy := filepath.Join(root, ".warta-old-public-456")
	removing.Store(busy, true) // as if a removal in this process were running
	s, err := NewStaging(out)
	if err != nil {
		t.Fatal(err)
	}
	s.Wait()
	removing.Delete(busy)
	if exists(filepath.Join(root, ".warta-old-public-123")) {
		t.Error("the leftover previous site was not removed")
	}
	for _, keep := range []string{".warta-old-public-456", ".warta-old-public-2-789", ".warta-old-keluaran-1", ".warta-old-public-berkas-saya", ".warta-staging-public-2-5"} {
		if !exists(filepath.Join(root, keep)) {
			t.Errorf("%s was removed", keep)
		}
	}
	if err := s.Abort(); err != nil {
		t.Fatal(err)
	}
	s, err = NewStaging(out)
	if err != nil {
		t.Fatal(err)
	}
	s.Wait()
	if exists(busy) {
		t.Error("a leftover whose removal had ended was not removed by the next build")
	}
	_ = s.Abort()
}

// Folders are made once each, by writers at the same time; a file where a
// folder should be is an error, not a write through it.
func TestStagingFolders(t *testing.T) {
	s, err := NewStaging(filepath.Join(t.TempDir(), "public"))
	if err != nil {
		t.Fatal(err)
	}
	defer s.Abort()
	var wg sync.WaitGroup
	errs := make(chan error, 8*50)
	for w := range 8 {
		wg.Go(func() {
			for i := range 50 {
				name := fmt.Sprintf("berita/%d/halaman/%d/f%d-%d.html", i%5, (i+w)%7, w, i)
				if err := s.Write(name, []byte(name)); err != nil {
					errs <- err
				}
			}
		})
	}
	wg.Wait()
	close(errs)
	for err := range errs {
		t.Error(err)
	}
	if got := read(t, filepath.Join(s.Dir(), "berita/3/halaman/2/f1-8.html")); got != "berita/3/halaman/2/f1-8.html" {
		t.Errorf("got %q", got)
	}
	if err := s.Write("berkas", []byte("a file")); err != nil {
		t.Fatal(err)
	}
	if err := s.Write("berkas/index.html", []byte("x")); err == nil {
		t.Error("wrote below a file")
	}
	if err := os.Symlink(t.TempDir(), filepath.Join(s.Dir(), "tautan")); err != nil {
		t.Fatal(err)
	}
	if err := s.Write("tautan/index.html", []byte("x")); err == nil {
		t.Error("wrote through a link to a folder")
	}
}
