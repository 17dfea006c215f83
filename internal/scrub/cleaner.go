package scrub

import (
	"bytes"
	"crypto/sha256"
	"encoding/binary"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path"
	"path/filepath"
	"strings"
	"sync"
	"time"

	"github.com/dinsos-metro/warta/internal/imageproc"
)

// CleanerOptions configure a Cleaner.
type CleanerOptions struct {
	Options
	// FS holds the site's files.
	FS fs.FS
	// CacheDir keeps cleaned files on disk; "" keeps them in memory.
	CacheDir string
}

// Cleaner cleans the files of one site, each once per build, with a cache
// by content. It is safe for concurrent use.
type Cleaner struct {
	opt   CleanerOptions
	store *store

	mu    sync.Mutex
	files map[string]*entry // by path, for this build
	used  map[string]bool   // cache keys of this build
}

// entry is what one file became.
type entry struct {
	once   sync.Once
	kind   Kind
	key    string
	fields []Field
	err    error
	mod    time.Time
}

// NewCleaner makes a Cleaner.
func NewCleaner(opt CleanerOptions) *Cleaner {
	return &Cleaner{opt: opt, store: &store{dir: opt.CacheDir, mem: map[string][]byte{}},
		files: map[string]*entry{}, used: map[string]bool{}}
}

// Next returns the Cleaner for the next build of the same site: the same
// cache, every file read afresh.
func (c *Cleaner) Next(opt Options) *Cleaner {
	o := c.opt
	o.Options = opt
	return &Cleaner{opt: o, store: c.store, files: map[string]*entry{}, used: map[string]bool{}}
}

// CacheDir is the cache folder ("" in memory).
func (c *Cleaner) CacheDir() string { return c.opt.CacheDir }

// Check cleans the file at path (once per build) and returns the fields it
// found that name people, or an *Error when it cannot be published safely.
func (c *Cleaner) Check(path string) ([]Field, error) {
	e := c.entry(path)
	return e.fields, e.err
}

func (c *Cleaner) entry(path string) *entry {
	c.mu.Lock()
	e, ok := c.files[path]
	if !ok {
		e = &entry{}
		c.files[path] = e
	}
	c.mu.Unlock()
	e.once.Do(func() { c.run(path, e) })
	if e.key != "" {
		c.mu.Lock()
		c.used[e.key] = true
		c.mu.Unlock()
	}
	return e
}

// headSize is what Sniff reads of a file.
const headSize = 1024

func (c *Cleaner) run(path string, e *entry) {
	f, err := c.opt.FS.Open(path)
	if err != nil {
		e.err = err
		return
	}
	defer f.Close()
	info, err := f.Stat()
	if err != nil {
		e.err = err
		return
	}
	e.mod = info.ModTime()
	head := make([]byte, headSize)
	n, err := io.ReadFull(f, head)
	if err != nil && !errors.Is(err, io.ErrUnexpectedEOF) && !errors.Is(err, io.EOF) {
		e.err = err
		return
	}
	e.kind = Sniff(path, head[:n])
	if e.kind == Other {
		return // published as it is, streamed: never held in memory
	}
	rest, err := io.ReadAll(f)
	if err != nil {
		e.err = err
		return
	}
	data := append(head[:n], rest...)
	sum := sha256.Sum256(fmt.Appendf(nil, "%s|%t|%x", Version, c.opt.StripDocuments, sha256.Sum256(data)))
	e.key = hex.EncodeToString(sum[:16])
	if meta, _, ok := c.store.get(e.key, false); ok {
		e.fields, e.err = meta.fields()
		return
	}
	res, err := clean(e.kind, path, data, c.opt.Options)
	meta := cacheMeta{}
	for _, field := range res.Fields {
		meta.Fields = append(meta.Fields, field.Name)
	}
	var se *Error
	if errors.As(err, &se) {
		meta.Err = se
	} else if err != nil {
		e.err = err
		return
	}
	e.fields, e.err = meta.fields()
	if err := c.store.put(e.key, meta, res.Data); err != nil {
		e.err = err
	}
}

