package auth

import (
	"crypto/ecdsa"
	"crypto/elliptic"
	"crypto/rand"
	"crypto/sha256"
	"crypto/x509"
	"crypto/x509/pkix"
	"encoding/hex"
	"encoding/pem"
	"errors"
	"math/big"
	"net"
	"net/netip"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"time"
)

// The office certificate. warta makes a small certificate authority of
// its own (valid ten years, allowed by name constraints to vouch only for
// private addresses and office names) and, signed by it, the server's
// certificate (valid a year, renewed when less than RenewBefore is left
// or when the machine's names or addresses changed). Staff trust the
// authority once, on each computer and phone; renewals then need nothing
// from them. Android installs only authority certificates, which is why
// there are two.
const (
	CertLifetime   = 365 * 24 * time.Hour
	CALifetime     = 10 * 365 * 24 * time.Hour
	RenewBefore    = 30 * 24 * time.Hour
	tlsDir         = "tls"
	caCertFile     = "warta-kantor-ca.crt" // what staff install
	caKeyFile      = "ca.key"
	serverCertFile = "server.crt"
	serverKeyFile  = "server.key"
)

// OfficeCert is the office certificate EnsureCert keeps.
type OfficeCert struct {
	CertFile, KeyFile string // for tls.LoadX509KeyPair: server certificate (with the authority) and key
	CAFile            string // the authority staff install
	// Fingerprint is the SHA-256 of the authority (what staff compare when
	// they install it); ServerFingerprint that of the server certificate.
	Fingerprint, ServerFingerprint string
	NotAfter                       time.Time
	Names                          []string
	IPs                            []netip.Addr
	Renewed                        bool // made or renewed by this call
}

// EnsureCert makes or keeps the office certificate in .warta/tls of the
// site in siteDir, for this machine's names and addresses plus extra
// names (a name staff type, such as redaksi.kantor). now is the clock.
func EnsureCert(siteDir string, extra []string, now time.Time) (OfficeCert, error) {
	state, err := StateDir(siteDir)
	if err != nil {
		return OfficeCert{}, err
	}
	dir := filepath.Join(state, tlsDir)
	if err := os.MkdirAll(dir, 0o700); err != nil {
		return OfficeCert{}, err
	}
	names := machineNames()
	for _, e := range extra {
		if e = strings.ToLower(strings.TrimSpace(e)); e != "" && !slices.Contains(names, e) {
			names = append(names, e)
		}
	}
	var ips []netip.Addr
	for _, ip := range machineIPs() {
		if private(ip) { // a public address has no place in an office certificate
			ips = append(ips, ip)
		}
	}
	oc := OfficeCert{
		CertFile: filepath.Join(dir, serverCertFile), KeyFile: filepath.Join(dir, serverKeyFile),
		CAFile: filepath.Join(dir, caCertFile), Names: names, IPs: ips,
	}
	ca, caKey, err := loadCA(dir, now)
	if err != nil || !permits(ca, names, ips) {
		if ca, caKey, err = makeCA(dir, names, now); err != nil {
			return oc, err
		}
		os.Remove(oc.CertFile) // signed by the old authority
	}
	oc.Fingerprint = fingerprint(ca.Raw)
	leaf, err := loadLeaf(oc.CertFile, oc.KeyFile)
	if err != nil || !leafGood(leaf, ca, names, ips, now) {
		if leaf, err = makeLeaf(oc, ca, caKey, now); err != nil {
			return oc, err
		}
		oc.Renewed = true
	}
	oc.ServerFingerprint = fingerprint(leaf.Raw)
	oc.NotAfter = leaf.NotAfter
	return oc, nil
}

// FormatFingerprint writes a SHA-256 as Windows and Android show it:
// pairs of hexadecimal digits separated by colons.
func fingerprint(der []byte) string {
	sum := sha256.Sum256(der)
	h := strings.ToUpper(hex.EncodeToString(sum[:]))
	var b strings.Builder
	for i := 0; i < len(h); i += 2 {
		if i > 0 {
			b.WriteByte(':')
		}
		b.WriteString(h[i : i+2])
	}
	return b.String()
}

