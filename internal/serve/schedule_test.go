package serve

import (
	"context"
	"errors"
	"io"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"testing/fstest"
	"time"

	"github.com/dinsos-metro/warta"
	"github.com/dinsos-metro/warta/internal/build"
	"github.com/dinsos-metro/warta/internal/config"
	"github.com/dinsos-metro/warta/internal/deploy"
)

// fakeClock moves only when the test says so.
type fakeClock struct {
	mu      sync.Mutex
	now     time.Time
	waiters []waiter
}

type waiter struct {
	at time.Time
	ch chan time.Time
}

func (c *fakeClock) Now() time.Time {
	c.mu.Lock()
	defer c.mu.Unlock()
	return c.now
}

func (c *fakeClock) After(d time.Duration) <-chan time.Time {
	c.mu.Lock()
	defer c.mu.Unlock()
	ch := make(chan time.Time, 1)
	if d <= 0 {
		ch <- c.now
		return ch
	}
	c.waiters = append(c.waiters, waiter{c.now.Add(d), ch})
	return ch
}

func (c *fakeClock) Advance(d time.Duration) {
	c.mu.Lock()
	defer c.mu.Unlock()
	c.now = c.now.Add(d)
	var left []waiter
	for _, w := range c.waiters {
		if !w.at.After(c.now) {
			w.ch <- c.now
		} else {
			left = append(left, w)
		}
	}
	c.waiters = left
}

// waitingUntil waits until the schedule sleeps, and says until when.
func (c *fakeClock) waitingUntil(t *testing.T) time.Time {
	t.Helper()
	for range 2000 {
		c.mu.Lock()
		if len(c.waiters) > 0 {
			at := c.waiters[len(c.waiters)-1].at
			c.mu.Unlock()
			return at
		}
		c.mu.Unlock()
		time.Sleep(5 * time.Millisecond)
	}
	t.Fatal("the schedule never went to sleep")
	return time.Time{}
}

