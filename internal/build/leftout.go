package build

import (
	"maps"
	"slices"
	"strings"
	"time"

	"github.com/dinsos-metro/warta/internal/content"
)

// Held is a page a build did not publish because it is dated in the future.
type Held struct {
	File string
	Date time.Time
}

// leftOut fills a Result's Drafts and Future: the pages a build leaves out
// by rule, which the command counts in its summary and lists with -v, so
// that no page disappears without a word. Drafts are noted by the load
// (content.Options.LeftOut, Session.drafts); future pages are those
// site.Assemble holds back (the same rule: dated after the build's clock,
// neither the home page nor a section).
func (s *Session) leftOut(res *Result, pages []*content.Page, now time.Time) {
	res.Drafts = slices.Sorted(maps.Keys(s.drafts))
	if s.opt.Future || now.IsZero() {
		return
	}
	for _, p := range pages {
		if p.Date.After(now) && p.Kind != content.KindHome && p.Kind != content.KindSection {
			res.Future = append(res.Future, Held{p.File, p.Date})
		}
	}
	slices.SortFunc(res.Future, func(a, b Held) int { return strings.Compare(a.File, b.File) })
}

// noteDraft is content.Options.LeftOut for a Session's full loads.
func (s *Session) noteDraft(p *content.Page) {
	s.drafts[p.File] = true
}
