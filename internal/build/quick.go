package build

import (
	"cmp"
	"context"
	"maps"
	"reflect"
	"slices"
	"strings"
	"time"

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
//
// A save that changes the title, date or summary in the front matter of a
// news report, a gallery or a plain page, and nothing else there, is quick
// too when it moves nothing: the
// page stays at its place in every ordered list it is in (news and
// galleries newest first, in the lists of their terms too; plain pages by
// weight, then title), the site's newest date stays (the footer's year, the
// feeds), and the page is not dated in the future. Its URL cannot change:
// it comes from the file's name and the slug field. Then render.Update also
// renders again what shows those fields without the body (the neighbours'
// links, the sitemap). Modules, and pages that name schools (program reach
// shows their titles and dates), take the full path for such edits.
//
// Anything else (a new or deleted file, any other front matter change,
// settings, templates, assets, a page with errors, the first run after a
// failed one) takes the full path, which fingerprints every output.

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
	fields := false // a title, date or summary changed
	for _, e := range s.edits {
		if e.rescan || e.new == nil || hasErrors(s.loadDiags[e.file]) {
			return false
		}
		sp := q.site.ByFile[e.file]
		if sp == nil || sp.Page != e.old || !render.IsLeaf(sp) {
			return false // a section's text, or a page the site left out (a draft)
		}
		if e.new.FrontSum != e.old.FrontSum {
			if !s.movesNothing(e.old, e.new) {
				return false
			}
			fields = true
		}
		changed = append(changed, sp)
	}
	var newest time.Time
	if fields {
		newest = q.site.Newest()
	}
	for i, e := range s.edits {
		changed[i].Page = e.new
	}
	if fields && !inPlace(q.site, changed, newest) {
		for i, e := range s.edits {
			changed[i].Page = e.old // the full path assembles a new site; leave this one as it was
		}
		return false
	}

	res.Quick = true
	res.Sources = len(s.pages)
	res.Sections = len(q.site.Sections)
	for _, f := range slices.Sorted(maps.Keys(s.loadDiags)) {
		res.Diags.Add(s.loadDiags[f]...)
	}
	timed("render", func() {
		stats, ds := q.r.Update(ctx, changed, fields)
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

// quickFields are the front matter fields an edit may change and stay
// quick: no list is made or filtered by them, and inPlace checks the order
// they sort by.
var quickFields = map[string]bool{"title": true, "date": true, "summary": true, "description": true}

// derived are the fields of content.Page that follow from the file's
// bytes or the body rather than from the front matter (the text path
// already lets them change), and those of quickFields.
var derived = map[string]bool{
	"Title": true, "Date": true, "Summary": true,
	"Body": true, "Sum": true, "FrontSum": true, "Size": true, "ModTime": true, "LinksFiles": true, "src": true, "bodyAt": true,
	"lines": true, // Fields' lines, kept only when Fields is dropped (one-shot builds)
}

// movesNothing reports whether a page read again differs from what it was
// only in quickFields, for a kind of page whose lists inPlace checks.
// It compares every other field of content.Page, so a field added to it
// later counts as a change until it is listed in derived; maps keyed by
// field name (Params, Fields) are compared without quickFields.
func (s *Session) movesNothing(old, new *content.Page) bool {
	switch new.Kind {
	case content.KindNews, content.KindGallery, content.KindPage:
	default:
		return false // modules show in many more places (levels, topics, bundles)
	}
	if (old.Visit != nil || new.Visit != nil) && (old.Title != new.Title || !old.Date.Equal(new.Date)) {
		return false // the reach pages and data show the titles and dates of visits
	}
	if !s.opt.Future && new.Date.After(s.now()) {
		return false // left out of the site from now on
	}
	a, b := reflect.ValueOf(old).Elem(), reflect.ValueOf(new).Elem()
	for i := range a.NumField() {
		f := a.Type().Field(i)
		if derived[f.Name] {
			continue
		}
		if !f.IsExported() {
			return false // unknown to this check
		}
		x, y := a.Field(i), b.Field(i)
		if x.Kind() == reflect.Map && x.Type().Key().Kind() == reflect.String {
			if !sameExcept(x, y) {
				return false
			}
			continue
		}
		if !reflect.DeepEqual(x.Interface(), y.Interface()) {
			return false
		}
	}
	return true
}

// sameExcept compares two maps keyed by front matter field, leaving out
// quickFields.
func sameExcept(x, y reflect.Value) bool {
	n := 0
	for _, k := range x.MapKeys() {
		if quickFields[k.String()] {
			continue
		}
		n++
		v := y.MapIndex(k)
		if !v.IsValid() || !reflect.DeepEqual(x.MapIndex(k).Interface(), v.Interface()) {
			return false
		}
	}
	for _, k := range y.MapKeys() {
		if !quickFields[k.String()] {
			n--
		}
	}
	return n == 0
}

// inPlace reports whether the changed pages, which already hold their new
// fields, still sit where they were in every ordered list of the site, and
// the site's newest date is still newest. The orders are site.Assemble's;
// checking each page against its neighbours is enough, since the rest of
// a list did not change.
func inPlace(st *site.Site, changed []*site.Page, newest time.Time) bool {
	if !st.Newest().Equal(newest) {
		return false // every page's footer year, the feeds' dates
	}
	for _, p := range changed {
		var ok bool
		switch p.Kind {
		case content.KindNews:
			ok = sorted(st.News, p, newestFirst)
		case content.KindGallery:
			ok = sorted(st.Galleries, p, newestFirst)
		case content.KindPage:
			ok = sorted(st.Plain, p, byWeight)
		}
		for _, t := range p.Terms {
			ok = ok && sorted(t.Pages, p, newestFirst)
		}
		if !ok {
			return false
		}
	}
	return true
}

// sorted reports whether p is in list and ordered with its neighbours.
func sorted(list []*site.Page, p *site.Page, cmp func(a, b *site.Page) int) bool {
	i := slices.Index(list, p)
	return i >= 0 && (i == 0 || cmp(list[i-1], p) < 0) && (i == len(list)-1 || cmp(p, list[i+1]) < 0)
}

// newestFirst and byWeight are site.Assemble's orders.
func newestFirst(a, b *site.Page) int {
	return cmp.Or(b.Date.Compare(a.Date), strings.Compare(a.File, b.File))
}

func byWeight(a, b *site.Page) int {
	return cmp.Or(cmp.Compare(a.Weight, b.Weight), strings.Compare(a.Title, b.Title), strings.Compare(a.File, b.File))
}

// now is the build's clock, as run gives it to site.Assemble.
func (s *Session) now() time.Time {
	if s.opt.Now.IsZero() {
		return time.Now()
	}
	return s.opt.Now
}

func hasErrors(ds []diag.Diagnostic) bool {
	for _, d := range ds {
		if d.Severity == diag.Error {
			return true
		}
	}
	return false
}