func serial() (*big.Int, error) {
	return rand.Int(rand.Reader, new(big.Int).Lsh(big.NewInt(1), 127))
}

func writePEM(name, typ string, der []byte, mode os.FileMode) error {
	data := pem.EncodeToMemory(&pem.Block{Type: typ, Bytes: der})
	if err := writeFile(name, data); err != nil {
		return err
	}
	return os.Chmod(name, mode)
}

// privateNets are the networks the office authority may vouch for.
var privateNets = []string{"10.0.0.0/8", "172.16.0.0/12", "192.168.0.0/16", "127.0.0.0/8", "100.64.0.0/10", "fc00::/7", "::1/128"}

func private(ip netip.Addr) bool {
	for _, n := range privateNets {
		if netip.MustParsePrefix(n).Contains(ip) {
			return true
		}
	}
	return false
}

func makeCA(dir string, names []string, now time.Time) (*x509.Certificate, *ecdsa.PrivateKey, error) {
	key, err := ecdsa.GenerateKey(elliptic.P256(), rand.Reader)
	if err != nil {
		return nil, nil, err
	}
	sn, err := serial()
	if err != nil {
		return nil, nil, err
	}
	var nets []*net.IPNet
	for _, n := range privateNets {
		_, ipn, _ := net.ParseCIDR(n)
		nets = append(nets, ipn)
	}
	host := "warta"
	if len(names) > 1 {
		host = names[1]
	}
	tmpl := &x509.Certificate{
		SerialNumber:          sn,
		Subject:               pkix.Name{CommonName: "warta kantor CA (" + host + ")", Organization: []string{"warta"}},
		NotBefore:             now.Add(-time.Hour),
		NotAfter:              now.Add(CALifetime),
		KeyUsage:              x509.KeyUsageCertSign | x509.KeyUsageCRLSign,
		BasicConstraintsValid: true,
		IsCA:                  true,
		MaxPathLenZero:        true,
		PermittedDNSDomains:   dnsDomains(names),
		PermittedIPRanges:     nets,
	}
	der, err := x509.CreateCertificate(rand.Reader, tmpl, tmpl, &key.PublicKey, key)
	if err != nil {
		return nil, nil, err
	}
	kder, err := x509.MarshalECPrivateKey(key)
	if err != nil {
		return nil, nil, err
	}
	if err := writePEM(filepath.Join(dir, caKeyFile), "EC PRIVATE KEY", kder, 0o600); err != nil {
		return nil, nil, err
	}
	if err := writePEM(filepath.Join(dir, caCertFile), "CERTIFICATE", der, 0o644); err != nil {
		return nil, nil, err
	}
	ca, err := x509.ParseCertificate(der)
	return ca, key, err
}

// dnsDomains are the names the authority may vouch for: the machine's
// and office names ending in .local, .lan, .internal or .home.arpa.
func dnsDomains(names []string) []string {
	out := []string{"local", "lan", "internal", "home.arpa"}
	for _, n := range names {
		if !slices.ContainsFunc(out, func(d string) bool { return n == d || strings.HasSuffix(n, "."+d) }) {
			out = append(out, n)
		}
	}
	return out
}

func loadCA(dir string, now time.Time) (*x509.Certificate, *ecdsa.PrivateKey, error) {
	ca, err := readCert(filepath.Join(dir, caCertFile))
	if err != nil {
		return nil, nil, err
	}
	key, err := readKey(filepath.Join(dir, caKeyFile))
	if err != nil {
		return nil, nil, err
	}
	if !ca.IsCA || now.Add(RenewBefore).After(ca.NotAfter) || !key.PublicKey.Equal(ca.PublicKey) {
		return nil, nil, errors.New("authority unusable")
	}
	return ca, key, nil
}

