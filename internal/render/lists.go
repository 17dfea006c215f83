package render

import (
	"html/template"
	"maps"
	"slices"
	"strconv"
	"strings"
	"sync"

	"github.com/dinsos-metro/warta/internal/content"
	"github.com/dinsos-metro/warta/internal/diag"
	"github.com/dinsos-metro/warta/internal/site"
)

// Home page block sizes.
const (
	homeNews      = 6
	homeModules   = 3
	homeGalleries = 3
)

// listJobs renders every page that lists other pages.
func (r *Renderer) listJobs() []job {
	s := r.opt.Site
	jobs := []job{r.searchIndexJob(), r.homeJob(), r.notFoundJob()}
	jobs = append(jobs, r.paginated(s.Sections["berita"], "news-list.html", s.News)...)
	jobs = append(jobs, r.paginated(s.Sections["galeri"], "gallery-list.html", s.Galleries)...)
	jobs = append(jobs, r.modulesJob())
	for _, l := range content.Levels {
		jobs = append(jobs, r.levelJob(l))
	}
	jobs = append(jobs, r.moduleListJobs()...)
	for _, t := range s.Taxonomies {
		jobs = append(jobs, r.taxonomyJob(t))
		for _, term := range t.Terms {
			jobs = append(jobs, r.termJobs(term)...)
		}
	}
	// Sections of plain pages (content/layanan/_index.md and its pages).
	for _, key := range slices.Sorted(maps.Keys(s.Sections)) {
		sec := s.Sections[key]
		if sec.Section == "berita" || sec.Section == "modul" || sec.Section == "galeri" {
			continue
		}
		var children []*site.Page
		for _, p := range s.Plain {
			if strings.HasPrefix(p.Path, key+"/") {
				children = append(children, p)
			}
		}
		jobs = append(jobs, r.paginated(sec, "section.html", children)...)
	}
	return jobs
}

// sectionJobs render the text of the home page and every section (their
// _index.md bodies) once, before the lists that show it, some of them on
// several pager pages.
func (r *Renderer) sectionJobs() []job {
	s := r.opt.Site
	r.sectionHTML = map[*site.Page]template.HTML{}
	var jobs []job
	for _, sec := range append([]*site.Page{s.Home}, mapValues(s.Sections)...) {
		jobs = append(jobs, func() []diag.Diagnostic {
			body, d := r.body(sec)
			if d != nil {
				return []diag.Diagnostic{*d}
			}
			r.sectionMu.Lock()
			r.sectionHTML[sec] = body
			r.sectionMu.Unlock()
			return nil
		})
	}
	return jobs
}

func mapValues(m map[string]*site.Page) []*site.Page {
	var out []*site.Page
	for _, k := range slices.Sorted(maps.Keys(m)) {
		out = append(out, m[k])
	}
	return out
}

// sectionView is the page view of a section, with its rendered text.
func (r *Renderer) sectionView(sec *site.Page, kind string) *PageView {
	r.sectionMu.Lock()
	body := r.sectionHTML[sec]
	r.sectionMu.Unlock()
	return &PageView{
		Kind:        kind,
		Title:       sec.Title,
		URL:         r.urls.Rel(sec.URL),
		Permalink:   r.urls.Abs(sec.URL),
		Description: describe(sec.Summary, r.site.Description),
		Content:     body,
		Params:      sec.Params,
		OGType:      "website",
	}
}

func (r *Renderer) homeJob() job {
	s := r.opt.Site
	inputs := func(h *hasher) {
		sectionInputs(h, s.Home)
		h.str(s.Config.Title)
		itemsInputs(h, s.News[:min(len(s.News), homeNews)])
		for _, l := range content.Levels {
			r.levelInputs(h, l, homeModules)
		}
		itemsInputs(h, s.Galleries[:min(len(s.Galleries), homeGalleries)])
		r.extraInputs(h, "/")
	}
	return r.cached("index.html", "home.html", []string{"index.html"}, inputs, func() []diag.Diagnostic {
		view := r.sectionView(s.Home, "home")
		view.JSONLD = r.siteJSONLD()
		if s.Home.Title == "" || s.Home.Title == s.Config.Title {
			view.Title = s.Config.Title
		}
		home := &HomeView{NewsURL: r.urls.Rel("/berita/"), GalleryURL: r.urls.Rel("/galeri/")}
		for _, p := range s.News[:min(len(s.News), homeNews)] {
			home.News = append(home.News, r.item(p))
		}
		for _, l := range content.Levels {
			home.Levels = append(home.Levels, r.level(l, true))
		}
		for _, p := range s.Galleries[:min(len(s.Galleries), homeGalleries)] {
			home.Galleries = append(home.Galleries, r.item(p))
		}
		for i := range home.Levels {
			home.Levels[i].Modules = home.Levels[i].Modules[:min(len(home.Levels[i].Modules), homeModules)]
		}
		data := &Data{Site: r.siteFor("/"), Page: view, Home: home, Extra: r.extra("/")}
		return r.page("home.html", "/", s.Home.File, data)
	})
}

