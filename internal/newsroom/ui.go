package newsroom

import (
	"bytes"
	"html/template"
	"io/fs"
	"net/http"
	"path"
	"strings"
	"time"

	"github.com/dinsos-metro/warta/internal/i18n"
)

// words are the newsroom's interface texts: Indonesian first, English
// from the same table (the site's language chooses).
var words = map[string][2]string{
	"app":              {"Ruang Redaksi", "Newsroom"},
	"dashboard":        {"Semua halaman", "All pages"},
	"new-news":         {"Laporan baru", "New report"},
	"new-module":       {"Modul baru", "New module"},
	"new-gallery":      {"Galeri baru", "New gallery"},
	"kind":             {"Jenis", "Kind"},
	"status":           {"Status", "Status"},
	"search":           {"Cari judul", "Search titles"},
	"filter":           {"Tampilkan", "Show"},
	"all":              {"Semua", "All"},
	"title":            {"Judul", "Title"},
	"date":             {"Tanggal", "Date"},
	"problems":         {"Masalah", "Problems"},
	"no-pages":         {"Tidak ada halaman yang cocok.", "No page matches."},
	"news":             {"Berita", "News"},
	"module":           {"Modul", "Module"},
	"gallery":          {"Galeri", "Gallery"},
	"page":             {"Halaman", "Page"},
	"draft":            {"Draf", "Draft"},
	"review":           {"Siap ditinjau", "Ready for review"},
	"scheduled":        {"Terjadwal", "Scheduled"},
	"published":        {"Terbit", "Published"},
	"edit":             {"Ubah", "Edit"},
	"save-draft":       {"Simpan draf", "Save draft"},
	"send-review":      {"Kirim untuk ditinjau", "Send for review"},
	"publish":          {"Terbitkan", "Publish"},
	"unpublish":        {"Kembalikan ke draf", "Back to draft"},
	"preview":          {"Pratinjau", "Preview"},
	"preview-note":     {"Pratinjau diperbarui sendiri saat Anda berhenti mengetik.", "The preview updates by itself when you pause typing."},
	"body":             {"Isi", "Text"},
	"body-help":        {"Tulis isi halaman. Pakai tombol di atas kotak untuk judul bagian, huruf tebal, daftar, tautan, tabel dan foto.", "Write the page's text. Use the buttons above the box for headings, bold, lists, links, tables and photos."},
	"toolbar":          {"Format teks", "Text formatting"},
	"heading":          {"Judul bagian", "Heading"},
	"bold":             {"Tebal", "Bold"},
	"italic":           {"Miring", "Italic"},
	"bullets":          {"Daftar berbutir", "Bulleted list"},
	"numbers":          {"Daftar bernomor", "Numbered list"},
	"link":             {"Tautan", "Link"},
	"table":            {"Tabel", "Table"},
	"insert-photo":     {"Sisipkan foto", "Insert photo"},
	"photos":           {"Foto", "Photos"},
	"photos-help":      {"Seret foto ke sini, atau pilih dari perangkat, atau ambil dengan kamera ponsel. Setiap foto perlu teks alternatif dan jawaban izin.", "Drop photos here, pick them from the device, or take them with a phone's camera. Every photo needs alternative text and a consent answer."},
	"choose-photos":    {"Pilih foto", "Choose photos"},
	"upload":           {"Unggah", "Upload"},
	"camera":           {"Ambil foto dengan kamera", "Take a photo with the camera"},
	"alt":              {"Teks alternatif (untuk pembaca layar)", "Alternative text (for screen readers)"},
	"caption":          {"Keterangan", "Caption"},
	"consent":          {"Izin publikasi", "Consent to publish"},
	"consent-yes":      {"Ya, sekolah/orang tua mengizinkan", "Yes, the school/parents agreed"},
	"consent-no":       {"Tidak / belum ada izin", "No / no consent yet"},
	"consent-unset":    {"Pilih jawaban", "Choose an answer"},
	"cover":            {"Jadikan sampul", "Use as cover"},
	"is-cover":         {"Sampul", "Cover"},
	"up":               {"Naik", "Up"},
	"down":             {"Turun", "Down"},
	"remove":           {"Hapus foto", "Remove photo"},
	"history":          {"Riwayat", "History"},
	"restore":          {"Pulihkan versi ini", "Restore this version"},
	"delete":           {"Pindahkan ke tempat sampah", "Move to trash"},
	"trash":            {"Tempat sampah", "Trash"},
	"untrash":          {"Kembalikan", "Restore"},
	"saved":            {"Tersimpan.", "Saved."},
	"conflict":         {"Berkas ini diubah di tempat lain sejak Anda membukanya", "This file changed elsewhere since you opened it"},
	"conflict-help":    {"Simpanan Anda belum ditulis. Pilih versi yang dipakai, atau gabungkan sendiri lalu simpan lagi.", "Your save was not written. Choose the version to keep, or merge them by hand and save again."},
	"yours":            {"Versi Anda", "Your version"},
	"theirs":           {"Versi di disk", "Version on disk"},
	"keep-yours":       {"Pakai versi saya", "Keep mine"},
	"keep-theirs":      {"Pakai versi di disk", "Keep the one on disk"},
	"problem-list":     {"Masalah di halaman ini", "Problems on this page"},
	"no-problems":      {"Tidak ada masalah.", "No problems."},
	"back":             {"Kembali ke daftar", "Back to the list"},
	"create":           {"Buat", "Create"},
	"level":            {"Jenjang", "Level"},
	"draft-found":      {"Ada ketikan yang belum disimpan dari sebelumnya.", "There is unsaved typing from before."},
	"draft-restore":    {"Pulihkan ketikan", "Restore typing"},
	"draft-discard":    {"Buang", "Discard"},
	"choose":           {"— pilih —", "— choose —"},
	"yes":              {"Ya", "Yes"},
	"no":               {"Tidak", "No"},
	"version":          {"Versi", "Version"},
	"changes":          {"Perubahan", "Changes"},
	"who":              {"Oleh", "By"},
	"when":             {"Waktu", "When"},
	"no-versions":      {"Belum ada versi tersimpan.", "No saved versions yet."},
	"trash-empty":      {"Tempat sampah kosong.", "The trash is empty."},
	"add-item":         {"Tambah baris", "Add a line"},
	"list-help":        {"Satu baris untuk satu butir.", "One line per item."},
	"attachments":      {"Lampiran", "Attachments"},
	"attachments-help": {"Unggah lembar kerja (PDF, Word atau gambar), lalu beri judul setiap berkas. Berkas tanpa judul tidak ditampilkan.", "Upload worksheets (PDF, Word or pictures), then give each file a title. Files without a title are not shown."},
	"choose-files":     {"Pilih berkas", "Choose files"},
	"file":             {"Berkas", "File"},
	"open-hint":        {"Buka ruang redaksi dari alamat yang ditulis di terminal saat warta dijalankan (alamat itu berisi ?k=...).", "Open the newsroom from the address printed in the terminal when warta started (it contains ?k=...)."},
	"refused":          {"Permintaan ditolak", "Request refused"},
	"skip":             {"Langsung ke isi", "Skip to content"},
	"filename":         {"Berkas", "File"},
	"upload-refused":   {"Foto ditolak", "Photo refused"},
}

