// Package site assembles loaded pages into the site's model: every page's
// URL, the sections and their order, news neighbours, links between news and
// galleries, modules by level, and the taxonomies (kecamatan, program, tag).
//
// A page's URL is its folders and its slug, each made by the slug rule
// (content/Profil Dinas/Visi Misi.md is /profil-dinas/visi-misi/).
//
// Assembly runs on one goroutine and is deterministic: news are ordered by
// date, newest first, then by file; everything else by weight, then title.
// Two things published at the same URL (compared without case, since many
// disks and hosts ignore it) are an error naming both sources.
package site

import (
	"cmp"
	"maps"
	"path"
	"slices"
	"strings"
	"time"

	"github.com/dinsos-metro/warta/internal/config"
	"github.com/dinsos-metro/warta/internal/content"
	"github.com/dinsos-metro/warta/internal/diag"
	"github.com/dinsos-metro/warta/internal/slug"
)

// Page is a content page placed in the site.
type Page struct {
	*content.Page
	// URL is the page's path from the site root: "/berita/judul/".
	URL string
	// Prev is the next older news report, Next the next newer one.
	Prev, Next *Page
	// GalleryPage is the gallery a news report names.
	GalleryPage *Page
	// Reports are the news reports that name this gallery.
	Reports []*Page
	// Terms are the taxonomy terms the page belongs to.
	Terms []*Term
}

// Taxonomy is one way of grouping pages: by district, program or tag.
type Taxonomy struct {
	Key   string // front matter field: district, program, tags
	Base  string // URL folder: kecamatan, program, tag
	Terms []*Term
}

// Term is one value of a taxonomy and the pages that carry it.
type Term struct {
	Taxonomy *Taxonomy
	Name     string
	Slug     string
	URL      string
	Pages    []*Page // news and galleries, newest first
}

// Site is the whole assembled site.
type Site struct {
	Config *config.Config
	// Now is the build's clock (Options.Now).
	Now  time.Time
	Home *Page
	// Sections by content path: "berita", "modul", "modul/sd", "galeri".
	Sections  map[string]*Page
	News      []*Page            // newest first
	Modules   map[string][]*Page // by level, by weight then title
	Galleries []*Page            // newest first
	Plain     []*Page            // by weight then title
	// Taxonomies in display order: kecamatan, program, tag.
	Taxonomies []*Taxonomy
	// ByPath finds a page by its content path ("galeri/2025-07-29-x").
	ByPath map[string]*Page
	// ByFile finds a page by its file ("content/tentang.md").
	ByFile map[string]*Page
	// All is every page, sorted by file.
	All []*Page
}

// Options tune assembly.
type Options struct {
	Future bool      // include pages dated after Now
	Now    time.Time // the build's clock
}

// SectionTitles are used when a section has no _index.md.
var sectionDefaults = map[string]string{
	"berita": "Berita", "modul": "Modul Pembelajaran", "galeri": "Galeri",
	"modul/paud": "PAUD", "modul/sd": "SD", "modul/smp": "SMP",
}

