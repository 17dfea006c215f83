package auth

import (
	"bytes"
	"context"
	"crypto/rand"
	"encoding/binary"
	"encoding/json"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"sync"
	"time"
	"unicode/utf8"

	"github.com/dinsos-metro/warta/internal/diag"
	"github.com/dinsos-metro/warta/internal/filelock"
)

// User is one account. The password itself is never stored.
type User struct {
	Name    string    `json:"name"`
	Role    Role      `json:"role"`
	Display string    `json:"display,omitempty"`
	Hash    string    `json:"hash"`
	Created time.Time `json:"created"`
	Changed time.Time `json:"password_changed"`
	// Gen is drawn at random when the account is made and at each
	// password change. A session remembers the Gen it was opened under and
	// ends when it no longer matches: a changed password ends sessions in
	// every process, the server's and the terminal's, and an account
	// removed and made again under the same name does not inherit the old
	// one's sessions.
	Gen int `json:"generation"`
}

// Label is the name to show: the display name, else the account name.
func (u User) Label() string {
	if u.Display != "" {
		return u.Display
	}
	return u.Name
}

type usersFile struct {
	Note  string `json:"_note"`
	Users []User `json:"users"`
}

const usersNote = "warta accounts: edit with `warta users`, never by hand; never publish this folder"

// Users is the account list in .warta/users.json. It reads the file again
// when it changed on disk, so accounts added or removed with `warta users`
// take effect in a running server at its next request.
type Users struct {
	path   string
	params Params
	now    func() time.Time

	mu    sync.Mutex
	list  []User
	raw   []byte // the file as last read or written
	dummy string
}

// Errors of account changes.
var (
	ErrUserExists    = errors.New("an account with this name exists")
	ErrNoUser        = errors.New("no account with this name")
	ErrLastAdmin     = errors.New("the last admin account cannot be removed")
	ErrLastAdminRole = errors.New("the last admin account stays admin")
	ErrBadName       = errors.New("an account name is 2 to 32 lowercase letters, digits, dots, hyphens or underscores, starting with a letter")
	ErrWeak          = fmt.Errorf("a password has at least %d characters", MinPassword)
	ErrPasswordBig   = fmt.Errorf("a password has at most %d bytes", MaxPassword)
)

// newGen draws a password generation different from old, below 2^52 so
// that it survives any JSON reader.
func newGen(old int) int {
	for {
		var b [8]byte
		_, _ = rand.Read(b[:])
		g := int(binary.BigEndian.Uint64(b[:]) >> 12)
		if g != old && g != 0 {
			return g
		}
	}
}

// MinPassword is the shortest password accepted, in characters.
const MinPassword = 12

var nameRE = regexp.MustCompile(`^[a-z][a-z0-9._-]{1,31}$`)

// ValidName reports whether name can be an account name.
func ValidName(name string) bool { return nameRE.MatchString(name) }

// CheckNewPassword refuses passwords too short, too long, or equal to the
// account name.
func CheckNewPassword(name, password string) error {
	switch {
	case len(password) > MaxPassword:
		return ErrPasswordBig
	case utf8.RuneCountInString(password) < MinPassword:
		return ErrWeak
	case password == name:
		return ErrWeak
	}
	return nil
}

// OpenUsers reads the accounts of the site in siteDir (none when the file
// does not exist yet). Hashes made from now on use p.
func OpenUsers(siteDir string, p Params, now func() time.Time) (*Users, error) {
	if now == nil {
		now = time.Now
	}
	u := &Users{path: filepath.Join(siteDir, Dir, "users.json"), params: p, now: now}
	u.mu.Lock()
	defer u.mu.Unlock()
	if err := u.reload(); err != nil {
		return nil, err
	}
	return u, nil
}

