package newsroom

import (
	"net/http"
	"net/url"
	"strings"

	"github.com/dinsos-metro/warta/internal/auth"
	"github.com/dinsos-metro/warta/internal/diag"
)

// The admin keeps the accounts in the newsroom: add one, change a role,
// set a new password for someone who forgot theirs, remove one. The same
// rules as `warta users` (auth.Users: names, password length, the last
// admin stays), the same audit lines, and each person's own password and
// account stay on their own page (a person cannot lock themselves out
// here).

// manages reports whether the session's person keeps the accounts: an
// admin, or whoever sits at the computer while there is no account yet
// (the one-computer session, opened with the run's secret on loopback).
// The first account made there must be an admin's: once one exists,
// everyone logs in, the person at the computer too.
func manages(s *auth.Session) bool { return s != nil && s.Can(auth.ManageAccounts, false) }

// accountRow is one account as the table shows it.
type accountRow struct {
	Name, Display, Role, Changed string
	Self                         bool
}

func (t *Team) accountsView(w http.ResponseWriter, r *http.Request) {
	t.showAccounts(w, r, http.StatusOK, r.FormValue("done"), "", nil)
}

// showAccounts renders the page; addForm is what the add form held when
// it was refused (nil otherwise), to fill it again.
func (t *Team) showAccounts(w http.ResponseWriter, r *http.Request, status int, msg, errText string, addForm url.Values) {
	s := auth.FromContext(r.Context())
	if !manages(s) {
		t.a.Forbid(w, r, auth.ManageAccounts)
		return
	}
	lang := t.n.lang()
	list, err := t.a.Users().List()
	if err != nil {
		http.Error(w, err.Error(), http.StatusInternalServerError)
		return
	}
	loc := t.n.loadConfig().Location
	rows := make([]accountRow, 0, len(list))
	for _, u := range list {
		rows = append(rows, accountRow{Name: u.Name, Display: u.Display, Role: string(u.Role),
			Changed: u.Changed.In(loc).Format("02-01-2006 15:04"), Self: u.Name == s.User})
	}
	roles := []auth.Role{auth.Penulis, auth.Penyunting, auth.Admin}
	if len(rows) == 0 {
		roles = []auth.Role{auth.Admin} // the first account keeps the others
	}
	t.render(w, status, "team_accounts.html", tr(lang, "accounts"), map[string]any{
		"Rows": rows, "Roles": roles, "First": len(rows) == 0,
		"Message": msg, "Error": errText, "Form": addForm,
	}, lang)
}

// accountChange serves the forms of the accounts page: what says which.
func (t *Team) accountChange(what string) http.HandlerFunc {
	return func(w http.ResponseWriter, r *http.Request) {
		s := auth.FromContext(r.Context())
		if !manages(s) {
			t.a.Forbid(w, r, auth.ManageAccounts)
			return
		}
		r.Body = http.MaxBytesReader(w, r.Body, 64<<10)
		if err := r.ParseForm(); err != nil {
			http.Error(w, "bad form", http.StatusBadRequest)
			return
		}
		lang := t.n.lang()
		say := func(code diag.Code, args ...any) string { return diag.New("", 0, code, args...).Message(lang) }
		refuse := func(code diag.Code, args ...any) {
			var addForm url.Values
			if what == "add" {
				addForm = url.Values{"name": {r.PostForm.Get("name")}, "display": {r.PostForm.Get("display")}, "role": {r.PostForm.Get("role")}}
			}
			t.showAccounts(w, r, http.StatusUnprocessableEntity, "", say(code, args...), addForm)
		}
		users := t.a.Users()
		name := strings.TrimSpace(r.PostForm.Get("name"))
		role, roleErr := auth.ParseRole(r.PostForm.Get("role"))
		password := r.PostForm.Get("password")
		if what != "add" && name == s.User {
			refuse(diag.TeamAccountSelf)
			return
		}
		if (what == "add" || what == "passwd") && password != r.PostForm.Get("again") {
			refuse(diag.UsersMismatch)
			return
		}
		var err error
		var action, detail string
		var done string
		switch what {
		case "add":
			if roleErr != nil {
				refuse(diag.UsersBadRole, r.PostForm.Get("role"))
				return
			}
			if role != auth.Admin && users.Count() == 0 {
				refuse(diag.TeamFirstAdmin)
				return
			}
			err = users.Add(name, strings.TrimSpace(r.PostForm.Get("display")), role, password)
			action, detail, done = auth.AuditAccountAdd, "role "+string(role), say(diag.UsersAdded, name, role)
		case "role":
			if roleErr != nil {
				refuse(diag.UsersBadRole, r.PostForm.Get("role"))
				return
			}
			before, _ := users.Get(name)
			err = users.SetRole(name, role)
			action, detail, done = auth.AuditAccountRole, string(before.Role)+" → "+string(role), say(diag.UsersRoleDone, name, role)
		case "passwd":
			_, err = users.SetPassword(name, password)
			action, done = auth.AuditAccountPasswd, say(diag.UsersPasswdDone, name)
		case "remove":
			err = users.Remove(name)
			action, done = auth.AuditAccountRemove, say(diag.UsersRemoved, name)
		}
		if code, args, ok := auth.Problem(err, name); ok {
			refuse(code, args...)
			return
		} else if err != nil {
			http.Error(w, err.Error(), http.StatusInternalServerError)
			return
		}
		_ = t.a.Log(r, action, name, detail)
		http.Redirect(w, r, Prefix+"accounts?done="+url.QueryEscape(done), http.StatusSeeOther)
	}
}

