package auth

import (
	"crypto/subtle"
	"net"
	"net/http"
	"net/netip"
	"net/url"
	"strings"

	"github.com/dinsos-metro/warta/internal/diag"
)

// Refusal is a request auth turns away: the HTTP status to answer with
// and the message, in both languages.
type Refusal struct {
	Status int
	Code   diag.Code
	Args   []any
}

func (e *Refusal) Error() string { return e.Message("en") }

// Message is the refusal in lang ("id" or "en").
func (e *Refusal) Message(lang string) string {
	return diag.New("", 0, e.Code, e.Args...).Message(lang)
}

func refuse(status int, code diag.Code, args ...any) *Refusal {
	return &Refusal{Status: status, Code: code, Args: args}
}

// Where a change carries its CSRF token: a form field, or a header for
// scripts (and for multipart uploads, so the token is checked before the
// body is read).
const (
	CSRFField  = "csrf"
	CSRFHeader = "X-CSRF-Token"
)

// safeMethod reports methods that must not change anything.
func safeMethod(m string) bool {
	return m == http.MethodGet || m == http.MethodHead || m == http.MethodOptions
}

// checkHost refuses a Host the server was not started for: a web page
// elsewhere can point a name it controls at 127.0.0.1 (DNS rebinding),
// but the browser then sends that name as Host.
func (a *Auth) checkHost(r *http.Request) *Refusal {
	h := strings.ToLower(r.Host)
	for _, ok := range a.hosts {
		if h == ok {
			return nil
		}
	}
	return refuse(http.StatusMisdirectedRequest, diag.AuthHostRefused, r.Host)
}

// checkOrigin refuses a change that does not come from a page of this
// server: the Origin header (else the Referer) must be this scheme and
// this host.
func (a *Auth) checkOrigin(r *http.Request) *Refusal {
	if site := r.Header.Get("Sec-Fetch-Site"); site != "" && site != "same-origin" && site != "none" {
		return refuse(http.StatusForbidden, diag.AuthOriginRefused, site)
	}
	origin := r.Header.Get("Origin")
	if origin == "" {
		ref, err := url.Parse(r.Referer())
		if err != nil || r.Referer() == "" {
			return refuse(http.StatusForbidden, diag.AuthOriginRefused, "-")
		}
		origin = ref.Scheme + "://" + ref.Host
	}
	scheme := "http"
	if a.cfg.Secure {
		scheme = "https"
	}
	if !strings.EqualFold(origin, scheme+"://"+r.Host) {
		return refuse(http.StatusForbidden, diag.AuthOriginRefused, origin)
	}
	return nil
}

// csrfToken finds the token a change sent: the header, else the address
// (?csrf=, how plain upload forms send it), else a urlencoded form field.
// A multipart body is never read here: uploads are read once, by their
// handler, within its own size limit.
func csrfToken(r *http.Request) string {
	if t := r.Header.Get(CSRFHeader); t != "" {
		return t
	}
	if t := r.URL.Query().Get(CSRFField); t != "" {
		return t
	}
	if strings.HasPrefix(strings.ToLower(r.Header.Get("Content-Type")), "multipart/") {
		return ""
	}
	return r.PostFormValue(CSRFField)
}

func sameToken(a, b string) bool {
	return a != "" && subtle.ConstantTimeCompare([]byte(a), []byte(b)) == 1
}

// CheckRequest applies the checks every request to the newsroom passes:
// the Host, and for a request that changes something (any method but
// GET, HEAD and OPTIONS) the same origin and the CSRF token of the
// request's session. Middleware calls it; the newsroom may call it for
// handlers mounted outside Middleware. The error is a *Refusal.
func (a *Auth) CheckRequest(r *http.Request) error {
	if ref := a.check(r, a.Session(r)); ref != nil {
		return ref
	}
	return nil
}

func (a *Auth) check(r *http.Request, s *Session) *Refusal {
	if ref := a.checkHost(r); ref != nil {
		return ref
	}
	if safeMethod(r.Method) {
		return nil
	}
	if ref := a.checkOrigin(r); ref != nil {
		return ref
	}
	if s == nil {
		return refuse(http.StatusUnauthorized, diag.AuthNeedLogin)
	}
	if !sameToken(csrfToken(r), s.CSRF) {
		return refuse(http.StatusForbidden, diag.AuthCSRFRefused)
	}
	return nil
}

// ClientAddr is the address a request came from: the connection's, or,
// when that is a trusted reverse proxy, the last address in
// X-Forwarded-For that is not one of the proxies.
func (a *Auth) ClientAddr(r *http.Request) string {
	host, _, err := net.SplitHostPort(r.RemoteAddr)
	if err != nil {
		host = r.RemoteAddr
	}
	if !a.trusted(host) {
		return host
	}
	hops := strings.Split(strings.Join(r.Header.Values("X-Forwarded-For"), ","), ",")
	for i := len(hops) - 1; i >= 0; i-- {
		h := strings.TrimSpace(hops[i])
		ip, err := netip.ParseAddr(h)
		if err != nil {
			break
		}
		if !a.trusted(h) {
			return ip.String()
		}
	}
	return host
}

func (a *Auth) trusted(host string) bool {
	ip, err := netip.ParseAddr(host)
	if err != nil {
		return false
	}
	ip = ip.Unmap()
	for _, p := range a.cfg.TrustedProxies {
		if p.Contains(ip) {
			return true
		}
	}
	return false
}

// ParseProxies reads a comma-separated list of addresses and networks
// ("127.0.0.1, 10.0.0.0/8") for --behind-proxy.
func ParseProxies(list string) ([]netip.Prefix, error) {
	var out []netip.Prefix
	for _, f := range strings.Split(list, ",") {
		f = strings.TrimSpace(f)
		if f == "" {
			continue
		}
		if p, err := netip.ParsePrefix(f); err == nil {
			out = append(out, p.Masked())
			continue
		}
		ip, err := netip.ParseAddr(f)
		if err != nil {
			return nil, err
		}
		out = append(out, netip.PrefixFrom(ip, ip.BitLen()))
	}
	return out, nil
}
