// Package content reads the content/ folder of a site into typed pages.
//
// The rules:
//
//   - content/_index.md is the home page; a folder's _index.md makes the
//     folder a section (berita, modul, modul/sd, galeri, ...).
//   - A folder with index.md is a page bundle: the page plus every other file
//     below the folder, its resources (covers, photos, attachments). Other
//     Markdown files in it are not pages, and each is reported; a file a
//     news or gallery page does not use is left out, and reported.
//   - Any other .md file is a single page.
//   - The first folder decides the kind: berita/ holds news reports, modul/
//     lesson modules (in modul/paud, modul/sd, modul/smp), galeri/ galleries;
//     everything else is a plain page.
//   - Front matter is YAML (---), TOML (+++) or JSON (;;;). Known fields are
//     checked and typed as internal/schema defines them (the one list of
//     fields, which also makes `warta new`'s pages and the newsroom's
//     forms); every field, known or not, stays reachable in Params.
//   - Dates without an offset are in the site's time zone; a date with one
//     keeps it, so that it shows the day where it was written (WITA, WIT).
//   - A date prefix in a file or folder name (2025-07-29-) is not part of the
//     slug unless the site sets slug_date_prefix.
//   - Text is read as UTF-8 (a byte order mark and CRLF line ends are fine)
//     and normalised to Unicode NFC, as are the names of bundle files: a
//     name saved by macOS (NFD) equals the same name typed elsewhere.
//   - Symbolic links are never followed; each is reported and left out.
//   - Files named in the front matter must be in the page's own folder.
//
// Loading reads files in parallel and reports every problem it finds. A
// page whose front matter cannot be read is kept without its fields, so
// that its text is still checked. Its Markdown is scanned (lint.go) for
// pictures that are not there, text written for other site generators, and
// nesting past the limit; a file larger than MaxPageSize is not read.
package content

import (
	"time"

	"golang.org/x/text/unicode/norm"

	"github.com/dinsos-metro/warta/internal/schema"
)

// Kind says what a page is.
type Kind int

const (
	KindPage    Kind = iota // a plain page: tentang, kontak
	KindHome                // content/_index.md
	KindSection             // a folder's _index.md
	KindNews                // berita/...
	KindModule              // modul/<level>/...
	KindGallery             // galeri/...
)

func (k Kind) String() string {
	return [...]string{"page", "home", "section", "news", "module", "gallery"}[k]
}

// Levels are the school levels a module can be for, in display order.
var Levels = schema.Levels

// Page is one Markdown file and what its front matter says.
type Page struct {
	Kind Kind
	// File is the slash path from the site folder: content/berita/x.md.
	File string
	// Dir is the page's folder below content/ ("berita/2025-07-29-x" for a
	// bundle, "berita" for a single file or a section's _index.md).
	Dir string
	// Bundle is true for a folder with index.md.
	Bundle bool
	// Section is the first folder below content/, "" at the top.
	Section string
	// Path is the page's place below content/ without extension or
	// date-stripped slug: "berita/2025-07-29-x", "modul/sd", "tentang".
	Path string
	// Slug is the last part of the URL.
	Slug string

	Title   string
	Date    time.Time
	Summary string // from front matter; else filled from the body when rendered
	Draft   bool
	Review  bool // a draft ready for review (schema.Status)
	Weight  int

	// Params holds every front matter field, known or not.
	Params map[string]any
	// Fields keeps front matter values with their lines, for later checks;
	// nil once loading has read them when Options.DropFields is set (read
	// a field's line with Line, which answers either way).
	Fields Fields
	lines  []fieldLine // Fields' lines, once Fields is dropped

	// Body is the Markdown after the front matter; BodyLine is the line of
	// the file it starts on.
	Body     []byte
	BodyLine int

	// Resources are the bundle's other files, sorted by name: for news and
	// galleries, those the page uses (see checkBundleUnused).
	Resources []Resource
	// Unused names the files of a news or gallery bundle that the page
	// does not use: they are reported and not published.
	Unused []string
	// Consent is the page's consent: true when the people in its cover and
	// bundle images agreed to publication; nil when the page does not say.
	Consent *bool

	// Sum is a hash of the file's bytes (xxhash, stable across runs): equal
	// sums, equal pages. FrontSum is a hash of the part before the body:
	// equal FrontSums, equal front matter (and the body starts on the same line).
	Sum, FrontSum uint64
	// LinksFiles is true when the body may link to other pages by file
	// ("../tentang.md"), so its output depends on their URLs.
	LinksFiles bool
	// Size and ModTime are the file's, to notice changes without reading.
	Size    int64
	ModTime time.Time

	src source // where the page came from, for Reload
	// bodyAt is where the body starts in the file's bytes (after reading
	// them as readSource does), or -1: ReadBody cuts there instead of
	// reading the front matter again when the file did not change.
	bodyAt int

	News    *News
	Module  *Module
	Gallery *Gallery
	// Visit is the schools a report or gallery names (visits.go).
	Visit *Visit
}

