package markdown

import (
	"strings"
	"testing"
)

func render(t *testing.T, opt Options, src string) Result {
	t.Helper()
	res, err := New(opt).Render([]byte(src))
	if err != nil {
		t.Fatal(err)
	}
	return res
}

func TestRawHTMLEscaped(t *testing.T) {
	src := "<div class=\"x\">\n<script>alert(1)</script>\n</div>\n\nTeks <b>tebal</b> dan <img src=x onerror=alert(1)>.\n\n<!-- komentar -->\n"
	got := string(render(t, Options{}, src).HTML)
	for _, bad := range []string{"<div", "<script", "<b>", "<img", "<!--"} {
		if strings.Contains(got, bad) {
			t.Errorf("raw %s passed through:\n%s", bad, got)
		}
	}
	for _, want := range []string{"&lt;script&gt;alert(1)&lt;/script&gt;", "&lt;b&gt;tebal&lt;/b&gt;", "&lt;!-- komentar --&gt;"} {
		if !strings.Contains(got, want) {
			t.Errorf("output lacks %s:\n%s", want, got)
		}
	}

	got = string(render(t, Options{UnsafeHTML: true}, src).HTML)
	for _, want := range []string{"<script>alert(1)</script>", "<b>tebal</b>", `<div class="x">`} {
		if !strings.Contains(got, want) {
			t.Errorf("with UnsafeHTML, output lacks %s:\n%s", want, got)
		}
	}
}

func TestDangerousLinks(t *testing.T) {
	src := "[a](javascript:alert(1)) [b](JavaScript:alert(1)) [c](vbscript:x) [d](data:text/html,x) ![e](javascript:alert(1)) <javascript:alert(1)>\n\n[aman](https://example.org/) [surat](mailto:dinsos@example.org) [telepon](tel:+62725123456)\n"
	got := string(render(t, Options{}, src).HTML)
	for _, bad := range []string{`href="javascript`, `href="JavaScript`, `href="vbscript`, `href="data:text/html`, `src="javascript`} {
		if strings.Contains(got, bad) {
			t.Errorf("dangerous link kept: %s\n%s", bad, got)
		}
	}
	for _, want := range []string{`href="https://example.org/"`, `href="mailto:dinsos@example.org"`, `href="tel:+62725123456"`} {
		if !strings.Contains(got, want) {
			t.Errorf("safe link lost: %s\n%s", want, got)
		}
	}
}

func TestHeadingIDs(t *testing.T) {
	src := "# Kegiatan Inti\n\n## Kegiatan Inti\n\n## Kegiatan Inti\n\n### Penutup & Evaluasi!\n\n## ???\n\n## Café Ceria\n\n## Bagian\n\n## ???\n"
	want := []string{
		`<h1 id="kegiatan-inti">`, `<h2 id="kegiatan-inti-1">`, `<h2 id="kegiatan-inti-2">`,
		`<h3 id="penutup-evaluasi">`, `<h2 id="bagian">`, `<h2 id="cafe-ceria">`, `<h2 id="bagian-1">`, `<h2 id="bagian-2">`,
	}
	r := New(Options{})
	first, _ := r.Render([]byte(src))
	for _, w := range want {
		if !strings.Contains(string(first.HTML), w) {
			t.Errorf("no %s in\n%s", w, first.HTML)
		}
	}
	// Stable: the same text gives the same IDs on every render, whatever
	// was rendered before (IDs are unique per page, not per site).
	r.Render([]byte("# Kegiatan Inti\n"))
	again, _ := r.Render([]byte(src))
	if string(again.HTML) != string(first.HTML) {
		t.Errorf("second render differs:\n%s\n%s", first.HTML, again.HTML)
	}
}

func TestSummary(t *testing.T) {
	for _, tc := range []struct{ src, want string }{
		{"Paragraf *pertama* dengan [tautan](https://example.org/)\ndan baris kedua.\n\nParagraf kedua.\n", "Paragraf pertama dengan tautan dan baris kedua."},
		{"## Judul\n\nSetelah judul.\n", "Setelah judul."},
		{"- daftar\n\nParagraf.\n", "Paragraf."},
		{"Teks <b>tebal</b> `kode`.\n", "Teks tebal kode."},
		{"Catatan.[^1]\n\n[^1]: Kaki.\n", "Catatan."},
		{"", ""},
		{"> kutipan\n", ""},
	} {
		if got := render(t, Options{}, tc.src).Summary; got != tc.want {
			t.Errorf("summary of %q = %q, want %q", tc.src, got, tc.want)
		}
		if got := New(Options{}).PlainText([]byte(tc.src)); got != tc.want {
			t.Errorf("PlainText of %q = %q, want %q", tc.src, got, tc.want)
		}
	}
}

func TestExtensions(t *testing.T) {
	src := "| a | b |\n|---|---|\n| 1 | 2 |\n\n~~lama~~ baru\n\n- [x] selesai\n- [ ] belum\n\nhttps://example.org/\n\nTeks.[^n]\n\n[^n]: Catatan.\n"
	got := string(render(t, Options{}, src).HTML)
	for _, want := range []string{"<table>", "<td>1</td>", "<del>lama</del>", `<input checked="" disabled="" type="checkbox">`, `<a href="https://example.org/">`, `class="footnotes"`, `href="#fn:1"`} {
		if !strings.Contains(got, want) {
			t.Errorf("no %s in\n%s", want, got)
		}
	}
}
