package content

import (
	"bytes"
	"path"
	"slices"

	"github.com/dinsos-metro/warta/internal/diag"
)

// checkBundleUnused finds the files of a news or gallery bundle that the
// page does not use: not its cover, not one of its photos, not named in
// its text. They are taken out of the page's Resources, so they are not
// published, and each is reported: a photo forgotten in the list is as
// likely as a stray file that should not be public. (Modules do the same
// with their attachments, see checkUnused.) Markdown files are reported by
// the walk (BundleSwallowed).
func checkBundleUnused(p *Page, r *reader) {
	if !p.Bundle || (p.News == nil && p.Gallery == nil) {
		return
	}
	used := map[string]bool{}
	line := 1
	if n := p.News; n != nil && n.Cover != "" {
		used[path.Clean(n.Cover)] = true
	}
	if g := p.Gallery; g != nil {
		for _, ph := range g.Photos {
			used[path.Clean(ph.File)] = true
		}
		line = max(r.line("photos"), 1)
	}
	kept := p.Resources[:0:0]
	for _, res := range p.Resources {
		if used[res.Name] || path.Ext(res.Name) == ".md" || bytes.Contains(p.Body, []byte(res.Name)) {
			kept = append(kept, res)
			continue
		}
		p.Unused = append(p.Unused, res.Name)
		r.ds = append(r.ds, diag.Warn(p.File, line, diag.BundleFileUnused, res.Name))
	}
	if len(p.Unused) > 0 {
		p.Resources = slices.Clip(kept)
	}
}
