package render

import (
	"bytes"
	"cmp"
	"errors"
	"html/template"
	"io"
	"io/fs"
	"path"
	"slices"
	"strings"
	"sync"
	"time"

	"github.com/dinsos-metro/warta/internal/bundle"
	"github.com/dinsos-metro/warta/internal/content"
	"github.com/dinsos-metro/warta/internal/diag"
	"github.com/dinsos-metro/warta/internal/qrcode"
	"github.com/dinsos-metro/warta/internal/site"
	"github.com/dinsos-metro/warta/internal/slug"
	"github.com/dinsos-metro/warta/internal/theme"
	"github.com/klauspost/compress/flate"
)

// Lesson modules get more than a page:
//
//   - a zip, /modul/<level>/<slug>/<slug>.zip, holding the module's page
//     made self-contained (internal/bundle) and every published file of its
//     bundle, for a classroom without internet;
//   - with a Printer, a PDF of the page, <slug>.pdf, printed from the same
//     self-contained page with the site's print stylesheet; it is the main
//     download and goes into the zip too;
//   - per level, a zip of all its modules (modul-<level>.zip, with an
//     offline level page linking them) and an Atom feed (feed.xml);
//   - per topic, a page /modul/topik/<topic>/ listing the modules of every
//     level on that topic, and /modul/topik/ listing the topics.
//
// A module page shows the sizes of its downloads, and the zip holds the
// page, so the page is rendered twice: first without the zip (the copy that
// goes into the zip and the PDF), then, once the zip is made, with it.

// Printer prints a self-contained page to PDF.
type Printer interface {
	// Print returns the PDF of entry ("index.html") among files, a folder
	// (relative slash paths → bytes) holding the page and its pictures.
	Print(files map[string][]byte, entry string) ([]byte, error)
}

// ErrNoPrinter is what a Printer returns, once and for every page after,
// when its browser cannot run at all: the build says so once.
var ErrNoPrinter = errors.New("the browser for printing PDFs cannot start")

// topicBase is the folder of the topic pages.
const topicBase = "/modul/topik/"

// moduleState is what module jobs share within one render.
type moduleState struct {
	topicsOnce sync.Once
	topics     []*topic

	mu      sync.Mutex
	bundles map[*site.Page]*moduleBundle
	levels  map[string]*levelArchive // levelzip.go
	// streaming: module jobs hand their copies to the level archives (Run
	// of a one-shot build).
	streaming bool

	noPrinter sync.Once
}

// topic is one value of the modules' topics field.
type topic struct {
	Name, Slug, URL string
	Modules         []*site.Page // by level, then as the level lists them
}

// moduleTopics groups a site's modules by topic, sorted by slug; topics
// that slug alike are one topic, named as first written.
func moduleTopics(s *site.Site) []*topic {
	bySlug := map[string]*topic{}
	var out []*topic
	for _, l := range content.Levels {
		for _, p := range s.Modules[l] {
			for _, name := range p.Module.Topics {
				sl := slug.Make(name)
				if sl == "" {
					continue
				}
				t := bySlug[sl]
				if t == nil {
					t = &topic{Name: name, Slug: sl, URL: topicBase + sl + "/"}
					bySlug[sl] = t
					out = append(out, t)
				}
				if !slices.Contains(t.Modules, p) {
					t.Modules = append(t.Modules, p)
				}
			}
		}
	}
	slices.SortFunc(out, func(a, b *topic) int { return strings.Compare(a.Slug, b.Slug) })
	return out
}

func (r *Renderer) topics() []*topic {
	r.mods.topicsOnce.Do(func() { r.mods.topics = moduleTopics(r.opt.Site) })
	return r.mods.topics
}

func (r *Renderer) topicURL(name string) string {
	return r.urls.Rel(topicBase + slug.Make(name) + "/")
}

// moduleFiles names what warta makes for a module: zip and PDF, beside
// the page.
func moduleFiles(p *site.Page) (zip, pdf string) {
	return p.Slug + ".zip", p.Slug + ".pdf"
}

// levelZip is the name of a level's zip, in the level's folder.
func levelZip(code string) string { return "modul-" + code + ".zip" }

