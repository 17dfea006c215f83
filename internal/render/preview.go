package render

import (
	"github.com/dinsos-metro/warta/internal/diag"
	"github.com/dinsos-metro/warta/internal/site"
)

// Leaf renders one single page, and its bundle files, into the Sink, the
// way Run does for every page; the newsroom's preview (build.Preview)
// renders an unsaved page so, on a Renderer of its own, and then runs
// Images for the pictures it shows.
func (r *Renderer) Leaf(p *site.Page) []diag.Diagnostic {
	if !IsLeaf(p) {
		return nil
	}
	return r.leaf(p)
}
