package publish

import (
	"bytes"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
)

// A Part is a file being written as a stream: it is at its name once
// Close returns nil; Discard drops it. A build writes a level's zip this
// way while the level's modules are rendered, so that the archive (tens
// of megabytes at 7,500 modules) is never whole in memory.
type Part interface {
	Write(p []byte) (int, error)
	Close() error
	Discard()
}

// Streamer is a Sink that can take a file as a stream. A wrapping Sink
// forwards Stream when it would not change the file's bytes.
type Streamer interface {
	Stream(name string) (Part, error)
}

// OpenStream opens name on s as a stream. It returns an error matching
// errors.ErrUnsupported when s cannot take one for this name: the caller
// then writes the file whole.
func OpenStream(s Sink, name string) (Part, error) {
	st, ok := s.(Streamer)
	if !ok {
		return nil, errors.ErrUnsupported
	}
	return st.Stream(name)
}

func (m *Memory) Stream(name string) (Part, error) {
	if err := CheckName(name); err != nil {
		return nil, err
	}
	return &memoryPart{m: m, name: name}, nil
}

type memoryPart struct {
	m    *Memory
	name string
	bytes.Buffer
}

func (p *memoryPart) Close() error { return p.m.Write(p.name, p.Bytes()) }
func (p *memoryPart) Discard()     { p.Reset() }

func (r *Recorder) Stream(name string) (Part, error) {
	part, err := OpenStream(r.Next, name)
	if err == nil {
		r.note(name)
	}
	return part, err
}

// Precompress, Minify and Relative change or add to the files they
// transform; others pass through.

func (p Precompress) Stream(name string) (Part, error) {
	if Compressible(name) {
		return nil, errors.ErrUnsupported
	}
	return OpenStream(p.Next, name)
}

func (m Minify) Stream(name string) (Part, error) {
	if MediaType(name) != "" {
		return nil, errors.ErrUnsupported
	}
	return OpenStream(m.Next, name)
}

func (r Relative) Stream(name string) (Part, error) {
	switch strings.ToLower(filepath.Ext(name)) {
	case ".html", ".htm", ".css":
		return nil, errors.ErrUnsupported
	}
	return OpenStream(r.Next, name)
}

// Stream writes into a file of its own in the staging folder and moves it
// to name on Close, replacing what a spare had there by rename: a hard
// link into the site online (Carry) is never written through.
func (s *Staging) Stream(name string) (Part, error) {
	if err := CheckName(name); err != nil {
		return nil, err
	}
	f, err := os.CreateTemp(s.dir, ".part-*")
	if err != nil {
		return nil, err
	}
	return &stagingPart{s: s, name: name, f: f}, nil
}

type stagingPart struct {
	s    *Staging
	name string
	f    *os.File
}

func (p *stagingPart) Write(b []byte) (int, error) { return p.f.Write(b) }

func (p *stagingPart) Discard() {
	p.f.Close()
	os.Remove(p.f.Name())
}

func (p *stagingPart) Close() error {
	if err := p.f.Close(); err != nil {
		os.Remove(p.f.Name())
		return err
	}
	full, err := p.s.prepare(p.name)
	if err == nil {
		err = p.s.clearFor(p.name, full)
	}
	if err == nil {
		err = os.Rename(p.f.Name(), full)
	}
	if err != nil {
		os.Remove(p.f.Name())
		return err
	}
	p.s.count(p.name)
	return nil
}

// clearFor removes a folder or link of a spare that is where the file name
// goes (a plain file is replaced by the rename); a folder this build made
// is an error, as in open.
func (s *Staging) clearFor(name, full string) error {
	info, err := os.Lstat(full)
	if errors.Is(err, fs.ErrNotExist) || (err == nil && info.Mode().IsRegular()) {
		return nil
	}
	if err != nil {
		return err
	}
	s.mu.Lock()
	ours := s.made[name]
	s.mu.Unlock()
	if ours {
		return fmt.Errorf("%s: a folder of this build is in the way", name)
	}
	return os.RemoveAll(full)
}