// moduleOutputs are the files a module's job writes besides the page and
// its bundle's files.
func (r *Renderer) moduleOutputs(p *site.Page) []string {
	if p.Module == nil {
		return nil
	}
	dir := strings.TrimPrefix(p.URL, "/")
	zip, pdf := moduleFiles(p)
	out := []string{dir + zip}
	if r.opt.PDF != nil {
		out = append(out, dir+pdf)
	}
	return out
}

// moduleInputs adds to a module's fingerprint what its bundles depend on
// besides the page itself.
func (r *Renderer) moduleInputs(h *hasher, p *site.Page) {
	h.bool(r.opt.PDF != nil)
}

// moduleExtras fills what a module page shows besides its fields: topic
// links, the QR code of its address, absolute URLs for print.
func (r *Renderer) moduleExtras(v *PageView, p *site.Page) {
	for _, t := range p.Module.Topics {
		if slug.Make(t) != "" {
			v.TopicLinks = append(v.TopicLinks, Link{t, r.topicURL(t)})
		}
	}
	for i := range v.Attachments {
		v.Attachments[i].Permalink = r.urls.Abs(p.URL + p.Module.Attachments[i].File)
	}
	if svg, err := qrcode.SVG(v.Permalink, r.lang.T("qr_label")); err == nil {
		v.QR = template.HTML(svg) //nolint:gosec // markup made by internal/qrcode, label escaped there
	}
}

// moduleBundle is a module's offline copy: its page as rendered for the
// zip (with site paths, before internal/bundle rewrites them) and the
// files that go with it, named inside the module's folder.
type moduleBundle struct {
	html   []byte // the offline page; deflated (packHTML) while it waits for its level's zip
	packed bool
	files  []bundle.File
	pdf    []byte
}

// pack deflates the offline page of a copy that is kept for later.
func (mb *moduleBundle) pack() {
	if !mb.packed {
		mb.html, mb.packed = packHTML(mb.html), true
	}
}

// page is the offline page as rendered.
func (mb *moduleBundle) page() ([]byte, error) {
	if !mb.packed {
		return mb.html, nil
	}
	return unpackHTML(mb.html)
}

// packHTML and unpackHTML keep a module's offline page small while it
// waits: serve keeps every module's copy between updates (at 7,500
// modules the pages as they were took about 200 MB), and a one-shot build
// the few that finish before a module ahead of them in their level's zip.
func packHTML(html []byte) []byte {
	var buf bytes.Buffer
	w := htmlPackers.Get().(*flate.Writer)
	w.Reset(&buf)
	_, _ = w.Write(html) // writes to memory do not fail
	_ = w.Close()
	htmlPackers.Put(w)
	return bytes.Clone(buf.Bytes())
}

func unpackHTML(packed []byte) ([]byte, error) {
	fr := flate.NewReader(bytes.NewReader(packed))
	defer fr.Close()
	return io.ReadAll(fr)
}

// htmlPackers reuse deflate writers: each holds several hundred KB.
var htmlPackers = sync.Pool{New: func() any {
	w, _ := flate.NewWriter(nil, flate.BestSpeed)
	return w
}}

