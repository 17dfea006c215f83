package build_test

import (
	"bytes"
	"fmt"
	"strings"
	"testing"
	"time"

	"github.com/dinsos-metro/warta/internal/sitetest"
)

// The full fixture (testdata/sites/full.txtar) has five published news
// reports and pagination: 2, so the news list takes three pages.
func TestNewsPagination(t *testing.T) {
	t.Parallel()
	s := builtFull(t)
	s.AssertFile(t, "berita/index.html",
		"<p>Laporan kegiatan Dinas Sosial.</p>", // the section's text, on its first page only
		"/berita/kelas-pengasuhan/", "/berita/pelatihan-guru/",
		"! /berita/sd-negeri-5/",
		`href="/berita/page/2/" rel="next"`,
		`! rel="prev"`)
	s.AssertFile(t, "berita/page/2/index.html",
		"Berita – Halaman 2 dari 3",
		"/berita/sd-negeri-5/", "/berita/rapat-koordinasi/",
		"! <p>Laporan kegiatan Dinas Sosial.</p>",
		`href="/berita/" rel="prev"`, `href="/berita/page/3/" rel="next"`)
	s.AssertFile(t, "berita/page/3/index.html",
		"Berita – Halaman 3 dari 3",
		"/berita/peksos-tk-negeri-1/",
		`href="/berita/page/2/" rel="prev"`, `! rel="next"`)
	s.AssertNoFile(t, "berita/page/1/index.html")
	s.AssertNoFile(t, "berita/page/4/index.html")
	s.AssertFile(t, "sitemap.xml", "https://dinsos.example.org/berita/page/3/")
}

func TestTaxonomies(t *testing.T) {
	t.Parallel()
	s := builtFull(t)
	// District pages list news and galleries of the district, newest first.
	s.AssertFile(t, "kecamatan/metro-pusat/index.html",
		"Kecamatan Metro Pusat", "/berita/peksos-tk-negeri-1/", "/galeri/tk-negeri-1/", "! /berita/sd-negeri-5/")
	s.AssertFile(t, "kecamatan/metro-timur/index.html", "/berita/sd-negeri-5/", "/berita/rapat-koordinasi/")
	s.AssertFile(t, "kecamatan/index.html",
		`href="/kecamatan/metro-barat/"`, `href="/kecamatan/metro-pusat/"`, `href="/kecamatan/metro-timur/"`)
	s.AssertFile(t, "program/peksos-go-to-school/index.html",
		"Program: Peksos Go To School", "/berita/peksos-tk-negeri-1/", "/berita/sd-negeri-5/", "! /berita/rapat-koordinasi/")
	s.AssertFile(t, "program/index.html", `href="/program/koordinasi/"`, `href="/program/peksos-go-to-school/"`)
	// Tags are grouped by slug: "PAUD" is /tag/paud/.
	s.AssertFile(t, "tag/paud/index.html", "Label: PAUD", "/berita/peksos-tk-negeri-1/", "/berita/pelatihan-guru/")
	s.AssertFile(t, "tag/perlindungan-anak/index.html", "/berita/sd-negeri-5/")
	s.AssertFile(t, "tag/index.html", `href="/tag/koordinasi/"`, `href="/tag/sd/"`)
	// News pages link to their terms.
	s.AssertFile(t, "berita/peksos-tk-negeri-1/index.html",
		`href="/kecamatan/metro-pusat/"`, `href="/program/peksos-go-to-school/"`, `href="/tag/perlindungan-anak/"`)
}