// permits reports whether the authority may vouch for every name and
// address (the machine may have been renamed).
func permits(ca *x509.Certificate, names []string, ips []netip.Addr) bool {
	for _, n := range names {
		if !slices.ContainsFunc(ca.PermittedDNSDomains, func(d string) bool { return n == d || strings.HasSuffix(n, "."+d) }) {
			return false
		}
	}
	for _, ip := range ips {
		if !slices.ContainsFunc(ca.PermittedIPRanges, func(n *net.IPNet) bool { return n.Contains(ip.AsSlice()) }) {
			return false
		}
	}
	return true
}

func readCert(name string) (*x509.Certificate, error) {
	data, err := os.ReadFile(name)
	if err != nil {
		return nil, err
	}
	b, _ := pem.Decode(data)
	if b == nil || b.Type != "CERTIFICATE" {
		return nil, errors.New(name + ": not a certificate")
	}
	return x509.ParseCertificate(b.Bytes)
}

func readKey(name string) (*ecdsa.PrivateKey, error) {
	data, err := os.ReadFile(name)
	if err != nil {
		return nil, err
	}
	b, _ := pem.Decode(data)
	if b == nil {
		return nil, errors.New(name + ": not a key")
	}
	return x509.ParseECPrivateKey(b.Bytes)
}

func loadLeaf(certFile, keyFile string) (*x509.Certificate, error) {
	leaf, err := readCert(certFile)
	if err != nil {
		return nil, err
	}
	key, err := readKey(keyFile)
	if err != nil {
		return nil, err
	}
	if !key.PublicKey.Equal(leaf.PublicKey) {
		return nil, errors.New("key does not match")
	}
	return leaf, nil
}

// leafGood reports whether the server certificate is signed by ca, has
// more than RenewBefore left, and names every name and address.
func leafGood(leaf, ca *x509.Certificate, names []string, ips []netip.Addr, now time.Time) bool {
	if leaf.CheckSignatureFrom(ca) != nil || now.Add(RenewBefore).After(leaf.NotAfter) || now.Before(leaf.NotBefore) {
		return false
	}
	for _, n := range names {
		if !slices.Contains(leaf.DNSNames, n) {
			return false
		}
	}
	for _, ip := range ips {
		if !slices.ContainsFunc(leaf.IPAddresses, func(x net.IP) bool { return x.Equal(ip.AsSlice()) }) {
			return false
		}
	}
	return true
}

func makeLeaf(oc OfficeCert, ca *x509.Certificate, caKey *ecdsa.PrivateKey, now time.Time) (*x509.Certificate, error) {
	key, err := ecdsa.GenerateKey(elliptic.P256(), rand.Reader)
	if err != nil {
		return nil, err
	}
	sn, err := serial()
	if err != nil {
		return nil, err
	}
	var ips []net.IP
	for _, ip := range oc.IPs {
		ips = append(ips, net.IP(ip.AsSlice()))
	}
	tmpl := &x509.Certificate{
		SerialNumber: sn,
		Subject:      pkix.Name{CommonName: oc.Names[len(oc.Names)-1], Organization: []string{"warta"}},
		NotBefore:    now.Add(-time.Hour),
		NotAfter:     now.Add(CertLifetime),
		KeyUsage:     x509.KeyUsageDigitalSignature,
		ExtKeyUsage:  []x509.ExtKeyUsage{x509.ExtKeyUsageServerAuth},
		DNSNames:     oc.Names,
		IPAddresses:  ips,
	}
	der, err := x509.CreateCertificate(rand.Reader, tmpl, ca, &key.PublicKey, caKey)
	if err != nil {
		return nil, err
	}
	kder, err := x509.MarshalECPrivateKey(key)
	if err != nil {
		return nil, err
	}
	if err := writePEM(oc.KeyFile, "EC PRIVATE KEY", kder, 0o600); err != nil {
		return nil, err
	}
	// The chain: the server's certificate, then the authority's.
	chain := append(pem.EncodeToMemory(&pem.Block{Type: "CERTIFICATE", Bytes: der}),
		pem.EncodeToMemory(&pem.Block{Type: "CERTIFICATE", Bytes: ca.Raw})...)
	if err := writeFile(oc.CertFile, chain); err != nil {
		return nil, err
	}
	return x509.ParseCertificate(der)
}