// moduleLeaf renders a module: its bundle's files, the PDF, the zip, and
// the page that offers them.
func (r *Renderer) moduleLeaf(p *site.Page) []diag.Diagnostic {
	ds := r.copyResources(p)
	body, d := r.body(p)
	if d != nil {
		r.offerToLevel(p, nil)
		return append(ds, *d)
	}
	view := r.pageView(p, body)
	mb, bds := r.moduleBundle(p, view)
	ds = append(ds, bds...)
	defer func() { r.offerToLevel(p, mb) }() // after its own zip: see levelArchive
	if mb == nil {
		return ds
	}
	dir := strings.TrimPrefix(p.URL, "/")
	zipName, pdfName := moduleFiles(p)
	dl := &Downloads{}
	if mb.pdf != nil {
		if d := r.write(dir+pdfName, mb.pdf, p.File); d != nil {
			ds = append(ds, *d)
		}
		dl.PDF = r.download(p.URL, pdfName, int64(len(mb.pdf)), r.lang.T("download_pdf"))
	}
	html, outside, err := r.offlineModule(mb, p, p.Slug+"/", false, nil)
	ds = append(ds, outsideDiags(p.File, outside)...)
	if err == nil {
		files := append(bundle.Within(p.Slug, mb.files), bundle.File{Name: p.Slug + "/index.html", Data: html})
		var zip []byte
		if zip, err = bundle.ZipBytes(files); err == nil {
			if d := r.write(dir+zipName, zip, p.File); d != nil {
				ds = append(ds, *d)
			}
			dl.Zip = r.download(p.URL, zipName, int64(len(zip)), r.lang.T("download_zip"))
		}
	}
	if err != nil {
		ds = append(ds, diag.New(p.File, 0, diag.OutputFailed, err))
	}
	view.Downloads = dl
	data := &Data{Site: r.siteFor(p.URL), Page: view, Crumbs: r.crumbs(p)}
	return append(ds, r.page("module.html", p.URL, p.File, data)...)
}

// download describes one of the files warta makes for a page.
func (r *Renderer) download(pageURL, name string, size int64, title string) *Attachment {
	a := &Attachment{
		Title:     title,
		URL:       r.urls.Rel(pageURL + name),
		Permalink: r.urls.Abs(pageURL + name),
		File:      name,
		Type:      strings.ToUpper(strings.TrimPrefix(path.Ext(name), ".")),
	}
	if size > 0 {
		a.Size = r.lang.Bytes(size)
	}
	return a
}

// moduleBundle makes a module's offline copy and PDF, once per render:
// the level's zip asks again. view is nil when the module's own job did
// not run (nothing in it changed): the page is rendered again here.
func (r *Renderer) moduleBundle(p *site.Page, view *PageView) (*moduleBundle, []diag.Diagnostic) {
	r.mods.mu.Lock()
	mb := r.mods.bundles[p]
	r.mods.mu.Unlock()
	if mb != nil {
		return mb, nil
	}
	if view == nil {
		body, d := r.body(p)
		if d != nil {
			return nil, []diag.Diagnostic{*d}
		}
		view = r.pageView(p, body)
	}
	var ds []diag.Diagnostic
	mb = &moduleBundle{}
	for _, res := range publishedResources(p) {
		if _, err := r.scrub.Check(res.Path); err == nil { // one that cannot be cleaned is reported by the module's job (scrub.go)
			mb.files = append(mb.files, bundle.File{Name: res.Name, Src: r.published, Path: res.Path})
		}
	}
	offline := *view
	offline.Downloads = nil
	render := func() bool {
		data := &Data{Site: r.siteFor(p.URL), Page: &offline, Crumbs: r.crumbs(p)}
		html, d := r.execute("module.html", p.URL, data)
		if d != nil {
			ds = append(ds, *d)
			return false
		}
		mb.html = html // packed only if it waits (levelzip.go; serve)
		return true
	}
	_, pdfName := moduleFiles(p)
	if r.opt.PDF != nil {
		offline.Downloads = &Downloads{PDF: r.download(p.URL, pdfName, 0, r.lang.T("download_pdf"))}
		if !render() {
			return nil, ds
		}
		pdf, err := r.printModule(p, mb)
		switch {
		case errors.Is(err, ErrNoPrinter):
			r.mods.noPrinter.Do(func() { ds = append(ds, diag.Warn("", 0, diag.PDFNoBrowser, err)) })
		case err != nil:
			ds = append(ds, diag.Warn(p.File, 0, diag.PDFFailed, err))
		default:
			mb.pdf = pdf
			mb.files = append(mb.files, bundle.File{Name: pdfName, Data: pdf})
		}
		if mb.pdf == nil {
			offline.Downloads = nil
			mb.html = nil
		}
	}
	if mb.html == nil && !render() {
		return nil, ds
	}
	mb.files = bundle.Shared(mb.files) // compressed once for the module's zip and the level's
	if r.track.on {
		mb.pack() // kept for the next update
	}
	r.mods.mu.Lock()
	if r.mods.bundles == nil {
		r.mods.bundles = map[*site.Page]*moduleBundle{}
	}
	r.mods.bundles[p] = mb
	r.mods.mu.Unlock()
	return mb, ds
}

