// Package build runs a whole build as a flat list of named, timed stages:
//
//	config   read site.yaml
//	theme    minify and fingerprint assets, parse templates
//	load     read every content file (parallel)
//	assemble place pages in the site: URLs, sections, taxonomies
//	render   Markdown and templates for every page, lists, feeds (parallel)
//	publish  swap the finished site into place
//
// Each stage adds its problems to one list instead of stopping; the build
// goes on as far as it sensibly can so that one run reports everything, and
// nothing is published unless the list holds no errors.
package build

import (
	"context"
	"io/fs"
	"time"

	"github.com/dinsos-metro/warta/internal/assets"
	"github.com/dinsos-metro/warta/internal/config"
	"github.com/dinsos-metro/warta/internal/content"
	"github.com/dinsos-metro/warta/internal/diag"
	"github.com/dinsos-metro/warta/internal/markdown"
	"github.com/dinsos-metro/warta/internal/publish"
	"github.com/dinsos-metro/warta/internal/render"
	"github.com/dinsos-metro/warta/internal/site"
	"github.com/dinsos-metro/warta/internal/theme"
)

// Options describe one build.
type Options struct {
	// Source is the site folder: site.yaml, content/, layouts/, assets/.
	Source fs.FS
	// Theme is the built-in theme (layouts/ and assets/), used for every
	// file the site does not have itself. May be nil.
	Theme fs.FS
	// Sink receives the output.
	Sink publish.Sink
	// Drafts and Future include drafts and pages dated in the future.
	Drafts, Future bool
	// BaseURL overrides site.yaml's base_url.
	BaseURL string
	// NoMinify writes HTML, CSS and JS as they are, for debugging.
	NoMinify bool
	// Now is the build's clock (for future pages); zero means time.Now.
	Now time.Time
	// Workers bounds parallelism; 0 is one per CPU.
	Workers int
}

// Stage is one timed step of a build.
type Stage struct {
	Name     string
	Duration time.Duration
}

// Result describes a finished build, successful or not.
type Result struct {
	Config   *config.Config
	Pages    int // HTML pages written
	Files    int // all files written
	Sources  int // content pages read
	Sections int
	Stages   []Stage
	Duration time.Duration
	Diags    *diag.List
}

// Build runs every stage. The returned error is non-nil when the build
// failed; the Result's Diags always holds every problem found.
func Build(ctx context.Context, opt Options) (*Result, error) {
	start := time.Now()
	res := &Result{Diags: &diag.List{}}
	timed := func(name string, f func()) {
		t := time.Now()
		f()
		res.Stages = append(res.Stages, Stage{name, time.Since(t)})
	}
	layers := []fs.FS{opt.Source}
	if opt.Theme != nil {
		layers = append(layers, opt.Theme)
	}

	var cfg *config.Config
	timed("config", func() {
		var ds []diag.Diagnostic
		cfg, ds = config.Load(opt.Source)
		res.Diags.Add(ds...)
		if opt.BaseURL != "" {
			if d := cfg.SetBaseURL(opt.BaseURL); d != nil {
				d.File = "--base-url"
				res.Diags.Add(*d)
			}
		}
	})
	res.Config = cfg
	if opt.NoMinify {
		f := false
		cfg.Minify = &f
	}

	var (
		set *assets.Set
		thm *theme.Theme
	)
	timed("theme", func() {
		var mf *publish.Minifier
		if cfg.MinifyOutput() {
			mf = publish.NewMinifier()
		}
		var err error
		set, err = assets.Process(layers, mf)
		if err != nil {
			res.Diags.Add(diag.New(assets.Root, 0, diag.AssetFailed, err))
			return
		}
		var ds []diag.Diagnostic
		thm, ds = theme.Load(layers, render.Funcs(cfg, set))
		res.Diags.Add(ds...)
	})

	var pages []*content.Page
	timed("load", func() {
		var ds []diag.Diagnostic
		pages, ds = content.Load(ctx, opt.Source, content.Options{
			Location: cfg.Location, SlugDatePrefix: cfg.SlugDatePrefix, Drafts: opt.Drafts,
			RequireConsent: cfg.Privacy.ConsentRequired(),
		})
		res.Diags.Add(ds...)
		res.Sources = len(pages)
	})

	var s *site.Site
	timed("assemble", func() {
		now := opt.Now
		if now.IsZero() {
			now = time.Now()
		}
		var ds []diag.Diagnostic
		s, ds = site.Assemble(cfg, pages, site.Options{Future: opt.Future, Now: now})
		res.Diags.Add(ds...)
		res.Sections = len(s.Sections)
	})

	if res.Diags.Errors() > 0 || thm == nil {
		res.Duration = time.Since(start)
		return res, res.Diags.Err()
	}

	timed("render", func() {
		sink := opt.Sink
		if cfg.MinifyOutput() {
			sink = publish.Minify{Next: sink, M: publish.NewMinifier()}
		}
		r := render.New(render.Options{
			Site: s, Theme: thm, Markdown: markdown.New(markdown.Options{UnsafeHTML: cfg.Markup.UnsafeHTML}),
			Assets: set, Source: opt.Source, Sink: sink, Workers: opt.Workers,
		})
		stats, ds := r.Run(ctx)
		res.Diags.Add(ds...)
		res.Pages, res.Files = stats.Pages, stats.Files
	})
	res.Duration = time.Since(start)
	if err := ctx.Err(); err != nil {
		return res, err
	}
	return res, res.Diags.Err()
}
