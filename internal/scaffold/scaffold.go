// Package scaffold writes new content from archetypes: the templates in
// archetypes/<kind>.md (the site's own first, then the built-in ones), so
// that staff start every news report, module or gallery with every field
// in place and explained.
//
// An archetype that starts with front matter is used as it is. One that
// holds only the body (the built-in ones) gets its front matter from
// internal/schema: the fields a new page of its kind starts with, in the
// schema's order, each with its help text as a comment (in the site's
// language), written by internal/pagefile. So the fields of a new page
// are the fields the build checks, never a second list.
//
// It never overwrites: a page that exists already is an error.
package scaffold

import (
	"bytes"
	"cmp"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"text/template"
	"time"

	"github.com/dinsos-metro/warta/internal/diag"
	"github.com/dinsos-metro/warta/internal/pagefile"
	"github.com/dinsos-metro/warta/internal/schema"
	"github.com/dinsos-metro/warta/internal/slug"
)

// Kinds of content `warta new` makes, with their sections.
var Kinds = map[string]string{"berita": "berita", "modul": "modul", "galeri": "galeri"}

// Ages are the usual age ranges of each level.
var Ages = map[string]string{"paud": "4-6", "sd": "7-12", "smp": "13-15"}

// Schema names the schema kind of each kind of `warta new`.
var Schema = map[string]string{"berita": "news", "modul": "module", "galeri": "gallery"}

// Request says what to create.
type Request struct {
	Kind  string    // berita, modul or galeri
	Title string    // the page title, in Indonesian
	Level string    // paud, sd or smp (modules only)
	Now   time.Time // in the site's time zone
	Lang  string    // language of the help comments: id (default) or en
	// Choices are the site's lists shown in the comments of choice fields
	// ("districts": the kecamatan of site.yaml).
	Choices map[string][]string
}

// Create writes the new page below siteDir and returns its path, relative
// to siteDir. layers are searched for archetypes/<kind>.md, first wins.
func Create(siteDir string, layers []fs.FS, req Request) (string, error) {
	if _, ok := Kinds[req.Kind]; !ok {
		return "", diag.New("", 0, diag.NewUnknownKind, req.Kind)
	}
	s := slug.Make(req.Title)
	if s == "" {
		return "", diag.New("", 0, diag.SlugEmpty, req.Title)
	}
	date := req.Now.Format("2006-01-02")
	var rel string
	switch req.Kind {
	case "berita":
		rel = filepath.Join("content", "berita", date+"-"+s, "index.md")
	case "galeri":
		rel = filepath.Join("content", "galeri", date+"-"+s, "index.md")
	case "modul":
		if _, ok := Ages[req.Level]; !ok {
			return "", diag.New("", 0, diag.NewNeedsLevel, req.Level)
		}
		rel = filepath.Join("content", "modul", req.Level, s, "index.md")
	}
	full := filepath.Join(siteDir, rel)
	if _, err := os.Stat(filepath.Dir(full)); err == nil {
		return "", diag.New(filepath.ToSlash(rel), 0, diag.NewExists, filepath.ToSlash(filepath.Dir(rel)))
	}
	tmpl, err := archetype(layers, req.Kind)
	if err != nil {
		return "", err
	}
	var buf bytes.Buffer
	err = tmpl.Execute(&buf, map[string]string{
		"Title": req.Title, "Date": date, "Slug": s, "Level": req.Level, "Ages": Ages[req.Level],
	})
	if err != nil {
		return "", fmt.Errorf("archetypes/%s.md: %w", req.Kind, err)
	}
	page := buf.Bytes()
	if !hasFrontMatter(page) {
		page, err = pagefile.Template(Schema[req.Kind], Fields(req), page, cmp.Or(req.Lang, "id"), req.Choices)
		if err != nil {
			return "", err
		}
	}
	if err := os.MkdirAll(filepath.Dir(full), 0o755); err != nil {
		return "", err
	}
	// O_EXCL: even a file created a moment ago by someone else is kept.
	f, err := os.OpenFile(full, os.O_WRONLY|os.O_CREATE|os.O_EXCL, 0o644)
	if err != nil {
		return "", err
	}
	if _, err := f.Write(page); err != nil {
		f.Close()
		return "", err
	}
	return filepath.ToSlash(rel), f.Close()
}

// Fields are the front matter of a new page: every field the schema marks
// New for the kind, with the request's title, date and level, else the
// schema's default, else empty.
func Fields(req Request) map[string]any {
	kind := Schema[req.Kind]
	out := map[string]any{}
	for _, f := range schema.For(kind) {
		if !f.New {
			continue
		}
		switch {
		case f.Key == "title":
			out[f.Key] = req.Title
		case f.Key == "date":
			out[f.Key] = req.Now.Format("2006-01-02")
		case f.Key == "level":
			out[f.Key] = req.Level
		case f.Key == "ages":
			out[f.Key] = Ages[req.Level]
		case f.Default != nil:
			out[f.Key] = f.Default
		case f.Type == schema.List || f.Type == schema.Entries || f.Type == schema.Schools:
			out[f.Key] = []any{}
		case f.Type == schema.Bool:
			out[f.Key] = false
		default:
			out[f.Key] = ""
		}
	}
	return out
}

// hasFrontMatter tells an archetype that writes its own fields.
func hasFrontMatter(page []byte) bool {
	first, _, _ := bytes.Cut(bytes.TrimLeft(page, " \t\r\n"), []byte("\n"))
	switch string(bytes.TrimSpace(first)) {
	case "---", "+++", ";;;":
		return true
	}
	return false
}

func archetype(layers []fs.FS, kind string) (*template.Template, error) {
	name := "archetypes/" + kind + ".md"
	for _, l := range layers {
		data, err := fs.ReadFile(l, name)
		if errors.Is(err, fs.ErrNotExist) {
			continue
		}
		if err != nil {
			return nil, err
		}
		return template.New(name).Option("missingkey=error").Parse(string(data))
	}
	return nil, fmt.Errorf("no %s in the site or the built-in theme", name)
}
