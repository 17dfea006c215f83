package main

import (
	"bytes"
	"context"
	"crypto/tls"
	"crypto/x509"
	"errors"
	"flag"
	"io"
	"net"
	"net/http"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/dinsos-metro/warta"
	"github.com/dinsos-metro/warta/internal/auth"
	"github.com/dinsos-metro/warta/internal/build"
	"github.com/dinsos-metro/warta/internal/diag"
	"github.com/dinsos-metro/warta/internal/newsroom"
	"github.com/dinsos-metro/warta/internal/serve"
)

// parseTeam reads serve's network flags from args.
func parseTeam(t *testing.T, args ...string) *teamFlags {
	t.Helper()
	fl := flag.NewFlagSet("serve", flag.ContinueOnError)
	fl.SetOutput(io.Discard)
	f := teamFlagsOn(fl)
	if err := fl.Parse(args); err != nil {
		t.Fatal(err)
	}
	return f
}

func addAccount(t *testing.T, dir, name string, role auth.Role) {
	t.Helper()
	u, err := auth.OpenUsers(dir, auth.Params{Memory: 64, Time: 1, Threads: 1, SaltLen: 16, KeyLen: 32}, nil)
	if err != nil {
		t.Fatal(err)
	}
	if err := u.Add(name, "", role, "kata sandi yang panjang"); err != nil {
		t.Fatal(err)
	}
}

// TestOpenTeamRefuses: off loopback, the newsroom needs an account and
// HTTPS, and says which is missing.
func TestOpenTeamRefuses(t *testing.T) {
	dir := t.TempDir()
	var out bytes.Buffer
	cases := []struct {
		addr string
		args []string
		code diag.Code
	}{
		{"0.0.0.0:8443", nil, diag.BindNoAccounts},
		{"0.0.0.0:8443", []string{"--tls-auto"}, diag.BindNoAccounts},
		{"127.0.0.1:8443", []string{"--behind-proxy", "127.0.0.1"}, diag.BindNoAccounts},
		{"127.0.0.1:8443", []string{"--tls-cert", "a.pem"}, diag.BindHalfTLS},
		{"0.0.0.0:8443", []string{"--tls-auto", "--behind-proxy", "127.0.0.1"}, diag.BindTLSTwice},
	}
	for _, c := range cases {
		_, err := openTeam(parseTeam(t, c.args...), dir, c.addr, "en", &out)
		var be *auth.BindError
		if !errors.As(err, &be) || be.Code != c.code {
			t.Errorf("%s %v: %v, want %s", c.addr, c.args, err, c.code)
		}
	}
	addAccount(t, dir, "siti", auth.Admin)
	_, err := openTeam(parseTeam(t), dir, "0.0.0.0:8443", "id", &out)
	var be *auth.BindError
	if !errors.As(err, &be) || be.Code != diag.BindNoTLS {
		t.Fatalf("an account but no HTTPS: %v", err)
	}
	if msg := teamRefusal(err, "id"); !strings.Contains(msg, "--tls-auto") {
		t.Errorf("the refusal does not say what to add: %s", msg)
	}
	tm, err := openTeam(parseTeam(t, "--behind-proxy", "127.0.0.1"), dir, "127.0.0.1:8443", "id", &out)
	if err != nil {
		t.Fatalf("behind a proxy with an account: %v", err)
	}
	if tm.Scheme != "https" || tm.TLS != nil || tm.Auth.OpenMode() {
		t.Errorf("behind a proxy: scheme %s, own TLS %v, open %v", tm.Scheme, tm.TLS != nil, tm.Auth.OpenMode())
	}
	tm.Auth.Close()
}

// TestOpenTeamLoopback: on one computer without accounts, nothing is
// asked and the newsroom opens with the run's secret.
func TestOpenTeamLoopback(t *testing.T) {
	dir := t.TempDir()
	tm, err := openTeam(parseTeam(t), dir, "127.0.0.1:1313", "id", io.Discard)
	if err != nil {
		t.Fatal(err)
	}
	defer tm.Auth.Close()
	if !tm.Auth.OpenMode() || tm.Scheme != "http" {
		t.Errorf("loopback: open %v, scheme %s", tm.Auth.OpenMode(), tm.Scheme)
	}
	if u := tm.entry("127.0.0.1:1313"); !strings.HasPrefix(u, "http://127.0.0.1:1313/_redaksi/?k=") {
		t.Errorf("entry address %s", u)
	}
}

// freeAddr finds a free loopback port (the newsroom answers only the
// Host names of the address it was opened for).
func freeAddr(t *testing.T) string {
	t.Helper()
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	defer ln.Close()
	return ln.Addr().String()
}

