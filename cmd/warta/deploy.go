package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"os/signal"
	"path/filepath"
	"sync"
	"syscall"
	"time"

	"github.com/dinsos-metro/warta"
	"github.com/dinsos-metro/warta/internal/build"
	"github.com/dinsos-metro/warta/internal/config"
	"github.com/dinsos-metro/warta/internal/deploy"
	"github.com/dinsos-metro/warta/internal/diag"
	"github.com/dinsos-metro/warta/internal/serve"
)

// runDeploy publishes the built site to a target of site.yaml's deploy:
// list; the work is in internal/deploy.
func runDeploy(args []string, stdout, stderr io.Writer) int {
	fl := flag.NewFlagSet("deploy", flag.ContinueOnError)
	fl.SetOutput(stderr)
	src := fl.String("src", ".", "site folder (holds site.yaml and content/)")
	out := fl.String("out", "", "the built site to deploy (default: public/ in the site folder)")
	target := fl.String("target", "", "name of the deploy target in site.yaml (needed when there are several)")
	doBuild := fl.Bool("build", false, "build the site first, as warta build does, and deploy only if the build succeeds")
	precompress := fl.Bool("precompress", false, "with --build: also write and send .gz and .br copies")
	dryRun := fl.Bool("dry-run", false, "list what would be sent and deleted, and change nothing")
	full := fl.Bool("full", false, "send every file again, ignoring the record of the last deploy (after the target was changed by hand)")
	quiet := fl.Bool("quiet", false, "print only problems")
	lang := fl.String("lang", "", "language of messages: id or en (default: the site's)")
	if err := fl.Parse(args); err != nil {
		return 2
	}
	if *out == "" {
		*out = filepath.Join(*src, "public")
	}
	cfg, ds := config.Load(os.DirFS(*src))
	l := *lang
	if l == "" {
		l = cfg.Language
	}
	var list diag.List
	list.Add(ds...)
	if list.Errors() > 0 {
		fmt.Fprint(stderr, list.Format(langOr(l)))
		return 1
	}
	tgt, err := deploy.Choose(cfg, *target)
	if err != nil {
		fmt.Fprintln(stderr, "warta:", deploy.Message(err, l))
		return 2
	}
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	defer stop()
	locked := false
	if !*dryRun {
		// From the build to the last file: a newsroom or scheduled publish
		// running now would otherwise see public/ swapped under it.
		unlock, err := deploy.Lock(ctx, *src, "warta deploy", false)
		if err != nil {
			fmt.Fprintln(stderr, "warta:", deploy.Message(err, l))
			return 1
		}
		defer unlock()
		locked = true
	}
	if *doBuild && !*dryRun {
		bargs := []string{"--src", *src, "--out", *out, "--quiet"}
		if *precompress {
			bargs = append(bargs, "--precompress")
		}
		if *lang != "" {
			bargs = append(bargs, "--lang", *lang)
		}
		if code := runBuild(bargs, stdout, stderr); code != 0 {
			return code
		}
	}
	bar := &deployBar{w: terminal(stderr), name: tgt.Name, lang: l}
	res, err := deploy.Run(ctx, deploy.Options{
		SiteDir: *src, Output: *out, Target: tgt, BasePath: cfg.Base.Path,
		DryRun: *dryRun, Full: *full, Progress: bar.event, Locked: locked,
	})
	bar.clear()
	for _, f := range res.Failures {
		fmt.Fprintln(stderr, "warta:", deploy.Message(f, l))
	}
	if *dryRun && err == nil {
		for _, line := range res.Plan.Lines(l) {
			fmt.Fprintln(stdout, "  "+line)
		}
	}
	if err != nil {
		fmt.Fprintln(stderr, "warta:", deploy.Message(err, l))
		if errors.Is(err, context.Canceled) {
			return 130
		}
		return 1
	}
	if !*quiet || *dryRun {
		fmt.Fprintln(stdout, "warta:", res.Summary(l, *dryRun))
	}
	return 0
}

// deployBar is the progress line on a terminal: files and bytes so far,
// rewritten in place at most ten times a second.
type deployBar struct {
	w     io.Writer // nil: not a terminal
	name  string
	lang  string
	mu    sync.Mutex
	last  time.Time
	shown bool
}

func (b *deployBar) event(e deploy.Event) {
	if b.w == nil || e.Total == 0 {
		return
	}
	b.mu.Lock()
	defer b.mu.Unlock()
	if e.Kind != deploy.Finished && e.Done != e.Total && time.Since(b.last) < 100*time.Millisecond {
		return
	}
	b.last = time.Now()
	b.shown = true
	fmt.Fprintf(b.w, "\r\033[K%s", diag.New("", 0, diag.DeployProgress, b.name, e.Done, e.Total,
		deploy.Size(e.DoneBytes), deploy.Size(e.TotalBytes)).Message(b.lang))
}

func (b *deployBar) clear() {
	b.mu.Lock()
	defer b.mu.Unlock()
	if b.shown {
		fmt.Fprint(b.w, "\r\033[K")
	}
}

// scheduleFor is warta serve's schedule of pages dated in the future.
// With a deploy target, each one's time builds public/ (as warta build)
// and deploys it; without one, the preview is rebuilt, which matters
// only when it leaves future pages out (--future=false).
func scheduleFor(src, target string, future bool, lang string, log io.Writer) (*serve.Schedule, error) {
	root, err := os.OpenRoot(src)
	if err != nil {
		return nil, err
	}
	sch := &serve.Schedule{Source: root.FS(), Log: log, Lang: langOr(lang)}
	if target == "" {
		if future {
			return nil, nil
		}
		return sch, nil
	}
	cfg, ds := config.Load(root.FS())
	var list diag.List
	list.Add(ds...)
	if list.Errors() > 0 {
		return nil, errors.New(list.Format(langOr(lang)))
	}
	tgt, err := deploy.Choose(cfg, target)
	if err != nil {
		return nil, errors.New(deploy.Message(err, langOr(lang)))
	}
	out := filepath.Join(src, "public")
	pub := serve.Publish{
		Build: build.Options{Source: root.FS(), Theme: warta.Theme, Dir: src, Tool: toolOnce()},
		Out:   out, SiteDir: src, Target: tgt, Log: log, Lang: langOr(lang),
		BeforeSwap: func() { forgetState(src, out) },
	}
	sch.Due = func(ctx context.Context, page string) error { return pub.Run(ctx, time.Now()) }
	return sch, nil
}
