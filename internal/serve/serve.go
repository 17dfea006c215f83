// Package serve previews a site while it is being written: it builds the
// site into memory, serves it on a loopback address, watches the site
// folder, rebuilds what a change touches, and tells open browser tabs to
// reload.
//
// The rules:
//
//   - A build error never stops the server. Pages requested while the site
//     has errors show an overlay page listing them (file, line, message,
//     fix); the next good save clears it.
//   - An error about a file that is being saved while the build reads it
//     (editors that save in place truncate first) is not shown: the save's
//     own rebuild decides.
//   - Rebuilds are incremental (build.Session): an edited news report is
//     read again and only outputs whose inputs changed are rendered.
//   - Only files of the built site are served; any path that is not one of
//     them gets the site's 404 page. Content types follow file extensions.
//   - The live-reload script is injected into HTML responses only here; the
//     built site itself never carries it.
package serve

import (
	"context"
	"crypto/tls"
	"fmt"
	"io"
	"io/fs"
	"net"
	"net/http"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"sync"
	"time"

	"github.com/dinsos-metro/warta/internal/build"
	"github.com/dinsos-metro/warta/internal/diag"
	"github.com/dinsos-metro/warta/internal/publish"
)

// Options configure a preview server.
type Options struct {
	Build build.Options // Sink is set by the server
	// Dir is the site folder on disk, for watching; empty: no watching.
	Dir string
	// Addr is the listen address, "127.0.0.1:1313" by default.
	Addr string
	// Lang is the language of messages ("id" or "en"); empty: the site's.
	Lang string
	// Log receives one line per rebuild.
	Log io.Writer
	// Debounce is how long the watcher waits for more events; 0 is 80 ms.
	Debounce time.Duration
	// Schedule, when set, makes pages dated in the future go live at
	// their time (schedule.go); its Due defaults to a preview rebuild.
	Schedule *Schedule
	// TLS, when set, makes Serve answer HTTPS only (warta serve
	// --tls-cert/--tls-auto on an office network).
	TLS *tls.Config
	// Gate, when set, wraps every request, the site's pages too: with
	// accounts the preview shows drafts, so it needs a login as well.
	Gate func(http.Handler) http.Handler
}

// Server is a running preview.
type Server struct {
	opt     Options
	store   *publish.Memory
	rec     *publish.Recorder
	session *build.Session

	mu      sync.RWMutex
	errs    []diag.Diagnostic // non-empty while the site does not build
	lang    string
	version int // counts successful and failed rebuilds

	// For the newsroom (newsroom.go): every problem of the last build,
	// handlers below the site's URLs, the pictures of the last preview.
	all      []diag.Diagnostic
	mounts   []mount
	previews *publish.Memory

	events *broker
	busy   sync.Mutex // one rebuild at a time
}

// New builds the site once; a build with errors still gives a Server (it
// shows the errors).
func New(ctx context.Context, opt Options) (*Server, error) {
	if opt.Addr == "" {
		opt.Addr = "127.0.0.1:1313"
	}
	if opt.Log == nil {
		opt.Log = io.Discard
	}
	if opt.Debounce == 0 {
		opt.Debounce = 80 * time.Millisecond
	}
	s := &Server{opt: opt, store: publish.NewMemory(), events: newBroker()}
	s.rec = &publish.Recorder{Next: s.store}
	bopt := opt.Build
	bopt.Sink = s.rec
	bopt.Track = true
	s.session = build.NewSession(bopt)
	start := time.Now()
	res, err := s.session.Full(ctx)
	s.finish(res, err, "", time.Since(start))
	return s, nil
}

// Rebuild applies a change and tells the browsers; what is a string for
// the log line ("content/berita/x.md").
func (s *Server) Rebuild(ctx context.Context, ch build.Change, what string) {
	s.busy.Lock()
	defer s.busy.Unlock()
	start := time.Now()
	res, err := s.session.Update(ctx, ch)
	if err != nil && s.beingSaved(res, start) {
		// A file with a problem is being saved: most likely the build read
		// it half-written (editors that save in place truncate first). Its
		// save queues another rebuild, which decides; until then the
		// browsers keep what they have.
		s.rec.Take()
		return
	}
	s.finish(res, err, what, time.Since(start))
}

// beingSaved reports whether a file that a failed build complains about
// changed after the build started, or changes within the debounce time
// after it (a slow save). File times come from a coarse kernel clock that
// lags a few milliseconds; nothing was saved in the debounce time before
// the build, so half of it is a safe margin.
func (s *Server) beingSaved(res *build.Result, start time.Time) bool {
	if s.opt.Dir == "" || res == nil || res.Diags == nil {
		return false
	}
	type state struct {
		size int64
		mod  time.Time
	}
	since := start.Add(-s.opt.Debounce / 2)
	files := map[string]state{}
	for _, d := range res.Diags.Items() {
		if d.File == "" || d.Severity != diag.Error {
			continue
		}
		p := filepath.Join(s.opt.Dir, filepath.FromSlash(d.File))
		info, err := os.Stat(p)
		if err != nil {
			continue
		}
		if !info.ModTime().Before(since) {
			return true
		}
		files[p] = state{info.Size(), info.ModTime()}
	}
	if len(files) == 0 {
		return false
	}
	time.Sleep(s.opt.Debounce)
	for p, was := range files {
		if info, err := os.Stat(p); err != nil || info.Size() != was.size || !info.ModTime().Equal(was.mod) {
			return true
		}
	}
	return false
}

