package auth

import (
	"crypto/hmac"
	"crypto/rand"
	"crypto/sha256"
	"encoding/base64"
	"encoding/hex"
	"encoding/json"
	"errors"
	"os"
	"path/filepath"
	"sync"
	"time"
)

// Session is one person logged in on one browser.
type Session struct {
	User    string    `json:"user"`
	Gen     int       `json:"generation"`
	Created time.Time `json:"created"`
	Seen    time.Time `json:"seen"`
	// Local marks the session of whoever runs warta on loopback with no
	// accounts (opened with the run's secret); it is never saved.
	Local bool `json:"-"`

	// Filled from the account at each request, not saved.
	Role    Role   `json:"-"`
	Display string `json:"-"`
	// CSRF is the token forms and scripts send back with every change.
	CSRF string `json:"-"`

	id string // the cookie's value, kept only in memory
}

// Can reports whether this session's person may do action (see Can).
func (s *Session) Can(a Action, isOwner bool) bool { return Can(s.Role, a, isOwner) }

// Label is the person's name to show.
func (s *Session) Label() string {
	if s.Display != "" {
		return s.Display
	}
	return s.User
}

// Default lifetimes: an office day at most, an hour away from the desk.
const (
	DefaultIdle     = 1 * time.Hour
	DefaultAbsolute = 12 * time.Hour
)

// idLen is the session identifier's length in bytes: 256 bits.
const idLen = 32

var idEncoding = base64.RawURLEncoding

// idText is the length of an identifier in a cookie.
var idText = idEncoding.EncodedLen(idLen)

// ParseSessionID checks a cookie value: exactly 43 characters of
// unpadded URL-safe base64 that decode to 32 bytes. Anything else is no
// session at all.
func ParseSessionID(v string) (string, bool) {
	if len(v) != idText {
		return "", false
	}
	b, err := idEncoding.Strict().DecodeString(v)
	if err != nil || len(b) != idLen {
		return "", false
	}
	return v, true
}

// newID returns 256 random bits as cookie text.
func newID() string {
	b := make([]byte, idLen)
	if _, err := rand.Read(b); err != nil {
		panic("auth: no randomness: " + err.Error()) // crypto/rand does not fail on supported systems
	}
	return idEncoding.EncodeToString(b)
}

// key is what the file stores for an id: its SHA-256, so a copy of the
// file does not let anyone log in.
func key(id string) string {
	sum := sha256.Sum256([]byte(id))
	return hex.EncodeToString(sum[:])
}

// csrfFor derives the session's CSRF token from its id: it needs no
// storage and cannot be computed from the file.
func csrfFor(id string) string {
	m := hmac.New(sha256.New, []byte(id))
	m.Write([]byte("warta csrf"))
	return idEncoding.EncodeToString(m.Sum(nil))
}

// Sessions is the store of open sessions, saved in .warta/sessions.json.
type Sessions struct {
	path     string // "" keeps sessions in memory only
	idle     time.Duration
	absolute time.Duration
	now      func() time.Time

	mu    sync.Mutex
	byKey map[string]*Session
	saved time.Time
}

// OpenSessions reads the saved sessions of the site (dropping expired
// ones). siteDir "" keeps sessions in memory only.
func OpenSessions(siteDir string, idle, absolute time.Duration, now func() time.Time) (*Sessions, error) {
	if now == nil {
		now = time.Now
	}
	if idle <= 0 {
		idle = DefaultIdle
	}
	if absolute <= 0 {
		absolute = DefaultAbsolute
	}
	s := &Sessions{idle: idle, absolute: absolute, now: now, byKey: map[string]*Session{}}
	if siteDir == "" {
		return s, nil
	}
	s.path = filepath.Join(siteDir, Dir, "sessions.json")
	data, err := os.ReadFile(s.path)
	if errors.Is(err, os.ErrNotExist) {
		return s, nil
	}
	if err != nil {
		return nil, err
	}
	if err := json.Unmarshal(data, &s.byKey); err != nil {
		// A damaged file logs everyone out; it is not worth refusing to start.
		s.byKey = map[string]*Session{}
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	for k, x := range s.byKey {
		if x == nil || s.expired(x) {
			delete(s.byKey, k)
		}
	}
	return s, nil
}

func (s *Sessions) expired(x *Session) bool {
	now := s.now()
	return now.Sub(x.Seen) >= s.idle || now.Sub(x.Created) >= s.absolute
}

// save writes the file; the caller holds mu.
func (s *Sessions) save() error {
	if s.path == "" {
		return nil
	}
	keep := map[string]*Session{}
	for k, x := range s.byKey {
		if s.expired(x) {
			delete(s.byKey, k)
			continue
		}
		if !x.Local {
			keep[k] = x
		}
	}
	data, err := json.MarshalIndent(keep, "", "  ")
	if err != nil {
		return err
	}
	if _, err := StateDir(filepath.Dir(filepath.Dir(s.path))); err != nil {
		return err
	}
	s.saved = s.now()
	return writeFile(s.path, data)
}

// Create opens a session for user at password generation gen and returns
// it with its id (the cookie's value) set.
func (s *Sessions) Create(user string, gen int, local bool) (*Session, error) {
	id := newID()
	now := s.now()
	x := &Session{User: user, Gen: gen, Created: now, Seen: now, Local: local}
	s.mu.Lock()
	defer s.mu.Unlock()
	s.byKey[key(id)] = x
	c := *x
	c.id, c.CSRF = id, csrfFor(id)
	return &c, s.save()
}

// Lookup finds the session of a cookie value, refreshing its idle time.
// It returns a copy with CSRF filled; nil when there is none or it has
// expired (an expired one is removed).
func (s *Sessions) Lookup(id string) *Session {
	id, ok := ParseSessionID(id)
	if !ok {
		return nil
	}
	k := key(id)
	s.mu.Lock()
	defer s.mu.Unlock()
	x := s.byKey[k]
	if x == nil {
		return nil
	}
	if s.expired(x) {
		delete(s.byKey, k)
		_ = s.save()
		return nil
	}
	x.Seen = s.now()
	// Saving every request would write the disk constantly; a minute of
	// idle time lost in a crash is harmless.
	if !x.Local && s.now().Sub(s.saved) > time.Minute {
		_ = s.save()
	}
	c := *x
	c.id, c.CSRF = id, csrfFor(id)
	return &c
}

// Delete ends the session of a cookie value (logout).
func (s *Sessions) Delete(id string) error {
	s.mu.Lock()
	defer s.mu.Unlock()
	k := key(id)
	if _, ok := s.byKey[k]; !ok {
		return nil
	}
	delete(s.byKey, k)
	return s.save()
}

// EndUser ends every session of user except the one with id keep ("" for
// none), and moves the kept one to generation gen: after a password
// change the person stays logged in where they changed it, and nowhere
// else. It returns how many sessions ended.
func (s *Sessions) EndUser(user string, keep string, gen int) (int, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	kk := ""
	if keep != "" {
		kk = key(keep)
	}
	n := 0
	for k, x := range s.byKey {
		if x.User != user {
			continue
		}
		if k == kk {
			x.Gen = gen
			continue
		}
		delete(s.byKey, k)
		n++
	}
	return n, s.save()
}

// Count returns the number of open sessions of user ("" for everyone).
func (s *Sessions) Count(user string) int {
	s.mu.Lock()
	defer s.mu.Unlock()
	n := 0
	for _, x := range s.byKey {
		if (user == "" || x.User == user) && !s.expired(x) {
			n++
		}
	}
	return n
}

// Flush saves the sessions (at shutdown, so idle times are exact).
func (s *Sessions) Flush() error {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.save()
}
