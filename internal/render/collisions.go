package render

import (
	"maps"
	"slices"
	"strings"

	"golang.org/x/text/unicode/norm"

	"github.com/dinsos-metro/warta/internal/assets"
	"github.com/dinsos-metro/warta/internal/content"
	"github.com/dinsos-metro/warta/internal/diag"
	"github.com/dinsos-metro/warta/internal/site"
)

// checkCollisions finds outputs that would land on the same file. Paths are
// compared without case and in Unicode NFC: on many disks and hosts
// Berita/ and berita/ are one folder, and macOS takes "café" composed and
// decomposed for one name. Each collision names both sources.
func checkCollisions(s *site.Site, set *assets.Set) []diag.Diagnostic {
	type claim struct{ path, source string }
	seen := map[string]claim{}
	var ds []diag.Diagnostic
	claimPath := func(out, source string, line int) {
		key := strings.ToLower(norm.NFC.String(out))
		if prev, ok := seen[key]; ok {
			switch url := "/" + strings.TrimSuffix(out, "index.html"); {
			case prev.source == source:
			case norm.NFC.String(prev.source) == norm.NFC.String(source):
				// The two names look the same: say how they differ.
				ds = append(ds, diag.New(source, line, diag.URLCollisionForm, prev.source, url))
			default:
				ds = append(ds, diag.New(source, line, diag.URLCollision, describeSource(prev.source), url))
			}
			return
		}
		seen[key] = claim{out, source}
	}
	for _, name := range set.Files() {
		claimPath(name, assets.Root+"/", 0)
	}
	// What warta makes itself is claimed before any content page, so that
	// a clash is reported on the content file that causes it.
	for _, fixed := range []string{"index.html", "404.html", "feed.xml", "sitemap.xml", "robots.txt", OutputPath(searchPath)} {
		claimPath(fixed, "(warta)", 0)
	}
	for _, out := range moduleClaims(s) {
		claimPath(out, "(warta)", 0)
	}
	for _, key := range slices.Sorted(maps.Keys(s.Sections)) {
		if sec := s.Sections[key]; sec.File == "" {
			claimPath(OutputPath(sec.URL), "(warta)", 0)
		}
	}
	size := s.Config.Pagination
	for n := 2; n <= pageCount(len(s.News), size); n++ {
		claimPath(OutputPath(pageURL(s.Sections["berita"].URL, n)), "(warta)", 0)
	}
	for n := 2; n <= pageCount(len(s.Galleries), size); n++ {
		claimPath(OutputPath(pageURL(s.Sections["galeri"].URL, n)), "(warta)", 0)
	}
	for _, t := range s.Taxonomies {
		claimPath(t.Base+"/index.html", "(warta)", 0)
		for _, term := range t.Terms {
			for n := 1; n <= pageCount(len(term.Pages), size); n++ {
				claimPath(OutputPath(pageURL(term.URL, n)), "(warta)", 0)
			}
		}
	}
	pages := slices.Clone(s.All)
	for _, p := range pages {
		if p.Kind == content.KindHome {
			continue
		}
		line := 1
		if l := p.Line("slug"); l > 0 {
			line = l
		}
		claimPath(OutputPath(p.URL), p.File, line)
		for _, res := range p.Resources {
			claimPath(strings.TrimPrefix(p.URL, "/")+res.Name, res.Path, 0)
		}
	}
	return ds
}

func describeSource(src string) string {
	if src == "(warta)" {
		return "a page that warta makes itself"
	}
	return src
}
