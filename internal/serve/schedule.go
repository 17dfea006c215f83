package serve

import (
	"context"
	"fmt"
	"io"
	"io/fs"
	"sync"
	"time"

	"github.com/dinsos-metro/warta/internal/build"
	"github.com/dinsos-metro/warta/internal/config"
	"github.com/dinsos-metro/warta/internal/content"
	"github.com/dinsos-metro/warta/internal/deploy"
	"github.com/dinsos-metro/warta/internal/diag"
	"github.com/dinsos-metro/warta/internal/publish"
)

// Clock is the time as the schedule sees it; tests give a fake one.
type Clock interface {
	Now() time.Time
	After(d time.Duration) <-chan time.Time
}

type realClock struct{}

func (realClock) Now() time.Time                         { return time.Now() }
func (realClock) After(d time.Duration) <-chan time.Time { return time.After(d) }

// Schedule makes pages dated in the future go live at their time: it
// sleeps until the earliest such date, then runs Due (a rebuild of the
// preview, or a build of public/ and a deploy: Publish). Dates without an
// offset are in the site's time zone, as everywhere (content.Options).
type Schedule struct {
	Source fs.FS
	Clock  Clock // nil: the real one
	// Due runs when a scheduled page's time has come; page is its file.
	Due  func(ctx context.Context, page string) error
	Log  io.Writer
	Lang string
	// MaxSleep bounds one wait, so that a clock changed by hand or a
	// machine woken from sleep is noticed (default 15 minutes).
	MaxSleep time.Duration
	// RetryWait is the first wait before a failed Due is tried again
	// (default 1 minute).
	RetryWait time.Duration

	once    sync.Once
	wake    chan struct{}
	earlier map[string]*content.Page
}

// Changed tells the schedule the content changed: the next date is
// looked up again.
func (s *Schedule) Changed() {
	if s == nil {
		return
	}
	s.once.Do(func() { s.wake = make(chan struct{}, 1) })
	select {
	case s.wake <- struct{}{}:
	default:
	}
}

func (s *Schedule) init() {
	if s.Clock == nil {
		s.Clock = realClock{}
	}
	if s.Log == nil {
		s.Log = io.Discard
	}
	if s.MaxSleep <= 0 {
		s.MaxSleep = 15 * time.Minute
	}
	if s.RetryWait <= 0 {
		s.RetryWait = time.Minute
	}
	if s.Lang == "" {
		s.Lang = "id"
	}
	s.once.Do(func() { s.wake = make(chan struct{}, 1) })
}

// Run waits for scheduled pages until ctx ends. A Due that fails (the
// server unreachable at 08:00) is tried again, after RetryWait and then
// twice as long each time up to MaxSleep, until it succeeds: once its
// time has passed, the page is no longer the next one, and nothing else
// would publish it.
func (s *Schedule) Run(ctx context.Context) {
	s.init()
	var (
		pending string    // the page of a Due that failed
		retryAt time.Time // when to try it again
		backoff time.Duration
	)
	for {
		now := s.Clock.Now()
		next, page, ok := s.next(ctx, now)
		wait := s.MaxSleep
		if ok && next.Sub(now) < wait {
			wait = max(next.Sub(now), 0)
		}
		if pending != "" && retryAt.Sub(now) < wait {
			wait = max(retryAt.Sub(now), 0)
		}
		select {
		case <-ctx.Done():
			return
		case <-s.wake:
			continue
		case <-s.Clock.After(wait):
		}
		now = s.Clock.Now()
		switch {
		case ok && !now.Before(next):
			fmt.Fprintln(s.Log, "warta:", diag.New("", 0, diag.ScheduleDue, page).Message(s.Lang))
		case pending != "" && !now.Before(retryAt):
			page = pending
			fmt.Fprintln(s.Log, "warta:", diag.New("", 0, diag.ScheduleRetry, page).Message(s.Lang))
		default:
			continue // a long wait cut short by MaxSleep: look again
		}
		err := s.Due(ctx, page)
		if ctx.Err() != nil {
			return
		}
		if err == nil {
			pending, backoff = "", 0 // a publish builds every page whose time came
			continue
		}
		pending = page
		backoff = min(max(2*backoff, s.RetryWait), s.MaxSleep)
		retryAt = s.Clock.Now().Add(backoff)
		fmt.Fprintln(s.Log, "warta:", diag.New("", 0, diag.ScheduleFailed, deploy.Message(err, s.Lang), backoff.Round(time.Second).String()).Message(s.Lang))
	}
}

