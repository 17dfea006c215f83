package render

import (
	"html/template"
	"path"
	"strconv"
	"strings"
	"time"

	"github.com/dinsos-metro/warta/internal/content"
	"github.com/dinsos-metro/warta/internal/diag"
	"github.com/dinsos-metro/warta/internal/site"
)

// leafJobs renders every single page and publishes its bundle files.
func (r *Renderer) leafJobs() []job {
	var jobs []job
	for _, p := range r.opt.Site.All {
		if IsLeaf(p) {
			jobs = append(jobs, r.leafJob(p))
		}
	}
	return jobs
}

// IsLeaf reports whether p is a single page, rendered by a leaf job.
func IsLeaf(p *site.Page) bool {
	switch p.Kind {
	case content.KindNews, content.KindModule, content.KindGallery, content.KindPage:
		return true
	}
	return false
}

// leafJob renders one single page and publishes its bundle files.
func (r *Renderer) leafJob(p *site.Page) job {
	id := OutputPath(p.URL)
	r.leafByID[id] = p
	outputs := append([]string{id}, r.resourceOutputs(p)...)
	outputs = append(outputs, r.moduleOutputs(p)...)
	return r.cached(id, leafTemplates[p.Kind], outputs,
		func(h *hasher) { r.leafInputs(h, p) },
		func() []diag.Diagnostic { return r.leaf(p) })
}

var leafTemplates = map[content.Kind]string{
	content.KindNews: "news.html", content.KindModule: "module.html",
	content.KindGallery: "gallery.html", content.KindPage: "page.html",
}

func (r *Renderer) leaf(p *site.Page) []diag.Diagnostic {
	if p.Module != nil {
		return r.moduleLeaf(p)
	}
	ds := r.copyResources(p)
	body, d := r.body(p)
	if d != nil {
		return append(ds, *d)
	}
	view := r.pageView(p, body)
	data := &Data{Site: r.siteFor(p.URL), Page: view, Crumbs: r.crumbs(p)}
	return append(ds, r.page(leafTemplates[p.Kind], p.URL, p.File, data)...)
}

// body renders a page's Markdown, fills in its summary and lets go of the
// source.
func (r *Renderer) body(p *site.Page) (template.HTML, *diag.Diagnostic) {
	src := p.Body
	if src == nil && p.File != "" {
		// Rendered before and let go of: an incremental render needs it again.
		var err error
		if src, err = content.ReadBody(r.opt.Source, p.Page); err != nil {
			d := diag.New(p.File, 0, diag.ReadFailed, err)
			return "", &d
		}
	}
	if len(src) == 0 {
		r.keepSearchText(p, nil) // no text: not the text it had before
		return "", nil
	}
	images := r.bundleImages(p)
	res, err := r.opt.Markdown.RenderPage(src, images, r.pageLinks(p))
	if err != nil {
		d := diag.New(p.File, p.BodyLine, diag.MarkdownFailed, err)
		return "", &d
	}
	if ds := imageDiags(images); len(ds) > 0 {
		r.diags.Add(ds[1:]...)
		return "", &ds[0]
	}
	if p.Summary == "" {
		p.Summary = res.Summary
	}
	r.keepSearchText(p, res.HTML)
	p.Body = nil
	return template.HTML(res.HTML), nil //nolint:gosec // goldmark output; raw HTML is escaped unless the site allows it
}

// copyResources publishes a bundle's files beside its page.
func (r *Renderer) copyResources(p *site.Page) []diag.Diagnostic {
	var ds []diag.Diagnostic
	dir := strings.TrimPrefix(p.URL, "/")
	for _, res := range publishedResources(p) {
		sds, ok := r.scrubCheck(res.Path)
		ds = append(ds, sds...)
		if !ok {
			continue
		}
		if d := r.copy(dir+res.Name, res.Path); d != nil {
			ds = append(ds, *d)
		}
	}
	return ds
}

// resourceOutputs lists the bundle files copyResources publishes.
func (r *Renderer) resourceOutputs(p *site.Page) []string {
	var out []string
	dir := strings.TrimPrefix(p.URL, "/")
	for _, res := range publishedResources(p) {
		out = append(out, dir+res.Name)
	}
	return append(out, r.imageOutputs(p)...)
}

