package deploy

import (
	"context"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"golang.org/x/crypto/ssh"

	"github.com/dinsos-metro/warta/internal/config"
	"github.com/dinsos-metro/warta/internal/diag"
)

func sftpTarget_(srv sshServer, root string) config.DeployTarget {
	return config.DeployTarget{Name: "server", Kind: "sftp", Host: "127.0.0.1", Port: srv.Port, User: srv.User,
		Path: root, KeyFile: srv.KeyFile, KnownHosts: srv.KnownHosts}
}

func TestSFTPTarget(t *testing.T) {
	srv := startSSHD(t)
	root := filepath.Join(t.TempDir(), "www")
	// sshd runs on this machine: what it wrote can be read from the disk.
	scenario(t, sftpTarget_(srv, root), nil, func() map[string]string { return readTree(t, root) })
}

// TestSFTPKeyFromEnv logs in with the key in an environment variable.
func TestSFTPKeyFromEnv(t *testing.T) {
	srv := startSSHD(t)
	key, err := os.ReadFile(srv.KeyFile)
	if err != nil {
		t.Fatal(err)
	}
	root := filepath.Join(t.TempDir(), "www")
	tgt := sftpTarget_(srv, root)
	tgt.KeyFile, tgt.KeyEnv = "", "WARTA_SSH_KEY"
	s := newSite(t)
	res, err := Run(context.Background(), Options{SiteDir: s.dir, Output: s.out, Target: tgt,
		Env: func(k string) string { return map[string]string{"WARTA_SSH_KEY": string(key)}[k] }})
	if err != nil || res.Sent != len(fixture) {
		t.Fatalf("deploy with the key from the environment: sent %d, %v", res.Sent, err)
	}
}

// TestSFTPHostKeyRefused: a server whose key is not in known_hosts, or
// differs from the one there, gets nothing, and the message shows the
// key's SHA256 fingerprint.
func TestSFTPHostKeyRefused(t *testing.T) {
	srv := startSSHD(t)
	fp := ssh.FingerprintSHA256(srv.HostKey)
	dir := t.TempDir()
	other := writeKey(t, filepath.Join(dir, "other"))
	for _, c := range []struct {
		name, known string
		code        diag.Code
	}{
		{"unknown", "", diag.DeployHostUnknown},
		{"other host only", "[127.0.0.1]:1 " + string(ssh.MarshalAuthorizedKey(srv.HostKey)), diag.DeployHostUnknown},
		{"changed", knownhostsLine(srv.Port, other), diag.DeployHostChanged},
	} {
		t.Run(c.name, func(t *testing.T) {
			known := filepath.Join(t.TempDir(), "known_hosts")
			write(t, known, c.known)
			root := filepath.Join(t.TempDir(), "www")
			tgt := sftpTarget_(srv, root)
			tgt.KnownHosts = known
			s := newSite(t)
			res, err := Run(context.Background(), Options{SiteDir: s.dir, Output: s.out, Target: tgt})
			var e *Error
			if !errors.As(err, &e) || e.Code != c.code {
				t.Fatalf("got %v, want the message %s", err, c.code)
			}
			for _, lang := range []string{"en", "id"} {
				if msg := Message(err, lang); !strings.Contains(msg, fp) {
					t.Errorf("the %s message does not show the fingerprint %s: %s", lang, fp, msg)
				}
			}
			if res.Sent != 0 || len(readTree(t, root)) != 0 {
				t.Errorf("files were sent to a server whose key was refused")
			}
		})
	}
}

