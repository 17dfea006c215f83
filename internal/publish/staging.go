package publish

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
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
	made    map[string]bool // folders already created
	written int
}

const stagingPrefix = ".warta-staging-"

// NewStaging prepares a staging folder for out. Leftovers of builds that
// were killed before they could clean up are removed first.
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
	if old, _ := filepath.Glob(filepath.Join(parent, prefix+"*")); len(old) > 0 {
		for _, o := range old {
			_ = os.RemoveAll(o)
		}
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
	return &Staging{out: out, dir: dir, made: map[string]bool{".": true}}, nil
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
	dir := filepath.Dir(filepath.FromSlash(name))
	s.mu.Lock()
	made := s.made[dir]
	s.mu.Unlock()
	if !made {
		if err := os.MkdirAll(filepath.Join(s.dir, dir), 0o755); err != nil {
			return "", err
		}
		s.mu.Lock()
		s.made[dir] = true
		s.mu.Unlock()
	}
	return filepath.Join(s.dir, filepath.FromSlash(name)), nil
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
// the previous one. On Linux the swap is a single atomic rename.
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
	// s.dir now holds the previous site.
	return os.RemoveAll(s.dir)
}

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
