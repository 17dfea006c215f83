package main

import (
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/dinsos-metro/warta/internal/deploy"
)

// TestDeployCommand builds a small site and deploys it to a folder with
// warta deploy --build: a dry run changes nothing, the first deploy sends
// everything, a second one nothing, and the web root ends as public/.
func TestDeployCommand(t *testing.T) {
	dir := t.TempDir()
	web := filepath.Join(t.TempDir(), "www")
	writeSite(t, dir, map[string]string{
		"site.yaml":                              "title: Dinsos Uji\nbase_url: https://dinsos.example.go.id/\ndeploy:\n  - name: lokal\n    kind: folder\n    path: " + web + "\n",
		"content/_index.md":                      "Beranda.\n",
		"content/berita/2025-07-29-kunjungan.md": goodNews,
	})
	code, stdout, stderr := runWarta("deploy", "--src", dir, "--build", "--dry-run", "--lang", "en")
	if code != 1 || !strings.Contains(stderr, "holds no built site") {
		t.Errorf("a dry run before any build: code %d, stderr %q", code, stderr)
	}
	code, stdout, stderr = runWarta("build", "--src", dir, "--quiet")
	if code != 0 {
		t.Fatalf("build: %s", stderr)
	}
	code, stdout, stderr = runWarta("deploy", "--src", dir, "--dry-run", "--lang", "en")
	if code != 0 || !strings.Contains(stdout, "dry run for lokal: would send") || !strings.Contains(stdout, "send   index.html") {
		t.Errorf("dry run: code %d\nstdout %s\nstderr %s", code, stdout, stderr)
	}
	if _, err := os.Stat(web); err == nil {
		t.Error("the dry run made the web root")
	}
	// While another publish holds the site's lock, neither the build nor
	// the deploy starts.
	unlock, err := deploy.Lock(context.Background(), dir, "Terbitkan situs, siti", false)
	if err != nil {
		t.Fatal(err)
	}
	pubBefore := snapshot(t, filepath.Join(dir, "public"))
	code, _, stderr = runWarta("deploy", "--src", dir, "--build", "--lang", "en")
	if code != 1 || !strings.Contains(stderr, "another publish of this site is running (Terbitkan situs, siti, since ") {
		t.Errorf("deploy while another publishes: code %d, stderr %q", code, stderr)
	}
	if _, err := os.Stat(web); err == nil {
		t.Error("the refused deploy made the web root")
	}
	sameSnapshot(t, pubBefore, snapshot(t, filepath.Join(dir, "public")))
	unlock()

	code, stdout, stderr = runWarta("deploy", "--src", dir, "--build", "--lang", "en")
	if code != 0 || !strings.Contains(stdout, "deployed to lokal:") {
		t.Fatalf("deploy: code %d\nstdout %s\nstderr %s", code, stdout, stderr)
	}
	pub := snapshot(t, filepath.Join(dir, "public"))
	got := snapshot(t, web)
	sameSnapshot(t, pub, got)
	code, stdout, _ = runWarta("deploy", "--src", dir, "--lang", "en")
	if code != 0 || !strings.Contains(stdout, "lokal is up to date") {
		t.Errorf("second deploy: code %d, stdout %s", code, stdout)
	}
	if _, err := os.Stat(filepath.Join(dir, ".warta", "deploy", "lokal.json")); err != nil {
		t.Errorf("no manifest in .warta/deploy: %v", err)
	}
	code, _, stderr = runWarta("deploy", "--src", dir, "--target", "lain", "--lang", "en")
	if code != 2 || !strings.Contains(stderr, `no deploy target named "lain"`) {
		t.Errorf("unknown target: code %d, stderr %s", code, stderr)
	}
}
