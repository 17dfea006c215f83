package schema

// The fields, once. Keep README's "Fields" table in step: TestREADMEFields
// fails when they drift.

// order is the writing order of every key; each kind's list below is in
// this order too, so a key added to a page lands where a person would
// have written it.
var order = []string{
	"title", "level", "ages", "duration", "date", "summary",
	"location", "district", "school", "schools", "participants", "program", "tags",
	"topics", "objectives", "materials",
	"cover", "cover_alt", "consent", "gallery", "photos", "attachments",
	"author", "slug", "weight", "draft", "review",
}

var kinds = map[string][]string{
	"news": {"title", "date", "summary", "location", "district", "schools", "participants", "program", "tags",
		"cover", "cover_alt", "consent", "gallery", "author", "slug", "weight", "draft", "review"},
	"module": {"title", "level", "ages", "duration", "date", "summary", "topics", "objectives", "materials",
		"attachments", "slug", "weight", "draft", "review"},
	"gallery": {"title", "date", "summary", "location", "district", "school", "consent", "photos",
		"slug", "weight", "draft", "review"},
	"page":    {"title", "summary", "slug", "weight", "draft", "review"},
	"home":    {"title", "summary"},
	"section": {"title", "ages", "summary", "weight"},
}

var fields = map[string]Field{
	"title": {Key: "title", Type: Text, Example: `"Judul halaman"`, New: true,
		label: T{"Judul", "Title"},
		help:  T{"Judul halaman, singkat dan jelas.", "The page's title, short and clear."}},
	"date": {Key: "date", Type: DateTime, Example: "2025-07-29",
		label: T{"Tanggal", "Date"},
		help: T{"Tanggal kegiatan, mis. 2025-07-29 (boleh dengan jam: 2025-07-29T09:00). Tanggal yang akan datang membuat halaman terjadwal: baru tampil pada hari itu.",
			"The day of the event, e.g. 2025-07-29 (a time may follow: 2025-07-29T09:00). A future date schedules the page: it appears on that day."}},
	"summary": {Key: "summary", Type: LongText, Example: `"Satu atau dua kalimat."`,
		label: T{"Ringkasan", "Summary"},
		help: T{"Satu atau dua kalimat untuk daftar dan pratinjau tautan. Boleh kosong: paragraf pertama yang dipakai.",
			"One or two sentences for lists and link previews. May stay empty: the first paragraph is used."}},
	"location": {Key: "location", Type: Text, Example: `"TK Negeri 1 Metro Pusat"`,
		label: T{"Tempat", "Location"},
		help:  T{"Nama sekolah atau tempat kegiatan.", "The school or venue of the event."}},
	"district": {Key: "district", Type: Choice, Example: `"Metro Pusat"`, Choices: "districts",
		label: T{"Kecamatan", "District"},
		help:  T{"Kecamatan tempat kegiatan, dari daftar di site.yaml.", "The kecamatan of the event, from the list in site.yaml."}},
	"schools": {Key: "schools", Type: Schools, Example: "[tk-negeri-1-metro-pusat]", Choices: "schools",
		label: T{"Sekolah", "Schools"},
		help:  T{"Sekolah yang dikunjungi, dari data sekolah situs (data/sekolah.yaml).", "The schools visited, from the site's school data (data/sekolah.yaml)."}},
	"school": {Key: "school", Type: Choice, Example: "tk-negeri-1-metro-pusat", Choices: "schools",
		label: T{"Sekolah", "School"},
		help:  T{"Sekolah tempat foto diambil, dari data sekolah situs (data/sekolah.yaml).", "The school the photos were taken at, from the site's school data (data/sekolah.yaml)."}},
	"participants": {Key: "participants", Type: Group, Example: "{children: 50, teachers: 4, parents: 20}",
		label: T{"Peserta", "Participants"},
		help:  T{"Jumlah peserta kegiatan (angka saja, tanpa nama).", "How many took part (numbers only, never names)."},
		Items: []Field{
			{Key: "children", Type: Number, Example: "50", label: T{"Anak", "Children"}, help: T{"Jumlah anak yang ikut.", "How many children took part."}},
			{Key: "teachers", Type: Number, Example: "4", label: T{"Guru", "Teachers"}, help: T{"Jumlah guru yang ikut.", "How many teachers took part."}},
			{Key: "parents", Type: Number, Example: "20", label: T{"Orang tua", "Parents"}, help: T{"Jumlah orang tua yang ikut.", "How many parents took part."}},
		}},
	"program": {Key: "program", Type: Text, Example: `"Peksos Go To School"`, Suggest: "program",
		Default: "Peksos Go To School", New: true,
		label: T{"Program", "Program"},
		help:  T{"Program dinas yang menaungi kegiatan.", "The department's program the event belongs to."}},
	"tags": {Key: "tags", Type: List, Example: "[paud, perlindungan anak]", Suggest: "tags", New: true,
		label: T{"Label", "Tags"},
		help:  T{"Kata kunci untuk mengelompokkan berita.", "Keywords that group reports together."}},
	"level": {Key: "level", Type: Choice, Required: true, Example: "sd", Choices: "levels", New: true,
		label: T{"Jenjang", "Level"},
		help:  T{"Jenjang sekolah: paud, sd atau smp; sama dengan folder modul.", "The school level: paud, sd or smp; the same as the module's folder."}},
	"ages": {Key: "ages", Type: Text, Example: `"7-12"`, New: true,
		label: T{"Usia", "Ages"},
		help:  T{"Usia anak, mis. \"4-6\" (PAUD), \"7-12\" (SD), \"13-15\" (SMP).", "The children's ages, e.g. \"4-6\" (PAUD), \"7-12\" (SD), \"13-15\" (SMP)."}},
	"duration": {Key: "duration", Type: Text, Example: `"35 menit"`, Default: "35 menit", New: true,
		label: T{"Durasi", "Duration"},
		help:  T{"Lama kegiatan, mis. \"35 menit\".", "How long the lesson takes, e.g. \"35 menit\"."}},
	"topics": {Key: "topics", Type: List, Example: "[emosi, perundungan]", Suggest: "topics", New: true,
		label: T{"Topik", "Topics"},
		help:  T{"Topik modul; setiap topik mendapat halamannya sendiri.", "The module's topics; each topic gets a page of its own."}},
	"objectives": {Key: "objectives", Type: List, Example: `["Murid dapat ..."]`, New: true,
		label: T{"Tujuan", "Objectives"},
		help:  T{"Apa yang dapat dilakukan murid setelah kegiatan, satu per baris.", "What pupils can do after the lesson, one per line."}},
	"materials": {Key: "materials", Type: List, Example: `["Kertas manila"]`, New: true,
		label: T{"Bahan", "Materials"},
		help:  T{"Alat dan bahan yang disiapkan guru, satu per baris.", "What the teacher prepares, one per line."}},
	"cover": {Key: "cover", Type: File, Example: "sampul.jpg", New: true,
		label: T{"Foto sampul", "Cover photo"},
		help:  T{"Foto sampul: berkas di folder halaman ini, mis. sampul.jpg.", "The cover photo: a file in this page's folder, e.g. sampul.jpg."}},
	"cover_alt": {Key: "cover_alt", Type: Text, Example: `"Anak-anak duduk melingkar bersama pekerja sosial"`, New: true,
		label: T{"Keterangan foto sampul", "Cover description"},
		help:  T{"Apa yang tampak di foto sampul, untuk pembaca yang tidak dapat melihatnya.", "What the cover shows, for readers who cannot see it."}},
	"consent": {Key: "consent", Type: Bool, Example: "true", Default: false, New: true,
		label: T{"Izin foto", "Photo consent"},
		help:  T{"true bila orang di foto (atau orang tuanya) sudah mengizinkan foto diterbitkan.", "true when the people in the photos (or their parents) agreed to publication."}},
	"gallery": {Key: "gallery", Type: Gallery, Example: "galeri/2025-07-29-tk-negeri-1-metro-pusat", Choices: "galleries", New: true,
		label: T{"Galeri", "Gallery"},
		help:  T{"Galeri foto kegiatan ini, mis. galeri/2025-07-29-tk-negeri-1-metro-pusat.", "The photo gallery of this event, e.g. galeri/2025-07-29-tk-negeri-1-metro-pusat."}},
	"photos": {Key: "photos", Type: Entries, Example: "[{file: foto-01.jpg, alt: \"...\"}]", New: true,
		label: T{"Foto", "Photos"},
		help: T{"Foto di folder galeri ini, masing-masing dengan keterangan dan teks alternatif.",
			"The photos in this gallery's folder, each with a caption and a description."},
		Items: []Field{
			{Key: "file", Type: File, Required: true, Example: "foto-01.jpg",
				label: T{"Berkas", "File"}, help: T{"Nama berkas foto di folder ini.", "The photo's file name in this folder."}},
			{Key: "caption", Type: Text, Example: `"Anak-anak bermain bersama pekerja sosial"`,
				label: T{"Keterangan", "Caption"}, help: T{"Kalimat di bawah foto.", "The sentence shown under the photo."}},
			{Key: "alt", Type: Text, Example: `"Anak-anak TK duduk melingkar bersama dua pekerja sosial"`,
				label: T{"Teks alternatif", "Description"}, help: T{"Apa yang tampak di foto, untuk pembaca layar.", "What the photo shows, for screen readers."}},
			{Key: "consent", Type: Bool, Example: "true",
				label: T{"Izin", "Consent"}, help: T{"Izin untuk foto ini saja (mengalahkan izin galeri).", "Consent for this photo only (overrides the gallery's)."}},
		}},
	"attachments": {Key: "attachments", Type: Entries, Example: "[{file: lembar-kerja.pdf, title: \"Lembar kerja\"}]", New: true,
		label: T{"Lampiran", "Attachments"},
		help:  T{"Berkas unduhan di folder modul ini, masing-masing dengan judul.", "Downloadable files in this module's folder, each with a title."},
		Items: []Field{
			{Key: "file", Type: File, Required: true, Example: "lembar-kerja.pdf",
				label: T{"Berkas", "File"}, help: T{"Nama berkas di folder ini.", "The file's name in this folder."}},
			{Key: "title", Type: Text, Example: `"Lembar kerja"`,
				label: T{"Judul", "Title"}, help: T{"Judul unduhan yang dibaca pengunjung.", "The title visitors read."}},
		}},
	"author": {Key: "author", Type: Text, Example: `"Tim Humas Dinas Sosial"`, Default: "Tim Humas Dinas Sosial", New: true,
		label: T{"Penulis", "Author"},
		help:  T{"Nama penulis atau tim.", "The writer's or team's name."}},
	"slug": {Key: "slug", Type: Text, Example: "kunjungan-sekolah",
		label: T{"Alamat (slug)", "Address (slug)"},
		help:  T{"Bagian akhir alamat halaman; kosong: dari nama berkas.", "The last part of the page's address; empty: from the file name."}},
	"weight": {Key: "weight", Type: Number, Example: "1",
		label: T{"Urutan", "Order"},
		help:  T{"Urutan di daftar: angka kecil lebih dulu.", "Order in lists: smaller numbers first."}},
	"draft": {Key: "draft", Type: Bool, Example: "true", Default: true, New: true,
		label: T{"Draf", "Draft"},
		help:  T{"true selama halaman belum boleh terbit; false untuk menerbitkannya.", "true while the page must not be published; false to publish it."}},
	"review": {Key: "review", Type: Bool, Example: "true",
		label: T{"Siap ditinjau", "Ready for review"},
		help:  T{"true bila draf siap ditinjau penyunting.", "true when the draft is ready for an editor's review."}},
}

