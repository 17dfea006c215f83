// Package render turns the assembled site into files: it renders Markdown,
// fills the views, executes the theme's templates and hands every file to
// a publish.Sink.
//
// Rendering runs in two parallel waves. The first renders every single
// page (news, modules, galleries, plain pages) and copies its bundle files;
// rendering a page also yields its summary. The second renders everything
// that lists pages (home, sections, levels, taxonomies, feeds, sitemap),
// which needs those summaries. Page bodies are dropped as soon as they are
// rendered, so memory holds metadata, not the whole site.
package render

import (
	"bytes"
	"context"
	"html/template"
	"image"
	_ "image/gif" // image sizes for width/height attributes
	_ "image/jpeg"
	_ "image/png"
	"io/fs"
	"net/url"
	"runtime"
	"strings"
	"sync"
	"sync/atomic"

	_ "golang.org/x/image/webp"

	"github.com/dinsos-metro/warta/internal/assets"
	"github.com/dinsos-metro/warta/internal/diag"
	"github.com/dinsos-metro/warta/internal/i18n"
	"github.com/dinsos-metro/warta/internal/imageproc"
	"github.com/dinsos-metro/warta/internal/markdown"
	"github.com/dinsos-metro/warta/internal/publish"
	"github.com/dinsos-metro/warta/internal/scrub"
	"github.com/dinsos-metro/warta/internal/search"
	"github.com/dinsos-metro/warta/internal/site"
	"github.com/dinsos-metro/warta/internal/theme"
)

// Options are what rendering needs.
type Options struct {
	Site     *site.Site
	Theme    *theme.Theme
	Markdown *markdown.Renderer
	Assets   *assets.Set
	Source   fs.FS // the site folder, for bundle files
	Sink     publish.Sink
	Workers  int // 0: one per CPU

	// Prev is the State of the previous render of the same site; jobs whose
	// inputs did not change are skipped. Nil renders everything.
	Prev *State
	// Generation fingerprints what every page depends on: the settings and
	// the assets. It is part of every job's fingerprint.
	Generation uint64
	// PDF prints module pages (internal/pdf); nil makes no PDFs.
	PDF Printer
	// Images makes the resized copies of pictures (images.go); nil
	// publishes pictures as they are.
	Images *imageproc.Processor
	// Track keeps what Update needs: every job and the pages it shows.
	Track bool
	// Search builds the search index; a search.Builder kept between
	// renders reuses what did not change. Nil builds it afresh.
	Search IndexBuilder
	// Extensions add their own pages and files (extend.go).
	Extensions []Extension
	// Scrub cleans the bundle files published as they are (scrub.go);
	// nil cleans them in memory with the site's settings.
	Scrub *scrub.Cleaner
}

// IndexBuilder builds the search index.
type IndexBuilder interface {
	Build(docs []search.Doc) *search.Index
}

// Stats counts what was written.
type Stats struct {
	Pages   int // HTML pages
	Files   int // every file, pages included
	Skipped int // jobs whose inputs had not changed
}

// Renderer renders one build.
type Renderer struct {
	opt  Options
	lang i18n.Lang
	urls URLs
	site *SiteView

	sectionMu   sync.Mutex
	sectionHTML map[*site.Page]template.HTML

	dimsMu sync.Mutex
	dims   map[string][2]int

	pages, files, skipped atomic.Int64
	diags                 diag.List
	state                 *State
	gen                   uint64 // fingerprint of what every page depends on
	urlMapOnce            sync.Once
	urlMap                uint64
	leafByID              map[string]*site.Page // single pages by job id, for their summaries
	mods                  moduleState
	imgs                  imageState
	track                 tracker // update.go
	// heavy lets one job at a time hold a large part of the site in
	// memory (a level's zip holds every module page of the level): the
	// peak is that of one, and the other workers have list pages to do
	// meanwhile. At 10,000 news it took the peak from about 400 to 330 MiB.
	heavy  sync.Mutex
	search searchCache // search.go
	items  itemMemo    // list entries (lists.go)
	// scrub cleans bundle files; published is the site's files as they
	// are published (scrub.go).
	scrub     *scrub.Cleaner
	published fs.FS
}

// New prepares a Renderer.
func New(opt Options) *Renderer {
	if opt.Workers <= 0 {
		opt.Workers = runtime.GOMAXPROCS(0)
	}
	cfg := opt.Site.Config
	r := &Renderer{
		opt:      opt,
		lang:     i18n.Lang(cfg.Language),
		urls:     NewURLs(cfg.Base),
		dims:     map[string][2]int{},
		state:    NewState(),
		leafByID: map[string]*site.Page{},
	}
	r.track.on = opt.Track
	r.scrub = cleaner(opt)
	r.published = r.scrub.FS()
	r.site = r.siteView()
	// The footer's year follows the newest page, so it belongs to every page.
	r.gen = newHasher().u64(opt.Generation).int(r.site.Year).sum()
	return r
}

