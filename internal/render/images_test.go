package render_test

import (
	"bytes"
	"context"
	"image"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"testing"
	"testing/fstest"

	"github.com/dinsos-metro/warta"
	"github.com/dinsos-metro/warta/internal/build"
	"github.com/dinsos-metro/warta/internal/imageproc/imagetest"
	"github.com/dinsos-metro/warta/internal/publish"
	"github.com/dinsos-metro/warta/internal/sitetest"
)

// photoSite is a news report with a phone photo as its cover (stored on
// its side, EXIF orientation 6, with a GPS position), linked to a gallery
// of three photos, one of them smaller than every configured width but the
// first, and a plain page whose Markdown shows a bundle photo.
func photoSite(t testing.TB) fstest.MapFS {
	t.Helper()
	fsys := sitetest.Files(`
-- site.yaml --
base_url: https://dinsos.example.org/
images:
  widths: [160, 320, 640]
-- content/berita/2025-07-29-kunjungan/index.md --
---
title: Kunjungan
date: 2025-07-29
cover: sampul.jpg
cover_alt: Anak-anak di halaman sekolah
consent: true
gallery: galeri/2025-07-29-kunjungan
---
Isi berita.
-- content/galeri/2025-07-29-kunjungan/index.md --
---
title: Galeri kunjungan
date: 2025-07-29
consent: true
photos:
  - file: besar.jpg
    caption: Foto besar
    alt: Anak-anak bermain
  - file: kecil.jpg
    caption: Foto kecil
  - file: lubang.png
    alt: Gambar berlubang
---
-- content/layanan/index.md --
---
title: Layanan
consent: true
---
Teks.

![Petugas di kantor](kantor.jpg "Kantor")

![Logo luar](https://example.org/logo.png)
`)
	// Small pictures and widths keep the test quick under -race; the
	// cover is wider than the 1200 px preview.
	up := imagetest.Quadrants(1300, 400) // a wide photo, stored on its side
	imagetest.Add(fsys, "content/berita/2025-07-29-kunjungan/sampul.jpg", imagetest.PhoneJPEG(imagetest.Stored(up, 6), 6))
	imagetest.Add(fsys, "content/galeri/2025-07-29-kunjungan/besar.jpg", imagetest.PhoneJPEG(imagetest.Stored(imagetest.Quadrants(900, 600), 3), 3))
	imagetest.Add(fsys, "content/galeri/2025-07-29-kunjungan/kecil.jpg", imagetest.PhoneJPEG(imagetest.Quadrants(400, 300), 1))
	imagetest.Add(fsys, "content/galeri/2025-07-29-kunjungan/lubang.png", imagetest.TransparentPNG(300, 200))
	imagetest.Add(fsys, "content/layanan/kantor.jpg", imagetest.PhoneJPEG(imagetest.Quadrants(700, 350), 1))
	return fsys
}

var derivName = regexp.MustCompile(`^(.*)-(\d+)w-[0-9a-f]{10}\.(jpg|png|webp)$`)

// derivatives lists the resized copies published for a picture as
// "width.ext".
func derivatives(s *sitetest.Site, dir, stem string) []string {
	var out []string
	for _, n := range s.Out.Names() {
		if m := derivName.FindStringSubmatch(n); m != nil && m[1] == dir+stem {
			out = append(out, m[2]+"."+m[3])
		}
	}
	slices.Sort(out)
	return out
}