// kindFields holds the fields that differ by kind ("kind.key").
var kindFields = map[string]Field{}

func init() {
	need := func(kind, key string, edit func(*Field)) {
		f := fields[key]
		edit(&f)
		kindFields[kind+"."+key] = f
	}
	required := func(f *Field) { f.Required = true }
	for _, k := range []string{"news", "module", "gallery"} {
		need(k, "title", required)
	}
	need("news", "date", func(f *Field) { f.Required, f.New = true, true })
	need("gallery", "date", func(f *Field) { f.Required, f.New = true, true })
	need("module", "date", func(f *Field) {
		f.help = T{"Opsional: mengurutkan umpan jenjang, terbaru lebih dulu.", "Optional: orders the level's feed, newest first."}
	})
	need("news", "summary", func(f *Field) { f.New = true })
	need("module", "summary", func(f *Field) { f.New = true })
	need("news", "consent", func(f *Field) {
		f.help = T{"true bila orang di foto sampul dan foto di teks (atau orang tuanya) sudah mengizinkan.",
			"true when the people in the cover and the pictures of the text (or their parents) agreed."}
	})
	need("gallery", "consent", func(f *Field) {
		f.help = T{"true hanya bila izin sekolah mencakup SEMUA foto di galeri ini.",
			"true only when the school's consent covers EVERY photo of this gallery."}
	})
	need("gallery", "location", func(f *Field) { f.New = true })
	need("gallery", "district", func(f *Field) { f.New = true })
	need("news", "location", func(f *Field) { f.New = true })
	need("news", "district", func(f *Field) { f.New = true })
	need("section", "ages", func(f *Field) { f.New = false })

	for kind := range kinds {
		byKind[kind] = map[string]Field{}
		for _, f := range For(kind) {
			byKind[kind][f.Key] = f
		}
	}
}

// byKind indexes each kind's fields by key: Lookup runs for every field of
// every page a build loads.
var byKind = map[string]map[string]Field{}
