// Package deploy publishes a built site to the places listed under
// deploy: in site.yaml: a folder on this machine, a server over SFTP, or
// S3-compatible object storage.
//
// The rules:
//
//   - Only what changed is sent. A manifest per target (manifest.go)
//     records the hash of every file the target holds; a file whose hash
//     did not change is never sent again, and a second deploy with no
//     change sends nothing and does not even connect.
//   - In a safe order (plan.go): pictures, stylesheets and attachments,
//     then pages, then the pages that list or link to new pages, feeds and
//     the sitemap, and deletions last, so a reader never meets a page
//     whose photo, stylesheet or link target is missing. A stage starts
//     only when the one before it has fully succeeded.
//   - Resumable. Every file sent is journalled at once, so a deploy that
//     is killed or loses the network goes on where it stopped next time
//     and ends with the target identical to the output folder. A folder
//     target is replaced whole and atomically instead, as warta build
//     replaces public/.
//   - Secrets (passwords, keys) come only from environment variables or
//     files outside the site, and never appear in a message: every value
//     read is removed from errors before they leave Run.
//   - Failures are retried with backoff; what still fails is reported
//     file by file, and the later stages are not run.
//
// Run is the whole of it, for the command and for the newsroom's
// "Publish site" button alike; Progress events drive a progress bar.
package deploy

import (
	"context"
	"errors"
	"io/fs"
	"os"
	"sync"
	"time"

	"github.com/dinsos-metro/warta/internal/config"
	"github.com/dinsos-metro/warta/internal/diag"
	"github.com/dinsos-metro/warta/internal/publish"
)

// Options say what to deploy where.
type Options struct {
	// SiteDir is the site folder: secrets files must lie outside it, and
	// its .warta/deploy/ keeps the manifests.
	SiteDir string
	// Output is the built site (public/).
	Output string
	// Target is the destination, from site.yaml (see Choose).
	Target config.DeployTarget
	// BasePath is the path of the site's base URL ("/" when the site is
	// at the root of its domain), to follow links between pages.
	BasePath string
	// DryRun makes the plan and stops: nothing is sent, deleted or saved.
	DryRun bool
	// Full forgets the manifest: every file is sent again (after the
	// target was changed by hand).
	Full bool
	// Progress hears of every step; nil for none.
	Progress Progress
	// Env reads environment variables (os.Getenv when nil).
	Env func(string) string
	// Workers is the number of files sent at once (default 4).
	Workers int
	// Tries and Wait tune the retries (default 4 tries, first wait 500 ms).
	Tries int
	Wait  time.Duration
}

// Result is what a deploy did.
type Result struct {
	Target    string
	Plan      Plan
	Sent      int
	Deleted   int
	Bytes     int64 // sent
	Unchanged int
	// Failures are the messages of the files that failed, one each.
	Failures []error
	Duration time.Duration
}

// Choose picks the target named name from the site's configuration, or
// the only one when name is "".
func Choose(cfg *config.Config, name string) (config.DeployTarget, error) {
	var names []string
	for _, t := range cfg.Deploy {
		if t.Name == name {
			return t, nil
		}
		names = append(names, t.Name)
	}
	switch {
	case len(cfg.Deploy) == 0:
		return config.DeployTarget{}, fail(diag.DeployNoTargets)
	case name == "" && len(cfg.Deploy) == 1:
		return cfg.Deploy[0], nil
	case name == "":
		return config.DeployTarget{}, fail(diag.DeployChooseTarget, len(names), joinNames(names))
	}
	return config.DeployTarget{}, fail(diag.DeployUnknownTarget, name, joinNames(names))
}

// Run deploys the output folder to the target.
func Run(ctx context.Context, o Options) (Result, error) {
	o.defaults()
	start := time.Now()
	res := Result{Target: o.Target.Name}
	sec := &secrets{target: o.Target.Name, siteDir: o.SiteDir, env: o.Env}
	res, err := run(ctx, o, sec, res)
	res.Duration = time.Since(start)
	for i, f := range res.Failures {
		res.Failures[i] = sec.seen.err(f)
	}
	return res, sec.seen.err(err)
}

