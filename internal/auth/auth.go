package auth

import (
	"context"
	"crypto/rand"
	"encoding/base64"
	"errors"
	"github.com/dinsos-metro/warta/internal/diag"
	"net"
	"net/http"
	"net/netip"
	"strconv"
	"strings"
	"time"
)

// Config is how warta serve sets up auth for the newsroom.
type Config struct {
	// SiteDir is the site folder; state goes in SiteDir/.warta.
	SiteDir string
	// Base is the newsroom's path, "/_redaksi/". The login page is
	// Base+"masuk", logout Base+"keluar".
	Base string
	// Hosts are the Host header values the server answers, host:port as
	// browsers send them ("127.0.0.1:1313", "redaksi.kantor"); see
	// HostsFor. Any other Host is refused.
	Hosts []string
	// Secure says browsers reach the server over HTTPS (its own TLS, or a
	// reverse proxy in front): cookies get Secure and the __Host- prefix,
	// and the Origin of a change must be https.
	Secure bool
	// Loopback says the server listens on loopback only: only then may the
	// newsroom run without accounts.
	Loopback bool
	// TrustedProxies are the reverse proxies whose X-Forwarded-For is
	// believed for the address in the audit log and the login limiter.
	TrustedProxies []netip.Prefix
	// Idle and Absolute bound a session (defaults DefaultIdle and
	// DefaultAbsolute).
	Idle, Absolute time.Duration
	// Params are the Argon2id costs of new hashes (default Recommended).
	Params Params
	// Now is the clock (default time.Now); tests set a fake one.
	Now func() time.Time
	// Lang is the language of messages, "id" (default) or "en".
	Lang string
	// MaxBody bounds a urlencoded form read to find its CSRF field
	// (default 64 MiB). Multipart bodies (uploads) are never read by
	// auth: they send the token in CSRFHeader or ?csrf= in the address.
	MaxBody int64
	// LoginPage renders the login form; nil uses a plain built-in page.
	LoginPage func(w http.ResponseWriter, r *http.Request, v LoginView)
}

// Auth is accounts, sessions, limiter and audit log, with the HTTP
// middleware that applies them.
type Auth struct {
	cfg      Config
	hosts    []string
	users    *Users
	sessions *Sessions
	limiter  *Limiter
	audit    *Audit
	secret   string
}

// Open reads the accounts and sessions of cfg.SiteDir.
func Open(cfg Config) (*Auth, error) {
	if cfg.Now == nil {
		cfg.Now = time.Now
	}
	if cfg.Params == (Params{}) {
		cfg.Params = Recommended
	}
	if cfg.Base == "" {
		cfg.Base = "/_redaksi/"
	}
	if cfg.Lang == "" {
		cfg.Lang = "id"
	}
	if cfg.MaxBody == 0 {
		cfg.MaxBody = 64 << 20
	}
	if len(cfg.Hosts) == 0 {
		return nil, errors.New("auth: no host names to answer (Config.Hosts)")
	}
	a := &Auth{cfg: cfg, limiter: NewLimiter(cfg.Now), audit: OpenAudit(cfg.SiteDir, cfg.Now)}
	for _, h := range cfg.Hosts {
		a.hosts = append(a.hosts, strings.ToLower(h))
	}
	var err error
	if a.users, err = OpenUsers(cfg.SiteDir, cfg.Params, cfg.Now); err != nil {
		return nil, err
	}
	if a.sessions, err = OpenSessions(cfg.SiteDir, cfg.Idle, cfg.Absolute, cfg.Now); err != nil {
		return nil, err
	}
	b := make([]byte, 32)
	if _, err := rand.Read(b); err != nil {
		return nil, err
	}
	a.secret = base64.RawURLEncoding.EncodeToString(b)
	return a, nil
}

// Close saves the sessions.
func (a *Auth) Close() error { return a.sessions.Flush() }

// Users, Sessions, Limiter and Audit give the parts to the newsroom's
// account and audit pages.
func (a *Auth) Users() *Users       { return a.users }
func (a *Auth) Sessions() *Sessions { return a.sessions }
func (a *Auth) Limiter() *Limiter   { return a.limiter }
func (a *Auth) Audit() *Audit       { return a.audit }

// OpenMode reports whether the newsroom runs without login: on loopback
// with no account.
func (a *Auth) OpenMode() bool { return a.cfg.Loopback && a.users.Count() == 0 }

// RunSecret is the secret of this run for OpenMode: the terminal prints
// EntryURL, which holds it.
func (a *Auth) RunSecret() string { return a.secret }

// SecretParam is the query parameter that carries RunSecret.
const SecretParam = "k"