func TestTermPagination(t *testing.T) {
	t.Parallel()
	var b strings.Builder
	b.WriteString("-- site.yaml --\npagination: 2\n")
	for _, d := range []string{"01", "02", "03", "04", "05"} {
		b.WriteString("-- content/berita/2025-07-" + d + "-kabar-" + d + ".md --\n---\ntitle: Kabar " + d + "\ndate: 2025-07-" + d + "\ntags: [PAUD]\n---\nIsi.\n")
	}
	s := sitetest.BuildTxtar(t, b.String(), sitetest.Options{})
	s.AssertOK(t)
	s.AssertFile(t, "tag/paud/index.html", "/berita/kabar-05/", "/berita/kabar-04/", "! /berita/kabar-03/", `href="/tag/paud/page/2/" rel="next"`)
	s.AssertFile(t, "tag/paud/page/3/index.html", "/berita/kabar-01/", `href="/tag/paud/page/2/" rel="prev"`)
	s.AssertNoFile(t, "tag/paud/page/4/index.html")
}

// Prev is the next older report, Next the next newer one.
func TestPrevNext(t *testing.T) {
	t.Parallel()
	s := builtFull(t)
	s.AssertFile(t, "berita/kelas-pengasuhan/index.html", // newest
		`href="/berita/pelatihan-guru/" rel="prev"`, `! rel="next"`)
	s.AssertFile(t, "berita/sd-negeri-5/index.html",
		`href="/berita/rapat-koordinasi/" rel="prev"`, `href="/berita/pelatihan-guru/" rel="next"`)
	s.AssertFile(t, "berita/peksos-tk-negeri-1/index.html", // oldest
		`! rel="prev"`, `href="/berita/rapat-koordinasi/" rel="next"`)
}

func TestDrafts(t *testing.T) {
	t.Parallel()
	s := builtFull(t)
	s.AssertNoFile(t, "berita/draf-laporan/index.html")
	s.AssertNoFile(t, "tag/rahasia/index.html")
	s.AssertFile(t, "berita/index.html", "! Laporan yang Belum Selesai")
	s.AssertFile(t, "feed.xml", "! draf-laporan")
	s.AssertFile(t, "sitemap.xml", "! draf-laporan")

	s = sitetest.Build(t, fullSite(t), sitetest.Options{Drafts: true})
	s.AssertOK(t)
	s.AssertFile(t, "berita/draf-laporan/index.html", "<h1>Laporan yang Belum Selesai</h1>")
	s.AssertFile(t, "tag/rahasia/index.html", "/berita/draf-laporan/")
	s.AssertFile(t, "berita/index.html", "Laporan yang Belum Selesai")
}

// The build clock (sitetest.Now) is 1 December 2025; the fixture has a
// report dated 1 March 2026.
func TestFuture(t *testing.T) {
	t.Parallel()
	s := builtFull(t)
	s.AssertNoFile(t, "berita/rencana-kegiatan/index.html")
	s.AssertNoFile(t, "tag/rencana/index.html")
	s.AssertFile(t, "feed.xml", "! rencana-kegiatan")
	s.AssertFile(t, "sitemap.xml", "! rencana-kegiatan")
	s.AssertFile(t, "berita/kelas-pengasuhan/index.html", "! Rencana Kegiatan Maret")

	s = sitetest.Build(t, fullSite(t), sitetest.Options{Future: true})
	s.AssertOK(t)
	s.AssertFile(t, "berita/rencana-kegiatan/index.html", "Minggu, 1 Maret 2026")
	s.AssertFile(t, "berita/kelas-pengasuhan/index.html", `href="/berita/rencana-kegiatan/" rel="next"`)
	s.AssertFile(t, "tag/rencana/index.html", "/berita/rencana-kegiatan/")
}

const datedNews = `
-- content/berita/2025-07-29-kunjungan.md --
---
title: Kunjungan
date: 2025-07-29
---
Isi.
-- content/berita/2025-08-17-malam.md --
---
title: Upacara
date: 2025-08-16T23:30:00Z
---
Pukul 06.30 WIB tanggal 17.
`

func TestDatesIndonesian(t *testing.T) {
	t.Parallel()
	s := sitetest.BuildTxtar(t, datedNews, sitetest.Options{})
	s.AssertOK(t)
	s.AssertFile(t, "berita/kunjungan/index.html", "Selasa, 29 Juli 2025", `<html lang="id">`, "Diterbitkan")
	// A time with an offset keeps the day where it was written, and says
	// its zone when that is not the site's (issue 12).
	s.AssertFile(t, "berita/malam/index.html", "Sabtu, 16 Agustus 2025 (UTC)", "2025-08-16T23:30:00Z")
	s.AssertFile(t, "berita/index.html", "29 Juli 2025")
}