func (o *Options) defaults() {
	if o.Env == nil {
		o.Env = os.Getenv
	}
	if o.Workers < 1 {
		o.Workers = 4
	}
	if o.Tries < 1 {
		o.Tries = 4
	}
	if o.Wait <= 0 {
		o.Wait = 500 * time.Millisecond
	}
	if o.BasePath == "" {
		o.BasePath = "/"
	}
}

func run(ctx context.Context, o Options, sec *secrets, res Result) (Result, error) {
	if err := publish.CheckOwned(o.Output); err != nil {
		return res, fail(diag.DeployNoOutput, o.Output)
	}
	if _, err := os.Stat(o.Output); errors.Is(err, fs.ErrNotExist) {
		return res, fail(diag.DeployNoOutput, o.Output)
	}
	local, err := scan(o.Output)
	if err != nil {
		return res, err
	}
	if len(local) == 0 {
		return res, fail(diag.DeployNoOutput, o.Output)
	}
	mpath := ManifestPath(o.SiteDir, o.Target.Name)
	m, err := LoadManifest(mpath, Where(o.Target))
	if err != nil {
		return res, err
	}
	if o.Full {
		m.Files = map[string]Entry{}
	}
	plan := makePlan(local, m, o.Output, o.BasePath)
	res.Plan, res.Unchanged = plan, plan.Unchanged
	r := &runner{o: o, m: m, total: len(plan.Send) + len(plan.Delete), totalBytes: plan.Bytes}
	r.emit(Event{Kind: Planned})
	if o.DryRun || r.total == 0 {
		r.emit(Event{Kind: Finished})
		return res, nil
	}
	tgt, err := open(ctx, o.Target, o, sec)
	if err != nil {
		return res, err
	}
	defer tgt.Close()
	r.t = tgt
	c, atomic := tgt.(committer)
	if !atomic {
		if err := m.openJournal(); err != nil {
			return res, err
		}
		defer m.closeJournal()
	}
	err = r.steps(ctx, plan)
	if err == nil && atomic {
		var keep []string
		sending := map[string]bool{}
		for _, s := range plan.Send {
			sending[s.Name] = true
		}
		for _, f := range local {
			if !sending[f.Name] {
				keep = append(keep, f.Name)
			}
		}
		if err = c.Commit(ctx, keep); err == nil {
			for _, name := range plan.Delete {
				m.record(name, nil)
			}
		}
	}
	res.Sent, res.Deleted, res.Bytes, res.Failures = r.sent, r.deleted, r.doneBytes, r.failures
	if err == nil {
		if serr := m.Save(); serr != nil {
			err = fail(diag.DeployManifestFailed, mpath, serr)
		}
	}
	r.emit(Event{Kind: Finished, Err: err})
	return res, err
}

// runner sends the steps of a plan and keeps count.
type runner struct {
	o Options
	m *Manifest
	t Target

	mu                    sync.Mutex
	done, total           int
	sent, deleted         int
	doneBytes, totalBytes int64
	failures              []error
}

func (r *runner) emit(e Event) {
	if r.o.Progress == nil {
		return
	}
	r.mu.Lock()
	defer r.mu.Unlock()
	r.emitLocked(e)
}

func (r *runner) emitLocked(e Event) {
	if r.o.Progress == nil {
		return
	}
	e.Done, e.Total, e.DoneBytes, e.TotalBytes = r.done, r.total, r.doneBytes, r.totalBytes
	r.o.Progress(e)
}

