package newsroom

import (
	"crypto/hmac"
	"crypto/rand"
	"crypto/sha256"
	"crypto/subtle"
	"encoding/hex"
	"net"
	"net/http"
	"net/url"
	"strings"
)

// The guard keeps other web pages in the same browser out of the
// newsroom. Without accounts (issue 14 adds them) whoever runs warta may
// do everything, so the only thing to stop is a page elsewhere that makes
// the browser talk to 127.0.0.1:
//
//   - DNS rebinding: a hostile name that resolves to 127.0.0.1 reaches the
//     server with its own name in Host; only the bound address (and
//     localhost on its port) is answered.
//   - Blind requests: the newsroom opens only with the secret of this run,
//     which the terminal prints in the address; the secret becomes an
//     HttpOnly SameSite=Strict cookie, which a request started by another
//     site does not carry.
//   - Forged changes: every request that changes something needs an
//     Origin of this very address and the run's CSRF token (a form field
//     or the X-CSRF-Token header).

// CookieName is the cookie that holds the run's secret.
const CookieName = "warta_redaksi"

// guard checks Host, the secret cookie, Origin and CSRF.
type guard struct {
	hosts  map[string]bool
	secret string
	csrf   string
	prefix string
	refuse func(w http.ResponseWriter, r *http.Request, status int, what string)
}

func newGuard(addr, secret, prefix string) *guard {
	g := &guard{hosts: map[string]bool{}, secret: secret, prefix: prefix}
	host, port, err := net.SplitHostPort(addr)
	if err != nil {
		g.hosts[addr] = true
		return g
	}
	g.hosts[net.JoinHostPort(host, port)] = true
	if ip := net.ParseIP(host); ip != nil && ip.IsLoopback() {
		g.hosts[net.JoinHostPort("localhost", port)] = true
	}
	mac := hmac.New(sha256.New, []byte(secret))
	mac.Write([]byte("csrf"))
	g.csrf = hex.EncodeToString(mac.Sum(nil))
	return g
}

// NewSecret makes a random secret for one run.
func NewSecret() string {
	b := make([]byte, 18)
	_, _ = rand.Read(b)
	return hex.EncodeToString(b)
}

// hostOK: the Host header names the bound address.
func (g *guard) hostOK(r *http.Request) bool {
	return g.hosts[strings.ToLower(r.Host)]
}

// secretOK: the request carries the run's secret as a cookie.
func (g *guard) secretOK(r *http.Request) bool {
	c, err := r.Cookie(CookieName)
	return err == nil && equal(c.Value, g.secret)
}

// changeOK: a same-origin Origin and the CSRF token.
func (g *guard) changeOK(r *http.Request) (bool, string) {
	origin := r.Header.Get("Origin")
	u, err := url.Parse(origin)
	if origin == "" || err != nil || u.Scheme != "http" || !g.hosts[strings.ToLower(u.Host)] || u.Host != r.Host {
		return false, "origin"
	}
	token := r.Header.Get("X-CSRF-Token")
	if token == "" {
		token = r.URL.Query().Get("csrf")
	}
	if token == "" && !strings.HasPrefix(r.Header.Get("Content-Type"), "multipart/") {
		// Uploads carry it in the address or a header, so that their
		// body is read once, by the upload handler, within its limit.
		r.Body = http.MaxBytesReader(nil, r.Body, maxForm)
		token = r.PostFormValue("csrf")
	}
	if !equal(token, g.csrf) {
		return false, "csrf"
	}
	return true, ""
}

func equal(a, b string) bool {
	return len(a) == len(b) && subtle.ConstantTimeCompare([]byte(a), []byte(b)) == 1
}

// wrap applies every check before h.
func (g *guard) wrap(h http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("X-Frame-Options", "SAMEORIGIN")
		w.Header().Set("X-Content-Type-Options", "nosniff")
		w.Header().Set("Referrer-Policy", "same-origin") // "no-referrer" makes Chromium send Origin: null
		w.Header().Set("Cache-Control", "no-store")
		if !g.hostOK(r) {
			g.refuse(w, r, http.StatusMisdirectedRequest, "host")
			return
		}
		if k := r.URL.Query().Get("k"); k != "" && (r.Method == http.MethodGet || r.Method == http.MethodHead) {
			if !equal(k, g.secret) {
				g.refuse(w, r, http.StatusForbidden, "secret")
				return
			}
			http.SetCookie(w, &http.Cookie{
				Name: CookieName, Value: g.secret, Path: g.prefix,
				HttpOnly: true, SameSite: http.SameSiteStrictMode,
			})
			q := r.URL.Query()
			q.Del("k")
			to := r.URL.Path
			if len(q) > 0 {
				to += "?" + q.Encode()
			}
			http.Redirect(w, r, to, http.StatusSeeOther)
			return
		}
		if !g.secretOK(r) {
			g.refuse(w, r, http.StatusForbidden, "secret")
			return
		}
		if r.Method != http.MethodGet && r.Method != http.MethodHead {
			if ok, what := g.changeOK(r); !ok {
				g.refuse(w, r, http.StatusForbidden, what)
				return
			}
		}
		h.ServeHTTP(w, r)
	})
}
