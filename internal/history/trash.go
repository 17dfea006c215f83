package history

import (
	"encoding/json"
	"errors"
	"fmt"
	"io/fs"
	"path"
	"slices"
	"strings"
	"time"

	"github.com/dinsos-metro/warta/internal/diag"
	"github.com/dinsos-metro/warta/internal/pagefile"
)

// The trash, in the site's hidden folder: one folder per deletion.
const trashDir = ".warta/trash"

// TrashItem is one deletion.
type TrashItem struct {
	ID    string    `json:"id"`
	Time  time.Time `json:"time"`
	Who   Author    `json:"who"`
	Rel   string    `json:"rel"`   // what was asked for: content/berita/x/index.md
	Path  string    `json:"path"`  // what moved: the file, or the bundle folder
	Files []string  `json:"files"` // every file moved, as rel paths
	Title string    `json:"title,omitempty"`
}

// Trash moves a page to the trash: for a bundle's index.md the whole
// folder, else the file alone. The removal is a version of its own.
func (s *Store) Trash(rel string, who Author) (TrashItem, error) {
	rel, err := s.check(rel)
	if err != nil {
		return TrashItem{}, err
	}
	target := rel
	if path.Base(rel) == "index.md" {
		target = path.Dir(rel)
	}
	if target == Content {
		return TrashItem{}, &PathError{Rel: rel, Why: "the content folder itself cannot be deleted"}
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	info, err := s.root.Lstat(target)
	if err != nil {
		return TrashItem{}, err
	}
	var files []string
	if info.IsDir() {
		err = fs.WalkDir(s.root.FS(), target, func(p string, d fs.DirEntry, err error) error {
			if err == nil && !d.IsDir() {
				files = append(files, p)
			}
			return err
		})
		if err != nil {
			return TrashItem{}, err
		}
	} else {
		files = []string{target}
	}
	item := TrashItem{ID: newID(s.now()), Time: s.now().UTC().Truncate(time.Second), Who: who, Rel: rel, Path: target, Files: files}
	if data, err := s.root.ReadFile(rel); err == nil {
		if doc, err := pagefile.Parse(data); err == nil {
			item.Title, _ = textOf(doc.Get("title"))
		}
	}
	box := path.Join(trashDir, item.ID)
	dest := path.Join(box, target)
	if err := s.root.MkdirAll(path.Dir(dest), 0o755); err != nil {
		return TrashItem{}, err
	}
	// In a git repository the trash is not the site's content: keep it
	// out of `git add -A` (the removal itself is a commit).
	ignore := path.Join(trashDir, ".gitignore")
	if _, err := s.root.Stat(ignore); errors.Is(err, fs.ErrNotExist) && s.git != nil {
		if err := s.writeHidden(ignore, []byte("# warta's trash: deleted pages, restorable from the newsroom\n*\n")); err != nil {
			return TrashItem{}, err
		}
	}
	if err := s.root.Rename(target, dest); err != nil {
		return TrashItem{}, err
	}
	rec, _ := json.MarshalIndent(item, "", "  ")
	if err := s.writeHidden(path.Join(box, "record.json"), rec); err != nil {
		return TrashItem{}, err
	}
	_, err = s.record(nil, files, who, "Buang "+target+" ke tempat sampah")
	return item, err
}

func textOf(v any, ok bool) (string, bool) {
	s, isText := v.(string)
	return s, ok && isText
}

// TrashList lists the trash, newest first.
func (s *Store) TrashList() ([]TrashItem, error) {
	entries, err := fs.ReadDir(s.root.FS(), trashDir)
	if errors.Is(err, fs.ErrNotExist) {
		return nil, nil
	}
	if err != nil {
		return nil, err
	}
	var out []TrashItem
	for _, e := range entries {
		if it, err := s.trashItem(e.Name()); err == nil {
			out = append(out, it)
		}
	}
	slices.SortFunc(out, func(a, b TrashItem) int { return strings.Compare(b.ID, a.ID) })
	return out, nil
}

func (s *Store) trashItem(id string) (TrashItem, error) {
	if !validID(id) {
		return TrashItem{}, diag.New("", 0, diag.TrashNotFound, id)
	}
	var it TrashItem
	data, err := s.root.ReadFile(path.Join(trashDir, id, "record.json"))
	if err != nil {
		return TrashItem{}, diag.New("", 0, diag.TrashNotFound, id)
	}
	if err := json.Unmarshal(data, &it); err != nil || it.ID != id {
		return TrashItem{}, fmt.Errorf("the trash record %s is damaged", id)
	}
	if _, err := SafePath(it.Path); err != nil {
		return TrashItem{}, err
	}
	return it, nil
}

// validID accepts the ids newID makes: 20261204T223800.123456Z-1a2b3c4d.
func validID(id string) bool {
	if len(id) > 64 || id == "" || id[0] < '0' || id[0] > '9' {
		return false
	}
	for _, r := range id {
		if !(r >= '0' && r <= '9' || r >= 'a' && r <= 'f' || r == 'T' || r == 'Z' || r == '.' || r == '-') {
			return false
		}
	}
	return !strings.Contains(id, "..")
}

// Untrash puts a deleted page back where it was, as a new version. It
// refuses when something else has taken its place.
func (s *Store) Untrash(id string, who Author) (TrashItem, error) {
	if !validID(id) {
		return TrashItem{}, diag.New("", 0, diag.TrashNotFound, id)
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	it, err := s.trashItem(id)
	if err != nil {
		return TrashItem{}, err
	}
	if err := s.noLinks(it.Path); err != nil {
		return TrashItem{}, err
	}
	if _, err := s.root.Lstat(it.Path); err == nil {
		return TrashItem{}, diag.New(it.Path, 0, diag.TrashTaken, it.Path)
	}
	box := path.Join(trashDir, id)
	if err := s.root.MkdirAll(path.Dir(it.Path), 0o755); err != nil {
		return TrashItem{}, err
	}
	if err := s.root.Rename(path.Join(box, it.Path), it.Path); err != nil {
		return TrashItem{}, err
	}
	if err := s.root.RemoveAll(box); err != nil {
		return TrashItem{}, err
	}
	var files []File
	for _, f := range it.Files {
		data, err := s.root.ReadFile(f)
		if err != nil {
			return TrashItem{}, err
		}
		files = append(files, File{Rel: f, Data: data})
	}
	_, err = s.record(files, nil, who, "Kembalikan "+it.Path+" dari tempat sampah")
	return it, err
}
