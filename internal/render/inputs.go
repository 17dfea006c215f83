package render

import (
	"github.com/dinsos-metro/warta/internal/site"
)

// The inputs functions add to a fingerprint everything a job's output
// depends on besides the template and the generation. Whatever a view
// shows must be hashed here; the incremental test (random edits, then a
// comparison with a fresh build) catches anything forgotten.
//
// Wherever a page's body shows through (its Sum, or the summary taken
// from its text), the page is also named with h.dep: Update re-renders
// exactly the jobs that named an edited page (update.go). A page whose
// title or date shows without its body (a link to it, the sitemap) is
// named with h.shows: Update re-renders those jobs too when only such
// fields changed (build's quick path checks that nothing moved). A list
// item shows both, and is named with dep.

func resourcesInputs(h *hasher, p *site.Page) {
	for _, res := range p.Resources {
		h.str(res.Name).u64(uint64(res.Size)).time(res.ModTime)
	}
}

func linkInputs(h *hasher, p *site.Page) {
	if p == nil {
		h.str("")
		return
	}
	h.shows(p).str(p.Title, p.URL)
}

// leafInputs covers a single page: its file, its bundle, its place in the
// site and everything of other pages that it shows.
func (r *Renderer) leafInputs(h *hasher, p *site.Page) {
	h.dep(p).u64(p.Sum).str(p.File, p.URL)
	if p.LinksFiles {
		h.u64(r.urlMapSum())
	}
	resourcesInputs(h, p)
	r.scrubInputs(h)
	for _, c := range r.crumbs(p) {
		h.str(c.Title, c.URL)
	}
	for _, t := range p.Terms {
		h.str(t.Taxonomy.Key, t.Name, t.URL)
	}
	linkInputs(h, p.Prev)
	linkInputs(h, p.Next)
	if g := p.GalleryPage; g != nil {
		linkInputs(h, g)
		galleryInputs(h, g)
	}
	h.int(len(p.Reports))
	for _, n := range p.Reports {
		linkInputs(h, n)
	}
	if p.Module != nil {
		h.int(len(r.opt.Site.Modules[p.Module.Level]))
		r.moduleInputs(h, p)
	}
}

func galleryInputs(h *hasher, g *site.Page) {
	resourcesInputs(h, g)
	h.int(len(g.Gallery.Photos))
	for _, ph := range g.Gallery.Photos {
		h.str(ph.File, ph.Caption, ph.Alt).bool(g.Gallery.Published(ph))
	}
}

// itemInputs covers a page as it shows in a list.
func itemInputs(h *hasher, p *site.Page) {
	h.dep(p).str(p.Kind.String(), p.Title, p.URL, p.Summary).time(p.Date)
	switch {
	case p.News != nil:
		h.str(p.News.Location, p.News.District, p.News.Cover, p.News.CoverAlt)
		resourcesInputs(h, p)
	case p.Module != nil:
		h.str(p.Module.Level, p.Module.Ages, p.Module.Duration).str(p.Module.Topics...)
	case p.Gallery != nil:
		h.str(p.Gallery.Location, p.Gallery.District)
		galleryInputs(h, p)
	}
}

func itemsInputs(h *hasher, pages []*site.Page) {
	h.int(len(pages))
	for _, p := range pages {
		itemInputs(h, p)
	}
}

// sectionInputs covers a section's own text and title.
func sectionInputs(h *hasher, sec *site.Page) {
	h.dep(sec).u64(sec.Sum).str(sec.Title, sec.URL, sec.Summary)
}

// levelInputs covers a level block: its section and its modules.
func (r *Renderer) levelInputs(h *hasher, code string, modules int) {
	s := r.opt.Site
	if sec := s.Sections["modul/"+code]; sec != nil {
		sectionInputs(h, sec)
	}
	list := s.Modules[code]
	h.int(len(list))
	itemsInputs(h, list[:min(len(list), modules)])
}

// urlMapSum fingerprints where every page is published, for pages that
// link to others by file. Computed once per render.
func (r *Renderer) urlMapSum() uint64 {
	r.urlMapOnce.Do(func() {
		h := newHasher()
		for _, p := range r.opt.Site.All {
			h.str(p.File, p.URL)
		}
		r.urlMap = h.sum()
	})
	return r.urlMap
}
