package auth

import (
	"sync"
	"time"
)

// Limits of the login limiter: MaxFailures failed logins within Window,
// for one account or from one address, lock it for Lockout.
const (
	MaxFailures = 5
	Window      = 15 * time.Minute
	Lockout     = 15 * time.Minute
)

// Limiter counts failed logins per account name and per address. It
// counts names that have no account the same way, so a locked answer does
// not tell whether a name exists. It lives in memory: a restart of warta
// serve forgets it, which only a person at the server's keyboard can do.
type Limiter struct {
	now func() time.Time

	mu    sync.Mutex
	fails map[string][]time.Time // "n:name" or "a:address" -> recent failures
	until map[string]time.Time   // locked until
}

// NewLimiter returns an empty limiter; now nil is time.Now.
func NewLimiter(now func() time.Time) *Limiter {
	if now == nil {
		now = time.Now
	}
	return &Limiter{now: now, fails: map[string][]time.Time{}, until: map[string]time.Time{}}
}

func keys(name, addr string) []string { return []string{"n:" + name, "a:" + addr} }

// Locked returns until when a login for name from addr is refused; the
// zero time when it is allowed.
func (l *Limiter) Locked(name, addr string) time.Time {
	l.mu.Lock()
	defer l.mu.Unlock()
	now := l.now()
	var until time.Time
	for _, k := range keys(name, addr) {
		if t, ok := l.until[k]; ok {
			if !now.Before(t) {
				delete(l.until, k)
				continue
			}
			if t.After(until) {
				until = t
			}
		}
	}
	return until
}

// Fail records a failed login and returns until when name or addr is now
// locked (zero when not locked).
func (l *Limiter) Fail(name, addr string) time.Time {
	l.mu.Lock()
	defer l.mu.Unlock()
	now := l.now()
	var until time.Time
	for _, k := range keys(name, addr) {
		recent := l.fails[k][:0]
		for _, t := range l.fails[k] {
			if now.Sub(t) < Window {
				recent = append(recent, t)
			}
		}
		recent = append(recent, now)
		if len(recent) >= MaxFailures {
			l.until[k] = now.Add(Lockout)
			until = now.Add(Lockout)
			recent = nil // counting starts again after the lockout
		}
		if len(recent) == 0 {
			delete(l.fails, k)
		} else {
			l.fails[k] = recent
		}
	}
	l.prune(now)
	return until
}

// Succeed forgets the failures of the account (not of the address: a
// correct password for one account must not unlock guessing at others).
func (l *Limiter) Succeed(name string) {
	l.mu.Lock()
	defer l.mu.Unlock()
	delete(l.fails, "n:"+name)
}

// prune keeps the maps small when many names and addresses are tried.
func (l *Limiter) prune(now time.Time) {
	if len(l.fails)+len(l.until) < 10000 {
		return
	}
	for k, ts := range l.fails {
		if len(ts) == 0 || now.Sub(ts[len(ts)-1]) >= Window {
			delete(l.fails, k)
		}
	}
	for k, t := range l.until {
		if !now.Before(t) {
			delete(l.until, k)
		}
	}
}
