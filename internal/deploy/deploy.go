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
	"cmp"
	"context"
	"errors"
	"io/fs"
	"os"
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
	// Locked says the caller holds the site's publish lock (Lock) for
	// its build and this deploy; otherwise Run takes it for Who (default
	// "warta deploy") and fails at once when another publish holds it.
	Locked bool
	Who    string
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
	if !o.Locked && !o.DryRun {
		unlock, err := Lock(ctx, o.SiteDir, cmp.Or(o.Who, "warta deploy"), false)
		if err != nil {
			return res, err
		}
		defer unlock()
	}
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
