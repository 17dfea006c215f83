// Package history saves the site's content files so that nothing is lost:
// every save is a version that can be read, compared and restored, a save
// over a file that changed since it was opened is refused, and a deleted
// page goes to a trash it can come back from.
//
// The API:
//
//	Open(siteDir string) (*Store, error)
//	(*Store).Git() bool                     // versions are git commits
//	Hash(data []byte) string                // what the editor keeps to detect conflicts
//	(*Store).Save(rel, data, expect, who, message) (Version, error)   // *ConflictError on conflict
//	(*Store).SaveFiles([]File, who, message) (Version, error)          // several files, one version
//	(*Store).Current(rel) ([]byte, string, error)                       // bytes on disk and their Hash
//	(*Store).Versions(rel) ([]Version, error)                           // newest first
//	(*Store).Read(rel, id string) ([]byte, error)
//	(*Store).Restore(rel, id string, who Author) (Version, error)       // a new version with old bytes
//	(*Store).Trash(rel string, who Author) (TrashItem, error)           // index.md: the whole bundle folder
//	(*Store).TrashList() ([]TrashItem, error)                           // newest first
//	(*Store).Untrash(id string, who Author) (TrashItem, error)
//	SafePath(rel string) (string, error)
//	Diff(a, b []byte) []DiffLine; DiffFields(a, b []byte) []FieldChange
//
// Rules:
//
//   - rel is a slash path from the site folder, always inside content/
//     ("content/berita/x/index.md"). SafePath refuses "..", absolute
//     paths, backslashes, drive letters, NUL, hidden names (.git, .warta,
//     .x) and, on disk, any symbolic link on the way.
//   - expect is Hash of the bytes the editor opened; "" means the file must
//     not exist yet; Any skips the check. A mismatch returns *ConflictError
//     with the bytes now on disk, and writes nothing.
//   - Files are written atomically: a temporary file in the same folder,
//     synced, then renamed over the old one.
//   - When the site folder is in a git repository, each save is a commit
//     authored by the person, holding only the files of that save: other
//     staged or unstaged changes of the work tree stay as they were. Else
//     versions are kept in .warta/history/ (objects/ holds each content
//     once by its SHA-256; log/<rel>.jsonl one JSON line per version).
//   - A file changed by hand since its last version is first kept as a
//     version of its own ("changes made outside the newsroom"), so a save
//     never loses them.
//   - Trash moves a page (or its whole bundle folder) to
//     .warta/trash/<id>/ with a record.json; in git mode the removal is a
//     commit too.
package history

import (
	"crypto/rand"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path"
	"strings"
	"sync"
	"time"

	"github.com/dinsos-metro/warta/internal/diag"
)

// Author is who made a version.
type Author struct {
	Name  string `json:"name"`
	Email string `json:"email,omitempty"`
}

// Version is one saved state of a file.
type Version struct {
	ID      string    `json:"id"`
	Time    time.Time `json:"time"`
	Author  Author    `json:"author"`
	Message string    `json:"message"`
	// Deleted says the file was removed (trashed) in this version.
	Deleted bool `json:"deleted,omitempty"`
}

// File is one file of a SaveFiles.
type File struct {
	Rel    string
	Data   []byte
	Expect string // as for Save
}

// Any as an expected hash writes whatever is on disk.
const Any = "*"

// ConflictError refuses a save: the file on disk is not the one the editor
// opened.
type ConflictError struct {
	Rel     string
	Current []byte // nil when the file is gone
	Hash    string // Hash(Current), "" when gone
}

func (e *ConflictError) Error() string { return e.Diagnostic().Message("en") }

// Diagnostic is the message for the person who saved (catalogue).
func (e *ConflictError) Diagnostic() diag.Diagnostic {
	if e.Current == nil {
		return diag.New(e.Rel, 0, diag.SaveGone, e.Rel)
	}
	return diag.New(e.Rel, 0, diag.SaveConflict, e.Rel)
}

// outside is the author of versions that keep changes made by hand.
var outside = Author{Name: "warta", Email: "warta@localhost"}

// Store keeps the versions of one site's content.
type Store struct {
	dir  string   // the site folder
	root *os.Root // the site folder, for every file operation
	git  *gitRepo // nil: the .warta/history store
	mu   sync.Mutex
	now  func() time.Time
}

// Open opens the history of the site in siteDir: git when the folder is
// (in) a git work tree, else .warta/history/.
func Open(siteDir string) (*Store, error) {
	root, err := os.OpenRoot(siteDir)
	if err != nil {
		return nil, err
	}
	s := &Store{dir: siteDir, root: root, now: time.Now}
	g, err := openGit(siteDir)
	if err != nil {
		root.Close()
		return nil, err
	}
	s.git = g
	return s, nil
}

