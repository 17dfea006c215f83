package auth

import (
	"bufio"
	"encoding/json"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"time"
)

// Entry is one line of the audit log.
type Entry struct {
	Time   time.Time `json:"time"`
	Who    string    `json:"person"`
	Action string    `json:"action"`
	File   string    `json:"file,omitempty"`
	Addr   string    `json:"address,omitempty"`
	Detail string    `json:"detail,omitempty"`
}

// Actions written by auth itself; the newsroom writes its own (save,
// submit, return, approve, publish, restore, delete, upload, deploy).
const (
	AuditLogin         = "login"
	AuditLoginFailed   = "login-failed"
	AuditLoginLocked   = "login-locked"
	AuditLogout        = "logout"
	AuditAccountAdd    = "account-add"
	AuditAccountPasswd = "account-passwd"
	AuditAccountRemove = "account-remove"
	AuditAccountRole   = "account-role"
)

// Audit is the append-only log .warta/audit.log: one JSON object per
// line. Lines are only ever added, each with a single write to a file
// opened with O_APPEND, so lines from the server and from `warta users`
// running at the same time never mix. The build never touches it.
type Audit struct {
	path string
	now  func() time.Time
	mu   sync.Mutex
}

// OpenAudit returns the audit log of the site in siteDir.
func OpenAudit(siteDir string, now func() time.Time) *Audit {
	if now == nil {
		now = time.Now
	}
	return &Audit{path: filepath.Join(siteDir, Dir, "audit.log"), now: now}
}

// Log appends e, filling its time when zero. It is safe for concurrent use.
func (a *Audit) Log(e Entry) error {
	if e.Time.IsZero() {
		e.Time = a.now()
	}
	e.Time = e.Time.Truncate(time.Second)
	line, err := json.Marshal(e) // escapes newlines: one entry is one line
	if err != nil {
		return err
	}
	line = append(line, '\n')
	if _, err := StateDir(filepath.Dir(filepath.Dir(a.path))); err != nil {
		return err
	}
	a.mu.Lock()
	defer a.mu.Unlock()
	f, err := os.OpenFile(a.path, os.O_WRONLY|os.O_APPEND|os.O_CREATE, 0o600)
	if err != nil {
		return err
	}
	_, werr := f.Write(line)
	cerr := f.Close()
	return errors.Join(werr, cerr)
}

// Filter selects entries for Read; zero fields select everything.
type Filter struct {
	Who    string
	Action string
	File   string // entries whose file contains this text
	Since  time.Time
	Until  time.Time
	Limit  int // the newest Limit entries; 0 for all
}

func (f Filter) match(e Entry) bool {
	return (f.Who == "" || e.Who == f.Who) &&
		(f.Action == "" || e.Action == f.Action) &&
		(f.File == "" || strings.Contains(e.File, f.File)) &&
		(f.Since.IsZero() || !e.Time.Before(f.Since)) &&
		(f.Until.IsZero() || e.Time.Before(f.Until))
}

// Read returns the entries that match f, newest first. A line that is not
// an entry (a disk that filled up mid-line) is skipped.
func (a *Audit) Read(f Filter) ([]Entry, error) {
	file, err := os.Open(a.path)
	if errors.Is(err, os.ErrNotExist) {
		return nil, nil
	}
	if err != nil {
		return nil, err
	}
	defer file.Close()
	var out []Entry
	sc := bufio.NewScanner(file)
	sc.Buffer(make([]byte, 64*1024), 1<<20)
	for sc.Scan() {
		var e Entry
		if json.Unmarshal(sc.Bytes(), &e) != nil || e.Action == "" {
			continue
		}
		if f.match(e) {
			out = append(out, e)
		}
	}
	if err := sc.Err(); err != nil {
		return nil, err
	}
	for i, j := 0, len(out)-1; i < j; i, j = i+1, j-1 {
		out[i], out[j] = out[j], out[i]
	}
	if f.Limit > 0 && len(out) > f.Limit {
		out = out[:f.Limit]
	}
	return out, nil
}
