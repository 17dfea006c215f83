package auth

import (
	"encoding/json"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"
)

func TestUsersFileAndModes(t *testing.T) {
	dir := t.TempDir()
	c := newClock()
	u := mustUsers(t, dir, c)
	if err := u.Add("siti", "Siti Rahma", Admin, "sepuluh-karakter"); err != nil {
		t.Fatal(err)
	}
	info, err := os.Stat(filepath.Join(dir, Dir))
	if err != nil || info.Mode().Perm() != 0o700 {
		t.Fatalf("folder mode %v, %v", info.Mode(), err)
	}
	info, err = os.Stat(filepath.Join(dir, Dir, "users.json"))
	if err != nil || info.Mode().Perm() != 0o600 {
		t.Fatalf("file mode %v, %v", info.Mode(), err)
	}
	data, _ := os.ReadFile(filepath.Join(dir, Dir, "users.json"))
	if strings.Contains(string(data), "sepuluh-karakter") {
		t.Fatal("the password is in the file")
	}
	for _, tc := range []struct {
		name, pw string
		role     Role
		want     error
	}{
		{"siti", "lain-lagi-panjang", Penulis, ErrUserExists},
		{"Budi", "lain-lagi-panjang", Penulis, ErrBadName},
		{"b", "lain-lagi-panjang", Penulis, ErrBadName},
		{"../x", "lain-lagi-panjang", Penulis, ErrBadName},
		{"budi", "pendek", Penulis, ErrWeak},
		{"budi.santoso", "budi.santoso", Penulis, ErrWeak},
		{"budi", strings.Repeat("x", MaxPassword+1), Penulis, ErrPasswordBig},
	} {
		if err := u.Add(tc.name, "", tc.role, tc.pw); !errors.Is(err, tc.want) {
			t.Errorf("Add(%q, %q) = %v, want %v", tc.name, tc.pw, err, tc.want)
		}
	}
	if err := u.Add("budi", "", "editor", "lain-lagi-panjang"); err == nil {
		t.Error("unknown role accepted")
	}
	// Another process (warta users) adds an account: a running server sees it.
	other := mustUsers(t, dir, c)
	if err := other.Add("budi", "", Penulis, "lain-lagi-panjang"); err != nil {
		t.Fatal(err)
	}
	if _, ok := u.Get("budi"); !ok {
		t.Fatal("an account added by another process is not seen")
	}
	if _, ok := u.Verify("budi", "lain-lagi-panjang"); !ok {
		t.Fatal("right password refused")
	}
	if _, ok := u.Verify("budi", "salah-lagi-panjang"); ok {
		t.Fatal("wrong password accepted")
	}
	if _, ok := u.Verify("tidak-ada", "lain-lagi-panjang"); ok {
		t.Fatal("unknown name accepted")
	}
	if err := u.Remove("siti"); !errors.Is(err, ErrLastAdmin) {
		t.Fatalf("removing the last admin: %v", err)
	}
	if err := u.Remove("budi"); err != nil {
		t.Fatal(err)
	}
	if err := u.Remove("budi"); !errors.Is(err, ErrNoUser) {
		t.Fatalf("removing twice: %v", err)
	}
	before, _ := u.Get("siti")
	gen, err := u.SetPassword("siti", "kata-sandi-baru-1")
	if err != nil || gen == before.Gen || gen == 0 {
		t.Fatalf("SetPassword = %d (was %d), %v", gen, before.Gen, err)
	}
}

func TestSessionsExpiry(t *testing.T) {
	c := newClock()
	dir := t.TempDir()
	s, err := OpenSessions(dir, time.Hour, 12*time.Hour, c.Now)
	if err != nil {
		t.Fatal(err)
	}
	a, _ := s.Create("siti", 1, false)
	if len(a.id) != 43 || a.CSRF == "" || a.CSRF == a.id {
		t.Fatalf("session id %q csrf %q", a.id, a.CSRF)
	}
	// Idle: 59 minutes between requests keep it open, 60 end it.
	for range 15 {
		c.Add(59 * time.Minute)
		if s.Lookup(a.id) == nil {
			t.Fatalf("session ended at %v though used every 59 minutes", c.Now())
		}
		if c.Now().Sub(a.Created) >= 11*time.Hour {
			break
		}
	}
	// Absolute: 12 hours after login it ends whatever the use.
	for c.Now().Sub(a.Created) < 12*time.Hour {
		if s.Lookup(a.id) == nil {
			t.Fatalf("session ended at %v, before 12 hours", c.Now())
		}
		c.Add(30 * time.Minute)
	}
	if s.Lookup(a.id) != nil {
		t.Fatal("session open after 12 hours")
	}
	b, _ := s.Create("siti", 1, false)
	c.Add(time.Hour)
	if s.Lookup(b.id) != nil {
		t.Fatal("session open after an hour idle")
	}
}

