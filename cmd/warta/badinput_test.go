package main

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestSymlinksRefused: the command reads the site through os.OpenRoot, so
// no link can bring a file from outside the site into it: not a page, not
// site.yaml, not a template, not the content folder itself. Each is named
// with a plain message, and public/ is not touched.
func TestSymlinksRefused(t *testing.T) {
	root := t.TempDir()
	writeSite(t, root, map[string]string{
		"rahasia.html":                 "{{define \"main\"}}RAHASIA{{end}}",
		"rahasia.yaml":                 "title: RAHASIA\n",
		"rahasia/x.md":                 "---\ntitle: RAHASIA\n---\nRAHASIA\n",
		"situs/content/tentang.md":     "---\ntitle: Tentang\n---\n",
		"situs/public/.warta":          "",
		"situs/public/index.html":      "lama",
		"situs/layouts/partials/x.txt": "",
		"situs2/site.yaml":             "title: Dua\n",
	})
	src := filepath.Join(root, "situs")
	symlink(t, "../../rahasia.html", filepath.Join(src, "layouts", "page.html"))
	symlink(t, "../rahasia.yaml", filepath.Join(src, "site.yaml"))
	symlink(t, filepath.Join(root, "rahasia", "x.md"), filepath.Join(src, "content", "rahasia.md"))
	symlink(t, "putar-b.md", filepath.Join(src, "content", "putar-a.md"))
	symlink(t, "putar-a.md", filepath.Join(src, "content", "putar-b.md"))
	public := filepath.Join(src, "public")
	before := snapshot(t, public)

	code, stdout, stderr := runWarta("build", "--src", src, "--lang", "en")
	want := strings.Join([]string{
		"content/putar-a.md: this link leads nowhere: content/putar-b.md is missing, or links back round in a loop; remove the link",
		"content/putar-b.md: this link leads nowhere: content/putar-a.md is missing, or links back round in a loop; remove the link",
		"content/rahasia.md: this link leads outside the site folder; copy the file into the site instead",
		"layouts/page.html: this link leads outside the site folder; copy the file into the site instead",
		"site.yaml: this link leads outside the site folder; copy the file into the site instead",
		"warta: build failed with 5 error(s); " + public + " was left as it was",
	}, "\n") + "\n"
	if code != 1 || stdout != "" || stderr != want {
		t.Errorf("exit %d, stdout %q, stderr:\n%s\nwant:\n%s", code, stdout, stderr, want)
	}
	sameSnapshot(t, before, snapshot(t, public))
	noStaging(t, src)

	// The content folder itself a link out of the site.
	src2 := filepath.Join(root, "situs2")
	symlink(t, "../rahasia", filepath.Join(src2, "content"))
	code, _, stderr = runWarta("build", "--src", src2, "--lang", "en")
	if want := "content: this link leads outside the site folder; copy the file into the site instead\n"; code != 1 || !strings.HasPrefix(stderr, want) {
		t.Errorf("content/ linked out: exit %d, stderr:\n%s", code, stderr)
	}
	if _, err := os.Stat(filepath.Join(src2, "public")); err == nil {
		t.Error("a public/ was made")
	}
}

