package auth

import (
	"encoding/json"
	"errors"
	"github.com/dinsos-metro/warta/internal/diag"
	"html/template"
	"io"
	"net/http"
	"net/url"
	"strings"
	"time"
	"unicode/utf8"
)

// LoginView is what a login page shows.
type LoginView struct {
	Lang                                    string
	Action                                  string // where the form posts
	CSRF                                    string // the hidden field CSRFField
	Next                                    string // the hidden field "next"
	Name                                    string // the name typed, kept after a failure
	Error                                   string // why the last try failed, in Lang
	Status                                  int    // the status to answer with
	Title, NameLabel, PasswordLabel, Submit string
}

// LoginForm is a parsed login form.
type LoginForm struct {
	Name, Password, CSRF, Next string
}

// maxLoginBody bounds a login form: a name, a password and two tokens.
const maxLoginBody = 8 << 10

// ErrBadForm is a login form that is not one.
var ErrBadForm = errors.New("not a login form")

// ParseLogin reads a login form (application/x-www-form-urlencoded,
// at most 8 KiB). The name is trimmed and lowercased; the password is
// kept exactly as typed but must be UTF-8 and at most MaxPassword bytes.
func ParseLogin(r *http.Request) (LoginForm, error) {
	ct := r.Header.Get("Content-Type")
	if mt, _, _ := strings.Cut(ct, ";"); strings.TrimSpace(strings.ToLower(mt)) != "application/x-www-form-urlencoded" {
		return LoginForm{}, ErrBadForm
	}
	body, err := io.ReadAll(io.LimitReader(r.Body, maxLoginBody+1))
	if err != nil || len(body) > maxLoginBody {
		return LoginForm{}, ErrBadForm
	}
	v, err := url.ParseQuery(string(body))
	if err != nil {
		return LoginForm{}, ErrBadForm
	}
	for _, k := range []string{"name", "password", CSRFField, "next"} {
		if len(v[k]) > 1 {
			return LoginForm{}, ErrBadForm
		}
	}
	f := LoginForm{
		Name:     strings.ToLower(strings.TrimSpace(v.Get("name"))),
		Password: v.Get("password"),
		CSRF:     v.Get(CSRFField),
		Next:     v.Get("next"),
	}
	if !utf8.ValidString(f.Password) || len(f.Password) > MaxPassword || len(f.Name) > 64 || !utf8.ValidString(f.Name) {
		return LoginForm{}, ErrBadForm
	}
	return f, nil
}

// safeNext keeps a redirect after login inside the newsroom: a path under
// Base, never another host ("//evil", "/\evil").
func (a *Auth) safeNext(next string) string {
	if !strings.HasPrefix(next, a.cfg.Base) || strings.ContainsAny(next, "\\\r\n\x00") || strings.HasPrefix(next, "//") {
		return a.cfg.Base
	}
	u, err := url.Parse(next)
	if err != nil || u.Scheme != "" || u.Host != "" || u.Path == a.LoginPath() {
		return a.cfg.Base
	}
	return next
}

func urlQueryEscape(s string) string { return url.QueryEscape(s) }

func (a *Auth) msg(code diag.Code, args ...any) string {
	return diag.New("", 0, code, args...).Message(a.cfg.Lang)
}

func (a *Auth) serveLogin(w http.ResponseWriter, r *http.Request) {
	if r.Method != http.MethodPost {
		if r.Method != http.MethodGet && r.Method != http.MethodHead {
			w.Header().Set("Allow", "GET, HEAD, POST")
			http.Error(w, "method not allowed", http.StatusMethodNotAllowed)
			return
		}
		if s := a.fromCookie(r); s != nil || a.OpenMode() {
			// Logged in already, or no accounts: nothing to log in to.
			http.Redirect(w, r, a.safeNext(r.URL.Query().Get("next")), http.StatusSeeOther)
			return
		}
		a.loginPage(w, r, "", "", http.StatusOK, r.URL.Query().Get("next"))
		return
	}
	if ref := a.checkOrigin(r); ref != nil {
		a.refuse(w, r, ref)
		return
	}
	f, err := ParseLogin(r)
	c, cerr := r.Cookie(a.cookieName(loginCookie))
	if err != nil || cerr != nil || !sameToken(f.CSRF, c.Value) {
		// No login cookie: the form is from another site, or cookies are
		// off, or the page was open a very long time. Show a fresh form.
		a.loginPage(w, r, f.Name, a.msg(diag.AuthLoginExpired), http.StatusForbidden, f.Next)
		return
	}
	addr := a.ClientAddr(r)
	if until := a.limiter.Locked(f.Name, addr); !until.IsZero() {
		_ = a.audit.Log(Entry{Who: f.Name, Action: AuditLoginLocked, Addr: addr})
		a.loginPage(w, r, f.Name, a.lockedMsg(until), http.StatusTooManyRequests, f.Next)
		return
	}
	u, ok := a.users.Verify(f.Name, f.Password)
	if !ok {
		until := a.limiter.Fail(f.Name, addr)
		_ = a.audit.Log(Entry{Who: f.Name, Action: AuditLoginFailed, Addr: addr})
		if !until.IsZero() {
			a.loginPage(w, r, f.Name, a.lockedMsg(until), http.StatusTooManyRequests, f.Next)
			return
		}
		a.loginPage(w, r, f.Name, a.msg(diag.AuthWrongPassword), http.StatusUnauthorized, f.Next)
		return
	}
	a.limiter.Succeed(f.Name)
	s, err := a.sessions.Create(u.Name, u.Gen, false)
	if err != nil {
		http.Error(w, err.Error(), http.StatusInternalServerError)
		return
	}
	a.setCookie(w, loginCookie, "", -1)
	a.setCookie(w, sessionCookie, s.id, 0)
	_ = a.audit.Log(Entry{Who: u.Name, Action: AuditLogin, Addr: addr})
	http.Redirect(w, r, a.safeNext(f.Next), http.StatusSeeOther)
}

