package deploy

import (
	"path/filepath"
	"testing"

	"github.com/dinsos-metro/warta/internal/config"
	"github.com/dinsos-metro/warta/internal/publish"
)

func TestFolderTarget(t *testing.T) {
	web := filepath.Join(t.TempDir(), "www", "dinsos")
	scenario(t, config.DeployTarget{Name: "lokal", Kind: "folder", Path: web}, nil, func() map[string]string {
		m := readTree(t, web)
		delete(m, publish.Marker)
		return m
	})
}
