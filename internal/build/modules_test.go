package build_test

import (
	"archive/zip"
	"bytes"
	"context"
	"encoding/xml"
	"io"
	"net/url"
	"os"
	"os/exec"
	"path"
	"regexp"
	"slices"
	"strings"
	"sync"
	"testing"
	"testing/fstest"

	"github.com/dinsos-metro/warta"
	"github.com/dinsos-metro/warta/internal/build"
	"github.com/dinsos-metro/warta/internal/bundle"
	"github.com/dinsos-metro/warta/internal/i18n"
	"github.com/dinsos-metro/warta/internal/pdf"
	"github.com/dinsos-metro/warta/internal/publish"
	"github.com/dinsos-metro/warta/internal/sitetest"
)

// modulesSite has modules on two levels sharing a topic, a module with a
// worksheet, a picture used by its text and a file nobody listed, and a
// module that links to its neighbour.
const modulesSite = `
-- site.yaml --
title: Dinas Sosial Kota Metro
base_url: https://dinsos.example.org/
department:
  name: Dinas Sosial Kota Metro
  logo: img/logo.svg
menu:
  - {title: Beranda, url: /}
  - {title: Modul, url: /modul/}
  - {title: Kecamatan, url: /kecamatan/}
-- content/modul/_index.md --
---
title: Modul Pembelajaran
---
Modul untuk guru.
-- content/modul/sd/_index.md --
---
title: SD
ages: "7-12"
---
Modul SD.
-- content/modul/sd/sentuhan-aman/index.md --
---
title: Sentuhan Aman
level: sd
ages: "7-9"
duration: 30 menit
date: 2025-08-01
topics: [Sentuhan aman, keamanan]
attachments:
  - file: lembar-kerja.pdf
    title: Lembar kerja
---
Guru membuka kegiatan dengan lagu.

![Gambar lampu lalu lintas](gambar.png)

Lanjutkan dengan modul [Emosi](/modul/sd/emosi/) dan hubungi [kami](/kontak/).
-- content/modul/sd/sentuhan-aman/lembar-kerja.pdf --
%PDF-1.4
% a stand-in worksheet
-- content/modul/sd/sentuhan-aman/catatan-pribadi.txt --
not for the public
-- content/modul/sd/emosi/index.md --
---
title: Emosi
level: sd
topics: [emosi]
---
Siswa mengenali perasaan.
-- content/modul/smp/aman-daring/index.md --
---
title: Aman Daring
level: smp
topics: [keamanan]
---
Siswa menjaga akun.
-- content/kontak.md --
---
title: Kontak
---
Hubungi kami.
`

func modulesFS(t testing.TB) fstest.MapFS {
	t.Helper()
	return sitetest.Add(sitetest.Files(modulesSite), "content/modul/sd/sentuhan-aman/gambar.png", sitetest.PNG(40, 30))
}

// unzip reads an archive into name → bytes, in archive order.
func unzip(t testing.TB, data []byte) ([]string, map[string][]byte) {
	t.Helper()
	zr, err := zip.NewReader(bytes.NewReader(data), int64(len(data)))
	if err != nil {
		t.Fatalf("not a zip: %v", err)
	}
	var names []string
	files := map[string][]byte{}
	for _, f := range zr.File {
		r, err := f.Open()
		if err != nil {
			t.Fatal(err)
		}
		b, _ := io.ReadAll(r)
		r.Close()
		names = append(names, f.Name)
		files[f.Name] = b
	}
	return names, files
}

