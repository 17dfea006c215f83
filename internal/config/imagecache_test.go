package config

import (
	"path/filepath"
	"testing"
)

// The build and the newsroom's editor find the image cache by one rule.
func TestImageCacheDir(t *testing.T) {
	abs := filepath.Join(t.TempDir(), "cache")
	for _, c := range []struct{ cache, site, want string }{
		{".cache/warta/images", "/srv/dinsos", filepath.Join("/srv/dinsos", ".cache", "warta", "images")},
		{".cache/warta/images", "", ""}, // a site in memory
		{abs, "/srv/dinsos", abs},
		{abs, "", abs},
		{"", "/srv/dinsos", ""},
	} {
		cfg := &Config{}
		cfg.Images.Cache = c.cache
		if got := cfg.ImageCacheDir(c.site); got != c.want {
			t.Errorf("cache %q in %q: %q, want %q", c.cache, c.site, got, c.want)
		}
	}
}