func TestDatesEnglish(t *testing.T) {
	t.Parallel()
	s := sitetest.BuildTxtar(t, "-- site.yaml --\nlanguage: en\n"+datedNews, sitetest.Options{})
	s.AssertOK(t)
	s.AssertFile(t, "berita/kunjungan/index.html",
		"Tuesday, 29 July 2025", `<html lang="en">`, "Published", `content="en_US"`, "! Selasa", "! Diterbitkan")
	s.AssertFile(t, "berita/malam/index.html", "Saturday, 16 August 2025 (UTC)")
	s.AssertFile(t, "berita/index.html", "29 July 2025", "! Berita terbaru")
}

func TestTimezone(t *testing.T) {
	t.Parallel()
	s := sitetest.BuildTxtar(t, "-- site.yaml --\ntimezone: UTC\n"+datedNews, sitetest.Options{})
	s.AssertOK(t)
	s.AssertFile(t, "berita/malam/index.html", "Sabtu, 16 Agustus 2025", "2025-08-16T23:30:00Z")
}

const markdownNews = `
-- content/berita/2025-07-29-markdown.md --
---
title: Markdown
date: 2025-07-29
---
Paragraf pertama dengan catatan.[^1]

## Kegiatan Inti

| Sesi | Waktu |
|------|-------|
| Cerita | 30 menit |

Jadwal ~~Senin~~ Selasa.

- [x] Bahan cerita
- [ ] Lembar kerja

## Kegiatan Inti

## Penutup & Evaluasi

<script>alert("x")</script>

Teks <b>tebal</b> dan <a href="javascript:alert(1)">tautan</a>.

[klik](javascript:alert(1)) dan https://example.org/ otomatis.

[^1]: Catatan kaki.
`

func TestMarkdown(t *testing.T) {
	t.Parallel()
	s := sitetest.BuildTxtar(t, markdownNews, sitetest.Options{NoMinify: true})
	s.AssertOK(t)
	s.AssertFile(t, "berita/markdown/index.html",
		// Footnotes.
		`<sup id="fnref:1"><a href="#fn:1"`, `<li id="fn:1">`, "Catatan kaki.",
		// Tables.
		"<th>Sesi</th>", "<td>30 menit</td>",
		// Strikethrough and task lists.
		"<del>Senin</del>", `<input checked="" disabled="" type="checkbox"> Bahan cerita`,
		// Heading IDs: plain words, unique within the page.
		`<h2 id="kegiatan-inti">`, `<h2 id="kegiatan-inti-1">`, `<h2 id="penutup-evaluasi">`,
		// Raw HTML is shown, not run.
		"&lt;script&gt;", "! <script>", "&lt;b&gt;tebal&lt;/b&gt;", "! <b>tebal</b>",
		// javascript: links are neutralised.
		`! href="javascript:`, ">klik</a>",
		// Autolinks.
		`<a href="https://example.org/">https://example.org/</a>`,
	)
	// The first paragraph is the summary, without footnote marks.
	s.AssertFile(t, "berita/index.html", `<p class="summary">Paragraf pertama dengan catatan.</p>`)
	s.AssertFile(t, "feed.xml", "<summary>Paragraf pertama dengan catatan.</summary>")
}

func TestMarkdownUnsafeHTML(t *testing.T) {
	t.Parallel()
	s := sitetest.BuildTxtar(t, "-- site.yaml --\nmarkup:\n  unsafe_html: true\n"+markdownNews, sitetest.Options{NoMinify: true})
	s.AssertOK(t)
	s.AssertFile(t, "berita/markdown/index.html", `<script>alert("x")</script>`, "<b>tebal</b>", "! &lt;script&gt;")
}