// next finds the earliest page dated after now; pages whose files did
// not change since the last look are not read again.
func (s *Schedule) next(ctx context.Context, now time.Time) (time.Time, string, bool) {
	cfg, _ := config.Load(s.Source)
	pages, _ := content.Rescan(ctx, s.Source, content.Options{Location: cfg.Location, SlugDatePrefix: cfg.SlugDatePrefix}, s.earlier)
	s.earlier = map[string]*content.Page{}
	for _, p := range pages {
		s.earlier[p.File] = p
	}
	return earliest(pages, now)
}

// NextScheduled finds the earliest page dated after now, leaving out
// drafts: when it is, and its file.
func NextScheduled(ctx context.Context, fsys fs.FS, now time.Time) (time.Time, string, bool) {
	cfg, _ := config.Load(fsys)
	pages, _ := content.Load(ctx, fsys, content.Options{Location: cfg.Location, SlugDatePrefix: cfg.SlugDatePrefix})
	return earliest(pages, now)
}

func earliest(pages []*content.Page, now time.Time) (time.Time, string, bool) {
	var next time.Time
	var file string
	for _, p := range pages {
		if p.Kind == content.KindHome || p.Kind == content.KindSection || !p.Date.After(now) {
			continue
		}
		if file == "" || p.Date.Before(next) {
			next, file = p.Date, p.File
		}
	}
	return next, file, file != ""
}

// Publish builds the site as warta build does, with the pages whose time
// has come, into Out, and deploys it to Target: the Due of a schedule
// for warta serve --deploy.
type Publish struct {
	Build   build.Options // Source, Theme, Dir and the like; Sink and Now are set here
	Out     string
	SiteDir string
	Target  config.DeployTarget
	// BeforeSwap runs before the new build replaces Out (the command
	// forgets its render state there).
	BeforeSwap func()
	Log        io.Writer
	Lang       string
}

// Run builds and deploys with the clock at now.
func (p Publish) Run(ctx context.Context, now time.Time) error {
	// A publish from the newsroom or a terminal may be running: wait for
	// it rather than skip, since it may have been built before this
	// page's time came.
	unlock, err := deploy.Lock(ctx, p.SiteDir, "terjadwal (warta serve --deploy)", true)
	if err != nil {
		return err
	}
	defer unlock()
	st, err := publish.NewStaging(p.Out)
	if err != nil {
		return err
	}
	opt := p.Build
	opt.Sink, opt.Now, opt.Future, opt.Drafts = st, now, false, false
	res, err := build.Build(ctx, opt)
	if err != nil {
		st.Abort()
		if res != nil && res.Diags != nil && p.Log != nil {
			fmt.Fprint(p.Log, res.Diags.Format(p.Lang))
		}
		return err
	}
	if p.BeforeSwap != nil {
		p.BeforeSwap()
	}
	if err := st.Commit(); err != nil {
		return err
	}
	st.Wait()
	r, err := deploy.Run(ctx, deploy.Options{SiteDir: p.SiteDir, Output: p.Out, Target: p.Target, BasePath: res.Config.Base.Path, Locked: true})
	if err != nil {
		return err
	}
	if p.Log != nil {
		fmt.Fprintln(p.Log, "warta:", r.Summary(p.Lang, false))
	}
	return nil
}

// runSchedule runs the server's schedule; without a Due of its own, the
// preview is rebuilt (it matters when the preview leaves future pages
// out: warta serve --future=false).
func (s *Server) runSchedule(ctx context.Context) {
	sch := s.opt.Schedule
	if sch.Due == nil {
		sch.Due = func(ctx context.Context, page string) error {
			s.Rebuild(ctx, build.Change{Rescan: true}, page)
			return nil
		}
	}
	if sch.Log == nil {
		sch.Log = s.opt.Log
	}
	sch.Run(ctx)
}