// TestSFTPSecretsStayOut: a key file inside the site folder is refused,
// and a broken key's passphrase never shows in the message.
func TestSFTPSecretsStayOut(t *testing.T) {
	srv := startSSHD(t)
	s := newSite(t)
	inside := filepath.Join(s.dir, "kunci")
	data, _ := os.ReadFile(srv.KeyFile)
	write(t, inside, string(data))
	tgt := sftpTarget_(srv, filepath.Join(t.TempDir(), "www"))
	tgt.KeyFile = inside
	_, err := Run(context.Background(), Options{SiteDir: s.dir, Output: s.out, Target: tgt})
	var e *Error
	if !errors.As(err, &e) || e.Code != diag.DeploySecretInside {
		t.Errorf("a key inside the site folder: got %v, want %s", err, diag.DeploySecretInside)
	}

	// A password the server refuses: the message names the user, not the password.
	tgt = sftpTarget_(srv, filepath.Join(t.TempDir(), "www"))
	tgt.KeyFile, tgt.PasswordEnv = "", "WARTA_SANDI"
	const password = "sandi-Rahasia-7731"
	_, err = Run(context.Background(), Options{SiteDir: s.dir, Output: s.out, Target: tgt,
		Env: func(string) string { return password }})
	if err == nil {
		t.Fatal("a refused password deployed")
	}
	for _, lang := range []string{"en", "id"} {
		if strings.Contains(Message(err, lang), password) {
			t.Errorf("the message shows the password: %s", Message(err, lang))
		}
	}
}

// TestSFTPFailureStopsLaterSteps: a file the server refuses every time is
// tried again, named with its reason, and the later steps (lists,
// deletions) are not run, so no list links to a page that is not there.
func TestSFTPFailureStopsLaterSteps(t *testing.T) {
	srv := startSSHD(t)
	root := filepath.Join(t.TempDir(), "www")
	// A folder where the page must go: the server cannot put a file there.
	if err := os.MkdirAll(filepath.Join(root, "404.html", "x"), 0o755); err != nil {
		t.Fatal(err)
	}
	s := newSite(t)
	retries := 0
	res, err := Run(context.Background(), Options{SiteDir: s.dir, Output: s.out, Target: sftpTarget_(srv, root), Tries: 3, Wait: time.Millisecond,
		Progress: func(e Event) {
			if e.Kind == Retrying {
				retries++
			}
		}})
	var e *Error
	if !errors.As(err, &e) || e.Code != diag.DeployStopped {
		t.Fatalf("got %v, want %s", err, diag.DeployStopped)
	}
	if len(res.Failures) != 1 || !strings.Contains(Message(res.Failures[0], "en"), "404.html: could not be sent after 3 tries") {
		t.Errorf("failures: %v", res.Failures)
	}
	if retries != 2 {
		t.Errorf("%d retries, want 2", retries)
	}
	got := readTree(t, root)
	if _, ok := got["assets/css/style.2cdc5435.css"]; !ok {
		t.Error("the assets were not sent before the failure")
	}
	for _, late := range []string{"index.html", "feed.xml", "sitemap.xml"} {
		if _, ok := got[late]; ok {
			t.Errorf("%s was sent although a page failed before it", late)
		}
	}
}

// TestSFTPConnectionDropped: the connection drops in the middle of a
// deploy; warta connects again and the deploy ends complete.
func TestSFTPConnectionDropped(t *testing.T) {
	srv := startSSHD(t)
	root := filepath.Join(t.TempDir(), "www")
	s := newSite(t)
	dropped, retries := 0, 0
	res, err := Run(context.Background(), Options{SiteDir: s.dir, Output: s.out, Target: sftpTarget_(srv, root), Workers: 1, Wait: 10 * time.Millisecond,
		Progress: func(e Event) {
			switch {
			case e.Kind == Sent && e.Done == 3 && dropped == 0:
				dropped = srv.dropConnections(t)
			case e.Kind == Retrying:
				retries++
			}
		}})
	if err != nil {
		t.Fatalf("the deploy did not recover from a dropped connection: %v", err)
	}
	if dropped == 0 || retries == 0 {
		t.Fatalf("the connection was not dropped (%d processes killed, %d retries)", dropped, retries)
	}
	if res.Sent != len(fixture) {
		t.Errorf("sent %d, want %d", res.Sent, len(fixture))
	}
	sameFiles(t, "after a dropped connection", readTree(t, root), s.files())
}