func TestSessionsPersistHashesOnly(t *testing.T) {
	c := newClock()
	dir := t.TempDir()
	s, _ := OpenSessions(dir, 0, 0, c.Now)
	a, _ := s.Create("siti", 1, false)
	l, _ := s.Create(LocalUser, 0, true)
	data, err := os.ReadFile(filepath.Join(dir, Dir, "sessions.json"))
	if err != nil {
		t.Fatal(err)
	}
	if strings.Contains(string(data), a.id) || strings.Contains(string(data), a.CSRF) {
		t.Fatal("the file holds the session id or token")
	}
	// A restart keeps the person logged in, but not the local session.
	s2, err := OpenSessions(dir, 0, 0, c.Now)
	if err != nil {
		t.Fatal(err)
	}
	if got := s2.Lookup(a.id); got == nil || got.User != "siti" || got.CSRF != a.CSRF {
		t.Fatalf("after restart: %+v", got)
	}
	if s2.Lookup(l.id) != nil {
		t.Fatal("the local session survived a restart")
	}
	// Logout.
	if err := s2.Delete(a.id); err != nil {
		t.Fatal(err)
	}
	s3, _ := OpenSessions(dir, 0, 0, c.Now)
	if s3.Lookup(a.id) != nil {
		t.Fatal("session open after logout and restart")
	}
}

func TestSessionsEndUser(t *testing.T) {
	c := newClock()
	s, _ := OpenSessions("", 0, 0, c.Now)
	here, _ := s.Create("siti", 1, false)
	phone, _ := s.Create("siti", 1, false)
	budi, _ := s.Create("budi", 1, false)
	n, err := s.EndUser("siti", here.id, 2)
	if err != nil || n != 1 {
		t.Fatalf("EndUser = %d, %v", n, err)
	}
	if got := s.Lookup(here.id); got == nil || got.Gen != 2 {
		t.Fatalf("the session that changed the password: %+v", got)
	}
	if s.Lookup(phone.id) != nil {
		t.Fatal("the other session survived")
	}
	if s.Lookup(budi.id) == nil {
		t.Fatal("someone else's session ended")
	}
}

func TestParseSessionID(t *testing.T) {
	id := newID()
	if got, ok := ParseSessionID(id); !ok || got != id {
		t.Fatal("a fresh id is refused")
	}
	for _, bad := range []string{"", id[:42], id + "A", id[:42] + "=", id[:42] + "+", id[:42] + "/", strings.Repeat("A", 42) + "B"} {
		if _, ok := ParseSessionID(bad); ok {
			t.Errorf("ParseSessionID(%q) accepted", bad)
		}
	}
}

func TestLimiter(t *testing.T) {
	c := newClock()
	l := NewLimiter(c.Now)
	for i := 1; i < MaxFailures; i++ {
		if !l.Fail("siti", "10.0.0.5").IsZero() {
			t.Fatalf("locked after %d failures", i)
		}
		c.Add(time.Minute)
	}
	until := l.Fail("siti", "10.0.0.5")
	if want := c.Now().Add(Lockout); !until.Equal(want) {
		t.Fatalf("locked until %v, want %v", until, want)
	}
	// Locked for the account from anywhere, and for the address whatever the name.
	if l.Locked("siti", "10.0.0.9").IsZero() || l.Locked("budi", "10.0.0.5").IsZero() {
		t.Fatal("not locked")
	}
	if !l.Locked("budi", "10.0.0.9").IsZero() {
		t.Fatal("an unrelated account and address is locked")
	}
	c.Add(Lockout)
	if !l.Locked("siti", "10.0.0.5").IsZero() {
		t.Fatal("still locked after the lockout")
	}
	// Failures older than the window are forgotten.
	for range MaxFailures - 1 {
		l.Fail("budi", "10.0.0.7")
	}
	c.Add(Window)
	if !l.Fail("budi", "10.0.0.7").IsZero() {
		t.Fatal("old failures counted")
	}
	// A success forgets the account's failures.
	for range MaxFailures - 1 {
		l.Fail("rina", fmt.Sprint("10.1.0.", 1))
	}
	l.Succeed("rina")
	if !l.Fail("rina", "10.2.0.1").IsZero() {
		t.Fatal("failures before a success counted")
	}
}

