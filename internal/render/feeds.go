package render

import (
	"bytes"
	"encoding/xml"
	"slices"
	"strings"
	"sync"
	"time"

	"github.com/dinsos-metro/warta/internal/diag"
	"github.com/dinsos-metro/warta/internal/site"
)

// Feeds and the sitemap are written with encoding/xml rather than
// templates: their shape is fixed by standards, and the encoder escapes
// every value correctly.

const feedSize = 20

type atomFeed struct {
	XMLName xml.Name    `xml:"http://www.w3.org/2005/Atom feed"`
	Lang    string      `xml:"xml:lang,attr"`
	Title   string      `xml:"title"`
	ID      string      `xml:"id"`
	Updated string      `xml:"updated"`
	Links   []atomLink  `xml:"link"`
	Author  atomAuthor  `xml:"author"`
	Entries []atomEntry `xml:"entry"`
}

type atomLink struct {
	Href string `xml:"href,attr"`
	Rel  string `xml:"rel,attr,omitempty"`
	Type string `xml:"type,attr,omitempty"`
}

type atomAuthor struct {
	Name string `xml:"name"`
}

type atomEntry struct {
	Title     string     `xml:"title"`
	ID        string     `xml:"id"`
	Link      atomLink   `xml:"link"`
	Published string     `xml:"published"`
	Updated   string     `xml:"updated"`
	Summary   string     `xml:"summary,omitempty"`
	Category  []atomTerm `xml:"category"`
}

type atomTerm struct {
	Term string `xml:"term,attr"`
}

func (r *Renderer) feedJob() job {
	s := r.opt.Site
	inputs := func(h *hasher) {
		h.time(s.Newest())
		for _, p := range s.News[:min(len(s.News), feedSize)] {
			itemInputs(h, p)
			for _, t := range p.Terms {
				h.str(t.Name)
			}
		}
	}
	return r.cached("feed.xml", "", []string{"feed.xml"}, inputs, func() []diag.Diagnostic {
		f := atomFeed{
			Lang:   s.Config.Language,
			Title:  s.Config.Title + " – " + r.lang.T("news"),
			ID:     r.urls.Abs("/berita/"),
			Author: atomAuthor{Name: s.Config.Department.Name},
			Links: []atomLink{
				{Href: r.urls.Abs("/feed.xml"), Rel: "self", Type: "application/atom+xml"},
				{Href: r.urls.Abs("/berita/"), Rel: "alternate", Type: "text/html"},
			},
			Updated: atomTime(s.Newest()),
		}
		for _, p := range s.News[:min(len(s.News), feedSize)] {
			e := atomEntry{
				Title: p.Title, ID: r.urls.Abs(p.URL),
				Link:      atomLink{Href: r.urls.Abs(p.URL), Rel: "alternate", Type: "text/html"},
				Published: atomTime(p.Date), Updated: atomTime(p.Date),
				Summary: p.Summary,
			}
			for _, t := range p.Terms {
				e.Category = append(e.Category, atomTerm{Term: t.Name})
			}
			f.Entries = append(f.Entries, e)
		}
		return r.xmlFile("feed.xml", f)
	})
}

func atomTime(t time.Time) string {
	if t.IsZero() {
		t = time.Date(2000, 1, 1, 0, 0, 0, 0, time.UTC)
	}
	return t.Format(time.RFC3339)
}

type urlSet struct {
	XMLName xml.Name     `xml:"http://www.sitemaps.org/schemas/sitemap/0.9 urlset"`
	URLs    []sitemapURL `xml:"url"`
}

type sitemapURL struct {
	Loc     string `xml:"loc"`
	LastMod string `xml:"lastmod,omitempty"`
}

// sitemapJob lists every HTML page except the 404 page, sorted by URL.
func (r *Renderer) sitemapJob() job {
	s := r.opt.Site
	inputs := func(h *hasher) {
		h.time(s.Newest())
		for _, p := range s.All {
			h.shows(p).str(p.URL).time(p.Date)
		}
		for _, key := range []string{"berita", "galeri", "modul", "modul/paud", "modul/sd", "modul/smp"} {
			if sec := s.Sections[key]; sec != nil {
				h.str(sec.File)
			}
		}
		h.int(len(s.News)).int(len(s.Galleries))
		for _, e := range r.sitemapTopics() {
			h.str(e.u).time(e.t)
		}
		r.extensionPages(func(u string) { h.str(u) })
		for _, t := range s.Taxonomies {
			for _, term := range t.Terms {
				h.str(term.URL).int(len(term.Pages)).time(newestOf(term.Pages))
			}
		}
	}
	return r.cached("sitemap.xml", "", []string{"sitemap.xml"}, inputs, func() []diag.Diagnostic {
		entries := make([]sitemapEntry, 0, len(s.All)+64)
		add := func(u string, t time.Time) { entries = append(entries, sitemapEntry{u, t}) }
		add("/", s.Newest())
		for _, p := range s.All {
			if p.URL != "/" {
				add(p.URL, p.Date)
			}
		}
		for _, key := range []string{"berita", "galeri", "modul"} {
			if sec := s.Sections[key]; sec != nil && sec.File == "" {
				add(sec.URL, time.Time{}) // sections without _index.md are pages too
			}
		}
		for _, l := range []string{"modul/paud", "modul/sd", "modul/smp"} {
			if sec := s.Sections[l]; sec != nil && sec.File == "" {
				add(sec.URL, time.Time{})
			}
		}
		size := s.Config.Pagination
		addPages := func(base string, n int) {
			for i := 2; i <= pageCount(n, size); i++ {
				add(pageURL(base, i), time.Time{})
			}
		}
		addPages("/berita/", len(s.News))
		addPages("/galeri/", len(s.Galleries))
		for _, e := range r.sitemapTopics() {
			add(e.u, e.t)
		}
		for _, t := range s.Taxonomies {
			add("/"+t.Base+"/", time.Time{})
			for _, term := range t.Terms {
				add(term.URL, newestOf(term.Pages))
				addPages(term.URL, len(term.Pages))
			}
		}
		r.extensionPages(func(u string) { add(u, time.Time{}) })
		if d := r.write("sitemap.xml", sitemapXML(r.sitemapURLs(entries)), ""); d != nil {
			return []diag.Diagnostic{*d}
		}
		return nil
	})
}

