package diag

import "fmt"

// Code names one kind of message in the catalogue.
type Code string

// The catalogue: every user-facing message, in English and Indonesian.
// Formats take fmt verbs; %q quotes a value the way the user wrote it.
// Keep the fix in the message ("write it as ...") wherever there is one.
const (
	WarningPrefix Code = "warning-prefix"

	ReadFailed          Code = "read-failed"
	NotUTF8             Code = "not-utf8"
	FrontMatterSyntax   Code = "front-matter-syntax"
	FrontMatterUnclosed Code = "front-matter-unclosed"
	FieldRequired       Code = "field-required"
	FieldNotDate        Code = "field-not-date"
	FieldNotText        Code = "field-not-text"
	FieldNotList        Code = "field-not-list"
	FieldNotBool        Code = "field-not-bool"
	FieldNotMapList     Code = "field-not-map-list"
	FieldItemsAnd       Code = "field-items-and" // "file, title and alt"
	ValueOther          Code = "value-other"     // what a field holds instead, for FieldNotText
	LevelUnknown        Code = "level-unknown"
	LevelMismatch       Code = "level-mismatch"
	ModuleOutsideLevel  Code = "module-outside-level"
	ResourceMissing     Code = "resource-missing"
	ResourceOutside     Code = "resource-outside"
	GalleryMissing      Code = "gallery-missing"
	URLCollision        Code = "url-collision"
	URLCollisionForm    Code = "url-collision-form"
	SlugEmpty           Code = "slug-empty"
	TemplateParse       Code = "template-parse"
	TemplateExec        Code = "template-exec"
	TemplateMissing     Code = "template-missing"
	ConfigSyntax        Code = "config-syntax"
	ConfigInvalid       Code = "config-invalid"
	ConfigUnknownKey    Code = "config-unknown-key"
	ConfigWrongType     Code = "config-wrong-type"
	AssetFailed         Code = "asset-failed"
	MarkdownFailed      Code = "markdown-failed"
	OutputFailed        Code = "output-failed"
	SymlinkOutside      Code = "symlink-outside"
	SymlinkBroken       Code = "symlink-broken"
	SymlinkInside       Code = "symlink-inside"
	ContentMissing      Code = "content-missing"
	OutputUnsafe        Code = "output-unsafe"
	PhotoNoConsent      Code = "photo-no-consent"
	AttachmentUnlisted  Code = "attachment-unlisted"
	BundleOutside       Code = "bundle-outside"
	PDFNoBrowser        Code = "pdf-no-browser"
	PDFFailed           Code = "pdf-failed"

	// Summaries and command-line text.
	BuildSummary Code = "build-summary"
	BuildFailed  Code = "build-failed"
	BuildStages  Code = "build-stages"
	// OutputForeign keeps the "build-" prefix of command-line text: only
	// the command checks the output folder (publish.CheckOwned).
	OutputForeign Code = "build-output-foreign"
	Interrupted   Code = "interrupted"
	UnknownCmd    Code = "unknown-command"

	// serve.
	ServeFirstBuild    Code = "serve-first-build"
	ServeRebuilt       Code = "serve-rebuilt"
	ServeRebuildFailed Code = "serve-rebuild-failed"
	ServeOverlayTitle  Code = "serve-overlay-title"
	ServeOverlayIntro  Code = "serve-overlay-intro"
	ServeOverlayHint   Code = "serve-overlay-hint"
	ServeListening     Code = "serve-listening"
	ServeStopped       Code = "serve-stopped"
	ServeChanged       Code = "serve-changed"
	ServeChangedMany   Code = "serve-changed-many"

	// new.
	NewUnknownKind Code = "new-unknown-kind"
	NewNeedsLevel  Code = "new-needs-level"
	NewExists      Code = "new-exists"
	NewCreated     Code = "new-created"
	NewNextBerita  Code = "new-next-berita"
	NewNextModul   Code = "new-next-modul"
	NewNextGaleri  Code = "new-next-galeri"
	NewUsage       Code = "new-usage"

	// check.
	LinkNoPage    Code = "link-no-page"
	LinkMissing   Code = "link-missing"
	LinkOffBase   Code = "link-off-base"
	LinkInvalid   Code = "link-invalid"
	DateFarFuture Code = "date-far-future"
	DateFarPast   Code = "date-far-past"
	CheckSummary  Code = "check-summary"
	CheckClean    Code = "check-clean"

	// Images (internal/imageproc, internal/render/images.go).
	CoverNoConsent   Code = "cover-no-consent"
	ImageNoConsent   Code = "image-no-consent"
	CoverNoAlt       Code = "cover-no-alt"
	PhotoNoAlt       Code = "photo-no-alt"
	PhotoUnlisted    Code = "photo-unlisted"
	ImageNoAlt       Code = "image-no-alt"
	ImageNotImage    Code = "image-not-image"
	ImageUnsupported Code = "image-unsupported"
	ImageTooLarge    Code = "image-too-large"
	ImageCorrupt     Code = "image-corrupt"
	ImageFailed      Code = "image-failed"
	BuildImages      Code = "build-images"
	ImageProgress    Code = "image-progress"
)

