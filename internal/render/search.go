package render

import (
	"slices"
	"strings"
	"sync"

	"github.com/dinsos-metro/warta/internal/content"
	"github.com/dinsos-metro/warta/internal/diag"
	"github.com/dinsos-metro/warta/internal/search"
	"github.com/dinsos-metro/warta/internal/site"
)

// Search: the index (internal/search) and the search page.
//
// A page's text is read once, when its body is rendered in the first
// wave; only its stems are kept (searchState), in the render State, so a
// page that is not rendered again still has them next time. The index is
// built in the second wave from those stems and the pages' fields, and
// written into assets/search/<version>/; the search page, in the third,
// names that folder.

// searchPath is the search page.
const searchPath = "/cari/"

// searchFolder holds the index's folders.
const searchFolder = "assets/search/"

// SearchView is what the search page shows besides the form: the lists to
// browse without JavaScript, and the index to load with it.
type SearchView struct {
	Index     string // URL of the index's meta.js
	Kinds     []TermView
	Levels    []TermView
	Districts []TermView
	Topics    []TermView
}

// searchState is what the index keeps between renders. A page's stems
// are kept as numbers of one search.Dict, shared with the previous render's
// State, so that a build does not hold the text of every page's stems.
type searchState struct {
	mu      sync.Mutex
	dict    *search.Dict
	terms   map[string]search.Stems // by page job id: the stems of the page's text
	version string                  // the index's folder
}

