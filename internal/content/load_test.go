package content

import (
	"context"
	"slices"
	"strings"
	"testing"
	"testing/fstest"
	"time"
)

func file(text string) *fstest.MapFile { return &fstest.MapFile{Data: []byte(text)} }

func load(t *testing.T, fsys fstest.MapFS, opt Options) map[string]*Page {
	t.Helper()
	pages, ds := Load(context.Background(), fsys, opt)
	for _, d := range ds {
		t.Errorf("diagnostic: %s", d.Format("en"))
	}
	byFile := map[string]*Page{}
	for _, p := range pages {
		byFile[p.File] = p
	}
	return byFile
}

var site = fstest.MapFS{
	"content/_index.md":        file("Beranda.\n"),
	"content/tentang.md":       file("---\ntitle: Tentang Kami\nweight: 2\nwarna: biru\n---\nIsi.\n"),
	"content/berita/_index.md": file("---\ntitle: Berita\n---\n"),
	"content/berita/2025-07-29-kunjungan-tk/index.md": file(
		"---\ntitle: Kunjungan TK\ndate: 2025-07-29\ncover: sampul.jpg\ncover_alt: Anak-anak TK\ntags: [PAUD, perlindungan anak]\ndistrict: Metro Pusat\n---\n\nIsi berita. ![Detail](img/detail.png)\n"),
	"content/berita/2025-07-29-kunjungan-tk/sampul.jpg":     file("jpeg"),
	"content/berita/2025-07-29-kunjungan-tk/img/detail.png": file("png!"),
	"content/berita/2025-07-29-kunjungan-tk/.DS_Store":      file("x"),
	"content/berita/2025-07-29-kunjungan-tk/catatan.md~":    file("x"),
	"content/berita/2025-08-01-rapat.md":                    file("+++\ntitle = \"Rapat\"\ndate = 2025-08-01T09:30:00\n+++\nIsi.\n"),
	"content/berita/2025-08-02-json.md":                     file(";;;\n{\"title\": \"JSON\", \"date\": \"2025-08-02T10:00:00Z\", \"tags\": [\"a\", 5]}\n;;;\nIsi.\n"),
	"content/berita/draf.md":                                file("---\ntitle: Draf\ndate: 2025-08-03\ndraft: true\n---\n"),
	"content/modul/sd/emosi/index.md":                       file("---\ntitle: Emosi\nlevel: SD\nattachments:\n  - file: lembar.pdf\n    title: Lembar kerja\n  - lembar.pdf\n---\n"),
	"content/modul/sd/emosi/lembar.pdf":                     file("%PDF-1.4 12345"),
	"content/galeri/2025-07-29-tk/index.md":                 file("---\ntitle: Galeri TK\ndate: 2025-07-29\nconsent: true\nphotos:\n  - {file: b.jpg, alt: Dua}\n  - {file: a.png, caption: Satu}\n---\n[Daftar hadir](daftar.txt)\n"),
	"content/galeri/2025-07-29-tk/b.jpg":                    file("b"),
	"content/galeri/2025-07-29-tk/a.png":                    file("a"),
	"content/galeri/2025-07-29-tk/daftar.txt":               file("not a photo"),
	"content/unduhan/panduan.pdf":                           file("a loose file, not a page"),
	"content/layanan/.rahasia/catatan.md":                   file("hidden folder"),
}

