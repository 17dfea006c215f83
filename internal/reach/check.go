package reach

import (
	"slices"
	"strings"

	"github.com/dinsos-metro/warta/internal/diag"
	"github.com/dinsos-metro/warta/internal/site"
	"github.com/dinsos-metro/warta/internal/slug"
)

// checkPage checks the schools a page names: each must be a key of the
// data file (else an error, with the closest key as a hint), and a page
// that says its district should name schools of that district (else a
// warning: one of the two is mistyped). It returns the known schools.
func (r *Reach) checkPage(p *site.Page, invalid map[string]bool, ds *[]diag.Diagnostic) []*School {
	var known []*School
	district := ""
	switch {
	case p.News != nil:
		district = p.News.District
	case p.Gallery != nil:
		district = p.Gallery.District
	}
	for _, ref := range p.Visit.Schools {
		sc := r.byKey[ref.Key]
		if sc == nil && invalid[ref.Key] {
			continue
		}
		if sc == nil {
			if hint := r.closest(ref.Key); hint != "" {
				*ds = append(*ds, diag.New(p.File, ref.Line, diag.SchoolUnknown, ref.Key, hint))
			} else {
				*ds = append(*ds, diag.New(p.File, ref.Line, diag.SchoolUnknownNoHint, ref.Key))
			}
			continue
		}
		known = append(known, sc)
		if district != "" && sc.District != "" && district != sc.District {
			line := p.Line("district")
			if line == 0 {
				line = ref.Line
			}
			*ds = append(*ds, diag.Warn(p.File, line, diag.DistrictDisagrees, district, sc.Key, sc.District))
		}
	}
	return known
}

// closest is the key most like a mistyped one: by edit distance to the
// key, or to the key its name would make; "" when nothing is close.
func (r *Reach) closest(typed string) string {
	best, bestDist := "", len(typed)/2+1
	made := slug.Make(typed)
	for _, sc := range r.Schools {
		if made == sc.Key || slug.Make(sc.Name) == made {
			return sc.Key
		}
		d := distance(made, sc.Key)
		if d >= bestDist && within(made, sc.Key) {
			d = bestDist - 1 // a word left out: "slb-metro" for "slb-negeri-metro"
		}
		if d < bestDist {
			best, bestDist = sc.Key, d
		}
	}
	return best
}

// within says whether every word of a key appears, in order, in another.
func within(short, long string) bool {
	words := strings.Split(long, "-")
	for _, w := range strings.Split(short, "-") {
		i := slices.Index(words, w)
		if i < 0 {
			return false
		}
		words = words[i+1:]
	}
	return short != ""
}

// distance is the Levenshtein distance between two strings, in bytes
// (keys are ASCII).
func distance(a, b string) int {
	prev := make([]int, len(b)+1)
	cur := make([]int, len(b)+1)
	for j := range prev {
		prev[j] = j
	}
	for i := 1; i <= len(a); i++ {
		cur[0] = i
		for j := 1; j <= len(b); j++ {
			cost := 1
			if a[i-1] == b[j-1] {
				cost = 0
			}
			cur[j] = min(prev[j]+1, cur[j-1]+1, prev[j-1]+cost)
		}
		prev, cur = cur, prev
	}
	return prev[len(b)]
}