// EntryURL is the address to open (print it in the terminal): base is
// "http://127.0.0.1:1313". In OpenMode it carries the run's secret.
func (a *Auth) EntryURL(base string) string {
	u := strings.TrimSuffix(base, "/") + a.cfg.Base
	if a.OpenMode() {
		u += "?" + SecretParam + "=" + a.secret
	}
	return u
}

// LoginPath and LogoutPath are where Middleware answers log in and out.
func (a *Auth) LoginPath() string  { return a.cfg.Base + "masuk" }
func (a *Auth) LogoutPath() string { return a.cfg.Base + "keluar" }

type ctxKey struct{}

// FromContext returns the session Middleware found for the request; nil
// outside Middleware.
func FromContext(ctx context.Context) *Session {
	s, _ := ctx.Value(ctxKey{}).(*Session)
	return s
}

// Session is the request's session: from the context when Middleware has
// run, else from its cookie.
func (a *Auth) Session(r *http.Request) *Session {
	if s := FromContext(r.Context()); s != nil {
		return s
	}
	return a.fromCookie(r)
}

// The cookie's name: under HTTPS with the __Host- prefix, which browsers
// accept only from a secure origin, for the whole host, with no Domain.
func (a *Auth) cookieName(base string) string {
	if a.cfg.Secure {
		return "__Host-" + base
	}
	return base
}

const (
	sessionCookie = "warta_sesi"
	loginCookie   = "warta_masuk"
)

func (a *Auth) setCookie(w http.ResponseWriter, base, value string, maxAge int) {
	http.SetCookie(w, &http.Cookie{
		Name: a.cookieName(base), Value: value, Path: "/", MaxAge: maxAge,
		HttpOnly: true, Secure: a.cfg.Secure, SameSite: http.SameSiteStrictMode,
	})
}

func (a *Auth) fromCookie(r *http.Request) *Session {
	c, err := r.Cookie(a.cookieName(sessionCookie))
	if err != nil {
		return nil
	}
	s := a.sessions.Lookup(c.Value)
	if s == nil {
		return nil
	}
	if s.Local {
		if !a.OpenMode() {
			_ = a.sessions.Delete(s.id)
			return nil
		}
		s.Role, s.Display = Admin, ""
		return s
	}
	u, ok := a.users.Get(s.User)
	if !ok || u.Gen != s.Gen {
		// Removed account, or a password changed since: the session ends.
		_ = a.sessions.Delete(s.id)
		return nil
	}
	s.Role, s.Display = u.Role, u.Display
	return s
}

// Middleware guards every request to the newsroom: Host; the login and
// logout pages; a session (else a redirect to the login page, or in
// OpenMode the run's secret); and for changes the origin and CSRF token.
// Handlers find the session with FromContext.
func (a *Auth) Middleware(next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		h := w.Header()
		h.Set("X-Content-Type-Options", "nosniff")
		h.Set("X-Frame-Options", "SAMEORIGIN")
		// Not "no-referrer": Chromium then sends "Origin: null" with forms.
		h.Set("Referrer-Policy", "same-origin")
		if ref := a.checkHost(r); ref != nil {
			a.refuse(w, r, ref)
			return
		}
		switch r.URL.Path {
		case a.LoginPath():
			a.serveLogin(w, r)
			return
		case a.LogoutPath():
			a.serveLogout(w, r)
			return
		}
		if !safeMethod(r.Method) && r.Header.Get(CSRFHeader) == "" && !strings.HasPrefix(strings.ToLower(r.Header.Get("Content-Type")), "multipart/") {
			// The token may be in the form: read at most MaxBody of it.
			r.Body = http.MaxBytesReader(w, r.Body, a.cfg.MaxBody)
		}
		s := a.fromCookie(r)
		if s == nil {
			a.noSession(w, r)
			return
		}
		if ref := a.check(r, s); ref != nil {
			a.refuse(w, r, ref)
			return
		}
		next.ServeHTTP(w, r.WithContext(context.WithValue(r.Context(), ctxKey{}, s)))
	})
}

