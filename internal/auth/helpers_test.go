package auth

import (
	"sync"
	"testing"
	"time"
)

// fast are Argon2id costs small enough for tests; hashes record their
// costs, so checking works the same as with Recommended.
var fast = Params{Memory: 64, Time: 1, Threads: 1, SaltLen: 16, KeyLen: 32}

// clock is a fake time source tests move by hand.
type clock struct {
	mu sync.Mutex
	t  time.Time
}

func newClock() *clock { return &clock{t: time.Date(2026, 7, 29, 8, 0, 0, 0, time.UTC)} }

func (c *clock) Now() time.Time {
	c.mu.Lock()
	defer c.mu.Unlock()
	return c.t
}

func (c *clock) Add(d time.Duration) {
	c.mu.Lock()
	c.t = c.t.Add(d)
	c.mu.Unlock()
}

func mustUsers(t *testing.T, dir string, c *clock) *Users {
	t.Helper()
	u, err := OpenUsers(dir, fast, c.Now)
	if err != nil {
		t.Fatal(err)
	}
	return u
}