// finish records a build's outcome, prunes files nobody stands for any
// more, logs one line and notifies the browsers.
func (s *Server) finish(res *build.Result, err error, what string, took time.Duration) {
	written := s.rec.Take()
	lang := s.opt.Lang
	if lang == "" && res.Config != nil {
		lang = res.Config.Language
	}
	if lang == "" {
		lang = "id"
	}
	var errs []diag.Diagnostic
	if err != nil {
		errs = res.Diags.Items()
		if len(errs) == 0 {
			errs = []diag.Diagnostic{diag.New("", 0, diag.OutputFailed, err)}
		}
	} else if res.Quick {
		// Only what the quick path's jobs stopped writing (no walk over
		// every file the site has).
		for _, name := range res.Dropped {
			if !written[name] {
				s.store.Remove(name)
			}
		}
	} else if keep := s.session.Outputs(); keep != nil {
		for _, name := range s.store.Names() {
			if !keep[name] && !written[name] {
				s.store.Remove(name)
			}
		}
	}
	s.mu.Lock()
	s.errs, s.lang = errs, lang
	if res != nil && res.Diags != nil {
		s.all = res.Diags.Items()
	}
	s.version++
	s.mu.Unlock()

	stamp := time.Now().Format("15:04:05")
	if what == "" {
		what = msg(lang, diag.ServeFirstBuild)
	}
	if err != nil {
		fmt.Fprintf(s.opt.Log, "%s %s: %s\n", stamp, what, msg(lang, diag.ServeRebuildFailed, countErrors(errs), ms(took)))
		fmt.Fprint(s.opt.Log, res.Diags.Format(lang))
	} else {
		fmt.Fprintf(s.opt.Log, "%s %s: %s\n", stamp, what, msg(lang, diag.ServeRebuilt, res.Pages, res.Skipped, ms(took)))
	}
	s.events.publish("reload")
	s.opt.Schedule.Changed()
}

func countErrors(ds []diag.Diagnostic) int {
	n := 0
	for _, d := range ds {
		if d.Severity == diag.Error {
			n++
		}
	}
	return max(n, 1)
}

func msg(lang string, code diag.Code, args ...any) string {
	return diag.New("", 0, code, args...).Message(lang)
}

func ms(d time.Duration) string {
	if d < time.Second {
		return fmt.Sprintf("%d ms", d.Milliseconds())
	}
	return fmt.Sprintf("%.2f s", d.Seconds())
}

// Errors returns the problems of the last build (empty when it succeeded).
func (s *Server) Errors() []diag.Diagnostic {
	s.mu.RLock()
	defer s.mu.RUnlock()
	return slices.Clone(s.errs)
}

// Files returns the names the server currently serves, sorted.
func (s *Server) Files() []string { return s.store.Names() }

// Serve listens on the configured address and watches the site folder
// until ctx ends; then it shuts down cleanly.
func (s *Server) Serve(ctx context.Context, ready func(addr string)) error {
	ln, err := net.Listen("tcp", s.opt.Addr)
	if err != nil {
		return err
	}
	h := s.Handler()
	if s.opt.Gate != nil {
		h = s.opt.Gate(h)
	}
	if s.opt.TLS != nil {
		ln = tls.NewListener(ln, s.opt.TLS)
	}
	srv := &http.Server{Handler: h, ReadHeaderTimeout: 10 * time.Second}
	ctx, cancel := context.WithCancel(ctx)
	// Serve returns only when the watcher and the schedule have stopped,
	// so no rebuild is still writing (caches, the site) into the folder
	// after it: a caller may delete or move that folder next.
	var background sync.WaitGroup
	defer func() { cancel(); background.Wait() }()
	if s.opt.Dir != "" {
		w, err := newWatcher(s.opt.Dir)
		if err != nil {
			return err
		}
		background.Go(func() { w.run(ctx, s.opt.Debounce, func(ch build.Change, what string) { s.Rebuild(ctx, ch, what) }) })
	}
	if s.opt.Schedule != nil {
		background.Go(func() { s.runSchedule(ctx) })
	}
	if ready != nil {
		ready(ln.Addr().String())
	}
	done := make(chan error, 1)
	go func() { done <- srv.Serve(ln) }()
	select {
	case <-ctx.Done():
		s.events.close()
		shut, cancelShut := context.WithTimeout(context.Background(), 3*time.Second)
		defer cancelShut()
		_ = srv.Shutdown(shut)
		return nil
	case err := <-done:
		return err
	}
}

// siteFS lets handlers read the served files.
func (s *Server) read(name string) ([]byte, bool) {
	if !fs.ValidPath(name) || strings.Contains(name, `\`) {
		return nil, false
	}
	if data, ok := s.store.Get(name); ok {
		return data, ok
	}
	return s.previewFile(name)
}