func (r *Renderer) notFoundJob() job {
	return r.cached("404.html", "404.html", []string{"404.html"}, func(*hasher) {}, func() []diag.Diagnostic {
		view := &PageView{
			Kind:        "404",
			Title:       r.lang.T("not_found_title"),
			URL:         r.urls.Rel("/404.html"),
			Permalink:   r.urls.Abs("/404.html"),
			Description: r.lang.T("not_found_text"),
			OGType:      "website",
		}
		data := &Data{Site: r.siteFor("/404.html"), Page: view}
		return r.page("404.html", "/404.html", "layouts/404.html", data)
	})
}

// pageURL is the URL of page n of a list: /berita/, /berita/page/2/.
func pageURL(base string, n int) string {
	if n <= 1 {
		return base
	}
	return base + "page/" + strconv.Itoa(n) + "/"
}

// pageCount is how many pages a list of n items takes (at least one).
func pageCount(n, size int) int { return max(1, (n+size-1)/size) }

// paginated renders a list of pages over as many pager pages as it needs.
func (r *Renderer) paginated(sec *site.Page, tmpl string, pages []*site.Page) []job {
	size := r.opt.Site.Config.Pagination
	total := pageCount(len(pages), size)
	var jobs []job
	for n := 1; n <= total; n++ {
		id := OutputPath(pageURL(sec.URL, n))
		onPage := pages[(n-1)*size : min(n*size, len(pages))]
		inputs := func(h *hasher) {
			sectionInputs(h, sec)
			h.int(n).int(total)
			itemsInputs(h, onPage)
			for _, c := range r.crumbs(sec) {
				h.str(c.Title, c.URL)
			}
		}
		jobs = append(jobs, r.cached(id, tmpl, []string{id}, inputs, func() []diag.Diagnostic {
			view := r.sectionView(sec, "section")
			if n > 1 {
				view.Content = "" // the section's text shows on its first page only
				view.Title += " – " + pageLabel(r, n, total)
				view.Permalink = r.urls.Abs(pageURL(sec.URL, n))
				view.URL = r.urls.Rel(pageURL(sec.URL, n))
			}
			list := &ListView{Pager: r.pager(sec.URL, n, total)}
			for _, p := range pages[(n-1)*size : min(n*size, len(pages))] {
				list.Items = append(list.Items, r.item(p))
			}
			eagerFirst(list.Items)
			data := &Data{Site: r.siteFor(sec.URL), Page: view, List: list, Crumbs: r.crumbs(sec)}
			return r.page(tmpl, pageURL(sec.URL, n), sec.File, data)
		}))
	}
	return jobs
}

func pageLabel(r *Renderer, n, total int) string {
	return strings.Replace(strings.Replace(r.lang.T("page_n_of_m"), "%d", strconv.Itoa(n), 1), "%d", strconv.Itoa(total), 1)
}

func (r *Renderer) pager(base string, n, total int) *Pager {
	if total <= 1 {
		return nil
	}
	p := &Pager{Number: n, Total: total}
	if n > 1 {
		p.Prev = r.urls.Rel(pageURL(base, n-1))
	}
	if n < total {
		p.Next = r.urls.Rel(pageURL(base, n+1))
	}
	for i := 1; i <= total; i++ {
		// First, last and two around the current page; the rest collapse.
		if i == 1 || i == total || (i >= n-2 && i <= n+2) {
			p.Pages = append(p.Pages, PagerLink{Number: i, URL: r.urls.Rel(pageURL(base, i)), Current: i == n})
		} else if len(p.Pages) > 0 && p.Pages[len(p.Pages)-1].Number != 0 {
			p.Pages = append(p.Pages, PagerLink{}) // an ellipsis
		}
	}
	return p
}