// TestScheduledReportGoesLive: a report dated 08:00 (site time, Asia/
// Jakarta) is not on the deployed site at 07:00 nor at 07:30, and is
// there, deployed to the folder target, once the clock passes 08:00.
func TestScheduledReportGoesLive(t *testing.T) {
	dir := t.TempDir()
	web := filepath.Join(t.TempDir(), "www")
	files := map[string]string{
		"site.yaml":         "title: Dinsos Uji\nbase_url: https://dinsos.example.go.id/\ntimezone: Asia/Jakarta\n",
		"content/_index.md": "Beranda.\n",
		"content/berita/2030-01-01-sudah-terbit.md":      "---\ntitle: Sudah Terbit\ndate: 2030-01-01\n---\nIsi.\n",
		"content/berita/2030-01-02-laporan-terjadwal.md": "---\ntitle: Laporan Terjadwal\ndate: 2030-01-02T08:00:00\n---\nIsi laporan.\n",
	}
	for name, text := range files {
		p := filepath.Join(dir, filepath.FromSlash(name))
		os.MkdirAll(filepath.Dir(p), 0o755)
		if err := os.WriteFile(p, []byte(text), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	jakarta, _ := time.LoadLocation("Asia/Jakarta")
	clock := &fakeClock{now: time.Date(2030, 1, 2, 7, 0, 0, 0, jakarta)}
	root, err := os.OpenRoot(dir)
	if err != nil {
		t.Fatal(err)
	}
	defer root.Close()
	pub := Publish{
		Build:   build.Options{Source: root.FS(), Theme: warta.Theme, Dir: dir},
		Out:     filepath.Join(dir, "public"),
		SiteDir: dir,
		Target:  config.DeployTarget{Name: "lokal", Kind: "folder", Path: web},
	}
	live := func() bool {
		_, err := os.Stat(filepath.Join(web, "berita", "laporan-terjadwal", "index.html"))
		return err == nil
	}
	if err := pub.Run(context.Background(), clock.Now()); err != nil {
		t.Fatal(err)
	}
	if _, err := os.Stat(filepath.Join(web, "berita", "sudah-terbit", "index.html")); err != nil {
		t.Fatalf("the published report is not deployed: %v", err)
	}
	if live() {
		t.Fatal("the scheduled report is online before its time")
	}

	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	due := make(chan string, 4)
	var log strings.Builder
	sch := &Schedule{Source: root.FS(), Clock: clock, MaxSleep: 24 * time.Hour, Log: &log, Lang: "en",
		Due: func(ctx context.Context, page string) error {
			err := pub.Run(ctx, clock.Now())
			due <- page
			return err
		}}
	go sch.Run(ctx)
	if at := clock.waitingUntil(t); !at.Equal(time.Date(2030, 1, 2, 8, 0, 0, 0, jakarta)) {
		t.Fatalf("the schedule sleeps until %v, want 08:00 in Jakarta", at)
	}
	clock.Advance(30 * time.Minute)
	select {
	case page := <-due:
		t.Fatalf("at 07:30 the schedule published %s", page)
	default:
	}
	if live() {
		t.Fatal("the scheduled report is online at 07:30")
	}
	// At 08:00 a publish from the newsroom is still running: the
	// scheduled one waits for it instead of skipping its page.
	unlock, err := deploy.Lock(ctx, dir, "Terbitkan situs, siti", false)
	if err != nil {
		t.Fatal(err)
	}
	clock.Advance(30 * time.Minute)
	select {
	case page := <-due:
		t.Fatalf("the schedule published %s while another publish held the lock", page)
	case <-time.After(500 * time.Millisecond):
	}
	if live() {
		t.Fatal("the scheduled report was deployed while another publish held the lock")
	}
	unlock()
	select {
	case page := <-due:
		if page != "content/berita/2030-01-02-laporan-terjadwal.md" {
			t.Errorf("due: %s", page)
		}
	case <-time.After(2 * time.Minute):
		t.Fatal("at 08:00 the schedule did not publish")
	}
	if !live() {
		t.Fatalf("at 08:00 the scheduled report is not deployed; log:\n%s", log.String())
	}
}

// A scheduled publish that fails (the server unreachable at 08:00) is
// tried again after one minute, then two, ... until it succeeds; after
// that the schedule sleeps again.
func TestScheduleRetriesAFailedPublish(t *testing.T) {
	fsys := fstest.MapFS{
		"site.yaml":         {Data: []byte("title: Dinsos Uji\nbase_url: https://dinsos.example.go.id/\ntimezone: Asia/Jakarta\n")},
		"content/_index.md": {Data: []byte("Beranda.\n")},
		"content/berita/2030-01-02-laporan-terjadwal.md": {Data: []byte("---\ntitle: Laporan Terjadwal\ndate: 2030-01-02T08:00:00\n---\nIsi.\n")},
	}
	jakarta, _ := time.LoadLocation("Asia/Jakarta")
	at := func(h, m int) time.Time { return time.Date(2030, 1, 2, h, m, 0, 0, jakarta) }
	clock := &fakeClock{now: at(7, 0)}
	type call struct {
		page string
		at   time.Time
	}
	calls := make(chan call, 8)
	n := 0
	var log strings.Builder
	var logMu sync.Mutex
	sch := &Schedule{Source: fsys, Clock: clock, MaxSleep: 24 * time.Hour, Lang: "en", Log: &lockedWriter{w: &log, mu: &logMu},
		Due: func(ctx context.Context, page string) error {
			n++
			calls <- call{page, clock.Now()}
			if n <= 2 {
				return errors.New("dial tcp: connection refused")
			}
			return nil
		}}
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	go sch.Run(ctx)

	const page = "content/berita/2030-01-02-laporan-terjadwal.md"
	for i, step := range []struct {
		wait     time.Time // when the schedule sleeps until
		advance  time.Duration
		thenCall time.Time
	}{
		{at(8, 0), time.Hour, at(8, 0)},       // due, fails
		{at(8, 1), time.Minute, at(8, 1)},     // first retry after a minute, fails
		{at(8, 3), 2 * time.Minute, at(8, 3)}, // then after two, succeeds
	} {
		if got := clock.waitingUntil(t); !got.Equal(step.wait) {
			t.Fatalf("step %d: the schedule sleeps until %v, want %v", i, got, step.wait)
		}
		clock.Advance(step.advance)
		select {
		case c := <-calls:
			if c.page != page || !c.at.Equal(step.thenCall) {
				t.Errorf("step %d: Due(%s) at %v, want %s at %v", i, c.page, c.at, page, step.thenCall)
			}
		case <-time.After(time.Minute):
			t.Fatalf("step %d: Due did not run", i)
		}
	}
	// Published: nothing more to do until a page is scheduled again.
	if got := clock.waitingUntil(t); !got.Equal(at(8, 3).Add(24 * time.Hour)) {
		t.Errorf("after the publish went through, the schedule sleeps until %v", got)
	}
	logMu.Lock()
	defer logMu.Unlock()
	for _, want := range []string{"tried again in 1m0s", "tried again in 2m0s", "publishing the scheduled page " + page + " again"} {
		if !strings.Contains(log.String(), want) {
			t.Errorf("the log does not say %q:\n%s", want, log.String())
		}
	}
}

type lockedWriter struct {
	w  io.Writer
	mu *sync.Mutex
}

func (l *lockedWriter) Write(p []byte) (int, error) {
	l.mu.Lock()
	defer l.mu.Unlock()
	return l.w.Write(p)
}
