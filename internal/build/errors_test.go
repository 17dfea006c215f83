package build_test

import (
	"bytes"
	"context"
	"encoding/binary"
	"errors"
	"go/ast"
	"go/parser"
	"go/token"
	"hash/crc32"
	"io/fs"
	"slices"
	"strings"
	"sync"
	"testing"
	"testing/fstest"

	"github.com/dinsos-metro/warta"
	"github.com/dinsos-metro/warta/internal/build"
	"github.com/dinsos-metro/warta/internal/diag"
	"github.com/dinsos-metro/warta/internal/publish"
	"github.com/dinsos-metro/warta/internal/sitetest"
)

// Each case is a small broken site and the exact lines a user sees. Every
// message of internal/diag/catalog.go that a build can produce appears
// here at least once (the catalogue's own test checks that each has both
// languages); the ones a build reaches only through a failing disk are in
// TestDiagnosticsFromFailingIO below.
var diagnosticCases = []struct {
	name string
	site string
	edit func(fstest.MapFS) // for bytes txtar cannot hold
	opt  sitetest.Options
	want []string
}{
	// Front matter syntax, with the line of the problem in the file.
	{
		name: "yaml syntax",
		site: `
-- content/berita/x.md --
---
title: Judul
date: 2025-07-29
tags: [a, b
---
Isi.
`,
		want: []string{`content/berita/x.md:4: the YAML front matter is not valid: did not find expected ',' or ']'`},
	},
	{
		name: "yaml syntax, scanner error",
		site: `
-- content/berita/x.md --
---
title: Judul: dua titik dua
date: 2025-07-29
---
Isi.
`,
		want: []string{`content/berita/x.md:2: the YAML front matter is not valid: mapping values are not allowed in this context`},
	},
	{
		name: "toml syntax",
		site: `
-- content/berita/x.md --
+++
title = "Judul"
date = 2025-07-29
tags = [a]
+++
Isi.
`,
		want: []string{`content/berita/x.md:4: the TOML front matter is not valid: expected value but found "a" instead`},
	},
	{
		name: "json syntax",
		site: `
-- content/berita/x.md --
;;;
{"title": "Judul",
 "date": "2025-07-29"
 "tags": []}
;;;
Isi.
`,
		want: []string{`content/berita/x.md:4: the JSON front matter is not valid: invalid character '"' after object key:value pair`},
	},
	{
		name: "front matter never closed",
		site: `
-- content/berita/x.md --
---
title: Judul
date: 2025-07-29
Isi tanpa garis penutup.
`,
		want: []string{`content/berita/x.md:1: the front matter opened with "---" is never closed; add a line "---" after the last field`},
	},
	{
		name: "front matter is a list",
		site: `
-- content/berita/x.md --
---
- title
- date
---
`,
		want: []string{`content/berita/x.md:2: the front matter must be a list of fields (key: value), not a single value`},
	},
	{
		name: "json front matter is a list",
		site: `
-- content/berita/x.md --
;;;
["title", "date"]
;;;
`,
		want: []string{`content/berita/x.md:2: the front matter must be a list of fields (key: value), not a single value`},
	},

	// Required fields.
	{
		name: "required fields",
		site: `
-- content/berita/tanpa-judul.md --
---
date: 2025-07-29
---
-- content/berita/tanpa-tanggal.md --
---
title: Tanpa tanggal
---
-- content/galeri/g/index.md --
---
consent: true
---
-- content/modul/sd/tanpa-jenjang/index.md --
---
title: Tanpa jenjang
---
`,
		want: []string{
			`content/berita/tanpa-judul.md:1: "title" is required; add a line like title: "Judul halaman" to the front matter`,
			`content/berita/tanpa-tanggal.md:1: "date" is required; add a line like date: 2025-07-29 to the front matter`,
			`content/galeri/g/index.md:1: "date" is required; add a line like date: 2025-07-29 to the front matter`,
			`content/galeri/g/index.md:1: "title" is required; add a line like title: "Judul halaman" to the front matter`,
			`content/modul/sd/tanpa-jenjang/index.md:1: "level" is required; add a line like level: sd to the front matter`,
		},
	},

	// Values of the wrong shape, each on its own line.
	{
		name: "wrong types",
		site: `
-- content/berita/x.md --
---
title: Judul
date: 29-07-2025
tags: 5
draft: maybe
---
-- content/berita/y.md --
---
title: [satu, dua]
date: 2025-07-29
---
-- content/modul/sd/m/index.md --
---
title: M
level: sd
attachments: 5
---
-- content/galeri/g/index.md --
---
title: G
date: 2025-07-29
photos: {file: a.jpg}
---
`,
		want: []string{
			`content/berita/x.md:3: date "29-07-2025" is not a date; write it as 2025-07-29 (or 2025-07-29T09:00:00+07:00)`,
			`content/berita/x.md:4: "tags" must be a list, like [satu, dua] or one "- item" per line`,
			`content/berita/x.md:5: "draft" must be true or false, not "maybe"`,
			`content/berita/y.md:2: "title" must be text, not a list; put the value in quotes`,
			`content/galeri/g/index.md:4: "photos" must be a list of entries, each with file, caption and alt`,
			`content/modul/sd/m/index.md:4: "attachments" must be a list of entries, each with file and title`,
		},
	},
	{
		name: "wrong date in toml names its line",
		site: `
-- content/berita/x.md --
+++
title = "Judul"
date = "kemarin"
+++
`,
		want: []string{`content/berita/x.md:3: date "kemarin" is not a date; write it as 2025-07-29 (or 2025-07-29T09:00:00+07:00)`},
	},

	// Modules and their levels.
	{
		name: "module levels",
		site: `
-- content/modul/sd/a/index.md --
---
title: A
level: tk
---
-- content/modul/sd/b/index.md --
---
title: B
level: smp
---
-- content/modul/c/index.md --
---
title: C
level: sd
---
`,
		want: []string{
			`content/modul/c/index.md:1: a module must live in modul/paud/, modul/sd/ or modul/smp/; move it into one of them`,
			`content/modul/sd/a/index.md:3: level "tk" is not a school level; use paud, sd or smp`,
			`content/modul/sd/b/index.md:3: level "smp" does not match the folder modul/sd/; write level: sd or move the module to modul/smp/`,
		},
	},

	// Bundle files: each list item on its own line.
	{
		name: "missing and escaping resources",
		site: `
-- content/berita/2025-07-29-a/index.md --
---
title: A
date: 2025-07-29
cover: sampul.jpg
---
-- content/berita/b.md --
---
title: B
date: 2025-07-29
cover: sampul.jpg
---
-- content/modul/sd/m/index.md --
---
title: M
level: sd
attachments:
  - file: ada.pdf
  - file: hilang.pdf
    title: Hilang
  - file: ../rahasia.pdf
  - /etc/passwd
---
-- content/modul/sd/m/ada.pdf --
%PDF
-- content/galeri/g/index.md --
---
title: G
date: 2025-07-29
consent: true
photos:
  - {file: foto-1.jpg, alt: satu}
  - file: foto-2.jpg
    caption: dua
---
-- content/galeri/g/foto-1.jpg --
(not really a JPEG; only its name matters here)
`,
		want: []string{
			`content/berita/2025-07-29-a/index.md:4: cover "sampul.jpg" is not in the page's folder content/berita/2025-07-29-a/; put the file there or correct the name`,
			`content/berita/b.md:4: cover "sampul.jpg" cannot be found: content/berita/b.md is a single file, and only a page in a folder of its own has files; make it a folder content/berita/b/index.md and put the file beside it`,
			`content/galeri/g/index.md:7: photos "foto-2.jpg" is not in the page's folder content/galeri/g/; put the file there or correct the name`,
			`content/modul/sd/m/index.md:6: attachments "hilang.pdf" is not in the page's folder content/modul/sd/m/; put the file there or correct the name`,
			`content/modul/sd/m/index.md:8: attachments "../rahasia.pdf" points outside the page's folder; use the name of a file inside content/modul/sd/m/`,
			`content/modul/sd/m/index.md:9: attachments "/etc/passwd" points outside the page's folder; use the name of a file inside content/modul/sd/m/`,
		},
	},
	{
		name: "photos without consent",
		site: `
-- content/galeri/g/index.md --
---
title: G
date: 2025-07-29
photos:
  - file: izin.jpg
    alt: Anak-anak bermain
    consent: true
  - file: tanpa-izin.jpg
  - file: ditolak.jpg
    consent: false
---
-- content/galeri/g/izin.jpg --
-- content/galeri/g/tanpa-izin.jpg --
-- content/galeri/g/ditolak.jpg --
-- content/galeri/h/index.md --
---
title: H
date: 2025-07-30
---
-- content/galeri/h/semua.jpg --
`,
		want: []string{
			`content/galeri/g/index.md:8: photo "tanpa-izin.jpg" has no consent to be published; add consent: true to the gallery when the school's consent covers every photo, or consent: true to this photo (consent: false keeps it off the site)`,
			`content/galeri/h/index.md:1: photo "semua.jpg" has no consent to be published; add consent: true to the gallery when the school's consent covers every photo, or consent: true to this photo (consent: false keeps it off the site)`,
		},
	},
	{
		name: "gallery reference",
		site: `
-- content/berita/a.md --
---
title: A
date: 2025-07-29
gallery: galeri/tidak-ada
---
`,
		want: []string{`content/berita/a.md:4: gallery "galeri/tidak-ada" does not exist; use the folder of a gallery, like galeri/2025-07-29-nama-kegiatan`},
	},

	// Pictures of people: consent and a text for readers who cannot see them.
	{
		name: "cover without consent or description",
		site: `
-- content/berita/a/index.md --
---
title: A
date: 2025-07-29
cover: sampul.jpg
---
`,
		edit: func(fsys fstest.MapFS) { sitetest.Add(fsys, "content/berita/a/sampul.jpg", sitetest.JPEG(8, 8)) },
		want: []string{
			`content/berita/a/index.md:4: cover "sampul.jpg" has no consent to be published; add consent: true to the front matter when the people in the picture (or their parents) agreed to its publication, or remove the cover`,
			`content/berita/a/index.md:4: cover "sampul.jpg" has no description for readers who cannot see it; add cover_alt: "what the picture shows"`,
		},
	},
	{
		name: "photos without description",
		site: `
-- content/galeri/g/index.md --
---
title: G
date: 2025-07-29
consent: true
photos:
  - file: tanpa-teks.png
  - file: dengan-keterangan.png
    caption: Cukup keterangan
  - file: ditolak.png
    consent: false
---
`,
		edit: func(fsys fstest.MapFS) {
			for _, n := range []string{"tanpa-teks", "dengan-keterangan", "ditolak"} {
				sitetest.Add(fsys, "content/galeri/g/"+n+".png", sitetest.PNG(8, 8))
			}
		},
		want: []string{`content/galeri/g/index.md:6: photo "tanpa-teks.png" has no description for readers who cannot see it; add alt: "what the photo shows" (or a caption:) to it`},
	},
	{
		name: "gallery photos not listed",
		site: `
-- content/galeri/g/index.md --
---
title: G
date: 2025-07-29
consent: true
---
`,
		edit: func(fsys fstest.MapFS) {
			sitetest.Add(fsys, "content/galeri/g/kelas.png", sitetest.PNG(8, 8))
		},
		want: []string{`content/galeri/g/index.md:4: photo "kelas.png" is in the gallery's folder but the gallery has no photos: list, so it has no description for readers who cannot see it; list every photo under photos: with file: "kelas.png" and alt: "what the photo shows" (or a caption:)`},
	},
	{
		name: "pictures in the text",
		site: `
-- content/berita/a/index.md --
---
title: A
date: 2025-07-29
---
Teks.

![](foto.png)
`,
		edit: func(fsys fstest.MapFS) { sitetest.Add(fsys, "content/berita/a/foto.png", sitetest.PNG(8, 8)) },
		want: []string{
			`content/berita/a/index.md:7: image "foto.png" has no consent to be published; add consent: true to the front matter when the people in it (or their parents) agreed to its publication, or remove the image`,
			`content/berita/a/index.md:7: image "foto.png" has no description for readers who cannot see it; write it between the brackets: ![what the picture shows](foto.png)`,
		},
	},
	{
		name: "files that are not pictures",
		site: `
-- content/galeri/g/index.md --
---
title: G
date: 2025-07-29
consent: true
photos:
  - {file: teks.jpg, alt: a}
  - {file: iphone.jpg, alt: b}
  - {file: raksasa.png, alt: c}
  - {file: terpotong.png, alt: d}
---
-- content/galeri/g/teks.jpg --
bukan gambar
`,
		edit: func(fsys fstest.MapFS) {
			png := sitetest.PNG(8, 8)
			huge := bytes.Clone(png)
			copy(huge[16:24], []byte{0, 0, 0x80, 0, 0, 0, 0x80, 0}) // IHDR: 32768×32768
			binary.BigEndian.PutUint32(huge[29:33], crc32.ChecksumIEEE(huge[12:29]))
			sitetest.Add(fsys, "content/galeri/g/iphone.jpg", []byte("\x00\x00\x00\x18ftypheic\x00\x00\x00\x00mif1heic"))
			sitetest.Add(fsys, "content/galeri/g/raksasa.png", huge)
			sitetest.Add(fsys, "content/galeri/g/terpotong.png", png[:len(png)-20])
		},
		want: []string{
			`content/galeri/g/iphone.jpg: this is a HEIC picture, which warta cannot read; save it as JPEG (or PNG) and use that file instead`,
			`content/galeri/g/raksasa.png: this picture is 32768×32768 pixels, too large to process safely (at most 100 megapixels); make it smaller first`,
			`content/galeri/g/teks.jpg: this file is not a picture (it is not JPEG, PNG, GIF or WebP inside); replace it with the real photo`,
			`content/galeri/g/terpotong.png: this picture is damaged or incomplete (invalid format: unexpected EOF); copy it again from the camera or phone`,
		},
	},
	{
		name: "module files (warnings only)",
		site: `
-- content/modul/sd/m/index.md --
---
title: M
level: sd
attachments:
  - file: lembar.pdf
---
Lihat ![peta](https://example.org/peta.png).
-- content/modul/sd/m/lembar.pdf --
%PDF
-- content/modul/sd/m/catatan.txt --
catatan
`,
		want: []string{
			`content/modul/sd/m/index.md: warning: the offline copy of this module loads https://example.org/peta.png from the web; put the file in the module's folder so that the download works without internet`,
			`content/modul/sd/m/index.md:4: warning: "catatan.txt" is in the module's folder but not listed in attachments, so it is not published; add it to attachments (- file: catatan.txt) or remove it from the folder`,
		},
	},

	// URLs.
	{
		name: "same url from date prefix",
		site: `
-- content/berita/2025-07-29-sama.md --
---
title: A
date: 2025-07-29
---
-- content/berita/sama.md --
---
title: B
date: 2025-07-29
---
`,
		want: []string{`content/berita/sama.md:1: this page and content/berita/2025-07-29-sama.md would both be published at /berita/sama/; change the slug or the file name of one of them`},
	},
	{
		name: "same url from slugs differing in case",
		site: `
-- content/berita/a.md --
---
title: A
date: 2025-07-29
slug: Foo
---
-- content/berita/b.md --
---
title: B
date: 2025-07-29
slug: foo
---
`,
		want: []string{`content/berita/b.md:4: this page and content/berita/a.md would both be published at /berita/foo/; change the slug or the file name of one of them`},
	},
	{
		name: "bundle files differing in case",
		site: `
-- content/berita/a/index.md --
---
title: A
date: 2025-07-29
---
Foto.jpg, foto.jpg (named, so used: unused files are left out)
-- content/berita/a/Foto.jpg --
x
-- content/berita/a/foto.jpg --
y
`,
		want: []string{`content/berita/a/foto.jpg: this page and content/berita/a/Foto.jpg would both be published at /berita/a/foto.jpg; change the slug or the file name of one of them`},
	},
	{
		name: "file names differing only in Unicode form",
		site: "-- content/berita/caf\u00e9.md --\n---\ntitle: A\ndate: 2025-07-29\n---\n" +
			"-- content/berita/cafe\u0301.md --\n---\ntitle: B\ndate: 2025-07-29\n---\n",
		want: []string{"content/berita/caf\u00e9.md:1: this file and content/berita/cafe\u0301.md have the same name, written in two Unicode forms (one with its accents as separate marks, as macOS saves names), and both would be published at /berita/cafe/; delete one of them"},
	},
	{
		name: "page at a url warta makes itself",
		site: `
-- content/tag.md --
---
title: Label
---
`,
		want: []string{`content/tag.md:1: this page and a page that warta makes itself would both be published at /tag/; change the slug or the file name of one of them`},
	},
	{
		name: "page at the url of a tag",
		site: `
-- content/berita/a.md --
---
title: A
date: 2025-07-29
tags: [PAUD]
---
-- content/tag/paud.md --
---
title: Tentang PAUD
---
`,
		want: []string{`content/tag/paud.md:1: this page and a page that warta makes itself would both be published at /tag/paud/; change the slug or the file name of one of them`},
	},
	{
		name: "slug empty",
		site: `
-- content/berita/a.md --
---
title: A
date: 2025-07-29
slug: "???"
---
`,
		want: []string{`content/berita/a.md:4: cannot make a web address from "???"; give the page a slug: with letters or digits`},
	},

	// Files that are not text.
	{
		name: "not utf-8",
		site: `
-- content/berita/a.md --
---
title: A
date: 2025-07-29
---
`,
		edit: func(fsys fstest.MapFS) {
			fsys["content/berita/a.md"].Data = []byte("---\ntitle: A\ndate: 2025-07-29\n---\nKegiatan di Caf\xe9 Anak.\n")
		},
		want: []string{`content/berita/a.md:5: the file is not UTF-8 text; save it again with UTF-8 encoding`},
	},
	{
		name: "symlink leading outside",
		site: `
-- content/_index.md --
Beranda.
`,
		edit: func(fsys fstest.MapFS) {
			fsys["content/rahasia.md"] = &fstest.MapFile{Data: []byte("../../etc/passwd"), Mode: fs.ModeSymlink}
		},
		want: []string{`content/rahasia.md: this link leads outside the site folder; copy the file into the site instead`},
	},
	{
		// Loops are tested on disk (internal/content TestSymlinksOnDisk):
		// fstest.MapFS follows a loop until the stack overflows.
		name: "symlink leading nowhere and symlink inside the site",
		site: `
-- content/tentang.md --
Tentang.
`,
		edit: func(fsys fstest.MapFS) {
			fsys["content/putus.md"] = &fstest.MapFile{Data: []byte("tidak-ada.md"), Mode: fs.ModeSymlink}
			fsys["content/profil.md"] = &fstest.MapFile{Data: []byte("tentang.md"), Mode: fs.ModeSymlink}
		},
		want: []string{
			`content/profil.md: this is a link to content/tentang.md, and warta does not follow links; move or copy the file here instead of linking to it`,
			`content/putus.md: this link leads nowhere: content/tidak-ada.md is missing, or links back round in a loop; remove the link`,
		},
	},
	{
		name: "no content folder",
		site: `
-- site.yaml --
title: Dinas Sosial
`,
		want: []string{`content: there is no content/ folder; create it with at least content/_index.md`},
	},

	// Templates.
	{
		name: "template parse error",
		site: `
-- layouts/news.html --
{{define "main"}}
<h1>{{.Page.Title}}</h1>
{{if .Page.Title}
{{end}}
-- content/berita/a.md --
---
title: A
date: 2025-07-29
---
`,
		want: []string{`layouts/news.html:3: template error: bad character U+007D '}'`},
	},
	{
		name: "template execution error",
		site: `
-- layouts/news.html --
{{define "main"}}
<h1>{{.Page.Title}}</h1>
{{.Page.Nope}}
{{end}}
-- content/berita/a.md --
---
title: A
date: 2025-07-29
---
`,
		want: []string{`layouts/news.html:3: template news.html failed for the page at /berita/a/: executing "main" at <.Page.Nope>: can't evaluate field Nope in type *render.PageView`},
	},
	{
		name: "template missing",
		site: `
-- content/_index.md --
Beranda.
`,
		opt:  sitetest.Options{NoTheme: true},
		want: []string{`layouts/baseof.html: no template "baseof.html" in layouts/ or the built-in theme; add layouts/baseof.html`},
	},

	// site.yaml.
	{
		name: "site.yaml syntax",
		site: `
-- site.yaml --
title: Dinas Sosial
menu: [{title: Berita, url: /berita/}
pagination: 2
-- content/_index.md --
Beranda.
`,
		want: []string{`site.yaml:2: site.yaml is not valid YAML: did not find expected ',' or ']'`},
	},
	{
		name: "site.yaml value of the wrong kind",
		site: `
-- site.yaml --
title: Dinas Sosial
pagination: sepuluh
-- content/_index.md --
Beranda.
`,
		want: []string{`site.yaml:2: "sepuluh" is not the right kind of value here; write a whole number`},
	},
	{
		name: "site.yaml settings",
		site: `
-- site.yaml --
title: Dinas Sosial
titel: Dinas Sosial
base_url: dinsos.example.org
language: jv
timezone: Asia/Metro
pagination: -1
department:
  nama: Dinas
menu:
  - {title: Berita}
images:
  quality: 150
  widths: [2]
-- content/_index.md --
Beranda.
`,
		want: []string{
			`site.yaml:2: unknown setting "titel"; check its spelling (known settings are listed in the README)`,
			`site.yaml:3: base_url: "dinsos.example.org" is not a full web address; write it like https://dinsos.metrokota.go.id/`,
			`site.yaml:4: language: "jv" is not supported; use id (Indonesian) or en (English)`,
			`site.yaml:5: timezone: "Asia/Metro" is not a time zone; use a name like Asia/Jakarta`,
			`site.yaml:6: pagination: must be a whole number of at least 1, not -1`,
			`site.yaml:8: unknown setting "nama"; check its spelling (known settings are listed in the README)`,
			`site.yaml:9: menu: entry 1 needs both title and url`,
			`site.yaml:12: quality: must be between 1 and 100, not 150`,
			`site.yaml:13: widths: 2 is not a sensible image width; use widths between 16 and 8192 pixels`,
		},
	},
	{
		name: "base url from the command line",
		site: `
-- content/_index.md --
Beranda.
`,
		opt:  sitetest.Options{BaseURL: "ftp://dinsos.example.org/"},
		want: []string{`--base-url: base_url: "ftp://dinsos.example.org/" is not a full web address; write it like https://dinsos.metrokota.go.id/`},
	},

	// Drafts are left out with their problems.
	{
		name: "a broken draft does not fail the build",
		site: `
-- content/berita/a.md --
---
title: A
date: 2025-07-29
---
-- content/berita/draf.md --
---
title: Draf
date: kemarin
draft: true
---
`,
		want: nil,
	},
}

