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
	"github.com/dinsos-metro/warta/internal/content"
	"github.com/dinsos-metro/warta/internal/diag"
	"github.com/dinsos-metro/warta/internal/markdown"
	"github.com/dinsos-metro/warta/internal/publish"
	"github.com/dinsos-metro/warta/internal/scrub/scrubtest"
	"github.com/dinsos-metro/warta/internal/sitetest"
)

// Each case is a small broken site and the exact lines a user sees. Every
// message of the build's catalogues (buildCatalogues) that a build can
// produce appears here at least once (the catalogues' own test checks that
// each has both languages); the ones a build reaches only through a
// failing disk are in TestDiagnosticsFromFailingIO below.
var diagnosticCases = []struct {
	name string
	site string
	edit func(fstest.MapFS) // for bytes txtar cannot hold
	opt  sitetest.Options
	want []string
	// wantID, when set, is want as staff read it: in Indonesian, the
	// language of a site without language: en.
	wantID []string
}{
	// Front matter syntax, with the line of the problem in the file, said
	// in plain words (diag.YAMLProblemAt) and with the line as it should be
	// written where there is one.
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
		want:   []string{`content/berita/x.md:4: the YAML front matter is not valid: a list opened with [ is not closed with ], or a comma is missing between its items`},
		wantID: []string{`content/berita/x.md:4: front matter YAML tidak valid: daftar yang dibuka dengan [ tidak ditutup dengan ], atau ada koma yang kurang di antara isiannya`},
	},
	{
		// The library gives no line for a problem on the first line of
		// the front matter.
		name: "yaml syntax, colon in the first field",
		site: `
-- content/berita/x.md --
---
title: Judul: dua titik dua
date: 2025-07-29
---
Isi.
`,
		want:   []string{`content/berita/x.md:2: the YAML front matter is not valid: the value holds a colon (:), which starts a new field; put the whole value in quotes, like this: title: "Judul: dua titik dua"`},
		wantID: []string{`content/berita/x.md:2: front matter YAML tidak valid: nilainya memuat titik dua (:), yang menandai isian baru; apit seluruh nilai dengan tanda kutip, seperti ini: title: "Judul: dua titik dua"`},
	},
	{
		// One page for each mistake staff make in YAML by hand.
		name: "yaml mistakes staff make",
		site: `
-- content/berita/a-titik-dua.md --
---
title: Judul
date: 2025-07-29
summary: Rapat koordinasi: PAUD dan SD
---
-- content/berita/b-kutip-di-dalam-kutip.md --
---
title: Judul
date: 2025-07-29
summary: "Program "Sekolah Ramah Anak" dimulai"
---
-- content/berita/c-tanda-hubung.md --
---
title: Judul
date: 2025-07-29
tags:
-parenting
-paud
---
-- content/berita/d-kutip-terbuka.md --
---
title: "Kunjungan ke TK Pertiwi
date: 2025-07-29
---
-- content/berita/e-kutip-terbuka.md --
---
date: 2025-07-29
title: 'Kunjungan ke TK Pertiwi
summary: Isi.
---
-- content/berita/f-menjorok.md --
---
title: Judul
  date: 2025-07-29
---
-- content/berita/g-tanpa-titik-dua.md --
---
title: Judul
date 2025-07-29
---
-- content/berita/h-bintang.md --
---
title: Judul
date: 2025-07-29
summary: *Penting* untuk orang tua
---
-- content/berita/i-garis-miring.md --
---
title: Judul
date: 2025-07-29
location: "Aula\Gedung A"
---
-- content/berita/j-koma.md --
---
title: Judul
date: 2025-07-29
tags: [parenting, , paud]
---
-- content/berita/k-daftar-sebaris.md --
---
title: Judul
date: 2025-07-29
tags: - parenting
---
-- content/berita/l-dua-kali.md --
---
title: Judul
date: 2025-07-29
title: Judul lain
---
-- content/berita/q-tanpa-spasi.md --
---
date: 2025-07-29
title:Kunjungan ke TK Pertiwi
summary: Isi.
---
-- content/berita/r-kurung.md --
---
title: [Berita] Kunjungan ke TK Pertiwi
date: 2025-07-29
---
-- content/berita/m-sejajar.md --
---
title: Judul
date: 2025-07-29
- parenting
---
-- content/galeri/2025-07-29-kunjungan/index.md --
---
title: Kunjungan
date: 2025-07-29
photos:
  - file: a.jpg
    alt: Anak-anak bermain
   caption: Bermain bersama
---
`,
		edit: func(fsys fstest.MapFS) {
			// Tabs and control characters, which txtar would hide.
			sitetest.Add(fsys, "content/berita/n-tab-daftar.md", []byte("---\ntitle: Judul\ndate: 2025-07-29\ntags:\n\t- parenting\n---\n"))
			sitetest.Add(fsys, "content/berita/o-tab-isian.md", []byte("---\ntitle: Judul\n\tdate: 2025-07-29\n---\n"))
			sitetest.Add(fsys, "content/berita/p-kendali.md", []byte("---\ntitle: Judul\ndate: 2025-07-29\nsummary: Rapat\x08 koordinasi\n---\n"))
		},
		want: []string{
			`content/berita/a-titik-dua.md:4: the YAML front matter is not valid: the value holds a colon (:), which starts a new field; put the whole value in quotes, like this: summary: "Rapat koordinasi: PAUD dan SD"`,
			`content/berita/b-kutip-di-dalam-kutip.md:4: the YAML front matter is not valid: the value goes on after its closing quote mark; put the whole value in quotes, and use single quotes (') around a value that holds double quotes ("), like this: summary: 'Program "Sekolah Ramah Anak" dimulai'`,
			`content/berita/c-tanda-hubung.md:5: the YAML front matter is not valid: a list item needs a space after its dash: write "- parenting", not "-parenting"`,
			`content/berita/d-kutip-terbuka.md:2: the YAML front matter is not valid: a value opened with a quote mark is never closed; add the closing quote mark at the end of the value`,
			`content/berita/e-kutip-terbuka.md:3: the YAML front matter is not valid: a value opened with a quote mark is never closed; add the closing quote mark at the end of the value`,
			`content/berita/f-menjorok.md:3: the YAML front matter is not valid: there is an unexpected colon (:), or this line is indented further than the field above it; if the value holds a colon, put the value in quotes`,
			`content/berita/g-tanpa-titik-dua.md:3: the YAML front matter is not valid: this line is not written as name: value; add a colon after the field's name, or join the line to the one above`,
			`content/berita/h-bintang.md:4: the YAML front matter is not valid: a value cannot start with & or * (they mean something else in YAML); if the sign is part of the text, put the value in quotes`,
			`content/berita/i-garis-miring.md:4: the YAML front matter is not valid: there is a backslash (\) inside double quotes; use single quotes ' instead`,
			`content/berita/j-koma.md:4: the YAML front matter is not valid: a value is missing here: two commas in a row, a comma at the end, or a [ not closed with ]`,
			`content/berita/k-daftar-sebaris.md:4: the YAML front matter is not valid: a dash (list item) cannot be here; write each item on a line of its own under the field's name, or put the value in quotes`,
			`content/berita/l-dua-kali.md:4: the YAML front matter is not valid: "title" is written twice (first on line 2); keep one`,
			`content/berita/m-sejajar.md:4: the YAML front matter is not valid: a line near here is not lined up with the fields above it; start it with as many spaces as they have`,
			`content/berita/n-tab-daftar.md:5: the YAML front matter is not valid: a value starts with a sign that cannot start one (like @, ` + "`" + ` or a tab); put the value in quotes, and indent with spaces, not tabs`,
			`content/berita/o-tab-isian.md:3: the YAML front matter is not valid: this line is indented with a tab; indent with spaces`,
			`content/berita/p-kendali.md:4: the YAML front matter is not valid: the file holds an invisible control character on this line; type the line again`,
			`content/berita/q-tanpa-spasi.md:3: the YAML front matter is not valid: a field needs a space after its colon: write "title: Kunjungan ke TK Pertiwi", not "title:Kunjungan ke TK Pertiwi"`,
			`content/berita/r-kurung.md:2: the YAML front matter is not valid: a value that starts with [ or { is read as a list or a group of fields, and this one goes on after its closing bracket; put the whole value in quotes, like this: title: "[Berita] Kunjungan ke TK Pertiwi"`,
			`content/galeri/2025-07-29-kunjungan/index.md:5: the YAML front matter is not valid: a line near here is not lined up with the list items (- ...) above it; start it with as many spaces as they have`,
		},
		wantID: []string{
			`content/berita/a-titik-dua.md:4: front matter YAML tidak valid: nilainya memuat titik dua (:), yang menandai isian baru; apit seluruh nilai dengan tanda kutip, seperti ini: summary: "Rapat koordinasi: PAUD dan SD"`,
			`content/berita/b-kutip-di-dalam-kutip.md:4: front matter YAML tidak valid: nilainya berlanjut setelah tanda kutip penutup; apit seluruh nilai dengan tanda kutip, dan pakai tanda kutip tunggal (') untuk nilai yang memuat tanda kutip ganda ("), seperti ini: summary: 'Program "Sekolah Ramah Anak" dimulai'`,
			`content/berita/c-tanda-hubung.md:5: front matter YAML tidak valid: butir daftar memerlukan spasi setelah tanda -: tulis "- parenting", bukan "-parenting"`,
			`content/berita/d-kutip-terbuka.md:2: front matter YAML tidak valid: nilai yang dibuka dengan tanda kutip tidak pernah ditutup; tambahkan tanda kutip penutup di akhir nilainya`,
			`content/berita/e-kutip-terbuka.md:3: front matter YAML tidak valid: nilai yang dibuka dengan tanda kutip tidak pernah ditutup; tambahkan tanda kutip penutup di akhir nilainya`,
			`content/berita/f-menjorok.md:3: front matter YAML tidak valid: ada titik dua (:) yang tidak terduga, atau baris ini menjorok lebih dalam dari isian di atasnya; bila nilainya memuat titik dua, apit nilainya dengan tanda kutip`,
			`content/berita/g-tanpa-titik-dua.md:3: front matter YAML tidak valid: baris ini tidak berbentuk nama: nilai; tambahkan titik dua setelah nama isian, atau gabungkan dengan baris di atasnya`,
			`content/berita/h-bintang.md:4: front matter YAML tidak valid: nilai tidak boleh diawali & atau * (keduanya punya arti lain dalam YAML); bila tanda itu bagian dari teks, apit nilainya dengan tanda kutip`,
			`content/berita/i-garis-miring.md:4: front matter YAML tidak valid: ada garis miring terbalik (\) di dalam tanda kutip ganda; pakai tanda kutip tunggal ' sebagai gantinya`,
			`content/berita/j-koma.md:4: front matter YAML tidak valid: ada nilai yang hilang di sini: koma ganda, koma di akhir, atau [ yang tidak ditutup dengan ]`,
			`content/berita/k-daftar-sebaris.md:4: front matter YAML tidak valid: tanda - (butir daftar) tidak boleh berada di sini; tulis setiap butir di baris baru di bawah nama isiannya, atau apit nilainya dengan tanda kutip`,
			`content/berita/l-dua-kali.md:4: front matter YAML tidak valid: "title" ditulis dua kali (pertama di baris 2); sisakan satu`,
			`content/berita/m-sejajar.md:4: front matter YAML tidak valid: sebuah baris di sekitar sini tidak sejajar dengan isian di atasnya; awali dengan spasi yang sama banyak`,
			`content/berita/n-tab-daftar.md:5: front matter YAML tidak valid: ada tanda yang tidak boleh mengawali nilai (seperti @, ` + "`" + ` atau tab); apit nilainya dengan tanda kutip, dan menjoroklah dengan spasi, bukan tab`,
			`content/berita/o-tab-isian.md:3: front matter YAML tidak valid: baris ini menjorok dengan tab; pakai spasi, bukan tab`,
			`content/berita/p-kendali.md:4: front matter YAML tidak valid: berkas memuat karakter kendali yang tidak terlihat di baris ini; ketik ulang baris itu`,
			`content/berita/q-tanpa-spasi.md:3: front matter YAML tidak valid: isian memerlukan spasi setelah titik dua: tulis "title: Kunjungan ke TK Pertiwi", bukan "title:Kunjungan ke TK Pertiwi"`,
			`content/berita/r-kurung.md:2: front matter YAML tidak valid: nilai yang diawali [ atau { dibaca sebagai daftar atau kelompok isian, dan nilai ini berlanjut setelah kurung penutupnya; apit seluruh nilai dengan tanda kutip, seperti ini: title: "[Berita] Kunjungan ke TK Pertiwi"`,
			`content/galeri/2025-07-29-kunjungan/index.md:5: front matter YAML tidak valid: sebuah baris di sekitar sini tidak sejajar dengan butir daftar (- ...) di atasnya; awali dengan spasi yang sama banyak`,
		},
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
		want: []string{`content/berita/x.md:4: the TOML front matter is not valid: text in TOML is written in double quotes: "a"`},
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
		want: []string{`content/berita/x.md:4: the JSON front matter is not valid: a comma is missing between two fields or two items (or a } or ] is missing before this)`},
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
		want:   []string{`site.yaml:2: site.yaml is not valid YAML: a list opened with [ is not closed with ], or a comma is missing between its items`},
		wantID: []string{`site.yaml:2: site.yaml bukan YAML yang valid: daftar yang dibuka dengan [ tidak ditutup dengan ], atau ada koma yang kurang di antara isiannya`},
	},
	{
		// The library gives no line for the first one.
		name: "site.yaml colon in a value",
		site: `
-- site.yaml --
title: Dinas Sosial: Kota Metro
-- content/_index.md --
Beranda.
`,
		want:   []string{`site.yaml:1: site.yaml is not valid YAML: the value holds a colon (:), which starts a new field; put the whole value in quotes, like this: title: "Dinas Sosial: Kota Metro"`},
		wantID: []string{`site.yaml:1: site.yaml bukan YAML yang valid: nilainya memuat titik dua (:), yang menandai isian baru; apit seluruh nilai dengan tanda kutip, seperti ini: title: "Dinas Sosial: Kota Metro"`},
	},
	{
		// Saved by an editor in Windows-1252 ("é"); the library names no line.
		name: "site.yaml not utf-8",
		edit: func(fsys fstest.MapFS) {
			sitetest.Add(fsys, "site.yaml", []byte("title: Dinas Sosial\ndepartment:\n  address: Jl. Caf\xe9 1\n"))
			sitetest.Add(fsys, "content/_index.md", []byte("Beranda.\n"))
		},
		want:   []string{`site.yaml:3: site.yaml is not valid YAML: the file is not UTF-8 text; save it again with UTF-8 encoding`},
		wantID: []string{`site.yaml:3: site.yaml bukan YAML yang valid: berkas bukan teks UTF-8; simpan ulang dengan pengodean UTF-8`},
	},
	{
		name: "site.yaml values of the wrong kind",
		site: `
-- site.yaml --
title: [Dinas, Sosial]
pagination: sepuluh
minify: tidak
department: Dinas Sosial
base_url: {url: https://dinsos.example.org/}
menu: Berita
images:
  widths: besar
-- content/_index.md --
Beranda.
`,
		want: []string{
			`site.yaml:1: a list is not the right kind of value here; write text`,
			`site.yaml:2: "sepuluh" is not the right kind of value here; write a whole number`,
			`site.yaml:3: "tidak" is not the right kind of value here; write true or false`,
			`site.yaml:4: "Dinas Sosial" is not the right kind of value here; write a value of the kind the README shows for this setting`,
			`site.yaml:5: a group of fields is not the right kind of value here; write text`,
			`site.yaml:6: "Berita" is not the right kind of value here; write a list of {title, url}`,
			`site.yaml:8: "besar" is not the right kind of value here; write a list of whole numbers`,
		},
		wantID: []string{
			`site.yaml:1: daftar bukan jenis nilai yang tepat di sini; tulis teks`,
			`site.yaml:2: "sepuluh" bukan jenis nilai yang tepat di sini; tulis bilangan bulat`,
			`site.yaml:3: "tidak" bukan jenis nilai yang tepat di sini; tulis true atau false`,
			`site.yaml:4: "Dinas Sosial" bukan jenis nilai yang tepat di sini; tulis nilai berjenis seperti yang ditunjukkan README untuk pengaturan ini`,
			`site.yaml:5: kelompok isian bukan jenis nilai yang tepat di sini; tulis teks`,
			`site.yaml:6: "Berita" bukan jenis nilai yang tepat di sini; tulis daftar {title, url}`,
			`site.yaml:8: "besar" bukan jenis nilai yang tepat di sini; tulis daftar bilangan bulat`,
		},
	},
	{
		name: "site.yaml menu entry as text",
		site: `
-- site.yaml --
title: Dinas Sosial
menu: [Berita, {title: Modul, url: /modul/}]
-- content/_index.md --
Beranda.
`,
		want:   []string{`site.yaml:2: "Berita" is not the right kind of value here; write an entry like {title: Berita, url: /berita/}`},
		wantID: []string{`site.yaml:2: "Berita" bukan jenis nilai yang tepat di sini; tulis isian seperti {title: Berita, url: /berita/}`},
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

	// Content correctness (issue 12): files that are not pages, text for
	// other site generators, pictures that are not there, limits.
	{
		name: "front matter without its opening line",
		site: `
-- content/berita/x.md --
title: Judul
date: 2025-07-29
---
Isi.
`,
		want: []string{
			`content/berita/x.md:1: the front matter has no opening line ---: the file starts with "title: Judul" and its fields end at the --- on line 3; add a line --- above "title: Judul"`,
		},
		wantID: []string{
			`content/berita/x.md:1: front matter tidak punya baris pembuka ---: berkas dimulai dengan "title: Judul" dan isiannya berakhir pada --- di baris 3; tambahkan baris --- di atas "title: Judul"`,
		},
	},
	{
		name: "markdown inside a bundle, and a file the page does not use",
		site: `
-- content/berita/2025-07-29-kunjungan/index.md --
---
title: Kunjungan
date: 2025-07-29
---
Isi.
-- content/berita/2025-07-29-kunjungan/catatan.md --
Catatan rapat.
-- content/berita/2025-07-29-kunjungan/daftar-hadir.csv --
nama,sekolah
`,
		want: []string{
			`content/berita/2025-07-29-kunjungan/catatan.md: warning: this file is inside the folder of the page content/berita/2025-07-29-kunjungan/index.md, so it is not published as a page of its own; move it out of that folder, or rename index.md to _index.md to make the folder a section`,
			`content/berita/2025-07-29-kunjungan/index.md:1: warning: "daftar-hadir.csv" is in the page's folder but the page does not use it (it is not the cover, not a listed photo, not in the text), so it is not published; use it or remove it from the folder`,
		},
		wantID: []string{
			`content/berita/2025-07-29-kunjungan/catatan.md: peringatan: berkas ini ada di dalam folder halaman content/berita/2025-07-29-kunjungan/index.md, jadi tidak diterbitkan sebagai halaman tersendiri; pindahkan keluar dari folder itu, atau ganti nama index.md menjadi _index.md agar folder itu menjadi bagian (section)`,
			`content/berita/2025-07-29-kunjungan/index.md:1: peringatan: "daftar-hadir.csv" ada di folder halaman tetapi tidak dipakai halaman (bukan sampul, bukan foto yang tercantum, tidak disebut dalam teks), jadi tidak diterbitkan; pakai berkas itu atau hapus dari folder`,
		},
	},
	{
		name: "picture not there",
		site: `
-- content/berita/x.md --
---
title: Judul
date: 2025-07-29
---
Anak-anak belajar bersama.

![Kegiatan kelas](foto-kelas.jpg)
`,
		want: []string{
			`content/berita/x.md:7: the picture "foto-kelas.jpg" is not there: no file content/berita/foto-kelas.jpg; correct the name or add the file to the page's folder`,
		},
		wantID: []string{
			`content/berita/x.md:7: gambar "foto-kelas.jpg" tidak ada: tidak ada berkas content/berita/foto-kelas.jpg; perbaiki namanya atau tambahkan berkasnya ke folder halaman`,
		},
	},
	{
		name: "text for other site generators",
		site: `
-- content/berita/x.md --
---
title: Judul
date: 2025-07-29
---
import Chart from '../components/Chart'

{{< youtube abc123 >}}

{% include kepala.html %}

<Chart data={angka} />
`,
		want: []string{
			`content/berita/x.md:5: warning: "import Chart from '../components/Chart'" is an MDX import, and warta does not run imports: the line is shown as text; remove it`,
			`content/berita/x.md:7: warning: {{< youtube abc123 >}} is a Hugo shortcode, and warta does not run shortcodes: it is shown as text; write a link [title](address) or a picture ![description](file.jpg) instead`,
			`content/berita/x.md:9: warning: {% include kepala.html %} is a Liquid tag (Jekyll, Hexo), and warta does not run these tags: it is shown as text; write the text itself, a link [title](address), or a code block between ` + "```" + ` lines`,
			`content/berita/x.md:11: warning: <Chart data={angka} /> is an MDX component, and warta does not run components: it is shown as text; write a link, a picture ![description](file.jpg) or a plain paragraph instead`,
		},
		wantID: []string{
			`content/berita/x.md:5: peringatan: "import Chart from '../components/Chart'" adalah import MDX, dan warta tidak menjalankan import: baris itu tampil apa adanya; hapus baris itu`,
			`content/berita/x.md:7: peringatan: {{< youtube abc123 >}} adalah shortcode Hugo, dan warta tidak menjalankan shortcode: teks itu tampil apa adanya; tulis tautan [judul](alamat) atau gambar ![keterangan](berkas.jpg) sebagai gantinya`,
			`content/berita/x.md:9: peringatan: {% include kepala.html %} adalah tag Liquid (Jekyll, Hexo), dan warta tidak menjalankan tag seperti itu: teks itu tampil apa adanya; tulis teksnya langsung, tautan [judul](alamat), atau blok kode di antara baris ` + "```",
			`content/berita/x.md:11: peringatan: <Chart data={angka} /> adalah komponen MDX, dan warta tidak menjalankan komponen: teks itu tampil apa adanya; tulis tautan, gambar ![keterangan](berkas.jpg) atau paragraf biasa sebagai gantinya`,
		},
	},
	{
		// One line of quote markers: cheap to scan, refused before goldmark
		// sees it (TestDeepNesting builds 10,000 levels).
		name: "nested too deep",
		site: `
-- content/berita/x.md --
---
title: Judul
date: 2025-07-29
---
Isi.

` + strings.Repeat("> ", markdown.MaxNesting+1) + `terlalu dalam
`,
		want: []string{
			`content/berita/x.md:7: lists or quotes are nested more than 100 levels deep here, and no page needs that many, so this page is not built: use fewer levels (for a quote, fewer > signs at the start of the line; for a list, fewer spaces before the -)`,
		},
		wantID: []string{
			`content/berita/x.md:7: daftar atau kutipan bersarang lebih dari 100 tingkat di sini; tidak ada halaman yang memerlukan sebanyak itu, jadi halaman tidak diolah: kurangi tingkatnya (untuk kutipan, kurangi tanda > di awal baris; untuk daftar, kurangi spasi di depan tanda -)`,
		},
	},
	{
		// Refused by its size at the walk, before it is read or parsed, so
		// the megabyte costs an allocation, not a build (TestHugeMarkdown
		// builds the largest pages accepted).
		name: "page too large",
		edit: func(fsys fstest.MapFS) {
			page := append([]byte("---\ntitle: Besar\ndate: 2025-07-29\n---\n"), bytes.Repeat([]byte("a"), content.MaxPageSize)...)
			sitetest.Add(fsys, "content/berita/besar.md", page)
		},
		want: []string{
			`content/berita/besar.md: the page is 1025 KB, more than the 1024 KB a page may be; split it into several pages`,
		},
		wantID: []string{
			`content/berita/besar.md: halaman ini 1025 KB, lebih dari batas 1024 KB untuk satu halaman; pecah menjadi beberapa halaman`,
		},
	},

	// Bundle files published as they are lose the data that names people
	// (internal/scrub); what cannot be cleaned is refused, by name.
	{
		name: "document metadata removed",
		site: scrubModule("lembar.pdf"),
		edit: func(fsys fstest.MapFS) {
			sitetest.Add(fsys, "content/modul/sd/m/lembar.pdf", scrubtest.PDF(scrubtest.PDFOptions{}))
		},
		want: []string{
			`content/modul/sd/m/lembar.pdf: warning: "Author" in this document can name people; the published copy leaves it out (privacy.strip_document_metadata is on)`,
			`content/modul/sd/m/lembar.pdf: warning: "Company" in this document can name people; the published copy leaves it out (privacy.strip_document_metadata is on)`,
			`content/modul/sd/m/lembar.pdf: warning: "Creator" in this document can name people; the published copy leaves it out (privacy.strip_document_metadata is on)`,
			`content/modul/sd/m/lembar.pdf: warning: "XMP metadata" in this document can name people; the published copy leaves it out (privacy.strip_document_metadata is on)`,
		},
		wantID: []string{
			`content/modul/sd/m/lembar.pdf: peringatan: "Author" dalam dokumen ini dapat menyebut nama orang; salinan yang diterbitkan tidak memuatnya (privacy.strip_document_metadata aktif)`,
			`content/modul/sd/m/lembar.pdf: peringatan: "Company" dalam dokumen ini dapat menyebut nama orang; salinan yang diterbitkan tidak memuatnya (privacy.strip_document_metadata aktif)`,
			`content/modul/sd/m/lembar.pdf: peringatan: "Creator" dalam dokumen ini dapat menyebut nama orang; salinan yang diterbitkan tidak memuatnya (privacy.strip_document_metadata aktif)`,
			`content/modul/sd/m/lembar.pdf: peringatan: "metadata XMP" dalam dokumen ini dapat menyebut nama orang; salinan yang diterbitkan tidak memuatnya (privacy.strip_document_metadata aktif)`,
		},
	},
	{
		name: "document metadata kept",
		site: scrubModule("lembar.pdf") + `
-- site.yaml --
privacy:
  strip_document_metadata: false
`,
		edit: func(fsys fstest.MapFS) {
			sitetest.Add(fsys, "content/modul/sd/m/lembar.pdf", scrubtest.PDF(scrubtest.PDFOptions{}))
		},
		want: []string{
			`content/modul/sd/m/lembar.pdf: warning: "Author" in this document can name people, and it is published with it because privacy.strip_document_metadata is off; remove it in the program that made the file, or turn the setting on`,
			`content/modul/sd/m/lembar.pdf: warning: "Company" in this document can name people, and it is published with it because privacy.strip_document_metadata is off; remove it in the program that made the file, or turn the setting on`,
			`content/modul/sd/m/lembar.pdf: warning: "Creator" in this document can name people, and it is published with it because privacy.strip_document_metadata is off; remove it in the program that made the file, or turn the setting on`,
			`content/modul/sd/m/lembar.pdf: warning: "XMP metadata" in this document can name people, and it is published with it because privacy.strip_document_metadata is off; remove it in the program that made the file, or turn the setting on`,
		},
		wantID: []string{
			`content/modul/sd/m/lembar.pdf: peringatan: "Author" dalam dokumen ini dapat menyebut nama orang, dan ikut diterbitkan karena privacy.strip_document_metadata dimatikan; hapus di program pembuat berkasnya, atau nyalakan pengaturan itu`,
			`content/modul/sd/m/lembar.pdf: peringatan: "Company" dalam dokumen ini dapat menyebut nama orang, dan ikut diterbitkan karena privacy.strip_document_metadata dimatikan; hapus di program pembuat berkasnya, atau nyalakan pengaturan itu`,
			`content/modul/sd/m/lembar.pdf: peringatan: "Creator" dalam dokumen ini dapat menyebut nama orang, dan ikut diterbitkan karena privacy.strip_document_metadata dimatikan; hapus di program pembuat berkasnya, atau nyalakan pengaturan itu`,
			`content/modul/sd/m/lembar.pdf: peringatan: "metadata XMP" dalam dokumen ini dapat menyebut nama orang, dan ikut diterbitkan karena privacy.strip_document_metadata dimatikan; hapus di program pembuat berkasnya, atau nyalakan pengaturan itu`,
		},
	},
	{
		// Why a file cannot be cleaned is said in each language; only the
		// technical detail of a damaged file (Go's zip reader, the
		// parsers of internal/scrub) stays as the reader wrote it.
		name: "files that cannot be cleaned",
		site: scrubModule("rahasia.pdf", "rusak.docx", "foto.heic", "foto.webp", "lama.doc", "aneh.pdf", "rusak.pdf", "rusak.png"),
		edit: func(fsys fstest.MapFS) {
			const dir = "content/modul/sd/m/"
			sitetest.Add(fsys, dir+"rahasia.pdf", scrubtest.PDF(scrubtest.PDFOptions{Encrypted: true}))
			sitetest.Add(fsys, dir+"rusak.docx", scrubtest.Corrupt(scrubtest.DOCX()))
			sitetest.Add(fsys, dir+"rusak.pdf", scrubtest.Corrupt(scrubtest.PDF(scrubtest.PDFOptions{})))
			sitetest.Add(fsys, dir+"rusak.png", scrubtest.Corrupt(scrubtest.PlainPNG(8, 8)))
			// HEIC and old Office files are told by their first bytes.
			sitetest.Add(fsys, dir+"foto.heic", append([]byte("\x00\x00\x00\x18ftypheic"), make([]byte, 64)...))
			sitetest.Add(fsys, dir+"lama.doc", append([]byte{0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1}, make([]byte, 512)...))
			sitetest.Add(fsys, dir+"foto.webp", scrubtest.SidewaysWebP(6))
			sitetest.Add(fsys, dir+"aneh.pdf", []byte("%PDF-1.4\n1 0 obj\n<< /Type /Metadata /Subtype /XML /Filter /ASCIIHexDecode /Length 8 >>\nstream\n42756469\nendstream\nendobj\ntrailer\n<< /Root 1 0 R >>\n"))
		},
		want: []string{
			`content/modul/sd/m/aneh.pdf: warta cannot remove the personal data from this PDF (its XMP metadata is compressed in a way warta cannot rewrite); save it again (a PDF: print it to a new PDF) and use that file`,
			`content/modul/sd/m/foto.heic: this is a HEIC file, which keeps the camera's position, the owner's name and other data that warta cannot remove; save it as JPEG or PNG and use that file instead`,
			`content/modul/sd/m/foto.webp: this WebP picture is stored sideways (EXIF orientation 6), and warta cannot turn it upright in this format once its metadata is gone; save it upright, or as JPEG`,
			`content/modul/sd/m/lama.doc: this is an old-format Office file (.doc), whose author fields warta cannot remove; save it as .docx, .xlsx, .pptx or PDF, or set privacy.strip_document_metadata: false to publish it as it is`,
			`content/modul/sd/m/rahasia.pdf: this PDF is protected with a password or encryption, so warta cannot remove the names in it; save a copy without protection and use that, or set privacy.strip_document_metadata: false to publish it as it is`,
			`content/modul/sd/m/rusak.docx: this DOCX file is damaged, or is not really a DOCX file, so warta cannot remove the personal data in it; open it in Word or LibreOffice and save it again as DOCX (technical detail: zip: not a valid zip file)`,
			`content/modul/sd/m/rusak.pdf: this PDF file is damaged, or is not really a PDF file, so warta cannot remove the personal data in it; open it in the program that made it and save it again, or print it to a new PDF (technical detail: it has no trailer)`,
			`content/modul/sd/m/rusak.png: this PNG file is damaged, or is not really a PNG file, so warta cannot remove the personal data in it; copy it again from the camera or phone, or open it in a picture editor and save it again as PNG (technical detail: chunk "IDAT" runs past the end)`,
		},
		wantID: []string{
			`content/modul/sd/m/aneh.pdf: warta tidak dapat menghapus data pribadi dari PDF ini (metadata XMP-nya dipadatkan dengan cara yang tidak dapat ditulis ulang warta); simpan ulang (PDF: cetak ke PDF baru) dan gunakan berkas itu`,
			`content/modul/sd/m/foto.heic: ini berkas HEIC, yang menyimpan lokasi kamera, nama pemilik, dan data lain yang tidak dapat dihapus warta; simpan sebagai JPEG atau PNG dan gunakan berkas itu`,
			`content/modul/sd/m/foto.webp: gambar WebP ini tersimpan miring (orientasi EXIF 6), dan warta tidak dapat menegakkannya dalam format ini setelah metadatanya dihapus; simpan dalam posisi tegak, atau sebagai JPEG`,
			`content/modul/sd/m/lama.doc: ini berkas Office format lama (.doc), yang kolom penulisnya tidak dapat dihapus warta; simpan sebagai .docx, .xlsx, .pptx, atau PDF, atau isi privacy.strip_document_metadata: false untuk menerbitkannya apa adanya`,
			`content/modul/sd/m/rahasia.pdf: PDF ini dilindungi kata sandi atau enkripsi, jadi warta tidak dapat menghapus nama-nama di dalamnya; simpan salinan tanpa perlindungan dan gunakan itu, atau isi privacy.strip_document_metadata: false untuk menerbitkannya apa adanya`,
			`content/modul/sd/m/rusak.docx: berkas DOCX ini rusak, atau sebenarnya bukan berkas DOCX, jadi warta tidak dapat menghapus data pribadi di dalamnya; buka di Word atau LibreOffice lalu simpan ulang sebagai DOCX (keterangan teknis: zip: not a valid zip file)`,
			`content/modul/sd/m/rusak.pdf: berkas PDF ini rusak, atau sebenarnya bukan berkas PDF, jadi warta tidak dapat menghapus data pribadi di dalamnya; buka di program pembuatnya lalu simpan ulang, atau cetak ke PDF baru (keterangan teknis: it has no trailer)`,
			`content/modul/sd/m/rusak.png: berkas PNG ini rusak, atau sebenarnya bukan berkas PNG, jadi warta tidak dapat menghapus data pribadi di dalamnya; salin lagi dari kamera atau ponsel, atau buka di program pengolah gambar lalu simpan ulang sebagai PNG (keterangan teknis: chunk "IDAT" runs past the end)`,
		},
	},

	// Program reach: data/sekolah.yaml, and the schools and totals a
	// report names.
	{
		// A name written as a list is told once: that it must be text,
		// not also that it is missing.
		name: "schools data file",
		site: reachSite + `
-- data/sekolah.yaml --
tk-negeri-1-metro-pusat:
  name: TK Negeri 1 Metro Pusat
  level: paud
  district: Metro Pusat
TK Pertiwi:
  name: TK Pertiwi
  level: tk
  district: Metro Pusat
sd-negeri-1-metro-pusat:
  name: [SD Negeri 1, Metro Pusat]
  level: sd
  district: Metro Pusat
sd-negeri-2-metro-pusat:
  name: SD Negeri 2 Metro Pusat
  level: sekolah dasar
  district: Metro Pusat
  npsn: 1080
  lat: selatan
  lon: 105.3067
  alamat: Jl. Ahmad Yani
smp-negeri-1-metro:
  name: SMP Negeri 1 Metro
  level: smp
sma-negeri-1-metro:
  name: SMA Negeri 1 Metro
  level: sma
  district: Metro Tengah
tk-negeri-1-metro-pusat:
  name: TK Negeri 1 Metro Pusat
slb-negeri-metro: SLB Negeri Metro
sd-inpres-2:
  name: SD Inpres 2
  level: {sd: true}
  district: Metro Pusat
`,
		want: []string{
			`data/sekolah.yaml:5: school key "TK Pertiwi" may use only lower-case letters, digits and hyphens (it becomes the address /sekolah/<key>/); write it like "tk-pertiwi"`,
			`data/sekolah.yaml:10: school "sd-negeri-1-metro-pusat": name must be text, not a list; write a single value, in quotes if it starts with [ or {`,
			`data/sekolah.yaml:15: school "sd-negeri-2-metro-pusat" has level "sekolah dasar"; write one of paud, sd, smp, sma, smk, slb`,
			`data/sekolah.yaml:17: warning: school "sd-negeri-2-metro-pusat": npsn "1080" is not an NPSN (8 digits); correct it or leave it out`,
			`data/sekolah.yaml:18: school "sd-negeri-2-metro-pusat": lat "selatan" is not a coordinate; write decimal degrees, like lat: -5.1131 and lon: 105.3067`,
			`data/sekolah.yaml:20: school "sd-negeri-2-metro-pusat" has an unknown field "alamat"; the fields are name, level, district, kelurahan, npsn, lat and lon`,
			`data/sekolah.yaml:21: school "smp-negeri-1-metro" needs district; add a line like district: Metro Pusat`,
			`data/sekolah.yaml:27: school "sma-negeri-1-metro" is in kecamatan "Metro Tengah", which is not one of the districts in site.yaml (Metro Pusat, Metro Utara); correct the name or add the kecamatan to site.yaml`,
			`data/sekolah.yaml:28: school "tk-negeri-1-metro-pusat" is listed twice (first on line 1); keep one`,
			`data/sekolah.yaml:30: school "slb-negeri-metro" needs its fields (name, level and district) under its key, not a single value; write it like slb-negeri-metro: {name: SLB Negeri Metro, level: slb, district: Metro Pusat}`,
			`data/sekolah.yaml:33: school "sd-inpres-2": level must be text, not a group of fields; write a single value, in quotes if it starts with [ or {`,
		},
		wantID: []string{
			`data/sekolah.yaml:5: kunci sekolah "TK Pertiwi" hanya boleh memakai huruf kecil, angka dan tanda hubung (kunci menjadi alamat /sekolah/<kunci>/); tulis seperti "tk-pertiwi"`,
			`data/sekolah.yaml:10: sekolah "sd-negeri-1-metro-pusat": name harus berupa teks, bukan daftar; tulis satu nilai saja, dan apit dengan tanda kutip bila diawali [ atau {`,
			`data/sekolah.yaml:15: sekolah "sd-negeri-2-metro-pusat" berjenjang "sekolah dasar"; tulis salah satu dari paud, sd, smp, sma, smk, slb`,
			`data/sekolah.yaml:17: peringatan: sekolah "sd-negeri-2-metro-pusat": npsn "1080" bukan NPSN (8 angka); perbaiki atau hapus`,
			`data/sekolah.yaml:18: sekolah "sd-negeri-2-metro-pusat": lat "selatan" bukan koordinat; tulis dalam derajat desimal, seperti lat: -5.1131 dan lon: 105.3067`,
			`data/sekolah.yaml:20: sekolah "sd-negeri-2-metro-pusat" memuat isian "alamat" yang tidak dikenal; isiannya adalah name, level, district, kelurahan, npsn, lat dan lon`,
			`data/sekolah.yaml:21: sekolah "smp-negeri-1-metro" memerlukan district; tambahkan baris seperti district: Metro Pusat`,
			`data/sekolah.yaml:27: sekolah "sma-negeri-1-metro" berada di kecamatan "Metro Tengah", yang tidak ada dalam districts di site.yaml (Metro Pusat, Metro Utara); perbaiki namanya atau tambahkan kecamatan itu di site.yaml`,
			`data/sekolah.yaml:28: sekolah "tk-negeri-1-metro-pusat" terdaftar dua kali (pertama di baris 1); sisakan satu`,
			`data/sekolah.yaml:30: sekolah "slb-negeri-metro" memerlukan isiannya (name, level dan district) di bawah kuncinya, bukan satu nilai saja; tulis seperti slb-negeri-metro: {name: SLB Negeri Metro, level: slb, district: Metro Pusat}`,
			`data/sekolah.yaml:33: sekolah "sd-inpres-2": level harus berupa teks, bukan kelompok isian; tulis satu nilai saja, dan apit dengan tanda kutip bila diawali [ atau {`,
		},
	},
	{
		name: "schools data file not YAML",
		site: reachSite + `
-- data/sekolah.yaml --
tk-negeri-1-metro-pusat: {name: TK Negeri 1, level: paud
`,
		want: []string{
			`data/sekolah.yaml:1: data/sekolah.yaml is not valid YAML: a group of fields opened with { is not closed with }, or a comma is missing between its fields`,
		},
		wantID: []string{
			`data/sekolah.yaml:1: data/sekolah.yaml bukan YAML yang valid: kelompok isian yang dibuka dengan { tidak ditutup dengan }, atau ada koma yang kurang di antara isiannya`,
		},
	},
	{
		name: "schools data file a list",
		site: reachSite + `
-- data/sekolah.yaml --
- tk-negeri-1-metro-pusat
- sd-negeri-1-metro-pusat
`,
		want: []string{
			`data/sekolah.yaml:1: data/sekolah.yaml must list the schools by key, like tk-negeri-1-metro-pusat: {name: ..., level: paud, district: Metro Pusat}`,
		},
		wantID: []string{
			`data/sekolah.yaml:1: data/sekolah.yaml harus mendaftar sekolah menurut kuncinya, seperti tk-negeri-1-metro-pusat: {name: ..., level: paud, district: Metro Pusat}`,
		},
	},
	{
		name: "schools a report names",
		site: reachSite + reachSchools + `
-- content/berita/2025-07-29-salah-ketik.md --
---
title: Kunjungan
date: 2025-07-29
district: Metro Utara
schools:
  - tk-negri-1-metro-pusat
  - sma-kartini
  - tk-negeri-1-metro-pusat
  - tk-negeri-1-metro-pusat
---
-- content/berita/2025-07-30-peserta-bentuk.md --
---
title: Kunjungan
date: 2025-07-30
schools: [tk-negeri-1-metro-pusat]
participants: 40
---
-- content/berita/2025-07-31-peserta-salah.md --
---
title: Kunjungan
date: 2025-07-31
schools: [tk-negeri-1-metro-pusat]
participants: {children: banyak, guru: 3}
---
`,
		want: []string{
			`content/berita/2025-07-29-salah-ketik.md:4: warning: district is "Metro Utara" but school "tk-negeri-1-metro-pusat" is in "Metro Pusat"; correct the district or the school`,
			`content/berita/2025-07-29-salah-ketik.md:6: school "tk-negri-1-metro-pusat" is not in data/sekolah.yaml; did you mean "tk-negeri-1-metro-pusat"? Write the key exactly as data/sekolah.yaml has it`,
			`content/berita/2025-07-29-salah-ketik.md:7: school "sma-kartini" is not in data/sekolah.yaml; correct the key, or add the school there (key, name, level, district)`,
			`content/berita/2025-07-29-salah-ketik.md:9: warning: school "tk-negeri-1-metro-pusat" is named twice; remove the second one`,
			`content/berita/2025-07-30-peserta-bentuk.md:5: participants must be totals, like participants: {children: 40, teachers: 3, parents: 12}`,
			`content/berita/2025-07-31-peserta-salah.md:5: participants has an unknown field "guru"; use children, teachers and parents (totals only, never names)`,
			`content/berita/2025-07-31-peserta-salah.md:5: participants: children must be a whole number of people (0 or more), not "banyak"; write the number only, like 40`,
		},
		wantID: []string{
			`content/berita/2025-07-29-salah-ketik.md:4: peringatan: district tertulis "Metro Utara" tetapi sekolah "tk-negeri-1-metro-pusat" berada di "Metro Pusat"; perbaiki district atau sekolahnya`,
			`content/berita/2025-07-29-salah-ketik.md:6: sekolah "tk-negri-1-metro-pusat" tidak ada di data/sekolah.yaml; mungkin maksudnya "tk-negeri-1-metro-pusat"? Tulis kuncinya persis seperti di data/sekolah.yaml`,
			`content/berita/2025-07-29-salah-ketik.md:7: sekolah "sma-kartini" tidak ada di data/sekolah.yaml; perbaiki kuncinya, atau tambahkan sekolahnya di sana (kunci, name, level, district)`,
			`content/berita/2025-07-29-salah-ketik.md:9: peringatan: sekolah "tk-negeri-1-metro-pusat" disebut dua kali; hapus yang kedua`,
			`content/berita/2025-07-30-peserta-bentuk.md:5: participants harus berupa jumlah, seperti participants: {children: 40, teachers: 3, parents: 12}`,
			`content/berita/2025-07-31-peserta-salah.md:5: participants memuat isian "guru" yang tidak dikenal; gunakan children, teachers dan parents (jumlah saja, jangan nama)`,
			`content/berita/2025-07-31-peserta-salah.md:5: participants: children harus berupa jumlah orang (bilangan bulat, 0 atau lebih), bukan "banyak"; tulis angkanya saja, misalnya 40`,
		},
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
			if tc.wantID != nil {
				id := strings.Split(strings.TrimSuffix(s.Result.Diags.Format("id"), "\n"), "\n")
				if !slices.Equal(id, tc.wantID) {
					t.Errorf("diagnostics in Indonesian:\n%s\nwant:\n%s", strings.Join(id, "\n"), strings.Join(tc.wantID, "\n"))
				}
			}
			fails := slices.ContainsFunc(tc.want, func(l string) bool { return !strings.Contains(l, " warning: ") })
			if (s.Err != nil) != fails {
				t.Errorf("build error = %v; want one only with error (not warning) diagnostics", s.Err)
			}
			mu.Lock()
			ran++
			for _, d := range s.Result.Diags.Items() {
				covered[d.Code] = true
				coverParts(covered, d.Args)
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
	diag.ValueOther:     "describe's default: the loaders give fields only text, numbers, true/false, lists and groups",
	diag.OutputUnsafe:   "cmd/warta TestUnsafeOutput",
	// Why a PDF cannot be cleaned, beyond the XMP case above: each needs a
	// PDF built to break one rule of its structure.
	diag.ScrubWhyNoRoom:      "internal/scrub TestErrorDiagnostic",
	diag.ScrubWhyInfoUnread:  "internal/scrub TestErrorDiagnostic",
	diag.ScrubWhyNoStartxref: "internal/scrub TestErrorDiagnostic",
	diag.ScrubWhyStartxref:   "internal/scrub TestErrorDiagnostic",
	diag.ScrubWhyXrefTable:   "internal/scrub TestErrorDiagnostic",
	diag.ScrubWhyXrefUnread:  "internal/scrub TestErrorDiagnostic",
}

// coverParts marks the codes of the Parts among args (a message's
// details kept in the catalogue) as covered, with the Parts inside them.
func coverParts(covered map[diag.Code]bool, args []any) {
	for _, a := range args {
		if p, ok := a.(diag.Part); ok {
			covered[p.Code] = true
			coverParts(covered, p.Args)
		}
	}
}

// commandPrefixes mark codes of the command line, not of a build.
var commandPrefixes = []string{"build-", "interrupted", "unknown-command", "serve-", "new-", "check-", "link-", "date-far-", "image-progress"}

// checkCoverage fails when a catalogue code that a build can produce has
// no case in diagnosticCases: every message staff can see is checked here
// word for word.
func checkCoverage(t *testing.T, covered map[diag.Code]bool) {
	for _, file := range buildCatalogues {
		checkCatalogue(t, "../diag/"+file, covered)
	}
}

// buildCatalogues are the catalogue files whose messages a build of a site
// folder can produce; the other rooms' (newsroom, team, deploy, auth) are
// checked by their own packages' tests.
var buildCatalogues = []string{"catalog.go", "catalog_content.go", "catalog_scrub.go", "catalog_reach.go", "catalog_yaml.go"}

func checkCatalogue(t *testing.T, file string, covered map[diag.Code]bool) {
	f, err := parser.ParseFile(token.NewFileSet(), file, nil, parser.SkipObjectResolution)
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
					t.Errorf("diag.%s (%q, %s) has no case in diagnosticCases", name.Name, code, file)
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
		// the front matter, where the "]" was expected; diag.YAMLErrorAt
		// puts it back on the line of its "[".
		`content/berita/b.md:2: the YAML front matter is not valid: a list opened with [ is not closed with ], or a comma is missing between its items`,
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
	// And a YAML mistake, with the line as it should be (no "\r" in it).
	sitetest.Add(fsys, "content/berita/2025-07-30-bom.md", bom(crlf("---\n\ntitle: Rapat: PAUD\ndate: 2025-07-30\n---\n")))
	s = sitetest.Build(t, fsys, sitetest.Options{})
	want := []string{
		`content/berita/2025-07-29-crlf.md:4: date "29-07-2025" is not a date; write it as 2025-07-29 (or 2025-07-29T09:00:00+07:00)`,
		`content/berita/2025-07-30-bom.md:3: the YAML front matter is not valid: the value holds a colon (:), which starts a new field; put the whole value in quotes, like this: title: "Rapat: PAUD"`,
	}
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

// scrubModule is a module whose attachments are files (added by the
// case's edit) that go out through internal/scrub.
func scrubModule(files ...string) string {
	var b strings.Builder
	b.WriteString("\n-- content/modul/sd/m/index.md --\n---\ntitle: M\nlevel: sd\nattachments:\n")
	for _, f := range files {
		b.WriteString("  - {file: " + f + ", title: Lampiran}\n")
	}
	b.WriteString("---\nIsi.\n")
	return b.String()
}

// reachSite is the settings of a site with program reach: its kecamatan.
const reachSite = `
-- site.yaml --
title: Dinas Sosial Kota Metro
districts:
  - {name: Metro Pusat}
  - {name: Metro Utara}
-- content/_index.md --
Beranda.
`

// reachSchools is a valid data/sekolah.yaml for reachSite.
const reachSchools = `
-- data/sekolah.yaml --
tk-negeri-1-metro-pusat:
  name: TK Negeri 1 Metro Pusat
  level: paud
  district: Metro Pusat
`