// Prune removes every cached file this build did not use. Call it after a
// complete build only.
func (c *Cleaner) Prune() error {
	c.mu.Lock()
	keep := make(map[string]bool, len(c.used))
	for k := range c.used {
		keep[k] = true
	}
	c.mu.Unlock()
	return c.store.prune(keep)
}

// FS is the site's file system with every file as it is published:
// cleaned, from the cache, or as it is for files with nothing to clean.
// Opening a file that cannot be cleaned fails with its *Error.
func (c *Cleaner) FS() fs.FS { return cleanFS{c} }

type cleanFS struct{ c *Cleaner }

func (cf cleanFS) Open(name string) (fs.File, error) {
	if !fs.ValidPath(name) {
		return nil, &fs.PathError{Op: "open", Path: name, Err: fs.ErrInvalid}
	}
	e := cf.c.entry(name)
	if e.err != nil {
		return nil, &fs.PathError{Op: "open", Path: name, Err: e.err}
	}
	if e.kind == Other {
		return cf.c.opt.FS.Open(name)
	}
	_, data, ok := cf.c.store.get(e.key, true)
	if !ok {
		// Pruned by another build meanwhile: clean it again.
		cf.c.mu.Lock()
		delete(cf.c.files, name)
		cf.c.mu.Unlock()
		e = cf.c.entry(name)
		if _, data, ok = cf.c.store.get(e.key, true); !ok || e.err != nil {
			return nil, &fs.PathError{Op: "open", Path: name, Err: errors.Join(e.err, fs.ErrNotExist)}
		}
	}
	return &memFile{Reader: bytes.NewReader(data), info: fileInfo{name: path.Base(name), size: int64(len(data)), mod: e.mod}}, nil
}

type memFile struct {
	*bytes.Reader
	info fileInfo
}

func (f *memFile) Stat() (fs.FileInfo, error) { return f.info, nil }
func (f *memFile) Close() error               { return nil }

type fileInfo struct {
	name string
	size int64
	mod  time.Time
}

func (i fileInfo) Name() string       { return i.name }
func (i fileInfo) Size() int64        { return i.size }
func (i fileInfo) Mode() fs.FileMode  { return 0o644 }
func (i fileInfo) ModTime() time.Time { return i.mod }
func (i fileInfo) IsDir() bool        { return false }
func (i fileInfo) Sys() any           { return nil }

// cacheMeta is what a cache entry says besides the bytes.
type cacheMeta struct {
	Fields []string `json:"fields,omitempty"`
	Err    *Error   `json:"error,omitempty"`
}

func (m cacheMeta) fields() ([]Field, error) {
	var out []Field
	for _, f := range m.Fields {
		out = append(out, Field{Name: f})
	}
	if m.Err != nil {
		return out, m.Err
	}
	return out, nil
}

// MarshalJSON and UnmarshalJSON keep an *Error in the cache.
func (e *Error) MarshalJSON() ([]byte, error) {
	detail, why := "", ""
	if e.Err != nil {
		detail = e.Err.Error()
	}
	if r, ok := e.Err.(reason); ok {
		why = string(r)
	}
	return json.Marshal(struct {
		Kind   ErrorKind
		Format string
		Detail int
		Err    string
		Why    string `json:",omitempty"`
	}{e.Kind, e.Format, e.Detail, detail, why})
}

func (e *Error) UnmarshalJSON(b []byte) error {
	var v struct {
		Kind   ErrorKind
		Format string
		Detail int
		Err    string
		Why    string // the reason's code, so that it is read in the reader's language again
	}
	if err := json.Unmarshal(b, &v); err != nil {
		return err
	}
	*e = Error{Kind: v.Kind, Format: v.Format, Detail: v.Detail}
	if r := reasonOf(v.Why, v.Err); r != nil {
		e.Err = r
	} else if v.Err != "" {
		e.Err = errors.New(v.Err)
	}
	return nil
}

