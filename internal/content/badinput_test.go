package content

import (
	"context"
	"io/fs"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"testing/fstest"
)

// TestSymlinksOnDisk: links below content/ are never followed, on a real
// folder read through os.DirFS (which would follow a link anywhere) and
// through os.Root, as the command reads the site (which refuses links that
// leave it). Each link is named with what is wrong with it; the pages
// beside them load.
func TestSymlinksOnDisk(t *testing.T) {
	root := t.TempDir()
	dir := filepath.Join(root, "situs")
	write := func(name, text string) {
		t.Helper()
		p := filepath.Join(root, filepath.FromSlash(name))
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, []byte(text), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	link := func(target, name string) {
		t.Helper()
		if err := os.Symlink(target, filepath.Join(dir, filepath.FromSlash(name))); err != nil {
			t.Fatal(err)
		}
	}
	write("rahasia.md", "---\ntitle: Rahasia\n---\nIsi rahasia di luar situs.\n")
	write("rahasia/foto.jpg", "not a photo")
	write("situs/content/tentang.md", "---\ntitle: Tentang\n---\n")
	write("situs/content/berita/2025-07-29-x/index.md", "---\ntitle: X\ndate: 2025-07-29\n---\n")
	link(filepath.Join(root, "rahasia.md"), "content/mutlak.md")      // absolute, outside
	link("../../rahasia.md", "content/keluar.md")                     // relative, outside
	link("../../../../rahasia", "content/berita/2025-07-29-x/galeri") // a folder outside, in a bundle
	link("putar-b.md", "content/putar-a.md")                          // a loop
	link("putar-a.md", "content/putar-b.md")
	link("diri", "content/diri")               // a folder linking to itself
	link("..", "content/berita/atas")          // a folder above: an endless walk if followed
	link("tentang.md", "content/profil.md")    // inside the site
	link("tidak-ada.md", "content/putus.md")   // leads nowhere
	link("/", "content/akar")                  // the file system root
	link("/etc/passwd", "content/berita/x.md") // a system file

	want := []string{
		"content/akar: this link leads outside the site folder; copy the file into the site instead",
		"content/berita/2025-07-29-x/galeri: this link leads outside the site folder; copy the file into the site instead",
		"content/berita/atas: this is a link to content, and warta does not follow links; move or copy the file here instead of linking to it",
		"content/berita/x.md: this link leads outside the site folder; copy the file into the site instead",
		"content/diri: this link leads nowhere: content/diri is missing, or links back round in a loop; remove the link",
		"content/keluar.md: this link leads outside the site folder; copy the file into the site instead",
		"content/mutlak.md: this link leads outside the site folder; copy the file into the site instead",
		"content/profil.md: this is a link to content/tentang.md, and warta does not follow links; move or copy the file here instead of linking to it",
		"content/putar-a.md: this link leads nowhere: content/putar-b.md is missing, or links back round in a loop; remove the link",
		"content/putar-b.md: this link leads nowhere: content/putar-a.md is missing, or links back round in a loop; remove the link",
		"content/putus.md: this link leads nowhere: content/tidak-ada.md is missing, or links back round in a loop; remove the link",
	}
	r, err := os.OpenRoot(dir)
	if err != nil {
		t.Fatal(err)
	}
	defer r.Close()
	for name, fsys := range map[string]fs.FS{"os.DirFS": os.DirFS(dir), "os.Root": r.FS()} {
		t.Run(name, func(t *testing.T) {
			pages, ds := Load(context.Background(), fsys, Options{})
			var got []string
			for _, d := range ds {
				got = append(got, d.Format("en"))
			}
			slices.Sort(got)
			if !slices.Equal(got, want) {
				t.Errorf("diagnostics:\n%s\nwant:\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
			}
			var files []string
			for _, p := range pages {
				files = append(files, p.File)
				if strings.Contains(string(p.Body), "rahasia") || len(p.Resources) > 0 {
					t.Errorf("%s brought in something from outside: %q, %v", p.File, p.Body, p.Resources)
				}
			}
			if want := []string{"content/berita/2025-07-29-x/index.md", "content/tentang.md"}; !slices.Equal(files, want) {
				t.Errorf("pages %v, want %v", files, want)
			}
		})
	}
}

// TestUnicodeNames: a bundle file saved by macOS (decomposed, NFD) is found
// by the name typed in the front matter (composed, NFC) and the other way
// round; names and text are read in NFC.
func TestUnicodeNames(t *testing.T) {
	const nfc, nfd = "caf\u00e9", "cafe\u0301"
	fsys := fstest.MapFS{
		"content/berita/2025-07-29-a/index.md":             file("---\ntitle: A\ndate: 2025-07-29\ncover: foto-" + nfc + ".jpg\ncover_alt: x\nconsent: true\n---\n"),
		"content/berita/2025-07-29-a/foto-" + nfd + ".jpg": file("jpeg"),
		"content/modul/sd/m/index.md":                      file("---\ntitle: M " + nfd + "\nlevel: sd\nattachments:\n  - file: lembar-" + nfd + ".pdf\n---\n"),
		"content/modul/sd/m/lembar-" + nfc + ".pdf":        file("%PDF"),
	}
	pages, ds := Load(context.Background(), fsys, Options{})
	if len(ds) > 0 {
		t.Fatalf("diagnostics: %v", ds)
	}
	for _, p := range pages {
		for _, r := range p.Resources {
			if strings.Contains(r.Name, nfd) {
				t.Errorf("%s: resource name %q kept in NFD", p.File, r.Name)
			}
		}
		if p.Module != nil {
			if p.Title != "M "+nfc || p.Module.Attachments[0].File != "lembar-"+nfc+".pdf" {
				t.Errorf("module read as %q, %q: not NFC", p.Title, p.Module.Attachments[0].File)
			}
		}
	}
}