func TestResponsiveImages(t *testing.T) {
	t.Parallel()
	s := sitetest.Build(t, photoSite(t), sitetest.Options{NoMinify: true})
	s.AssertOK(t)

	// Widths: the configured ones below the photo's width, plus its own
	// width when narrower than the widest: never blown up, each also as
	// WebP. A page's cover also gets its preview, 1200 px or the photo's
	// own width, as JPEG only. A transparent PNG stays PNG.
	for _, c := range []struct {
		dir, stem string
		want      []string
	}{
		{"berita/kunjungan/", "sampul", []string{"1200.jpg", "160.jpg", "160.webp", "320.jpg", "320.webp", "640.jpg", "640.webp"}}, // upright 1300×400
		{"galeri/kunjungan/", "besar", []string{"160.jpg", "160.webp", "320.jpg", "320.webp", "640.jpg", "640.webp", "900.jpg"}},   // 900: the gallery's preview
		{"galeri/kunjungan/", "kecil", []string{"160.jpg", "160.webp", "320.jpg", "320.webp", "400.jpg", "400.webp"}},
		{"galeri/kunjungan/", "lubang", []string{"160.png", "160.webp", "300.png", "300.webp"}},
		{"layanan/", "kantor", []string{"160.jpg", "160.webp", "320.jpg", "320.webp", "640.jpg", "640.webp"}},
	} {
		if got := derivatives(s, c.dir, c.stem); !slices.Equal(got, c.want) {
			t.Errorf("%s%s: derivatives %v, want %v", c.dir, c.stem, got, c.want)
		}
	}
	// Pictures are never published as they were taken.
	for _, raw := range []string{"berita/kunjungan/sampul.jpg", "galeri/kunjungan/besar.jpg", "galeri/kunjungan/kecil.jpg", "layanan/kantor.jpg"} {
		s.AssertNoFile(t, raw)
	}

	news := s.File(t, "berita/kunjungan/index.html")
	s.AssertFile(t, "berita/kunjungan/index.html",
		// The cover: WebP first for the browsers that read it, then the
		// JPEG: the widest copy up to 960 px, every width in srcset, its
		// size (upright: the phone photo was stored on its side), loaded
		// first.
		`<figure class="cover"><picture><source type="image/webp" srcset="/berita/kunjungan/sampul-160w-`,
		`.webp 160w, /berita/kunjungan/sampul-320w-`, `.webp 320w, /berita/kunjungan/sampul-640w-`,
		`.webp 640w" sizes="(min-width: 46rem) 44rem, calc(100vw - 2rem)"><img src="/berita/kunjungan/sampul-640w-`,
		`fetchpriority="high" decoding="async"></picture></figure>`,
		`/berita/kunjungan/sampul-160w-`, ` 160w, /berita/kunjungan/sampul-320w-`, ` 640w"`,
		`sizes="(min-width: 46rem) 44rem, calc(100vw - 2rem)"`,
		`width="640" height="197"`, `fetchpriority="high"`,
		// The preview for WhatsApp and others.
		`<meta property="og:image" content="https://dinsos.example.org/berita/kunjungan/sampul-1200w-`,
		`<meta property="og:image:width" content="1200">`, `<meta property="og:image:height" content="369">`,
		// The strip of the gallery's photos, lazy.
		`<source type="image/webp" srcset="/galeri/kunjungan/kecil-160w-`,
		`<img src="/galeri/kunjungan/kecil-400w-`, `loading="lazy" decoding="async"></picture></a></li>`)
	if strings.Count(news, `loading="lazy"`) != 3 {
		t.Errorf("news page: want the 3 strip photos lazy, the cover not:\n%s", news)
	}

	s.AssertFile(t, "galeri/kunjungan/index.html",
		// The larger view without JavaScript: the widest copy.
		`<a href="/galeri/kunjungan/besar-640w-`,
		`<img src="/galeri/kunjungan/besar-640w-`, `width="640" height="427"`,
		`<a href="/galeri/kunjungan/kecil-400w-`, `<img src="/galeri/kunjungan/kecil-400w-`,
		`alt="Foto kecil"`, // the caption stands in for a missing alt
		`<img src="/galeri/kunjungan/lubang-300w-`, `/galeri/kunjungan/lubang-160w-`,
		`<picture><source type="image/webp" srcset="/galeri/kunjungan/lubang-160w-`)
	// The larger view stays a JPEG: every viewer opens it.
	if gallery := s.File(t, "galeri/kunjungan/index.html"); regexp.MustCompile(`href="[^"]*\.webp"`).MatchString(gallery) {
		t.Errorf("a gallery photo links to a WebP:\n%s", gallery)
	}
	// Lists show covers as responsive cards.
	s.AssertFile(t, "berita/index.html", `<picture><source type="image/webp" srcset="/berita/kunjungan/sampul-160w-`,
		`class="card-img" src="/berita/kunjungan/sampul-640w-`, `sizes="(min-width: 72rem) 17rem`)
	s.AssertFile(t, "galeri/index.html", `<picture><source type="image/webp" srcset="/galeri/kunjungan/besar-160w-`,
		`class="card-img" src="/galeri/kunjungan/besar-640w-`)
	// Markdown images in a bundle become responsive; others stay.
	s.AssertFile(t, "layanan/index.html",
		`<picture><source type="image/webp" srcset="/layanan/kantor-160w-`,
		`.webp 640w" sizes="(min-width: 46rem) 44rem, calc(100vw - 2rem)"><img src="/layanan/kantor-640w-`,
		`alt="Petugas di kantor" title="Kantor"`,
		`srcset="/layanan/kantor-160w-`, `width="640" height="320" loading="lazy" decoding="async"`,
		`<img src="https://example.org/logo.png" alt="Logo luar">`)
	if strings.Count(s.File(t, "layanan/index.html"), "<picture>") != 1 {
		t.Error("layanan: want the bundle photo in a <picture>, the picture from elsewhere as written")
	}

	// Every derivative is upright and its real size matches its name.
	for _, n := range s.Out.Names() {
		m := derivName.FindStringSubmatch(n)
		if m == nil {
			continue
		}
		data, _ := s.Out.Get(n)
		cfg, _, err := image.DecodeConfig(bytes.NewReader(data))
		if err != nil || strconv.Itoa(cfg.Width) != m[2] {
			t.Errorf("%s: %v, width %d", n, err, cfg.Width)
		}
		if strings.Contains(n, "sampul") && cfg.Height > cfg.Width {
			t.Errorf("%s is %d×%d: not turned upright", n, cfg.Width, cfg.Height)
		}
	}
}