// sitemapXML writes what xmlFile writes for a urlSet, without reflection:
// the sitemap lists every page, and a date edit in `warta serve` writes it
// again (TestSitemapXML compares the two).
func sitemapXML(urls []sitemapURL) []byte {
	var buf bytes.Buffer
	buf.Grow(128 + len(urls)*100)
	buf.WriteString(xml.Header)
	buf.WriteString(`<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">`)
	for _, u := range urls {
		buf.WriteString("\n <url>\n  <loc>")
		escapeXML(&buf, u.Loc)
		buf.WriteString("</loc>")
		if u.LastMod != "" {
			buf.WriteString("\n  <lastmod>")
			escapeXML(&buf, u.LastMod)
			buf.WriteString("</lastmod>")
		}
		buf.WriteString("\n </url>")
	}
	if len(urls) > 0 {
		buf.WriteByte('\n')
	}
	buf.WriteString("</urlset>\n")
	return buf.Bytes()
}

// escapeXML escapes text as encoding/xml does; most URLs need nothing.
func escapeXML(buf *bytes.Buffer, s string) {
	for i := 0; i < len(s); i++ {
		if c := s[i]; c < 0x20 || c >= 0x7f || c == '&' || c == '<' || c == '>' || c == '\'' || c == '"' {
			_ = xml.EscapeText(buf, []byte(s)) // a bytes.Buffer does not fail
			return
		}
	}
	buf.WriteString(s)
}

// sitemapEntry is a site path and its date, as the sitemap job adds them.
type sitemapEntry struct {
	u string
	t time.Time
}

// sitemapMemo keeps, for one Renderer, what its sitemap needs besides the
// pages' dates: the module topics' entries, and the order of the entries
// by absolute URL. Update renders the sitemap again only for a page's new
// date, in a site of the same shape (build's quick path: the same pages
// at the same URLs, modules unchanged), so it takes only the dates again.
type sitemapMemo struct {
	topicsOnce sync.Once
	topics     []sitemapEntry
	order      []int    // entries in URL order, by the place they were added
	locs       []string // their absolute URLs, in URL order
}

func (r *Renderer) sitemapTopics() []sitemapEntry {
	m := &r.track.sitemap
	m.topicsOnce.Do(func() {
		topicSitemap(r.opt.Site, func(u string, t time.Time) { m.topics = append(m.topics, sitemapEntry{u, t}) })
	})
	return m.topics
}

// sitemapURLs sorts the entries by URL, the first time; the site's shape
// does not change within a Renderer, so later renders reuse that order.
func (r *Renderer) sitemapURLs(entries []sitemapEntry) []sitemapURL {
	m := &r.track.sitemap
	if len(m.order) != len(entries) {
		abs := make([]string, len(entries))
		m.order = make([]int, len(entries))
		for i, e := range entries {
			abs[i], m.order[i] = r.urls.Abs(e.u), i
		}
		slices.SortStableFunc(m.order, func(a, b int) int { return strings.Compare(abs[a], abs[b]) })
		m.locs = make([]string, len(entries))
		for i, j := range m.order {
			m.locs[i] = abs[j]
		}
	}
	urls := make([]sitemapURL, len(entries))
	for i, j := range m.order {
		urls[i].Loc = m.locs[i]
		if t := entries[j].t; !t.IsZero() {
			urls[i].LastMod = t.Format("2006-01-02")
		}
	}
	return urls
}

func newestOf(pages []*site.Page) time.Time {
	if len(pages) == 0 {
		return time.Time{}
	}
	return pages[0].Date
}

func (r *Renderer) robotsJob() job {
	return r.cached("robots.txt", "", []string{"robots.txt"}, func(*hasher) {}, func() []diag.Diagnostic {
		body := "User-agent: *\nAllow: /\n\nSitemap: " + r.urls.Abs("/sitemap.xml") + "\n"
		if d := r.write("robots.txt", []byte(body), ""); d != nil {
			return []diag.Diagnostic{*d}
		}
		return nil
	})
}

func (r *Renderer) xmlFile(name string, v any) []diag.Diagnostic {
	var buf bytes.Buffer
	buf.WriteString(xml.Header)
	enc := xml.NewEncoder(&buf)
	enc.Indent("", " ")
	if err := enc.Encode(v); err != nil {
		return []diag.Diagnostic{diag.New("", 0, diag.OutputFailed, err)}
	}
	buf.WriteByte('\n')
	if d := r.write(name, buf.Bytes(), ""); d != nil {
		return []diag.Diagnostic{*d}
	}
	return nil
}