var accountWords = map[string][2]string{
	"accounts":               {"Akun", "Accounts"},
	"accounts-add":           {"Tambah akun", "Add an account"},
	"account-name":           {"Nama akun", "Account name"},
	"account-name-help":      {"2–32 huruf kecil, angka, titik, tanda hubung atau garis bawah, diawali huruf (misalnya siti.rahma).", "2–32 lowercase letters, digits, dots, hyphens or underscores, starting with a letter (for example siti.rahma)."},
	"display":                {"Nama lengkap", "Full name"},
	"role":                   {"Peran", "Role"},
	"role-change":            {"Ubah peran", "Change role"},
	"password-set":           {"Atur kata sandi baru", "Set a new password"},
	"password-set-help":      {"Untuk orang yang lupa kata sandinya: sesinya berakhir, lalu ia masuk dengan kata sandi ini dan menggantinya sendiri.", "For someone who forgot theirs: their sessions end; they log in with this one and change it themselves."},
	"password-changed":       {"Kata sandi diganti", "Password changed"},
	"account-remove-button":  {"Hapus akun", "Remove account"},
	"you":                    {"Anda", "you"},
	"self-note":              {"Akun Anda sendiri: ganti kata sandi di halaman Ganti kata sandi.", "Your own account: change your password on the Change password page."},
	"account-role":           {"ganti peran", "role changed"},
	"account-remove-help":    {"Orang ini tidak dapat masuk lagi dan sesinya berakhir. Halaman yang ditulisnya tetap ada.", "This person can no longer log in and their sessions end. The pages they wrote stay."},
	"account-remove-confirm": {"Ya, hapus akun", "Yes, remove the account"},
	"accounts-first":         {"Belum ada akun: Ruang Redaksi terbuka hanya di komputer ini. Buat akun pertama untuk admin (Anda sendiri). Sesudahnya setiap orang masuk dengan akunnya, Anda juga, dan Ruang Redaksi dapat dipakai dari komputer dan ponsel lain (lihat README, \"Accounts and HTTPS on an office network\").", "No account yet: the newsroom is open on this computer only. Make the first account, an admin's (yours). After that everyone logs in with their account, you too, and the newsroom can serve other computers and phones (see the README, \"Accounts and HTTPS on an office network\")."},
	"penulis":                {"penulis", "writer"},
	"penyunting":             {"penyunting", "editor"},
	"admin":                  {"admin", "admin"},
}

func init() {
	for k, v := range accountWords {
		if _, taken := words[k]; !taken {
			words[k] = v
		}
	}
}
