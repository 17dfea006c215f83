package deploy

import (
	"context"
	"errors"
	"io"
	"io/fs"
	"net"
	"os"
	"path"
	"strconv"
	"strings"
	"sync"
	"time"

	"github.com/pkg/sftp"
	"golang.org/x/crypto/ssh"

	"github.com/dinsos-metro/warta/internal/config"
	"github.com/dinsos-metro/warta/internal/diag"
)

// sftpTarget is a web root on a server reached over SSH. Each file is
// written under a temporary name beside its place and renamed over the
// old one, so a reader gets the old file or the new one, never a part.
type sftpTarget struct {
	root string
	dial func(context.Context) (*ssh.Client, *sftp.Client, error)
	made sync.Map // folders known to exist

	mu  sync.Mutex
	ssh *ssh.Client
	c   *sftp.Client
}

func openSFTP(ctx context.Context, t config.DeployTarget, s *secrets) (Target, error) {
	addr := net.JoinHostPort(t.Host, strconv.Itoa(t.Port))
	auth, err := sshAuth(t, s)
	if err != nil {
		return nil, err
	}
	check, algos, err := hostKeyCheck(t, s, addr)
	if err != nil {
		return nil, err
	}
	dial := func(ctx context.Context) (*ssh.Client, *sftp.Client, error) {
		var refused error
		cfg := &ssh.ClientConfig{
			User: t.User, Auth: auth, HostKeyAlgorithms: algos, Timeout: 20 * time.Second,
			HostKeyCallback: func(host string, remote net.Addr, key ssh.PublicKey) error {
				refused = check(host, remote, key)
				return refused
			},
		}
		d := net.Dialer{Timeout: 20 * time.Second}
		conn, err := d.DialContext(ctx, "tcp", addr)
		if err != nil {
			return nil, nil, &Error{Code: diag.DeployConnect, Args: []any{addr, err}, Err: err}
		}
		sc, chans, reqs, err := ssh.NewClientConn(conn, addr, cfg)
		if err != nil {
			conn.Close()
			if refused != nil {
				return nil, nil, refused
			}
			if strings.Contains(err.Error(), "unable to authenticate") {
				return nil, nil, fail(diag.DeployLogin, addr, t.User, err)
			}
			return nil, nil, &Error{Code: diag.DeployConnect, Args: []any{addr, err}, Err: err}
		}
		client := ssh.NewClient(sc, chans, reqs)
		c, err := sftp.NewClient(client)
		if err != nil {
			client.Close()
			return nil, nil, &Error{Code: diag.DeployConnect, Args: []any{addr, err}, Err: err}
		}
		return client, c, nil
	}
	client, c, err := dial(ctx)
	if err != nil {
		return nil, err
	}
	return &sftpTarget{root: t.Path, dial: dial, ssh: client, c: c}, nil
}

// client is the connection in use.
func (t *sftpTarget) client() *sftp.Client {
	t.mu.Lock()
	defer t.mu.Unlock()
	return t.c
}

// lost connects again when err says the connection c was lost (a network
// that dropped, a server restarted), so that the next try of this file
// and the files after it go through a new one. A failure to connect is
// left for that next try to meet.
func (t *sftpTarget) lost(ctx context.Context, c *sftp.Client, err error) {
	if !errors.Is(err, sftp.ErrSSHFxConnectionLost) && !errors.Is(err, io.EOF) && !errors.Is(err, net.ErrClosed) {
		return
	}
	t.mu.Lock()
	defer t.mu.Unlock()
	if t.c != c {
		return // another sender connected again already
	}
	client, nc, derr := t.dial(ctx)
	if derr != nil {
		return
	}
	t.c.Close()
	t.ssh.Close()
	t.ssh, t.c = client, nc
}

