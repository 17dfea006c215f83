package build_test

import (
	"context"
	"fmt"
	"maps"
	"runtime"
	"runtime/debug"
	"slices"
	"strings"
	"testing"
	"testing/fstest"
	"time"

	"github.com/dinsos-metro/warta"
	"github.com/dinsos-metro/warta/internal/build"
	"github.com/dinsos-metro/warta/internal/content"
	"github.com/dinsos-metro/warta/internal/publish"
	"github.com/dinsos-metro/warta/internal/sitetest"
)

// The bad-input suite: the mistakes staff make and the files their
// computers save, each a small site and exactly what the build says. It
// extends diagnosticCases (errors_test.go), which has one case per message
// of the catalogue; the cases here are other inputs that reach those
// messages, and inputs that must build (CRLF and a byte order mark are in
// TestWindowsFiles there, symbolic links on a real disk in
// internal/content and cmd/warta).
var badInputCases = []struct {
	name string
	site string
	edit func(fstest.MapFS) // for bytes txtar cannot hold
	want []string           // the diagnostics, in English, as printed
	// files must be in the output when the build succeeds.
	files []string
}{
	// Front matter that is not what it should be.
	{
		name: "date in words",
		site: "-- content/berita/x.md --\n---\ntitle: Judul\ndate: kemarin\n---\nIsi.\n",
		want: []string{`content/berita/x.md:3: date "kemarin" is not a date; write it as 2025-07-29 (or 2025-07-29T09:00:00+07:00)`},
	},
	{
		name: "yaml field written twice",
		site: "-- content/berita/x.md --\n---\ntitle: Judul\ndate: 2025-07-29\ntitle: Judul lain\n---\nIsi.\n",
		want: []string{`content/berita/x.md:4: the YAML front matter is not valid: "title" is written twice (first on line 2); keep one`},
	},
	{
		name: "yaml indented with a tab",
		site: "-- content/berita/x.md --\n---\ntitle: Judul\n\tdate: 2025-07-29\n---\nIsi.\n",
		want: []string{`content/berita/x.md:3: the YAML front matter is not valid: this line is indented with a tab; indent with spaces`},
	},
	{
		name: "toml field written twice",
		site: "-- content/berita/x.md --\n+++\ntitle = \"a\"\ndate = 2025-07-29\ntitle = \"b\"\n+++\n",
		want: []string{`content/berita/x.md:4: the TOML front matter is not valid: "title" is written twice; keep one of them`},
	},
	{
		name: "json trailing comma",
		site: "-- content/berita/x.md --\n;;;\n{\"title\": \"a\", \"date\": \"2025-07-29\",}\n;;;\n",
		want: []string{`content/berita/x.md:2: the JSON front matter is not valid: there is a comma after the last field or item; remove it`},
	},
	{
		name: "json values of the wrong type",
		site: "-- content/berita/x.md --\n;;;\n{\"title\": \"a\", \"date\": 20250729, \"tags\": 5, \"draft\": \"no\"}\n;;;\n",
		want: []string{
			`content/berita/x.md:2: "draft" must be true or false, not "no"`,
			`content/berita/x.md:2: "tags" must be a list, like [satu, dua] or one "- item" per line`,
			`content/berita/x.md:2: date "20250729" is not a date; write it as 2025-07-29 (or 2025-07-29T09:00:00+07:00)`,
		},
	},
	{
		name: "level in capitals, and unknown",
		site: "-- content/modul/sd/x/index.md --\n---\ntitle: X\nlevel: SMA\n---\n",
		want: []string{`content/modul/sd/x/index.md:3: level "SMA" is not a school level; use paud, sd or smp`},
	},
	{
		name: "empty files",
		site: "-- content/berita/kosong.md --\n-- content/modul/sd/kosong/index.md --\n-- content/kosong.md --\n",
		want: []string{
			`content/berita/kosong.md:1: "date" is required; add a line like date: 2025-07-29 to the front matter`,
			`content/berita/kosong.md:1: "title" is required; add a line like title: "Judul halaman" to the front matter`,
			`content/modul/sd/kosong/index.md:1: "level" is required; add a line like level: sd to the front matter`,
			`content/modul/sd/kosong/index.md:1: "title" is required; add a line like title: "Judul halaman" to the front matter`,
		},
	},
	{
		name:  "an empty plain page builds",
		site:  "-- content/kosong.md --\n",
		files: []string{"kosong/index.html"},
	},
	{
		name: "empty front matter",
		site: "-- content/berita/x.md --\n---\n---\nIsi.\n",
		want: []string{
			`content/berita/x.md:1: "date" is required; add a line like date: 2025-07-29 to the front matter`,
			`content/berita/x.md:1: "title" is required; add a line like title: "Judul halaman" to the front matter`,
		},
	},
	{
		name: "front matter only, no text and no final newline",
		site: "-- content/berita/x.md --\n---\ntitle: Hanya Judul\ndate: 2025-07-29\n---",
		edit: func(fsys fstest.MapFS) {
			fsys["content/berita/x.md"].Data = []byte("---\ntitle: Hanya Judul\ndate: 2025-07-29\n---")
		},
		files: []string{"berita/x/index.html"},
	},

	// Files that are not UTF-8 text.
	{
		name: "utf-16 file",
		edit: func(fsys fstest.MapFS) {
			sitetest.Add(fsys, "content/tentang.md", []byte("\xff\xfe-\x00-\x00-\x00\n\x00t\x00i\x00"))
		},
		want: []string{`content/tentang.md:1: the file is not UTF-8 text; save it again with UTF-8 encoding`},
	},
	{
		name: "latin-1 in the front matter",
		edit: func(fsys fstest.MapFS) {
			sitetest.Add(fsys, "content/berita/x.md", []byte("---\ntitle: Kunjungan ke Caf\xe9\ndate: 2025-07-29\n---\n"))
		},
		want: []string{`content/berita/x.md:2: the file is not UTF-8 text; save it again with UTF-8 encoding`},
	},

	// Files named in the front matter that are not the page's own.
	{
		name: "references out of the page's folder",
		site: `
-- content/berita/a/index.md --
---
title: A
date: 2025-07-29
cover: ../../../etc/passwd
gallery: ../../etc
---
-- content/galeri/g/index.md --
---
title: G
date: 2025-07-29
consent: true
photos:
  - {file: /etc/passwd, alt: a}
  - {file: '..\..\rahasia.jpg', alt: b}
  - {file: sub/../../rahasia.jpg, alt: c}
---
-- content/modul/sd/m/index.md --
---
title: M
level: sd
attachments:
  - file: ../../../../site.yaml
---
`,
		want: []string{
			`content/berita/a/index.md:4: cover "../../../etc/passwd" points outside the page's folder; use the name of a file inside content/berita/a/`,
			`content/berita/a/index.md:5: gallery "../../etc" does not exist; use the folder of a gallery, like galeri/2025-07-29-nama-kegiatan`,
			`content/galeri/g/index.md:6: photos "/etc/passwd" points outside the page's folder; use the name of a file inside content/galeri/g/`,
			`content/galeri/g/index.md:7: photos "..\\..\\rahasia.jpg" points outside the page's folder; use the name of a file inside content/galeri/g/`,
			`content/galeri/g/index.md:8: photos "sub/../../rahasia.jpg" points outside the page's folder; use the name of a file inside content/galeri/g/`,
			`content/modul/sd/m/index.md:5: attachments "../../../../site.yaml" points outside the page's folder; use the name of a file inside content/modul/sd/m/`,
		},
	},

	// File names: case, spaces, Unicode.
	{
		name: "file names differing only in case",
		site: `
-- content/berita/Kunjungan.md --
---
title: A
date: 2025-07-29
---
-- content/berita/kunjungan.md --
---
title: B
date: 2025-07-29
---
-- content/Profil/visi.md --
Visi.
-- content/profil/visi.md --
Visi lain.
`,
		want: []string{
			`content/berita/kunjungan.md:1: this page and content/berita/Kunjungan.md would both be published at /berita/kunjungan/; change the slug or the file name of one of them`,
			`content/profil/visi.md:1: this page and content/Profil/visi.md would both be published at /profil/visi/; change the slug or the file name of one of them`,
		},
	},
	{
		name: "bundle files differing only in Unicode form", // pages: in diagnosticCases
		site: "-- content/galeri/g/index.md --\n---\ntitle: G\ndate: 2025-07-29\nconsent: true\nphotos: []\n---\n[Daftar](caf\u00e9.txt)\n" +
			"-- content/galeri/g/caf\u00e9.txt --\nx\n-- content/galeri/g/cafe\u0301.txt --\ny\n",
		want: []string{
			"content/galeri/g/caf\u00e9.txt: this file and content/galeri/g/cafe\u0301.txt have the same name, written in two Unicode forms (one with its accents as separate marks, as macOS saves names), and both would be published at /galeri/g/caf\u00e9.txt; delete one of them",
		},
	},
	{
		name: "file names with spaces, capitals and accents build",
		site: "-- content/berita/Kunjungan Sekolah Dasar.md --\n---\ntitle: A\ndate: 2025-07-29\n---\n" +
			"-- content/Profil Dinas/Visi Misi.md --\n---\ntitle: V\n---\n" +
			"-- content/Kegiatan Caf\u00e9/Cerita.md --\nCerita.\n" +
			"-- content/modul/sd/m/index.md --\n---\ntitle: M\nlevel: sd\nattachments:\n  - file: Lembar Kerja.pdf\n  - file: lembar-caf\u00e9.pdf\n---\n" +
			"-- content/modul/sd/m/Lembar Kerja.pdf --\n%PDF\n" +
			"-- content/modul/sd/m/lembar-cafe\u0301.pdf --\n%PDF\n", // saved by macOS, named in NFC
		files: []string{
			"berita/kunjungan-sekolah-dasar/index.html", "profil-dinas/visi-misi/index.html", "kegiatan-cafe/cerita/index.html",
			"modul/sd/m/Lembar Kerja.pdf", "modul/sd/m/lembar-caf\u00e9.pdf",
		},
	},

	// Templates.
	{
		name: "broken partial",
		site: "-- layouts/partials/footer.html --\n<footer>\n{{if}}\n</footer>\n-- content/tentang.md --\nx\n",
		want: []string{`layouts/partials/footer.html:2: template error: missing value for if`},
	},
	{
		name: "template fails on a value",
		site: "-- layouts/page.html --\n{{define \"main\"}}\n{{index .Page.Title 99}}\n{{end}}\n-- content/tentang.md --\nx\n",
		want: []string{`layouts/page.html:2: template page.html failed for the page at /tentang/: executing "main" at <index .Page.Title 99>: error calling index: index out of range: 99`},
	},
}

