package newsroom

import (
	"net/http"
	"slices"
	"strings"
	"time"

	"github.com/dinsos-metro/warta/internal/auth"
	"github.com/dinsos-metro/warta/internal/pagefile"
)

// The audit trail for admins, with a filter, and each person's own pages
// with their status and the editors' comments.

// auditRow is one line of the trail as the table shows it.
type auditRow struct {
	When, Who, Action, File, Addr, Detail string
}

// auditActions are the actions the filter offers, in the order of a
// page's life.
var auditActions = []string{"login", "login-failed", "login-locked", "logout", "create", "save", "upload",
	"submit", "return", "approve", "publish", "unpublish", "restore", "delete",
	"account-add", "account-passwd", "account-role", "account-remove"}

func (t *Team) auditView(w http.ResponseWriter, r *http.Request) {
	s := auth.FromContext(r.Context())
	if !s.Can(auth.ViewAudit, false) {
		t.a.Forbid(w, r, auth.ViewAudit)
		return
	}
	n := t.n
	lang := n.lang()
	loc := n.loadConfig().Location
	f := auth.Filter{
		Who:    strings.TrimSpace(r.FormValue("who")),
		Action: strings.TrimSpace(r.FormValue("action")),
		File:   strings.TrimSpace(r.FormValue("file")),
		Limit:  500,
	}
	if d, err := time.ParseInLocation("2006-01-02", r.FormValue("from"), loc); err == nil {
		f.Since = d
	}
	if d, err := time.ParseInLocation("2006-01-02", r.FormValue("to"), loc); err == nil {
		f.Until = d.AddDate(0, 0, 1) // the whole last day
	}
	entries, err := t.a.Audit().Read(f)
	if err != nil {
		http.Error(w, err.Error(), http.StatusInternalServerError)
		return
	}
	rows := make([]auditRow, 0, len(entries))
	for _, e := range entries {
		rows = append(rows, auditRow{When: e.Time.In(loc).Format("02-01-2006 15:04:05"), Who: e.Who,
			Action: e.Action, File: e.File, Addr: e.Addr, Detail: e.Detail})
	}
	var people []string
	if us, err := t.a.Users().List(); err == nil {
		for _, u := range us {
			people = append(people, u.Name)
		}
	}
	t.render(w, http.StatusOK, "team_audit.html", tr(lang, "audit"), map[string]any{
		"Rows": rows, "Who": f.Who, "Action": f.Action, "File": f.File,
		"From": r.FormValue("from"), "To": r.FormValue("to"),
		"Actions": auditActions, "People": people, "Full": len(rows) == f.Limit,
	}, lang)
}

// mineRow is one of a person's pages.
type mineRow struct {
	File, Title, Status string
	Date                time.Time
	Note, NoteBy        string
}

// mine lists the pages the person wrote, newest first, with their status
// and an editor's comment when one returned the page.
func (t *Team) mine(w http.ResponseWriter, r *http.Request) {
	s := auth.FromContext(r.Context())
	n := t.n
	lang := n.lang()
	_, pages := n.site(r.Context())
	var rows []mineRow
	for _, p := range pages {
		if w, _ := p.Params[writerField].(string); w == "" || w != s.User {
			continue
		}
		ps := n.state(p.File)
		row := mineRow{File: p.File, Title: p.Title, Date: p.Date, Status: ps.status}
		if doc, err := pagefile.Parse(ps.data); err == nil {
			row.Note = text(get(doc, noteField))
			row.NoteBy = t.personName(text(get(doc, noteByField)))
		}
		rows = append(rows, row)
	}
	slices.SortStableFunc(rows, func(a, b mineRow) int { return b.Date.Compare(a.Date) })
	t.render(w, http.StatusOK, "team_mine.html", tr(lang, "mine"), map[string]any{"Rows": rows}, lang)
}