// sshAuth gathers the ways to log in the target names: a key (from a
// file or a variable, with its passphrase) and a password.
func sshAuth(t config.DeployTarget, s *secrets) ([]ssh.AuthMethod, error) {
	var methods []ssh.AuthMethod
	key, err := s.fromFile(t.KeyFile)
	if err != nil {
		return nil, err
	}
	if key == nil && t.KeyEnv != "" {
		v, err := s.fromEnv(t.KeyEnv)
		if err != nil {
			return nil, err
		}
		key = []byte(v)
	}
	if key != nil {
		signer, err := ssh.ParsePrivateKey(key)
		var missing *ssh.PassphraseMissingError
		if errors.As(err, &missing) && t.PassphraseEnv != "" {
			var pass string
			if pass, err = s.fromEnv(t.PassphraseEnv); err != nil {
				return nil, err
			}
			signer, err = ssh.ParsePrivateKeyWithPassphrase(key, []byte(pass))
		}
		if err != nil {
			// The parser's message never holds the key; say which setting.
			where := t.KeyFile
			if where == "" {
				where = "$" + t.KeyEnv
			}
			return nil, fail(diag.DeploySecretFile, t.Name, where, err)
		}
		methods = append(methods, ssh.PublicKeys(signer))
	}
	password, err := s.fromEnv(t.PasswordEnv)
	if err != nil {
		return nil, err
	}
	if password == "" && t.PasswordFile != "" {
		data, err := s.fromFile(t.PasswordFile)
		if err != nil {
			return nil, err
		}
		password = strings.TrimRight(string(data), "\r\n")
	}
	if password != "" {
		methods = append(methods, ssh.Password(password))
	}
	return methods, nil
}

func (t *sftpTarget) remote(name string) string { return path.Join(t.root, name) }

func (t *sftpTarget) mkdir(c *sftp.Client, dir string) error {
	if _, ok := t.made.Load(dir); ok {
		return nil
	}
	if err := c.MkdirAll(dir); err != nil {
		return err
	}
	t.made.Store(dir, true)
	return nil
}

func (t *sftpTarget) Put(ctx context.Context, name, local string, size int64, h Header) error {
	c := t.client()
	err := t.put(ctx, c, name, local)
	t.lost(ctx, c, err)
	return err
}

func (t *sftpTarget) put(ctx context.Context, c *sftp.Client, name, local string) error {
	src, err := os.Open(local)
	if err != nil {
		return localError{err}
	}
	defer src.Close()
	dst := t.remote(name)
	if err := t.mkdir(c, path.Dir(dst)); err != nil {
		return err
	}
	tmp := path.Join(path.Dir(dst), ".warta-"+path.Base(dst)+".tmp")
	f, err := c.OpenFile(tmp, os.O_WRONLY|os.O_CREATE|os.O_TRUNC)
	if err != nil {
		return err
	}
	_, err = io.Copy(f, ctxReader{ctx, src})
	if err == nil {
		err = f.Chmod(0o644)
	}
	if cerr := f.Close(); err == nil {
		err = cerr
	}
	if err == nil {
		err = c.PosixRename(tmp, dst)
	}
	if err != nil {
		c.Remove(tmp)
	}
	return err
}

func (t *sftpTarget) Delete(ctx context.Context, name string) error {
	c := t.client()
	dst := t.remote(name)
	if err := c.Remove(dst); err != nil && !errors.Is(err, fs.ErrNotExist) {
		t.lost(ctx, c, err)
		return err
	}
	// Folders the site no longer uses go too: removing a folder that
	// still holds something fails, which is where this stops.
	for dir := path.Dir(dst); dir != t.root && strings.HasPrefix(dir, t.root+"/"); dir = path.Dir(dir) {
		if c.RemoveDirectory(dir) != nil {
			break
		}
		t.made.Delete(dir)
	}
	return nil
}

func (t *sftpTarget) Close() error {
	t.mu.Lock()
	defer t.mu.Unlock()
	t.c.Close()
	return t.ssh.Close()
}

// ctxReader stops a long copy when the deploy is cancelled.
type ctxReader struct {
	ctx context.Context
	r   io.Reader
}

func (c ctxReader) Read(p []byte) (int, error) {
	if err := c.ctx.Err(); err != nil {
		return 0, err
	}
	return c.r.Read(p)
}
