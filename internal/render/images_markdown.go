package render

import (
	"cmp"
	"path"
	"slices"
	"strings"
	"sync"

	"github.com/dinsos-metro/warta/internal/content"
	"github.com/dinsos-metro/warta/internal/diag"
	"github.com/dinsos-metro/warta/internal/markdown"
	"github.com/dinsos-metro/warta/internal/site"
)

// bundleImages gives the Markdown of p its pictures: images in the
// page's bundle become responsive derivatives, checked for consent and
// alt text. Modules keep their images as files (see modules.go); nil
// leaves every image as written.
func (r *Renderer) bundleImages(p *site.Page) markdown.ImageResolver {
	if r.opt.Images == nil || p.Module != nil || len(p.Resources) == 0 {
		return nil
	}
	return &pageImages{r: r, p: p}
}

type pageImages struct {
	r  *Renderer
	p  *site.Page
	mu sync.Mutex
	ds []diag.Diagnostic
}

func (pi *pageImages) ResolveImage(dest, alt string, line int) (markdown.ImageAttrs, bool) {
	p := pi.p
	if dest == "" || strings.Contains(dest, ":") || strings.HasPrefix(dest, "/") || strings.HasPrefix(dest, "#") {
		return markdown.ImageAttrs{}, false // elsewhere on the web or the site
	}
	name := path.Clean(strings.TrimPrefix(dest, "./"))
	res, ok := p.Resource(name)
	if !ok || !content.IsImage(name) {
		return markdown.ImageAttrs{}, false
	}
	at := p.BodyLine + line - 1
	cfg := pi.r.opt.Site.Config
	if cfg.Privacy.ConsentRequired() && !consented(p) {
		pi.report(diag.New(p.File, at, diag.ImageNoConsent, name))
	}
	if alt == "" {
		pi.report(diag.New(p.File, at, diag.ImageNoAlt, name, name))
	}
	if pi.r.source(res) == nil {
		return markdown.ImageAttrs{}, false
	}
	img := pi.r.responsive(p, name, alt)
	return markdown.ImageAttrs{
		Src: img.URL, SrcSet: img.SrcSet, Width: img.Width, Height: img.Height, WebP: img.WebP,
		Sizes: "(min-width: 46rem) 44rem, calc(100vw - 2rem)",
	}, true
}

func (pi *pageImages) report(d diag.Diagnostic) {
	pi.mu.Lock()
	pi.ds = append(pi.ds, d)
	pi.mu.Unlock()
}

// consented is the page's consent for its bundle pictures: its own
// consent: field, or a gallery's.
func consented(p *site.Page) bool {
	if p.Consent != nil {
		return *p.Consent
	}
	return p.Gallery != nil && p.Gallery.Consent
}

// imageDiags returns what the Markdown's pictures reported, sorted.
func imageDiags(res markdown.ImageResolver) []diag.Diagnostic {
	pi, ok := res.(*pageImages)
	if !ok {
		return nil
	}
	pi.mu.Lock()
	defer pi.mu.Unlock()
	out := slices.Clone(pi.ds)
	slices.SortFunc(out, func(a, b diag.Diagnostic) int { return cmp.Compare(a.Line, b.Line) })
	return out
}