func TestDiagnostics(t *testing.T) {
	t.Parallel()
	var (
		mu      sync.Mutex
		covered = map[diag.Code]bool{}
		ran     int
	)
	t.Cleanup(func() { // after every case has run
		if ran == len(diagnosticCases) { // not when -run picks some
			checkCoverage(t, covered)
		}
	})
	for _, tc := range diagnosticCases {
		t.Run(tc.name, func(t *testing.T) {
			t.Parallel()
			fsys := sitetest.Files(tc.site)
			if tc.edit != nil {
				tc.edit(fsys)
			}
			s := sitetest.Build(t, fsys, tc.opt)
			got := s.Diagnostics()
			if !slices.Equal(got, tc.want) {
				t.Errorf("diagnostics:\n%s\nwant:\n%s", strings.Join(got, "\n"), strings.Join(tc.want, "\n"))
			}
			fails := slices.ContainsFunc(tc.want, func(l string) bool { return !strings.Contains(l, " warning: ") })
			if (s.Err != nil) != fails {
				t.Errorf("build error = %v; want one only with error (not warning) diagnostics", s.Err)
			}
			mu.Lock()
			ran++
			for _, d := range s.Result.Diags.Items() {
				covered[d.Code] = true
			}
			mu.Unlock()
		})
	}
}

