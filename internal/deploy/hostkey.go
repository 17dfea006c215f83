package deploy

import (
	"crypto/ed25519"
	"crypto/rand"
	"errors"
	"net"
	"os"
	"path/filepath"
	"strconv"
	"strings"

	"golang.org/x/crypto/ssh"
	"golang.org/x/crypto/ssh/knownhosts"

	"github.com/dinsos-metro/warta/internal/config"
	"github.com/dinsos-metro/warta/internal/diag"
)

// hostKeyCheck reads the known_hosts file of the target and returns the
// check of the server's key: a key not listed, or listed differently,
// stops the connection with a message showing its SHA256 fingerprint.
// There is no way to skip the check: a deploy that would send the site
// and a password to whoever answers is not offered.
//
// It also returns the key types known for the host, so the server is
// asked for one of those: a server with an ed25519 and an RSA key must
// not be taken for a changed one because known_hosts lists only one.
func hostKeyCheck(t config.DeployTarget, s *secrets, addr string) (ssh.HostKeyCallback, []string, error) {
	file := t.KnownHosts
	if file == "" {
		file = "~/.ssh/known_hosts"
	}
	shown := file
	if rest, ok := strings.CutPrefix(file, "~/"); ok {
		home, err := os.UserHomeDir()
		if err != nil {
			return nil, nil, fail(diag.DeployKnownHosts, shown, err)
		}
		file = filepath.Join(home, rest)
	} else if !filepath.IsAbs(file) {
		file = filepath.Join(s.siteDir, file)
	}
	cb, err := knownhosts.New(file)
	if err != nil {
		return nil, nil, fail(diag.DeployKnownHosts, shown, err)
	}
	check := func(host string, remote net.Addr, key ssh.PublicKey) error {
		err := cb(host, remote, key)
		var ke *knownhosts.KeyError
		var revoked *knownhosts.RevokedError
		fp := ssh.FingerprintSHA256(key)
		switch {
		case errors.As(err, &ke) && len(ke.Want) == 0:
			return fail(diag.DeployHostUnknown, addr, shown, fp, t.Port, t.Host, shown)
		case errors.As(err, &ke), errors.As(err, &revoked):
			return fail(diag.DeployHostChanged, addr, fp, shown, shown)
		}
		return err
	}
	return check, knownAlgorithms(cb, addr), nil
}

// knownAlgorithms asks the known_hosts callback about a key made up on
// the spot: the refusal lists the keys known for the host.
func knownAlgorithms(cb ssh.HostKeyCallback, addr string) []string {
	pub, _, err := ed25519.GenerateKey(rand.Reader)
	if err != nil {
		return nil
	}
	probe, err := ssh.NewPublicKey(pub)
	if err != nil {
		return nil
	}
	host, port, _ := net.SplitHostPort(addr)
	p, _ := strconv.Atoi(port)
	remote := &net.TCPAddr{IP: net.ParseIP(host), Port: p}
	var ke *knownhosts.KeyError
	if !errors.As(cb(addr, remote, probe), &ke) {
		return nil
	}
	var algos []string
	seen := map[string]bool{}
	for _, w := range ke.Want {
		names := []string{w.Key.Type()}
		if names[0] == ssh.KeyAlgoRSA {
			names = []string{ssh.KeyAlgoRSASHA512, ssh.KeyAlgoRSASHA256, ssh.KeyAlgoRSA}
		}
		for _, n := range names {
			if !seen[n] {
				seen[n] = true
				algos = append(algos, n)
			}
		}
	}
	return algos
}