// itemMemo keeps each page's list entry for the lists of one wave: the
// same page is in many lists, and its entry (with the cover's derivatives
// and, in the theme, its executed card) is made once.
type itemMemo struct {
	mu    sync.Mutex
	items map[*site.Page]*memoItem
}

type memoItem struct {
	once sync.Once
	it   Item
}

// reset forgets every entry: a page changed (Update), or the lists are done.
func (m *itemMemo) reset() {
	m.mu.Lock()
	m.items = nil
	m.mu.Unlock()
}

// item is a page as an entry of a list, made once until the memo is reset.
func (r *Renderer) item(p *site.Page) Item {
	m := &r.items
	m.mu.Lock()
	e := m.items[p]
	if e == nil {
		if m.items == nil {
			m.items = map[*site.Page]*memoItem{}
		}
		e = &memoItem{}
		m.items[p] = e
	}
	m.mu.Unlock()
	e.once.Do(func() {
		e.it = r.newItem(p)
		e.it.cardMemo = &cardMemo{}
	})
	return e.it
}

func (r *Renderer) newItem(p *site.Page) Item {
	it := Item{
		Kind:    p.Kind.String(),
		Title:   p.Title,
		URL:     r.urls.Rel(p.URL),
		Summary: describe(p.Summary, ""),
		Date:    p.Date,
	}
	switch {
	case p.News != nil:
		it.Location, it.District = p.News.Location, p.News.District
		if p.News.Cover != "" {
			it.Cover = r.image(p, p.News.Cover, p.News.CoverAlt)
		}
	case p.Module != nil:
		it.Level, it.LevelName = p.Module.Level, r.lang.T("level_"+p.Module.Level)
		it.Ages, it.Duration, it.Topics = p.Module.Ages, p.Module.Duration, p.Module.Topics
	case p.Gallery != nil:
		it.Location, it.District = p.Gallery.Location, p.Gallery.District
		photos := r.photos(p)
		it.PhotoCount = len(photos)
		if len(photos) > 0 {
			c := photos[0].Image
			it.Cover = &c
		}
	}
	return it
}

// levelRef names a school level, for a module's badge.
func (r *Renderer) levelRef(code string) LevelView {
	lv := LevelView{
		Code:  code,
		Name:  r.lang.T("level_" + code),
		Long:  r.lang.T("level_" + code + "_long"),
		URL:   r.urls.Rel("/modul/" + code + "/"),
		Count: len(r.opt.Site.Modules[code]),
	}
	if sec := r.opt.Site.Sections["modul/"+code]; sec != nil {
		if a, ok := sec.Params["ages"].(string); ok {
			lv.Ages = a
		}
	}
	return lv
}

// level describes a school level with its section's summary (rendered in
// the first wave); with modules, it lists them too.
func (r *Renderer) level(code string, withModules bool) LevelView {
	s := r.opt.Site
	lv := r.levelRef(code)
	if sec := s.Sections["modul/"+code]; sec != nil {
		lv.Description = sec.Summary
	}
	if withModules {
		for _, m := range s.Modules[code] {
			lv.Modules = append(lv.Modules, r.item(m))
		}
	}
	return lv
}

func (r *Renderer) modulesJob() job {
	sec := r.opt.Site.Sections["modul"]
	id := OutputPath(sec.URL)
	inputs := func(h *hasher) {
		sectionInputs(h, sec)
		for _, l := range content.Levels {
			r.levelInputs(h, l, len(r.opt.Site.Modules[l]))
		}
	}
	return r.cached(id, "module-index.html", []string{id}, inputs, func() []diag.Diagnostic {
		view := r.sectionView(sec, "section")
		var levels []LevelView
		for _, l := range content.Levels {
			levels = append(levels, r.level(l, true))
		}
		data := &Data{Site: r.siteFor(sec.URL), Page: view, Levels: levels, Crumbs: r.crumbs(sec)}
		data.Taxonomy = r.topicTaxonomy()
		return r.page("module-index.html", sec.URL, sec.File, data)
	})
}