func (a *Auth) lockedMsg(until time.Time) string {
	left := time.Until(until)
	if a.cfg.Now != nil {
		left = until.Sub(a.cfg.Now())
	}
	mins := int(left.Round(time.Minute) / time.Minute)
	if mins < 1 {
		mins = 1
	}
	return a.msg(diag.AuthLocked, until.Format("15:04"), mins)
}

func (a *Auth) loginPage(w http.ResponseWriter, r *http.Request, name, errText string, status int, next string) {
	token := newID()
	a.setCookie(w, loginCookie, token, 0)
	v := LoginView{
		Lang: a.cfg.Lang, Action: a.LoginPath(), CSRF: token, Next: a.safeNext(next),
		Name: name, Error: errText, Status: status,
		Title: a.msg(diag.AuthLoginTitle), NameLabel: a.msg(diag.AuthLoginName),
		PasswordLabel: a.msg(diag.AuthLoginPassword), Submit: a.msg(diag.AuthLoginSubmit),
	}
	w.Header().Set("Cache-Control", "no-store")
	w.Header().Set("X-Frame-Options", "DENY")
	w.Header().Set("Content-Security-Policy", "default-src 'none'; style-src 'unsafe-inline'; form-action 'self'; frame-ancestors 'none'")
	if a.cfg.LoginPage != nil {
		a.cfg.LoginPage(w, r, v)
		return
	}
	w.Header().Set("Content-Type", "text/html; charset=utf-8")
	w.WriteHeader(status)
	_ = loginTemplate.Execute(w, v)
}

var loginTemplate = template.Must(template.New("login").Parse(`<!DOCTYPE html>
<html lang="{{.Lang}}"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>{{.Title}}</title>
<style>body{font:1.05rem/1.5 system-ui,sans-serif;margin:0;background:#f4f6f8;color:#1c2430}
main{max-width:24rem;margin:3rem auto;background:#fff;padding:1.5rem;border-radius:8px;border:1px solid #d0d7de}
label{display:block;margin-top:1rem;font-weight:600}input{width:100%;box-sizing:border-box;font:inherit;padding:.5rem;border:1px solid #57606a;border-radius:4px}
button{margin-top:1.25rem;font:inherit;font-weight:600;padding:.6rem 1.2rem;background:#0b5cad;color:#fff;border:0;border-radius:4px}
p.error{background:#fff4f2;border-left:6px solid #b3261e;padding:.5rem .75rem;color:#8a1c00}</style>
</head><body><main><h1>{{.Title}}</h1>
{{with .Error}}<p class="error" role="alert" id="login-error">{{.}}</p>{{end}}
<form method="post" action="{{.Action}}">
<input type="hidden" name="csrf" value="{{.CSRF}}"><input type="hidden" name="next" value="{{.Next}}">
<label for="name">{{.NameLabel}}</label><input id="name" name="name" autocomplete="username" autocapitalize="none" required value="{{.Name}}"{{if .Error}} aria-describedby="login-error"{{end}}>
<label for="password">{{.PasswordLabel}}</label><input id="password" name="password" type="password" autocomplete="current-password" required>
<button type="submit">{{.Submit}}</button>
</form></main></body></html>
`))

func (a *Auth) serveLogout(w http.ResponseWriter, r *http.Request) {
	if r.Method != http.MethodPost {
		w.Header().Set("Allow", "POST")
		http.Error(w, "method not allowed", http.StatusMethodNotAllowed)
		return
	}
	s := a.fromCookie(r)
	if s == nil {
		http.Redirect(w, r, a.LoginPath(), http.StatusSeeOther)
		return
	}
	if ref := a.check(r, s); ref != nil {
		a.refuse(w, r, ref)
		return
	}
	_ = a.sessions.Delete(s.id)
	a.setCookie(w, sessionCookie, "", -1)
	_ = a.audit.Log(Entry{Who: s.User, Action: AuditLogout, Addr: a.ClientAddr(r)})
	if s.Local {
		// There is no login page to go back to without accounts.
		w.Header().Set("Content-Type", "text/plain; charset=utf-8")
		_, _ = io.WriteString(w, a.msg(diag.AuthLoggedOutLocal)+"\n")
		return
	}
	http.Redirect(w, r, a.LoginPath(), http.StatusSeeOther)
}

// refuse answers a refused request with its message as plain text (or
// JSON for scripts that ask for it).
func (a *Auth) refuse(w http.ResponseWriter, r *http.Request, ref *Refusal) {
	text := ref.Message(a.cfg.Lang)
	w.Header().Set("Cache-Control", "no-store")
	w.Header().Set("X-Content-Type-Options", "nosniff")
	if strings.Contains(r.Header.Get("Accept"), "application/json") {
		w.Header().Set("Content-Type", "application/json; charset=utf-8")
		w.WriteHeader(ref.Status)
		_, _ = io.WriteString(w, jsonError(text))
		return
	}
	w.Header().Set("Content-Type", "text/plain; charset=utf-8")
	w.WriteHeader(ref.Status)
	_, _ = io.WriteString(w, text+"\n")
}

func jsonError(text string) string {
	b, _ := json.Marshal(map[string]string{"error": text})
	return string(b) + "\n"
}
