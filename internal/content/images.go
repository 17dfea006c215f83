package content

import (
	"path"

	"github.com/dinsos-metro/warta/internal/diag"
)

// checkImages applies the rules for pictures of people to a page's front
// matter: a news cover is published only with the page's consent (the same
// rule as gallery photos), and every cover and gallery photo needs a text
// for readers who cannot see it. Images that the page's Markdown shows are
// checked when it is rendered, where their lines are known.
func checkImages(p *Page, r *reader, requireConsent bool) {
	if v, ok := optionalBool(r.fields["consent"].Value); ok {
		p.Consent = &v
	}
	if n := p.News; n != nil && n.Cover != "" && hasResource(p, n.Cover) {
		line := max(r.line("cover"), 1)
		if requireConsent && !p.Consented() {
			r.ds = append(r.ds, diag.New(p.File, line, diag.CoverNoConsent, n.Cover))
		}
		if n.CoverAlt == "" {
			r.ds = append(r.ds, diag.New(p.File, line, diag.CoverNoAlt, n.Cover))
		}
	}
	if g := p.Gallery; g != nil {
		_, listed := r.fields["photos"]
		for _, ph := range g.Photos {
			switch {
			case ph.Alt != "" || ph.Caption != "" || !g.Published(ph):
			case !listed: // the folder's pictures, taken as they are: nowhere to add alt yet
				r.ds = append(r.ds, diag.New(p.File, max(ph.Line, 1), diag.PhotoUnlisted, ph.File, ph.File))
			default:
				r.ds = append(r.ds, diag.New(p.File, max(ph.Line, 1), diag.PhotoNoAlt, ph.File))
			}
		}
	}
}

// Consented reports whether the page says consent: true.
func (p *Page) Consented() bool { return p.Consent != nil && *p.Consent }

// hasResource reports whether name is a file of p's bundle (a missing one
// is reported by checkResource already).
func hasResource(p *Page, name string) bool {
	_, ok := p.Resource(path.Clean(name))
	return ok && p.Bundle
}
