package history

import (
	"bufio"
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path"
	"slices"

	"github.com/dinsos-metro/warta/internal/diag"
)

// The store of a site that is not a git repository, in .warta/history/.
const (
	plainObjects = ".warta/history/objects"
	plainLog     = ".warta/history/log"
)

// logLine is one version of one file.
type logLine struct {
	Version
	Hash string `json:"hash,omitempty"` // SHA-256 of the bytes; "" when deleted
}

func logPath(rel string) string { return path.Join(plainLog, rel+".jsonl") }

func objectPath(hash string) string { return path.Join(plainObjects, hash[:2], hash[2:]) }

// plainRecord stores each file's bytes once and appends a line to its log.
func (s *Store) plainRecord(v Version, files []File, removed []string) error {
	for _, f := range files {
		h := Hash(f.Data)
		if lines, _ := s.plainLines(f.Rel); len(lines) > 0 && lines[len(lines)-1].Hash == h {
			continue // the same bytes as the last version: nothing new
		}
		obj := objectPath(h)
		if _, err := s.root.Stat(obj); errors.Is(err, fs.ErrNotExist) {
			if err := s.writeHidden(obj, f.Data); err != nil {
				return err
			}
		}
		if err := s.appendLog(f.Rel, logLine{Version: v, Hash: h}); err != nil {
			return err
		}
	}
	for _, rel := range removed {
		if _, ok, _ := s.plainLast(rel); !ok {
			continue // never versioned: nothing to mark
		}
		d := v
		d.Deleted = true
		if err := s.appendLog(rel, logLine{Version: d}); err != nil {
			return err
		}
	}
	return nil
}

// writeHidden writes a file of .warta/ atomically.
func (s *Store) writeHidden(rel string, data []byte) error {
	if err := s.root.MkdirAll(path.Dir(rel), 0o755); err != nil {
		return err
	}
	tmp := rel + ".tmp"
	if err := s.root.WriteFile(tmp, data, 0o644); err != nil {
		return err
	}
	return s.root.Rename(tmp, rel)
}

func (s *Store) appendLog(rel string, l logLine) error {
	p := logPath(rel)
	if err := s.root.MkdirAll(path.Dir(p), 0o755); err != nil {
		return err
	}
	line, err := json.Marshal(l)
	if err != nil {
		return err
	}
	f, err := s.root.OpenFile(p, os.O_WRONLY|os.O_CREATE|os.O_APPEND, 0o644)
	if err != nil {
		return err
	}
	_, err = f.Write(append(line, '\n'))
	if err == nil {
		err = f.Sync()
	}
	if cerr := f.Close(); err == nil {
		err = cerr
	}
	return err
}

// plainLines reads a file's log, oldest first. A damaged line (a crash in
// the middle of a write) is skipped, not fatal.
func (s *Store) plainLines(rel string) ([]logLine, error) {
	data, err := s.root.ReadFile(logPath(rel))
	if errors.Is(err, fs.ErrNotExist) {
		return nil, nil
	}
	if err != nil {
		return nil, err
	}
	var out []logLine
	sc := bufio.NewScanner(bytes.NewReader(data))
	sc.Buffer(nil, 1<<20)
	for sc.Scan() {
		var l logLine
		if json.Unmarshal(sc.Bytes(), &l) == nil && l.ID != "" {
			out = append(out, l)
		}
	}
	return out, nil
}

func (s *Store) plainVersions(rel string) ([]Version, error) {
	lines, err := s.plainLines(rel)
	if err != nil {
		return nil, err
	}
	out := make([]Version, len(lines))
	for i, l := range lines {
		out[i] = l.Version
	}
	slices.Reverse(out)
	return out, nil
}

func (s *Store) plainRead(rel, id string) ([]byte, error) {
	lines, err := s.plainLines(rel)
	if err != nil {
		return nil, err
	}
	for _, l := range lines {
		if l.ID != id {
			continue
		}
		if l.Deleted {
			return nil, fmt.Errorf("%s was removed in version %s", rel, id)
		}
		data, err := s.root.ReadFile(objectPath(l.Hash))
		if err != nil {
			return nil, err
		}
		if Hash(data) != l.Hash {
			return nil, fmt.Errorf("the stored copy of %s, version %s, is damaged", rel, id)
		}
		return data, nil
	}
	return nil, diag.New(rel, 0, diag.VersionMissing, rel, id)
}

func (s *Store) plainLast(rel string) ([]byte, bool, error) {
	lines, err := s.plainLines(rel)
	if err != nil || len(lines) == 0 {
		return nil, false, err
	}
	last := lines[len(lines)-1]
	if last.Deleted {
		return nil, false, nil
	}
	data, err := s.plainRead(rel, last.ID)
	return data, err == nil, err
}
