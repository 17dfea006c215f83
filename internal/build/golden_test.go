package build_test

import (
	"testing"

	"github.com/dinsos-metro/warta/internal/sitetest"
)

// TestGoldenFull builds testdata/sites/full.txtar and compares every page,
// the feed, the sitemap and robots.txt with testdata/golden/full/.
// Rewrite the golden files after an intended change with
//
//	go test ./internal/build -run TestGolden -update
func TestGoldenFull(t *testing.T) {
	t.Parallel()
	s := sitetest.Build(t, fullSite(t), sitetest.Options{NoMinify: true})
	s.AssertOK(t)
	s.AssertGolden(t, "full", sitetest.Pages)
}

// TestGoldenContentOnly builds a folder with only content/: no site.yaml,
// no layouts/, no assets/. Everything comes from defaults and the built-in
// theme.
func TestGoldenContentOnly(t *testing.T) {
	t.Parallel()
	s := sitetest.Build(t, fixture(t, "content-only"), sitetest.Options{NoMinify: true})
	s.AssertOK(t)
	s.AssertGolden(t, "content-only", sitetest.Pages)
}
