package build

import (
	"context"
	"crypto/sha256"
	"encoding/binary"
	"errors"
	"fmt"
	"io/fs"
	"maps"
	"path"
	"slices"
	"strings"
	"time"

	"github.com/dinsos-metro/warta/internal/assets"
	"github.com/dinsos-metro/warta/internal/config"
	"github.com/dinsos-metro/warta/internal/content"
	"github.com/dinsos-metro/warta/internal/diag"
	"github.com/dinsos-metro/warta/internal/imageproc"
	"github.com/dinsos-metro/warta/internal/markdown"
	"github.com/dinsos-metro/warta/internal/publish"
	"github.com/dinsos-metro/warta/internal/reach"
	"github.com/dinsos-metro/warta/internal/render"
	"github.com/dinsos-metro/warta/internal/scrub"
	"github.com/dinsos-metro/warta/internal/search"
	"github.com/dinsos-metro/warta/internal/site"
	"github.com/dinsos-metro/warta/internal/theme"
)

// Session holds one site's loaded state between builds.
type Session struct {
	opt    Options
	layers []fs.FS

	cfg      *config.Config
	cfgDiags []diag.Diagnostic
	set      *assets.Set
	thm      *theme.Theme
	thmDiags []diag.Diagnostic
	gen      uint64 // fingerprint of settings and assets

	pages     map[string]*content.Page     // by file
	loadDiags map[string][]diag.Diagnostic // by file ("" for the walk)
	state     *render.State

	images   *imageproc.Processor // see images.go
	scrub    *scrub.Cleaner       // bundle files published as they are (scrub.go)
	rendered *render.Renderer     // the last render, for the images stage
	quick    *quickState          // what the quick path of Update reuses (quick.go)
	search   render.IndexBuilder  // the search index, kept between runs
	edits    []edit               // pages read again in place by the last loadContent
	preview  *previewCache        // the site the last preview assembled (preview.go)
	drafts   map[string]bool      // files of the drafts left out (leftout.go)

	schools     []reach.School // data/sekolah.yaml, read with the settings
	schoolDiags []diag.Diagnostic
}

// Change says what changed on disk since the last build of a Session.
type Change struct {
	Config  bool     // site.yaml
	Layouts bool     // layouts/
	Assets  bool     // assets/
	Files   []string // content files changed in place (slash paths from the site folder)
	Rescan  bool     // content files created, removed or renamed: walk content/ again
}

// NewSession prepares a Session; nothing is read until Full.
func NewSession(opt Options) *Session {
	layers := []fs.FS{opt.Source}
	if opt.Theme != nil {
		layers = append(layers, opt.Theme)
	}
	return &Session{opt: opt, layers: layers}
}

// Full reads everything again and renders every output.
func (s *Session) Full(ctx context.Context) (*Result, error) {
	s.pages, s.state, s.quick = nil, s.opt.State, nil
	return s.run(ctx, Change{Config: true})
}

// Update applies a change: only what it touches is read again, and only
// outputs whose inputs changed are rendered.
func (s *Session) Update(ctx context.Context, ch Change) (*Result, error) {
	if s.cfg == nil {
		ch.Config = true
	}
	return s.run(ctx, ch)
}