// steps runs the stages in order, each only after the previous one fully
// succeeded, then the deletions.
func (r *runner) steps(ctx context.Context, plan Plan) error {
	for lo := 0; lo < len(plan.Send); {
		hi := lo
		for hi < len(plan.Send) && plan.Send[hi].Stage == plan.Send[lo].Stage {
			hi++
		}
		if err := r.stage(ctx, len(plan.Send[lo:hi]), func(i int) func(context.Context) (string, error) {
			return r.put(plan.Send[lo+i])
		}); err != nil {
			return err
		}
		lo = hi
	}
	// Pages are deleted before what they used, and every page before
	// anything else (plan.Delete is in that order): two rounds.
	split := 0
	for split < len(plan.Delete) && isPage(plan.Delete[split]) {
		split++
	}
	for _, names := range [][]string{plan.Delete[:split], plan.Delete[split:]} {
		if err := r.stage(ctx, len(names), func(i int) func(context.Context) (string, error) {
			return r.del(names[i])
		}); err != nil {
			return err
		}
	}
	return nil
}

// stage runs n operations on the workers and waits for them all.
func (r *runner) stage(ctx context.Context, n int, op func(int) func(context.Context) (string, error)) error {
	if n == 0 {
		return nil
	}
	ctx, cancel := context.WithCancel(ctx)
	defer cancel()
	next := make(chan int)
	var wg sync.WaitGroup
	failed := 0
	for range min(r.o.Workers, n) {
		wg.Go(func() {
			for i := range next {
				f := op(i)
				name, err := f(ctx)
				if err != nil && ctx.Err() == nil {
					r.mu.Lock()
					failed++
					r.failures = append(r.failures, err)
					r.emitLocked(Event{Kind: Failed, File: name, Err: err})
					r.mu.Unlock()
				}
			}
		})
	}
feed:
	for i := range n {
		select {
		case next <- i:
		case <-ctx.Done():
			break feed
		}
	}
	close(next)
	wg.Wait()
	if ctx.Err() != nil {
		return &Error{Code: diag.DeployInterrupted, Args: []any{r.o.Target.Name, r.done, r.total}, Err: context.Cause(ctx)}
	}
	if failed > 0 {
		return fail(diag.DeployStopped, r.o.Target.Name, failed)
	}
	return nil
}

func (r *runner) put(s Step) func(context.Context) (string, error) {
	return func(ctx context.Context) (string, error) {
		local := localPath(r.o.Output, s.Name)
		h := Headers(s.Name)
		tries, err := retry(ctx, r.o.Tries, r.o.Wait, func(ctx context.Context) error {
			return r.t.Put(ctx, s.Name, local, s.Size, h)
		}, func(err error) { r.emit(Event{Kind: Retrying, File: s.Name, Err: err}) })
		if err != nil {
			return s.Name, fail(diag.DeployFileFailed, s.Name, tries, err)
		}
		if err := r.m.record(s.Name, &Entry{Hash: s.Hash, Size: s.Size}); err != nil {
			return s.Name, err
		}
		r.mu.Lock()
		r.done++
		r.sent++
		r.doneBytes += s.Size
		r.emitLocked(Event{Kind: Sent, File: s.Name, Bytes: s.Size})
		r.mu.Unlock()
		return s.Name, nil
	}
}

func (r *runner) del(name string) func(context.Context) (string, error) {
	return func(ctx context.Context) (string, error) {
		tries, err := retry(ctx, r.o.Tries, r.o.Wait, func(ctx context.Context) error {
			return r.t.Delete(ctx, name)
		}, func(err error) { r.emit(Event{Kind: Retrying, File: name, Err: err}) })
		if err != nil {
			return name, fail(diag.DeployDeleteFailed, name, tries, err)
		}
		if _, atomic := r.t.(committer); !atomic {
			if err := r.m.record(name, nil); err != nil {
				return name, err
			}
		}
		r.mu.Lock()
		r.done++
		r.deleted++
		r.emitLocked(Event{Kind: Deleted, File: name})
		r.mu.Unlock()
		return name, nil
	}
}
