package build_test

import (
	"archive/zip"
	"bytes"
	"context"
	"image"
	"io"
	"slices"
	"strings"
	"testing"
	"testing/fstest"

	"github.com/bep/imagemeta"

	"github.com/dinsos-metro/warta"
	"github.com/dinsos-metro/warta/internal/build"
	"github.com/dinsos-metro/warta/internal/publish"
	"github.com/dinsos-metro/warta/internal/scrub/scrubtest"
	"github.com/dinsos-metro/warta/internal/sitetest"
)

// Issue 12: a module's attachments (and any file of a bundle published as
// it is) went out byte for byte, a phone photo with its GPS position, its
// owner's name and serial number, a Word file with its author. Here a
// module carries all of them, and a news report a PDF; what the build
// publishes, beside the pages and in the module's and the level's zips,
// is read back with exiftool and github.com/bep/imagemeta.

const scrubSite = `
-- site.yaml --
title: Dinas Sosial
base_url: https://dinsos.example.org/
-- content/modul/sd/_index.md --
---
title: SD
---
-- content/modul/sd/perasaan/index.md --
---
title: Termometer Perasaan
level: sd
attachments:
  - {file: foto-kelas.jpg, title: Foto kelas}
  - {file: foto-miring.jpg, title: Foto miring}
  - {file: lembar.png, title: Lembar kerja}
  - {file: lembar.pdf, title: Lembar kerja PDF}
  - {file: lembar.docx, title: Lembar kerja Word}
  - {file: lembar.odt, title: Lembar kerja ODT}
---
Warnai termometer sesuai perasaanmu.
-- content/berita/2025-07-29-kunjungan/index.md --
---
title: Kunjungan
date: 2025-07-29
---
Unduh [laporan](laporan.pdf).
`

func scrubFiles(t *testing.T, config string) fstest.MapFS {
	t.Helper()
	fsys := sitetest.Files(scrubSite + config)
	dir := "content/modul/sd/perasaan/"
	sitetest.Add(fsys, dir+"foto-kelas.jpg", scrubtest.PhoneJPEG(64, 48, 1))
	sitetest.Add(fsys, dir+"foto-miring.jpg", scrubtest.PhoneJPEG(64, 48, 6))
	sitetest.Add(fsys, dir+"lembar.png", scrubtest.TextPNG(64, 48, 1))
	sitetest.Add(fsys, dir+"lembar.pdf", scrubtest.PDF(scrubtest.PDFOptions{}))
	sitetest.Add(fsys, dir+"lembar.docx", scrubtest.DOCX())
	sitetest.Add(fsys, dir+"lembar.odt", scrubtest.ODT())
	sitetest.Add(fsys, "content/berita/2025-07-29-kunjungan/laporan.pdf", scrubtest.PDF(scrubtest.PDFOptions{ObjectStreams: true, CompressedXMP: true, Photo: true}))
	return fsys
}

// zipEntries reads every entry of a zip the build wrote.
func zipEntries(t *testing.T, s *sitetest.Site, name string) map[string][]byte {
	t.Helper()
	b, ok := s.Out.Get(name)
	if !ok {
		t.Fatalf("no %s", name)
	}
	zr, err := zip.NewReader(bytes.NewReader(b), int64(len(b)))
	if err != nil {
		t.Fatal(err)
	}
	out := map[string][]byte{}
	for _, f := range zr.File {
		r, _ := f.Open()
		out[f.Name], _ = io.ReadAll(r)
		r.Close()
	}
	return out
}