func (s *searchState) get(id string) (search.Stems, bool) {
	if s == nil {
		return search.Stems{}, false
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	t, ok := s.terms[id]
	return t, ok
}

func (s *searchState) put(id string, terms search.Stems) {
	s.mu.Lock()
	if s.terms == nil {
		s.terms = map[string]search.Stems{}
	}
	s.terms[id] = terms
	s.mu.Unlock()
}

// pack keeps terms (as search.Terms gives them) in s's Dict: prev's, when
// there is a previous State, so that the two share the numbers. prev may
// be s (an Update renders into the State it skips from).
func (s *searchState) pack(prev *searchState, terms string) search.Stems {
	s.mu.Lock()
	if s.dict == nil && prev != nil && prev != s {
		prev.mu.Lock()
		s.dict = prev.dict
		prev.mu.Unlock()
	}
	if s.dict == nil {
		s.dict = search.NewDict()
	}
	d := s.dict
	s.mu.Unlock()
	return d.Pack(terms)
}

// texts returns the stems of every page as text, for the saved State;
// the caller holds s.mu.
func (s *searchState) texts() map[string]string {
	out := make(map[string]string, len(s.terms))
	for id, t := range s.terms {
		out[id] = t.String()
	}
	return out
}

// load keeps the stems of a saved State; the caller holds s.mu or is
// the only one to see s.
func (s *searchState) load(texts map[string]string) {
	s.dict = search.NewDict()
	s.terms = make(map[string]search.Stems, len(texts))
	for id, t := range texts {
		s.terms[id] = s.dict.Pack(t)
	}
}

func (s *searchState) setVersion(v string) {
	s.mu.Lock()
	s.version = v
	s.mu.Unlock()
}

func (s *searchState) getVersion() string {
	if s == nil {
		return ""
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.version
}

// prevSearch is the previous render's search state, if any.
func (r *Renderer) prevSearch() *searchState {
	if r.opt.Prev == nil {
		return nil
	}
	return &r.opt.Prev.search
}

// keepSearchText keeps the stems of a single page's rendered body.
func (r *Renderer) keepSearchText(p *site.Page, body []byte) {
	switch p.Kind {
	case content.KindNews, content.KindModule, content.KindGallery, content.KindPage:
		r.state.search.put(OutputPath(p.URL), r.state.search.pack(r.prevSearch(), search.TermsOfHTML(body)))
	}
}

// searchCache keeps a tracking Renderer's index documents, so that Update
// makes again only those of the pages it rendered.
type searchCache struct {
	mu    sync.Mutex
	docs  []search.Doc
	sums  []uint64        // a fingerprint of each doc
	pos   map[string]int  // page job id → place in docs
	stale map[string]bool // ids whose doc is made again
}

// changed marks a page whose document Update must make again.
func (c *searchCache) changed(id string) {
	c.mu.Lock()
	if c.stale == nil {
		c.stale = map[string]bool{}
	}
	c.stale[id] = true
	c.mu.Unlock()
}

// searchDocs lists every single page for the index: news newest first,
// modules by level, galleries, other pages; and a fingerprint of each.
func (r *Renderer) searchDocs() ([]search.Doc, []uint64) {
	c := &r.search
	c.mu.Lock()
	defer c.mu.Unlock()
	if c.docs != nil {
		for id := range c.stale {
			if i, ok := c.pos[id]; ok {
				c.docs[i], c.sums[i] = r.searchDoc(r.leafByID[id])
			}
		}
		c.stale = nil
		// A copy: the index builder compares with the docs it was given before.
		return slices.Clone(c.docs), c.sums
	}
	s := r.opt.Site
	pages := append([]*site.Page{}, s.News...)
	for _, l := range content.Levels {
		pages = append(pages, s.Modules[l]...)
	}
	pages = append(pages, s.Galleries...)
	pages = append(pages, s.Plain...)
	docs := make([]search.Doc, len(pages))
	sums := make([]uint64, len(pages))
	for i, p := range pages {
		docs[i], sums[i] = r.searchDoc(p)
	}
	if r.track.on {
		c.docs, c.sums, c.stale = slices.Clone(docs), sums, nil
		c.pos = make(map[string]int, len(pages))
		for i, p := range pages {
			c.pos[OutputPath(p.URL)] = i
		}
	}
	return docs, sums
}

// searchDoc is one page as the index sees it, and its fingerprint.
func (r *Renderer) searchDoc(p *site.Page) (search.Doc, uint64) {
	id := OutputPath(p.URL)
	terms, ok := r.state.search.get(id)
	if !ok {
		// Not rendered this time: what the last render kept.
		terms, _ = r.prevSearch().get(id)
		r.state.search.put(id, terms)
	}
	d := search.Doc{
		URL: strings.TrimPrefix(p.URL, "/"), Title: p.Title, Kind: p.Kind.String(),
		Summary: describe(p.Summary, ""), Stems: terms,
	}
	if !p.Date.IsZero() && p.Kind != content.KindPage {
		d.Date = r.lang.Date(p.Date)
	}
	switch {
	case p.News != nil:
		n := p.News
		d.Label = r.lang.T("news")
		d.Fields = append([]string{n.Location, n.District, n.Program, n.Author}, n.Tags...)
	case p.Module != nil:
		m := p.Module
		d.Level = m.Level
		d.Label = r.lang.T("module") + " · " + r.lang.T("level_"+m.Level)
		d.Fields = append(append([]string{r.lang.T("level_" + m.Level), r.lang.T("level_" + m.Level + "_long")}, m.Topics...), m.Objectives...)
	case p.Gallery != nil:
		g := p.Gallery
		d.Label = r.lang.T("galleries")
		d.Fields = []string{g.Location, g.District}
		for _, ph := range g.Photos {
			if g.Published(ph) {
				d.Fields = append(d.Fields, ph.Caption, ph.Alt)
			}
		}
	default:
		d.Label = r.lang.T("page_kind")
	}
	// The stems as text: their numbers differ from one run to the next.
	h := newHasher().str(d.URL, d.Title, d.Kind, d.Level, d.Label, d.Date, d.Summary)
	n := 0
	d.Stems.Each(func(t string) { h.str(t); n++ })
	h.int(n).int(len(d.Fields)).str(d.Fields...)
	return d, h.sum()
}

// searchIndexJob writes the index; its folder is named by a hash of its
// files, so what it writes is known once it has run.
func (r *Renderer) searchIndexJob() job {
	return func() []diag.Diagnostic {
		docs, sums := r.searchDocs()
		inputs := func(h *hasher) {
			h.int(len(sums))
			for _, s := range sums {
				h.u64(s)
			}
		}
		ds := r.cachedOutputs(searchFolder, "", inputs, func() ([]string, []diag.Diagnostic) {
			var ix *search.Index
			if r.opt.Search != nil {
				ix = r.opt.Search.Build(docs)
			} else {
				ix = search.Build(docs)
			}
			r.state.search.setVersion(ix.Version)
			dir := searchFolder + ix.Version + "/"
			var outputs []string
			var ds []diag.Diagnostic
			for name, data := range ix.Files {
				outputs = append(outputs, dir+name)
				if d := r.write(dir+name, data, ""); d != nil {
					ds = append(ds, *d)
				}
			}
			slices.Sort(outputs)
			return outputs, ds
		})()
		if r.state.search.getVersion() == "" {
			r.state.search.setVersion(r.prevSearch().getVersion()) // skipped: unchanged
		}
		return ds
	}
}

// searchPageJob renders the search page, after the index.
func (r *Renderer) searchPageJob() job {
	return func() []diag.Diagnostic {
		sv := r.searchView()
		return r.searchPage(sv)()
	}
}

func (r *Renderer) searchPage(sv *SearchView) job {
	inputs := func(h *hasher) {
		h.str(sv.Index)
		for _, list := range [][]TermView{sv.Kinds, sv.Levels, sv.Districts, sv.Topics} {
			h.int(len(list))
			for _, t := range list {
				h.str(t.Name, t.URL).int(t.Count)
			}
		}
	}
	id := OutputPath(searchPath)
	return r.cached(id, "search.html", []string{id}, inputs, func() []diag.Diagnostic {
		view := &PageView{
			Kind: "search", Title: r.lang.T("search_title"), URL: r.urls.Rel(searchPath),
			Permalink: r.urls.Abs(searchPath), Description: r.lang.T("search_hint"), OGType: "website",
		}
		data := &Data{Site: r.siteFor(searchPath), Page: view, Search: sv, Crumbs: []Link{{r.lang.T("home"), r.urls.Rel("/")}}}
		return r.page("search.html", searchPath, "", data)
	})
}

// searchView gathers the search page's lists.
func (r *Renderer) searchView() *SearchView {
	s := r.opt.Site
	sv := &SearchView{Index: r.urls.Rel(searchFolder + r.state.search.getVersion() + "/" + search.MetaFile)}
	modules := 0
	for _, l := range content.Levels {
		n := len(s.Modules[l])
		modules += n
		sv.Levels = append(sv.Levels, TermView{Name: r.lang.T("level_"+l+"_long") + " (" + r.lang.T("level_"+l) + ")", URL: r.urls.Rel("/modul/" + l + "/"), Count: n})
	}
	sv.Kinds = []TermView{
		{Name: r.lang.T("news"), URL: r.urls.Rel("/berita/"), Count: len(s.News)},
		{Name: r.lang.T("modules"), URL: r.urls.Rel("/modul/"), Count: modules},
		{Name: r.lang.T("galleries"), URL: r.urls.Rel("/galeri/"), Count: len(s.Galleries)},
	}
	for _, t := range s.Taxonomies {
		if t.Key == "district" {
			for _, term := range t.Terms {
				sv.Districts = append(sv.Districts, TermView{Name: term.Name, URL: r.urls.Rel(term.URL), Count: len(term.Pages)})
			}
		}
	}
	if tv := r.topicTaxonomy(); tv != nil {
		sv.Topics = tv.Terms
	}
	return sv
}
