package build

import (
	"context"
	"maps"
	"slices"

	"github.com/dinsos-metro/warta/internal/content"
	"github.com/dinsos-metro/warta/internal/diag"
	"github.com/dinsos-metro/warta/internal/render"
	"github.com/dinsos-metro/warta/internal/site"
)

// The quick path of Update. Most saves in `warta serve` change a page's
// text and nothing else. When every file of a change was read again in
// place and its front matter is byte for byte what it was, the site keeps
// its shape (pages, URLs, order, lists, taxonomies all come from front
// matter), so assembling it again would give the same site: the new pages
// take the old ones' places in the last assembled site, and the last
// Renderer re-renders only what shows their bodies (render.Update).
// Anything else (a new or deleted file, a changed title or date, settings,
// templates, assets, a page with errors, the first run after a failed one)
// takes the full path, which fingerprints every output.

// quickState is what a successful tracking run leaves for the quick path.
type quickState struct {
	r     *render.Renderer
	site  *site.Site
	total int // HTML pages of the site
}

// edit is a page read again by loadContent; rescan marks a walk instead.
type edit struct {
	file     string
	old, new *content.Page
	rescan   bool
}

// indexBuilder is the search index builder a render uses: the Session's,
// kept between runs, when tracking.
func (s *Session) indexBuilder(track bool) render.IndexBuilder {
	if !track {
		return nil
	}
	return s.search
}

// quickUpdate applies a change by the quick path when it can, and says
// whether it did.
func (s *Session) quickUpdate(ctx context.Context, q *quickState, ch Change, res *Result, timed func(string, func())) bool {
	if q == nil || ch.Config || ch.Layouts || ch.Assets || ch.Rescan {
		return false
	}
	var changed []*site.Page
	for _, e := range s.edits {
		if e.rescan || e.new == nil || e.new.FrontSum != e.old.FrontSum || hasErrors(s.loadDiags[e.file]) {
			return false
		}
		sp := q.site.ByFile[e.file]
		if sp == nil || sp.Page != e.old || !render.IsLeaf(sp) {
			return false // a section's text, or a page the site left out (a draft)
		}
		changed = append(changed, sp)
	}
	for i, e := range s.edits {
		changed[i].Page = e.new
	}

	res.Quick = true
	res.Sources = len(s.pages)
	res.Sections = len(q.site.Sections)
	for _, f := range slices.Sorted(maps.Keys(s.loadDiags)) {
		res.Diags.Add(s.loadDiags[f]...)
	}
	timed("render", func() {
		stats, ds := q.r.Update(ctx, changed)
		res.Diags.Add(ds...)
		res.Pages, res.Files, res.Skipped = stats.Pages, stats.Files, stats.Skipped
		res.Dropped = q.r.Dropped()
		s.state = q.r.State()
	})
	timed("images", func() {
		// Only the pictures of the pages rendered again; the cache is not
		// pruned, since this run did not ask for everything the site shows.
		stats, ds := q.r.Images(ctx)
		res.Diags.Add(ds...)
		res.Images = stats
		res.Files += stats.Derivatives
	})
	if res.Diags.Errors() == 0 && ctx.Err() == nil {
		res.State = s.state
		res.Total = q.total
		s.quick = q
	}
	return true
}

func hasErrors(ds []diag.Diagnostic) bool {
	for _, d := range ds {
		if d.Severity == diag.Error {
			return true
		}
	}
	return false
}
