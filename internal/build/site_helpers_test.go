package build_test

import (
	"os"
	"sync"
	"testing"
	"testing/fstest"

	"github.com/dinsos-metro/warta/internal/sitetest"
)

// fixture reads testdata/sites/<name>.txtar.
func fixture(t testing.TB, name string) fstest.MapFS {
	t.Helper()
	b, err := os.ReadFile("testdata/sites/" + name + ".txtar")
	if err != nil {
		t.Fatal(err)
	}
	return sitetest.Files(string(b))
}

// fullSite is testdata/sites/full.txtar with its pictures.
func fullSite(t testing.TB) fstest.MapFS {
	t.Helper()
	fsys := fixture(t, "full")
	sitetest.Add(fsys, "content/berita/2025-07-29-peksos-tk-negeri-1/cover.jpg", sitetest.JPEG(64, 48))
	sitetest.Add(fsys, "content/galeri/2025-07-29-tk-negeri-1/foto-1.jpg", sitetest.JPEG(40, 30))
	sitetest.Add(fsys, "content/galeri/2025-07-29-tk-negeri-1/foto-2.png", sitetest.PNG(30, 40))
	return fsys
}

var (
	fullOnce  sync.Once
	fullBuilt *sitetest.Site
)

// builtFull is the full fixture built once with default options, shared by
// the tests that only read its output.
func builtFull(t testing.TB) *sitetest.Site {
	t.Helper()
	fullOnce.Do(func() { fullBuilt = sitetest.Build(t, fullSite(t), sitetest.Options{}) })
	fullBuilt.AssertOK(t)
	return fullBuilt
}
