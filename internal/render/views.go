package render

import (
	"html/template"
	"time"

	"github.com/dinsos-metro/warta/internal/theme"
)

// The view structs are what templates see: plain values made for display,
// never the internal model. Every URL in a view is ready to put in an
// href (it includes the base path of the site).

// Data is the root value of every template.
type Data struct {
	Site     *SiteView
	Page     *PageView
	List     *ListView     // the items of a list page, one pager page of them
	Home     *HomeView     // the home page's blocks
	Levels   []LevelView   // module levels (module index)
	Taxonomy *TaxonomyView // a taxonomy's terms (kecamatan/, tag/, ...)
	Crumbs   []Link        // breadcrumb trail, home first, without the page itself
	Search   *SearchView   // the search page's lists and index (search.go)
	Extra    any           // what an Extension shows on the page (extend.go)
}

// SiteView describes the site for the header, footer and head tags.
type SiteView struct {
	Title       string
	Description string
	BaseURL     string // absolute, ends with "/"
	Language    string // "id" or "en"
	Locale      string // "id_ID"
	Department  DepartmentView
	Menu        []MenuItem
	FeedURL     string
	HomeURL     string
	SearchURL   string // the search page, for the header's search form
	OGImage     *Image // the preview picture of pages without their own (seo.go)
	Year        int
	Params      map[string]any
}

// DepartmentView is the organisation behind the site.
type DepartmentView struct {
	Name, Address, Phone, Email string
	PhoneURL                    template.URL // tel: link; typed so html/template keeps the tel: scheme
	LogoURL                     string
	Social                      []Link
}

// MenuItem is one entry of the main navigation.
type MenuItem struct {
	Title  string
	URL    string
	Active bool // the current page is this entry or below it
}

// Link is a titled URL.
type Link struct {
	Title string
	URL   string
}

// Image is a picture with its size, so browsers reserve its space.
type Image struct {
	URL           string
	Alt           string
	Width, Height int    // of URL
	SrcSet        string // every resized copy: "a-480w.jpg 480w, a-960w.jpg 960w"; "" when there is one
	WebP          string // the same copies as WebP, for a <picture>'s <source>: a srcset like SrcSet, a lone URL when there is one; "" for none
	Large         string // the widest copy, for a larger view
	Eager         bool   // the first picture of a list, likely its largest paint: not loaded lazily
}

// Photo is a gallery picture.
type Photo struct {
	Image
	Caption string
	ID      string // anchor of the photo on its gallery page
}

// Attachment is a module file to download.
type Attachment struct {
	Title string
	URL   string
	File  string
	Type  string // "PDF", "PNG", "DOCX"
	Size  string // "1,2 MB"
	// Permalink is the absolute URL, which print shows after the link.
	Permalink string
}

// Downloads are the one-click files of a module or a level.
type Downloads struct {
	PDF *Attachment // the printed module, when there is one: the main download
	Zip *Attachment // the offline page with every attachment; nil in the zip itself
}

// PageView is the page being rendered.
type PageView struct {
	Kind        string // home, section, news, module, gallery, page, taxonomy, term, 404
	Title       string
	URL         string
	Permalink   string // absolute URL
	Description string // for meta description and previews
	Date        time.Time
	Content     template.HTML
	Params      map[string]any
	OGType      string      // article or website
	OGImage     *Image      // absolute URL
	JSONLD      template.JS // structured data, JSON (seo.go)

	// News.
	Location string
	District *Link
	Program  *Link
	Tags     []Link
	Author   string
	Cover    *Image
	Gallery  *Link
	Strip    []Photo // photos of the linked gallery
	Prev     *Link   // older report
	Next     *Link   // newer report

	// Module.
	Level       *LevelView
	Ages        string
	Duration    string
	Topics      []string
	Objectives  []string
	Materials   []string
	Attachments []Attachment
	TopicLinks  []Link        // Topics, each to its topic page
	QR          template.HTML // inline SVG QR code of Permalink, for print
	Downloads   *Downloads    // a module's or a level's download bundles
	Feeds       []Link        // Atom feeds of the page (a level's new modules)

	// Gallery.
	Photos  []Photo
	Reports []Link // news about the same event
}

// Item is one entry of a list.
type Item struct {
	Kind       string
	Title      string
	URL        string
	Summary    string
	Date       time.Time
	Location   string
	District   string
	Cover      *Image
	Level      string // module level code
	LevelName  string
	Ages       string
	Duration   string
	Topics     []string
	PhotoCount int

	// The theme keeps the item's executed cards here, so that a page
	// listed in several lists is executed once (internal/theme, cards.go).
	// An item changed after it was made must drop it (eagerFirst).
	*cardMemo
}

// cardMemo is named so that templates do not see it as a field.
type cardMemo = theme.Memo

// ListView is one page of a paginated list.
type ListView struct {
	Items []Item
	Pager *Pager // nil when everything fits on one page
}

// Pager links the pages of a list.
type Pager struct {
	Number, Total int
	Prev, Next    string
	Pages         []PagerLink
}

// PagerLink is one numbered page.
type PagerLink struct {
	Number  int
	URL     string
	Current bool
}

// LevelView is a school level with its modules.
type LevelView struct {
	Code        string // paud, sd, smp
	Name        string // PAUD
	Long        string // Pendidikan Anak Usia Dini
	Ages        string // 4-6
	URL         string
	Description string
	Count       int
	Modules     []Item
	Topics      []TermView // topics of the level's modules (level page)
	FeedURL     string     // Atom feed of the level's modules (level page)
}

// HomeView holds the blocks of the home page.
type HomeView struct {
	News       []Item
	Levels     []LevelView
	Galleries  []Item
	NewsURL    string
	GalleryURL string
}

// TaxonomyView lists a taxonomy's terms.
type TaxonomyView struct {
	Key   string // district, program, tags
	Title string
	URL   string
	Terms []TermView
}

// TermView is one term with how many pages carry it.
type TermView struct {
	Name  string
	URL   string
	Count int
}