// Assemble builds the Site from loaded pages.
func Assemble(cfg *config.Config, pages []*content.Page, opt Options) (*Site, []diag.Diagnostic) {
	s := &Site{
		Config:   cfg,
		Now:      opt.Now,
		Sections: map[string]*Page{},
		Modules:  map[string][]*Page{},
		ByPath:   map[string]*Page{},
		ByFile:   map[string]*Page{},
	}
	var ds []diag.Diagnostic
	for _, cp := range pages {
		if !opt.Future && !opt.Now.IsZero() && cp.Date.After(opt.Now) && cp.Kind != content.KindHome && cp.Kind != content.KindSection {
			continue
		}
		p := &Page{Page: cp, URL: urlOf(cp)}
		s.All = append(s.All, p)
		s.ByPath[cp.Path] = p
		s.ByFile[cp.File] = p
		switch cp.Kind {
		case content.KindHome:
			s.Home = p
		case content.KindSection:
			s.Sections[cp.Path] = p
		case content.KindNews:
			s.News = append(s.News, p)
		case content.KindModule:
			s.Modules[cp.Module.Level] = append(s.Modules[cp.Module.Level], p)
		case content.KindGallery:
			s.Galleries = append(s.Galleries, p)
		case content.KindPage:
			s.Plain = append(s.Plain, p)
		}
	}
	s.addMissingSections()
	newestFirst := func(a, b *Page) int {
		return cmp.Or(b.Date.Compare(a.Date), strings.Compare(a.File, b.File))
	}
	slices.SortFunc(s.News, newestFirst)
	slices.SortFunc(s.Galleries, newestFirst)
	for _, l := range content.Levels {
		slices.SortFunc(s.Modules[l], byWeight)
	}
	slices.SortFunc(s.Plain, byWeight)
	slices.SortFunc(s.All, func(a, b *Page) int { return strings.Compare(a.File, b.File) })

	for i, p := range s.News {
		if i > 0 {
			p.Next = s.News[i-1]
		}
		if i+1 < len(s.News) {
			p.Prev = s.News[i+1]
		}
	}
	ds = append(ds, s.linkGalleries()...)
	s.buildTaxonomies()
	return s, ds
}

func byWeight(a, b *Page) int {
	return cmp.Or(cmp.Compare(a.Weight, b.Weight), strings.Compare(a.Title, b.Title), strings.Compare(a.File, b.File))
}

// urlOf gives a page its URL: the folders it sits in, then its slug.
func urlOf(p *content.Page) string {
	switch p.Kind {
	case content.KindHome:
		return "/"
	case content.KindSection:
		return "/" + folderURL(p.Path) + "/"
	}
	parent := path.Dir(p.Path)
	if parent == "." {
		return "/" + p.Slug + "/"
	}
	return "/" + folderURL(parent) + "/" + p.Slug + "/"
}

// folderURL makes the folders of a content path into URL parts with the
// slug rule, like file names: content/Profil Dinas/visi.md is at
// /profil-dinas/visi/, whatever case, spaces or accents (composed or not)
// the folder's name has. A name without letters or digits stays as it is.
func folderURL(dir string) string {
	if isSlugPath(dir) {
		return dir
	}
	parts := strings.Split(dir, "/")
	for i, part := range parts {
		if s := slug.Make(part); s != "" {
			parts[i] = s
		}
	}
	return strings.Join(parts, "/")
}

// isSlugPath reports whether every folder of dir is a slug already (the
// usual berita, modul/sd), which spares the work.
func isSlugPath(dir string) bool {
	for i := 0; i < len(dir); i++ {
		c := dir[i]
		if !(c >= 'a' && c <= 'z' || c >= '0' && c <= '9' || c == '-' || c == '/') {
			return false
		}
	}
	return true
}

// addMissingSections stands in a plain section page for each section that
// has pages but no _index.md, and for the home page.
func (s *Site) addMissingSections() {
	if s.Home == nil {
		s.Home = s.synthetic(content.KindHome, "", s.Config.Title)
	}
	need := map[string]bool{"berita": true, "modul": true, "galeri": true}
	for _, l := range content.Levels {
		need["modul/"+l] = true
	}
	for _, p := range slices.Sorted(maps.Keys(need)) {
		if s.Sections[p] == nil {
			s.Sections[p] = s.synthetic(content.KindSection, p, sectionDefaults[p])
		}
	}
}

func (s *Site) synthetic(kind content.Kind, p, title string) *Page {
	section, _, _ := strings.Cut(p, "/")
	cp := &content.Page{Kind: kind, Path: p, Section: section, Title: title, Params: map[string]any{}, Slug: path.Base(p)}
	pg := &Page{Page: cp, URL: urlOf(cp)}
	s.ByPath[p] = pg
	return pg
}

// linkGalleries connects news reports to the galleries they name.
func (s *Site) linkGalleries() []diag.Diagnostic {
	var ds []diag.Diagnostic
	for _, n := range s.News {
		ref := n.News.Gallery
		if ref == "" {
			continue
		}
		g := s.ByPath[ref]
		if g == nil || g.Kind != content.KindGallery {
			g = s.galleryByURL(ref)
		}
		if g == nil {
			ds = append(ds, diag.New(n.File, n.Line("gallery"), diag.GalleryMissing, ref))
			continue
		}
		n.GalleryPage = g
		g.Reports = append(g.Reports, n)
	}
	return ds
}