// notFromABuild are the catalogue's codes that a build of a site folder
// does not produce, with where they are tested instead.
var notFromABuild = map[diag.Code]string{
	diag.WarningPrefix:  "a prefix, not a message (TestFormat in internal/diag)",
	diag.ReadFailed:     "TestDiagnosticsFromFailingIO",
	diag.AssetFailed:    "TestDiagnosticsFromFailingIO",
	diag.OutputFailed:   "TestDiagnosticsFromFailingIO",
	diag.MarkdownFailed: "goldmark fails only when its writer does; a memory buffer never does",
	diag.ImageFailed:    "a failing image cache or encoder; not reachable from a site's files",
	diag.PDFNoBrowser:   "TestPDFWithoutBrowser",
	diag.PDFFailed:      "TestPDFFailed",
	diag.OutputUnsafe:   "cmd/warta TestUnsafeOutput",
}

// commandPrefixes mark codes of the command line, not of a build.
var commandPrefixes = []string{"build-", "interrupted", "unknown-command", "serve-", "new-", "check-", "link-", "date-far-", "image-progress"}

// checkCoverage fails when a catalogue code that a build can produce has
// no case in diagnosticCases: every message staff can see is checked here
// word for word.
func checkCoverage(t *testing.T, covered map[diag.Code]bool) {
	f, err := parser.ParseFile(token.NewFileSet(), "../diag/catalog.go", nil, parser.SkipObjectResolution)
	if err != nil {
		t.Fatal(err)
	}
	for _, decl := range f.Decls {
		gd, ok := decl.(*ast.GenDecl)
		if !ok || gd.Tok != token.CONST {
			continue
		}
		for _, spec := range gd.Specs {
			vs := spec.(*ast.ValueSpec)
			for i, name := range vs.Names {
				lit, ok := vs.Values[i].(*ast.BasicLit)
				if !ok {
					continue
				}
				code := diag.Code(strings.Trim(lit.Value, `"`))
				command := slices.ContainsFunc(commandPrefixes, func(p string) bool { return strings.HasPrefix(string(code), p) })
				if _, elsewhere := notFromABuild[code]; !covered[code] && !elsewhere && !command {
					t.Errorf("diag.%s (%q) has no case in diagnosticCases", name.Name, code)
				}
			}
		}
	}
}

