package publish

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path"
	"path/filepath"
	"strings"
	"sync"
)

// Staging is a Sink that builds the new site in a temporary folder beside
// the output folder, then swaps it in.
type Staging struct {
	out string // the output folder
	dir string // the folder being written

	mu      sync.Mutex
	made    map[string]bool // folders already created, by slash path
	written int

	removals sync.WaitGroup // old sites being removed (Wait)
}

const (
	stagingPrefix = ".warta-staging-" // a site being written
	oldPrefix     = ".warta-old-"     // a replaced site being removed
)

// NewStaging prepares a staging folder for out. Leftovers of builds that
// were killed before they could clean up are removed first: staging
// folders at once, previous sites whose removal an earlier process did
// not finish in the background (see Commit).
func NewStaging(out string) (*Staging, error) {
	out, err := filepath.Abs(out)
	if err != nil {
		return nil, err
	}
	parent := filepath.Dir(out)
	if err := os.MkdirAll(parent, 0o755); err != nil {
		return nil, err
	}
	prefix := stagingPrefix + filepath.Base(out) + "-"
	for _, o := range leftovers(parent, prefix) {
		_ = os.RemoveAll(o)
	}
	dir, err := os.MkdirTemp(parent, prefix)
	if err != nil {
		return nil, err
	}
	if err := os.Chmod(dir, 0o755); err != nil {
		_ = os.RemoveAll(dir)
		return nil, err
	}
	if err := os.WriteFile(filepath.Join(dir, Marker), []byte(markerText), 0o644); err != nil {
		_ = os.RemoveAll(dir)
		return nil, err
	}
	s := &Staging{out: out, dir: dir, made: map[string]bool{".": true}}
	for _, o := range leftovers(parent, oldPrefix+filepath.Base(out)+"-") {
		s.removeInBackground(o)
	}
	return s, nil
}

// leftovers are the folders in parent named prefix and the digits
// os.MkdirTemp puts in place of its "*". Other names are left alone: the
// ones of another output folder (".warta-staging-public-2-…" when out is
// "public"), or a user's own.
func leftovers(parent, prefix string) []string {
	entries, err := os.ReadDir(parent)
	if err != nil {
		return nil
	}
	var found []string
	for _, e := range entries {
		rest, ok := strings.CutPrefix(e.Name(), prefix)
		if ok && e.IsDir() && rest != "" && strings.Trim(rest, "0123456789") == "" {
			found = append(found, filepath.Join(parent, e.Name()))
		}
	}
	return found
}

// Dir is the folder being written.
func (s *Staging) Dir() string { return s.dir }

// Out is the output folder.
func (s *Staging) Out() string { return s.out }

// Written counts the files written so far.
func (s *Staging) Written() int {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.written
}

func (s *Staging) prepare(name string) (string, error) {
	if err := CheckName(name); err != nil {
		return "", err
	}
	if err := s.mkdir(path.Dir(name)); err != nil {
		return "", err
	}
	return filepath.Join(s.dir, filepath.FromSlash(name)), nil
}

// mkdir makes the folder dir (a slash path) and its missing parents, each
// once per build. Almost every page has a folder of its own, and by the
// time it is made its parent is known to exist: one mkdir call instead of
// MkdirAll's stat, stat of the parent and mkdir.
func (s *Staging) mkdir(dir string) error {
	s.mu.Lock()
	made := s.made[dir]
	s.mu.Unlock()
	if made {
		return nil
	}
	if err := s.mkdir(path.Dir(dir)); err != nil {
		return err
	}
	full := filepath.Join(s.dir, filepath.FromSlash(dir))
	if err := os.Mkdir(full, 0o755); err != nil {
		// Made just now by another writer is fine; a file (or a link)
		// in the way is not.
		info, lerr := os.Lstat(full)
		if !errors.Is(err, fs.ErrExist) || lerr != nil || !info.IsDir() {
			return err
		}
	}
	s.mu.Lock()
	s.made[dir] = true
	s.mu.Unlock()
	return nil
}

func (s *Staging) Write(name string, data []byte) error {
	full, err := s.prepare(name)
	if err != nil {
		return err
	}
	f, err := create(full)
	if err != nil {
		return err
	}
	if _, err := f.Write(data); err != nil {
		f.Close()
		return err
	}
	if err := f.Close(); err != nil {
		return err
	}
	s.count()
	return nil
}