// galleryByURL accepts a gallery named by its URL ("/galeri/x/") too.
func (s *Site) galleryByURL(ref string) *Page {
	want := "/" + strings.Trim(ref, "/") + "/"
	for _, g := range s.Galleries {
		if g.URL == want {
			return g
		}
	}
	return nil
}

func (s *Site) buildTaxonomies() {
	defs := []struct{ key, base string }{{"district", "kecamatan"}, {"program", "program"}, {"tags", "tag"}}
	for _, d := range defs {
		t := &Taxonomy{Key: d.key, Base: d.base}
		bySlug := map[string]*Term{}
		slugOf := map[string]string{} // the same few names recur on thousands of pages
		add := func(p *Page, name string) {
			sl, ok := slugOf[name]
			if !ok {
				sl = slug.Make(name)
				slugOf[name] = sl
			}
			if sl == "" {
				return
			}
			term := bySlug[sl]
			if term == nil {
				term = &Term{Taxonomy: t, Name: name, Slug: sl, URL: "/" + d.base + "/" + sl + "/"}
				bySlug[sl] = term
				t.Terms = append(t.Terms, term)
			}
			// A page has a handful of terms; its own list is the cheap place
			// to find out whether it is already in this one.
			if !slices.Contains(p.Terms, term) {
				term.Pages = append(term.Pages, p)
				p.Terms = append(p.Terms, term)
			}
		}
		for _, p := range s.News {
			for _, v := range termValues(p, d.key) {
				add(p, v)
			}
		}
		for _, p := range s.Galleries {
			if d.key == "district" && p.Gallery.District != "" {
				add(p, p.Gallery.District)
			}
		}
		for _, term := range t.Terms {
			slices.SortStableFunc(term.Pages, func(a, b *Page) int {
				return cmp.Or(b.Date.Compare(a.Date), strings.Compare(a.File, b.File))
			})
		}
		slices.SortFunc(t.Terms, func(a, b *Term) int { return strings.Compare(a.Slug, b.Slug) })
		s.Taxonomies = append(s.Taxonomies, t)
	}
}

func termValues(p *Page, key string) []string {
	switch key {
	case "district":
		if p.News.District != "" {
			return []string{p.News.District}
		}
	case "program":
		if p.News.Program != "" {
			return []string{p.News.Program}
		}
	case "tags":
		return p.News.Tags
	}
	return nil
}

// TermsOf returns the page's terms of one taxonomy.
func (p *Page) TermsOf(key string) []*Term {
	var out []*Term
	for _, t := range p.Terms {
		if t.Taxonomy.Key == key {
			out = append(out, t)
		}
	}
	return out
}

// Newest is the date of the newest dated page, the site's "last changed".
func (s *Site) Newest() time.Time {
	var t time.Time
	for _, p := range s.All {
		if p.Date.After(t) {
			t = p.Date
		}
	}
	return t
}

// FileLink resolves a Markdown link to another page by its file, such as
// "../tentang.md#visi" written in content/berita/x.md, to the file
// ("content/tentang.md") and the fragment ("#visi"). ok is false for
// links that are not to a .md file (web addresses, site paths, images).
func FileLink(from, dest string) (file, frag string, ok bool) {
	if dest == "" || strings.Contains(dest, ":") || strings.HasPrefix(dest, "/") || strings.HasPrefix(dest, "#") {
		return "", "", false
	}
	target, frag, _ := strings.Cut(dest, "#")
	if frag != "" {
		frag = "#" + frag
	}
	if !strings.HasSuffix(strings.ToLower(target), ".md") {
		return "", "", false
	}
	file = path.Join(path.Dir(from), target)
	if !strings.HasPrefix(file, content.Root+"/") {
		return "", "", false
	}
	return file, frag, true
}
