package diag

// Messages of content correctness (issue 12): files left out and why,
// text written for other site generators, limits on what a page may be,
// and the build's count of pages not published.
const (
	FrontMatterScalar    Code = "front-matter-scalar"
	FrontMatterNoOpening Code = "front-matter-no-opening"
	BundleSwallowed      Code = "bundle-swallowed"
	BundleFileUnused     Code = "bundle-file-unused"
	ImageMissing         Code = "image-missing"
	ResourceNotBundle    Code = "resource-not-bundle"
	ForeignShortcode     Code = "foreign-shortcode"
	ForeignLiquid        Code = "foreign-liquid"
	ForeignMDXComponent  Code = "foreign-mdx-component"
	ForeignMDXImport     Code = "foreign-mdx-import"
	NestingTooDeep       Code = "nesting-too-deep"
	PageTooLarge         Code = "page-too-large"
	BuildLeftOut         Code = "build-left-out"
	BuildLeftOutDraft    Code = "build-left-out-draft"
	BuildLeftOutFuture   Code = "build-left-out-future"
)

func init() {
	register(messages{
		FrontMatterScalar: {"the front matter must be a list of fields (key: value), not a single value",
			"front matter harus berupa daftar isian (kunci: nilai), bukan satu nilai saja"},
		FrontMatterNoOpening: {"the front matter has no opening line ---: the file starts with %q and its fields end at the --- on line %d; add a line --- above %q",
			"front matter tidak punya baris pembuka ---: berkas dimulai dengan %q dan isiannya berakhir pada --- di baris %d; tambahkan baris --- di atas %q"},
		BundleSwallowed: {"this file is inside the folder of the page %s, so it is not published as a page of its own; move it out of that folder, or rename index.md to _index.md to make the folder a section",
			"berkas ini ada di dalam folder halaman %s, jadi tidak diterbitkan sebagai halaman tersendiri; pindahkan keluar dari folder itu, atau ganti nama index.md menjadi _index.md agar folder itu menjadi bagian (section)"},
		BundleFileUnused: {"%q is in the page's folder but the page does not use it (it is not the cover, not a listed photo, not in the text), so it is not published; use it or remove it from the folder",
			"%q ada di folder halaman tetapi tidak dipakai halaman (bukan sampul, bukan foto yang tercantum, tidak disebut dalam teks), jadi tidak diterbitkan; pakai berkas itu atau hapus dari folder"},
		ImageMissing: {"the picture %q is not there: no file %s; correct the name or add the file to the page's folder",
			"gambar %q tidak ada: tidak ada berkas %s; perbaiki namanya atau tambahkan berkasnya ke folder halaman"},
		ResourceNotBundle: {"%s %q cannot be found: %s is a single file, and only a page in a folder of its own has files; make it a folder %s/index.md and put the file beside it",
			"%s %q tidak dapat ditemukan: %s adalah berkas tunggal, dan hanya halaman yang punya folder sendiri yang memiliki berkas; jadikan folder %s/index.md dan letakkan berkasnya di sampingnya"},
		ForeignShortcode: {"%s is a Hugo shortcode, and warta does not run shortcodes: it is shown as text; write a link [title](address) or a picture ![description](file.jpg) instead",
			"%s adalah shortcode Hugo, dan warta tidak menjalankan shortcode: teks itu tampil apa adanya; tulis tautan [judul](alamat) atau gambar ![keterangan](berkas.jpg) sebagai gantinya"},
		ForeignLiquid: {"%s is a Liquid tag (Jekyll, Hexo), and warta does not run these tags: it is shown as text; write the text itself, a link [title](address), or a code block between ``` lines",
			"%s adalah tag Liquid (Jekyll, Hexo), dan warta tidak menjalankan tag seperti itu: teks itu tampil apa adanya; tulis teksnya langsung, tautan [judul](alamat), atau blok kode di antara baris ```"},
		ForeignMDXComponent: {"%s is an MDX component, and warta does not run components: it is shown as text; write a link, a picture ![description](file.jpg) or a plain paragraph instead",
			"%s adalah komponen MDX, dan warta tidak menjalankan komponen: teks itu tampil apa adanya; tulis tautan, gambar ![keterangan](berkas.jpg) atau paragraf biasa sebagai gantinya"},
		ForeignMDXImport: {"%q is an MDX import, and warta does not run imports: the line is shown as text; remove it",
			"%q adalah import MDX, dan warta tidak menjalankan import: baris itu tampil apa adanya; hapus baris itu"},
		NestingTooDeep: {"lists or quotes are nested more than %d levels deep here, and no page needs that many, so this page is not built: use fewer levels (for a quote, fewer > signs at the start of the line; for a list, fewer spaces before the -)",
			"daftar atau kutipan bersarang lebih dari %d tingkat di sini; tidak ada halaman yang memerlukan sebanyak itu, jadi halaman tidak diolah: kurangi tingkatnya (untuk kutipan, kurangi tanda > di awal baris; untuk daftar, kurangi spasi di depan tanda -)"},
		PageTooLarge: {"the page is %s, more than the %s a page may be; split it into several pages",
			"halaman ini %s, lebih dari batas %s untuk satu halaman; pecah menjadi beberapa halaman"},
		BuildLeftOut: {"not published: %d draft(s), %d dated in the future (-v lists them)",
			"tidak diterbitkan: %d draf, %d bertanggal di masa depan (-v menampilkan daftarnya)"},
		BuildLeftOutDraft: {"not published, a draft (draft: true): %s",
			"tidak diterbitkan, masih draf (draft: true): %s"},
		BuildLeftOutFuture: {"not published until %s (dated in the future): %s",
			"belum diterbitkan sampai %s (bertanggal di masa depan): %s"},
	})
}