func TestBadInput(t *testing.T) {
	t.Parallel()
	for _, tc := range badInputCases {
		t.Run(tc.name, func(t *testing.T) {
			t.Parallel()
			fsys := sitetest.Files(tc.site)
			if tc.edit != nil {
				tc.edit(fsys)
			}
			s := sitetest.Build(t, fsys, sitetest.Options{})
			got := s.Diagnostics()
			if !slices.Equal(got, tc.want) {
				t.Errorf("diagnostics:\n%+q\nwant:\n%+q", got, tc.want)
			}
			if (s.Err != nil) != (len(tc.want) > 0) {
				t.Errorf("build error = %v", s.Err)
			}
			for _, f := range tc.files {
				if !s.Has(f) {
					t.Errorf("no output %s; the build wrote:\n%s", f, strings.Join(s.Out.Names(), "\n"))
				}
			}
		})
	}
}

// TestUnicodeNamesLink: a module's attachment saved by macOS (NFD) and
// named in the front matter in NFC is published under the NFC name, and
// the page links to that name.
func TestUnicodeNamesLink(t *testing.T) {
	t.Parallel()
	s := sitetest.BuildTxtar(t, "-- content/modul/sd/m/index.md --\n---\ntitle: M\nlevel: sd\nattachments:\n  - file: lembar-caf\u00e9.pdf\n    title: Lembar\n---\n"+
		"-- content/modul/sd/m/lembar-cafe\u0301.pdf --\n%PDF\n", sitetest.Options{})
	s.AssertOK(t)
	s.AssertFile(t, "modul/sd/m/index.html", `href="/modul/sd/m/lembar-caf%c3%a9.pdf"`)
	s.AssertNoFile(t, "modul/sd/m/lembar-cafe\u0301.pdf")
}

