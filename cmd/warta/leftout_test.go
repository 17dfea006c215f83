package main

import (
	"path/filepath"
	"strings"
	"testing"
)

// Regression (issue 12): drafts and pages dated in the future were left
// out without a word. The summary line counts them and -v lists them.
func TestSummaryCountsPagesLeftOut(t *testing.T) {
	src := t.TempDir()
	writeSite(t, src, map[string]string{
		"site.yaml":                    "title: Uji\nbase_url: https://example.org/\n",
		"content/berita/terbit.md":     "---\ntitle: Terbit\ndate: 2025-07-29\n---\nIsi.\n",
		"content/berita/draf.md":       "---\ntitle: Draf\ndate: 2025-07-29\ndraft: true\n---\nIsi.\n",
		"content/berita/draf-kedua.md": "---\ntitle: Draf kedua\ndate: 2025-07-30\ndraft: true\n---\nIsi.\n",
		"content/berita/jauh.md":       "---\ntitle: Jauh\ndate: 2999-01-01\n---\nIsi.\n",
	})
	code, stdout, stderr := runWarta("build", "--src", src, "--lang", "en", "-v")
	if code != 0 {
		t.Fatalf("build: exit %d\n%s", code, stderr)
	}
	lines := strings.Split(strings.TrimSpace(stdout), "\n")
	if !strings.HasSuffix(lines[0], "; not published: 2 draft(s), 1 dated in the future (-v lists them)") {
		t.Errorf("summary line: %s", lines[0])
	}
	for _, want := range []string{
		"warta: not published, a draft (draft: true): content/berita/draf-kedua.md",
		"warta: not published, a draft (draft: true): content/berita/draf.md",
		"warta: not published until 2999-01-01 (dated in the future): content/berita/jauh.md",
	} {
		if !strings.Contains(stdout, want+"\n") {
			t.Errorf("-v does not list %q:\n%s", want, stdout)
		}
	}
	// Without anything left out, the line says nothing of it.
	code, stdout, _ = runWarta("build", "--src", src, "--lang", "en", "--drafts", "--future", "--out", filepath.Join(src, "semua"))
	if code != 0 || strings.Contains(stdout, "not published") {
		t.Errorf("with --drafts --future: exit %d, %s", code, stdout)
	}
}
