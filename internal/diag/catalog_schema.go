package diag

// Messages of page editing (internal/pagefile) and of saving, history and
// trash (internal/history), shown by the newsroom.
const (
	PageNotYAML    Code = "page-not-yaml"
	PageFlowYAML   Code = "page-flow-yaml"
	PageUnclosed   Code = "page-unclosed"
	PageBadValue   Code = "page-bad-value"
	SaveConflict   Code = "save-conflict"
	SaveGone       Code = "save-gone"
	PathRefused    Code = "path-refused"
	TrashTaken     Code = "trash-taken"
	TrashNotFound  Code = "trash-not-found"
	VersionMissing Code = "version-missing"
)

func init() {
	register(messages{
		PageNotYAML: {"the fields of this page are written in %s; the newsroom edits only YAML fields (between --- lines): change them in a text editor, or rewrite them as YAML",
			"kolom halaman ini ditulis dalam %s; ruang redaksi hanya menyunting kolom YAML (di antara baris ---): ubah dengan penyunting teks, atau tulis ulang sebagai YAML"},
		PageFlowYAML: {"the fields of this page are written on one line as {key: value, ...}; write one field per line to edit them here",
			"kolom halaman ini ditulis dalam satu baris {kunci: nilai, ...}; tulis satu kolom per baris agar dapat disunting di sini"},
		PageUnclosed: {"the fields at the top of this page are not closed: add a line --- after the last field",
			"kolom di awal halaman ini tidak ditutup: tambahkan baris --- setelah kolom terakhir"},
		PageBadValue: {"%q cannot be saved with this value (%s)",
			"%q tidak dapat disimpan dengan nilai ini (%s)"},
		SaveConflict: {"%s changed since you opened it (saved by someone else, in another tab, or by hand); compare the two versions and keep one, or merge them by hand",
			"%s berubah sejak Anda membukanya (disimpan orang lain, di tab lain, atau diubah langsung); bandingkan kedua versi lalu pilih salah satu, atau gabungkan sendiri"},
		SaveGone: {"%s was deleted since you opened it; restore it from the trash or save it as a new page",
			"%s dihapus sejak Anda membukanya; pulihkan dari tempat sampah atau simpan sebagai halaman baru"},
		PathRefused: {"%q cannot be used as a file of the site: a file must be inside content/, its name without .., \\, :, a leading dot or control characters, and not reached through a symbolic link",
			"%q tidak dapat dipakai sebagai berkas situs: berkas harus di dalam content/, namanya tanpa .., \\, :, titik di depan atau karakter kendali, dan tidak melalui tautan simbolik"},
		TrashTaken: {"%s cannot come back from the trash: something else is there now; move or rename it first",
			"%s tidak dapat dikembalikan dari tempat sampah: sudah ada berkas lain di sana; pindahkan atau ganti namanya dulu"},
		TrashNotFound:  {"%q is not in the trash", "%q tidak ada di tempat sampah"},
		VersionMissing: {"%s has no version %s", "%s tidak punya versi %s"},
	})
}