// Close lets go of the site folder.
func (s *Store) Close() error { return s.root.Close() }

// Git reports whether versions are git commits.
func (s *Store) Git() bool { return s.git != nil }

// Hash names bytes: the editor keeps the Hash of what it opened and gives
// it back with the save.
func Hash(data []byte) string {
	sum := sha256.Sum256(data)
	return hex.EncodeToString(sum[:])
}

// Current reads a file as it is on disk, with its Hash.
func (s *Store) Current(rel string) ([]byte, string, error) {
	rel, err := s.check(rel)
	if err != nil {
		return nil, "", err
	}
	data, err := s.root.ReadFile(rel)
	if err != nil {
		return nil, "", err
	}
	return data, Hash(data), nil
}

// Save writes one file and records it as a version.
func (s *Store) Save(rel string, data []byte, expect string, who Author, message string) (Version, error) {
	return s.SaveFiles([]File{{Rel: rel, Data: data, Expect: expect}}, who, message)
}

// SaveFiles writes several files as one version (a page and its uploaded
// photos). Every expectation is checked before anything is written.
func (s *Store) SaveFiles(files []File, who Author, message string) (Version, error) {
	if len(files) == 0 {
		return Version{}, errors.New("nothing to save")
	}
	if strings.TrimSpace(who.Name) == "" {
		return Version{}, errors.New("a version needs the name of who made it")
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	seen := map[string]bool{}
	olds := make([][]byte, len(files))
	for i := range files {
		rel, err := s.check(files[i].Rel)
		if err != nil {
			return Version{}, err
		}
		if seen[rel] {
			return Version{}, fmt.Errorf("%s is saved twice in one version", rel)
		}
		seen[rel] = true
		files[i].Rel = rel
		old, err := s.root.ReadFile(rel)
		switch {
		case errors.Is(err, fs.ErrNotExist):
			old = nil
		case err != nil:
			return Version{}, err
		}
		olds[i] = old
		if err := conflict(rel, old, files[i].Expect); err != nil {
			return Version{}, err
		}
	}
	if message == "" {
		message = "Simpan " + files[0].Rel
	}
	// Keep hand-made changes as a version before overwriting them.
	if err := s.keepOutside(files, olds); err != nil {
		return Version{}, err
	}
	for _, f := range files {
		if err := s.writeAtomic(f.Rel, f.Data); err != nil {
			return Version{}, err
		}
	}
	return s.record(files, nil, who, message)
}

func conflict(rel string, old []byte, expect string) error {
	switch {
	case expect == Any:
		return nil
	case expect == "" && old == nil:
		return nil
	case old == nil:
		return &ConflictError{Rel: rel}
	case Hash(old) != expect:
		return &ConflictError{Rel: rel, Current: old, Hash: Hash(old)}
	}
	return nil
}

// keepOutside records, as versions by "warta", files whose bytes on disk
// differ from their last version.
func (s *Store) keepOutside(files []File, olds [][]byte) error {
	var keep []File
	for i, f := range files {
		if olds[i] == nil || string(olds[i]) == string(f.Data) {
			continue
		}
		last, ok, err := s.lastBytes(f.Rel)
		if err != nil {
			return err
		}
		if !ok || string(last) != string(olds[i]) {
			keep = append(keep, File{Rel: f.Rel, Data: olds[i]})
		}
	}
	if len(keep) == 0 {
		return nil
	}
	_, err := s.record(keep, nil, outside, "Simpan perubahan yang dibuat di luar redaksi (changes made outside the newsroom)")
	return err
}

// record makes one version of written files and removed ones.
func (s *Store) record(files []File, removed []string, who Author, message string) (Version, error) {
	v := Version{ID: newID(s.now()), Time: s.now().UTC().Truncate(time.Second), Author: who, Message: message}
	if s.git != nil {
		id, err := s.git.commit(files, removed, who, message, v.Time)
		if err != nil {
			return Version{}, err
		}
		v.ID = id
		return v, nil
	}
	return v, s.plainRecord(v, files, removed)
}

// lastBytes gives the bytes of a file's latest version.
func (s *Store) lastBytes(rel string) ([]byte, bool, error) {
	if s.git != nil {
		return s.git.headFile(rel)
	}
	return s.plainLast(rel)
}

// Versions lists a file's versions, newest first.
func (s *Store) Versions(rel string) ([]Version, error) {
	rel, err := SafePath(rel)
	if err != nil {
		return nil, err
	}
	if s.git != nil {
		return s.git.versions(rel)
	}
	return s.plainVersions(rel)
}

// Read gives a file's bytes in one version.
func (s *Store) Read(rel, id string) ([]byte, error) {
	rel, err := SafePath(rel)
	if err != nil {
		return nil, err
	}
	if s.git != nil {
		return s.git.read(rel, id)
	}
	return s.plainRead(rel, id)
}

// Restore makes an old version the current one, as a new version.
func (s *Store) Restore(rel, id string, who Author) (Version, error) {
	data, err := s.Read(rel, id)
	if err != nil {
		return Version{}, err
	}
	return s.Save(rel, data, Any, who, "Pulihkan "+rel+" ke versi "+short(id))
}

func short(id string) string { return id[:min(len(id), 12)] }

// newID makes a version or trash id that sorts by time.
func newID(t time.Time) string {
	var b [4]byte
	_, _ = rand.Read(b[:])
	return t.UTC().Format("20060102T150405.000000Z") + "-" + hex.EncodeToString(b[:])
}

// check makes rel safe and refuses symbolic links on its way on disk.
func (s *Store) check(rel string) (string, error) {
	rel, err := SafePath(rel)
	if err != nil {
		return "", err
	}
	return rel, s.noLinks(rel)
}

func (s *Store) noLinks(rel string) error {
	parts := strings.Split(rel, "/")
	for i := range parts {
		p := strings.Join(parts[:i+1], "/")
		info, err := s.root.Lstat(p)
		if errors.Is(err, fs.ErrNotExist) {
			return nil
		}
		if err != nil {
			return err
		}
		if info.Mode()&fs.ModeSymlink != 0 {
			return &PathError{Rel: rel, Why: p + " is a symbolic link"}
		}
		if i < len(parts)-1 && !info.IsDir() {
			return &PathError{Rel: rel, Why: p + " is not a folder"}
		}
	}
	return nil
}

// PathError refuses a path.
type PathError struct{ Rel, Why string }

func (e *PathError) Error() string { return fmt.Sprintf("%q cannot be used: %s", e.Rel, e.Why) }

// Diagnostic is the message for people (catalogue); Why stays for logs.
func (e *PathError) Diagnostic() diag.Diagnostic { return diag.New("", 0, diag.PathRefused, e.Rel) }

// Content is the folder every path must be in.
const Content = "content"

// SafePath checks that rel is a clean slash path to a file inside
// content/, and gives it back.
func SafePath(rel string) (string, error) {
	bad := func(why string) (string, error) { return "", &PathError{Rel: rel, Why: why} }
	switch {
	case rel == "":
		return bad("empty")
	case strings.ContainsRune(rel, 0):
		return bad("holds a NUL character")
	case strings.ContainsAny(rel, `\:`):
		return bad(`holds \ or : (write folders with /, no drive letters)`)
	case path.IsAbs(rel):
		return bad("absolute")
	case path.Clean(rel) != rel:
		return bad("not a clean path")
	case len(rel) > 1024:
		return bad("too long")
	}
	parts := strings.Split(rel, "/")
	if parts[0] != Content || len(parts) < 2 {
		return bad("outside " + Content + "/")
	}
	for _, p := range parts {
		switch {
		case p == "" || p == "." || p == "..":
			return bad("holds " + p)
		case strings.HasPrefix(p, "."):
			return bad("hidden names (.git, .warta, ...) are not content")
		case strings.TrimRight(p, " ") != p:
			return bad("a name ends with a space")
		case strings.ContainsFunc(p, func(r rune) bool { return r < 0x20 || r == 0x7f }):
			return bad("holds a control character")
		}
	}
	return rel, nil
}

// writeAtomic writes a file through a temporary file in its folder.
func (s *Store) writeAtomic(rel string, data []byte) error {
	dir := path.Dir(rel)
	if err := s.root.MkdirAll(dir, 0o755); err != nil {
		return err
	}
	if err := s.noLinks(rel); err != nil { // the folders just made, or raced in
		return err
	}
	var b [6]byte
	_, _ = rand.Read(b[:])
	tmp := path.Join(dir, ".warta-"+hex.EncodeToString(b[:])+".tmp")
	f, err := s.root.OpenFile(tmp, os.O_WRONLY|os.O_CREATE|os.O_EXCL, 0o644)
	if err != nil {
		return err
	}
	_, err = f.Write(data)
	if err == nil {
		err = f.Sync()
	}
	if cerr := f.Close(); err == nil {
		err = cerr
	}
	if err == nil {
		err = s.root.Rename(tmp, rel)
	}
	if err != nil {
		_ = s.root.Remove(tmp)
	}
	return err
}
