package render

import (
	"encoding/json"
	"strings"

	"github.com/dinsos-metro/warta/internal/diag"
)

// Extension adds a family of outputs to a render, the way goldmark takes
// extensions: a package beside render (internal/reach) computes its pages
// and files and hands them over as a list; render fingerprints, renders
// and writes them like its own jobs, so they are incremental too.
//
// Everything an output shows is in its View (or Body): the fingerprint of
// a job is its template, the generation and View encoded as JSON, so an
// extension cannot forget an input.
type Extension interface {
	// Outputs are the extension's own pages and files.
	Outputs() []Output
	// Extra is what the extension adds to one of render's pages (the home
	// page, a taxonomy term page), by the page's site path; nil for none.
	// Templates see it as .Extra.
	Extra(urlPath string) any
}

// Output is a page or a file of an Extension.
type Output struct {
	// URL is the site path: "/jangkauan/" for a page, "/data/x.csv" for a file.
	URL string
	// Template renders a page; empty for a file, which is Body as it is.
	Template string
	Body     []byte
	// Kind, Title, Description and Crumbs fill the page's PageView; View is
	// the page's .Extra.
	Kind, Title, Description string
	Crumbs                   []Link
	View                     any
	// Source is the file that messages about the output name.
	Source string
}

// extensionJobs renders the outputs of every extension (wave 2: they may
// list pages, never their bodies).
func (r *Renderer) extensionJobs() []job {
	var jobs []job
	for _, ext := range r.opt.Extensions {
		for _, o := range ext.Outputs() {
			id := OutputPath(o.URL)
			inputs := func(h *hasher) {
				h.str(o.Kind, o.Title, o.Description, o.Source).str(string(o.Body))
				for _, c := range o.Crumbs {
					h.str(c.Title, c.URL)
				}
				viewInputs(h, o.View)
			}
			jobs = append(jobs, r.cached(id, o.Template, []string{id}, inputs, func() []diag.Diagnostic {
				if o.Template == "" {
					if d := r.write(id, o.Body, o.Source); d != nil {
						return []diag.Diagnostic{*d}
					}
					return nil
				}
				view := &PageView{
					Kind: o.Kind, Title: o.Title, Description: o.Description, OGType: "website",
					URL: r.urls.Rel(o.URL), Permalink: r.urls.Abs(o.URL),
				}
				data := &Data{Site: r.siteFor(o.URL), Page: view, Crumbs: o.Crumbs, Extra: o.View}
				return r.page(o.Template, o.URL, o.Source, data)
			}))
		}
	}
	return jobs
}

// extra is what the extensions add to a page of render's own; inputs
// hashes it into the page's fingerprint.
func (r *Renderer) extra(urlPath string) any {
	for _, ext := range r.opt.Extensions {
		if v := ext.Extra(urlPath); v != nil {
			return v
		}
	}
	return nil
}

func (r *Renderer) extraInputs(h *hasher, urlPath string) {
	if len(r.opt.Extensions) > 0 {
		viewInputs(h, r.extra(urlPath))
	}
}

func viewInputs(h *hasher, v any) {
	var b strings.Builder
	if err := json.NewEncoder(&b).Encode(v); err != nil {
		b.WriteString(err.Error()) // not encodable: changes every time it differs
	}
	h.str(b.String())
}

// extensionPages calls page with the site path of every extension page,
// for the sitemap.
func (r *Renderer) extensionPages(page func(urlPath string)) {
	for _, ext := range r.opt.Extensions {
		for _, o := range ext.Outputs() {
			if o.Template != "" {
				page(o.URL)
			}
		}
	}
}