// tr returns a word in lang.
func tr(lang, key string) string {
	w, ok := words[key]
	if !ok {
		return key
	}
	if lang == "en" {
		return w[1]
	}
	return w[0]
}

// templates are the newsroom's pages, each parsed with the layout.
type templates struct {
	pages map[string]*template.Template
}

func parseTemplates() (*templates, error) {
	t := &templates{pages: map[string]*template.Template{}}
	names, err := fs.Glob(files, "templates/*.html")
	if err != nil {
		return nil, err
	}
	for _, name := range names {
		if path.Base(name) == "layout.html" {
			continue
		}
		p, err := template.New(name).Funcs(funcs).ParseFS(files, "templates/layout.html", name)
		if err != nil {
			return nil, err
		}
		t.pages[path.Base(name)] = p
	}
	return t, nil
}

var funcs = template.FuncMap{
	"t": tr,
	"longdate": func(lang string, d time.Time) string {
		if d.IsZero() {
			return ""
		}
		return i18n.Lang(lang).LongDate(d)
	},
	"upper": strings.ToUpper,
	"add":   func(a, b int) int { return a + b },
	"stub":  func() photoView { return photoView{Name: "__NAME__"} },
	"dict": func(kv ...any) map[string]any {
		m := map[string]any{}
		for i := 0; i+1 < len(kv); i += 2 {
			m[kv[i].(string)] = kv[i+1]
		}
		return m
	},
}

// view is what every page template gets.
type view struct {
	Lang    string
	Title   string
	CSRF    string
	Prefix  string
	Message string
	Data    any
	Team    *teamNav // team.go: the person logged in; nil on one computer
}

// render executes a page template into the response, whole or not at all.
func (n *Newsroom) render(w http.ResponseWriter, status int, name, title string, data any, lang string) {
	var buf bytes.Buffer
	v := view{Lang: lang, Title: title, CSRF: n.csrfFor(w), Prefix: Prefix, Data: data, Team: navFor(w)}
	if err := n.tmpl.pages[name].ExecuteTemplate(&buf, "layout", v); err != nil {
		http.Error(w, err.Error(), http.StatusInternalServerError)
		return
	}
	w.Header().Set("Content-Type", "text/html; charset=utf-8")
	w.Header().Set("Content-Security-Policy", "default-src 'self'; img-src 'self' blob: data:; frame-src 'self'; style-src 'self'; script-src 'self'; object-src 'none'; base-uri 'none'; form-action 'self'")
	w.WriteHeader(status)
	_, _ = w.Write(buf.Bytes())
}

// refuse answers a request the guard stopped, saying how to get in.
func (n *Newsroom) refuse(w http.ResponseWriter, r *http.Request, status int, what string) {
	lang := n.lang()
	if what == "host" {
		// Nothing of the newsroom for a name we do not know.
		http.Error(w, "misdirected request", status)
		return
	}
	n.render(w, status, "refused.html", tr(lang, "refused"), map[string]string{"What": what}, lang)
}