// printModule prints a module's offline page. Its links lead to the
// public site (a PDF travels without its folder); its pictures come from
// the bundle.
func (r *Renderer) printModule(p *site.Page, mb *moduleBundle) ([]byte, error) {
	html, _, err := r.offlineModule(mb, p, "", true, nil)
	if err != nil {
		return nil, err
	}
	files := map[string][]byte{"index.html": html}
	for _, f := range mb.files {
		if content.IsImage(f.Name) || path.Ext(f.Name) == ".svg" {
			data, err := fs.ReadFile(f.Src, f.Path)
			if err != nil {
				return nil, err
			}
			files[f.Name] = data
		}
	}
	return r.opt.PDF.Print(files, "index.html")
}

// offlineModule rewrites a module's page for a bundle where the module's
// files are in folder (e.g. "x/"). files maps site paths to paths in the
// bundle; nil means the module's own files only. A level's zip passes its
// map of every module, which holds this one's too: copying it for each
// module made a level's zip cost the square of its modules.
func (r *Renderer) offlineModule(mb *moduleBundle, p *site.Page, folder string, linksOnline bool, files map[string]string) ([]byte, []string, error) {
	if files == nil {
		files = map[string]string{p.URL: folder + "index.html"}
		for _, f := range mb.files {
			files[p.URL+f.Name] = folder + f.Name
		}
	}
	html, err := mb.page()
	if err != nil {
		return nil, nil, err
	}
	res, err := r.offline(files, linksOnline).Rewrite(html, p.URL, folder+"index.html")
	if err != nil {
		return nil, nil, err
	}
	return res.HTML, res.Outside, nil
}

func (r *Renderer) offline(files map[string]string, linksOnline bool) *bundle.Offline {
	return &bundle.Offline{
		Base:        r.opt.Site.Config.Base,
		Files:       files,
		LinksOnline: linksOnline,
		Asset: func(sitePath string) ([]byte, bool) {
			data := r.opt.Assets.Data(strings.TrimPrefix(sitePath, "/"))
			return data, data != nil
		},
	}
}

func outsideDiags(file string, outside []string) []diag.Diagnostic {
	var ds []diag.Diagnostic
	for _, o := range outside {
		ds = append(ds, diag.Warn(file, 0, diag.BundleOutside, o))
	}
	return ds
}

// execute renders a template into memory.
func (r *Renderer) execute(tmpl, urlPath string, data *Data) ([]byte, *diag.Diagnostic) {
	var buf bytes.Buffer
	if err := r.opt.Theme.Execute(&buf, tmpl, data); err != nil {
		d := theme.ExecError(err, tmpl, urlPath)
		return nil, &d
	}
	return buf.Bytes(), nil
}

// levelBundleInputs adds to a level page's fingerprint everything its zip
// holds: every module's page and files, and the topics it links to.
func (r *Renderer) levelBundleInputs(h *hasher, code string) {
	for _, p := range r.opt.Site.Modules[code] {
		r.leafInputs(h, p)
	}
	for _, t := range r.topics() {
		h.str(t.URL)
	}
}

// levelOutputs are the files a level page's job writes besides the page.
func (r *Renderer) levelOutputs(code string) []string {
	if len(r.opt.Site.Modules[code]) == 0 {
		return nil
	}
	return []string{"modul/" + code + "/" + levelZip(code)}
}