// reviewNote is the comment an editor left on a returned page, and who
// left it, for the editor screen.
func (t *Team) reviewNote(data []byte) (note, by string) {
	doc, err := pagefile.Parse(data)
	if err != nil {
		return "", ""
	}
	return text(get(doc, noteField)), t.personName(text(get(doc, noteByField)))
}

// teamWords are the team screens' texts, added to the newsroom's table.
var teamWords = map[string][2]string{
	"review-queue":    {"Menunggu tinjauan", "Waiting for review"},
	"review-none":     {"Tidak ada halaman yang menunggu tinjauan.", "No page is waiting for review."},
	"writer":          {"Penulis", "Writer"},
	"sent":            {"Dikirim", "Sent"},
	"field-changes":   {"Isian yang berubah", "Changed fields"},
	"field":           {"Isian", "Field"},
	"text-changes":    {"Perubahan teks", "Changes to the text"},
	"since-publish":   {"sejak versi yang terakhir terbit", "since the version last published"},
	"new-page":        {"Halaman baru: belum pernah terbit.", "A new page: never published."},
	"before":          {"Sebelumnya", "Before"},
	"after":           {"Sesudahnya", "After"},
	"approve":         {"Setujui dan terbitkan", "Approve and publish"},
	"return":          {"Kembalikan ke penulis", "Return to the writer"},
	"return-note":     {"Komentar untuk penulis", "Comment for the writer"},
	"return-help":     {"Tulis apa yang perlu diperbaiki. Penulis melihatnya di halaman ini.", "Say what needs fixing. The writer sees it on the page."},
	"editor-note":     {"Catatan penyunting", "Editor's note"},
	"audit":           {"Jejak audit", "Audit trail"},
	"audit-none":      {"Tidak ada catatan yang cocok.", "No entry matches."},
	"audit-full":      {"Hanya 500 catatan terbaru yang ditampilkan; persempit saringan.", "Only the newest 500 entries are shown; narrow the filter."},
	"person":          {"Orang", "Person"},
	"action":          {"Tindakan", "Action"},
	"address":         {"Alamat", "Address"},
	"detail":          {"Keterangan", "Detail"},
	"from":            {"Dari tanggal", "From"},
	"to":              {"Sampai tanggal", "To"},
	"mine":            {"Halaman saya", "My pages"},
	"mine-none":       {"Anda belum menulis halaman.", "You have not written a page yet."},
	"logout":          {"Keluar", "Log out"},
	"locked-note":     {"Halaman ini sedang ditinjau atau sudah terbit: hanya penyunting yang dapat mengubahnya. Minta penyunting mengembalikannya bila perlu diubah.", "This page is in review or published: only editors change it. Ask an editor to return it if it needs changes."},
	"password":        {"Ganti kata sandi", "Change password"},
	"password-old":    {"Kata sandi sekarang", "Current password"},
	"password-new":    {"Kata sandi baru", "New password"},
	"password-again":  {"Kata sandi baru sekali lagi", "New password again"},
	"password-help":   {"Paling sedikit 12 karakter; kalimat empat kata mudah diingat dan sulit ditebak.", "At least 12 characters; a sentence of four words is easy to remember and hard to guess."},
	"password-change": {"Ganti", "Change"},
	"signed-in":       {"Masuk sebagai", "Signed in as"},
	"login":           {"login", "login"},
	"login-failed":    {"gagal masuk", "failed login"},
	"login-locked":    {"masuk dikunci", "login locked"},
	"create":          {"buat", "create"},
	"save":            {"simpan", "save"},
	"submit":          {"kirim ke tinjauan", "send to review"},
	"unpublish":       {"tarik dari situs", "unpublish"},
	"account-add":     {"akun baru", "account added"},
	"account-passwd":  {"ganti kata sandi", "password changed"},
	"account-remove":  {"akun dihapus", "account removed"},
}

func init() {
	for k, v := range teamWords {
		if _, taken := words[k]; !taken {
			words[k] = v
		}
	}
}
