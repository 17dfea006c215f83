package deploy

import (
	"bufio"
	"encoding/json"
	"errors"
	"io/fs"
	"os"
	"path/filepath"
	"sort"
	"sync"
)

// A Manifest says what a target holds: every file warta put there, by
// name, with the hash and size of its bytes. It lives in the site's state
// folder, .warta/deploy/<target>.json, never in the output.
//
// While a deploy runs, every file sent or deleted is appended at once to
// a journal beside it (<target>.journal), one JSON line each; the manifest
// itself is rewritten, atomically, only at the end. A deploy that is
// killed leaves the last manifest and a journal of what it did since: the
// next one reads both and sends only what is still missing. A torn last
// line of the journal (the kill came mid-write) is ignored; its file is
// simply sent again.
type Manifest struct {
	Version int `json:"version"`
	// Where names the destination (kind, host, path, bucket, prefix): a
	// manifest written for another destination says nothing about this
	// one, and is ignored.
	Where string           `json:"where"`
	Files map[string]Entry `json:"files"`

	path    string
	mu      sync.Mutex
	journal *os.File
}

// Entry is one file a target holds.
type Entry struct {
	Hash string `json:"sha256"`
	Size int64  `json:"size"`
}

// journalLine is one line of the journal.
type journalLine struct {
	Op   string `json:"op"` // where (Name is the destination), put or delete
	Name string `json:"name"`
	Hash string `json:"sha256,omitempty"`
	Size int64  `json:"size,omitempty"`
}

// ManifestPath is the manifest of target in the site folder siteDir.
func ManifestPath(siteDir, target string) string {
	return filepath.Join(siteDir, ".warta", "deploy", target+".json")
}

// LoadManifest reads the manifest at path and replays its journal. A
// missing manifest, or one for another destination, is an empty one.
func LoadManifest(path, where string) (*Manifest, error) {
	m := &Manifest{Version: 1, Where: where, Files: map[string]Entry{}, path: path}
	data, err := os.ReadFile(path)
	switch {
	case errors.Is(err, fs.ErrNotExist):
	case err != nil:
		return nil, err
	default:
		var old Manifest
		if json.Unmarshal(data, &old) == nil && old.Where == where && old.Files != nil {
			m.Files = old.Files
		}
	}
	f, err := os.Open(journalPath(path))
	if errors.Is(err, fs.ErrNotExist) {
		return m, nil
	}
	if err != nil {
		return nil, err
	}
	defer f.Close()
	other := false
	sc := bufio.NewScanner(f)
	sc.Buffer(make([]byte, 64<<10), 1<<20)
	for sc.Scan() {
		var l journalLine
		if json.Unmarshal(sc.Bytes(), &l) != nil {
			continue
		}
		switch l.Op {
		case "where":
			// Lines after another destination's start are not ours.
			other = l.Name != where
		}
		if other {
			continue
		}
		switch l.Op {
		case "put":
			m.Files[l.Name] = Entry{Hash: l.Hash, Size: l.Size}
		case "delete":
			delete(m.Files, l.Name)
		}
	}
	return m, nil
}

func journalPath(path string) string { return path[:len(path)-len(filepath.Ext(path))] + ".journal" }

// record notes that name was sent (e non-nil) or deleted, in memory and
// in the journal when one is open.
func (m *Manifest) record(name string, e *Entry) error {
	m.mu.Lock()
	defer m.mu.Unlock()
	l := journalLine{Op: "delete", Name: name}
	if e != nil {
		m.Files[name] = *e
		l = journalLine{Op: "put", Name: name, Hash: e.Hash, Size: e.Size}
	} else {
		delete(m.Files, name)
	}
	if m.journal == nil {
		return nil
	}
	line, _ := json.Marshal(l)
	_, err := m.journal.Write(append(line, '\n'))
	return err
}

// openJournal starts appending to the journal.
func (m *Manifest) openJournal() error {
	if err := os.MkdirAll(filepath.Dir(m.path), 0o755); err != nil {
		return err
	}
	f, err := os.OpenFile(journalPath(m.path), os.O_WRONLY|os.O_CREATE|os.O_APPEND, 0o644)
	if err != nil {
		return err
	}
	m.journal = f
	// Each run starts with its destination, so a journal is never
	// replayed onto a manifest of another one.
	line, _ := json.Marshal(journalLine{Op: "where", Name: m.Where})
	_, err = f.Write(append(line, '\n'))
	return err
}

// Save writes the manifest atomically (a temporary file renamed over the
// old one) and then drops the journal it now includes.
func (m *Manifest) Save() error {
	m.mu.Lock()
	defer m.mu.Unlock()
	if err := os.MkdirAll(filepath.Dir(m.path), 0o755); err != nil {
		return err
	}
	data, err := json.MarshalIndent(struct {
		Version int              `json:"version"`
		Where   string           `json:"where"`
		Files   map[string]Entry `json:"files"`
	}{m.Version, m.Where, m.Files}, "", " ")
	if err != nil {
		return err
	}
	tmp, err := os.CreateTemp(filepath.Dir(m.path), ".manifest-*")
	if err != nil {
		return err
	}
	_, err = tmp.Write(append(data, '\n'))
	if err == nil {
		err = tmp.Sync()
	}
	if cerr := tmp.Close(); err == nil {
		err = cerr
	}
	if err == nil {
		err = os.Rename(tmp.Name(), m.path)
	}
	if err != nil {
		os.Remove(tmp.Name())
		return err
	}
	if m.journal != nil {
		m.journal.Close()
		m.journal = nil
	}
	if err := os.Remove(journalPath(m.path)); err != nil && !errors.Is(err, fs.ErrNotExist) {
		return err
	}
	return nil
}

// closeJournal closes the journal without saving (the deploy stopped).
func (m *Manifest) closeJournal() {
	m.mu.Lock()
	defer m.mu.Unlock()
	if m.journal != nil {
		m.journal.Close()
		m.journal = nil
	}
}

// Names lists the files in the manifest, sorted.
func (m *Manifest) Names() []string {
	names := make([]string, 0, len(m.Files))
	for n := range m.Files {
		names = append(names, n)
	}
	sort.Strings(names)
	return names
}