// reload reads the file again when its bytes changed since the last read.
// (Comparing bytes, not times: a password changed within the same second
// keeps the file's size and, on some disks, its time.)
func (u *Users) reload() error {
	data, err := os.ReadFile(u.path)
	if errors.Is(err, os.ErrNotExist) {
		u.list, u.raw = []User{}, nil
		return nil
	}
	if err != nil {
		return err
	}
	if u.raw != nil && bytes.Equal(data, u.raw) {
		return nil
	}
	var f usersFile
	dec := json.NewDecoder(bytes.NewReader(data))
	dec.DisallowUnknownFields()
	if err := dec.Decode(&f); err != nil {
		return fmt.Errorf("%s: %w", u.path, err)
	}
	for _, x := range f.Users {
		if !ValidName(x.Name) || rank(x.Role) < 0 {
			return fmt.Errorf("%s: the account %q has an unknown role or a bad name", u.path, x.Name)
		}
	}
	u.list, u.raw = f.Users, data
	if u.list == nil {
		u.list = []User{}
	}
	return nil
}

func (u *Users) save() error {
	data, err := json.MarshalIndent(usersFile{Note: usersNote, Users: u.list}, "", "  ")
	if err != nil {
		return err
	}
	if _, err := StateDir(filepath.Dir(filepath.Dir(u.path))); err != nil {
		return err
	}
	data = append(data, '\n')
	if err := writeFile(u.path, data); err != nil {
		return err
	}
	u.raw = data
	return nil
}

// List returns the accounts, sorted by name.
func (u *Users) List() ([]User, error) {
	u.mu.Lock()
	defer u.mu.Unlock()
	if err := u.reload(); err != nil {
		return nil, err
	}
	out := slices.Clone(u.list)
	slices.SortFunc(out, func(a, b User) int {
		if a.Name < b.Name {
			return -1
		}
		if a.Name > b.Name {
			return 1
		}
		return 0
	})
	return out, nil
}

// Count returns the number of accounts (0 when the file cannot be read).
func (u *Users) Count() int {
	l, err := u.List()
	if err != nil {
		return 0
	}
	return len(l)
}

// Get returns the account called name.
func (u *Users) Get(name string) (User, bool) {
	u.mu.Lock()
	defer u.mu.Unlock()
	if u.reload() != nil {
		return User{}, false
	}
	i := u.find(name)
	if i < 0 {
		return User{}, false
	}
	return u.list[i], true
}

func (u *Users) find(name string) int {
	return slices.IndexFunc(u.list, func(x User) bool { return x.Name == name })
}

// Add creates an account.
func (u *Users) Add(name, display string, role Role, password string) error {
	if !ValidName(name) {
		return ErrBadName
	}
	if rank(role) < 0 {
		_, err := ParseRole(string(role))
		return err
	}
	if err := CheckNewPassword(name, password); err != nil {
		return err
	}
	hash, err := HashPassword(password, u.params)
	if err != nil {
		return err
	}
	return u.change(func() error {
		if u.find(name) >= 0 {
			return ErrUserExists
		}
		now := u.now().UTC().Truncate(time.Second)
		u.list = append(u.list, User{Name: name, Role: role, Display: display, Hash: hash, Created: now, Changed: now, Gen: newGen(0)})
		return nil
	})
}

// change edits the accounts as they are on disk and saves them, holding
// the file's lock: `warta users` in a terminal and a running newsroom
// may change accounts at the same moment, and each reads, changes and
// writes the whole file. edit runs with mu held; an error from it saves
// nothing.
func (u *Users) change(edit func() error) error {
	ctx, cancel := context.WithTimeout(context.Background(), lockWait)
	defer cancel()
	l, err := filelock.Wait(ctx, u.path+".lock")
	if err != nil {
		return fmt.Errorf("%s is being changed by another warta: %w", u.path, err)
	}
	defer l.Unlock()
	u.mu.Lock()
	defer u.mu.Unlock()
	if err := u.reload(); err != nil {
		return err
	}
	if err := edit(); err != nil {
		u.raw = nil // read again next time: the list may hold the edit's half
		return err
	}
	return u.save()
}