func (s *Session) run(ctx context.Context, ch Change) (*Result, error) {
	start := time.Now()
	res := &Result{Diags: &diag.List{}}
	timed := func(name string, f func()) {
		t := time.Now()
		f()
		res.Stages = append(res.Stages, Stage{name, time.Since(t)})
	}
	if ch.Config {
		// Everything depends on the settings: read everything again. The
		// fingerprints include the settings, so the State stays valid.
		s.pages = nil
		ch.Layouts, ch.Assets = true, true
		timed("config", s.loadConfig)
	}
	res.Config = s.cfg
	res.Diags.Add(s.cfgDiags...)

	if ch.Layouts || ch.Assets {
		timed("theme", s.loadTheme)
	}
	res.Diags.Add(s.thmDiags...)

	quick := s.quick
	s.quick = nil // set again by a run that succeeds
	timed("load", func() { s.loadContent(ctx, ch) })
	if s.quickUpdate(ctx, quick, ch, res, timed) {
		res.Duration = time.Since(start)
		if err := ctx.Err(); err != nil {
			return res, err
		}
		return res, res.Diags.Err()
	}
	var pages []*content.Page
	for _, f := range slices.Sorted(maps.Keys(s.pages)) {
		pages = append(pages, s.pages[f])
	}
	for _, f := range slices.Sorted(maps.Keys(s.loadDiags)) {
		res.Diags.Add(s.loadDiags[f]...)
	}
	res.Sources = len(pages)

	var st *site.Site
	var exts []render.Extension
	timed("assemble", func() {
		now := s.opt.Now
		if now.IsZero() {
			now = time.Now()
		}
		var ds []diag.Diagnostic
		st, ds = site.Assemble(s.cfg, pages, site.Options{Future: s.opt.Future, Now: now})
		res.Diags.Add(ds...)
		s.leftOut(res, pages, now)
		ext, rds := s.reach(st)
		res.Diags.Add(rds...)
		exts = append(exts, ext)
		res.Sections = len(st.Sections)
	})

	if (res.Diags.Errors() > 0 && !s.opt.KeepGoing) || s.thm == nil {
		res.Duration = time.Since(start)
		return res, res.Diags.Err()
	}

	timed("render", func() {
		if s.opt.SizedMemoryLimit && !s.opt.Track {
			// Kept after rendering: the render state is saved and the
			// folders swapped afterwards, in the same process.
			sizedMemoryLimit(len(pages))
		}
		sink := s.opt.Sink
		if s.opt.Precompress {
			sink = publish.Precompress{Next: sink}
		}
		if s.cfg.MinifyOutput() {
			sink = publish.Minify{Next: sink, M: publish.NewMinifier()}
		}
		if s.opt.Relative || s.cfg.RelativeURLs {
			sink = publish.Relative{Next: sink, Base: s.cfg.Base.Path}
		}
		printer, donePrinting, pds := s.printer(ctx)
		res.Diags.Add(pds...)
		full := s.state == nil
		track := s.opt.Track && printer == nil // the printer does not outlive the run
		if track && s.search == nil {
			s.search = search.NewBuilder() // one render at a time: a Session is not shared
		}
		r := render.New(render.Options{
			Site: st, Theme: s.thm, Markdown: markdown.New(markdown.Options{UnsafeHTML: s.cfg.Markup.UnsafeHTML}),
			Assets: s.set, Source: s.opt.Source, Sink: sink, Workers: s.opt.Workers,
			Prev: s.state, Generation: s.gen, PDF: printer, Images: s.imageProcessor(),
			Track: track, Search: s.indexBuilder(track), Scrub: s.scrubber(), Extensions: exts,
		})
		stats, ds := r.Run(ctx)
		res.Diags.Add(ds...)
		donePrinting(full && res.Diags.Errors() == 0 && ctx.Err() == nil)
		s.pruneScrub(full && res.Diags.Errors() == 0 && ctx.Err() == nil)
		res.Pages, res.Files, res.Skipped = stats.Pages, stats.Files, stats.Skipped
		s.state = r.State()
		s.rendered = r
		if track {
			quick = &quickState{r: r, site: st}
		}
	})
	timed("images", func() { s.runImages(ctx, res) })
	if res.Diags.Errors() == 0 {
		res.State = s.state
		for name := range s.state.Outputs() {
			if strings.HasSuffix(name, ".html") {
				res.Total++
			}
		}
		if quick != nil && ctx.Err() == nil {
			quick.total = res.Total
			s.quick = quick
		}
	}
	res.Duration = time.Since(start)
	if err := ctx.Err(); err != nil {
		return res, err
	}
	return res, res.Diags.Err()
}

// Outputs lists every file the last successful render stands for.
func (s *Session) Outputs() map[string]bool {
	if s.state == nil {
		return nil
	}
	return s.state.Outputs()
}

func (s *Session) loadConfig() {
	var ds []diag.Diagnostic
	s.cfg, ds = config.Load(s.opt.Source)
	if s.opt.BaseURL != "" {
		if d := s.cfg.SetBaseURL(s.opt.BaseURL); d != nil {
			d.File = "--base-url"
			ds = append(ds, *d)
		}
	}
	if s.opt.NoMinify {
		f := false
		s.cfg.Minify = &f
	}
	s.cfgDiags = ds
	s.schools, s.schoolDiags = reach.LoadSchools(s.opt.Source, s.cfg) // data of the site, read like settings
}

// reach computes the program's reach (internal/reach): its checks of the
// schools pages name, and its pages and files as a render.Extension.
func (s *Session) reach(st *site.Site) (render.Extension, []diag.Diagnostic) {
	r, ds := reach.New(st, s.schools)
	ext, eds := reach.NewExtension(r, render.NewURLs(s.cfg.Base))
	return ext, append(append(slices.Clone(s.schoolDiags), ds...), eds...)
}