// store keeps cleaned files by key: in memory, or in a folder as
// <key[:2]>/<key>, each file a 4-byte length, the metadata as JSON, then
// the bytes, written as the image cache writes (imageproc.WriteAtomic).
type store struct {
	dir string
	mu  sync.Mutex
	mem map[string][]byte
}

func (s *store) path(key string) string { return filepath.Join(s.dir, key[:2], key) }

func (s *store) get(key string, withData bool) (cacheMeta, []byte, bool) {
	s.mu.Lock()
	raw, ok := s.mem[key]
	s.mu.Unlock()
	switch {
	case ok:
	case s.dir == "":
		return cacheMeta{}, nil, false
	case withData:
		b, err := os.ReadFile(s.path(key))
		if err != nil {
			return cacheMeta{}, nil, false
		}
		raw = b
	default:
		b, err := readHead(s.path(key))
		if err != nil {
			return cacheMeta{}, nil, false
		}
		raw = b
	}
	if len(raw) < 4 {
		return cacheMeta{}, nil, false
	}
	n := int(binary.BigEndian.Uint32(raw))
	if 4+n > len(raw) {
		return cacheMeta{}, nil, false
	}
	var m cacheMeta
	if json.Unmarshal(raw[4:4+n], &m) != nil {
		return cacheMeta{}, nil, false
	}
	return m, raw[4+n:], true
}

// readHead reads a cache file's length and metadata, not its bytes.
func readHead(name string) ([]byte, error) {
	f, err := os.Open(name)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	var n [4]byte
	if _, err := io.ReadFull(f, n[:]); err != nil {
		return nil, err
	}
	size := binary.BigEndian.Uint32(n[:])
	if size > 1<<20 {
		return nil, errors.New("cache entry too large")
	}
	meta := make([]byte, size)
	if _, err := io.ReadFull(f, meta); err != nil {
		return nil, err
	}
	return append(n[:], meta...), nil
}

// put keeps an entry; when the folder cannot be written (a full disk, a
// read-only cache), in memory for this Cleaner's life.
func (s *store) put(key string, m cacheMeta, data []byte) error {
	meta, err := json.Marshal(m)
	if err != nil {
		return err
	}
	raw := make([]byte, 0, 4+len(meta)+len(data))
	raw = binary.BigEndian.AppendUint32(raw, uint32(len(meta)))
	raw = append(append(raw, meta...), data...)
	if s.dir != "" && imageproc.WriteAtomic(s.path(key), raw) == nil {
		return nil
	}
	s.mu.Lock()
	s.mem[key] = raw
	s.mu.Unlock()
	return nil
}

// prune removes entries not in keep, and temporary files over an hour
// old. Only names the store writes are touched.
func (s *store) prune(keep map[string]bool) error {
	s.mu.Lock()
	for k := range s.mem {
		if !keep[k] {
			delete(s.mem, k)
		}
	}
	s.mu.Unlock()
	if s.dir == "" {
		return nil
	}
	return filepath.WalkDir(s.dir, func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			if errors.Is(err, fs.ErrNotExist) {
				return nil
			}
			return err
		}
		if d.IsDir() {
			return nil
		}
		name := d.Name()
		dir := filepath.Base(filepath.Dir(p))
		switch {
		case strings.HasPrefix(name, ".tmp-"):
			if info, err := d.Info(); err != nil || time.Since(info.ModTime()) < time.Hour {
				return nil
			}
		case len(name) == 32 && isHex(name) && name[:2] == dir:
			if keep[name] {
				return nil
			}
		default:
			return nil
		}
		_ = os.Remove(p)
		return nil
	})
}

func isHex(s string) bool {
	for _, c := range s {
		if (c < '0' || c > '9') && (c < 'a' || c > 'f') {
			return false
		}
	}
	return true
}
