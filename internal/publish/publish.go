// Package publish writes the built site. Stages hand files to a Sink by
// their path in the site ("berita/x/index.html"); the Sink decides where
// they go:
//
//   - Memory keeps them in a map, for tests and for serving.
//   - Staging writes them into a new folder beside the output folder and,
//     only when the whole build has succeeded, swaps it with the output
//     folder in one step; the previous site is kept beside it as the next
//     build's spare, which that build overwrites in place (Staging).
//     A failed or interrupted build removes its folder and leaves the
//     previous site exactly as it was. Every build leaves the Marker file
//     in the folder, so that the next one knows the folder is its to
//     replace (CheckOwned); CheckOutput refuses folders no build may
//     replace at all.
//
// Minify wraps any Sink and minifies HTML, CSS, JS, SVG, XML and JSON on
// the way through.
package publish

import (
	"bytes"
	"fmt"
	"io"
	"io/fs"
	"path"
	"slices"
	"strings"
	"sync"
)

// Sink receives the files of a build. Implementations are safe for
// concurrent use.
type Sink interface {
	// Write stores data at name, a clean slash path without leading slash.
	// data is the caller's again when Write returns (render reuses its
	// buffers): a Sink that keeps the bytes keeps a copy.
	Write(name string, data []byte) error
	// Copy stores the file srcPath of src at name, unchanged.
	Copy(name string, src fs.FS, srcPath string) error
}

// CheckName rejects names that could escape the output folder.
func CheckName(name string) error {
	if name == "" || path.IsAbs(name) || path.Clean(name) != name || name == ".." || strings.HasPrefix(name, "../") || strings.Contains(name, `\`) {
		return fmt.Errorf("output path %q is not a clean relative path", name)
	}
	return nil
}

// Memory is a Sink that keeps every file in memory.
type Memory struct {
	mu    sync.Mutex
	files map[string][]byte
}

// NewMemory returns an empty Memory sink.
func NewMemory() *Memory { return &Memory{files: map[string][]byte{}} }

func (m *Memory) Write(name string, data []byte) error {
	if err := CheckName(name); err != nil {
		return err
	}
	m.mu.Lock()
	m.files[name] = bytes.Clone(data)
	m.mu.Unlock()
	return nil
}

func (m *Memory) Copy(name string, src fs.FS, srcPath string) error {
	data, err := fs.ReadFile(src, srcPath)
	if err != nil {
		return err
	}
	return m.Write(name, data)
}

// Get returns a file's bytes.
func (m *Memory) Get(name string) ([]byte, bool) {
	m.mu.Lock()
	defer m.mu.Unlock()
	b, ok := m.files[name]
	return b, ok
}

// Names lists every file, sorted.
func (m *Memory) Names() []string {
	m.mu.Lock()
	defer m.mu.Unlock()
	names := make([]string, 0, len(m.files))
	for n := range m.files {
		names = append(names, n)
	}
	slices.Sort(names)
	return names
}

// Files returns a copy of the whole map.
func (m *Memory) Files() map[string][]byte {
	m.mu.Lock()
	defer m.mu.Unlock()
	out := make(map[string][]byte, len(m.files))
	for k, v := range m.files {
		out[k] = v
	}
	return out
}

// copyFile streams one file.
func copyFile(w io.Writer, src fs.FS, srcPath string) error {
	f, err := src.Open(srcPath)
	if err != nil {
		return err
	}
	defer f.Close()
	_, err = io.Copy(w, f)
	return err
}

// Remove deletes a file (for a page that no longer exists).
func (m *Memory) Remove(name string) {
	m.mu.Lock()
	delete(m.files, name)
	m.mu.Unlock()
}

// Recorder is a Sink that notes every name written through it, so that a
// server can tell files an update rewrote from files nobody stands for.
type Recorder struct {
	Next Sink

	mu      sync.Mutex
	written map[string]bool
}

func (r *Recorder) note(name string) {
	r.mu.Lock()
	if r.written == nil {
		r.written = map[string]bool{}
	}
	r.written[name] = true
	r.mu.Unlock()
}

func (r *Recorder) Write(name string, data []byte) error {
	r.note(name)
	return r.Next.Write(name, data)
}

func (r *Recorder) Copy(name string, src fs.FS, srcPath string) error {
	r.note(name)
	return r.Next.Copy(name, src, srcPath)
}

// Take returns the names written since the last Take and forgets them.
func (r *Recorder) Take() map[string]bool {
	r.mu.Lock()
	defer r.mu.Unlock()
	w := r.written
	r.written = nil
	if w == nil {
		w = map[string]bool{}
	}
	return w
}