// Resource is a file that belongs to a bundle.
type Resource struct {
	Name    string // slash path relative to the bundle folder: "cover.jpg"
	Path    string // slash path in the site's file system: "content/berita/x/cover.jpg"
	Size    int64
	ModTime time.Time
}

// News holds the fields of a news report.
type News struct {
	Location string
	District string
	Program  string
	Tags     []string
	Cover    string // resource name
	CoverAlt string
	Gallery  string // content path of a gallery bundle: galeri/2025-07-29-x
	Author   string
	Consent  *bool
}

// Module holds the fields of a lesson module.
type Module struct {
	Level       string
	Ages        string
	Duration    string
	Topics      []string
	Objectives  []string
	Materials   []string
	Attachments []Attachment
	// Unused are the bundle's files that are neither attachments nor used
	// by the page's text: they are not published (see checkUnused).
	Unused []string
}

// Attachment is a downloadable file of a module.
type Attachment struct {
	File  string
	Title string
	Size  int64
}

// Gallery holds the fields of a photo gallery.
type Gallery struct {
	Location string
	District string
	Consent  bool
	Photos   []Photo
	// RequireConsent is the site's privacy.require_consent: without it, a
	// photo is published unless it says consent: false.
	RequireConsent bool
}

// Photo is one gallery photo.
type Photo struct {
	File    string
	Caption string
	Alt     string
	// Consent is the photo's own consent, overriding the gallery's.
	Consent *bool
	// Line is where the photo is listed in the front matter.
	Line int
}

// Published reports whether a photo may be shown: its own consent first,
// then the gallery's; with neither, only when the site does not require
// consent.
func (g *Gallery) Published(p Photo) bool {
	switch {
	case p.Consent != nil:
		return *p.Consent
	case g.Consent:
		return true
	}
	return !g.RequireConsent
}

// Resource finds a bundle file by name. Names are compared in Unicode
// NFC, the form resource names are kept in (see walk): macOS saves
// "café.jpg" decomposed (NFD), and a name typed or pasted in either form
// finds the file.
func (p *Page) Resource(name string) (Resource, bool) {
	name = norm.NFC.String(name)
	for _, r := range p.Resources {
		if r.Name == name {
			return r, true
		}
	}
	return Resource{}, false
}

// fieldLine is the line of one front matter field.
type fieldLine struct {
	key  string
	line int32
}

// Line is the line of front matter field key in the page's file, 0 when
// the page has no such field.
func (p *Page) Line(key string) int {
	if p.Fields != nil {
		return p.Fields[key].Line
	}
	for _, l := range p.lines {
		if l.key == key {
			return int(l.line)
		}
	}
	return 0
}

// dropFields lets go of Fields and keeps their lines: after loading, a
// build reads only those (and Params, which holds the same values). A
// map per page cost about 0.8 KB at 50,000 reports; the lines, a third.
func (p *Page) dropFields() {
	if len(p.Fields) == 0 {
		p.Fields = nil
		return
	}
	p.lines = make([]fieldLine, 0, len(p.Fields))
	for k, f := range p.Fields {
		p.lines = append(p.lines, fieldLine{k, int32(f.Line)})
	}
	p.Fields = nil
}
