package publish

import (
	"errors"
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
		old := filepath.Join(s.out, filepath.FromSlash(name))
		if err := os.Link(old, full); err != nil {
			if errors.Is(err, os.ErrExist) {
				continue // carried already (shared by two jobs)
			}
			return err
		}
		s.count()
	}
	return nil
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
