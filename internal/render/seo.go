package render

import (
	"bytes"
	"encoding/json"
	"html/template"
	"image"
	"regexp"
	"strconv"
	"strings"
	"time"

	"github.com/dinsos-metro/warta/internal/site"
)

// What a link shows when it is shared (WhatsApp, Facebook, X) and what
// search engines read: head.html writes the Open Graph and Twitter tags
// from the views, and this file makes the JSON-LD, schema.org's vocabulary
// as structured data:
//
//   - the home page: the department, GovernmentOrganization, and the
//     WebSite with its search (SearchAction);
//   - a news report: NewsArticle;
//   - a module: LearningResource, with its educationalLevel;
//   - a gallery: ImageGallery, with its photos;
//   - each of them names the department as publisher.
//
// The JSON is made by encoding/json, which writes <, > and & as \u003c,
// \u003e and \u0026, so no value can close the <script> element it sits
// in; it reaches the template as template.JS, which html/template leaves
// as it is inside <script type="application/ld+json">.

// shareImage is the site's default preview picture, assets/img/share.png
// (1200×630), for pages without a picture of their own.
const shareImage = "img/share.png"

// defaultOGImage returns the default preview picture, nil when the theme
// has none.
func (r *Renderer) defaultOGImage() *Image {
	p, ok := r.opt.Assets.Lookup(shareImage)
	if !ok {
		return nil
	}
	img := &Image{URL: r.urls.Abs(p), Alt: r.opt.Site.Config.Title}
	if data, ok := r.opt.Assets.Bytes(shareImage); ok {
		if cfg, _, err := image.DecodeConfig(bytes.NewReader(data)); err == nil {
			img.Width, img.Height = cfg.Width, cfg.Height
		}
	}
	return img
}

type ldOrganization struct {
	Context   string   `json:"@context,omitempty"`
	Type      string   `json:"@type"`
	ID        string   `json:"@id"`
	Name      string   `json:"name"`
	URL       string   `json:"url"`
	Logo      string   `json:"logo,omitempty"`
	Address   string   `json:"address,omitempty"`
	Telephone string   `json:"telephone,omitempty"`
	Email     string   `json:"email,omitempty"`
	SameAs    []string `json:"sameAs,omitempty"`
}

type ldWebSite struct {
	Type       string         `json:"@type"`
	ID         string         `json:"@id"`
	Name       string         `json:"name"`
	URL        string         `json:"url"`
	InLanguage string         `json:"inLanguage"`
	Publisher  ldRef          `json:"publisher"`
	Action     ldSearchAction `json:"potentialAction"`
}

type ldRef struct {
	ID string `json:"@id"`
}

type ldSearchAction struct {
	Type   string `json:"@type"`
	Target string `json:"target"`
	Query  string `json:"query-input"`
}

type ldPlace struct {
	Type    string `json:"@type"`
	Name    string `json:"name"`
	Address string `json:"address,omitempty"`
}

type ldPerson struct {
	Type string `json:"@type"`
	Name string `json:"name"`
}

type ldImage struct {
	Type       string `json:"@type"`
	ContentURL string `json:"contentUrl"`
	Caption    string `json:"caption,omitempty"`
	Width      int    `json:"width,omitempty"`
	Height     int    `json:"height,omitempty"`
}

// ldCreativeWork holds the fields NewsArticle, LearningResource and
// ImageGallery share, and each one's own.
type ldCreativeWork struct {
	Context       string          `json:"@context"`
	Type          string          `json:"@type"`
	Headline      string          `json:"headline,omitempty"`
	Name          string          `json:"name"`
	Description   string          `json:"description,omitempty"`
	URL           string          `json:"url"`
	MainEntity    string          `json:"mainEntityOfPage"`
	InLanguage    string          `json:"inLanguage"`
	DatePublished string          `json:"datePublished,omitempty"`
	Image         []string        `json:"image,omitempty"`
	Author        any             `json:"author,omitempty"`
	Publisher     *ldOrganization `json:"publisher"`
	Location      *ldPlace        `json:"contentLocation,omitempty"`
	Keywords      string          `json:"keywords,omitempty"`

	// LearningResource.
	ResourceType     string   `json:"learningResourceType,omitempty"`
	EducationalLevel string   `json:"educationalLevel,omitempty"`
	AgeRange         string   `json:"typicalAgeRange,omitempty"`
	TimeRequired     string   `json:"timeRequired,omitempty"`
	Teaches          []string `json:"teaches,omitempty"`
	Free             bool     `json:"isAccessibleForFree,omitempty"`

	// ImageGallery.
	Photos []ldImage `json:"associatedMedia,omitempty"`
}