// TestServeTeamTLS serves the newsroom with the office certificate and an
// account, over real HTTPS: a client trusting the office authority gets
// the login page; the preview of drafts sends it there too; plain HTTP
// gets nothing.
func TestServeTeamTLS(t *testing.T) {
	dir := t.TempDir()
	if err := os.WriteFile(filepath.Join(dir, "site.yaml"), []byte("title: Uji\nbase_url: https://example.org/\nlanguage: id\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	if err := os.MkdirAll(filepath.Join(dir, "content"), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(dir, "content", "_index.md"), []byte("---\ntitle: Beranda\n---\nHalo.\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	addAccount(t, dir, "siti", auth.Admin)
	addr := freeAddr(t)
	var out bytes.Buffer
	tm, err := openTeam(parseTeam(t, "--tls-auto"), dir, addr, "en", &out)
	if err != nil {
		t.Fatal(err)
	}
	defer tm.Auth.Close()
	if !strings.Contains(out.String(), "warta-kantor-ca.crt") {
		t.Errorf("the terminal does not say which certificate to install:\n%s", out.String())
	}
	root, err := os.OpenRoot(dir)
	if err != nil {
		t.Fatal(err)
	}
	defer root.Close()
	ctx, cancel := context.WithCancel(context.Background())
	srv, err := serve.New(ctx, serve.Options{
		Build: build.Options{Source: root.FS(), Theme: warta.Theme, Drafts: true, Future: true, BaseURL: tm.siteURL(addr), NoMinify: true, Dir: dir},
		Addr:  addr, TLS: tm.TLS, Gate: tm.gate,
	})
	if err != nil {
		t.Fatal(err)
	}
	nr, err := newsroom.New(newsroom.Options{Dir: dir, Addr: addr, Secret: newsroom.NewSecret(), Site: srv})
	if err != nil {
		t.Fatal(err)
	}
	defer nr.Close()
	tm.mount(srv, nr)
	ready := make(chan string, 1)
	done := make(chan error, 1)
	go func() { done <- srv.Serve(ctx, func(a string) { ready <- a }) }()
	select {
	case <-ready:
	case err := <-done:
		t.Fatal(err)
	}
	defer func() {
		cancel()
		select {
		case <-done:
		case <-time.After(5 * time.Second):
			t.Error("the server did not stop")
		}
	}()
	ca, err := os.ReadFile(filepath.Join(dir, auth.Dir, "tls", "warta-kantor-ca.crt"))
	if err != nil {
		t.Fatal(err)
	}
	pool := x509.NewCertPool()
	if !pool.AppendCertsFromPEM(ca) {
		t.Fatal("the office authority is not PEM")
	}
	client := &http.Client{
		Transport:     &http.Transport{TLSClientConfig: &tls.Config{RootCAs: pool}},
		CheckRedirect: func(*http.Request, []*http.Request) error { return http.ErrUseLastResponse },
	}
	for path, want := range map[string]string{"/_redaksi/masuk": "200", "/": "303 /_redaksi/masuk?next=%2F", "/_redaksi/": "303 /_redaksi/masuk?next=%2F_redaksi%2F"} {
		resp, err := client.Get("https://" + addr + path)
		if err != nil {
			t.Fatalf("https %s: %v", path, err)
		}
		resp.Body.Close()
		got := resp.Status[:3]
		if loc := resp.Header.Get("Location"); loc != "" {
			got += " " + loc
		}
		if got != want {
			t.Errorf("https %s: %s, want %s", path, got, want)
		}
		if path == "/_redaksi/masuk" {
			for _, c := range resp.Cookies() {
				if !c.Secure || !strings.HasPrefix(c.Name, "__Host-") {
					t.Errorf("cookie %s is not Secure with __Host-", c.Name)
				}
			}
		}
	}
	if resp, err := http.Get("http://" + addr + "/_redaksi/masuk"); err == nil {
		resp.Body.Close()
		if resp.StatusCode == http.StatusOK {
			t.Error("plain HTTP got the login page")
		}
	}
}

// TestServeRefusesNetwork runs `warta serve --bind 0.0.0.0` as staff
// would: it must refuse before anything listens, and say what is missing.
func TestServeRefusesNetwork(t *testing.T) {
	dir := t.TempDir()
	if err := os.WriteFile(filepath.Join(dir, "site.yaml"), []byte("title: Uji\nbase_url: https://example.org/\nlanguage: id\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	serveArgs := []string{"serve", "--src", dir, "--bind", "0.0.0.0", "--port", "0", "--lang", "en"}
	var out, errb bytes.Buffer
	if code := run(serveArgs, &out, &errb); code != 1 || !strings.Contains(errb.String(), "there is no account yet") {
		t.Errorf("no account: exit %d\n%s%s", code, out.String(), errb.String())
	}
	addAccount(t, dir, "siti", auth.Admin)
	out.Reset()
	errb.Reset()
	if code := run(serveArgs, &out, &errb); code != 1 || !strings.Contains(errb.String(), "--tls-auto") {
		t.Errorf("no HTTPS: exit %d\n%s%s", code, out.String(), errb.String())
	}
}
