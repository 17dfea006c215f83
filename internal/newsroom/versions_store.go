package newsroom

import (
	"errors"
	"os/user"
	"strings"
	"sync"

	"github.com/dinsos-metro/warta/internal/history"
)

// histStore is the newsroom's door to internal/history: one Store per
// newsroom, opened on first use; the author of every version is the
// person running warta (accounts come with internal/auth).
type histStore struct {
	n *Newsroom
	s *history.Store
}

var openMu sync.Mutex

func (n *Newsroom) history() histStore {
	openMu.Lock()
	defer openMu.Unlock()
	if n.store == nil {
		s, err := history.Open(n.opt.Dir)
		if err != nil {
			return histStore{n: n, s: nil}
		}
		n.store = s
	}
	return histStore{n: n, s: n.store}
}

// Close lets go of the history store.
func (n *Newsroom) Close() error {
	openMu.Lock()
	defer openMu.Unlock()
	if n.store != nil {
		err := n.store.Close()
		n.store = nil
		return err
	}
	return nil
}

var errNoHistory = errors.New("the site's history cannot be opened")

// who is the author of a version: with accounts (team.go) the person
// whose request is writing, else who runs warta.
func (h histStore) who() history.Author {
	if v, ok := teams.Load(h.n); ok {
		if t, ok := v.(*Team); ok && t.who != nil {
			return *t.who
		}
	}
	return author()
}

// author is who runs warta: the system's user name.
func author() history.Author {
	name := "Redaksi"
	if u, err := user.Current(); err == nil {
		if u.Name != "" {
			name = strings.TrimSpace(strings.Split(u.Name, ",")[0])
		} else if u.Username != "" {
			name = u.Username
		}
	}
	if name == "" {
		name = "Redaksi"
	}
	return history.Author{Name: name, Email: "redaksi@localhost"}
}

func asConflict(err error) error {
	var c *history.ConflictError
	if errors.As(err, &c) {
		return &conflict{Current: c.Current}
	}
	return err
}

func (h histStore) save(rel string, data []byte, expect, message string) error {
	if h.s == nil {
		return errNoHistory
	}
	_, err := h.s.Save(rel, data, expect, h.who(), message)
	return asConflict(err)
}

func (h histStore) saveFiles(files map[string][]byte, message string) error {
	if h.s == nil {
		return errNoHistory
	}
	var list []history.File
	for rel, data := range files {
		list = append(list, history.File{Rel: rel, Data: data})
	}
	_, err := h.s.SaveFiles(list, h.who(), message)
	return asConflict(err)
}

// move writes the page at its new place and sends the old file to the
// trash, each a version (history has no rename of its own).
func (h histStore) move(from, to string, data []byte) error {
	if h.s == nil {
		return errNoHistory
	}
	if _, err := h.s.Save(to, data, "", h.who(), "jadikan folder: "+from+" → "+to); err != nil {
		return asConflict(err)
	}
	_, err := h.s.Trash(from, h.who())
	return err
}

func (h histStore) versions(rel string) []version {
	if h.s == nil {
		return nil
	}
	vs, err := h.s.Versions(rel)
	if err != nil {
		return nil
	}
	out := make([]version, 0, len(vs))
	for _, v := range vs {
		out = append(out, version{ID: v.ID, Who: v.Author.Name, Message: v.Message,
			When: v.Time.In(h.n.loadConfig().Location).Format("02-01-2006 15:04")})
	}
	return out
}

func (h histStore) read(rel, id string) ([]byte, error) {
	if h.s == nil {
		return nil, errNoHistory
	}
	return h.s.Read(rel, id)
}

func (h histStore) restore(rel, id string) error {
	if h.s == nil {
		return errNoHistory
	}
	_, err := h.s.Restore(rel, id, h.who())
	return err
}

func (h histStore) trash(rel string) error {
	if h.s == nil {
		return errNoHistory
	}
	_, err := h.s.Trash(rel, h.who())
	return err
}

func (h histStore) trashList() []trashed {
	if h.s == nil {
		return nil
	}
	items, err := h.s.TrashList()
	if err != nil {
		return nil
	}
	var out []trashed
	for _, it := range items {
		name := it.Rel
		if it.Title != "" {
			name = it.Title + " (" + it.Rel + ")"
		}
		out = append(out, trashed{ID: it.ID, File: name, When: it.Time.In(h.n.loadConfig().Location).Format("02-01-2006 15:04")})
	}
	return out
}

func (h histStore) untrash(id string) (string, error) {
	if h.s == nil {
		return "", errNoHistory
	}
	it, err := h.s.Untrash(id, h.who())
	return it.Rel, err
}
