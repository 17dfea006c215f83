package render

import (
	"github.com/dinsos-metro/warta/internal/markdown"
	"github.com/dinsos-metro/warta/internal/site"
)

// pageLinks lets Markdown link to other pages by their file
// ("../tentang.md"): the published link points at the page's URL. A link to
// a file that is no page is left as written (`warta check` reports it).
func (r *Renderer) pageLinks(p *site.Page) markdown.LinkResolver {
	return func(dest string) string {
		file, frag, ok := site.FileLink(p.File, dest)
		if !ok {
			return ""
		}
		if q := r.opt.Site.ByFile[file]; q != nil {
			return r.urls.Rel(q.URL) + frag
		}
		return ""
	}
}
