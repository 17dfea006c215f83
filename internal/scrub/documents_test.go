package scrub_test

import (
	"archive/zip"
	"bytes"
	"compress/zlib"
	"encoding/xml"
	"errors"
	"io"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"testing"

	"github.com/dinsos-metro/warta/internal/scrub"
	"github.com/dinsos-metro/warta/internal/scrub/scrubtest"
)

func fieldNames(fs []scrub.Field) []string {
	var out []string
	for _, f := range fs {
		out = append(out, f.Name)
	}
	return out
}

// inflated is b with every zlib stream in it inflated after it, so that a
// secret compressed in an object stream is found too.
func inflated(b []byte) []byte {
	out := bytes.Clone(b)
	for _, m := range regexp.MustCompile(`stream\r?\n`).FindAllIndex(b, -1) {
		if zr, err := zlib.NewReader(bytes.NewReader(b[m[1]:])); err == nil {
			data, _ := io.ReadAll(zr)
			out = append(out, data...)
		}
	}
	return out
}

var pdfCases = map[string]scrubtest.PDFOptions{
	"classic":                    {},
	"with a phone photo":         {Photo: true},
	"compressed XMP":             {CompressedXMP: true},
	"object and xref streams":    {ObjectStreams: true},
	"object streams and deflate": {ObjectStreams: true, CompressedXMP: true},
}

func TestPDFLosesItsAuthor(t *testing.T) {
	for name, o := range pdfCases {
		t.Run(name, func(t *testing.T) {
			src := scrubtest.PDF(o)
			res, err := scrub.Clean("lembar.pdf", src, scrub.Options{StripDocuments: true})
			if err != nil {
				t.Fatal(err)
			}
			if got, want := fieldNames(res.Fields), []string{"Author", "Creator", "Company", "XMP metadata"}; !sameSet(got, want) {
				t.Errorf("fields %v, want %v", got, want)
			}
			out := res.Data
			if s := scrubtest.ContainsSecret(inflated(out)); s != "" {
				t.Errorf("the PDF still holds %q", s)
			}
			if len(out) != len(src) {
				t.Errorf("%d bytes became %d: offsets moved", len(src), len(out))
			}
			assertOffsetsTrue(t, out)
			scrubtest.QPDFCheck(t, out)
			tags := scrubtest.ExifTool(t, "lembar.pdf", out)
			for k, v := range tags {
				if strings.HasPrefix(k, "XMP") || k == "PDF:Author" || k == "PDF:Creator" || k == "PDF:Company" {
					t.Errorf("exiftool still reads %s=%s", k, v)
				}
			}
			if tags["PDF:Title"] != "Lembar Kerja Perasaan" || tags["PDF:PageCount"] != "1" || tags["PDF:Producer"] != "warta tests" {
				t.Errorf("the title, producer or pages went astray; exiftool reads:\n\t%s", scrubtest.Keys(tags))
			}
			again, err := scrub.Clean("lembar.pdf", out, scrub.Options{StripDocuments: true})
			if err != nil || len(again.Fields) > 0 || !bytes.Equal(again.Data, out) {
				t.Errorf("cleaning the clean PDF: fields %v, err %v, changed %t", again.Fields, err, !bytes.Equal(again.Data, out))
			}
		})
	}
}

// assertOffsetsTrue checks that every offset of a classic cross-reference
// table still points at its object.
func assertOffsetsTrue(t *testing.T, pdf []byte) {
	t.Helper()
	i := bytes.LastIndex(pdf, []byte("\nxref\n"))
	if i < 0 {
		return // a cross-reference stream; qpdf checks those
	}
	rows := regexp.MustCompile(`(\d{10}) 00000 n`).FindAllSubmatch(pdf[i:], -1)
	for n, r := range rows {
		off, _ := strconv.Atoi(string(r[1]))
		if !bytes.HasPrefix(pdf[off:], []byte(strconv.Itoa(n+1)+" 0 obj")) {
			t.Errorf("object %d is no longer at %d", n+1, off)
		}
	}
}

func sameSet(a, b []string) bool {
	a, b = slices.Clone(a), slices.Clone(b)
	slices.Sort(a)
	slices.Sort(b)
	return slices.Equal(a, b)
}