// TestHugeMarkdown: the largest page warta accepts (content.MaxPageSize,
// 1 MB) builds within a bound of memory, written in the README: prose as
// reports are written, and the worst shape, nothing but short list items
// with links (goldmark holds several nodes for each). A 20 MB paste (a log
// dumped into a page) is refused with the limit, not built for minutes.
func TestHugeMarkdown(t *testing.T) {
	if testing.Short() {
		t.Skip("builds two 1 MB pages")
	}
	front := "---\ntitle: Laporan Besar\ndate: 2025-07-29\n---\n"
	fill := func(unit func(i int) string) string {
		var b strings.Builder
		b.WriteString(front)
		for i := 0; ; i++ {
			u := unit(i)
			if b.Len()+len(u) > content.MaxPageSize {
				return b.String()
			}
			b.WriteString(u)
		}
	}
	// Text as reports are written: plain paragraphs, now and then a link,
	// bold words, a heading and a list.
	para := "Kegiatan Peksos Go To School di TK Negeri 1 Metro Pusat berjalan lancar. Anak-anak belajar mengenali sentuhan aman bersama guru dan pekerja sosial. Orang tua ikut hadir dan bertanya tentang layanan pengaduan.\n\n"
	prose := fill(func(i int) string {
		switch {
		case i%50 == 0:
			return fmt.Sprintf("## Bagian %d\n\n- satu\n- dua\n\n", i) + para
		case i%10 == 0:
			return "Kegiatan **Peksos Go To School** di [TK Negeri 1](https://example.org/) berjalan lancar.\n\n" + para
		}
		return para
	})
	list := fill(func(int) string { return "- [a](b) *c*\n" })
	for _, tc := range []struct {
		name, page string
		bound      uint64 // MB of heap
	}{
		{"prose", prose, 100},
		{"list items", list, 300},
	} {
		grown, out, res, err := buildMeasured(tc.page)
		if err != nil {
			t.Fatalf("%s: build: %v\n%s", tc.name, err, res.Diags.Format("en"))
		}
		page, ok := out.Get("berita/besar/index.html")
		if !ok || !strings.HasSuffix(strings.TrimSpace(string(page)), "</html>") {
			t.Fatalf("%s: the page is missing or cut short (%d bytes)", tc.name, len(page))
		}
		t.Logf("a %d KB page of %s: heap peak +%d MB", len(tc.page)>>10, tc.name, grown)
		if grown > tc.bound {
			t.Errorf("%s: the heap grew by %d MB building a 1 MB page; want under %d MB", tc.name, grown, tc.bound)
		}
	}

	huge := strings.Repeat(para, 20<<20/len(para))
	fsys := sitetest.Files("")
	sitetest.Add(fsys, "content/berita/besar.md", []byte(front+huge))
	s := sitetest.Build(t, fsys, sitetest.Options{})
	want := "content/berita/besar.md: the page is 20480 KB, more than the 1024 KB a page may be; split it into several pages"
	if got := s.Diagnostics(); len(got) != 1 || got[0] != want {
		t.Errorf("a 20 MB page: %q, want %q", got, want)
	}
}