// levelExtras completes a level page: its topics, its feed, and the zip of
// all its modules, which it writes.
func (r *Renderer) levelExtras(code string, data *Data) []diag.Diagnostic {
	s := r.opt.Site
	sec := s.Sections["modul/"+code]
	lv := data.Page.Level
	lv.FeedURL = r.urls.Rel(sec.URL + "feed.xml")
	data.Page.Feeds = append(data.Page.Feeds, Link{r.site.Title + " – " + r.lang.T("modules") + " " + lv.Name, lv.FeedURL})
	mods := s.Modules[code]
	for _, t := range r.topics() {
		n := 0
		for _, p := range t.Modules {
			if p.Module.Level == code {
				n++
			}
		}
		if n > 0 {
			lv.Topics = append(lv.Topics, TermView{Name: t.Name, URL: r.urls.Rel(t.URL), Count: n})
		}
	}
	if len(mods) == 0 {
		return nil
	}

	r.heavy.Lock() // see Renderer.heavy
	defer r.heavy.Unlock()

	// The level's own page, offline, opens the zip.
	html, d := r.execute("module-level.html", sec.URL, data)
	if d != nil {
		return []diag.Diagnostic{*d}
	}
	zip, size, ds, err := r.finishLevel(code, html)
	if err != nil {
		return append(ds, diag.New(sec.File, 0, diag.OutputFailed, err))
	}
	name := levelZip(code)
	if zip != nil {
		if d := r.write(strings.TrimPrefix(sec.URL, "/")+name, zip, sec.File); d != nil {
			ds = append(ds, *d)
		}
	}
	data.Page.Downloads = &Downloads{Zip: r.download(sec.URL, name, size, r.lang.T("download_level_zip"))}
	return ds
}

// moduleListJobs are the topic pages and the level feeds.
func (r *Renderer) moduleListJobs() []job {
	var jobs []job
	for _, l := range content.Levels {
		jobs = append(jobs, r.levelFeedJob(l))
	}
	topics := r.topics()
	if len(topics) == 0 {
		return jobs
	}
	jobs = append(jobs, r.topicIndexJob(topics))
	for _, t := range topics {
		jobs = append(jobs, r.topicJob(t))
	}
	return jobs
}

func (r *Renderer) topicCrumbs() []Link {
	crumbs := []Link{{r.lang.T("home"), r.urls.Rel("/")}}
	if sec := r.opt.Site.Sections["modul"]; sec != nil {
		crumbs = append(crumbs, Link{sec.Title, r.urls.Rel(sec.URL)})
	}
	return crumbs
}

func (r *Renderer) topicIndexJob(topics []*topic) job {
	id := OutputPath(topicBase)
	inputs := func(h *hasher) {
		for _, c := range r.topicCrumbs() {
			h.str(c.Title, c.URL)
		}
		for _, t := range topics {
			h.str(t.Name, t.URL).int(len(t.Modules))
		}
	}
	return r.cached(id, "taxonomy.html", []string{id}, inputs, func() []diag.Diagnostic {
		tv := r.topicTaxonomy()
		view := &PageView{
			Kind: "taxonomy", Title: tv.Title, URL: tv.URL, Permalink: r.urls.Abs(topicBase),
			Description: tv.Title + " – " + r.site.Title, OGType: "website",
		}
		data := &Data{Site: r.siteFor(topicBase), Page: view, Taxonomy: tv, Crumbs: r.topicCrumbs()}
		return r.page("taxonomy.html", topicBase, "", data)
	})
}

func (r *Renderer) topicJob(t *topic) job {
	id := OutputPath(t.URL)
	inputs := func(h *hasher) {
		h.str(t.Name, t.URL)
		for _, c := range r.topicCrumbs() {
			h.str(c.Title, c.URL)
		}
		itemsInputs(h, t.Modules)
	}
	return r.cached(id, "topic.html", []string{id}, inputs, func() []diag.Diagnostic {
		title := r.lang.T("topic") + ": " + t.Name
		view := &PageView{
			Kind: "topic", Title: title, URL: r.urls.Rel(t.URL), Permalink: r.urls.Abs(t.URL),
			Description: r.lang.T("modules_on_topic") + ": " + t.Name, OGType: "website",
		}
		list := &ListView{}
		for _, p := range t.Modules {
			list.Items = append(list.Items, r.item(p))
		}
		crumbs := append(r.topicCrumbs(), Link{r.lang.T("module_topics"), r.urls.Rel(topicBase)})
		data := &Data{Site: r.siteFor(t.URL), Page: view, List: list, Crumbs: crumbs}
		return r.page("topic.html", t.URL, "", data)
	})
}