func (s *Session) loadTheme() {
	s.thmDiags = nil
	var mf *publish.Minifier
	if s.cfg.MinifyOutput() {
		mf = publish.NewMinifier()
	}
	set, err := assets.Process(s.layers, mf)
	if err != nil {
		s.set, s.thm = nil, nil
		s.thmDiags = []diag.Diagnostic{assetDiagnostic(err)}
		return
	}
	s.set = set
	s.thm, s.thmDiags = theme.Load(s.layers, render.Funcs(s.cfg, set))
	s.gen = s.generation()
}

// generation fingerprints what every page depends on: the settings as
// read (site.yaml and the flags) and the published asset names.
func (s *Session) generation() uint64 {
	h := sha256.New()
	raw, _ := fs.ReadFile(s.opt.Source, config.File)
	fmt.Fprintf(h, "%s\x00%s\x00%s\x00%v\x00%v\x00%v\x00", s.opt.Tool, raw, s.opt.BaseURL, s.opt.NoMinify, s.opt.Drafts, s.opt.Future)
	fmt.Fprintf(h, "%v\x00%v\x00", s.opt.Relative, s.opt.Precompress)
	for _, name := range s.set.Files() {
		h.Write([]byte(name))
	}
	return binary.LittleEndian.Uint64(h.Sum(nil))
}

func (s *Session) loadOptions() content.Options {
	return content.Options{
		Location: s.cfg.Location, SlugDatePrefix: s.cfg.SlugDatePrefix, Drafts: s.opt.Drafts,
		RequireConsent: s.cfg.Privacy.ConsentRequired(),
		// A one-shot build lets go of each page's Markdown once loaded and
		// reads it again when rendering (content.ReadBody): at 50k news
		// that is most of the live heap. `warta serve` keeps it, so a
		// file deleted or half-saved while a rebuild runs cannot fail the
		// pages made from what was loaded.
		DropBodies: !s.opt.Track,
		DropFields: !s.opt.Track, // the build reads only their lines after loading
	}
}

// loadContent reads what the change touched: everything on the first run,
// one file for an edit in place, a walk for anything else.
func (s *Session) loadContent(ctx context.Context, ch Change) {
	opt := s.loadOptions()
	s.edits = nil
	if s.pages == nil || ch.Rescan {
		s.edits = []edit{{rescan: true}}
		earlier := s.pages
		s.drafts = map[string]bool{}
		opt.LeftOut = s.noteDraft
		pages, ds := content.Rescan(ctx, s.opt.Source, opt, earlier)
		byFile := groupByFile(ds)
		next := make(map[string]*content.Page, len(pages))
		nextDiags := map[string][]diag.Diagnostic{}
		for _, p := range pages {
			next[p.File] = p
			if earlier != nil && earlier[p.File] == p {
				nextDiags[p.File] = s.loadDiags[p.File] // reused as it was
			}
		}
		for f, d := range byFile {
			nextDiags[f] = d
		}
		s.pages, s.loadDiags = next, nextDiags
		return
	}
	for _, f := range ch.Files {
		old := s.pages[f]
		if old == nil || !strings.HasSuffix(f, ".md") {
			// Not a page we know (a new file, a bundle's photo): walk again.
			s.loadContent(ctx, Change{Rescan: true})
			return
		}
		p, ds := content.Reload(s.opt.Source, old, opt)
		if p == nil {
			if _, err := fs.Stat(s.opt.Source, f); errors.Is(err, fs.ErrNotExist) {
				// Deleted since the watcher saw it saved: walk again.
				s.loadContent(ctx, Change{Rescan: true})
				return
			}
		}
		if p == old {
			continue
		}
		s.edits = append(s.edits, edit{file: f, old: old, new: p})
		delete(s.loadDiags, f)
		delete(s.drafts, f)
		switch {
		case p == nil:
			delete(s.pages, f)
		case p.Draft && !s.opt.Drafts:
			delete(s.pages, f)
			if s.drafts == nil {
				s.drafts = map[string]bool{}
			}
			s.drafts[f] = true
			continue // a draft's problems wait until it is published
		default:
			s.pages[f] = p
		}
		if len(ds) > 0 {
			s.loadDiags[f] = ds
		}
	}
}

func groupByFile(ds []diag.Diagnostic) map[string][]diag.Diagnostic {
	out := map[string][]diag.Diagnostic{}
	for _, d := range ds {
		out[d.File] = append(out[d.File], d)
	}
	return out
}

// ContentFile reports whether a slash path from the site folder is content.
func ContentFile(p string) bool { return strings.HasPrefix(path.Clean(p), content.Root+"/") }