// Bundle files are published beside their page, byte for byte; pictures
// only as resized copies (internal/render/images.go).
func TestBundleFiles(t *testing.T) {
	t.Parallel()
	s := builtFull(t)
	fsys := s.Source
	for src, out := range map[string]string{
		"content/modul/paud/sentuhan-aman/lembar-kerja.pdf": "modul/paud/sentuhan-aman/lembar-kerja.pdf",
	} {
		got, ok := s.Out.Get(out)
		if !ok || !bytes.Equal(got, fsys[src].Data) {
			t.Errorf("%s: published %v, equal to %s: %v", out, ok, src, bytes.Equal(got, fsys[src].Data))
		}
	}
	// Images carry their size, so the page does not jump while loading.
	s.AssertFile(t, "berita/peksos-tk-negeri-1/index.html",
		`src="/berita/peksos-tk-negeri-1/cover-64w-`, `width="64"`, `height="48"`,
		`property="og:image" content="https://dinsos.example.org/berita/peksos-tk-negeri-1/cover-64w-`,
		// The gallery strip of the linked gallery.
		`href="/galeri/tk-negeri-1/#foto-2"`, "Kunjungan TK Negeri 1 Metro Pusat")
	s.AssertFile(t, "galeri/tk-negeri-1/index.html", `id="foto-1"`, "Mendengarkan cerita", `href="/berita/peksos-tk-negeri-1/"`)
	s.AssertFile(t, "modul/paud/sentuhan-aman/index.html",
		`href="/modul/paud/sentuhan-aman/lembar-kerja.pdf" download`, "Lembar kerja sentuhan", "PDF, 43 B")
	// The Markdown source of a bundle is never published, nor a picture
	// as it was taken.
	s.AssertNoFile(t, "berita/peksos-tk-negeri-1/index.md")
	s.AssertNoFile(t, "berita/peksos-tk-negeri-1/cover.jpg")
	s.AssertNoFile(t, "galeri/tk-negeri-1/foto-1.jpg")
}

// A phone photo's metadata (GPS above all) never reaches the site, and its
// orientation is applied: a 40×30 picture marked "rotate 90°" is shown
// 30×40.
func TestPhotoMetadataStripped(t *testing.T) {
	t.Parallel()
	fsys := sitetest.Files(`
-- content/galeri/2025-07-29-kunjungan/index.md --
---
title: Kunjungan
date: 2025-07-29
consent: true
photos:
  - file: hp.jpg
    alt: Foto dari ponsel
---
`)
	photo := sitetest.WithEXIF(sitetest.JPEG(40, 30), 6, "LOKASI-RAHASIA")
	sitetest.Add(fsys, "content/galeri/2025-07-29-kunjungan/hp.jpg", photo)
	s := sitetest.Build(t, fsys, sitetest.Options{})
	s.AssertOK(t)
	var published int
	for _, n := range s.Out.Names() {
		if !strings.HasPrefix(n, "galeri/kunjungan/") || strings.HasSuffix(n, ".html") {
			continue
		}
		published++
		b, _ := s.Out.Get(n)
		for _, secret := range []string{"LOKASI-RAHASIA", "Exif\x00", "MM\x00*"} {
			if bytes.Contains(b, []byte(secret)) {
				t.Errorf("%s still carries %q", n, secret)
			}
		}
	}
	if published == 0 {
		t.Fatalf("no photo published: %v", s.Out.Names())
	}
	s.AssertFile(t, "galeri/kunjungan/index.html", `width="30" height="40"`, `! hp.jpg"`)
}