// organization describes the department.
func (r *Renderer) organization() *ldOrganization {
	cfg := r.opt.Site.Config
	d := cfg.Department
	o := &ldOrganization{
		Type: "GovernmentOrganization", ID: r.urls.Abs("/") + "#organisasi", Name: d.Name, URL: r.urls.Abs("/"),
		Address: d.Address, Telephone: d.Phone, Email: d.Email,
	}
	if d.Logo != "" {
		if p, ok := r.opt.Assets.Lookup(d.Logo); ok {
			o.Logo = r.urls.Abs(p)
		}
	}
	for _, s := range d.Social {
		o.SameAs = append(o.SameAs, s.URL)
	}
	return o
}

// siteJSONLD is the home page's: the department and the site.
func (r *Renderer) siteJSONLD() template.JS {
	org := r.organization()
	home := r.urls.Abs("/")
	return ldJS(struct {
		Context string `json:"@context"`
		Graph   []any  `json:"@graph"`
	}{"https://schema.org", []any{org, ldWebSite{
		Type: "WebSite", ID: home + "#situs", Name: r.opt.Site.Config.Title, URL: home, InLanguage: r.opt.Site.Config.Language,
		Publisher: ldRef{org.ID},
		Action: ldSearchAction{
			Type: "SearchAction", Target: r.urls.Abs(searchPath) + "?q={search_term_string}", Query: "required name=search_term_string",
		},
	}}})
}

// pageJSONLD is a single page's structured data; "" for plain pages.
func (r *Renderer) pageJSONLD(p *site.Page, v *PageView) template.JS {
	w := ldCreativeWork{
		Context: "https://schema.org", Name: v.Title, Description: v.Description, URL: v.Permalink, MainEntity: v.Permalink,
		InLanguage: r.opt.Site.Config.Language, Publisher: r.organization(),
	}
	if img := v.OGImage; img != nil {
		w.Image = []string{img.URL}
	} else if img := r.site.OGImage; img != nil {
		w.Image = []string{img.URL}
	}
	if !p.Date.IsZero() {
		w.DatePublished = p.Date.Format(time.RFC3339)
	}
	place := func(name, district string) {
		if name == "" {
			name = district
		}
		if name != "" {
			w.Location = &ldPlace{Type: "Place", Name: name, Address: district}
		}
	}
	switch {
	case p.News != nil:
		w.Type, w.Headline = "NewsArticle", v.Title
		if v.Author != "" {
			w.Author = ldPerson{"Person", v.Author}
		} else {
			w.Author = ldRef{w.Publisher.ID}
		}
		place(p.News.Location, p.News.District)
		w.Keywords = keywords(append([]string{p.News.Program}, p.News.Tags...))
	case p.Module != nil:
		m := p.Module
		w.Type, w.ResourceType, w.Free = "LearningResource", "lesson plan", true
		w.EducationalLevel = r.lang.T("level_"+m.Level+"_long") + " (" + r.lang.T("level_"+m.Level) + ")"
		w.AgeRange = strings.ReplaceAll(m.Ages, " ", "")
		w.TimeRequired = isoDuration(m.Duration)
		w.Teaches = m.Objectives
		w.Keywords = keywords(m.Topics)
	case p.Gallery != nil:
		w.Type = "ImageGallery"
		place(p.Gallery.Location, p.Gallery.District)
		for _, ph := range v.Photos {
			w.Photos = append(w.Photos, ldImage{
				Type: "ImageObject", ContentURL: r.absHref(ph.URL), Caption: ph.Caption, Width: ph.Width, Height: ph.Height,
			})
		}
	default:
		return ""
	}
	return ldJS(w)
}

// absHref makes an href of the site absolute.
func (r *Renderer) absHref(href string) string {
	if strings.Contains(href, "://") {
		return href
	}
	return r.urls.base.Scheme + "://" + r.urls.base.Host + href
}

// keywords joins words, each once whatever its case.
func keywords(words []string) string {
	var out []string
	seen := map[string]bool{}
	for _, w := range words {
		if k := strings.ToLower(strings.TrimSpace(w)); k != "" && !seen[k] {
			seen[k] = true
			out = append(out, strings.TrimSpace(w))
		}
	}
	return strings.Join(out, ", ")
}

func ldJS(v any) template.JS {
	data, err := json.Marshal(v) // escapes <, > and &: see the file comment
	if err != nil {
		return ""
	}
	return template.JS(data) //nolint:gosec // JSON from encoding/json, HTML-escaped
}

var durationRe = regexp.MustCompile(`(?i)^\s*(\d+)\s*(menit|minutes?|mins?|jam|hours?)\s*$`)

// isoDuration turns "30 menit" or "1 jam" into ISO 8601 ("PT30M", "PT1H");
// "" when the text says something else ("2 × 35 menit").
func isoDuration(s string) string {
	m := durationRe.FindStringSubmatch(s)
	if m == nil {
		return ""
	}
	n, _ := strconv.Atoi(m[1])
	if strings.HasPrefix(strings.ToLower(m[2]), "m") {
		return "PT" + strconv.Itoa(n) + "M"
	}
	return "PT" + strconv.Itoa(n) + "H"
}
