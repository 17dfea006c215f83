package newsroom

import "time"

// pageStatus names where a page stands: a draft, ready for review (a
// draft with review: true), scheduled (to be published on a future date)
// or published.
func pageStatus(draft, review bool, date, now time.Time) string {
	switch {
	case draft && review:
		return "review"
	case draft:
		return "draft"
	case date.After(now):
		return "scheduled"
	}
	return "published"
}
