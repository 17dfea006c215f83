package deploy

import (
	"context"
	"crypto/ed25519"
	"crypto/rand"
	"encoding/pem"
	"net"
	"os"
	"os/exec"
	"os/user"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/minio/minio-go/v7"
	"github.com/minio/minio-go/v7/pkg/credentials"
	"golang.org/x/crypto/ssh"
)

// The integration tests run against real servers that the tests start
// themselves on loopback ports: OpenSSH's sshd with its own host key,
// authorized_keys and configuration (not the system's), and Versity's S3
// gateway over a temporary folder. .ci/setup-deploy.sh installs both.
// Without them a developer's machine skips loudly; CI (CI=true) fails.

func need(t *testing.T, tool, hint string) string {
	t.Helper()
	p, err := exec.LookPath(tool)
	if err != nil {
		for _, dir := range []string{"/usr/sbin", filepath.Join(os.Getenv("HOME"), "go", "bin")} {
			if _, serr := os.Stat(filepath.Join(dir, tool)); serr == nil {
				return filepath.Join(dir, tool)
			}
		}
		if gobin := goBin(); gobin != "" {
			if _, serr := os.Stat(filepath.Join(gobin, tool)); serr == nil {
				return filepath.Join(gobin, tool)
			}
		}
		if os.Getenv("CI") == "true" {
			t.Fatalf("%s is missing in CI: %s (.ci/setup-deploy.sh)", tool, hint)
		}
		t.Skipf("SKIPPED, NOT TESTED: %s is not installed; %s (or run .ci/setup-deploy.sh)", tool, hint)
	}
	return p
}

func goBin() string {
	out, err := exec.Command("go", "env", "GOPATH").Output()
	if err != nil {
		return ""
	}
	return filepath.Join(strings.TrimSpace(string(out)), "bin")
}

func freePort(t *testing.T) int {
	t.Helper()
	l, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	defer l.Close()
	return l.Addr().(*net.TCPAddr).Port
}

func waitPort(t *testing.T, port int, proc *exec.Cmd, log string) {
	t.Helper()
	addr := net.JoinHostPort("127.0.0.1", strconv.Itoa(port))
	for range 200 {
		if c, err := net.DialTimeout("tcp", addr, time.Second); err == nil {
			c.Close()
			return
		}
		if proc.ProcessState != nil {
			break
		}
		time.Sleep(50 * time.Millisecond)
	}
	data, _ := os.ReadFile(log)
	t.Fatalf("the server did not start on %s:\n%s", addr, data)
}

// start runs cmd until the test ends.
func start(t *testing.T, cmd *exec.Cmd, log string) {
	t.Helper()
	f, err := os.Create(log)
	if err != nil {
		t.Fatal(err)
	}
	cmd.Stdout, cmd.Stderr = f, f
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	go cmd.Wait()
	t.Cleanup(func() {
		cmd.Process.Kill()
		f.Close()
	})
}

// sshServer is a running sshd.
type sshServer struct {
	Pid        int // the listening sshd
	Port       int
	KnownHosts string // lists the server's real host key
	KeyFile    string // the client's private key
	User       string
	HostKey    ssh.PublicKey
}

func startSSHD(t *testing.T) sshServer {
	t.Helper()
	sshd := need(t, "sshd", "install Debian's openssh-server")
	dir := t.TempDir()
	if os.Geteuid() == 0 {
		os.MkdirAll("/run/sshd", 0o755) // privilege separation needs it
	}
	hostPub := writeKey(t, filepath.Join(dir, "host_ed25519"))
	clientPub := writeKey(t, filepath.Join(dir, "client_ed25519"))
	write(t, filepath.Join(dir, "authorized_keys"), string(ssh.MarshalAuthorizedKey(clientPub)))
	u, err := user.Current()
	if err != nil {
		t.Fatal(err)
	}
	port := freePort(t)
	cfg := strings.Join([]string{
		"Port " + strconv.Itoa(port),
		"ListenAddress 127.0.0.1",
		"HostKey " + filepath.Join(dir, "host_ed25519"),
		"AuthorizedKeysFile " + filepath.Join(dir, "authorized_keys"),
		"PidFile " + filepath.Join(dir, "sshd.pid"),
		"PasswordAuthentication no", "KbdInteractiveAuthentication no", "UsePAM no",
		"StrictModes no", "PermitRootLogin prohibit-password",
		"Subsystem sftp internal-sftp", "LogLevel ERROR", "MaxSessions 20", "MaxStartups 50",
	}, "\n") + "\n"
	write(t, filepath.Join(dir, "sshd_config"), cfg)
	cmd := exec.Command(sshd, "-D", "-e", "-f", filepath.Join(dir, "sshd_config"))
	log := filepath.Join(dir, "sshd.log")
	start(t, cmd, log)
	waitPort(t, port, cmd, log)
	known := filepath.Join(dir, "known_hosts")
	write(t, known, knownhostsLine(port, hostPub))
	return sshServer{Pid: cmd.Process.Pid, Port: port, KnownHosts: known, KeyFile: filepath.Join(dir, "client_ed25519"), User: u.Username, HostKey: hostPub}
}