func (r *Renderer) levelJob(code string) job {
	sec := r.opt.Site.Sections["modul/"+code]
	id := OutputPath(sec.URL)
	inputs := func(h *hasher) {
		r.levelInputs(h, code, len(r.opt.Site.Modules[code]))
		for _, c := range r.crumbs(sec) {
			h.str(c.Title, c.URL)
		}
		r.levelBundleInputs(h, code)
	}
	return r.cached(id, "module-level.html", append([]string{id}, r.levelOutputs(code)...), inputs, func() []diag.Diagnostic {
		lv := r.level(code, true)
		view := r.sectionView(sec, "level")
		view.Level = &lv
		data := &Data{Site: r.siteFor(sec.URL), Page: view, List: &ListView{Items: lv.Modules}, Crumbs: r.crumbs(sec)}
		ds := r.levelExtras(code, data)
		return append(ds, r.page("module-level.html", sec.URL, sec.File, data)...)
	})
}

var taxonomyTitles = map[string]string{"district": "districts", "program": "programs", "tags": "tags"}

func (r *Renderer) taxonomyJob(t *site.Taxonomy) job {
	base := "/" + t.Base + "/"
	id := OutputPath(base)
	inputs := func(h *hasher) {
		h.str(t.Key, t.Base).int(len(t.Terms))
		for _, term := range t.Terms {
			h.str(term.Name, term.URL).int(len(term.Pages))
		}
	}
	return r.cached(id, "taxonomy.html", []string{id}, inputs, func() []diag.Diagnostic {
		tv := &TaxonomyView{Key: t.Key, Title: r.lang.T(taxonomyTitles[t.Key]), URL: r.urls.Rel(base)}
		for _, term := range t.Terms {
			tv.Terms = append(tv.Terms, TermView{Name: term.Name, URL: r.urls.Rel(term.URL), Count: len(term.Pages)})
		}
		view := &PageView{
			Kind: "taxonomy", Title: tv.Title, URL: tv.URL, Permalink: r.urls.Abs(base),
			Description: tv.Title + " – " + r.site.Title, OGType: "website",
		}
		data := &Data{Site: r.siteFor(base), Page: view, Taxonomy: tv, Crumbs: []Link{{r.lang.T("home"), r.urls.Rel("/")}}}
		return r.page("taxonomy.html", base, "", data)
	})
}

func (r *Renderer) termJobs(term *site.Term) []job {
	size := r.opt.Site.Config.Pagination
	total := pageCount(len(term.Pages), size)
	var jobs []job
	for n := 1; n <= total; n++ {
		id := OutputPath(pageURL(term.URL, n))
		onPage := term.Pages[(n-1)*size : min(n*size, len(term.Pages))]
		inputs := func(h *hasher) {
			h.str(term.Taxonomy.Key, term.Taxonomy.Base, term.Name, term.URL).int(n).int(total)
			itemsInputs(h, onPage)
			if n == 1 {
				r.extraInputs(h, term.URL) // extend.go
			}
		}
		jobs = append(jobs, r.cached(id, "term.html", []string{id}, inputs, func() []diag.Diagnostic {
			tax := term.Taxonomy
			title := r.lang.T(strings.TrimSuffix(taxonomyTitles[tax.Key], "s")) + ": " + term.Name
			if tax.Key == "district" {
				title = r.lang.T("district") + " " + term.Name
			}
			view := &PageView{
				Kind: "term", Title: title, URL: r.urls.Rel(pageURL(term.URL, n)), Permalink: r.urls.Abs(pageURL(term.URL, n)),
				Description: r.lang.T("news_and_galleries") + ": " + term.Name, OGType: "website",
				Content: template.HTML(""),
			}
			if n > 1 {
				view.Title += " – " + pageLabel(r, n, total)
			}
			list := &ListView{Pager: r.pager(term.URL, n, total)}
			for _, p := range term.Pages[(n-1)*size : min(n*size, len(term.Pages))] {
				list.Items = append(list.Items, r.item(p))
			}
			base := "/" + tax.Base + "/"
			crumbs := []Link{{r.lang.T("home"), r.urls.Rel("/")}, {r.lang.T(taxonomyTitles[tax.Key]), r.urls.Rel(base)}}
			data := &Data{Site: r.siteFor(term.URL), Page: view, List: list, Crumbs: crumbs}
			if n == 1 {
				data.Extra = r.extra(term.URL)
			}
			return r.page("term.html", pageURL(term.URL, n), "", data)
		}))
	}
	return jobs
}