type text struct{ en, id string }

type messages map[Code]text

var catalogue = messages{
	WarningPrefix: {"warning", "peringatan"},

	ReadFailed: {"cannot read the file: %v", "berkas tidak dapat dibaca: %v"},
	NotUTF8: {"the file is not UTF-8 text; save it again with UTF-8 encoding",
		"berkas bukan teks UTF-8; simpan ulang dengan pengodean UTF-8"},
	FrontMatterSyntax: {"the %s front matter is not valid: %s",
		"front matter %s tidak valid: %s"},
	FrontMatterUnclosed: {"the front matter opened with %q is never closed; add a line %q after the last field",
		"front matter yang dibuka dengan %q tidak pernah ditutup; tambahkan baris %q setelah isian terakhir"},
	FieldRequired: {"%q is required; add a line like %s to the front matter",
		"%q wajib diisi; tambahkan baris seperti %s pada front matter"},
	FieldNotDate: {"%s %q is not a date; write it as 2025-07-29 (or 2025-07-29T09:00:00+07:00)",
		"%s %q bukan tanggal; tulis seperti 2025-07-29 (atau 2025-07-29T09:00:00+07:00)"},
	FieldNotText: {"%q must be text, not %s; put the value in quotes",
		"%q harus berupa teks, bukan %s; apit nilainya dengan tanda kutip"},
	FieldNotList: {"%q must be a list, like [satu, dua] or one \"- item\" per line",
		"%q harus berupa daftar, seperti [satu, dua] atau satu \"- isian\" per baris"},
	FieldNotBool: {"%q must be true or false, not %q", "%q harus true atau false, bukan %q"},
	FieldNotMapList: {"%q must be a list of entries, each with %s",
		"%q harus berupa daftar isian, masing-masing dengan %s"},
	FieldItemsAnd: {"%s and %s", "%s dan %s"},
	ValueOther:    {"another kind of value", "nilai jenis lain"},
	LevelUnknown: {"level %q is not a school level; use paud, sd or smp",
		"jenjang %q tidak dikenal; gunakan paud, sd, atau smp"},
	LevelMismatch: {"level %q does not match the folder modul/%s/; write level: %s or move the module to modul/%s/",
		"jenjang %q tidak sesuai dengan folder modul/%s/; tulis level: %s atau pindahkan modul ke modul/%s/"},
	ModuleOutsideLevel: {"a module must live in modul/paud/, modul/sd/ or modul/smp/; move it into one of them",
		"modul harus berada di modul/paud/, modul/sd/, atau modul/smp/; pindahkan ke salah satunya"},
	ResourceMissing: {"%s %q is not in the page's folder %s; put the file there or correct the name",
		"%s %q tidak ada di folder halaman %s; letakkan berkasnya di sana atau perbaiki namanya"},
	ResourceOutside: {"%s %q points outside the page's folder; use the name of a file inside %s",
		"%s %q menunjuk ke luar folder halaman; gunakan nama berkas di dalam %s"},
	GalleryMissing: {"gallery %q does not exist; use the folder of a gallery, like galeri/2025-07-29-nama-kegiatan",
		"galeri %q tidak ada; gunakan folder sebuah galeri, seperti galeri/2025-07-29-nama-kegiatan"},
	URLCollision: {"this page and %s would both be published at %s; change the slug or the file name of one of them",
		"halaman ini dan %s sama-sama akan diterbitkan di %s; ubah slug atau nama berkas salah satunya"},
	URLCollisionForm: {"this file and %s have the same name, written in two Unicode forms (one with its accents as separate marks, as macOS saves names), and both would be published at %s; delete one of them",
		"berkas ini dan %s bernama sama, ditulis dalam dua bentuk Unicode (salah satunya dengan tanda aksen terpisah, seperti nama simpanan macOS), dan keduanya akan diterbitkan di %s; hapus salah satunya"},
	SlugEmpty: {"cannot make a web address from %q; give the page a slug: with letters or digits",
		"alamat web tidak dapat dibuat dari %q; beri halaman ini slug: berisi huruf atau angka"},
	TemplateParse: {"template error: %s", "kesalahan templat: %s"},
	TemplateExec: {"template %s failed for the page at %s: %s",
		"templat %s gagal untuk halaman %s: %s"},
	TemplateMissing: {"no template %q in layouts/ or the built-in theme; add layouts/%s",
		"templat %q tidak ada di layouts/ maupun tema bawaan; tambahkan layouts/%s"},
	ConfigSyntax:    {"site.yaml is not valid YAML: %s", "site.yaml bukan YAML yang valid: %s"},
	ConfigInvalid:   {"%s: %s", "%s: %s"},
	ConfigWrongType: {"%q is not the right kind of value here; write %s", "%q bukan jenis nilai yang tepat di sini; tulis %s"},
	ConfigUnknownKey: {"unknown setting %q; check its spelling (known settings are listed in the README)",
		"pengaturan %q tidak dikenal; periksa ejaannya (daftar pengaturan ada di README)"},
	AssetFailed:    {"cannot process the asset: %v", "aset tidak dapat diproses: %v"},
	MarkdownFailed: {"cannot render the Markdown: %v", "Markdown tidak dapat diolah: %v"},
	OutputFailed:   {"cannot write the site: %v", "situs tidak dapat ditulis: %v"},
	SymlinkOutside: {"this link leads outside the site folder; copy the file into the site instead",
		"tautan ini mengarah ke luar folder situs; salin berkasnya ke dalam situs"},
	SymlinkBroken: {"this link leads nowhere: %s is missing, or links back round in a loop; remove the link",
		"tautan ini tidak mengarah ke mana pun: %s tidak ada, atau menaut kembali berputar-putar; hapus tautan ini"},
	SymlinkInside: {"this is a link to %s, and warta does not follow links; move or copy the file here instead of linking to it",
		"ini tautan ke %s, dan warta tidak mengikuti tautan; pindahkan atau salin berkasnya ke sini alih-alih menautkannya"},
	ContentMissing: {"there is no content/ folder; create it with at least content/_index.md",
		"folder content/ tidak ada; buat folder itu dengan setidaknya content/_index.md"},
	PhotoNoConsent: {"photo %q has no consent to be published; add consent: true to the gallery when the school's consent covers every photo, or consent: true to this photo (consent: false keeps it off the site)",
		"foto %q belum memiliki izin untuk diterbitkan; tambahkan consent: true pada galeri bila izin sekolah mencakup semua foto, atau consent: true pada foto ini (consent: false membuat foto tidak ditampilkan)"},
	OutputUnsafe: {"refusing to build into %s", "menolak membangun ke %s"},
	AttachmentUnlisted: {"%q is in the module's folder but not listed in attachments, so it is not published; add it to attachments (- file: %s) or remove it from the folder",
		"%q ada di folder modul tetapi tidak tercantum di attachments, jadi tidak diterbitkan; tambahkan ke attachments (- file: %s) atau hapus dari folder"},
	BundleOutside: {"the offline copy of this module loads %s from the web; put the file in the module's folder so that the download works without internet",
		"salinan luring modul ini memuat %s dari web; letakkan berkasnya di folder modul agar unduhan dapat dibuka tanpa internet"},
	PDFNoBrowser: {"module PDFs were not made: %v; install Chromium (sudo apt-get install chromium) or set CHROME_PATH, then build again",
		"PDF modul tidak dibuat: %v; pasang Chromium (sudo apt-get install chromium) atau isi CHROME_PATH, lalu bangun ulang"},
	PDFFailed: {"the PDF of this module was not made: %v", "PDF modul ini tidak dibuat: %v"},

	BuildSummary: {"%d pages (%d sections, %d files) in %s: %d made, %d unchanged; %s",
		"%d halaman (%d bagian, %d berkas) di %s: %d dibuat, %d tidak berubah; %s"},
	BuildFailed: {"build failed with %d error(s); %s was left as it was",
		"pembangunan gagal dengan %d kesalahan; %s tidak diubah"},
	BuildStages: {"stages: %s", "tahapan: %s"},
	OutputForeign: {"refusing to build into %s: the folder is not empty and was not made by warta, and a build replaces everything in it; choose a new or empty folder, or add --force to replace its contents",
		"menolak membangun ke %s: folder itu tidak kosong dan bukan buatan warta, padahal pembangunan mengganti seluruh isinya; pilih folder baru atau kosong, atau tambahkan --force untuk mengganti isinya"},
	Interrupted: {"build interrupted; %s was left as it was",
		"pembangunan dihentikan; %s tidak diubah"},
	UnknownCmd: {"unknown command %q; run \"warta help\" to see the commands",
		"perintah %q tidak dikenal; jalankan \"warta help\" untuk melihat daftar perintah"},
	ServeFirstBuild:    {"first build", "pembangunan pertama"},
	ServeRebuilt:       {"%d pages rendered, %d unchanged, in %s", "%d halaman dibuat ulang, %d tidak berubah, dalam %s"},
	ServeRebuildFailed: {"%d error(s), the browser shows them (%s)", "%d kesalahan, ditampilkan di peramban (%s)"},
	ServeOverlayTitle:  {"The site cannot be built yet", "Situs belum dapat dibangun"},
	ServeOverlayIntro: {"Fix these %d problem(s) and save: this page reloads by itself.",
		"Perbaiki %d masalah berikut lalu simpan: halaman ini akan dimuat ulang sendiri."},
	ServeOverlayHint: {"The published site is not affected: nothing is written while you preview.",
		"Situs yang sudah terbit tidak terpengaruh: pratinjau tidak menulis apa pun."},
	ServeListening:   {"preview at %s (Ctrl-C to stop)", "pratinjau di %s (Ctrl-C untuk berhenti)"},
	ServeStopped:     {"preview stopped", "pratinjau dihentikan"},
	ServeChanged:     {"%s changed", "%s berubah"},
	ServeChangedMany: {"%s and %d more changed", "%s dan %d berkas lain berubah"},

	CoverNoConsent: {"cover %q has no consent to be published; add consent: true to the front matter when the people in the picture (or their parents) agreed to its publication, or remove the cover",
		"sampul %q belum memiliki izin untuk diterbitkan; tambahkan consent: true pada front matter bila orang di foto (atau orang tuanya) sudah mengizinkan, atau hapus sampulnya"},
	ImageNoConsent: {"image %q has no consent to be published; add consent: true to the front matter when the people in it (or their parents) agreed to its publication, or remove the image",
		"gambar %q belum memiliki izin untuk diterbitkan; tambahkan consent: true pada front matter bila orang di gambar (atau orang tuanya) sudah mengizinkan, atau hapus gambarnya"},
	CoverNoAlt: {"cover %q has no description for readers who cannot see it; add cover_alt: \"what the picture shows\"",
		"sampul %q belum memiliki keterangan untuk pembaca yang tidak dapat melihatnya; tambahkan cover_alt: \"apa yang tampak di gambar\""},
	PhotoNoAlt: {"photo %q has no description for readers who cannot see it; add alt: \"what the photo shows\" (or a caption:) to it",
		"foto %q belum memiliki keterangan untuk pembaca yang tidak dapat melihatnya; tambahkan alt: \"apa yang tampak di foto\" (atau caption:) pada foto itu"},
	PhotoUnlisted: {"photo %q is in the gallery's folder but the gallery has no photos: list, so it has no description for readers who cannot see it; list every photo under photos: with file: %q and alt: \"what the photo shows\" (or a caption:)",
		"foto %q ada di folder galeri tetapi galeri belum memiliki daftar photos:, jadi foto itu tidak punya keterangan untuk pembaca yang tidak dapat melihatnya; daftarkan setiap foto di bawah photos: dengan file: %q dan alt: \"apa yang tampak di foto\" (atau caption:)"},
	ImageNoAlt: {"image %q has no description for readers who cannot see it; write it between the brackets: ![what the picture shows](%s)",
		"gambar %q belum memiliki keterangan untuk pembaca yang tidak dapat melihatnya; tulis di antara kurung siku: ![apa yang tampak di gambar](%s)"},
	ImageNotImage: {"this file is not a picture (it is not JPEG, PNG, GIF or WebP inside); replace it with the real photo",
		"berkas ini bukan gambar (isinya bukan JPEG, PNG, GIF, atau WebP); ganti dengan foto yang sebenarnya"},
	ImageUnsupported: {"this is a %s picture, which warta cannot read; save it as JPEG (or PNG) and use that file instead",
		"ini gambar %s yang tidak dapat dibaca warta; simpan sebagai JPEG (atau PNG) dan gunakan berkas itu"},
	ImageTooLarge: {"this picture is %d×%d pixels, too large to process safely (at most 100 megapixels); make it smaller first",
		"gambar ini berukuran %d×%d piksel, terlalu besar untuk diolah dengan aman (paling banyak 100 megapiksel); perkecil dulu"},
	ImageCorrupt: {"this picture is damaged or incomplete (%v); copy it again from the camera or phone",
		"gambar ini rusak atau tidak lengkap (%v); salin lagi dari kamera atau ponsel"},
	ImageFailed:    {"cannot process this picture: %v", "gambar ini tidak dapat diolah: %v"},
	BuildImages:    {"images: %d made, %d from the cache", "gambar: %d diolah, %d dari cache"},
	ImageProgress:  {"images %d/%d, about %s left", "gambar %d/%d, sekitar %s lagi"},
	NewUnknownKind: {"cannot make %q; use berita, modul or galeri", "tidak dapat membuat %q; gunakan berita, modul, atau galeri"},
	NewNeedsLevel: {"a module needs its level: add --level paud, --level sd or --level smp (got %q)",
		"modul perlu jenjang: tambahkan --level paud, --level sd, atau --level smp (tertulis %q)"},
	NewExists: {"%s exists already; nothing was changed. Choose another title, or edit the existing page",
		"%s sudah ada; tidak ada yang diubah. Pilih judul lain, atau sunting halaman yang sudah ada"},
	NewCreated: {"created %s", "dibuat: %s"},
	NewNextBerita: {"next: write the report in that file, put photos in the same folder, and preview with: warta serve. Set draft: false when it is ready to publish.",
		"berikutnya: tulis laporan di berkas itu, letakkan foto di folder yang sama, lalu lihat pratinjau dengan: warta serve. Ubah draft: false bila siap diterbitkan."},
	NewNextModul: {"next: write the lesson in that file, put worksheets in the same folder and list them under attachments, then preview with: warta serve. Set draft: false when it is ready.",
		"berikutnya: tulis pelajaran di berkas itu, letakkan lembar kerja di folder yang sama dan tulis di attachments, lalu lihat pratinjau dengan: warta serve. Ubah draft: false bila siap."},
	NewNextGaleri: {"next: put the photos in that folder, list each with caption and alt, set consent: true only when consent covers every photo, then preview with: warta serve.",
		"berikutnya: letakkan foto di folder itu, tulis setiap foto dengan caption dan alt, isi consent: true hanya bila izin mencakup semua foto, lalu lihat pratinjau dengan: warta serve."},
	NewUsage: {"usage: warta new berita|modul|galeri \"Judul\" [--level paud|sd|smp]",
		"cara pakai: warta new berita|modul|galeri \"Judul\" [--level paud|sd|smp]"},
	LinkNoPage: {"the link %q leads to %s, which is not a page of the site; correct the file name or remove the link",
		"tautan %q menuju %s, yang bukan halaman situs; perbaiki nama berkasnya atau hapus tautannya"},
	LinkMissing: {"the link %q leads nowhere: the site has nothing at %s; correct the address or remove the link",
		"tautan %q tidak menuju ke mana pun: situs tidak memiliki %s; perbaiki alamatnya atau hapus tautannya"},
	LinkOffBase: {"the link %q is outside the site: site addresses start with %s",
		"tautan %q berada di luar situs: alamat situs diawali %s"},
	LinkInvalid: {"the link %q is not a valid address%s", "tautan %q bukan alamat yang valid%s"},
	DateFarFuture: {"the date %s is more than a year ahead; is the year right? (pages dated in the future are not published until then)",
		"tanggal %s lebih dari setahun ke depan; apakah tahunnya benar? (halaman bertanggal masa depan baru terbit pada tanggal itu)"},
	DateFarPast:  {"the date %s is before 2000; is the year right?", "tanggal %s sebelum tahun 2000; apakah tahunnya benar?"},
	CheckSummary: {"%d error(s), %d warning(s) in %d pages", "%d kesalahan, %d peringatan di %d halaman"},
	CheckClean:   {"no problems found in %d pages", "tidak ada masalah di %d halaman"},
}

// register adds the messages of one catalogue file (catalog_*.go: one file
// per room, such as catalog_deploy.go) to the catalogue. Each file declares
// its Code constants and calls register from an init function; a code
// declared twice panics at start, so a clash never reaches a user.
func register(m messages) {
	for code, t := range m {
		if _, dup := catalogue[code]; dup {
			panic("diag: message code registered twice: " + string(code))
		}
		catalogue[code] = t
	}
}

func (m messages) render(lang string, code Code, args []any) string {
	t, ok := m[code]
	if !ok {
		return fmt.Sprint(append([]any{string(code) + ":"}, args...)...)
	}
	format := t.en
	if lang == "id" && t.id != "" {
		format = t.id
	}
	if len(args) == 0 {
		return format
	}
	return fmt.Sprintf(format, localize(lang, args)...)
}
