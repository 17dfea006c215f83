package publish

import (
	"errors"
	"fmt"
	"os"
	"path/filepath"
)

// Carrier is a Sink that can keep files of the previous build without
// being handed their bytes again: the render skips a job whose inputs did
// not change and asks the sink to carry its files over.
type Carrier interface {
	Carry(names []string) error
}

// Carry links files of the current output folder into the staging folder.
// A hard link costs no copying and no writing of unchanged bytes, and the
// atomic swap still replaces the whole folder at once. When a file is
// missing (deleted by hand) the error tells the render to make it again.
func (s *Staging) Carry(names []string) error {
	for _, name := range names {
		full, err := s.prepare(name)
		if err != nil {
			return err
		}
		if err := s.link(filepath.Join(s.out, filepath.FromSlash(name)), full); err != nil {
			return err
		}
		s.count(name)
	}
	return nil
}

// link makes full a hard link to old. A name there already is kept when
// it is old itself: carried already (shared by two jobs), or, in a spare,
// carried by the build before too. In a spare anything else is the
// previous site's and is replaced.
func (s *Staging) link(old, full string) error {
	for range 3 {
		err := os.Link(old, full)
		if err == nil || !errors.Is(err, os.ErrExist) {
			return err
		}
		if !s.reusing {
			return nil
		}
		a, err := os.Lstat(old)
		if err != nil {
			return err
		}
		if b, err := os.Lstat(full); err == nil && os.SameFile(a, b) {
			return nil
		}
		if err := os.RemoveAll(full); err != nil {
			return err
		}
	}
	return fmt.Errorf("%s: cannot link %s", full, old)
}

// Carry forwards to the wrapped sink when it can carry.
func (m Minify) Carry(names []string) error {
	if c, ok := m.Next.(Carrier); ok {
		return c.Carry(names)
	}
	return nil
}

// Carry notes the names as written and forwards to the wrapped sink.
func (r *Recorder) Carry(names []string) error {
	for _, n := range names {
		r.note(n)
	}
	if c, ok := r.Next.(Carrier); ok {
		return c.Carry(names)
	}
	return nil
}