// create makes a new file at full. A file already there may be a hard link
// into the output folder (see Carry: a job whose carrying failed half-way
// runs after all, two jobs may share an output): it is unlinked first, so
// that no write ever reaches the site that is online before Commit.
func create(full string) (*os.File, error) {
	f, err := os.OpenFile(full, os.O_WRONLY|os.O_CREATE|os.O_EXCL, 0o644)
	if errors.Is(err, fs.ErrExist) {
		if err := os.Remove(full); err != nil {
			return nil, err
		}
		f, err = os.OpenFile(full, os.O_WRONLY|os.O_CREATE|os.O_EXCL, 0o644)
	}
	return f, err
}

func (s *Staging) Copy(name string, src fs.FS, srcPath string) error {
	full, err := s.prepare(name)
	if err != nil {
		return err
	}
	f, err := create(full)
	if err != nil {
		return err
	}
	if err := copyFile(f, src, srcPath); err != nil {
		f.Close()
		return err
	}
	if err := f.Close(); err != nil {
		return err
	}
	s.count()
	return nil
}

func (s *Staging) count() {
	s.mu.Lock()
	s.written++
	s.mu.Unlock()
}

// Commit puts the staged site in place of the output folder and removes
// the previous one, in the background (Wait waits for it). On Linux the
// swap is a single atomic rename.
func (s *Staging) Commit() error {
	info, err := os.Lstat(s.out)
	switch {
	case errors.Is(err, fs.ErrNotExist):
		return os.Rename(s.dir, s.out)
	case err != nil:
		return err
	case !info.IsDir():
		return fmt.Errorf("%s exists and is not a folder", s.out)
	}
	if err := exchange(s.dir, s.out); err != nil {
		return err
	}
	// s.dir now holds the previous site. Removing it costs nearly as
	// much as writing it, and the build is done, so it goes in the
	// background, after a rename into a folder of its own beside the
	// output folder, .warta-old-<out>-<digits>. MkdirTemp makes that name
	// fresh, and no later build touches it while this process removes it:
	// a build writes into a staging folder with a fresh name, NewStaging's
	// clean-up of staging leftovers does not match it, and its clean-up
	// of old sites skips the removals this process has running
	// (removing). If the process ends first (the command exits right
	// after Commit), the next NewStaging for the same output folder
	// removes the rest. If the rename fails, the old site is removed here.
	old, err := os.MkdirTemp(filepath.Dir(s.out), oldPrefix+filepath.Base(s.out)+"-")
	if err == nil {
		if err = os.Rename(s.dir, filepath.Join(old, "site")); err != nil {
			_ = os.Remove(old)
		}
	}
	if err != nil {
		return os.RemoveAll(s.dir)
	}
	s.removeInBackground(old)
	return nil
}

// removing are the folders that removals in this process are working on.
// It is shared by every Staging: a removal outlives the build that began
// it.
var removing sync.Map

// removeInBackground removes dir, unless a removal of it is running
// already. What cannot be removed is left for the next build to try.
func (s *Staging) removeInBackground(dir string) {
	if _, busy := removing.LoadOrStore(dir, true); busy {
		return
	}
	s.removals.Go(func() {
		_ = os.RemoveAll(dir)
		removing.Delete(dir)
	})
}

// Wait waits for the removals this Staging began: the previous site
// after Commit, and leftovers of earlier builds found by NewStaging.
func (s *Staging) Wait() { s.removals.Wait() }

// Abort removes the staging folder; the output folder is untouched.
func (s *Staging) Abort() error { return os.RemoveAll(s.dir) }

// renameSwap exchanges two folders with two renames, for systems without
// an atomic exchange. The previous site is restored if the second fails.
func renameSwap(staged, out string) error {
	old := staged + ".old"
	if err := os.Rename(out, old); err != nil {
		return err
	}
	if err := os.Rename(staged, out); err != nil {
		_ = os.Rename(old, out)
		return err
	}
	return os.Rename(old, staged)
}

// isInside reports whether p is dir or below it.
func isInside(p, dir string) bool {
	rel, err := filepath.Rel(dir, p)
	return err == nil && rel != ".." && !strings.HasPrefix(rel, ".."+string(filepath.Separator))
}
