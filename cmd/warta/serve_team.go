package main

import (
	"crypto/tls"
	"flag"
	"fmt"
	"io"
	"net"
	"net/http"
	"os"
	"strings"
	"time"

	"github.com/dinsos-metro/warta/internal/auth"
	"github.com/dinsos-metro/warta/internal/newsroom"
	"github.com/dinsos-metro/warta/internal/serve"
)

// The flags that open the newsroom to an office network (issue 14):
// accounts plus HTTPS, or nothing leaves this computer. serve.go reads
// them with teamFlagsOn and asks open for what it needs.

// teamFlags are warta serve's network flags.
type teamFlags struct {
	cert, key *string
	auto      *bool
	proxy     *string
	host      *string
}

// teamFlagsOn adds --tls-cert, --tls-key, --tls-auto, --behind-proxy and
// --host to serve's flag set.
func teamFlagsOn(fl *flag.FlagSet) *teamFlags {
	return &teamFlags{
		cert:  fl.String("tls-cert", "", "HTTPS certificate file (PEM), with --tls-key, for serving the newsroom on the office network"),
		key:   fl.String("tls-key", "", "private key file (PEM) of --tls-cert"),
		auto:  fl.Bool("tls-auto", false, "HTTPS with a certificate warta makes and keeps for the office in .warta/tls/ (staff install warta-kantor-ca.crt once)"),
		proxy: fl.String("behind-proxy", "", "a reverse proxy (such as Caddy) provides HTTPS: its address(es), comma-separated, whose X-Forwarded-For warta believes"),
		host:  fl.String("host", "", "extra host names staff type to reach the newsroom (comma-separated), for example the proxy's public name"),
	}
}

// choice is the TLS the flags ask for.
func (f *teamFlags) choice() auth.TLSChoice {
	return auth.TLSChoice{CertFile: *f.cert, KeyFile: *f.key, Auto: *f.auto, BehindProxy: *f.proxy != "", Proxies: *f.proxy}
}

func (f *teamFlags) hosts() []string {
	var out []string
	for _, h := range strings.Split(*f.host, ",") {
		if h = strings.TrimSpace(h); h != "" {
			out = append(out, h)
		}
	}
	return out
}

// team is what serve.go needs to serve the newsroom with accounts.
type team struct {
	Auth *auth.Auth
	// TLS is set when warta itself answers HTTPS (serve.Options.TLS).
	TLS *tls.Config
	// Scheme is "https" when browsers reach the server over HTTPS (its own
	// TLS or a proxy's), else "http": for the site's base address and the
	// address printed in the terminal.
	Scheme string

	// Addr is where to listen: addr, with a free port chosen when it was 0
	// (the Host check needs the real port before anything listens).
	Addr string

	nr *newsroom.Team // set by mount
}

// openTeam decides whether the newsroom may be served on addr (CheckBind:
// off loopback, at least one account and HTTPS), prepares HTTPS, and
// opens accounts and sessions. The error is an *auth.BindError when the
// flags do not allow serving, said in lang by teamRefusal.
func openTeam(f *teamFlags, siteDir, addr, lang string, stdout io.Writer) (*team, error) {
	choice := f.choice()
	users, err := auth.OpenUsers(siteDir, auth.Recommended, nil)
	if err != nil {
		return nil, err
	}
	if err := auth.CheckBind(addr, users.Count(), choice); err != nil {
		return nil, err
	}
	if addr, err = choosePort(addr); err != nil {
		return nil, err
	}
	t := &team{Scheme: "http", Addr: addr}
	if choice.Secure() {
		t.Scheme = "https"
	}
	switch {
	case choice.CertFile != "":
		pair, err := tls.LoadX509KeyPair(choice.CertFile, choice.KeyFile)
		if err != nil {
			return nil, err
		}
		t.TLS = &tls.Config{MinVersion: tls.VersionTLS12, Certificates: []tls.Certificate{pair}}
	case choice.Auto:
		cfg, oc, err := auth.OfficeTLS(siteDir, f.hosts(), nil)
		if err != nil {
			return nil, err
		}
		t.TLS = cfg
		fmt.Fprintln(stdout, "warta:", oc.Describe(lang))
	}
	var proxies = []string{}
	if choice.BehindProxy {
		proxies = strings.Split(choice.Proxies, ",")
	}
	trusted, err := auth.ParseProxies(strings.Join(proxies, ","))
	if err != nil {
		return nil, err
	}
	t.Auth, err = auth.Open(auth.Config{
		SiteDir:        siteDir,
		Hosts:          auth.HostsFor(addr, f.hosts()...),
		Secure:         choice.Secure(),
		Loopback:       auth.LoopbackOnly(addr, choice),
		TrustedProxies: trusted,
		Lang:           lang,
		Now:            time.Now,
	})
	if err != nil {
		return nil, err
	}
	return t, nil
}

// teamRefusal says why serving was refused, in lang.
func teamRefusal(err error, lang string) string {
	if b, ok := err.(*auth.BindError); ok {
		return b.Message(lang)
	}
	return err.Error()
}

// mount serves the newsroom behind the accounts, below newsroom.Prefix.
func (t *team) mount(srv *serve.Server, nr *newsroom.Newsroom) {
	t.nr = nr.WithAccounts(t.Auth)
	srv.Mount(newsroom.Prefix, t.nr)
}

// gate is serve.Options.Gate: once the newsroom is mounted, the site's
// preview (drafts included) needs a login too whenever the newsroom does.
func (t *team) gate(h http.Handler) http.Handler {
	if t.nr == nil {
		return h
	}
	return t.nr.Gate(h)
}

// siteURL is the address of the site for the terminal and the build's
// base address: the machine's name when listening on every address.
func (t *team) siteURL(addr string) string {
	host, port, err := net.SplitHostPort(addr)
	if err != nil {
		return t.Scheme + "://" + addr + "/"
	}
	if ip := net.ParseIP(host); ip != nil && ip.IsUnspecified() {
		host = "localhost"
		if h, err := os.Hostname(); err == nil && h != "" {
			host = h
			if !strings.Contains(h, ".") {
				host += ".local"
			}
		}
	}
	return t.Scheme + "://" + net.JoinHostPort(host, port) + "/"
}

// entry is the newsroom's address to print: with the run's secret on one
// computer without accounts, else the login page's way in.
func (t *team) entry(addr string) string {
	return t.Auth.EntryURL(t.siteURL(addr))
}

// choosePort replaces port 0 by a port free now.
func choosePort(addr string) (string, error) {
	host, port, err := net.SplitHostPort(addr)
	if err != nil || port != "0" {
		return addr, nil
	}
	ln, err := net.Listen("tcp", addr)
	if err != nil {
		return "", err
	}
	defer ln.Close()
	_, port, _ = net.SplitHostPort(ln.Addr().String())
	return net.JoinHostPort(host, port), nil
}
