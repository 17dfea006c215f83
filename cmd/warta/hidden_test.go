package main

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// hiddenText stands for what the hidden folder holds (password hashes,
// sessions, the audit log, the certificate's key).
const hiddenText = "RAHASIA-AKUN-argon2id"

// TestHiddenFolderNeverPublished: a site with accounts builds without a
// trace of .warta/ in the output, whatever the content tries (links,
// pictures and attachments pointing into it, a symbolic link to it), and
// no output folder inside .warta/ is accepted, even with --force.
func TestHiddenFolderNeverPublished(t *testing.T) {
	root := t.TempDir()
	src := filepath.Join(root, "situs")
	writeSite(t, src, map[string]string{
		"site.yaml":               "title: Dinas Uji\nbase_url: https://example.org/\nlanguage: en\n",
		"content/_index.md":       "Beranda.\n",
		"content/tentang.md":      "---\ntitle: Tentang\n---\n[akun](../.warta/users.json)\n",
		"content/modul/_index.md": "---\ntitle: Modul\n---\n",
		".warta/users.json":       `{"users":[{"name":"siti","hash":"` + hiddenText + `"}]}`,
		".warta/sessions.json":    hiddenText,
		".warta/audit.log":        hiddenText + "\n",
		".warta/tls/server.key":   hiddenText,
		"content/.warta/x.md":     "---\ntitle: " + hiddenText + "\n---\n" + hiddenText + "\n",
	})
	code, _, stderr := runWarta("build", "--src", src, "--lang", "en")
	if code != 0 {
		t.Fatalf("build: %d %s", code, stderr)
	}
	public := filepath.Join(src, "public")
	for name, v := range snapshot(t, public) {
		if strings.Contains(v, hiddenText) || (strings.Contains(name, ".warta"+string(filepath.Separator)) && !strings.HasSuffix(name, "/")) {
			t.Errorf("the output holds %s from the hidden folder", name)
		}
	}
	// A picture or an attachment taken from the hidden folder: refused, or
	// left as a dead address; never copied.
	writeSite(t, src, map[string]string{
		"content/foto.md":                      "---\ntitle: Foto\n---\n![x](../.warta/users.json)\n",
		"content/modul/sd/curang/index.md":     "---\ntitle: Curang\nlevel: sd\nattachments:\n  - {file: ../../../../.warta/users.json, title: Akun}\n---\nIsi.\n",
		"content/berita/2025-07-29-x/index.md": "---\ntitle: X\ndate: 2025-07-29\ncover: ../../../.warta/tls/server.key\ncover_alt: x\n---\n![y](../../../.warta/audit.log)\n",
	})
	code, _, stderr = runWarta("build", "--src", src, "--lang", "en")
	for name, v := range snapshot(t, public) {
		if strings.Contains(v, hiddenText) {
			t.Errorf("exit %d: the output holds %s from the hidden folder", code, name)
		}
	}
	os.Remove(filepath.Join(src, "content", "foto.md"))
	os.RemoveAll(filepath.Join(src, "content", "modul", "sd"))
	os.RemoveAll(filepath.Join(src, "content", "berita"))
	// A content file linked into the hidden folder is refused as a link.
	symlink(t, filepath.Join("..", ".warta", "users.json"), filepath.Join(src, "content", "akun.md"))
	code, _, stderr = runWarta("build", "--src", src, "--lang", "en")
	if code != 1 || !strings.Contains(stderr, "content/akun.md") {
		t.Errorf("a link into .warta: exit %d, stderr:\n%s", code, stderr)
	}
	os.Remove(filepath.Join(src, "content", "akun.md"))

	before := snapshot(t, filepath.Join(src, ".warta"))
	for _, out := range []string{filepath.Join(src, ".warta"), filepath.Join(src, ".warta", "public"), filepath.Join(src, ".warta", "tls")} {
		code, _, stderr := runWarta("build", "--src", src, "--out", out, "--force", "--lang", "en")
		if code != 1 || !strings.Contains(stderr, "refusing to build into "+out) || !strings.Contains(stderr, ".warta/ folder") {
			t.Errorf("--out %s: exit %d, stderr:\n%s", out, code, stderr)
		}
	}
	sameSnapshot(t, before, snapshot(t, filepath.Join(src, ".warta")))
}