// buildMeasured builds a site of one news page, sampling the heap while
// the build runs, with the collector running often so that the sample is
// close to what the build holds, not what it has thrown away.
func buildMeasured(page string) (grown uint64, out *publish.Memory, res *build.Result, err error) {
	fsys := sitetest.Files("")
	sitetest.Add(fsys, "content/berita/besar.md", []byte(page))
	defer debug.SetGCPercent(debug.SetGCPercent(20))
	runtime.GC()
	var before, after runtime.MemStats
	runtime.ReadMemStats(&before)
	done := make(chan struct{})
	peakc := make(chan uint64)
	go func() {
		peak := before.HeapAlloc
		var m runtime.MemStats
		for {
			select {
			case <-done:
				peakc <- peak
				return
			case <-time.After(20 * time.Millisecond):
				runtime.ReadMemStats(&m)
				peak = max(peak, m.HeapAlloc)
			}
		}
	}()
	out = publish.NewMemory()
	res, err = build.Build(context.Background(), build.Options{Source: fsys, Theme: warta.Theme, Sink: out, Now: sitetest.Now, Workers: 1})
	close(done)
	peak := <-peakc
	runtime.ReadMemStats(&after)
	return (max(peak, after.HeapAlloc) - before.HeapAlloc) >> 20, out, res, err
}

