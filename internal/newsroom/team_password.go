package newsroom

import (
	"errors"
	"net/http"
	"net/url"
	"time"

	"github.com/dinsos-metro/warta/internal/auth"
	"github.com/dinsos-metro/warta/internal/diag"
)

// Each person changes their own password in the newsroom, after typing
// the current one: no terminal needed. auth.ChangePassword ends their
// other sessions and writes the audit line; wrong current passwords count
// in the login limiter like failed logins.

func (t *Team) passwordForm(w http.ResponseWriter, r *http.Request) {
	t.showPassword(w, http.StatusOK, r.FormValue("done"), "")
}

func (t *Team) showPassword(w http.ResponseWriter, status int, msg, errText string) {
	lang := t.n.lang()
	t.render(w, status, "team_password.html", tr(lang, "password"), map[string]any{"Message": msg, "Error": errText}, lang)
}

func (t *Team) changePassword(w http.ResponseWriter, r *http.Request) {
	s := auth.FromContext(r.Context())
	lang := t.n.lang()
	if s == nil || s.Local {
		http.Error(w, "no account", http.StatusForbidden)
		return
	}
	r.Body = http.MaxBytesReader(w, r.Body, 64<<10)
	if err := r.ParseForm(); err != nil {
		http.Error(w, "bad form", http.StatusBadRequest)
		return
	}
	addr := t.a.ClientAddr(r)
	if until := t.a.Limiter().Locked(s.User, addr); !until.IsZero() {
		mins := max(1, int(time.Until(until).Round(time.Minute)/time.Minute))
		t.showPassword(w, http.StatusTooManyRequests, "", diag.New("", 0, diag.AuthLocked, until.Format("15:04"), mins).Message(lang))
		return
	}
	old, fresh := r.PostForm.Get("old"), r.PostForm.Get("new")
	if fresh != r.PostForm.Get("again") {
		t.showPassword(w, http.StatusUnprocessableEntity, "", diag.New("", 0, diag.TeamPasswordTwin).Message(lang))
		return
	}
	if auth.CheckNewPassword(s.User, fresh) != nil {
		t.showPassword(w, http.StatusUnprocessableEntity, "", diag.New("", 0, diag.TeamPasswordWeak, auth.MinPassword, auth.MaxPassword).Message(lang))
		return
	}
	err := t.a.ChangePassword(r, old, fresh)
	var ref *auth.Refusal
	switch {
	case errors.As(err, &ref):
		t.a.Limiter().Fail(s.User, addr)
		t.showPassword(w, ref.Status, "", ref.Message(lang))
		return
	case err != nil:
		http.Error(w, err.Error(), http.StatusInternalServerError)
		return
	}
	t.a.Limiter().Succeed(s.User)
	done := diag.New("", 0, diag.TeamPasswordDone).Message(lang)
	http.Redirect(w, r, Prefix+"password?done="+url.QueryEscape(done), http.StatusSeeOther)
}