func TestAuditConcurrent(t *testing.T) {
	dir := t.TempDir()
	c := newClock()
	// Two logs on one file stand for the server and `warta users`.
	logs := []*Audit{OpenAudit(dir, c.Now), OpenAudit(dir, c.Now)}
	const writers, each = 8, 200
	long := strings.Repeat("panjang ", 600) // lines longer than a pipe buffer
	var wg sync.WaitGroup
	for w := range writers {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := range each {
				e := Entry{Who: fmt.Sprint("w", w), Action: "save", File: fmt.Sprintf("content/berita/%d.md", i), Addr: "127.0.0.1", Detail: long + "\nbaris baru"}
				if err := logs[w%2].Log(e); err != nil {
					t.Error(err)
					return
				}
			}
		}()
	}
	wg.Wait()
	data, err := os.ReadFile(filepath.Join(dir, Dir, "audit.log"))
	if err != nil {
		t.Fatal(err)
	}
	lines := strings.Split(strings.TrimSuffix(string(data), "\n"), "\n")
	if len(lines) != writers*each {
		t.Fatalf("%d lines, want %d", len(lines), writers*each)
	}
	for i, l := range lines {
		var e map[string]any
		if err := json.Unmarshal([]byte(l), &e); err != nil {
			t.Fatalf("line %d torn: %v", i+1, err)
		}
		for _, k := range []string{"time", "person", "action", "file", "address", "detail"} {
			if _, ok := e[k]; !ok {
				t.Fatalf("line %d lacks %q", i+1, k)
			}
		}
	}
	if info, _ := os.Stat(filepath.Join(dir, Dir, "audit.log")); info.Mode().Perm() != 0o600 {
		t.Fatalf("mode %v", info.Mode())
	}
	got, err := logs[0].Read(Filter{Who: "w3", File: "/17.md"})
	if err != nil || len(got) != 1 || got[0].File != "content/berita/17.md" {
		t.Fatalf("Read = %+v, %v", got, err)
	}
	got, _ = logs[0].Read(Filter{Limit: 5})
	if len(got) != 5 {
		t.Fatalf("Limit: %d entries", len(got))
	}
}

func TestAuditReadOrderAndTime(t *testing.T) {
	dir := t.TempDir()
	c := newClock()
	a := OpenAudit(dir, c.Now)
	for _, act := range []string{AuditLogin, "save", AuditLogout} {
		a.Log(Entry{Who: "siti", Action: act})
		c.Add(time.Minute)
	}
	got, _ := a.Read(Filter{})
	if len(got) != 3 || got[0].Action != AuditLogout || got[2].Action != AuditLogin {
		t.Fatalf("not newest first: %+v", got)
	}
	got, _ = a.Read(Filter{Since: newClock().Now().Add(time.Minute), Action: "save"})
	if len(got) != 1 {
		t.Fatalf("Since: %+v", got)
	}
	raw, _ := os.ReadFile(filepath.Join(dir, Dir, "audit.log"))
	if !strings.Contains(string(raw), `"time":"2026-07-29T08:00:00Z"`) {
		t.Fatalf("time not RFC 3339: %s", raw)
	}
}

// Two processes changing the accounts at once (the newsroom and `warta
// users` in a terminal) each read, change and write the whole file; the
// file's lock keeps every change. Two Users on one folder stand for the
// two processes: each has its own mutex, and the lock is the system's.
func TestUsersChangedByTwoAtOnce(t *testing.T) {
	dir := t.TempDir()
	a, b := mustUsers(t, dir, newClock()), mustUsers(t, dir, newClock())
	const each = 25
	var wg sync.WaitGroup
	for i, u := range []*Users{a, b} {
		wg.Go(func() {
			for n := range each {
				if err := u.Add(fmt.Sprintf("akun%d-%02d", i, n), "", Penulis, "sepuluh-karakter-lagi"); err != nil {
					t.Error(err)
				}
			}
		})
	}
	wg.Wait()
	list, err := mustUsers(t, dir, newClock()).List()
	if err != nil || len(list) != 2*each {
		t.Fatalf("%d accounts after %d adds by two writers (%v): a change was lost", len(list), 2*each, err)
	}
}
