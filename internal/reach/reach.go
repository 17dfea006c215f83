// Package reach is the program's reach: which schools the department has
// visited, by kecamatan and level, built from what staff already write.
//
// The rules:
//
//   - Schools are data of the site, like content: data/sekolah.yaml lists
//     them by key (the key is the school's address, /sekolah/<key>/), read
//     through the same fs.FS as everything else (schools.go). The
//     kecamatan are site.yaml's districts, in their order.
//   - A news report names the schools it visited (schools:, keys of the
//     data file) and may give totals of who took part (participants:
//     children, teachers, parents; never names). A gallery may name its
//     school (school:). internal/content reads the fields; this package
//     checks them against the schools (check.go).
//   - A visit is a school named by a published report, or by a gallery
//     that no report naming the same school links to. Its date is the
//     page's date.
//   - Everything is computed from the assembled site (drafts and future
//     pages are left out exactly as the site leaves them out), in one
//     goroutine, deterministically: same site, same bytes.
//   - The pages (/jangkauan/, /sekolah/<key>/, /data/), the charts (SVG,
//     drawn here at build time) and the open data files (CSV and JSON) are
//     handed to render as an Extension (outputs.go); render fingerprints
//     each by its view, so they are rebuilt when, and only when, what
//     they show changes.
package reach

import (
	"cmp"
	"slices"
	"time"

	"github.com/dinsos-metro/warta/internal/config"
	"github.com/dinsos-metro/warta/internal/content"
	"github.com/dinsos-metro/warta/internal/diag"
	"github.com/dinsos-metro/warta/internal/site"
)

// Reach is the program's reach over one assembled site.
type Reach struct {
	Site    *site.Site
	Schools []*School          // in the data file's order
	byKey   map[string]*School // by key
	// Visits are the school visits, oldest first (then by school key).
	Visits []Visit
	// Pages are, per school key, every report and gallery naming it,
	// oldest first.
	Pages map[string][]*site.Page
	// Reports are the reports naming at least one school, oldest first.
	Reports []*site.Page
	visits  map[string]int // visits by school key
}

// Visit is one school visited by one page.
type Visit struct {
	Date   time.Time
	School *School
	Page   *site.Page // the report, or the gallery
	// Shared is how many schools the page names: participant totals
	// belong to the page, not to each school.
	Shared int
	// Participants are the page's totals (nil when it gives none).
	Participants *content.Participants
}

// New computes the reach of an assembled site and checks what its pages
// say about schools (check.go).
func New(s *site.Site, schools []School) (*Reach, []diag.Diagnostic) {
	r := &Reach{Site: s, byKey: map[string]*School{}, Pages: map[string][]*site.Page{}}
	invalid := map[string]bool{}
	for i := range schools {
		sc := &schools[i]
		if sc.Invalid {
			invalid[sc.Key] = true // its own error is enough
			continue
		}
		r.Schools = append(r.Schools, sc)
		r.byKey[sc.Key] = sc
	}
	var ds []diag.Diagnostic
	pages := append(slices.Clone(s.News), s.Galleries...)
	slices.SortStableFunc(pages, func(a, b *site.Page) int {
		return cmp.Or(a.Date.Compare(b.Date), cmp.Compare(a.File, b.File))
	})
	for _, p := range pages {
		if p.Visit == nil {
			continue
		}
		known := r.checkPage(p, invalid, &ds)
		if len(known) > 0 && p.News != nil {
			r.Reports = append(r.Reports, p)
		}
		for _, sc := range known {
			r.Pages[sc.Key] = append(r.Pages[sc.Key], p)
			if p.Gallery != nil && reportedBy(p, sc.Key) {
				continue // the report is the visit; its gallery is the same one
			}
			r.Visits = append(r.Visits, Visit{Date: p.Date, School: sc, Page: p, Shared: len(known), Participants: p.Visit.Participants})
		}
	}
	r.visits = map[string]int{}
	for _, v := range r.Visits {
		r.visits[v.School.Key]++
	}
	slices.SortStableFunc(r.Visits, func(a, b Visit) int {
		return cmp.Or(a.Date.Compare(b.Date), cmp.Compare(a.School.Key, b.School.Key), cmp.Compare(a.Page.File, b.Page.File))
	})
	return r, ds
}

// reportedBy says whether a report linking gallery g names the school.
func reportedBy(g *site.Page, key string) bool {
	for _, n := range g.Reports {
		if n.Visit == nil {
			continue
		}
		for _, ref := range n.Visit.Schools {
			if ref.Key == key {
				return true
			}
		}
	}
	return false
}

// reported says whether p is a report naming a known school.
func (r *Reach) reported(p *site.Page) bool {
	if p.News == nil || p.Visit == nil {
		return false
	}
	for _, ref := range p.Visit.Schools {
		if r.byKey[ref.Key] != nil {
			return true
		}
	}
	return false
}

// School finds a school by key.
func (r *Reach) School(key string) *School { return r.byKey[key] }

// Visited says whether a school has at least one visit.
func (r *Reach) Visited(key string) bool { return len(r.Pages[key]) > 0 }

// districts are the kecamatan to show: site.yaml's, or else those the
// schools name, in the order first named.
func districts(cfg *config.Config, schools []*School) []config.District {
	if len(cfg.Districts) > 0 {
		return cfg.Districts
	}
	var out []config.District
	for _, s := range schools {
		if !slices.ContainsFunc(out, func(d config.District) bool { return d.Name == s.District }) {
			out = append(out, config.District{Name: s.District})
		}
	}
	return out
}