func TestLoad(t *testing.T) {
	pages := load(t, site, Options{})
	var files []string
	for f := range pages {
		files = append(files, f)
	}
	slices.Sort(files)
	want := []string{
		"content/_index.md",
		"content/berita/2025-07-29-kunjungan-tk/index.md",
		"content/berita/2025-08-01-rapat.md",
		"content/berita/2025-08-02-json.md",
		"content/berita/_index.md",
		"content/galeri/2025-07-29-tk/index.md",
		"content/modul/sd/emosi/index.md",
		"content/tentang.md",
	}
	if !slices.Equal(files, want) {
		t.Fatalf("pages:\n%v\nwant:\n%v", files, want)
	}

	kinds := map[string]Kind{
		"content/_index.md": KindHome, "content/berita/_index.md": KindSection, "content/tentang.md": KindPage,
		"content/berita/2025-08-01-rapat.md": KindNews, "content/modul/sd/emosi/index.md": KindModule,
		"content/galeri/2025-07-29-tk/index.md": KindGallery,
	}
	for f, k := range kinds {
		if pages[f].Kind != k {
			t.Errorf("%s is a %v, want %v", f, pages[f].Kind, k)
		}
	}

	news := pages["content/berita/2025-07-29-kunjungan-tk/index.md"]
	if !news.Bundle || news.Path != "berita/2025-07-29-kunjungan-tk" || news.Slug != "kunjungan-tk" || news.Section != "berita" {
		t.Errorf("bundle: bundle %v, path %q, slug %q, section %q", news.Bundle, news.Path, news.Slug, news.Section)
	}
	var res []string
	for _, r := range news.Resources {
		res = append(res, r.Name+"="+r.Path)
	}
	if want := []string{
		"img/detail.png=content/berita/2025-07-29-kunjungan-tk/img/detail.png",
		"sampul.jpg=content/berita/2025-07-29-kunjungan-tk/sampul.jpg",
	}; !slices.Equal(res, want) {
		t.Errorf("resources %v, want %v (editor files left out)", res, want)
	}
	if r, ok := news.Resource("sampul.jpg"); !ok || r.Size != 4 {
		t.Errorf("Resource(sampul.jpg) = %+v, %v", r, ok)
	}
	jakarta, _ := time.LoadLocation("Asia/Jakarta")
	if !news.Date.Equal(time.Date(2025, 7, 29, 0, 0, 0, 0, jakarta)) {
		t.Errorf("date %v: a calendar date is midnight in the site's zone", news.Date)
	}
	if news.BodyLine != 9 || string(news.Body) != "\nIsi berita. ![Detail](img/detail.png)\n" {
		t.Errorf("body starts on line %d: %q", news.BodyLine, news.Body)
	}
	if n := news.News; n.Cover != "sampul.jpg" || n.District != "Metro Pusat" || !slices.Equal(n.Tags, []string{"PAUD", "perlindungan anak"}) {
		t.Errorf("news fields: %+v", n)
	}
	if f := news.Fields["cover"]; f.Line != 4 {
		t.Errorf("cover is on line %d, want 4", f.Line)
	}

	if toml := pages["content/berita/2025-08-01-rapat.md"]; toml.Title != "Rapat" || !toml.Date.Equal(time.Date(2025, 8, 1, 9, 30, 0, 0, jakarta)) || toml.Slug != "rapat" {
		t.Errorf("TOML page: %q %v %q", toml.Title, toml.Date, toml.Slug)
	}
	js := pages["content/berita/2025-08-02-json.md"]
	if js.Title != "JSON" || !js.Date.Equal(time.Date(2025, 8, 2, 17, 0, 0, 0, jakarta)) || !slices.Equal(js.News.Tags, []string{"a", "5"}) {
		t.Errorf("JSON page: %q %v %v", js.Title, js.Date, js.News.Tags)
	}
	if js.Date.Location().String() != "UTC" {
		t.Errorf("a date keeps the zone it was written in (issue 12), got %v", js.Date.Location())
	}
	if d := pages["content/berita/2025-08-01-rapat.md"].Date; d.Location().String() != "Asia/Jakarta" {
		t.Errorf("a date without an offset is in the site's zone, got %v", d.Location())
	}

	mod := pages["content/modul/sd/emosi/index.md"]
	if m := mod.Module; m.Level != "sd" || len(m.Attachments) != 2 || m.Attachments[0].Title != "Lembar kerja" || m.Attachments[0].Size != 14 || m.Attachments[1].Title != "lembar.pdf" {
		t.Errorf("module: %+v", m)
	}

	gal := pages["content/galeri/2025-07-29-tk/index.md"]
	var photos []string
	for _, p := range gal.Gallery.Photos {
		photos = append(photos, p.File)
	}
	if !slices.Equal(photos, []string{"b.jpg", "a.png"}) || !gal.Gallery.Consent || gal.Gallery.Photos[0].Alt != "Dua" || gal.Gallery.Photos[1].Caption != "Satu" {
		t.Errorf("photos in the order listed: %+v", gal.Gallery.Photos)
	}

	about := pages["content/tentang.md"]
	if about.Weight != 2 || about.Params["warna"] != "biru" || about.Slug != "tentang" {
		t.Errorf("plain page: weight %d, params %v, slug %q", about.Weight, about.Params, about.Slug)
	}
	if home := pages["content/_index.md"]; home.Path != "" || string(home.Body) != "Beranda.\n" {
		t.Errorf("home: path %q, body %q", home.Path, home.Body)
	}
}

// Without a photos list, a gallery shows every image of its folder in
// name order. (Such photos have no alt text, which the build reports,
// telling staff to list them.)
func TestUnlistedPhotos(t *testing.T) {
	fsys := fstest.MapFS{
		"content/galeri/g/index.md":  file("---\ntitle: G\ndate: 2025-07-29\nconsent: true\n---\n"),
		"content/galeri/g/b.jpg":     file("b"),
		"content/galeri/g/a.PNG":     file("a"),
		"content/galeri/g/c.webp":    file("c"),
		"content/galeri/g/teks.txt":  file("not a photo"),
		"content/galeri/g/sub/d.gif": file("d"),
	}
	pages, ds := Load(context.Background(), fsys, Options{RequireConsent: true})
	for _, d := range ds {
		if d.Code != "photo-unlisted" && (d.Code != "bundle-file-unused" || !strings.Contains(d.Message("en"), "teks.txt")) {
			t.Errorf("diagnostic: %s", d.Format("en"))
		}
	}
	var photos []string
	for _, p := range pages[0].Gallery.Photos {
		photos = append(photos, p.File)
	}
	if want := []string{"a.PNG", "b.jpg", "c.webp", "sub/d.gif"}; !slices.Equal(photos, want) {
		t.Errorf("photos %v, want %v", photos, want)
	}
}