func TestPDFKeptAndReportedWhenNotStripping(t *testing.T) {
	src := scrubtest.PDF(scrubtest.PDFOptions{})
	res, err := scrub.Clean("lembar.pdf", src, scrub.Options{})
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(res.Data, src) {
		t.Error("the PDF changed though documents are not stripped")
	}
	photo := scrubtest.PDF(scrubtest.PDFOptions{Photo: true})
	res, err = scrub.Clean("lembar.pdf", photo, scrub.Options{})
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Contains(res.Data, []byte("Budi Santoso) /Creator")) {
		t.Error("not stripping documents: the author was removed")
	}
	if bytes.Contains(res.Data, []byte("Exif")) || bytes.Contains(res.Data, []byte("SN-4711-0815")) {
		t.Error("not stripping documents: the photo in the PDF kept its EXIF (pictures are always stripped)")
	}
	if got := fieldNames(res.Fields); !sameSet(got, []string{"Author", "Creator", "Company", "XMP metadata"}) {
		t.Errorf("fields %v", got)
	}
}

func TestBadDocumentsAreRefused(t *testing.T) {
	ole := append([]byte{0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1}, make([]byte, 512)...)
	for _, tc := range []struct {
		name string
		data []byte
		kind scrub.ErrorKind
		off  bool // published as it is when not stripping
	}{
		{"rahasia.pdf", scrubtest.PDF(scrubtest.PDFOptions{Encrypted: true}), scrub.Encrypted, true},
		{"rahasia15.pdf", scrubtest.PDF(scrubtest.PDFOptions{Encrypted: true, ObjectStreams: true}), scrub.Encrypted, true},
		{"rusak.pdf", scrubtest.Corrupt(scrubtest.PDF(scrubtest.PDFOptions{})), scrub.Damaged, false},
		{"rusak.docx", scrubtest.Corrupt(scrubtest.DOCX()), scrub.Damaged, false},
		{"rusak.odt", scrubtest.Corrupt(scrubtest.ODT()), scrub.Damaged, false},
		{"sandi.docx", ole, scrub.Encrypted, true},
		{"lama.doc", ole, scrub.OldOffice, true},
	} {
		_, err := scrub.Clean(tc.name, tc.data, scrub.Options{StripDocuments: true})
		var e *scrub.Error
		if !errors.As(err, &e) || e.Kind != tc.kind {
			t.Errorf("%s: error %v, want kind %d", tc.name, err, tc.kind)
		}
		res, err := scrub.Clean(tc.name, tc.data, scrub.Options{})
		if tc.off && (err != nil || !bytes.Equal(res.Data, tc.data)) {
			t.Errorf("%s, not stripping: %v; want it published as it is", tc.name, err)
		}
		if !tc.off && err == nil {
			t.Errorf("%s, not stripping: cleaned; a damaged file is refused all the same", tc.name)
		}
	}
}

// parts reads a zip document's entries.
func parts(t *testing.T, doc []byte) ([]*zip.File, map[string][]byte) {
	t.Helper()
	zr, err := zip.NewReader(bytes.NewReader(doc), int64(len(doc)))
	if err != nil {
		t.Fatalf("the document is no longer a zip: %v", err)
	}
	out := map[string][]byte{}
	for _, f := range zr.File {
		r, err := f.Open()
		if err != nil {
			t.Fatal(err)
		}
		b, err := io.ReadAll(r)
		if err != nil {
			t.Fatalf("%s: %v", f.Name, err)
		}
		out[f.Name] = b
	}
	return zr.File, out
}

// assertCleanDocument checks every part of a cleaned zip document: XML
// well formed, no secret anywhere (pictures inside included), and keep
// still there.
func assertCleanDocument(t *testing.T, doc []byte, keep ...string) {
	t.Helper()
	_, ps := parts(t, doc)
	all := ""
	for name, b := range ps {
		if s := scrubtest.ContainsSecret(b); s != "" {
			t.Errorf("%s still holds %q", name, s)
		}
		if strings.HasSuffix(name, ".xml") || strings.HasSuffix(name, ".rels") {
			d := xml.NewDecoder(bytes.NewReader(b))
			for {
				_, err := d.Token()
				if err == io.EOF {
					break
				}
				if err != nil {
					t.Errorf("%s is no longer well-formed XML: %v", name, err)
					break
				}
			}
			all += string(b)
		}
	}
	for _, k := range keep {
		if !strings.Contains(all, k) {
			t.Errorf("%q was lost", k)
		}
	}
}