// A photo with consent: false stays off the site, file and page.
func TestGalleryConsent(t *testing.T) {
	t.Parallel()
	fsys := sitetest.Files(`
-- content/galeri/2025-07-29-kunjungan/index.md --
---
title: Kunjungan
date: 2025-07-29
consent: true
photos:
  - file: boleh.png
    caption: Boleh tampil
  - file: jangan.png
    caption: Jangan tampil
    consent: false
---
`)
	sitetest.Add(fsys, "content/galeri/2025-07-29-kunjungan/boleh.png", sitetest.PNG(8, 8))
	sitetest.Add(fsys, "content/galeri/2025-07-29-kunjungan/jangan.png", sitetest.PNG(8, 8))
	sitetest.Add(fsys, "content/galeri/2025-07-29-kunjungan/tidak-didaftar.png", sitetest.PNG(8, 8))
	s := sitetest.Build(t, fsys, sitetest.Options{})
	// A photo not listed is not published, and named (issue 12).
	want := `content/galeri/2025-07-29-kunjungan/index.md:5: warning: "tidak-didaftar.png" is in the page's folder but the page does not use it (it is not the cover, not a listed photo, not in the text), so it is not published; use it or remove it from the folder`
	if got := s.Diagnostics(); s.Err != nil || len(got) != 1 || got[0] != want {
		t.Fatalf("build: %v\n%s\nwant only:\n%s", s.Err, strings.Join(got, "\n"), want)
	}
	s.AssertFile(t, "galeri/kunjungan/index.html", "boleh-8w-", "Boleh tampil", "! jangan", "! Jangan tampil", "! tidak-didaftar")
	s.AssertFile(t, "galeri/index.html", "1 foto")
	s.AssertNoFile(t, "galeri/kunjungan/jangan.png")
	s.AssertNoFile(t, "galeri/kunjungan/tidak-didaftar.png")

	// Without require_consent, a photo is shown unless it says consent: false.
	fsys["content/galeri/2025-07-29-kunjungan/index.md"].Data = []byte("---\ntitle: Kunjungan\ndate: 2025-07-29\nphotos:\n  - {file: boleh.png, alt: Boleh}\n  - file: jangan.png\n    consent: false\n---\n")
	sitetest.Add(fsys, "site.yaml", []byte("privacy:\n  require_consent: false\n"))
	delete(fsys, "content/galeri/2025-07-29-kunjungan/tidak-didaftar.png") // named above
	s = sitetest.Build(t, fsys, sitetest.Options{})
	s.AssertOK(t)
	s.AssertFile(t, "galeri/kunjungan/index.html", "boleh-8w-", "! jangan")
	s.AssertNoFile(t, "galeri/kunjungan/jangan.png")
}

// A folder with only content/ builds with the built-in theme: layouts,
// CSS and logo all come from the binary.
func TestBuiltInTheme(t *testing.T) {
	t.Parallel()
	s := sitetest.Build(t, fixture(t, "content-only"), sitetest.Options{})
	s.AssertOK(t)
	var css bool
	for _, n := range s.Out.Names() {
		if strings.HasPrefix(n, "assets/css/style.") && strings.HasSuffix(n, ".css") {
			css = true
			s.AssertFile(t, "index.html", "/"+n)
		}
	}
	if !css {
		t.Errorf("no fingerprinted stylesheet in %v", s.Out.Names())
	}
	s.AssertFile(t, "index.html", "<title>Dinas Sosial</title>", "Selamat datang.", "/berita/kunjungan-sekolah/")
	s.AssertFile(t, "kontak/index.html", "<h1>Kontak</h1>", "Hubungi kami")
	s.AssertFile(t, "404.html", "Halaman tidak ditemukan")
	s.AssertFile(t, "robots.txt", "Sitemap: http://localhost:1313/sitemap.xml")
}

// A project file in layouts/ replaces the built-in one of the same name;
// the others still come from the theme.
func TestLayoutOverride(t *testing.T) {
	t.Parallel()
	s := sitetest.BuildTxtar(t, `
-- layouts/page.html --
{{define "main"}}<article class="milik-situs">{{.Page.Title}}</article>{{end}}
-- content/tentang.md --
---
title: Tentang Kami
---
Isi.
`, sitetest.Options{})
	s.AssertOK(t)
	s.AssertFile(t, "tentang/index.html", `<article class="milik-situs">Tentang Kami</article>`, `class="masthead"`)
}