func TestPublishedFilesCarryNoPersonalMetadata(t *testing.T) {
	t.Parallel()
	fsys := scrubFiles(t, "")
	s := sitetest.Build(t, fsys, sitetest.Options{})
	if s.Err != nil {
		t.Fatalf("build failed: %v\n%s", s.Err, strings.Join(s.Diagnostics(), "\n"))
	}
	const dir = "content/modul/sd/perasaan/"
	want := []string{
		`content/berita/2025-07-29-kunjungan/laporan.pdf: warning: "Author" in this document can name people; the published copy leaves it out (privacy.strip_document_metadata is on)`,
		`content/berita/2025-07-29-kunjungan/laporan.pdf: warning: "Company" in this document can name people; the published copy leaves it out (privacy.strip_document_metadata is on)`,
		`content/berita/2025-07-29-kunjungan/laporan.pdf: warning: "Creator" in this document can name people; the published copy leaves it out (privacy.strip_document_metadata is on)`,
		`content/berita/2025-07-29-kunjungan/laporan.pdf: warning: "XMP metadata" in this document can name people; the published copy leaves it out (privacy.strip_document_metadata is on)`,
	}
	for _, f := range []string{"Company", "Manager", "comments", "creator", "lastModifiedBy", "people", "tracked-change authors"} {
		want = append(want, dir+`lembar.docx: warning: "`+f+`" in this document can name people; the published copy leaves it out (privacy.strip_document_metadata is on)`)
	}
	for _, f := range []string{"comments", "creator", "initial-creator", "printed-by", "tracked-change authors", `user-defined field \"Sekolah\"`} {
		want = append(want, dir+`lembar.odt: warning: "`+f+`" in this document can name people; the published copy leaves it out (privacy.strip_document_metadata is on)`)
	}
	for _, f := range []string{"Author", "Company", "Creator", "XMP metadata"} {
		want = append(want, dir+`lembar.pdf: warning: "`+f+`" in this document can name people; the published copy leaves it out (privacy.strip_document_metadata is on)`)
	}
	got := s.Diagnostics()
	slices.Sort(got)
	slices.Sort(want)
	if !slices.Equal(got, want) {
		t.Errorf("diagnostics:\n%s\nwant:\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}

	moduleZip := zipEntries(t, s, "modul/sd/perasaan/perasaan.zip")
	levelZip := zipEntries(t, s, "modul/sd/modul-sd.zip")
	copies := func(name string) map[string][]byte {
		page, _ := s.Out.Get("modul/sd/perasaan/" + name)
		return map[string][]byte{
			"beside the page":   page,
			"in the module zip": moduleZip["perasaan/"+name],
			"in the level zip":  levelZip["modul-sd/perasaan/"+name],
		}
	}
	for where, b := range copies("foto-kelas.jpg") {
		t.Run("photo "+where, func(t *testing.T) {
			checkPicture(t, "foto-kelas.jpg", b, imagemeta.JPEG)
			if d := scrubtest.SamePixels(scrubtest.Pixels(t, fsys[dir+"foto-kelas.jpg"].Data), scrubtest.Pixels(t, b)); d != "" {
				t.Errorf("pixels changed: %s", d)
			}
		})
	}
	for where, b := range copies("foto-miring.jpg") {
		t.Run("sideways photo "+where, func(t *testing.T) {
			checkPicture(t, "foto-miring.jpg", b, imagemeta.JPEG)
			img := scrubtest.Pixels(t, b)
			if bd := img.Bounds(); bd.Dx() != 48 || bd.Dy() != 64 || !red(img, 44, 3) || red(img, 3, 3) {
				t.Errorf("not upright: %v, top right %v, top left %v", bd, img.At(44, 3), img.At(3, 3))
			}
		})
	}
	for where, b := range copies("lembar.png") {
		t.Run("worksheet PNG "+where, func(t *testing.T) {
			checkPicture(t, "lembar.png", b, imagemeta.PNG)
			if d := scrubtest.SamePixels(scrubtest.Pixels(t, fsys[dir+"lembar.png"].Data), scrubtest.Pixels(t, b)); d != "" {
				t.Errorf("pixels changed: %s", d)
			}
		})
	}
	for _, name := range []string{"lembar.pdf", "lembar.docx", "lembar.odt"} {
		for where, b := range copies(name) {
			t.Run(name+" "+where, func(t *testing.T) { checkDocument(t, name, b) })
		}
	}
	laporan, _ := s.Out.Get("berita/kunjungan/laporan.pdf")
	checkDocument(t, "laporan.pdf", laporan)
}

func red(img image.Image, x, y int) bool {
	r, g, b, _ := img.At(x, y).RGBA()
	return r>>8 > 180 && g>>8 < 80 && b>>8 < 80
}

// checkPicture reads a published picture with exiftool and imagemeta.
func checkPicture(t *testing.T, name string, b []byte, format imagemeta.ImageFormat) {
	t.Helper()
	if len(b) == 0 {
		t.Fatal("not published")
	}
	if s := scrubtest.ContainsSecret(b); s != "" {
		t.Errorf("still holds %q", s)
	}
	if tags := scrubtest.ImageMeta(t, b, format); len(tags) > 0 {
		t.Errorf("imagemeta reads %v", tags)
	}
	for k, v := range scrubtest.ExifTool(t, name, b) {
		if !strings.HasPrefix(k, "JFIF:") && !strings.HasPrefix(k, "PNG:") && !strings.HasPrefix(k, "ICC") && !strings.HasPrefix(k, "APP14:") {
			t.Errorf("exiftool reads %s=%s", k, v)
		}
		if strings.Contains(k, "Thumbnail") || k == "PNG:Author" || k == "PNG:Comment" || k == "PNG:ModifyDate" {
			t.Errorf("exiftool reads %s=%s", k, v)
		}
	}
}

// checkDocument reads a published document with exiftool.
func checkDocument(t *testing.T, name string, b []byte) {
	t.Helper()
	if len(b) == 0 {
		t.Fatal("not published")
	}
	tags := scrubtest.ExifTool(t, name, b)
	for k, v := range tags {
		if strings.Contains(v, "Budi") || strings.Contains(v, "Sari") || strings.Contains(v, "SD Negeri 99") || strings.Contains(v, "Pak Kepala") {
			t.Errorf("exiftool reads %s=%s", k, v)
		}
	}
	if strings.HasSuffix(name, ".pdf") {
		scrubtest.QPDFCheck(t, b)
		return
	}
	zr, err := zip.NewReader(bytes.NewReader(b), int64(len(b)))
	if err != nil {
		t.Fatalf("no longer a zip: %v", err)
	}
	for _, f := range zr.File {
		r, err := f.Open()
		if err != nil {
			t.Fatal(err)
		}
		part, err := io.ReadAll(r)
		r.Close()
		if err != nil {
			t.Fatal(err)
		}
		if s := scrubtest.ContainsSecret(part); s != "" {
			t.Errorf("%s still holds %q", f.Name, s)
		}
	}
}

// With privacy.strip_document_metadata off, documents are published as
// they are and each field is a warning; pictures are still stripped.
func TestDocumentMetadataKeptWhenTheSettingIsOff(t *testing.T) {
	t.Parallel()
	fsys := scrubFiles(t, "-- site.yaml --\ntitle: Dinas Sosial\nprivacy:\n  strip_document_metadata: false\n")
	s := sitetest.Build(t, fsys, sitetest.Options{})
	if s.Err != nil {
		t.Fatalf("build failed: %v\n%s", s.Err, strings.Join(s.Diagnostics(), "\n"))
	}
	for _, want := range []string{
		`content/modul/sd/perasaan/lembar.pdf: warning: "Author" in this document can name people, and it is published with it because privacy.strip_document_metadata is off; remove it in the program that made the file, or turn the setting on`,
		`content/modul/sd/perasaan/lembar.docx: warning: "creator" in this document can name people, and it is published with it because privacy.strip_document_metadata is off; remove it in the program that made the file, or turn the setting on`,
		`content/modul/sd/perasaan/lembar.odt: warning: "initial-creator" in this document can name people, and it is published with it because privacy.strip_document_metadata is off; remove it in the program that made the file, or turn the setting on`,
	} {
		if !slices.Contains(s.Diagnostics(), want) {
			t.Errorf("missing:\n%s\ngot:\n%s", want, strings.Join(s.Diagnostics(), "\n"))
		}
	}
	pdf, _ := s.Out.Get("modul/sd/perasaan/lembar.pdf")
	if !bytes.Equal(pdf, fsys["content/modul/sd/perasaan/lembar.pdf"].Data) {
		t.Error("the PDF changed though the setting is off")
	}
	photo, _ := s.Out.Get("modul/sd/perasaan/foto-kelas.jpg")
	checkPicture(t, "foto-kelas.jpg", photo, imagemeta.JPEG)
}

// Turning the setting off, or on, in serve's session renders the module
// again: its fingerprint holds the setting (and the rules' version).
func TestScrubSettingChangesTheFingerprint(t *testing.T) {
	t.Parallel()
	fsys := scrubFiles(t, "")
	out := publish.NewMemory()
	sess := build.NewSession(build.Options{Source: fsys, Theme: warta.Theme, Sink: out, Now: sitetest.Now, Track: true})
	if _, err := sess.Full(context.Background()); err != nil {
		t.Fatal(err)
	}
	pdf, _ := out.Get("modul/sd/perasaan/lembar.pdf")
	if s := scrubtest.ContainsSecret(pdf); s != "" {
		t.Fatalf("first build: the PDF holds %q", s)
	}
	fsys["site.yaml"] = &fstest.MapFile{Data: []byte("title: Dinas Sosial\nbase_url: https://dinsos.example.org/\nprivacy: {strip_document_metadata: false}\n")}
	if _, err := sess.Update(context.Background(), build.Change{Config: true}); err != nil {
		t.Fatal(err)
	}
	pdf, _ = out.Get("modul/sd/perasaan/lembar.pdf")
	if !bytes.Equal(pdf, fsys["content/modul/sd/perasaan/lembar.pdf"].Data) {
		t.Error("after turning the setting off, the published PDF is still the cleaned one")
	}
	zip := zipEntries(t, &sitetest.Site{Out: out}, "modul/sd/modul-sd.zip")
	if !bytes.Equal(zip["modul-sd/perasaan/lembar.pdf"], pdf) {
		t.Error("the level zip still holds the cleaned PDF")
	}
}