func TestModuleZip(t *testing.T) {
	fsys := modulesFS(t)
	s := sitetest.Build(t, fsys, sitetest.Options{})
	z, ok := s.Out.Get("modul/sd/sentuhan-aman/sentuhan-aman.zip")
	if !ok {
		t.Fatalf("no module zip; the build wrote:\n%s", strings.Join(s.Out.Names(), "\n"))
	}
	names, files := unzip(t, z)
	want := []string{"sentuhan-aman/gambar.png", "sentuhan-aman/index.html", "sentuhan-aman/lembar-kerja.pdf"}
	if !slices.Equal(names, want) {
		t.Errorf("zip holds %v, want %v (sorted, no unlisted file)", names, want)
	}
	// Attachments go in as they are.
	if !bytes.Equal(files["sentuhan-aman/lembar-kerja.pdf"], fsys["content/modul/sd/sentuhan-aman/lembar-kerja.pdf"].Data) {
		t.Error("the worksheet changed on its way into the zip")
	}
	// The page offers the zip with its size, written the Indonesian way.
	size := i18n.Lang("id").Bytes(int64(len(z)))
	s.AssertFile(t, "modul/sd/sentuhan-aman/index.html",
		`href="/modul/sd/sentuhan-aman/sentuhan-aman.zip" download`, "ZIP, "+size,
		`href="/modul/sd/sentuhan-aman/lembar-kerja.pdf"`, "PDF, "+i18n.Lang("id").Bytes(int64(len(fsys["content/modul/sd/sentuhan-aman/lembar-kerja.pdf"].Data))),
		`! Unduh PDF`)
	if !strings.Contains(size, ",") {
		t.Errorf("zip size %q should have a decimal comma", size)
	}

	level, ok := s.Out.Get("modul/sd/modul-sd.zip")
	if !ok {
		t.Fatal("no level zip")
	}
	names, _ = unzip(t, level)
	// Modules by slug, each module's files by name, the level's page last:
	// the archive is written while the modules are rendered.
	want = []string{
		"modul-sd/emosi/index.html",
		"modul-sd/sentuhan-aman/gambar.png", "modul-sd/sentuhan-aman/index.html", "modul-sd/sentuhan-aman/lembar-kerja.pdf",
		"modul-sd/index.html",
	}
	if !slices.Equal(names, want) {
		t.Errorf("level zip holds %v, want %v", names, want)
	}
	s.AssertFile(t, "modul/sd/index.html", `href="/modul/sd/modul-sd.zip" download`, "ZIP, "+i18n.Lang("id").Bytes(int64(len(level))))
	s.AssertNoFile(t, "modul/paud/modul-paud.zip") // a level without modules
}

// TestModuleZipRebuild: a second build, with other worker counts, gives
// byte-identical zips.
func TestModuleZipRebuild(t *testing.T) {
	a := sitetest.Build(t, modulesFS(t), sitetest.Options{Workers: 1})
	b := sitetest.Build(t, modulesFS(t), sitetest.Options{Workers: 4})
	for _, name := range []string{"modul/sd/sentuhan-aman/sentuhan-aman.zip", "modul/sd/emosi/emosi.zip", "modul/sd/modul-sd.zip", "modul/smp/modul-smp.zip"} {
		x, okx := a.Out.Get(name)
		y, oky := b.Out.Get(name)
		if !okx || !oky || !bytes.Equal(x, y) {
			t.Errorf("%s differs between builds (written: %v, %v)", name, okx, oky)
		}
	}
}

// TestModuleBundleOffline: the HTML in a zip refers only to files inside
// the zip (or data: URIs); links leave for the public site only as
// absolute addresses.
func TestModuleBundleOffline(t *testing.T) {
	s := sitetest.Build(t, modulesFS(t), sitetest.Options{})
	for _, name := range []string{"modul/sd/sentuhan-aman/sentuhan-aman.zip", "modul/sd/modul-sd.zip", "modul/smp/aman-daring/aman-daring.zip"} {
		data, ok := s.Out.Get(name)
		if !ok {
			t.Fatalf("no %s", name)
		}
		_, files := unzip(t, data)
		for entry, body := range files {
			if path.Ext(entry) != ".html" {
				continue
			}
			checkOffline(t, name+"!"+entry, entry, body, files)
		}
	}
	_, files := unzip(t, []byte(s.File(t, "modul/sd/modul-sd.zip")))
	page := string(files["modul-sd/sentuhan-aman/index.html"])
	for _, want := range []string{
		`<style>`, `href="../emosi/index.html">Emosi</a>`, `href="https://dinsos.example.org/kontak/">kami</a>`,
		`<img src="gambar.png"`, `href="lembar-kerja.pdf"`, `class="qr"`,
	} {
		if !strings.Contains(page, want) {
			t.Errorf("offline module page lacks %s", want)
		}
	}
	if index := string(files["modul-sd/index.html"]); !strings.Contains(index, `href="sentuhan-aman/index.html"`) {
		t.Error("the level's offline page does not link its modules inside the zip")
	}
}