// levelFeedJob writes modul/<level>/feed.xml: the level's modules, newest
// first (by their date; undated ones in the level's order, after).
func (r *Renderer) levelFeedJob(code string) job {
	s := r.opt.Site
	sec := s.Sections["modul/"+code]
	id := strings.TrimPrefix(sec.URL, "/") + "feed.xml"
	mods := slices.Clone(s.Modules[code])
	slices.SortStableFunc(mods, func(a, b *site.Page) int { return b.Date.Compare(a.Date) })
	inputs := func(h *hasher) {
		h.str(sec.Title, sec.URL).time(s.Newest())
		itemsInputs(h, mods)
	}
	return r.cached(id, "", []string{id}, inputs, func() []diag.Diagnostic {
		fallback := s.Newest() // modules need no date; an entry needs one
		updated := fallback
		if len(mods) > 0 && !mods[0].Date.IsZero() {
			updated = mods[0].Date
		}
		name := r.lang.T("level_" + code)
		f := atomFeed{
			Lang:   s.Config.Language,
			Title:  s.Config.Title + " – " + r.lang.T("modules") + " " + name,
			ID:     r.urls.Abs(sec.URL),
			Author: atomAuthor{Name: s.Config.Department.Name},
			Links: []atomLink{
				{Href: r.urls.Abs(sec.URL + "feed.xml"), Rel: "self", Type: "application/atom+xml"},
				{Href: r.urls.Abs(sec.URL), Rel: "alternate", Type: "text/html"},
			},
			Updated: atomTime(updated),
		}
		for _, p := range mods {
			date := cmp.Or(p.Date, fallback)
			e := atomEntry{
				Title: p.Title, ID: r.urls.Abs(p.URL),
				Link:      atomLink{Href: r.urls.Abs(p.URL), Rel: "alternate", Type: "text/html"},
				Published: atomTime(date), Updated: atomTime(date),
				Summary: p.Summary,
			}
			for _, t := range p.Module.Topics {
				e.Category = append(e.Category, atomTerm{Term: t})
			}
			f.Entries = append(f.Entries, e)
		}
		return r.xmlFile(id, f)
	})
}

// moduleClaims lists what warta makes for modules, for the collision
// check: zips and PDFs beside module pages, level zips and feeds, topic
// pages.
func moduleClaims(s *site.Site) []string {
	var out []string
	for _, l := range content.Levels {
		sec := s.Sections["modul/"+l]
		if sec == nil {
			continue
		}
		dir := strings.TrimPrefix(sec.URL, "/")
		out = append(out, dir+"feed.xml")
		if len(s.Modules[l]) > 0 {
			out = append(out, dir+levelZip(l))
		}
		for _, p := range s.Modules[l] {
			zip, pdf := moduleFiles(p)
			d := strings.TrimPrefix(p.URL, "/")
			out = append(out, d+zip, d+pdf)
		}
	}
	if topics := moduleTopics(s); len(topics) > 0 {
		out = append(out, OutputPath(topicBase))
		for _, t := range topics {
			out = append(out, OutputPath(t.URL))
		}
	}
	return out
}

// topicSitemap lists the topic pages for the sitemap, each with the date
// of its newest module.
func topicSitemap(s *site.Site, add func(string, time.Time)) {
	topics := moduleTopics(s)
	if len(topics) == 0 {
		return
	}
	add(topicBase, time.Time{})
	for _, t := range topics {
		var newest time.Time
		for _, p := range t.Modules {
			if p.Date.After(newest) {
				newest = p.Date
			}
		}
		add(t.URL, newest)
	}
}

// topicTaxonomy lists every topic, for the module index.
func (r *Renderer) topicTaxonomy() *TaxonomyView {
	topics := r.topics()
	if len(topics) == 0 {
		return nil
	}
	tv := &TaxonomyView{Key: "topics", Title: r.lang.T("module_topics"), URL: r.urls.Rel(topicBase)}
	for _, t := range topics {
		tv.Terms = append(tv.Terms, TermView{Name: t.Name, URL: r.urls.Rel(t.URL), Count: len(t.Modules)})
	}
	return tv
}
