package imageproc

import (
	"encoding/json"
	"errors"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"time"
)

// store keeps finished derivatives by key.
type store interface {
	get(key, ext string) ([]byte, bool)
	put(key, ext string, data []byte) error
	// prune removes every entry whose key is not in keep.
	prune(keep map[string]bool) (int, error)
}

// memStore keeps derivatives in memory.
type memStore struct {
	mu sync.Mutex
	m  map[string][]byte
}

func (s *memStore) get(key, _ string) ([]byte, bool) {
	s.mu.Lock()
	defer s.mu.Unlock()
	b, ok := s.m[key]
	return b, ok
}

func (s *memStore) put(key, _ string, data []byte) error {
	s.mu.Lock()
	s.m[key] = data
	s.mu.Unlock()
	return nil
}

func (s *memStore) prune(keep map[string]bool) (int, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	n := 0
	for k := range s.m {
		if !keep[k] {
			delete(s.m, k)
			n++
		}
	}
	return n, nil
}

// diskStore keeps derivatives in a folder: <dir>/<key[:2]>/<key><ext>.
type diskStore struct {
	dir string
}

const manifestName = "sources.json"

func (s *diskStore) path(key, ext string) string {
	return filepath.Join(s.dir, key[:2], key+ext)
}

func (s *diskStore) get(key, ext string) ([]byte, bool) {
	b, err := os.ReadFile(s.path(key, ext))
	return b, err == nil
}

func (s *diskStore) put(key, ext string, data []byte) error {
	return writeAtomic(s.path(key, ext), data)
}

// writeAtomic writes data to a temporary file beside name and renames it
// into place, so readers see the whole file or none.
func writeAtomic(name string, data []byte) error {
	dir := filepath.Dir(name)
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return err
	}
	f, err := os.CreateTemp(dir, ".tmp-*")
	if err != nil {
		return err
	}
	_, werr := f.Write(data)
	cerr := f.Close()
	if err := errors.Join(werr, cerr); err != nil {
		_ = os.Remove(f.Name())
		return err
	}
	if err := os.Rename(f.Name(), name); err != nil {
		_ = os.Remove(f.Name())
		return err
	}
	return nil
}

// prune removes derivatives not in keep, and temporary files left by a
// killed build. The manifest stays.
func (s *diskStore) prune(keep map[string]bool) (int, error) {
	n := 0
	err := filepath.WalkDir(s.dir, func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			if errors.Is(err, fs.ErrNotExist) {
				return nil
			}
			return err
		}
		if d.IsDir() || p == filepath.Join(s.dir, manifestName) {
			return nil
		}
		// Only files the cache itself writes are touched, whatever folder
		// images.cache names: <2 hex>/<32 hex>.jpg|png and temporary files.
		name := d.Name()
		rel, _ := filepath.Rel(s.dir, p)
		dir := filepath.Dir(rel)
		if len(dir) != 2 || !isHex(dir) {
			return nil
		}
		switch key := strings.TrimSuffix(name, filepath.Ext(name)); {
		case strings.HasPrefix(name, ".tmp-"):
			// Another build may be writing it right now.
			if info, err := d.Info(); err != nil || time.Since(info.ModTime()) < time.Hour {
				return nil
			}
		case len(key) == 32 && isHex(key) && key[:2] == dir:
			if keep[key] {
				return nil
			}
		default:
			return nil
		}
		if err := os.Remove(p); err == nil {
			n++
		}
		return nil
	})
	return n, err
}

// manifest remembers what was learnt about each source, keyed by path and
// trusted only while the file's size and modification time are unchanged.
type manifest struct {
	mu      sync.Mutex
	entries map[string]manifestEntry
	dirty   bool
}

type manifestEntry struct {
	Size    int64   `json:"size"`
	ModTime int64   `json:"mtime"` // Unix nanoseconds
	Source  *Source `json:"source"`
}

func loadManifest(dir string) *manifest {
	m := &manifest{entries: map[string]manifestEntry{}}
	if dir == "" {
		return m
	}
	data, err := os.ReadFile(filepath.Join(dir, manifestName))
	if err != nil {
		return m
	}
	if json.Unmarshal(data, &m.entries) != nil {
		m.entries = map[string]manifestEntry{} // a damaged manifest only costs re-reading sources
	}
	return m
}

func (m *manifest) lookup(path string, info fs.FileInfo) (*Source, bool) {
	if info == nil || info.ModTime().IsZero() {
		return nil, false // in-memory file systems have no times to trust
	}
	m.mu.Lock()
	defer m.mu.Unlock()
	e, ok := m.entries[path]
	if !ok || e.Source == nil || e.Size != info.Size() || e.ModTime != info.ModTime().UnixNano() {
		return nil, false
	}
	s := *e.Source
	s.Path = path
	return &s, true
}

func (m *manifest) remember(src *Source, info fs.FileInfo) {
	if info == nil || info.ModTime().IsZero() {
		return
	}
	m.mu.Lock()
	m.entries[src.Path] = manifestEntry{Size: info.Size(), ModTime: info.ModTime().UnixNano(), Source: src}
	m.dirty = true
	m.mu.Unlock()
}

// save writes the manifest, keeping only the sources in used (all of them
// when used is nil).
func (m *manifest) save(dir string, used map[string]bool) error {
	m.mu.Lock()
	defer m.mu.Unlock()
	for p := range m.entries {
		if used != nil && !used[p] {
			delete(m.entries, p)
			m.dirty = true
		}
	}
	if !m.dirty {
		return nil
	}
	data, err := json.Marshal(m.entries)
	if err != nil {
		return err
	}
	if err := writeAtomic(filepath.Join(dir, manifestName), data); err != nil {
		return err
	}
	m.dirty = false
	return nil
}

// isHex reports whether s is lower-case hex digits.
func isHex(s string) bool {
	for _, c := range s {
		if (c < '0' || c > '9') && (c < 'a' || c > 'f') {
			return false
		}
	}
	return true
}