func checkOffline(t *testing.T, where, entry string, body []byte, files map[string][]byte) {
	t.Helper()
	refs, err := bundle.References(body)
	if err != nil {
		t.Fatalf("%s: %v", where, err)
	}
	if bytes.Contains(body, []byte(`rel="stylesheet"`)) {
		t.Errorf("%s links a stylesheet; CSS must be inlined", where)
	}
	for _, r := range refs {
		v := strings.TrimSpace(r.Value)
		u, err := url.Parse(v)
		switch {
		case err != nil:
			t.Errorf("%s: <%s %s=%q> does not parse", where, r.Tag, r.Attr, v)
		case strings.HasPrefix(v, "data:"), strings.HasPrefix(v, "#"), u.Scheme == "mailto", u.Scheme == "tel":
		case u.Scheme == "https" || u.Scheme == "http":
			if r.Tag != "a" && !(r.Tag == "link" && r.Attr == "href") && r.Tag != "form" {
				t.Errorf("%s: <%s %s=%q> loads from the web", where, r.Tag, r.Attr, v)
			}
		case u.Scheme != "" || strings.HasPrefix(v, "/"):
			t.Errorf("%s: <%s %s=%q> is neither in the bundle nor a web address", where, r.Tag, r.Attr, v)
		default:
			target := path.Join(path.Dir(entry), u.Path)
			if _, ok := files[target]; !ok {
				t.Errorf("%s: <%s %s=%q> names %s, which is not in the zip", where, r.Tag, r.Attr, v, target)
			}
		}
	}
}

