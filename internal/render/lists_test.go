package render_test

import (
	"strings"
	"testing"

	"github.com/dinsos-metro/warta/internal/sitetest"
)

// A page's list entry and card are made once and shared by every list
// (lists.go, internal/theme/cards.go); the first card of a section's page
// loads its picture eagerly, and that must not leak into the other lists
// that show the same card. The site's own card partial is the one used.
func TestCardsSharedBetweenLists(t *testing.T) {
	t.Parallel()
	fsys := sitetest.Files(`
-- site.yaml --
base_url: https://dinsos.example.org/
pagination: 1
images:
  widths: [160]
-- layouts/partials/news-card.html --
<div class="site-card">{{.Title}} {{with .Cover}}{{if .Eager}}eager{{else}}lazy{{end}}{{end}}</div>
-- content/berita/2025-07-29-satu/index.md --
---
title: Satu
date: 2025-07-29
district: Metro Pusat
cover: a.jpg
cover_alt: Foto satu
consent: true
---
Isi satu.
-- content/berita/2025-07-30-dua/index.md --
---
title: Dua
date: 2025-07-30
district: Metro Pusat
cover: b.jpg
cover_alt: Foto dua
consent: true
---
Isi dua.
`)
	sitetest.Add(fsys, "content/berita/2025-07-29-satu/a.jpg", sitetest.JPEG(320, 200))
	sitetest.Add(fsys, "content/berita/2025-07-30-dua/b.jpg", sitetest.JPEG(320, 200))
	// One worker: the section's pages (eager) run before the district's.
	s := sitetest.Build(t, fsys, sitetest.Options{NoMinify: true, Workers: 1})
	s.AssertOK(t)

	s.AssertFile(t, "index.html", `<div class="site-card">Dua lazy</div>`, `<div class="site-card">Satu lazy</div>`)
	s.AssertFile(t, "berita/index.html", `<div class="site-card">Dua eager</div>`)
	s.AssertFile(t, "berita/page/2/index.html", `<div class="site-card">Satu eager</div>`)
	var terms int
	for _, n := range s.Out.Names() {
		if strings.HasPrefix(n, "kecamatan/") && strings.Count(n, "/") > 1 {
			terms++
			page := s.File(t, n)
			if !strings.Contains(page, `<div class="site-card">`) || strings.Contains(page, "eager") {
				t.Errorf("%s: want the site's lazy card:\n%s", n, page)
			}
		}
	}
	if terms != 2 {
		t.Errorf("%d district pages, want 2", terms)
	}
}

// An error in a site's card names the card's file and line for every list
// that shows it, as when the card was executed in place.
func TestCardErrorNamesItsLine(t *testing.T) {
	t.Parallel()
	s := sitetest.BuildTxtar(t, `
-- layouts/partials/news-card.html --
<article>
{{.Title}} {{.Tidak}}
</article>
-- content/berita/a.md --
---
title: A
date: 2025-07-29
district: Metro Pusat
---
`, sitetest.Options{})
	s.AssertFailed(t)
	got := s.Diagnostics()
	pages := map[string]bool{}
	for _, line := range got {
		_, rest, ok := strings.Cut(line, "layouts/partials/news-card.html:2: template partials/news-card.html failed for the page at ")
		page, why, _ := strings.Cut(rest, ": ")
		if !ok || !strings.Contains(why, "<.Tidak>") {
			t.Errorf("diagnostic: %s", line)
			continue
		}
		pages[page] = true
	}
	// The home page and the section list show the card directly, the
	// district's page through item.html.
	for _, p := range []string{"/", "/berita/", "/kecamatan/metro-pusat/"} {
		if !pages[p] {
			t.Errorf("no diagnostic for %s in %q", p, got)
		}
	}
}
