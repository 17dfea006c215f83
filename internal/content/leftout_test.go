package content

import (
	"slices"
	"strings"
	"testing"
	"testing/fstest"
	"time"

	"github.com/dinsos-metro/warta/internal/diag"
)

// loadAll loads fsys and returns its pages by file and its diagnostics as
// the English lines a user sees.
func loadAll(t *testing.T, fsys fstest.MapFS) (map[string]*Page, []string) {
	t.Helper()
	jakarta, _ := time.LoadLocation("Asia/Jakarta")
	pages, ds := Load(t.Context(), fsys, Options{Location: jakarta, RequireConsent: true})
	byFile := map[string]*Page{}
	for _, p := range pages {
		byFile[p.File] = p
	}
	var lines []string
	for _, d := range ds {
		lines = append(lines, d.Format("en"))
	}
	slices.Sort(lines)
	return byFile, lines
}

func assertLines(t *testing.T, got, want []string) {
	t.Helper()
	if !slices.Equal(got, want) {
		t.Errorf("diagnostics:\n%s\nwant:\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
}

// Regression (issue 12): a folder of 38 guide pages with an index.md came
// out as one page, without a word about the other 37.
func TestBundleSwallowsMarkdownWarns(t *testing.T) {
	_, got := loadAll(t, fstest.MapFS{
		"content/panduan/index.md":      file("---\ntitle: Panduan\n---\nDaftar panduan.\n"),
		"content/panduan/satu.md":       file("---\ntitle: Satu\n---\n"),
		"content/panduan/dua.md":        file("---\ntitle: Dua\n---\n"),
		"content/panduan/bab/tiga.md":   file("---\ntitle: Tiga\n---\n"),
		"content/layanan/_index.md":     file("---\ntitle: Layanan\n---\n"),
		"content/layanan/konsultasi.md": file("---\ntitle: Konsultasi\n---\n"),
	})
	assertLines(t, got, []string{
		"content/panduan/bab/tiga.md: warning: this file is inside the folder of the page content/panduan/index.md, so it is not published as a page of its own; move it out of that folder, or rename index.md to _index.md to make the folder a section",
		"content/panduan/dua.md: warning: this file is inside the folder of the page content/panduan/index.md, so it is not published as a page of its own; move it out of that folder, or rename index.md to _index.md to make the folder a section",
		"content/panduan/satu.md: warning: this file is inside the folder of the page content/panduan/index.md, so it is not published as a page of its own; move it out of that folder, or rename index.md to _index.md to make the folder a section",
	})
}

// Files of a news or gallery bundle that the page does not use are named,
// and left out of its resources (so not published).
func TestBundleFilesUnused(t *testing.T) {
	pages, got := loadAll(t, fstest.MapFS{
		"content/berita/2025-07-29-x/index.md":     file("---\ntitle: X\ndate: 2025-07-29\nconsent: true\ncover: sampul.jpg\ncover_alt: Sampul\n---\n![Kelas](kelas.jpg) dan [undangan](undangan.pdf).\n"),
		"content/berita/2025-07-29-x/sampul.jpg":   file("j"),
		"content/berita/2025-07-29-x/kelas.jpg":    file("j"),
		"content/berita/2025-07-29-x/undangan.pdf": file("p"),
		"content/berita/2025-07-29-x/lama.jpg":     file("j"),
		"content/berita/2025-07-29-x/catatan.txt":  file("t"),
		"content/galeri/2025-07-29-g/index.md":     file("---\ntitle: G\ndate: 2025-07-29\nconsent: true\nphotos:\n  - {file: a.jpg, alt: A}\n---\n"),
		"content/galeri/2025-07-29-g/a.jpg":        file("j"),
		"content/galeri/2025-07-29-g/b.jpg":        file("j"),
	})
	assertLines(t, got, []string{
		`content/berita/2025-07-29-x/index.md:1: warning: "catatan.txt" is in the page's folder but the page does not use it (it is not the cover, not a listed photo, not in the text), so it is not published; use it or remove it from the folder`,
		`content/berita/2025-07-29-x/index.md:1: warning: "lama.jpg" is in the page's folder but the page does not use it (it is not the cover, not a listed photo, not in the text), so it is not published; use it or remove it from the folder`,
		`content/galeri/2025-07-29-g/index.md:5: warning: "b.jpg" is in the page's folder but the page does not use it (it is not the cover, not a listed photo, not in the text), so it is not published; use it or remove it from the folder`,
	})
	var names []string
	for _, r := range pages["content/berita/2025-07-29-x/index.md"].Resources {
		names = append(names, r.Name)
	}
	if want := []string{"kelas.jpg", "sampul.jpg", "undangan.pdf"}; !slices.Equal(names, want) {
		t.Errorf("resources %v, want %v", names, want)
	}
}

// Regression (issue 12): shortcodes, Liquid tags and MDX were shown as
// text without a word. Each now warns with its file and line.
func TestForeignTextWarns(t *testing.T) {
	_, got := loadAll(t, fstest.MapFS{
		"content/tentang.md": file(strings.Join([]string{
			"---",
			"title: Tentang",
			"---",
			"import Peta from './Peta'",
			"",
			"Video: {{< youtube abc123 >}}",
			"",
			"{% include kontak.html %}",
			"",
			"<Peta kota=\"Metro\" />",
			"",
			"```",
			"{{< contoh >}} dalam kode: bukan masalah",
			"```",
		}, "\n")),
	})
	assertLines(t, got, []string{
		`content/tentang.md:10: warning: <Peta kota="Metro" /> is an MDX component, and warta does not run components: it is shown as text; write a link, a picture ![description](file.jpg) or a plain paragraph instead`,
		`content/tentang.md:4: warning: "import Peta from './Peta'" is an MDX import, and warta does not run imports: the line is shown as text; remove it`,
		`content/tentang.md:6: warning: {{< youtube abc123 >}} is a Hugo shortcode, and warta does not run shortcodes: it is shown as text; write a link [title](address) or a picture ![description](file.jpg) instead`,
		"content/tentang.md:8: warning: {% include kontak.html %} is a Liquid tag (Jekyll, Hexo), and warta does not run these tags: it is shown as text; write the text itself, a link [title](address), or a code block between ``` lines",
	})
}

// A page whose front matter lost its opening --- is told exactly that,
// and one closed with YAML's "..." is read.
func TestFrontMatterFromOtherTools(t *testing.T) {
	pages, got := loadAll(t, fstest.MapFS{
		"content/tanpa-pembuka.md": file("title: Tanpa pembuka\ndate: 2025-07-29\n---\nIsi.\n"),
		"content/catatan.md":       file("Catatan: ini teks biasa.\n---\nBukan front matter.\n"),
		"content/titik.md":         file("---\ntitle: Titik tiga\n...\nIsi.\n"),
		"content/berita/jekyll.md": file("---\ntitle: Jekyll\ndate: 2017-04-05 16:16:01 -0800\n---\n"),
		"content/berita/wp.md":     file("---\ntitle: WordPress\ndate: 2013-07-08 10:20\n---\n"),
		"content/berita/wita.md":   file("---\ntitle: WITA\ndate: 2019-02-24T00:59:50+08:00\n---\n"),
		"content/berita/wit.md":    file("---\ntitle: WIT\ndate: 2019-02-24T06:00:00+09:00\n---\n"),
	})
	assertLines(t, got, []string{
		`content/tanpa-pembuka.md:1: the front matter has no opening line ---: the file starts with "title: Tanpa pembuka" and its fields end at the --- on line 3; add a line --- above "title: Tanpa pembuka"`,
	})
	if p := pages["content/titik.md"]; p == nil || p.Title != "Titik tiga" || strings.TrimSpace(string(p.Body)) != "Isi." || p.BodyLine != 4 {
		t.Errorf("front matter closed with ...: %+v", p)
	}
	if p := pages["content/catatan.md"]; p == nil || !strings.HasPrefix(string(p.Body), "Catatan:") {
		t.Errorf("a page starting with \"Catatan:\" is text: %+v", p)
	}
	for file, want := range map[string]string{
		"content/berita/jekyll.md": "2017-04-05 16:16:01 -0800 UTC-08:00",
		"content/berita/wp.md":     "2013-07-08 10:20:00 +0700 WIB",
		"content/berita/wita.md":   "2019-02-24 00:59:50 +0800 WITA",
		"content/berita/wit.md":    "2019-02-24 06:00:00 +0900 WIT",
	} {
		if p := pages[file]; p == nil || p.Date.String() != want {
			t.Errorf("%s: date %v, want %s", file, p.Date, want)
		}
	}
}

// Regression (issue 12): "front matter harus berupa daftar isian (kunci:
// nilai), bukan a single value" mixed two languages.
func TestFrontMatterScalarOneLanguage(t *testing.T) {
	_, ds := Load(t.Context(), fstest.MapFS{"content/x.md": file("---\njust text\n---\n")}, Options{})
	if len(ds) != 1 || ds[0].Code != diag.FrontMatterScalar {
		t.Fatalf("diagnostics %v", ds)
	}
	if id := ds[0].Message("id"); strings.Contains(id, "a single") || !strings.Contains(id, "bukan satu nilai") {
		t.Errorf("Indonesian: %s", id)
	}
}

// The limits: a page nested past markdown.MaxNesting loses its body (and
// the build says where), a page past MaxPageSize is not read.
func TestLimits(t *testing.T) {
	var deep strings.Builder
	deep.WriteString("---\ntitle: Dalam\n---\n")
	for i := range 1000 {
		deep.WriteString(strings.Repeat("  ", i) + "- butir\n")
	}
	pages, got := loadAll(t, fstest.MapFS{
		"content/dalam.md": file(deep.String()),
		"content/besar.md": {Data: make([]byte, MaxPageSize+300<<10)},
	})
	assertLines(t, got, []string{
		"content/besar.md: the page is 1324 KB, more than the 1024 KB a page may be; split it into several pages",
		"content/dalam.md:104: lists or quotes are nested more than 100 levels deep here, and no page needs that many, so this page is not built: use fewer levels (for a quote, fewer > signs at the start of the line; for a list, fewer spaces before the -)",
	})
	if p := pages["content/dalam.md"]; p == nil || len(p.Body) != 0 {
		t.Errorf("the page nested too deep keeps its body")
	}
}
