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

	run(t, ctx, "open the newsroom", chromedp.Navigate(h.nr.URL()), chromedp.WaitVisible(chromedp.CSS(`a[href="/_redaksi/new?kind=news"]`)))
	run(t, ctx, "new report",
		chromedp.Click(chromedp.CSS(`a[href="/_redaksi/new?kind=news"]`)),
		chromedp.WaitVisible(chromedp.CSS(`#n-title`)),
		chromedp.SendKeys(chromedp.CSS(`#n-title`), "Peksos Go To School Dimulai di TK Negeri 1 Metro Pusat"),
		chromedp.SetValue(chromedp.CSS(`#n-date`), "2025-07-29"),
		chromedp.Click(chromedp.CSS(`form button[type=submit]`)),
		chromedp.WaitVisible(chromedp.CSS(`#body`)),
	)
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
	waitJS(t, ctx, "the preview shows the text",
		`(document.querySelector('#preview').srcdoc || '').includes('<strong>berani bercerita</strong>')`)
	preview, err := chromedp.Run(ctx, chromedp.Evaluate[string](`document.querySelector('#preview').srcdoc`))
	if err != nil {
		t.Fatal(err)
	}
	contains(t, "the preview", preview, "Peksos Go To School Dimulai di TK Negeri 1 Metro Pusat", "Belajar sambil bermain</h2>", "TK Negeri 1 Metro Pusat")

	run(t, ctx, "save", chromedp.Click(chromedp.CSS(`button[value=draft]`)), chromedp.WaitVisible(chromedp.CSS(`#notice .ok`)))
	golden(t, "seed-report.md", h.read(file))

	run(t, ctx, "send to review", chromedp.Click(chromedp.CSS(`button[value=review]`)), chromedp.WaitVisible(chromedp.CSS(`#notice .ok`)))
	if page := h.read(file); !strings.Contains(page, "draft: true\nreview: true\n") {
		t.Errorf("sent to review, the page says:\n%s", page)
	}
	run(t, ctx, "publish", chromedp.Click(chromedp.CSS(`button[value=publish]`)), chromedp.WaitVisible(chromedp.CSS(`#notice .ok`)))
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
