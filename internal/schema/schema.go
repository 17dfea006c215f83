// Package schema defines, once, the front matter fields of each kind of
// page: their keys, types, whether they are required, an example, where
// the choices and suggestions of a form come from, and a label and help
// text in Indonesian and English. The same definitions drive the build's
// validation (internal/content), the pages `warta new` writes
// (internal/scaffold) and the newsroom's forms; nothing else lists fields.
//
// The API:
//
//	For(kind string) []Field        // "news", "module", "gallery", "page" (also "home", "section")
//	Lookup(kind, key string) (Field, bool)
//	Order() []string                // every key of every kind, in the order a careful person writes them
//	(Field).Label(lang), (Field).Help(lang)   // lang "id" or "en"
//	(Field).Line() string           // "key: example", the line the build's messages suggest
//	Status(draft, review bool, date, now time.Time) string
//	Levels                          // paud, sd, smp
//
// Rules:
//
//   - Kinds are named as content.Kind prints them: news (berita/), module
//     (modul/<level>/), gallery (galeri/), page (any other file); home and
//     section pages take the fields of a plain page.
//   - A field's Type says how its value is read and edited (see Type). Dates
//     are text in the front matter (2025-07-29 or 2025-07-29T09:00:00+07:00)
//     in the site's time zone.
//   - Choices names a list the form offers (and the site knows):
//     "districts" (site.yaml districts), "levels" (Levels), "galleries" (the
//     site's gallery folders), "schools" (the site's school data). Suggest
//     names terms already used in the site, offered while typing: "program",
//     "tags", "topics".
//   - Fields not in the schema are allowed and kept: templates read them.
//   - This package imports nothing of warta's content, so content can
//     import it.
package schema

import (
	"slices"
	"time"
)

// Type is the kind of value a field holds.
type Type string

const (
	Text     Type = "text"     // one line of text
	LongText Type = "longtext" // a paragraph (still one value; written quoted)
	DateTime Type = "datetime" // a date, or a date and time, in the site's time zone
	Bool     Type = "bool"     // true or false
	Number   Type = "number"   // a whole number (weight)
	List     Type = "list"     // a list of text
	Choice   Type = "choice"   // one value from Choices
	File     Type = "file"     // the name of a file in the page's folder
	Entries  Type = "entries"  // a list of groups of fields, described by Items
	Group    Type = "group"    // one group of fields, described by Items
	Gallery  Type = "gallery"  // the folder of a gallery: galeri/2025-07-29-x
	Schools  Type = "schools"  // a list of school keys from the site's school data
)

// Levels are the school levels a module can be for, in display order.
var Levels = []string{"paud", "sd", "smp"}

// T is a text in Indonesian and English.
type T struct{ ID, EN string }

// In gives the text in lang ("id" or "en"; anything else is English).
func (t T) In(lang string) string {
	if lang == "id" && t.ID != "" {
		return t.ID
	}
	return t.EN
}

// Field is one front matter field of a kind of page.
type Field struct {
	Key      string
	Type     Type
	Required bool
	// Example is a value as it is written in the front matter; Line joins
	// it to the key for messages ("title: \"Judul halaman\"").
	Example string
	// Default is the value a new page starts with (nil: the field starts
	// empty); New pages always carry the fields with New set.
	Default any
	// New says the field belongs in a new page's front matter, to be filled.
	New bool
	// Choices names the list of allowed values; Suggest the terms offered.
	Choices string
	Suggest string
	// Items are the fields of each entry of an Entries field.
	Items []Field

	label, help T
}

// Label is the field's name in a form.
func (f Field) Label(lang string) string { return f.label.In(lang) }

// Help says what the field is for and how to fill it.
func (f Field) Help(lang string) string { return f.help.In(lang) }

// Line is the front matter line the build suggests for a missing field.
func (f Field) Line() string { return f.Key + ": " + f.Example }

// Item finds a sub-field of an Entries field.
func (f Field) Item(key string) (Field, bool) {
	i := slices.IndexFunc(f.Items, func(x Field) bool { return x.Key == key })
	if i < 0 {
		return Field{}, false
	}
	return f.Items[i], true
}

// For gives the fields of a kind of page in the order a page writes them.
// Unknown kinds get the fields of a plain page. The slice is a copy.
func For(kind string) []Field {
	keys, ok := kinds[kind]
	if !ok {
		keys = kinds["page"]
	}
	out := make([]Field, 0, len(keys))
	for _, k := range keys {
		f := fields[k]
		if over, ok := kindFields[kind+"."+k]; ok {
			f = over
		}
		out = append(out, f)
	}
	return out
}

// Common finds a field by key whatever the kind, as a plain page would
// have it (never required): for pages that carry a field of another kind.
func Common(key string) (Field, bool) {
	f, ok := fields[key]
	return f, ok
}

// Lookup finds one field of a kind.
func Lookup(kind, key string) (Field, bool) {
	of, ok := byKind[kind]
	if !ok {
		of = byKind["page"]
	}
	f, ok := of[key]
	return f, ok
}

// Kinds lists the kinds a page can be made as, in menu order.
func Kinds() []string { return []string{"news", "module", "gallery", "page"} }

// Order lists every key of every kind in writing order: new keys of a
// page go in this order among the ones it has.
func Order() []string { return slices.Clone(order) }

// The states of a page.
const (
	StatusDraft     = "draft"
	StatusReview    = "review" // draft: true with review: true, ready for review
	StatusScheduled = "scheduled"
	StatusPublished = "published"
)

// Status tells where a page stands: a draft (draft: true), ready for
// review (draft: true and review: true), scheduled (not a draft, dated
// after now: the site shows it from then on) or published.
func Status(draft, review bool, date, now time.Time) string {
	switch {
	case draft && review:
		return StatusReview
	case draft:
		return StatusDraft
	case !date.IsZero() && date.After(now):
		return StatusScheduled
	}
	return StatusPublished
}

// StatusLabel names a status for people.
func StatusLabel(status, lang string) string {
	return map[string]T{
		StatusDraft:     {"Draf", "Draft"},
		StatusReview:    {"Siap ditinjau", "Ready for review"},
		StatusScheduled: {"Terjadwal", "Scheduled"},
		StatusPublished: {"Terbit", "Published"},
	}[status].In(lang)
}