// Minified output (the default) keeps every page's content.
func TestMinified(t *testing.T) {
	t.Parallel()
	plain := sitetest.Build(t, fullSite(t), sitetest.Options{NoMinify: true})
	small := sitetest.Build(t, fullSite(t), sitetest.Options{})
	plain.AssertOK(t)
	small.AssertOK(t)
	if p, s := plain.File(t, "index.html"), small.File(t, "index.html"); len(s) >= len(p) {
		t.Errorf("minified home page is %d bytes, unminified %d", len(s), len(p))
	}
	small.AssertFile(t, "berita/peksos-tk-negeri-1/index.html", "Selasa, 29 Juli 2025", "Kegiatan Inti", "tel:0725123456")
}

// Regression: html/template replaced the department's tel: link with
// "#ZgotmplZ" because the URL was a plain string.
func TestPhoneLink(t *testing.T) {
	t.Parallel()
	s := sitetest.Build(t, fullSite(t), sitetest.Options{NoMinify: true})
	s.AssertOK(t)
	s.AssertFile(t, "index.html", `<a href="tel:0725123456">(0725) 123456</a>`, "! ZgotmplZ")
}

// A base URL with a path (a site served from a sub-folder) prefixes every
// link.
func TestBaseURLPath(t *testing.T) {
	t.Parallel()
	s := sitetest.Build(t, fullSite(t), sitetest.Options{BaseURL: "https://pemkot.example.org/dinsos/", NoMinify: true})
	s.AssertOK(t)
	s.AssertFile(t, "berita/peksos-tk-negeri-1/index.html",
		`href="/dinsos/berita/"`, `src="/dinsos/berita/peksos-tk-negeri-1/cover-64w-`,
		`href="/dinsos/assets/css/style.`, `href="https://pemkot.example.org/dinsos/berita/peksos-tk-negeri-1/"`,
		`! href="/berita/`)
	s.AssertFile(t, "sitemap.xml", "<loc>https://pemkot.example.org/dinsos/tentang/</loc>")
}

func TestSlugDatePrefix(t *testing.T) {
	t.Parallel()
	const news = `
-- content/berita/2025-07-29-kunjungan.md --
---
title: Kunjungan
date: 2025-07-29
---
-- content/berita/2025-07-30-lain.md --
---
title: Lain
date: 2025-07-30
slug: nama-lain
---
`
	s := sitetest.BuildTxtar(t, news, sitetest.Options{})
	s.AssertOK(t)
	s.AssertFile(t, "berita/kunjungan/index.html", "Selasa, 29 Juli 2025")
	s.AssertFile(t, "berita/nama-lain/index.html", "Rabu, 30 Juli 2025")

	s = sitetest.BuildTxtar(t, "-- site.yaml --\nslug_date_prefix: true\n"+news, sitetest.Options{})
	s.AssertOK(t)
	s.AssertFile(t, "berita/2025-07-29-kunjungan/index.html", "Kunjungan")
	s.AssertNoFile(t, "berita/kunjungan/index.html")
	s.AssertFile(t, "berita/nama-lain/index.html", "Lain")
}

// Regression: without dated pages the footer's year came from the
// machine's clock instead of the build's, so the same site built with the
// same options gave other bytes after New Year.
func TestCopyrightYearFollowsBuildClock(t *testing.T) {
	t.Parallel()
	const site = "-- content/tentang.md --\nTentang kami.\n"
	for _, year := range []int{2024, 2031} {
		now := time.Date(year, 3, 1, 12, 0, 0, 0, time.UTC)
		s := sitetest.BuildTxtar(t, site, sitetest.Options{Now: now})
		s.AssertOK(t)
		s.AssertFile(t, "tentang/index.html", fmt.Sprintf("© %d Dinas Sosial", year))
	}
	// With dated pages it follows the newest of them.
	s := builtFull(t)
	s.AssertFile(t, "index.html", "© 2025 Dinas Sosial Kota Metro")
}