// publishedResources are the bundle files published as they are (after
// cleaning), beside the page and in a module's offline copies: all but
// the withheld ones and other Markdown files.
func publishedResources(p *site.Page) []content.Resource {
	var out []content.Resource
	withheld := withheldResources(p)
	for _, res := range p.Resources {
		if !withheld[res.Name] && path.Ext(res.Name) != ".md" {
			out = append(out, res)
		}
	}
	return out
}

// withheldResources are the bundle files never published: gallery photos
// without consent, gallery images not listed as photos, and module files
// neither listed as attachments nor used by the page.
func withheldResources(p *site.Page) map[string]bool {
	withheld := map[string]bool{}
	if p.Module != nil {
		for _, name := range p.Module.Unused {
			withheld[name] = true
		}
	}
	if p.Gallery != nil {
		for _, res := range p.Resources {
			if content.IsImage(res.Name) {
				withheld[res.Name] = true
			}
		}
		for _, ph := range p.Gallery.Photos {
			if p.Gallery.Published(ph) {
				delete(withheld, ph.File)
			}
		}
	}
	if p.Module == nil {
		// Pictures go out only as resized copies (images.go), never as
		// they are: they carry EXIF and GPS.
		for _, res := range p.Resources {
			if content.IsImage(res.Name) {
				withheld[res.Name] = true
			}
		}
	}
	return withheld
}

func (r *Renderer) pageView(p *site.Page, body template.HTML) *PageView {
	v := &PageView{
		Kind:        p.Kind.String(),
		Title:       p.Title,
		URL:         r.urls.Rel(p.URL),
		Permalink:   r.urls.Abs(p.URL),
		Description: describe(p.Summary, r.site.Description),
		Date:        p.Date,
		Content:     body,
		Params:      p.Params,
		OGType:      "website",
	}
	switch {
	case p.News != nil:
		r.newsView(v, p)
	case p.Module != nil:
		r.moduleView(v, p)
	case p.Gallery != nil:
		r.galleryView(v, p)
	}
	v.OGImage = r.ogImage(p, v.Cover)
	v.JSONLD = r.pageJSONLD(p, v)
	return v
}

func (r *Renderer) newsView(v *PageView, p *site.Page) {
	n := p.News
	v.OGType = "article"
	v.Location = n.Location
	v.Author = n.Author
	if t := p.TermsOf("district"); len(t) > 0 {
		v.District = &Link{t[0].Name, r.urls.Rel(t[0].URL)}
	}
	if t := p.TermsOf("program"); len(t) > 0 {
		v.Program = &Link{t[0].Name, r.urls.Rel(t[0].URL)}
	}
	for _, t := range p.TermsOf("tags") {
		v.Tags = append(v.Tags, Link{t.Name, r.urls.Rel(t.URL)})
	}
	if n.Cover != "" {
		v.Cover = r.image(p, n.Cover, n.CoverAlt)
	}
	if g := p.GalleryPage; g != nil {
		v.Gallery = &Link{g.Title, r.urls.Rel(g.URL)}
		photos := r.photos(g)
		v.Strip = photos[:min(len(photos), 4)]
	}
	if p.Prev != nil {
		v.Prev = &Link{p.Prev.Title, r.urls.Rel(p.Prev.URL)}
	}
	if p.Next != nil {
		v.Next = &Link{p.Next.Title, r.urls.Rel(p.Next.URL)}
	}
}

func (r *Renderer) moduleView(v *PageView, p *site.Page) {
	m := p.Module
	lv := r.levelRef(m.Level)
	v.Level = &lv
	v.Ages, v.Duration = m.Ages, m.Duration
	v.Topics, v.Objectives, v.Materials = m.Topics, m.Objectives, m.Materials
	for _, a := range m.Attachments {
		v.Attachments = append(v.Attachments, Attachment{
			Title: a.Title,
			URL:   r.urls.Rel(p.URL + a.File),
			File:  path.Base(a.File),
			Type:  strings.ToUpper(strings.TrimPrefix(path.Ext(a.File), ".")),
			Size:  r.lang.Bytes(a.Size),
		})
	}
	r.moduleExtras(v, p)
}

func (r *Renderer) galleryView(v *PageView, p *site.Page) {
	v.Location = p.Gallery.Location
	if t := p.TermsOf("district"); len(t) > 0 {
		v.District = &Link{t[0].Name, r.urls.Rel(t[0].URL)}
	}
	v.Photos = r.photos(p)
	if len(v.Photos) > 0 {
		c := v.Photos[0].Image
		v.Cover = &c
	}
	for _, n := range p.Reports {
		v.Reports = append(v.Reports, Link{n.Title, r.urls.Rel(n.URL)})
	}
}

