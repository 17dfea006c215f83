package auth

import (
	"crypto/tls"
	"crypto/x509"
	"io"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

func TestEnsureCertServesVerifiedTLS(t *testing.T) {
	dir := t.TempDir()
	now := time.Now()
	oc, err := EnsureCert(dir, []string{"redaksi.kantor"}, now)
	if err != nil {
		t.Fatal(err)
	}
	if !oc.Renewed || len(oc.Fingerprint) != 95 || oc.Fingerprint == oc.ServerFingerprint {
		t.Fatalf("first certificate: %+v", oc)
	}
	if d := oc.NotAfter.Sub(now); d < 364*24*time.Hour || d > 366*24*time.Hour {
		t.Fatalf("valid for %v", d)
	}
	for _, f := range []string{oc.KeyFile, filepath.Join(filepath.Dir(oc.CAFile), caKeyFile)} {
		if info, err := os.Stat(f); err != nil || info.Mode().Perm() != 0o600 {
			t.Fatalf("%s: %v %v", f, info.Mode(), err)
		}
	}
	// A real TLS server on loopback with the certificate; a client that
	// trusts only the office authority connects by IP and by name.
	pair, err := tls.LoadX509KeyPair(oc.CertFile, oc.KeyFile)
	if err != nil {
		t.Fatal(err)
	}
	leaf, _ := x509.ParseCertificate(pair.Certificate[0])
	if leaf.PublicKeyAlgorithm != x509.ECDSA {
		t.Fatalf("key %v, want ECDSA", leaf.PublicKeyAlgorithm)
	}
	srv := httptest.NewUnstartedServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) { io.WriteString(w, "aman") }))
	srv.TLS = &tls.Config{Certificates: []tls.Certificate{pair}}
	srv.StartTLS()
	defer srv.Close()
	caPEM, _ := os.ReadFile(oc.CAFile)
	pool := x509.NewCertPool()
	pool.AppendCertsFromPEM(caPEM)
	for _, name := range []string{"127.0.0.1", "localhost", "redaksi.kantor"} {
		c := &http.Client{Transport: &http.Transport{TLSClientConfig: &tls.Config{RootCAs: pool, ServerName: name}}}
		res, err := c.Get(srv.URL)
		if err != nil {
			t.Fatalf("as %s: %v", name, err)
		}
		res.Body.Close()
	}
	// A name not in the certificate fails.
	c := &http.Client{Transport: &http.Transport{TLSClientConfig: &tls.Config{RootCAs: pool, ServerName: "evil.example"}}}
	if res, err := c.Get(srv.URL); err == nil {
		res.Body.Close()
		t.Fatal("a foreign name verified")
	}

	// Kept while valid: same files, same fingerprints.
	again, err := EnsureCert(dir, []string{"redaksi.kantor"}, now.Add(200*24*time.Hour))
	if err != nil || again.Renewed || again.ServerFingerprint != oc.ServerFingerprint {
		t.Fatalf("renewed too early: %+v %v", again, err)
	}
	// Renewed near expiry, by the same authority: staff trust nothing new.
	later, err := EnsureCert(dir, []string{"redaksi.kantor"}, now.Add(340*24*time.Hour))
	if err != nil || !later.Renewed || later.ServerFingerprint == oc.ServerFingerprint || later.Fingerprint != oc.Fingerprint {
		t.Fatalf("near expiry: %+v %v", later, err)
	}
	// A new name makes a new server certificate, same authority.
	named, err := EnsureCert(dir, []string{"redaksi.kantor", "warta.lan"}, now.Add(340*24*time.Hour))
	if err != nil || !named.Renewed || named.Fingerprint != oc.Fingerprint {
		t.Fatalf("new name: %+v %v", named, err)
	}
	if !strings.Contains(strings.Join(named.Names, " "), "warta.lan") {
		t.Fatalf("names %v", named.Names)
	}
}

func TestOfficeTLSRenewsWhileRunning(t *testing.T) {
	dir := t.TempDir()
	c := newClock()
	c.t = time.Now()
	cfg, oc, err := OfficeTLS(dir, nil, c.Now)
	if err != nil {
		t.Fatal(err)
	}
	first, _ := cfg.GetCertificate(nil)
	c.Add(340 * 24 * time.Hour) // near expiry, server still running
	second, _ := cfg.GetCertificate(nil)
	if first == second || string(first.Certificate[0]) == string(second.Certificate[0]) {
		t.Fatal("the certificate was not renewed while the server ran")
	}
	if d := oc.Describe("en"); !strings.Contains(d, oc.CAFile) || !strings.Contains(d, oc.Fingerprint) {
		t.Fatalf("Describe: %s", d)
	}
}