// lockWait bounds the wait for another process's change of the accounts
// (one takes milliseconds).
const lockWait = 30 * time.Second

// SetPassword changes an account's password; the account's Gen moves on,
// which ends its sessions (the caller keeps its own, see
// Sessions.Renew). It returns the new Gen.
func (u *Users) SetPassword(name, password string) (int, error) {
	if err := CheckNewPassword(name, password); err != nil {
		return 0, err
	}
	hash, err := HashPassword(password, u.params)
	if err != nil {
		return 0, err
	}
	gen := 0
	err = u.change(func() error {
		i := u.find(name)
		if i < 0 {
			return ErrNoUser
		}
		u.list[i].Hash = hash
		u.list[i].Changed = u.now().UTC().Truncate(time.Second)
		u.list[i].Gen = newGen(u.list[i].Gen)
		gen = u.list[i].Gen
		return nil
	})
	if err != nil {
		return 0, err
	}
	return gen, nil
}

// Remove deletes an account; its sessions end at their next request. The
// last admin stays, so that someone can always manage the accounts.
func (u *Users) Remove(name string) error {
	return u.change(func() error {
		i := u.find(name)
		if i < 0 {
			return ErrNoUser
		}
		if u.lastAdmin(i) {
			return ErrLastAdmin
		}
		u.list = slices.Delete(u.list, i, i+1)
		return nil
	})
}

// SetRole gives an account another role, from its next request on (the
// role is read for every request). The last admin stays admin.
func (u *Users) SetRole(name string, role Role) error {
	if rank(role) < 0 {
		_, err := ParseRole(string(role))
		return err
	}
	return u.change(func() error {
		i := u.find(name)
		if i < 0 {
			return ErrNoUser
		}
		if role != Admin && u.lastAdmin(i) {
			return ErrLastAdminRole
		}
		u.list[i].Role = role
		return nil
	})
}

// lastAdmin reports whether account i is the only admin; the caller
// holds mu.
func (u *Users) lastAdmin(i int) bool {
	if u.list[i].Role != Admin {
		return false
	}
	admins := 0
	for _, x := range u.list {
		if x.Role == Admin {
			admins++
		}
	}
	return admins == 1
}

// Verify checks name and password. An unknown name costs the same hash as
// a known one, so the time taken does not tell which names exist.
func (u *Users) Verify(name, password string) (User, bool) {
	x, found := u.Get(name)
	hash := x.Hash
	if !found {
		u.mu.Lock()
		hash = u.dummy
		u.mu.Unlock()
		if hash == "" {
			// Made once, outside the lock: it takes as long as a login.
			hash, _ = HashPassword(rand.Text(), u.params)
			u.mu.Lock()
			u.dummy = hash
			u.mu.Unlock()
		}
	}
	ok := CheckPassword(hash, password)
	return x, ok && found
}

// Problem is the message of a refused account change, for the terminal
// (`warta users`) and the newsroom's accounts page alike: its code and
// values; ok is false for other errors (a disk that fails, say).
func Problem(err error, name string) (code diag.Code, args []any, ok bool) {
	switch {
	case errors.Is(err, ErrUserExists):
		return diag.UsersExists, []any{name, name}, true
	case errors.Is(err, ErrNoUser):
		return diag.UsersNoUser, []any{name}, true
	case errors.Is(err, ErrLastAdmin):
		return diag.UsersLastAdmin, []any{name}, true
	case errors.Is(err, ErrLastAdminRole):
		return diag.UsersLastAdminRole, []any{name}, true
	case errors.Is(err, ErrBadName):
		return diag.UsersBadName, []any{name}, true
	case errors.Is(err, ErrWeak), errors.Is(err, ErrPasswordBig):
		return diag.UsersWeak, []any{MinPassword}, true
	}
	return "", nil, false
}