func knownhostsLine(port int, key ssh.PublicKey) string {
	return "[127.0.0.1]:" + strconv.Itoa(port) + " " + string(ssh.MarshalAuthorizedKey(key))
}

// writeKey makes an ed25519 key pair, writes the private key in OpenSSH's
// format and returns the public key.
func writeKey(t *testing.T, file string) ssh.PublicKey {
	t.Helper()
	pub, priv, err := ed25519.GenerateKey(rand.Reader)
	if err != nil {
		t.Fatal(err)
	}
	block, err := ssh.MarshalPrivateKey(priv, "")
	if err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(file, pem.EncodeToMemory(block), 0o600); err != nil {
		t.Fatal(err)
	}
	sp, err := ssh.NewPublicKey(pub)
	if err != nil {
		t.Fatal(err)
	}
	return sp
}

// s3Server is a running S3 gateway with one empty bucket.
type s3Server struct {
	Endpoint, Bucket, Access, Secret string
	Client                           *minio.Client
}

func startS3(t *testing.T) s3Server {
	t.Helper()
	gw := need(t, "versitygw", "install it with go install github.com/versity/versitygw/cmd/versitygw@v1.8.0")
	dir := t.TempDir()
	root := filepath.Join(dir, "root")
	os.MkdirAll(root, 0o755)
	port := freePort(t)
	s := s3Server{Endpoint: "http://127.0.0.1:" + strconv.Itoa(port), Bucket: "situs", Access: "wartauji", Secret: "rahasia-uji-9f3c2b71"}
	cmd := exec.Command(gw, "--port", "127.0.0.1:"+strconv.Itoa(port), "--access", s.Access, "--secret", s.Secret,
		"--quiet", "posix", root)
	log := filepath.Join(dir, "versitygw.log")
	start(t, cmd, log)
	waitPort(t, port, cmd, log)
	c, err := minio.New("127.0.0.1:"+strconv.Itoa(port), &minio.Options{
		Creds: credentials.NewStaticV4(s.Access, s.Secret, ""), BucketLookup: minio.BucketLookupPath, Region: "us-east-1"})
	if err != nil {
		t.Fatal(err)
	}
	if err := c.MakeBucket(context.Background(), s.Bucket, minio.MakeBucketOptions{}); err != nil {
		t.Fatal(err)
	}
	s.Client = c
	return s
}

func write(t *testing.T, file, text string) {
	t.Helper()
	if err := os.MkdirAll(filepath.Dir(file), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(file, []byte(text), 0o644); err != nil {
		t.Fatal(err)
	}
}

// dropConnections kills the sshd processes serving connections (the
// children of the listening one), as a network that drops would end them;
// the server itself goes on listening.
func (s sshServer) dropConnections(t *testing.T) int {
	t.Helper()
	data, err := os.ReadFile("/proc/" + strconv.Itoa(s.Pid) + "/task/" + strconv.Itoa(s.Pid) + "/children")
	if err != nil {
		t.Skipf("cannot list sshd's connections here: %v", err)
	}
	n := 0
	for _, f := range strings.Fields(string(data)) {
		pid, _ := strconv.Atoi(f)
		if p, err := os.FindProcess(pid); err == nil && p.Kill() == nil {
			n++
		}
	}
	return n
}