// TestDeepNesting: 10,000 levels of lists and quotes, in one line each
// (the way a fuzzer or a stuck key writes them), neither crash the build
// (no stack overflow in the Markdown parser, the templates, the minifier
// or the search index) nor hang it. Lists and quotes nested past
// markdown.MaxNesting are refused at their line (goldmark's time grows
// with the cube of their depth); links and emphasis nested as deep build.
func TestDeepNesting(t *testing.T) {
	t.Parallel()
	const depth = 10000
	refused := map[string]string{
		"daftar":   strings.Repeat("- ", depth) + "dalam\n",
		"bernomor": strings.Repeat("1. ", depth) + "dalam\n",
		"kutipan":  strings.Repeat("> ", depth) + "dalam\n",
		"campuran": strings.Repeat("> - ", depth/2) + "dalam\n",
		"bertingkat": func() string {
			var b strings.Builder
			for i := range 1000 {
				b.WriteString(strings.Repeat("  ", i) + "- dalam\n")
			}
			return b.String()
		}(),
	}
	built := map[string]string{
		"tautan": strings.Repeat("[", depth) + "dalam" + strings.Repeat("](x)", depth) + "\n",
		"tebal":  strings.Repeat("*", depth) + "dalam" + strings.Repeat("*", depth) + "\n",
	}
	site := func(bodies map[string]string) fstest.MapFS {
		fsys := sitetest.Files("")
		for name, body := range bodies {
			sitetest.Add(fsys, "content/berita/"+name+".md", []byte("---\ntitle: "+name+"\ndate: 2025-07-29\n---\n"+body))
		}
		return fsys
	}
	buildIn3Minutes := func(fsys fstest.MapFS) *sitetest.Site {
		done := make(chan *sitetest.Site, 1)
		go func() { done <- sitetest.Build(t, fsys, sitetest.Options{}) }()
		select {
		case s := <-done:
			return s
		case <-time.After(3 * time.Minute):
			t.Fatal("a build of deeply nested pages did not finish in 3 minutes")
		}
		return nil
	}
	s := buildIn3Minutes(site(built))
	s.AssertOK(t)
	for name := range built {
		s.AssertFile(t, "berita/"+name+"/index.html", "dalam", "</html>")
	}
	s = buildIn3Minutes(site(refused))
	var want []string
	for _, name := range slices.Sorted(maps.Keys(refused)) {
		line := 5
		if name == "bertingkat" {
			line = 105 // the 101st level
		}
		want = append(want, fmt.Sprintf("content/berita/%s.md:%d: lists or quotes are nested more than 100 levels deep here, and no page needs that many, so this page is not built: use fewer levels (for a quote, fewer > signs at the start of the line; for a list, fewer spaces before the -)", name, line))
	}
	if got := s.Diagnostics(); !slices.Equal(got, want) {
		t.Errorf("diagnostics:\n%s\nwant:\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
}