func symlink(t *testing.T, target, name string) {
	t.Helper()
	if err := os.MkdirAll(filepath.Dir(name), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.Symlink(target, name); err != nil {
		t.Fatal(err)
	}
}

// TestForeignOutput: a build replaces its output folder whole, so it
// refuses a folder that holds files warta did not make (someone's photos,
// another project) unless --force says to replace them. A folder is
// warta's when it holds the .warta marker every build leaves, or, for
// folders built before the marker, when the site's .cache has the render
// state of that folder. Missing and empty folders are fine.
func TestForeignOutput(t *testing.T) {
	root := t.TempDir()
	src := filepath.Join(root, "situs")
	writeSite(t, root, map[string]string{
		"situs/content/tentang.md":   "---\ntitle: Tentang\n---\n",
		"arsip/foto-keluarga.jpg":    "not warta's",
		"arsip/catatan/penting.txt":  "not warta's either",
		"kosong/.keep-me-not-a-file": "",
	})
	arsip := filepath.Join(root, "arsip")
	before := snapshot(t, arsip)

	code, stdout, stderr := runWarta("build", "--src", src, "--out", arsip, "--lang", "en")
	want := "warta: refusing to build into " + arsip + ": the folder is not empty and was not made by warta, and a build replaces everything in it; choose a new or empty folder, or add --force to replace its contents\n"
	if code != 1 || stdout != "" || stderr != want {
		t.Errorf("exit %d, stdout %q, stderr %q\nwant %q", code, stdout, stderr, want)
	}
	sameSnapshot(t, before, snapshot(t, arsip))
	noStaging(t, root)
	// In Indonesian by default.
	if _, _, stderr := runWarta("build", "--src", src, "--out", arsip); !strings.Contains(stderr, "menolak membangun ke "+arsip+": folder itu tidak kosong dan bukan buatan warta") {
		t.Errorf("Indonesian refusal: %q", stderr)
	}

	// --force replaces it, and marks it as warta's.
	if code, _, stderr := runWarta("build", "--src", src, "--out", arsip, "--force", "--quiet"); code != 0 {
		t.Fatalf("--force: exit %d:\n%s", code, stderr)
	}
	after := snapshot(t, arsip)
	if _, ok := after["foto-keluarga.jpg"]; ok {
		t.Error("--force kept the old files")
	}
	for _, f := range []string{"tentang/index.html", ".warta"} {
		if _, ok := after[f]; !ok {
			t.Errorf("--force build has no %s", f)
		}
	}
	// From now on the folder is warta's.
	if code, _, stderr := runWarta("build", "--src", src, "--out", arsip, "--quiet"); code != 0 {
		t.Errorf("second build into a folder warta made: exit %d:\n%s", code, stderr)
	}
	// A folder built before the marker existed is known by its render state.
	if err := os.Remove(filepath.Join(arsip, ".warta")); err != nil {
		t.Fatal(err)
	}
	if code, _, stderr := runWarta("build", "--src", src, "--out", arsip, "--quiet"); code != 0 {
		t.Errorf("folder with a saved render state: exit %d:\n%s", code, stderr)
	}

	// An empty folder and the default public/ are fine.
	if err := os.Remove(filepath.Join(root, "kosong", ".keep-me-not-a-file")); err != nil {
		t.Fatal(err)
	}
	for _, args := range [][]string{{"--out", filepath.Join(root, "kosong")}, {}} {
		if code, _, stderr := runWarta(append([]string{"build", "--src", src, "--quiet"}, args...)...); code != 0 {
			t.Errorf("build %v: exit %d:\n%s", args, code, stderr)
		}
	}
}

// TestUnsafeOutputEvenWithForce: --force never lets a build replace the
// file system root, the home folder, the site or a folder holding it.
func TestUnsafeOutputEvenWithForce(t *testing.T) {
	root := t.TempDir()
	home := filepath.Join(root, "rumah")
	src := filepath.Join(home, "situs")
	writeSite(t, src, map[string]string{"content/_index.md": "Beranda.\n"})
	t.Setenv("HOME", home)
	before := snapshot(t, root)
	for _, out := range []string{"/", home, src, filepath.Join(src, "content")} {
		code, _, stderr := runWarta("build", "--src", src, "--out", out, "--force", "--lang", "en")
		if code != 1 || !strings.HasPrefix(stderr, "warta: refusing to build into "+out+": ") || !strings.Contains(stderr, "choose a folder such as") {
			t.Errorf("--out %s --force: exit %d, stderr:\n%s", out, code, stderr)
		}
	}
	sameSnapshot(t, before, snapshot(t, root))
	noStaging(t, root)
	noStaging(t, home)
}

// Regression (issue 12): an asset that is a link out of the site said
// "path escapes from parent"; it says what the other links say.
func TestAssetSymlinkOutside(t *testing.T) {
	root := t.TempDir()
	writeSite(t, root, map[string]string{
		"rahasia.css":              "body{color:red}",
		"situs/content/tentang.md": "---\ntitle: Tentang\n---\n",
	})
	src := filepath.Join(root, "situs")
	symlink(t, "../../../rahasia.css", filepath.Join(src, "assets", "css", "rahasia.css"))
	code, _, stderr := runWarta("build", "--src", src, "--lang", "en")
	want := "assets/css/rahasia.css: this link leads outside the site folder; copy the file into the site instead\n"
	if code != 1 || !strings.HasPrefix(stderr, want) || strings.Contains(stderr, "escapes") {
		t.Errorf("exit %d, stderr:\n%s\nwant it to start with:\n%s", code, stderr, want)
	}
}