// Run renders the whole site.
func (r *Renderer) Run(ctx context.Context) (Stats, []diag.Diagnostic) {
	r.diags.Add(checkCollisions(r.opt.Site, r.opt.Assets)...)
	if r.diags.Errors() > 0 {
		return Stats{}, r.diags.Items()
	}
	r.track.recording = r.track.on
	r.mods.streaming = !r.track.on // see levelArchive
	r.writeAssets()
	r.track.setWave(1)
	leaves := r.leafJobs()
	r.parallel(ctx, append(leaves, r.sectionJobs()...))
	r.track.setWave(2)
	r.parallel(ctx, append(r.listJobs(), r.extensionJobs()...))
	r.dropLevelArchives() // of levels whose job was carried over
	r.items.reset()       // the cards' bytes are not needed after the lists
	r.track.setWave(3)
	r.parallel(ctx, []job{r.feedJob(), r.sitemapJob(), r.robotsJob(), r.searchPageJob()})
	r.track.recording = false
	if err := ctx.Err(); err != nil {
		r.diags.Add(diag.New("", 0, diag.OutputFailed, err))
	}
	return Stats{Pages: int(r.pages.Load()), Files: int(r.files.Load()), Skipped: int(r.skipped.Load())}, r.diags.Items()
}

// State is what this render leaves for the next one.
func (r *Renderer) State() *State { return r.state }

// job renders one or more output files.
type job func() []diag.Diagnostic

func (r *Renderer) parallel(ctx context.Context, jobs []job) {
	next := make(chan job)
	var wg sync.WaitGroup
	for range min(r.opt.Workers, max(len(jobs), 1)) {
		wg.Go(func() {
			for j := range next {
				r.diags.Add(j()...)
			}
		})
	}
	for _, j := range jobs {
		select {
		case next <- j:
		case <-ctx.Done():
		}
		if ctx.Err() != nil {
			break
		}
	}
	close(next)
	wg.Wait()
}

// page executes a template and writes the page at urlPath.
func (r *Renderer) page(tmpl, urlPath, source string, data *Data) []diag.Diagnostic {
	buf := pageBuffers.Get().(*bytes.Buffer)
	defer func() {
		if buf.Cap() <= 1<<20 {
			buf.Reset()
			pageBuffers.Put(buf)
		}
	}()
	if err := r.opt.Theme.Execute(buf, tmpl, data); err != nil {
		d := theme.ExecError(err, tmpl, urlPath)
		return []diag.Diagnostic{d}
	}
	if err := r.write(OutputPath(urlPath), buf.Bytes(), source); err != nil {
		return []diag.Diagnostic{*err}
	}
	r.pages.Add(1)
	return nil
}

// pageBuffers hold pages while they are rendered; every Sink is done with
// the bytes when Write returns (Memory keeps a copy).
var pageBuffers = sync.Pool{New: func() any {
	b := new(bytes.Buffer)
	b.Grow(32 << 10)
	return b
}}

func (r *Renderer) write(name string, data []byte, source string) *diag.Diagnostic {
	if err := r.opt.Sink.Write(name, data); err != nil {
		d := diag.New(source, 0, diag.OutputFailed, err)
		return &d
	}
	r.files.Add(1)
	return nil
}

func (r *Renderer) copy(name, srcPath string) *diag.Diagnostic {
	if err := r.opt.Sink.Copy(name, r.published, srcPath); err != nil {
		d := diag.New(srcPath, 0, diag.OutputFailed, err)
		return &d
	}
	r.files.Add(1)
	return nil
}

func (r *Renderer) writeAssets() {
	names := r.opt.Assets.Files()
	r.diags.Add(r.cached("assets/", "", names, func(h *hasher) { h.str(names...) }, func() []diag.Diagnostic {
		var ds []diag.Diagnostic
		for _, name := range names {
			if d := r.write(name, r.opt.Assets.Data(name), assets.Root+"/"); d != nil {
				ds = append(ds, *d)
			}
		}
		return ds
	})()...)
}

// imageSize reads a bundle image's dimensions (the header only), once.
func (r *Renderer) imageSize(srcPath string) (int, int) {
	r.dimsMu.Lock()
	d, ok := r.dims[srcPath]
	r.dimsMu.Unlock()
	if ok {
		return d[0], d[1]
	}
	f, err := r.opt.Source.Open(srcPath)
	if err == nil {
		cfg, _, derr := image.DecodeConfig(f)
		f.Close()
		if derr == nil {
			d = [2]int{cfg.Width, cfg.Height}
		}
	}
	r.dimsMu.Lock()
	r.dims[srcPath] = d
	r.dimsMu.Unlock()
	return d[0], d[1]
}

// URLs turns site paths ("/berita/x/") into hrefs and absolute URLs.
type URLs struct {
	base *url.URL
}

// NewURLs uses the site's base URL.
func NewURLs(base *url.URL) URLs { return URLs{base: base} }

// Rel returns the href of a site path, with the base URL's path in front.
func (u URLs) Rel(p string) string {
	if strings.Contains(p, "://") || strings.HasPrefix(p, "mailto:") || strings.HasPrefix(p, "tel:") {
		return p
	}
	return u.base.Path + strings.TrimPrefix(p, "/")
}

// Abs returns the absolute URL of a site path.
func (u URLs) Abs(p string) string {
	if strings.Contains(p, "://") {
		return p
	}
	return u.base.Scheme + "://" + u.base.Host + u.Rel(p)
}

// OutputPath is the file a page URL is written to: "/berita/x/" →
// "berita/x/index.html".
func OutputPath(urlPath string) string {
	p := strings.TrimPrefix(urlPath, "/")
	if p == "" || strings.HasSuffix(p, "/") {
		return p + "index.html"
	}
	return p
}
