package pagefile

import (
	"bytes"
	"context"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"testing/fstest"
	"time"

	"golang.org/x/text/unicode/norm"

	"github.com/dinsos-metro/warta/internal/content"
)

// Every sample page of the repository, parsed and written unchanged, comes
// back byte for byte; and setting its title changes only the title's line.
func TestSamplesRoundTrip(t *testing.T) {
	n := 0
	err := filepath.WalkDir("../../content", func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() || !strings.HasSuffix(p, ".md") {
			return err
		}
		data, err := os.ReadFile(p)
		if err != nil {
			return err
		}
		n++
		doc, err := Parse(data)
		if err != nil {
			t.Errorf("%s: %v", p, err)
			return nil
		}
		if got := doc.Bytes(); !bytes.Equal(got, data) {
			t.Errorf("%s: does not come back byte for byte", p)
		}
		if doc.Format() != "yaml" {
			return nil
		}
		title, _ := doc.Get("title")
		if err := doc.Set("title", "Judul Baru: \"uji\""); err != nil {
			t.Errorf("%s: set title: %v", p, err)
			return nil
		}
		changed := diffLines(data, doc.Bytes())
		if len(changed) != 1 || !strings.HasPrefix(changed[0], "title: ") {
			t.Errorf("%s: setting the title changed %q", p, changed)
		}
		if err := doc.Set("title", title); err != nil {
			t.Errorf("%s: set title back: %v", p, err)
		}
		if title != nil && !bytes.Equal(doc.Bytes(), data) {
			t.Errorf("%s: setting the title back does not give the file back:\n%s", p, doc.Bytes())
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	if n < 20 {
		t.Fatalf("only %d sample pages found", n)
	}
}

// diffLines lists the lines of b not in a at the same place (a and b of
// the same length of lines).
func diffLines(a, b []byte) []string {
	la, lb := strings.Split(string(a), "\n"), strings.Split(string(b), "\n")
	if len(la) != len(lb) {
		return []string{"line count changed"}
	}
	var out []string
	for i := range la {
		if la[i] != lb[i] {
			out = append(out, lb[i])
		}
	}
	return out
}

const page = `---
# Judul yang tampil di atas halaman.
title: "Kunjungan"   # jangan terlalu panjang
date: 2025-07-29
custom_field: {a: 1, b: [x, y]}
tags:
  - paud
  # sementara
  - anak

# Kecamatan dari daftar situs.
district: Metro Pusat
---

Isi laporan.
`

func TestSetKeepsTheRest(t *testing.T) {
	doc, err := Parse([]byte(page))
	if err != nil {
		t.Fatal(err)
	}
	must(t, doc.Set("title", "Kunjungan Baru"))
	must(t, doc.Set("tags", []string{"sd", "perundungan"}))
	must(t, doc.Set("summary", "Satu kalimat."))
	must(t, doc.Set("draft", true))
	must(t, doc.Set("cover_alt", "Anak-anak: bermain"))
	must(t, doc.Set("x_unknown", int64(3)))
	want := `---
# Judul yang tampil di atas halaman.
title: "Kunjungan Baru" # jangan terlalu panjang
date: 2025-07-29
summary: "Satu kalimat."
custom_field: {a: 1, b: [x, y]}
tags:
  - sd
  - perundungan
cover_alt: "Anak-anak: bermain"
draft: true

# Kecamatan dari daftar situs.
district: Metro Pusat
x_unknown: 3
---

Isi laporan.
`
	if got := string(doc.Bytes()); got != want {
		t.Fatalf("got:\n%s\nwant:\n%s", got, want)
	}
	must(t, doc.Delete("district"))
	if strings.Contains(string(doc.Bytes()), "Kecamatan") || strings.Contains(string(doc.Bytes()), "district") {
		t.Errorf("delete left the field or its comment:\n%s", doc.Bytes())
	}
	if v, _ := doc.Get("custom_field"); v.(map[string]any)["a"] != int64(1) {
		t.Errorf("custom_field = %#v", v)
	}
}

func TestEntriesAndDates(t *testing.T) {
	doc, err := Parse([]byte("---\ntitle: Galeri\n---\n"))
	if err != nil {
		t.Fatal(err)
	}
	must(t, doc.Set("photos", []map[string]any{
		{"consent": true, "alt": "Anak bermain", "file": "foto-01.jpg", "caption": "Bermain # bersama"},
		{"file": "foto 02.jpg"},
	}))
	jkt := time.FixedZone("WIB", 7*3600)
	must(t, doc.Set("date", time.Date(2025, 7, 29, 0, 0, 0, 0, jkt)))
	must(t, doc.Set("weight", 2))
	want := "---\ntitle: Galeri\ndate: 2025-07-29\nphotos:\n  - file: foto-01.jpg\n    caption: \"Bermain # bersama\"\n    alt: Anak bermain\n    consent: true\n  - file: foto 02.jpg\nweight: 2\n---\n"
	if got := string(doc.Bytes()); got != want {
		t.Fatalf("got:\n%s\nwant:\n%s", got, want)
	}
	must(t, doc.Set("date", time.Date(2025, 7, 29, 9, 30, 0, 0, jkt)))
	if v, _ := doc.Get("date"); v != "2025-07-29T09:30:00+07:00" {
		t.Errorf("date = %v", v)
	}
}

// Hostile text reads back as the same text and never ends the front matter.
func TestHostileValues(t *testing.T) {
	for _, s := range []string{
		"a\nb", "---", "--- x", "\n---\n", "a: b", "# not a comment", "*alias", "&anchor", "!tag", "%dir", "@at", "`tick",
		"yes", "no", "true", "null", "~", "1", "0x10", "1e3", ".inf", "2025-07-29x", " lead", "trail ", "",
		"{a: b}", "[a]", "'single'", `"double"`, "a # b", "<script>alert(1)</script>", "\t", "\x00", "é\u0301", "\u2028",
		"... ", "? x", "- x", "| x", "> x", "a\r\nb", "\\", "\xff",
	} {
		doc, _ := Parse([]byte("---\ntitle: x\n---\nbody\n"))
		if err := doc.Set("summary", s); err != nil {
			if s == "\xff" {
				continue // not UTF-8: refused
			}
			t.Errorf("%q: %v", s, err)
			continue
		}
		again, err := Parse(doc.Bytes())
		if err != nil {
			t.Errorf("%q: %v\n%s", s, err, doc.Bytes())
			continue
		}
		if v, _ := again.Get("summary"); v != s {
			t.Errorf("%q reads back as %q", s, v)
		}
		if string(again.Body()) != "body\n" {
			t.Errorf("%q: the body became %q", s, again.Body())
		}
		if v, _ := again.Get("title"); v != "x" {
			t.Errorf("%q: the title became %q", s, v)
		}
		// The build reads the same value (text it reads in NFC).
		fsys := fstest.MapFS{"content/tentang.md": {Data: doc.Bytes()}}
		pages, ds := content.Load(context.Background(), fsys, content.Options{})
		if len(pages) != 1 || len(ds) > 0 {
			t.Errorf("%q: the build reads %d pages, problems %v", s, len(pages), ds)
			continue
		}
		if got := pages[0].Params["summary"]; got != norm.NFC.String(s) {
			t.Errorf("%q: the build reads %q", s, got)
		}
	}
}

func TestOtherFormats(t *testing.T) {
	for _, src := range []string{
		"+++\ntitle = \"Profil\"\ndate = 2025-07-29\n+++\nIsi.\n",
		";;;\n{\"title\": \"Profil\", \"date\": \"2025-07-29\"}\n;;;\nIsi.\n",
	} {
		doc, err := Parse([]byte(src))
		if err != nil {
			t.Fatal(err)
		}
		if v, _ := doc.Get("title"); v != "Profil" {
			t.Errorf("%s: title %v", doc.Format(), v)
		}
		if v, _ := doc.Get("date"); v != "2025-07-29" {
			t.Errorf("%s: date %#v", doc.Format(), v)
		}
		if err := doc.Set("title", "Lain"); err != ErrNotYAML {
			t.Errorf("%s: set: %v, want ErrNotYAML", doc.Format(), err)
		}
		doc.SetBody([]byte("Baru.\n"))
		if got := string(doc.Bytes()); got != strings.Replace(src, "Isi.", "Baru.", 1) {
			t.Errorf("%s: %q", doc.Format(), got)
		}
	}
}

func TestNoFrontMatterAndCRLF(t *testing.T) {
	doc, err := Parse([]byte("Hanya teks.\n"))
	if err != nil {
		t.Fatal(err)
	}
	must(t, doc.Set("title", "Profil"))
	if got := string(doc.Bytes()); got != "---\ntitle: Profil\n---\n\nHanya teks.\n" {
		t.Errorf("got %q", got)
	}
	crlf := "\xef\xbb\xbf---\r\ntitle: A\r\ndraft: true\r\n---\r\nTeks\r\n"
	doc, err = Parse([]byte(crlf))
	if err != nil {
		t.Fatal(err)
	}
	if string(doc.Bytes()) != crlf {
		t.Fatal("CRLF page not kept")
	}
	must(t, doc.Set("draft", false))
	must(t, doc.Set("tags", []string{"a", "b"}))
	if got := string(doc.Bytes()); got != "\xef\xbb\xbf---\r\ntitle: A\r\ntags:\r\n  - a\r\n  - b\r\ndraft: false\r\n---\r\nTeks\r\n" {
		t.Errorf("got %q", got)
	}
	if _, err := Parse([]byte("---\ntitle: a\n")); err != ErrUnclosed {
		t.Errorf("unclosed: %v", err)
	}
	flow, _ := Parse([]byte("---\n{title: a, date: 2025-07-29}\n---\n"))
	if err := flow.Set("title", "b"); err == nil {
		t.Error("a flow mapping was edited by lines")
	}
}

func TestNew(t *testing.T) {
	got, err := New("news", map[string]any{
		"draft": true, "title": "Kunjungan", "date": "2025-07-29", "tags": []string{}, "zz": "x", "district": "Metro Pusat",
	}, []byte("Isi.\n"))
	if err != nil {
		t.Fatal(err)
	}
	want := "---\ntitle: Kunjungan\ndate: 2025-07-29\ndistrict: \"Metro Pusat\"\ntags: []\ndraft: true\nzz: x\n---\n\nIsi.\n"
	if string(got) != want {
		t.Errorf("got:\n%s\nwant:\n%s", got, want)
	}
	tmpl, err := Template("gallery", map[string]any{"title": "G", "consent": false, "district": "", "photos": []any{}}, nil, "id",
		map[string][]string{"districts": {"Metro Pusat", "Metro Barat"}})
	if err != nil {
		t.Fatal(err)
	}
	for _, want := range []string{
		"# true hanya bila izin sekolah mencakup SEMUA foto di galeri ini.\nconsent: false\n",
		"# Pilihan: Metro Pusat, Metro Barat.\ndistrict: \"\"\n",
		"# Contoh:\n#   - file: foto-01.jpg\n#     caption: \"",
	} {
		if !strings.Contains(string(tmpl), want) {
			t.Errorf("template lacks %q", want)
		}
	}
	if t.Failed() {
		t.Errorf("template:\n%s", tmpl)
	}
}

func must(t *testing.T, err error) {
	t.Helper()
	if err != nil {
		t.Fatal(err)
	}
}