func TestModuleAttachments(t *testing.T) {
	s := sitetest.Build(t, modulesFS(t), sitetest.Options{})
	if s.Err != nil {
		t.Fatalf("an unlisted file must not fail the build: %v", s.Err)
	}
	want := []string{`content/modul/sd/sentuhan-aman/index.md:8: warning: "catatan-pribadi.txt" is in the module's folder but not listed in attachments, so it is not published; add it to attachments (- file: catatan-pribadi.txt) or remove it from the folder`}
	if got := s.Diagnostics(); !slices.Equal(got, want) {
		t.Errorf("diagnostics:\n%s\nwant:\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
	s.AssertNoFile(t, "modul/sd/sentuhan-aman/catatan-pribadi.txt")
	// The picture the text uses is published without being an attachment.
	s.AssertFile(t, "modul/sd/sentuhan-aman/gambar.png")

	// A listed file that is missing is an error naming the module's file.
	fsys := modulesFS(t)
	delete(fsys, "content/modul/sd/sentuhan-aman/lembar-kerja.pdf")
	delete(fsys, "content/modul/sd/sentuhan-aman/catatan-pribadi.txt")
	s = sitetest.Build(t, fsys, sitetest.Options{})
	s.AssertFailed(t)
	got := strings.Join(s.Diagnostics(), "\n")
	if !strings.Contains(got, `content/modul/sd/sentuhan-aman/index.md:9: attachments "lembar-kerja.pdf" is not in the page's folder content/modul/sd/sentuhan-aman/`) {
		t.Errorf("missing attachment not reported with its line:\n%s", got)
	}
}

func TestTopicPages(t *testing.T) {
	s := sitetest.Build(t, modulesFS(t), sitetest.Options{NoMinify: true})
	// "keamanan" gathers modules of two levels.
	s.AssertFile(t, "modul/topik/keamanan/index.html",
		"<h1>Topik: keamanan</h1>", `href="/modul/sd/sentuhan-aman/"`, `href="/modul/smp/aman-daring/"`, `! href="/modul/sd/emosi/"`,
		`href="/modul/topik/">Semua topik`)
	s.AssertFile(t, "modul/topik/sentuhan-aman/index.html", "Topik: Sentuhan aman", `href="/modul/sd/sentuhan-aman/"`)
	s.AssertFile(t, "modul/topik/index.html",
		`href="/modul/topik/emosi/"`, `href="/modul/topik/keamanan/">keamanan <span class="count">2</span>`)
	// Module pages, level pages and the module index link to them.
	s.AssertFile(t, "modul/sd/sentuhan-aman/index.html",
		`<a href="/modul/topik/sentuhan-aman/">Sentuhan aman</a>, <a href="/modul/topik/keamanan/">keamanan</a>`)
	s.AssertFile(t, "modul/sd/index.html", `href="/modul/topik/emosi/"`, `href="/modul/topik/keamanan/"`)
	s.AssertFile(t, "modul/smp/index.html", `href="/modul/topik/keamanan/"`, `! href="/modul/topik/emosi/"`)
	s.AssertFile(t, "modul/index.html", `href="/modul/topik/sentuhan-aman/"`)
	s.AssertFile(t, "sitemap.xml", "https://dinsos.example.org/modul/topik/keamanan/", "https://dinsos.example.org/modul/topik/</loc>")

	// A page of the site's own at the topics' address is a collision.
	fsys := modulesFS(t)
	sitetest.Add(fsys, "content/modul/topik/_index.md", []byte("---\ntitle: Topik\n---\n"))
	s = sitetest.Build(t, fsys, sitetest.Options{})
	s.AssertFailed(t)
	if got := strings.Join(s.Diagnostics(), "\n"); !strings.Contains(got, "content/modul/topik/_index.md:1: this page and a page that warta makes itself would both be published at /modul/topik/") {
		t.Errorf("no collision reported:\n%s", got)
	}
}

func TestLevelFeeds(t *testing.T) {
	s := sitetest.Build(t, modulesFS(t), sitetest.Options{NoMinify: true})
	s.AssertFile(t, "modul/sd/index.html",
		`<link rel="alternate" type="application/atom+xml" title="Dinas Sosial Kota Metro – Modul Pembelajaran SD" href="/modul/sd/feed.xml">`,
		`href="/modul/sd/feed.xml" type="application/atom+xml">Ikuti modul baru (Atom)`)
	var feed struct {
		Title   string `xml:"title"`
		Updated string `xml:"updated"`
		Entries []struct {
			Title   string `xml:"title"`
			ID      string `xml:"id"`
			Updated string `xml:"updated"`
			Cats    []struct {
				Term string `xml:"term,attr"`
			} `xml:"category"`
		} `xml:"entry"`
	}
	if err := xml.Unmarshal([]byte(s.File(t, "modul/sd/feed.xml")), &feed); err != nil {
		t.Fatal(err)
	}
	if feed.Title != "Dinas Sosial Kota Metro – Modul Pembelajaran SD" || len(feed.Entries) != 2 {
		t.Fatalf("feed %q with %d entries, want the SD feed with 2", feed.Title, len(feed.Entries))
	}
	// The dated module first; every entry has a date.
	e := feed.Entries[0]
	if e.Title != "Sentuhan Aman" || e.ID != "https://dinsos.example.org/modul/sd/sentuhan-aman/" || !strings.HasPrefix(e.Updated, "2025-08-01") || len(e.Cats) != 2 {
		t.Errorf("first entry %+v", e)
	}
	if feed.Entries[1].Updated == "" || feed.Updated != feed.Entries[0].Updated {
		t.Errorf("feed updated %q, entries %+v", feed.Updated, feed.Entries)
	}
	s.AssertFile(t, "modul/smp/feed.xml", "Aman Daring", "! Sentuhan Aman")
	s.AssertFile(t, "modul/paud/feed.xml", "Modul Pembelajaran PAUD", "! <entry>")
}

// TestModulePrint: the module page carries what paper needs.
func TestModulePrint(t *testing.T) {
	s := sitetest.Build(t, modulesFS(t), sitetest.Options{NoMinify: true})
	s.AssertFile(t, "modul/sd/sentuhan-aman/index.html",
		`<div class="print-head">`, "<strong>Dinas Sosial Kota Metro</strong>", "SD (Sekolah Dasar) · Usia 7-9 tahun",
		`<svg xmlns="http://www.w3.org/2000/svg" class="qr"`, `role="img" aria-label="Kode QR alamat modul ini"`,
		`<span>https://dinsos.example.org/modul/sd/sentuhan-aman/</span>`,
		`data-url="https://dinsos.example.org/modul/sd/sentuhan-aman/lembar-kerja.pdf"`)
}

// fakePrinter stands in for Chromium: it records what it was given.
type fakePrinter struct {
	mu    sync.Mutex
	pages map[string][]byte // index.html of each print, by its first <title>
	files [][]string
}

func (f *fakePrinter) Print(files map[string][]byte, entry string) ([]byte, error) {
	f.mu.Lock()
	defer f.mu.Unlock()
	if f.pages == nil {
		f.pages = map[string][]byte{}
	}
	html := files[entry]
	title := string(html[bytes.Index(html, []byte("<title>"))+7 : bytes.Index(html, []byte("</title>"))])
	f.pages[title] = html
	var names []string
	for n := range files {
		names = append(names, n)
	}
	slices.Sort(names)
	f.files = append(f.files, names)
	return []byte("%PDF-1.7 " + title), nil
}

func buildWith(t *testing.T, fsys fstest.MapFS, opt build.Options) (*publish.Memory, *build.Result) {
	t.Helper()
	out := publish.NewMemory()
	opt.Source, opt.Theme, opt.Sink, opt.Now = fsys, warta.Theme, out, sitetest.Now
	res, err := build.Build(context.Background(), opt)
	if err != nil {
		t.Fatalf("build failed: %v", err)
	}
	return out, res
}

// TestModulePDF follows the PDF path with a stand-in printer: the PDF is
// the main download, goes into the zip, and is printed from the offline
// page with links to the public site.
func TestModulePDF(t *testing.T) {
	fp := &fakePrinter{}
	out, _ := buildWith(t, modulesFS(t), build.Options{Printer: fp, NoMinify: true})
	pdfData, ok := out.Get("modul/sd/sentuhan-aman/sentuhan-aman.pdf")
	if !ok || !bytes.HasPrefix(pdfData, []byte("%PDF")) {
		t.Fatal("no module PDF written")
	}
	page, _ := out.Get("modul/sd/sentuhan-aman/index.html")
	for _, want := range []string{
		`<a class="button" href="/modul/sd/sentuhan-aman/sentuhan-aman.pdf" download>Unduh PDF</a> <span class="meta">PDF, `,
		`<a class="button quiet" href="/modul/sd/sentuhan-aman/sentuhan-aman.zip" download>`,
	} {
		if !bytes.Contains(page, []byte(want)) {
			t.Errorf("module page lacks %s", want)
		}
	}
	z, _ := out.Get("modul/sd/sentuhan-aman/sentuhan-aman.zip")
	_, files := unzip(t, z)
	if !bytes.Equal(files["sentuhan-aman/sentuhan-aman.pdf"], pdfData) {
		t.Error("the zip does not hold the PDF")
	}
	if !bytes.Contains(files["sentuhan-aman/index.html"], []byte(`href="sentuhan-aman.pdf" download>Unduh PDF`)) {
		t.Error("the offline page does not link the PDF beside it")
	}
	printed := string(fp.pages["Sentuhan Aman – Dinas Sosial Kota Metro"])
	for _, want := range []string{
		`href="https://dinsos.example.org/modul/sd/emosi/">Emosi`,
		`href="https://dinsos.example.org/modul/sd/sentuhan-aman/lembar-kerja.pdf"`,
		`<img src="gambar.png"`, `<style>`,
	} {
		if !strings.Contains(printed, want) {
			t.Errorf("printed page lacks %s", want)
		}
	}
	if !slices.ContainsFunc(fp.files, func(n []string) bool { return slices.Equal(n, []string{"gambar.png", "index.html"}) }) {
		t.Errorf("printer got %v; want the page with its picture (not the attachments)", fp.files)
	}
}

// TestModulePDFNoBrowser: asked for PDFs without Chromium, the build says
// so once and goes on without them.
func TestModulePDFNoBrowser(t *testing.T) {
	t.Setenv("CHROME_PATH", t.TempDir()+"/no-chromium")
	out, res := buildWith(t, modulesFS(t), build.Options{PDF: true})
	var warnings []string
	for _, d := range res.Diags.Items() {
		if strings.Contains(d.Format("en"), "PDFs were not made") {
			warnings = append(warnings, d.Format("en"))
		}
	}
	if len(warnings) != 1 || !strings.Contains(warnings[0], "apt-get install chromium") {
		t.Errorf("want one warning that says how to install Chromium, got %v", warnings)
	}
	if _, ok := out.Get("modul/sd/sentuhan-aman/sentuhan-aman.pdf"); ok {
		t.Error("a PDF without a browser?")
	}
	if page, _ := out.Get("modul/sd/sentuhan-aman/index.html"); bytes.Contains(page, []byte("Unduh PDF")) {
		t.Error("the page offers a PDF that does not exist")
	}
}

// TestModulePDFChromium prints the modules with the machine's Chromium.
// CI installs Chromium (.ci/run), so this runs there.
func TestModulePDFChromium(t *testing.T) {
	if _, err := pdf.Find(); err != nil {
		t.Skipf("skipped: %v; install Chromium (apt-get install chromium) to print module PDFs", err)
	}
	dir := t.TempDir()
	first, _ := buildWith(t, modulesFS(t), build.Options{PDF: true, Dir: dir})
	data, ok := first.Get("modul/sd/sentuhan-aman/sentuhan-aman.pdf")
	if !ok || !bytes.HasPrefix(data, []byte("%PDF-")) {
		t.Fatal("no PDF printed")
	}
	if box := regexp.MustCompile(`/MediaBox \[0 0 (59[45]\.\d*) (84[12]\.\d*)\]`).Find(data); box == nil {
		t.Errorf("the PDF is not A4: %s", regexp.MustCompile(`/MediaBox \[[^]]*\]`).Find(data))
	}
	cached, _ := os.ReadDir(dir + "/.cache/warta/pdf")
	if len(cached) != 3 {
		t.Errorf("%d PDFs cached, want one per module (3)", len(cached))
	}
	// Unchanged modules come from the cache: the same bytes.
	second, _ := buildWith(t, modulesFS(t), build.Options{PDF: true, Dir: dir})
	again, _ := second.Get("modul/sd/sentuhan-aman/sentuhan-aman.pdf")
	if !bytes.Equal(data, again) {
		t.Error("second build made another PDF")
	}
	if _, err := exec.LookPath("pdftotext"); err != nil {
		return
	}
	file := t.TempDir() + "/m.pdf"
	if err := os.WriteFile(file, data, 0o644); err != nil {
		t.Fatal(err)
	}
	text, err := exec.Command("pdftotext", "-layout", file, "-").Output()
	if err != nil {
		t.Fatal(err)
	}
	for _, want := range []string{"Dinas Sosial Kota Metro", "Sentuhan Aman", "Usia 7-9 tahun", "https://dinsos.example.org/modul/sd/sentuhan-", "Lembar kerja"} {
		if !bytes.Contains(text, []byte(want)) {
			t.Errorf("PDF text lacks %q:\n%s", want, text)
		}
	}
	for _, nav := range []string{"Kecamatan", "Langsung ke isi", "Unduh semua"} {
		if bytes.Contains(text, []byte(nav)) {
			t.Errorf("PDF text has %q: navigation and buttons must not print", nav)
		}
	}
}