// TestNoGPSPublished builds a site of phone photos (EXIF with a GPS
// position, XMP, a comment), with originals published too, and searches
// every output file for any trace of the metadata.
func TestNoGPSPublished(t *testing.T) {
	t.Parallel()
	fsys := photoSite(t)
	fsys["site.yaml"].Data = append(fsys["site.yaml"].Data, "  publish_originals: true\n"...)
	s := sitetest.Build(t, fsys, sitetest.Options{})
	s.AssertOK(t)
	// Originals go out under their own names, re-encoded.
	for _, name := range []string{"berita/kunjungan/sampul.jpg", "galeri/kunjungan/besar.jpg", "galeri/kunjungan/lubang.png", "layanan/kantor.jpg"} {
		if !s.Has(name) {
			t.Errorf("original %s not published with publish_originals", name)
		}
	}
	for name, data := range s.Out.Files() {
		imagetest.AssertClean(t, name, data)
	}
}

// TestImageConsentAndAlt: covers and Markdown images follow the gallery
// rule (consent: true on the page), and every picture needs a text for
// readers who cannot see it. One message per picture, with its line.
func TestImageConsentAndAlt(t *testing.T) {
	t.Parallel()
	fsys := sitetest.Files(`
-- content/berita/2025-07-29-a/index.md --
---
title: A
date: 2025-07-29
cover: sampul.jpg
---
Teks.

![](foto.jpg)
-- content/galeri/2025-07-29-g/index.md --
---
title: G
date: 2025-07-29
consent: true
photos:
  - file: satu.jpg
    alt: Satu
  - file: dua.jpg
---
`)
	for _, f := range []string{"content/berita/2025-07-29-a/sampul.jpg", "content/berita/2025-07-29-a/foto.jpg", "content/galeri/2025-07-29-g/satu.jpg", "content/galeri/2025-07-29-g/dua.jpg"} {
		imagetest.Add(fsys, f, sitetest.JPEG(32, 24))
	}
	s := sitetest.Build(t, fsys, sitetest.Options{})
	s.AssertFailed(t)
	want := []string{
		`content/berita/2025-07-29-a/index.md:4: cover "sampul.jpg" has no consent to be published; add consent: true to the front matter when the people in the picture (or their parents) agreed to its publication, or remove the cover`,
		`content/berita/2025-07-29-a/index.md:4: cover "sampul.jpg" has no description for readers who cannot see it; add cover_alt: "what the picture shows"`,
		`content/galeri/2025-07-29-g/index.md:8: photo "dua.jpg" has no description for readers who cannot see it; add alt: "what the photo shows" (or a caption:) to it`,
	}
	if got := s.Diagnostics(); !slices.Equal(got, want) {
		t.Errorf("diagnostics:\n%s\nwant:\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}

	// With the front matter fixed, the Markdown image is checked on render.
	fsys["content/berita/2025-07-29-a/index.md"].Data = []byte("---\ntitle: A\ndate: 2025-07-29\ncover: sampul.jpg\ncover_alt: Sampul\n---\nTeks.\n\n![](foto.jpg)\n")
	fsys["content/galeri/2025-07-29-g/index.md"].Data = []byte("---\ntitle: G\ndate: 2025-07-29\nconsent: true\n---\n")
	s = sitetest.Build(t, fsys, sitetest.Options{})
	want = []string{
		`content/berita/2025-07-29-a/index.md:4: cover "sampul.jpg" has no consent to be published; add consent: true to the front matter when the people in the picture (or their parents) agreed to its publication, or remove the cover`,
		`content/galeri/2025-07-29-g/index.md:4: photo "dua.jpg" is in the gallery's folder but the gallery has no photos: list, so it has no description for readers who cannot see it; list every photo under photos: with file: "dua.jpg" and alt: "what the photo shows" (or a caption:)`,
		`content/galeri/2025-07-29-g/index.md:4: photo "satu.jpg" is in the gallery's folder but the gallery has no photos: list, so it has no description for readers who cannot see it; list every photo under photos: with file: "satu.jpg" and alt: "what the photo shows" (or a caption:)`,
	}
	if got := s.Diagnostics(); !slices.Equal(got, want) {
		t.Errorf("diagnostics:\n%s\nwant:\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}

	fsys["content/berita/2025-07-29-a/index.md"].Data = []byte("---\ntitle: A\ndate: 2025-07-29\nsummary: S\n---\nTeks.\n\n![](foto.jpg)\n")
	delete(fsys, "content/galeri/2025-07-29-g/index.md")
	s = sitetest.Build(t, fsys, sitetest.Options{})
	want = []string{
		// The cover left the front matter: its file is now unused, and said so.
		`content/berita/2025-07-29-a/index.md:1: warning: "sampul.jpg" is in the page's folder but the page does not use it (it is not the cover, not a listed photo, not in the text), so it is not published; use it or remove it from the folder`,
		`content/berita/2025-07-29-a/index.md:8: image "foto.jpg" has no consent to be published; add consent: true to the front matter when the people in it (or their parents) agreed to its publication, or remove the image`,
		`content/berita/2025-07-29-a/index.md:8: image "foto.jpg" has no description for readers who cannot see it; write it between the brackets: ![what the picture shows](foto.jpg)`,
	}
	if got := s.Diagnostics(); !slices.Equal(got, want) {
		t.Errorf("diagnostics:\n%s\nwant:\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
}

// TestBadImages: every kind of broken picture is reported with its file,
// all in one build, and the good photo beside them is still made.
func TestBadImages(t *testing.T) {
	t.Parallel()
	fsys := sitetest.Files(`
-- content/galeri/2025-07-29-g/index.md --
---
title: G
date: 2025-07-29
consent: true
photos:
  - {file: baik.jpg, alt: Baik}
  - {file: terpotong.jpg, alt: Terpotong}
  - {file: teks.jpg, alt: Teks}
  - {file: iphone.jpg, alt: HEIC}
  - {file: bom.png, alt: Bom}
---
`)
	good := imagetest.PhoneJPEG(imagetest.Quadrants(600, 400), 1)
	imagetest.Add(fsys, "content/galeri/2025-07-29-g/baik.jpg", good)
	imagetest.Add(fsys, "content/galeri/2025-07-29-g/terpotong.jpg", good[:len(good)/2])
	imagetest.Add(fsys, "content/galeri/2025-07-29-g/teks.jpg", []byte("bukan foto\n"))
	imagetest.Add(fsys, "content/galeri/2025-07-29-g/iphone.jpg", append([]byte("\x00\x00\x00\x18ftypheic"), make([]byte, 100)...))
	imagetest.Add(fsys, "content/galeri/2025-07-29-g/bom.png", imagetest.PNGBomb(50000, 50000))
	s := sitetest.Build(t, fsys, sitetest.Options{})
	s.AssertFailed(t)
	want := []string{
		`content/galeri/2025-07-29-g/bom.png: this picture is 50000×50000 pixels, too large to process safely (at most 100 megapixels); make it smaller first`,
		`content/galeri/2025-07-29-g/iphone.jpg: this is a HEIC picture, which warta cannot read; save it as JPEG (or PNG) and use that file instead`,
		`content/galeri/2025-07-29-g/teks.jpg: this file is not a picture (it is not JPEG, PNG, GIF or WebP inside); replace it with the real photo`,
		`content/galeri/2025-07-29-g/terpotong.jpg: this picture is damaged or incomplete (invalid JPEG format: short Huffman data); copy it again from the camera or phone`,
	}
	if got := s.Diagnostics(); !slices.Equal(got, want) {
		t.Errorf("diagnostics:\n%s\nwant:\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
	if got := derivatives(s, "galeri/g/", "baik"); !slices.Equal(got, []string{"480.jpg", "480.webp", "600.jpg", "600.webp"}) {
		t.Errorf("the good photo was not processed beside the broken ones: %v", got)
	}
}

// TestImageCache: a second build of an unchanged site decodes no picture;
// after one photo changes, a Session's next build decodes that one only.
func TestImageCache(t *testing.T) {
	t.Parallel()
	dir := t.TempDir()
	fsys := photoSite(t)
	opt := build.Options{Source: fsys, Theme: warta.Theme, Dir: dir, Now: sitetest.Now}

	first := publish.NewMemory()
	opt.Sink = first
	res, err := build.Build(context.Background(), opt)
	if err != nil {
		t.Fatal(err)
	}
	if res.Images.Decoded != 5 || res.Images.Made == 0 || res.Images.Cached != 0 {
		t.Errorf("first build: %+v; want 5 decodes", res.Images)
	}

	second := publish.NewMemory()
	opt.Sink = second
	sess := build.NewSession(opt)
	res, err = sess.Full(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	if res.Images.Decoded != 0 || res.Images.Made != 0 || res.Images.Cached != res.Images.Derivatives {
		t.Errorf("second build: %+v; want everything from the cache, no decode", res.Images)
	}
	for _, n := range first.Names() {
		a, _ := first.Get(n)
		b, _ := second.Get(n)
		if !bytes.Equal(a, b) {
			t.Errorf("%s differs between a cold and a cached build", n)
		}
	}

	// serve: one photo changes, one photo is made again.
	imagetest.Add(fsys, "content/galeri/2025-07-29-kunjungan/kecil.jpg", imagetest.PhoneJPEG(imagetest.Quadrants(350, 300), 1))
	res, err = sess.Update(context.Background(), build.Change{Files: []string{"content/galeri/2025-07-29-kunjungan/kecil.jpg"}})
	if err != nil {
		t.Fatal(err)
	}
	if res.Images.Decoded != 1 {
		t.Errorf("after changing one photo: %+v; want exactly 1 decode", res.Images)
	}
	s := &sitetest.Site{Source: fsys, Result: res, Out: second}
	s.AssertFile(t, "galeri/kunjungan/index.html", `src="/galeri/kunjungan/kecil-350w-`, `/galeri/kunjungan/kecil-160w-`)

	// That incremental build pruned the cache, but only of what nothing
	// stands for any more: a fresh build still decodes nothing.
	opt.Sink = publish.NewMemory()
	res, err = build.Build(context.Background(), opt)
	if err != nil {
		t.Fatal(err)
	}
	if res.Images.Decoded != 0 || res.Images.Pruned != 0 {
		t.Errorf("fresh build after an incremental one: %+v; want no decode, nothing left to prune", res.Images)
	}
}
