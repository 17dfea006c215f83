package auth

import (
	"crypto/tls"
	"sync"
	"time"

	"github.com/dinsos-metro/warta/internal/diag"
)

// OfficeTLS is EnsureCert made ready for a server: a tls.Config whose
// certificate is checked again once a day, so a server left running for a
// year renews its certificate by itself. now nil is time.Now.
func OfficeTLS(siteDir string, extra []string, now func() time.Time) (*tls.Config, OfficeCert, error) {
	if now == nil {
		now = time.Now
	}
	oc, err := EnsureCert(siteDir, extra, now())
	if err != nil {
		return nil, oc, err
	}
	pair, err := tls.LoadX509KeyPair(oc.CertFile, oc.KeyFile)
	if err != nil {
		return nil, oc, err
	}
	var (
		mu      sync.Mutex
		current = &pair
		checked = now()
	)
	cfg := &tls.Config{
		MinVersion: tls.VersionTLS12,
		GetCertificate: func(*tls.ClientHelloInfo) (*tls.Certificate, error) {
			mu.Lock()
			defer mu.Unlock()
			if now().Sub(checked) < 24*time.Hour {
				return current, nil
			}
			checked = now()
			if fresh, err := EnsureCert(siteDir, extra, now()); err == nil && fresh.Renewed {
				if p, err := tls.LoadX509KeyPair(fresh.CertFile, fresh.KeyFile); err == nil {
					current = &p
				}
			}
			return current, nil
		},
	}
	return cfg, oc, nil
}

// Describe is what the terminal says about the office certificate: where
// the authority file is for staff to install, and its fingerprint to
// compare.
func (oc OfficeCert) Describe(lang string) string {
	until := oc.NotAfter.Format("2006-01-02")
	return diag.New("", 0, diag.TLSFingerprint, until, oc.CAFile, oc.Fingerprint).Message(lang)
}