// TestDiagnosticsAllAtOnce: one build reports every broken file, not just
// the first.
func TestDiagnosticsAllAtOnce(t *testing.T) {
	t.Parallel()
	s := sitetest.BuildTxtar(t, `
-- site.yaml --
titel: Dinas Sosial
-- content/berita/a.md --
---
title: A
date: 2025-13-45
---
-- content/berita/b.md --
---
title: [B
---
-- content/modul/smp/m/index.md --
---
title: M
level: sd
---
`, sitetest.Options{})
	s.AssertFailed(t)
	want := []string{
		`content/berita/a.md:3: date "2025-13-45" is not a date; write it as 2025-07-29 (or 2025-07-29T09:00:00+07:00)`,
		// yaml.v3 places an unclosed list on the first line at the end of
		// the front matter, where the "]" was expected.
		`content/berita/b.md:3: the YAML front matter is not valid: did not find expected ',' or ']'`,
		`content/modul/smp/m/index.md:3: level "sd" does not match the folder modul/smp/; write level: smp or move the module to modul/sd/`,
		`site.yaml:1: unknown setting "titel"; check its spelling (known settings are listed in the README)`,
	}
	if got := s.Diagnostics(); !slices.Equal(got, want) {
		t.Errorf("diagnostics:\n%s\nwant:\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
}

// TestDiagnosticsIndonesian: the same problem in the site's default
// language, as the command prints it.
func TestDiagnosticsIndonesian(t *testing.T) {
	t.Parallel()
	s := sitetest.BuildTxtar(t, `
-- content/berita/x.md --
---
title: Judul
date: 29-07-2025
---
`, sitetest.Options{})
	got := s.Result.Diags.Format("id")
	want := "content/berita/x.md:3: date \"29-07-2025\" bukan tanggal; tulis seperti 2025-07-29 (atau 2025-07-29T09:00:00+07:00)\n"
	if got != want {
		t.Errorf("got  %q\nwant %q", got, want)
	}
}

// TestWindowsFiles: files saved on Windows (CRLF line ends, a UTF-8 byte
// order mark) build, and their problems keep their lines.
func TestWindowsFiles(t *testing.T) {
	t.Parallel()
	crlf := func(s string) []byte { return []byte(strings.ReplaceAll(s, "\n", "\r\n")) }
	bom := func(b []byte) []byte { return append([]byte("\xef\xbb\xbf"), b...) }
	fsys := fstest.MapFS{}
	sitetest.Add(fsys, "site.yaml", crlf("title: Dinas Sosial\nbase_url: https://dinsos.example.org/\n"))
	sitetest.Add(fsys, "content/berita/2025-07-29-crlf.md", crlf("---\ntitle: Baris Windows\ndate: 2025-07-29\ntags:\n  - satu\n  - dua\n---\nParagraf pertama\nmasih pertama.\n\nParagraf kedua.\n"))
	sitetest.Add(fsys, "content/berita/2025-07-30-bom.md", bom([]byte("---\ntitle: Dengan BOM\ndate: 2025-07-30\n---\nIsi.\n")))
	sitetest.Add(fsys, "content/berita/2025-07-31-keduanya.md", bom(crlf("+++\ntitle = \"TOML dari Windows\"\ndate = 2025-07-31\n+++\nIsi.\n")))
	s := sitetest.Build(t, fsys, sitetest.Options{})
	s.AssertOK(t)
	s.AssertFile(t, "berita/crlf/index.html", "<h1>Baris Windows</h1>", "Paragraf pertama\nmasih pertama.", "/tag/dua/", "! \r")
	s.AssertFile(t, "berita/bom/index.html", "<h1>Dengan BOM</h1>", "! \ufeff")
	s.AssertFile(t, "berita/keduanya/index.html", "<h1>TOML dari Windows</h1>", "Kamis, 31 Juli 2025")

	// A problem in a CRLF file is reported on the line an editor shows.
	sitetest.Add(fsys, "content/berita/2025-07-29-crlf.md", bom(crlf("---\ntitle: Baris Windows\n\ndate: 29-07-2025\n---\n")))
	s = sitetest.Build(t, fsys, sitetest.Options{})
	want := []string{`content/berita/2025-07-29-crlf.md:4: date "29-07-2025" is not a date; write it as 2025-07-29 (or 2025-07-29T09:00:00+07:00)`}
	if got := s.Diagnostics(); !slices.Equal(got, want) {
		t.Errorf("diagnostics:\n%s\nwant:\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
}

// failingFS is a site whose file bad cannot be read, like a file without
// read permission or on a failing disk.
type failingFS struct {
	fstest.MapFS
	bad string
}

var errDisk = errors.New("input/output error")

func (f failingFS) Open(name string) (fs.File, error) {
	if name == f.bad {
		return nil, &fs.PathError{Op: "open", Path: name, Err: errDisk}
	}
	return f.MapFS.Open(name)
}

// ReadFile hides MapFS's own, so that reads go through Open.
func (f failingFS) ReadFile(name string) ([]byte, error) { return fs.ReadFile(onlyOpen{f}, name) }

type onlyOpen struct{ fs.FS }

// failingSink refuses every write, like a full disk.
type failingSink struct{}

var _ publish.Sink = failingSink{}

func (failingSink) Write(string, []byte) error       { return errors.New("no space left on device") }
func (failingSink) Copy(string, fs.FS, string) error { return errors.New("no space left on device") }

// TestDiagnosticsFromFailingIO covers the messages a build gives when the
// disk, not the site, is at fault.
func TestDiagnosticsFromFailingIO(t *testing.T) {
	t.Parallel()
	site := sitetest.Files(`
-- content/berita/a.md --
---
title: A
date: 2025-07-29
---
-- assets/css/extra.css --
body { color: red }
`)
	cases := []struct {
		name string
		src  fs.FS
		sink publish.Sink
		want string
	}{
		{"content file unreadable", failingFS{site, "content/berita/a.md"}, publish.NewMemory(),
			`content/berita/a.md: cannot read the file: open content/berita/a.md: input/output error`},
		{"asset unreadable", failingFS{site, "assets/css/extra.css"}, publish.NewMemory(),
			`assets/css/extra.css: cannot read the file: open assets/css/extra.css: input/output error`},
		{"output unwritable", site, failingSink{},
			`assets/: cannot write the site: no space left on device`},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			t.Parallel()
			res, _ := build.Build(context.Background(), build.Options{Source: tc.src, Theme: warta.Theme, Sink: tc.sink, Now: sitetest.Now})
			lines := strings.Split(strings.TrimSuffix(res.Diags.Format("en"), "\n"), "\n")
			if !slices.Contains(lines, tc.want) {
				t.Errorf("diagnostics:\n%s\nwant a line:\n%s", strings.Join(lines, "\n"), tc.want)
			}
			if res.Diags.Err() == nil {
				t.Error("the build did not fail")
			}
		})
	}
}

// TestPDFWithoutBrowser: asked for module PDFs on a machine without
// Chromium, the build warns once and publishes the site without them.
func TestPDFWithoutBrowser(t *testing.T) {
	t.Setenv("CHROME_PATH", "/tidak/ada/chromium")
	s := sitetest.BuildTxtar(t, `
-- site.yaml --
modules:
  pdf: true
-- content/modul/sd/m/index.md --
---
title: M
level: sd
---
-- content/modul/sd/n/index.md --
---
title: N
level: sd
---
`, sitetest.Options{})
	got := s.Diagnostics()
	if len(got) != 1 || !strings.HasPrefix(got[0], "warning: module PDFs were not made: ") ||
		!strings.Contains(got[0], "CHROME_PATH is /tidak/ada/chromium") ||
		!strings.HasSuffix(got[0], "; install Chromium (sudo apt-get install chromium) or set CHROME_PATH, then build again") {
		t.Errorf("diagnostics: %q", got)
	}
	if s.Err != nil {
		t.Errorf("the build failed: %v", s.Err)
	}
	s.AssertFile(t, "modul/sd/m/index.html", "<h1>M</h1>")
}

type jammedPrinter struct{}

func (jammedPrinter) Print(map[string][]byte, string) ([]byte, error) {
	return nil, errors.New("printer jammed")
}

// TestPDFFailed: a module whose PDF cannot be made is named, and the build
// goes on.
func TestPDFFailed(t *testing.T) {
	t.Parallel()
	site := sitetest.Files(`
-- content/modul/sd/m/index.md --
---
title: M
level: sd
---
`)
	res, err := build.Build(context.Background(), build.Options{
		Source: site, Theme: warta.Theme, Sink: publish.NewMemory(), Now: sitetest.Now, Printer: jammedPrinter{},
	})
	want := "content/modul/sd/m/index.md: warning: the PDF of this module was not made: printer jammed\n"
	if got := res.Diags.Format("en"); got != want || err != nil {
		t.Errorf("diagnostics %q (error %v), want %q", got, err, want)
	}
}

// Regression: an error that html/template finds while executing a partial
// ("html/template:partials/footer.html:1:19: ...", no space after the
// colon) was reported on the page's template without a line. It belongs
// to the partial, at its line, once for each page that shows it.
func TestTemplateErrorInPartial(t *testing.T) {
	t.Parallel()
	s := sitetest.BuildTxtar(t, `
-- layouts/partials/footer.html --
<footer>
{{template "partials/tidak-ada.html" .}}
</footer>
-- content/berita/a.md --
---
title: A
date: 2025-07-29
---
`, sitetest.Options{})
	s.AssertFailed(t)
	got := s.Diagnostics()
	if len(got) < 2 {
		t.Fatalf("diagnostics: %q", got)
	}
	for _, line := range got {
		if !strings.HasPrefix(line, "layouts/partials/footer.html:2: template partials/footer.html failed for the page at /") ||
			!strings.HasSuffix(line, `no such template "partials/tidak-ada.html"`) {
			t.Errorf("diagnostic: %s", line)
		}
	}
}