func TestDrafts(t *testing.T) {
	if _, ok := load(t, site, Options{})["content/berita/draf.md"]; ok {
		t.Error("draft loaded without Drafts")
	}
	if p, ok := load(t, site, Options{Drafts: true})["content/berita/draf.md"]; !ok || !p.Draft {
		t.Error("draft missing with Drafts")
	}
}

func TestSlugDatePrefix(t *testing.T) {
	p := load(t, site, Options{SlugDatePrefix: true})["content/berita/2025-07-29-kunjungan-tk/index.md"]
	if p.Slug != "2025-07-29-kunjungan-tk" {
		t.Errorf("slug %q, want the date kept", p.Slug)
	}
	fsys := fstest.MapFS{
		"content/berita/2025-07-29-Judul Asli.md": file("---\ntitle: X\ndate: 2025-07-29\n---\n"),
		"content/berita/2025-07-30-x.md":          file("---\ntitle: X\ndate: 2025-07-30\nslug: Nama Pilihan\n---\n"),
		"content/kontak-kami.md":                  file("Isi.\n"),
	}
	pages := load(t, fsys, Options{})
	if s := pages["content/berita/2025-07-29-Judul Asli.md"].Slug; s != "judul-asli" {
		t.Errorf("slug %q", s)
	}
	if s := pages["content/berita/2025-07-30-x.md"].Slug; s != "nama-pilihan" {
		t.Errorf("slug field: %q", s)
	}
	if p := pages["content/kontak-kami.md"]; p.Title != "Kontak kami" {
		t.Errorf("a page without title is named after its file: %q", p.Title)
	}
}

func TestTimezone(t *testing.T) {
	utc := time.UTC
	fsys := fstest.MapFS{"content/berita/x.md": file("---\ntitle: X\ndate: 2025-07-29 23:30\n---\n")}
	p := load(t, fsys, Options{Location: utc})["content/berita/x.md"]
	if !p.Date.Equal(time.Date(2025, 7, 29, 23, 30, 0, 0, utc)) {
		t.Errorf("date %v", p.Date)
	}
}

// Regression: TOML dates without an offset were read in the build
// machine's zone (the decoder's "date-local" zones were not recognised),
// so the same site gave other dates on another computer.
func TestTOMLLocalDates(t *testing.T) {
	fsys := fstest.MapFS{
		"content/berita/a.md": file("+++\ntitle = \"A\"\ndate = 2025-07-29\n+++\n"),
		"content/berita/b.md": file("+++\ntitle = \"B\"\ndate = 2025-07-29T23:30:00\n+++\n"),
		"content/berita/c.md": file("+++\ntitle = \"C\"\ndate = 2025-07-29T23:30:00+09:00\n+++\n"),
	}
	makassar, _ := time.LoadLocation("Asia/Makassar")
	pages := load(t, fsys, Options{Location: makassar})
	for f, want := range map[string]time.Time{
		"content/berita/a.md": time.Date(2025, 7, 29, 0, 0, 0, 0, makassar),
		"content/berita/b.md": time.Date(2025, 7, 29, 23, 30, 0, 0, makassar),
		"content/berita/c.md": time.Date(2025, 7, 29, 22, 30, 0, 0, makassar),
	} {
		// c.md keeps its own zone (WIT), the day it was written in.
		if got := pages[f].Date; !got.Equal(want) || got.Location() != makassar && f != "content/berita/c.md" {
			t.Errorf("%s: %v, want %v", f, got, want)
		}
	}
}

// Regression (found by FuzzLoad): an alias inside its own anchor expanded
// forever and crashed the build with a stack overflow; aliases nested a
// few levels deep could expand to billions of values.
func TestYAMLAliases(t *testing.T) {
	laughs := "---\ntitle: x\na: &a [l, l, l, l, l, l, l, l, l, l]\nb: &b [*a, *a, *a, *a, *a, *a, *a, *a, *a, *a]\nc: &c [*b, *b, *b, *b, *b, *b, *b, *b, *b, *b]\nd: &d [*c, *c, *c, *c, *c, *c, *c, *c, *c, *c]\ne: &e [*d, *d, *d, *d, *d, *d, *d, *d, *d, *d]\nf: &f [*e, *e, *e, *e, *e, *e, *e, *e, *e, *e]\ng: &g [*f, *f, *f, *f, *f, *f, *f, *f, *f, *f]\nh: &h [*g, *g, *g, *g, *g, *g, *g, *g, *g, *g]\n---\n"
	fsys := fstest.MapFS{
		"content/a.md":      file("---\ntitle: &t [*t]\nmeta: &m {self: *m}\n---\n"),
		"content/laughs.md": file(laughs),
		"content/alias.md":  file("---\nbase: &b {x: 1}\ncopy: *b\ntitle: Alias\n---\n"),
	}
	pages, _ := Load(context.Background(), fsys, Options{})
	if len(pages) != 3 {
		t.Fatalf("loaded %d pages", len(pages))
	}
	for _, p := range pages {
		if p.File == "content/alias.md" {
			if m, ok := p.Params["copy"].(map[string]any); !ok || m["x"] != int64(1) {
				t.Errorf("a plain alias is expanded: %v", p.Params["copy"])
			}
		}
	}
}
