// Package check validates a site without publishing anything: everything
// a build checks (it builds into memory), and then what only a careful
// reader would notice:
//
//   - links in Markdown to site paths ("/berita/x/"), to other pages by
//     file ("../tentang.md") and to files of a bundle ("foto.jpg") resolve
//     to something the site publishes;
//   - dates are not accidentally far in the future or the past.
//
// Broken links are errors; the rest are warnings. The build renders even
// past errors of the content (build.Options.KeepGoing), so that one run
// reports the front matter of one page and the links of another; a
// missing picture of a page's folder is the build's to report, not this
// package's, so that it is reported once.
package check

import (
	"context"
	"net/url"
	"path"
	"strings"
	"time"

	"github.com/yuin/goldmark"
	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/extension"
	"github.com/yuin/goldmark/text"

	"github.com/dinsos-metro/warta/internal/build"
	"github.com/dinsos-metro/warta/internal/content"
	"github.com/dinsos-metro/warta/internal/diag"
	"github.com/dinsos-metro/warta/internal/publish"
	"github.com/dinsos-metro/warta/internal/render"
	"github.com/dinsos-metro/warta/internal/site"
)

// Options describe a check. Build.Sink is ignored: nothing is written.
type Options struct {
	Build build.Options
	// FutureLimit and PastLimit bound plausible dates; zero: one year ahead,
	// and the year 2000.
	FutureLimit, PastLimit time.Time
}

// Run checks the site and returns every problem, and the build's result.
func Run(ctx context.Context, opt Options) (*diag.List, *build.Result) {
	mem := publish.NewMemory()
	bopt := opt.Build
	bopt.Sink = mem
	// Render even past errors in the front matter, so that one run finds
	// every problem: the fields of one page, the links of another.
	bopt.KeepGoing = true
	res, _ := build.Build(ctx, bopt)
	list := res.Diags
	if res.Config == nil {
		return list, res
	}
	now := bopt.Now
	if now.IsZero() {
		now = time.Now()
	}
	if opt.FutureLimit.IsZero() {
		opt.FutureLimit = now.AddDate(1, 0, 0)
	}
	if opt.PastLimit.IsZero() {
		opt.PastLimit = time.Date(2000, 1, 1, 0, 0, 0, 0, res.Config.Location)
	}
	pages, _ := content.Load(ctx, bopt.Source, content.Options{
		Location: res.Config.Location, SlugDatePrefix: res.Config.SlugDatePrefix, Drafts: bopt.Drafts,
		RequireConsent: res.Config.Privacy.ConsentRequired(),
	})
	st, _ := site.Assemble(res.Config, pages, site.Options{Future: true, Now: now})
	published := map[string]bool{}
	for _, n := range mem.Names() {
		published[n] = true
	}
	built := len(published) > 0
	basePath := res.Config.Base.Path
	for _, p := range st.All {
		if d, ok := p.Fields["date"]; ok && !p.Date.IsZero() {
			switch {
			case p.Date.After(opt.FutureLimit):
				list.Add(diag.Warn(p.File, d.Line, diag.DateFarFuture, p.Date.Format("2006-01-02")))
			case p.Date.Before(opt.PastLimit):
				list.Add(diag.Warn(p.File, d.Line, diag.DateFarPast, p.Date.Format("2006-01-02")))
			}
		}
		if len(p.Body) == 0 {
			continue
		}
		for _, l := range links(p) {
			if !built {
				continue
			}
			if code, what := resolve(st, published, basePath, p, l.dest); code != "" {
				list.Add(diag.New(p.File, l.line, code, l.dest, what))
			}
		}
	}
	return list, res
}

type link struct {
	dest string
	line int
}

var parser = goldmark.New(goldmark.WithExtensions(extension.GFM, extension.Footnote)).Parser()

// links lists a page's Markdown links and images with their lines.
func links(p *site.Page) []link {
	src := p.Body
	doc := parser.Parse(text.NewReader(src))
	var out []link
	_ = ast.Walk(doc, func(n ast.Node, entering bool) (ast.WalkStatus, error) {
		if !entering {
			return ast.WalkContinue, nil
		}
		var l link
		switch t := n.(type) {
		case *ast.Link:
			l = link{dest: string(t.Destination)}
		case *ast.Image:
			if localFile(string(t.Destination)) {
				// A picture of the page's folder: the build reports a
				// missing one (content's ImageMissing), once.
				return ast.WalkContinue, nil
			}
			l = link{dest: string(t.Destination)}
		default:
			return ast.WalkContinue, nil
		}
		l.line = p.BodyLine + lineIn(n, src, l.dest)
		out = append(out, l)
		return ast.WalkContinue, nil
	})
	return out
}

// localFile reports whether a picture's address is a path relative to the
// page ("foto.jpg", "../x/foto.jpg"), not a site path or another site.
func localFile(dest string) bool {
	return dest != "" && !strings.Contains(dest, ":") && !strings.HasPrefix(dest, "/") && !strings.HasPrefix(dest, "#")
}

// lineIn finds the 0-based line of a link in the body: the line of its
// block, moved down to where the destination is written.
func lineIn(n ast.Node, src []byte, dest string) int {
	for b := n; b != nil; b = b.Parent() {
		if b.Type() == ast.TypeBlock && b.Lines().Len() > 0 {
			start := b.Lines().At(0).Start
			off := start
			if i := strings.Index(string(src[start:]), dest); i >= 0 && dest != "" {
				off = start + i
			}
			return strings.Count(string(src[:off]), "\n")
		}
	}
	return 0
}

// resolve says what is wrong with a link (a message code and what it
// names), or "" when it leads somewhere.
func resolve(st *site.Site, published map[string]bool, basePath string, p *site.Page, dest string) (diag.Code, string) {
	if dest == "" || strings.HasPrefix(dest, "#") {
		return "", ""
	}
	u, err := url.Parse(dest)
	if err != nil {
		return diag.LinkInvalid, ""
	}
	if u.Scheme != "" || u.Host != "" {
		return "", "" // mailto:, tel:, other sites: not checked here
	}
	if file, _, ok := site.FileLink(p.File, u.Path); ok {
		if st.ByFile[file] == nil {
			return diag.LinkNoPage, file
		}
		return "", ""
	}
	target := u.Path
	if !strings.HasPrefix(target, "/") {
		target = path.Join(p.URL, target) // bundle files sit beside the page
		if strings.HasSuffix(u.Path, "/") {
			target += "/"
		}
	} else if basePath != "/" {
		if !strings.HasPrefix(target, basePath) {
			return diag.LinkOffBase, basePath
		}
		target = "/" + strings.TrimPrefix(target, basePath)
	}
	name := render.OutputPath(target)
	if published[name] || published[strings.TrimSuffix(name, "/")+"/index.html"] {
		return "", ""
	}
	return diag.LinkMissing, target
}
