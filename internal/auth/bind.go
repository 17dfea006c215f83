package auth

import (
	"net"
	"net/netip"
	"os"
	"strings"

	"github.com/dinsos-metro/warta/internal/diag"
)

// TLSChoice is how warta serve offers HTTPS, from its flags.
type TLSChoice struct {
	CertFile, KeyFile string // --tls-cert, --tls-key
	Auto              bool   // --tls-auto: the office certificate (EnsureCert)
	BehindProxy       bool   // --behind-proxy: a reverse proxy provides HTTPS
	Proxies           string // the proxy addresses given to --behind-proxy
}

// Secure reports whether browsers will reach the server over HTTPS.
func (c TLSChoice) Secure() bool { return c.CertFile != "" || c.Auto || c.BehindProxy }

// BindError is CheckBind's refusal; Message gives it in either language.
type BindError struct {
	Code diag.Code
	Args []any
}

func (e *BindError) Error() string { return e.Message("en") }

// Message is the refusal in lang ("id" or "en").
func (e *BindError) Message(lang string) string {
	return diag.New("", 0, e.Code, e.Args...).Message(lang)
}

// CheckBind decides whether warta serve may listen on addr with the
// newsroom. On loopback anything goes (the newsroom runs without login
// while there is no account). Anywhere else, the office network, it needs
// at least one account and HTTPS: a certificate and key, the office
// certificate (--tls-auto), or a reverse proxy with its address. The
// TLS flags are checked wherever they are given.
func CheckBind(addr string, accounts int, tls TLSChoice) error {
	host, _, err := net.SplitHostPort(addr)
	if err != nil {
		return &BindError{diag.BindBadAddress, []any{addr}}
	}
	if (tls.CertFile == "") != (tls.KeyFile == "") {
		return &BindError{diag.BindHalfTLS, nil}
	}
	ways := 0
	for _, on := range []bool{tls.CertFile != "", tls.Auto, tls.BehindProxy} {
		if on {
			ways++
		}
	}
	if ways > 1 {
		return &BindError{diag.BindTLSTwice, nil}
	}
	if tls.BehindProxy {
		list, err := ParseProxies(tls.Proxies)
		if err == nil && len(list) == 0 {
			err = errEmptyList
		}
		if err != nil {
			return &BindError{diag.BindProxyNoList, []any{err}}
		}
	}
	// Behind a proxy, even a loopback address serves the network.
	if isLoopbackHost(host) && !tls.BehindProxy {
		return nil
	}
	if accounts < 1 {
		return &BindError{diag.BindNoAccounts, []any{addr}}
	}
	if ways == 0 {
		return &BindError{diag.BindNoTLS, []any{addr}}
	}
	return nil
}

type listError string

func (e listError) Error() string { return string(e) }

const errEmptyList = listError("no address given")

// LoopbackOnly reports whether only this computer reaches a server on
// addr: a loopback address with no reverse proxy in front. It is
// Config.Loopback, the condition for running without accounts.
func LoopbackOnly(addr string, tls TLSChoice) bool {
	return IsLoopback(addr) && !tls.BehindProxy
}

// IsLoopback reports whether addr (host:port) listens on this computer
// only.
func IsLoopback(addr string) bool {
	host, _, err := net.SplitHostPort(addr)
	return err == nil && isLoopbackHost(host)
}

func isLoopbackHost(host string) bool {
	if strings.EqualFold(host, "localhost") {
		return true
	}
	ip, err := netip.ParseAddr(strings.Trim(host, "[]"))
	return err == nil && ip.IsLoopback()
}

// machineNames are the names this computer answers to on the office
// network: its host name, the same with .local (mDNS), and localhost.
func machineNames() []string {
	names := []string{"localhost"}
	if h, err := os.Hostname(); err == nil && h != "" {
		h = strings.ToLower(h)
		names = append(names, h)
		if !strings.Contains(h, ".") {
			names = append(names, h+".local")
		}
	}
	return names
}

// machineIPs are this computer's addresses, loopback included, link-local
// left out (they change and nobody types them).
func machineIPs() []netip.Addr {
	var out []netip.Addr
	addrs, err := net.InterfaceAddrs()
	if err != nil {
		return []netip.Addr{netip.MustParseAddr("127.0.0.1")}
	}
	for _, a := range addrs {
		p, err := netip.ParsePrefix(a.String())
		if err != nil {
			continue
		}
		ip := p.Addr().Unmap()
		if ip.IsLinkLocalUnicast() || ip.IsMulticast() || ip.IsUnspecified() {
			continue
		}
		out = append(out, ip)
	}
	return out
}