func TestDOCXLosesItsAuthor(t *testing.T) {
	src := scrubtest.DOCX()
	res, err := scrub.Clean("lembar.docx", src, scrub.Options{StripDocuments: true})
	if err != nil {
		t.Fatal(err)
	}
	want := []string{"creator", "lastModifiedBy", "Company", "Manager", "comments", "people", "tracked-change authors"}
	if got := fieldNames(res.Fields); !sameSet(got, want) {
		t.Errorf("fields %v, want %v", got, want)
	}
	assertCleanDocument(t, res.Data, "Lembar kerja: termometer perasaan.", "Warnai sesuai perasaanmu.", "<dc:title>Termometer Perasaan</dc:title>", "<w:sectPr/>")
	_, ps := parts(t, res.Data)
	if strings.Contains(string(ps["word/document.xml"]), "comment") {
		t.Errorf("comment marks are left in the text:\n%s", ps["word/document.xml"])
	}
	tags := scrubtest.ExifTool(t, "lembar.docx", res.Data)
	for _, k := range []string{"XMP-dc:Creator", "XML:LastModifiedBy", "XML:Company", "XML:Manager"} {
		if v, ok := tags[k]; ok {
			t.Errorf("exiftool still reads %s=%s", k, v)
		}
	}
	if tags["XMP-dc:Title"] != "Termometer Perasaan" {
		t.Errorf("the title went astray; exiftool reads:\n\t%s", scrubtest.Keys(tags))
	}

	off, err := scrub.Clean("lembar.docx", src, scrub.Options{})
	if err != nil {
		t.Fatal(err)
	}
	if got := fieldNames(off.Fields); !sameSet(got, want) {
		t.Errorf("not stripping: fields %v, want %v", got, want)
	}
	_, offParts := parts(t, off.Data)
	if !bytes.Contains(offParts["docProps/core.xml"], []byte("Budi Santoso")) {
		t.Error("not stripping: the author was removed")
	}
	if s := scrubtest.ContainsSecret(offParts["word/media/image1.jpeg"]); s != "" {
		t.Errorf("not stripping documents: the photo inside still holds %q (pictures are always stripped)", s)
	}
}

func TestODTLosesItsAuthor(t *testing.T) {
	src := scrubtest.ODT()
	res, err := scrub.Clean("lembar.odt", src, scrub.Options{StripDocuments: true})
	if err != nil {
		t.Fatal(err)
	}
	want := []string{"initial-creator", "creator", "printed-by", `user-defined field "Sekolah"`, "comments", "tracked-change authors"}
	if got := fieldNames(res.Fields); !sameSet(got, want) {
		t.Errorf("fields %v, want %v", got, want)
	}
	assertCleanDocument(t, res.Data, "Lembar kerja", ": termometer", "<dc:title>Termometer Perasaan</dc:title>", "<text:initial-creator/>", "<dc:date>2025-07-29T09:30:00</dc:date>")
	files, _ := parts(t, res.Data)
	if files[0].Name != "mimetype" || files[0].Method != zip.Store || len(files[0].Extra) > 0 {
		t.Errorf("the first entry is %s (method %d, extra %d bytes); OpenDocument wants mimetype, stored, without extra", files[0].Name, files[0].Method, len(files[0].Extra))
	}
	tags := scrubtest.ExifTool(t, "lembar.odt", res.Data)
	for k, v := range tags {
		if k == "XMP-dc:Creator" || strings.HasPrefix(k, "XMP-meta:Initial") || strings.HasPrefix(k, "XMP-meta:Printed") || strings.HasPrefix(k, "XMP-meta:User") {
			t.Errorf("exiftool still reads %s=%s", k, v)
		}
	}
}

// A plain file (text, SVG, a video) is published as it is.
func TestOtherFilesUnchanged(t *testing.T) {
	for name, data := range map[string][]byte{
		"catatan.txt": []byte("Budi Santoso"),
		"arsip.zip":   scrubtest.DOCX(),
	} {
		res, err := scrub.Clean(name, data, scrub.Options{StripDocuments: true})
		if err != nil || !bytes.Equal(res.Data, data) || len(res.Fields) > 0 {
			t.Errorf("%s: %v, fields %v, changed %t", name, err, res.Fields, !bytes.Equal(res.Data, data))
		}
	}
}