// noSession answers a request without a session: in OpenMode it opens
// one when the address carries the run's secret; otherwise pages go to
// the login form and everything else is refused.
func (a *Auth) noSession(w http.ResponseWriter, r *http.Request) {
	if a.OpenMode() {
		if r.Method == http.MethodGet && sameToken(r.URL.Query().Get(SecretParam), a.secret) {
			s, err := a.sessions.Create(LocalUser, 0, true)
			if err != nil {
				http.Error(w, err.Error(), http.StatusInternalServerError)
				return
			}
			a.setCookie(w, sessionCookie, s.id, 0)
			_ = a.audit.Log(Entry{Who: LocalUser, Action: AuditLogin, Addr: a.ClientAddr(r), Detail: "loopback, no accounts"})
			q := r.URL.Query()
			q.Del(SecretParam)
			u := *r.URL
			u.RawQuery = q.Encode()
			http.Redirect(w, r, u.RequestURI(), http.StatusSeeOther)
			return
		}
		a.refuse(w, r, refuse(http.StatusForbidden, diag.AuthNeedSecret))
		return
	}
	if a.users.Count() == 0 {
		a.refuse(w, r, refuse(http.StatusForbidden, diag.AuthNoAccounts))
		return
	}
	if r.Method == http.MethodGet || r.Method == http.MethodHead {
		http.Redirect(w, r, a.LoginPath()+"?next="+urlQueryEscape(r.URL.RequestURI()), http.StatusSeeOther)
		return
	}
	a.refuse(w, r, refuse(http.StatusUnauthorized, diag.AuthNeedLogin))
}

// LocalUser is the name the audit log gives whoever runs warta in
// OpenMode.
const LocalUser = "lokal"

// RequireAction wraps a handler that does action: a person whose role may
// not gets 403 with a message saying so. (Actions on one page, where
// writing it matters, use CanPage in the handler.)
func (a *Auth) RequireAction(action Action, next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		s := a.Session(r)
		if s == nil {
			a.refuse(w, r, refuse(http.StatusUnauthorized, diag.AuthNeedLogin))
			return
		}
		if !s.Can(action, false) {
			a.refuse(w, r, refuse(http.StatusForbidden, diag.AuthForbidden, string(s.Role), string(action)))
			return
		}
		next.ServeHTTP(w, r)
	})
}

// Forbid answers a refused action from inside a handler (after CanPage
// said no), with the same message as RequireAction.
func (a *Auth) Forbid(w http.ResponseWriter, r *http.Request, action Action) {
	role := Role("")
	if s := a.Session(r); s != nil {
		role = s.Role
	}
	a.refuse(w, r, refuse(http.StatusForbidden, diag.AuthForbidden, string(role), string(action)))
}

// Log writes an audit entry for the request's person and address.
func (a *Auth) Log(r *http.Request, action, file, detail string) error {
	who := ""
	if s := a.Session(r); s != nil {
		who = s.User
	}
	return a.audit.Log(Entry{Who: who, Action: action, File: file, Addr: a.ClientAddr(r), Detail: detail})
}

// ChangePassword changes the password of the request's person after
// checking the old one, and ends their other sessions; this one stays.
func (a *Auth) ChangePassword(r *http.Request, old, new string) error {
	s := a.Session(r)
	if s == nil || s.Local {
		return refuse(http.StatusUnauthorized, diag.AuthNeedLogin)
	}
	if _, ok := a.users.Verify(s.User, old); !ok {
		return refuse(http.StatusForbidden, diag.AuthWrongPassword)
	}
	gen, err := a.users.SetPassword(s.User, new)
	if err != nil {
		return err
	}
	n, err := a.sessions.EndUser(s.User, s.id, gen)
	_ = a.audit.Log(Entry{Who: s.User, Action: AuditAccountPasswd, Addr: a.ClientAddr(r), Detail: "own password; " + strconv.Itoa(n) + " other session(s) ended"})
	return err
}

// HostsFor lists the Host values browsers send to a server listening on
// addr ("127.0.0.1:1313", ":8443"): for loopback, 127.0.0.1, [::1] and
// localhost; for every address, this machine's names and addresses; plus
// extra names (a reverse proxy's public name), with and without the port.
func HostsFor(addr string, extra ...string) []string {
	host, port, err := net.SplitHostPort(addr)
	if err != nil {
		host, port = addr, ""
	}
	names := map[string]bool{}
	add := func(h string) {
		if h == "" {
			return
		}
		h = strings.ToLower(h)
		if strings.Contains(h, ":") && !strings.HasPrefix(h, "[") {
			h = "[" + h + "]"
		}
		names[h] = true
		if port != "" {
			names[h+":"+port] = true
		}
	}
	if isLoopbackHost(host) {
		add("127.0.0.1")
		add("::1")
		add("localhost")
	} else if host != "" && host != "0.0.0.0" && host != "::" {
		add(host)
	} else {
		for _, n := range machineNames() {
			add(n)
		}
		for _, ip := range machineIPs() {
			add(ip.String())
		}
	}
	for _, e := range extra {
		if strings.Contains(e, ":") && !strings.HasPrefix(e, "[") {
			if _, err := netip.ParseAddr(e); err != nil {
				names[strings.ToLower(e)] = true // already host:port
				continue
			}
		}
		add(e)
	}
	out := make([]string, 0, len(names))
	for n := range names {
		out = append(out, n)
	}
	return out
}