// photos lists a gallery's published photos.
func (r *Renderer) photos(g *site.Page) []Photo {
	var out []Photo
	for i, ph := range g.Gallery.Photos {
		if !g.Gallery.Published(ph) {
			continue
		}
		alt := ph.Alt
		if alt == "" {
			alt = ph.Caption
		}
		img := r.image(g, ph.File, alt)
		out = append(out, Photo{Image: *img, Caption: ph.Caption, ID: "foto-" + itoa(i+1)})
	}
	return out
}

func (r *Renderer) image(p *site.Page, name, alt string) *Image {
	return r.responsive(p, name, alt)
}

// describe shortens a summary for meta descriptions: about 160 characters,
// cut at a word.
func describe(summary, fallback string) string {
	s := strings.Join(strings.Fields(summary), " ")
	if s == "" {
		return fallback
	}
	const limit = 160
	if len([]rune(s)) <= limit {
		return s
	}
	cut := string([]rune(s)[:limit])
	if i := strings.LastIndexByte(cut, ' '); i > limit/2 {
		cut = cut[:i]
	}
	return strings.TrimRight(cut, " ,.;:") + "…"
}

func itoa(i int) string {
	return strconv.Itoa(i)
}

// crumbs is the breadcrumb trail above a page.
func (r *Renderer) crumbs(p *site.Page) []Link {
	s := r.opt.Site
	trail := []Link{{r.lang.T("home"), r.urls.Rel("/")}}
	parts := strings.Split(strings.Trim(p.URL, "/"), "/")
	for i := 1; i < len(parts); i++ {
		sec := s.Sections[strings.Join(parts[:i], "/")]
		if sec == nil {
			continue
		}
		trail = append(trail, Link{sec.Title, r.urls.Rel(sec.URL)})
	}
	return trail
}

func (r *Renderer) siteFor(current string) *SiteView {
	v := *r.site
	v.Menu = make([]MenuItem, len(r.site.Menu))
	copy(v.Menu, r.site.Menu)
	cur := r.urls.Rel(current)
	for i, m := range v.Menu {
		v.Menu[i].Active = m.URL == cur || (m.URL != r.urls.Rel("/") && strings.HasPrefix(cur, m.URL))
	}
	return &v
}

// buildClock is the build's time: the same site built with the same clock
// gives the same bytes.
func buildClock(s *site.Site) time.Time {
	if s.Now.IsZero() {
		return time.Now()
	}
	return s.Now
}

func (r *Renderer) siteView() *SiteView {
	cfg := r.opt.Site.Config
	d := cfg.Department
	v := &SiteView{
		Title:       cfg.Title,
		Description: cfg.Description,
		BaseURL:     cfg.BaseURL,
		Language:    cfg.Language,
		Locale:      r.lang.Locale(),
		FeedURL:     r.urls.Rel("/feed.xml"),
		HomeURL:     r.urls.Rel("/"),
		SearchURL:   r.urls.Rel(searchPath),
		OGImage:     r.defaultOGImage(),
		Year:        buildClock(r.opt.Site).In(cfg.Location).Year(),
		Params:      cfg.Params,
		Department: DepartmentView{
			Name: d.Name, Address: d.Address, Phone: d.Phone, Email: d.Email,
		},
	}
	if n := r.opt.Site.Newest(); !n.IsZero() {
		v.Year = n.Year() // the copyright year follows the content, so builds stay reproducible
	}
	if d.Phone != "" {
		// Only "+" and digits survive, so the URL is safe to mark as such.
		v.Department.PhoneURL = template.URL("tel:" + strings.Map(func(c rune) rune { //nolint:gosec
			if c == '+' || (c >= '0' && c <= '9') {
				return c
			}
			return -1
		}, d.Phone))
	}
	if d.Logo != "" {
		if p, ok := r.opt.Assets.Lookup(d.Logo); ok {
			v.Department.LogoURL = r.urls.Rel(p)
		}
	}
	for _, s := range d.Social {
		v.Department.Social = append(v.Department.Social, Link{s.Name, s.URL})
	}
	for _, m := range cfg.Menu {
		v.Menu = append(v.Menu, MenuItem{Title: m.Title, URL: r.urls.Rel(m.URL)})
	}
	return v
}
