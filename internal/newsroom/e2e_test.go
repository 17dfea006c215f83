package newsroom_test

import (
	"bytes"
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/bep/imagemeta"
	"github.com/chromedp/chromedp"
	"github.com/chromedp/chromedp/kb"

	"github.com/dinsos-metro/warta"
	"github.com/dinsos-metro/warta/internal/build"
	"github.com/dinsos-metro/warta/internal/imageproc/imagetest"
	"github.com/dinsos-metro/warta/internal/publish"
)

// TestWriteSeedReport is the newsroom's whole path, in a real browser:
// from an almost empty site, write the seed's report with the form, the
// toolbar and two uploaded photos; save; compare the Markdown on disk
// with what a person would have written; see it in the preview; send it
// to review; publish it; and find it in a build, with photos that carry
// no metadata although one was uploaded with GPS.
func TestWriteSeedReport(t *testing.T) {
	ctx := browser(t)
	h := start(t, "site.txtar")
	photos := t.TempDir()
	gps := filepath.Join(photos, "Senam Pagi.JPG")
	plain := filepath.Join(photos, "IMG_0042.jpeg")
	if err := os.WriteFile(gps, imagetest.PhoneJPEG(imagetest.Quadrants(1200, 800), 1), 0o644); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(plain, imagetest.Photo(7, 1000, 750), 0o644); err != nil {
		t.Fatal(err)
	}

	run(t, ctx, "open the newsroom", chromedp.Navigate(h.nr.URL()))
	waitJS(t, ctx, "the dashboard", `!!document.querySelector('a[href="/_redaksi/new?kind=news"]')`)
	shot(t, ctx, "01-daftar", "")
	submit(t, ctx, "new report", `a[href="/_redaksi/new?kind=news"]`, `#n-title`)
	run(t, ctx, "title and date",
		chromedp.SendKeys(chromedp.CSS(`#n-title`), "Peksos Go To School Dimulai di TK Negeri 1 Metro Pusat"),
		chromedp.SetValue(chromedp.CSS(`#n-date`), "2025-07-29"),
	)
	shot(t, ctx, "02-laporan-baru", "main")
	submit(t, ctx, "create", `form button[type=submit]`, `#body`)
	file := "content/berita/2025-07-29-peksos-go-to-school-dimulai-di-tk-negeri-1-metro-pusat.md"
	if _, err := os.Stat(filepath.Join(h.dir, file)); err != nil {
		t.Fatalf("the new report is not on disk: %v", err)
	}

	run(t, ctx, "fields",
		chromedp.SendKeys(chromedp.CSS(`#f-location`), "TK Negeri 1 Metro Pusat"),
		chromedp.SetValue(chromedp.CSS(`#f-district`), "Metro Pusat"),
		chromedp.SendKeys(chromedp.CSS(`#f-program`), "Peksos Go To School"),
	)
	run(t, ctx, "text with the toolbar",
		chromedp.Click(chromedp.CSS(`#body`)),
		chromedp.SendKeys(chromedp.CSS(`#body`), "Anak-anak TK Negeri 1 Metro Pusat belajar menjaga diri bersama pekerja sosial."+kb.Enter+kb.Enter),
		chromedp.Click(chromedp.CSS(`md-header[level="2"]`)),
		chromedp.SendKeys(chromedp.CSS(`#body`), "Belajar sambil bermain"+kb.Enter+kb.Enter+"Semua anak "),
		chromedp.Click(chromedp.CSS(`md-bold`)),
		chromedp.SendKeys(chromedp.CSS(`#body`), "berani bercerita"),
		chromedp.KeyEvent(kb.End, chromedp.KeyModifiers(chromedp.ModifierNone)),
		chromedp.SendKeys(chromedp.CSS(`#body`), " kepada orang dewasa yang mereka percaya."),
	)
	shot(t, ctx, "03-isian", "#page-form")
	shot(t, ctx, "04-teks", "#w-body")
	run(t, ctx, "upload two photos",
		chromedp.SetUploadFiles(chromedp.CSS(`#pick-photos`), []string{gps, plain}),
	)
	waitJS(t, ctx, "two photo cards", `document.querySelectorAll('#photo-list .photo').length === 2`)
	file = strings.TrimSuffix(file, ".md") + "/index.md" // the first photo made it a bundle
	waitJS(t, ctx, "the form follows the bundle", `document.querySelector('#page-form').dataset.file === `+jsString(file))
	run(t, ctx, "alt texts, consent, picture in the text",
		chromedp.SendKeys(chromedp.CSS(`#pa-0`), "Anak-anak senam pagi di halaman sekolah"),
		chromedp.SendKeys(chromedp.CSS(`#pa-1`), "Pekerja sosial membacakan cerita di depan kelas"),
		chromedp.SetValue(chromedp.CSS(`#f-consent`), "true"),
		chromedp.Click(chromedp.CSS(`#body`)),
		chromedp.KeyEvent(kb.End, chromedp.KeyModifiers(chromedp.ModifierCtrl)),
		chromedp.Click(chromedp.CSS(`#photo-list .photo:nth-child(2) .insert-photo`)),
	)
	shot(t, ctx, "05-foto", "#w-photos")
	waitJS(t, ctx, "the preview shows the text",
		`(document.querySelector('#preview').srcdoc || '').includes('<strong>berani bercerita</strong>')`)
	preview, err := chromedp.Run(ctx, chromedp.Evaluate[string](`document.querySelector('#preview').srcdoc`))
	if err != nil {
		t.Fatal(err)
	}
	contains(t, "the preview", preview, "Peksos Go To School Dimulai di TK Negeri 1 Metro Pusat", "Belajar sambil bermain</h2>", "TK Negeri 1 Metro Pusat")

	shot(t, ctx, "06-pratinjau", ".preview-pane")
	submit(t, ctx, "save", `button[value=draft]`, `#notice .ok`)
	shot(t, ctx, "07-tersimpan", "")
	golden(t, "seed-report.md", h.read(file))

	submit(t, ctx, "send to review", `button[value=review]`, `#notice .ok`)
	if page := h.read(file); !strings.Contains(page, "draft: true\nreview: true\n") {
		t.Errorf("sent to review, the page says:\n%s", page)
	}
	submit(t, ctx, "publish", `button[value=publish]`, `#notice .ok`)
	shot(t, ctx, "08-terbit", ".edit-head")
	submit(t, ctx, "history", `.edit-head a[href^="/_redaksi/history"]`, `.diff`)
	shot(t, ctx, "09-riwayat", "main")
	page := h.read(file)
	if !strings.Contains(page, "draft: false\n") || strings.Contains(page, "review:") {
		t.Errorf("published, the page says:\n%s", page)
	}

	// A build of the site, as `warta build` makes it.
	mem := publish.NewMemory()
	root, err := os.OpenRoot(h.dir)
	if err != nil {
		t.Fatal(err)
	}
	defer root.Close()
	res, err := build.Build(context.Background(), build.Options{Source: root.FS(), Theme: warta.Theme, Sink: mem, Dir: h.dir})
	if err != nil {
		t.Fatalf("build: %v\n%s", err, res.Diags.Format("en"))
	}
	out, ok := mem.Get("berita/peksos-go-to-school-dimulai-di-tk-negeri-1-metro-pusat/index.html")
	if !ok {
		t.Fatalf("the report is not in the build: %v", mem.Names())
	}
	contains(t, "the built page", string(out), "Peksos Go To School Dimulai di TK Negeri 1 Metro Pusat", "<strong>berani bercerita</strong>", "Anak-anak senam pagi di halaman sekolah")
	pictures := 0
	for _, name := range mem.Names() {
		if !strings.HasPrefix(name, "berita/peksos-go-to-school-dimulai-di-tk-negeri-1-metro-pusat/") || !strings.HasSuffix(name, ".jpg") {
			continue
		}
		pictures++
		data, _ := mem.Get(name)
		if tags := metadata(t, data); len(tags) > 0 {
			t.Errorf("%s carries metadata: %v", name, tags)
		}
		if strings.Contains(name, "senam-pagi.jpg") && !strings.Contains(name, "-w-") && bytes.Equal(data, mustRead(t, gps)) {
			t.Errorf("%s is the original upload", name)
		}
	}
	if pictures < 2 {
		t.Errorf("the build published %d pictures of the report, want the resized copies of both photos", pictures)
	}
}

func jsString(s string) string { return "'" + strings.ReplaceAll(s, "'", `\'`) + "'" }

func mustRead(t *testing.T, p string) []byte {
	t.Helper()
	b, err := os.ReadFile(p)
	if err != nil {
		t.Fatal(err)
	}
	return b
}

// metadata lists the EXIF, IPTC and XMP tags of a JPEG.
func metadata(t *testing.T, data []byte) []string {
	t.Helper()
	var tags []string
	_, err := imagemeta.Decode(imagemeta.Options{
		R: bytes.NewReader(data), ImageFormat: imagemeta.JPEG,
		Sources:         imagemeta.EXIF | imagemeta.IPTC | imagemeta.XMP,
		ShouldHandleTag: func(imagemeta.TagInfo) bool { return true },
		HandleTag: func(ti imagemeta.TagInfo) error {
			tags = append(tags, ti.Source.String()+":"+ti.Tag)
			return nil
		},
	})
	if err != nil && !strings.Contains(err.Error(), "no metadata") && !strings.Contains(strings.ToLower(err.Error()), "eof") {
		t.Logf("imagemeta: %v", err)
	}
	return tags
}
