package config

import (
	"fmt"
	"github.com/dinsos-metro/warta/internal/diag"
	"net/url"
	"path/filepath"
	"regexp"
	"strings"
)

// DeployTarget is one place warta deploy publishes the built site to.
// Secrets are never kept here: only the names of environment variables or
// files outside the site that hold them. Keys that would hold a secret
// itself (password, secret_key...) exist only to be refused with a clear
// message instead of the generic "unknown key".
type DeployTarget struct {
	Name string `yaml:"name"`
	// Kind is folder, sftp or s3.
	Kind string `yaml:"kind"`

	// Path is the web root: a folder on this machine (folder) or on the
	// server (sftp).
	Path string `yaml:"path"`

	// SFTP.
	Host string `yaml:"host"`
	Port int    `yaml:"port"`
	User string `yaml:"user"`
	// KeyFile is a private key file outside the site; KeyEnv names an
	// environment variable holding the key itself.
	KeyFile string `yaml:"key_file"`
	KeyEnv  string `yaml:"key_env"`
	// PassphraseEnv names the variable holding the key's passphrase.
	PassphraseEnv string `yaml:"passphrase_env"`
	PasswordEnv   string `yaml:"password_env"`
	PasswordFile  string `yaml:"password_file"`
	// KnownHosts is the known_hosts file the server's key is checked
	// against (default ~/.ssh/known_hosts).
	KnownHosts string `yaml:"known_hosts"`

	// S3-compatible object storage.
	Endpoint string `yaml:"endpoint"`
	Region   string `yaml:"region"`
	Bucket   string `yaml:"bucket"`
	Prefix   string `yaml:"prefix"`
	// AccessKeyEnv and SecretKeyEnv name the variables holding the
	// credentials (default AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY).
	AccessKeyEnv string `yaml:"access_key_env"`
	SecretKeyEnv string `yaml:"secret_key_env"`
	// PathStyle addresses the bucket as endpoint/bucket instead of
	// bucket.endpoint (MinIO and most self-hosted servers need it).
	PathStyle bool `yaml:"path_style"`

	// Refused: secrets written into site.yaml.
	Password   string `yaml:"password"`
	Passphrase string `yaml:"passphrase"`
	PrivateKey string `yaml:"private_key"`
	Key        string `yaml:"key"`
	AccessKey  string `yaml:"access_key"`
	SecretKey  string `yaml:"secret_key"`
	Token      string `yaml:"token"`
}

var (
	targetName = regexp.MustCompile(`^[a-z0-9][a-z0-9_-]*$`)
	envName    = regexp.MustCompile(`^[A-Za-z_][A-Za-z0-9_]*$`)
	// secretShape matches values that are keys, not names: AWS access
	// key ids, PEM blocks.
	secretShape = regexp.MustCompile(`^(AKIA|ASIA)[A-Z0-9]{12,}$|-----BEGIN`)
)

// secretHint says where each refused secret belongs instead.
var secretHint = map[string]string{
	"password":    "its name as password_env (or a file outside the site as password_file)",
	"passphrase":  "its name as passphrase_env",
	"private_key": "its name as key_env (or the key file's path outside the site as key_file)",
	"key":         "its name as key_env (or the key file's path outside the site as key_file)",
	"access_key":  "its name as access_key_env",
	"secret_key":  "its name as secret_key_env",
	"token":       "its name as secret_key_env or password_env",
}

// looksSecret reports whether v, given where a variable's name belongs,
// looks like a generated key instead: a known key shape, or a long mix of
// small and capital letters and digits that no one would name a variable.
func looksSecret(v string) bool {
	if secretShape.MatchString(v) {
		return true
	}
	lower := strings.ContainsAny(v, "abcdefghijklmnopqrstuvwxyz")
	upper := strings.ContainsAny(v, "ABCDEFGHIJKLMNOPQRSTUVWXYZ")
	digit := strings.ContainsAny(v, "0123456789")
	return len(v) >= 20 && lower && upper && digit
}

// resolveDeploy checks the deploy targets. A message never repeats a value
// that may be a secret.
func (c *Config) resolveDeploy(data []byte) []diagnostic {
	var ds []diagnostic
	cur := 0
	bad := func(key, format string, args ...any) {
		ds = append(ds, diag.New(File, targetLine(data, cur, key), diag.ConfigInvalid, key, fmt.Sprintf(format, args...)))
	}
	seen := map[string]bool{}
	for i := range c.Deploy {
		t := &c.Deploy[i]
		cur = i
		who := t.Name
		switch {
		case t.Name == "":
			bad("deploy", "every target needs a name (target %d has none)", i+1)
			who = fmt.Sprintf("target %d", i+1)
		case !targetName.MatchString(t.Name):
			bad("name", "target name %q may hold only small letters, digits, - and _", t.Name)
		case seen[t.Name]:
			bad("name", "two targets are named %q; give each its own name", t.Name)
		}
		seen[t.Name] = true
		for key, v := range map[string]string{"password": t.Password, "passphrase": t.Passphrase,
			"private_key": t.PrivateKey, "key": t.Key, "access_key": t.AccessKey, "secret_key": t.SecretKey, "token": t.Token} {
			if v != "" {
				bad(key, "deploy target %s: never write a secret in site.yaml, anyone who sees the site folder would read it; "+
					"remove it (and change it: it is no longer secret), put it in an environment variable and write %s", who, secretHint[key])
			}
		}
		for key, v := range map[string]string{"key_env": t.KeyEnv, "passphrase_env": t.PassphraseEnv,
			"password_env": t.PasswordEnv, "access_key_env": t.AccessKeyEnv, "secret_key_env": t.SecretKeyEnv} {
			if v == "" {
				continue
			}
			if !envName.MatchString(v) || looksSecret(v) {
				bad(key, "deploy target %s: %s must be the NAME of an environment variable (like WARTA_SFTP_PASSWORD), "+
					"not the secret itself; if you wrote the secret here, remove it and change it, it is no longer secret", who, key)
			}
		}
		ds = append(ds, t.resolveKind(data, i, who)...)
	}
	return ds
}

func (t *DeployTarget) resolveKind(data []byte, i int, who string) []diagnostic {
	var ds []diagnostic
	invalid := func(_ []byte, key, problem string) diagnostic {
		return diag.New(File, targetLine(data, i, key), diag.ConfigInvalid, key, problem)
	}
	need := func(key, v, example string) {
		if v == "" {
			ds = append(ds, invalid(data, "kind", fmt.Sprintf("deploy target %s (%s) needs %s, for example %s", who, t.Kind, key, example)))
		}
	}
	switch t.Kind {
	case "folder":
		need("path", t.Path, "path: /var/www/dinsos")
	case "sftp":
		need("host", t.Host, "host: web.metrokota.go.id")
		need("user", t.User, "user: dinsos")
		need("path", t.Path, "path: /var/www/dinsos")
		if t.Port == 0 {
			t.Port = 22
		}
		if t.Port < 1 || t.Port > 65535 {
			ds = append(ds, invalid(data, "port", fmt.Sprintf("deploy target %s: port %d is not a port number (1 to 65535)", who, t.Port)))
		}
		if t.KeyFile == "" && t.KeyEnv == "" && t.PasswordEnv == "" && t.PasswordFile == "" {
			ds = append(ds, invalid(data, "kind", fmt.Sprintf("deploy target %s: say how to log in: key_file (a private key outside the site), "+
				"key_env, password_env (names of environment variables) or password_file", who)))
		}
		for key, f := range map[string]string{"key_file": t.KeyFile, "password_file": t.PasswordFile} {
			if f != "" && !filepath.IsAbs(f) && !strings.HasPrefix(f, "~/") {
				ds = append(ds, invalid(data, key, fmt.Sprintf("deploy target %s: %s must be a full path outside the site folder "+
					"(like /home/staf/.ssh/id_ed25519 or ~/.ssh/id_ed25519), so the secret is never published with the site", who, key)))
			}
		}
	case "s3":
		need("bucket", t.Bucket, "bucket: situs-dinsos")
		need("endpoint", t.Endpoint, "endpoint: https://s3.ap-southeast-1.amazonaws.com")
		if t.Endpoint != "" {
			u, err := url.Parse(t.Endpoint)
			if err != nil || (u.Scheme != "http" && u.Scheme != "https") || u.Host == "" || u.User != nil {
				ds = append(ds, invalid(data, "endpoint", fmt.Sprintf("deploy target %s: endpoint must be a web address like "+
					"https://s3.ap-southeast-1.amazonaws.com, without a user name or password in it", who)))
			}
		}
		if t.Region == "" {
			t.Region = "us-east-1"
		}
		if t.AccessKeyEnv == "" {
			t.AccessKeyEnv = "AWS_ACCESS_KEY_ID"
		}
		if t.SecretKeyEnv == "" {
			t.SecretKeyEnv = "AWS_SECRET_ACCESS_KEY"
		}
		t.Prefix = strings.Trim(t.Prefix, "/")
	case "":
		ds = append(ds, invalid(data, "deploy", fmt.Sprintf("deploy target %s needs a kind: folder, sftp or s3", who)))
	default:
		ds = append(ds, invalid(data, "kind", fmt.Sprintf("deploy target %s: kind %q is not known; use folder, sftp or s3", who, t.Kind)))
	}
	return ds
}

// targetLine finds the line of key inside the i-th item of the deploy
// list, or the item's first line when the key is not written there.
func targetLine(data []byte, i int, key string) int {
	in, item, itemLine := false, -1, 0
	for n, line := range strings.Split(string(data), "\n") {
		t := strings.TrimSpace(line)
		switch {
		case !in:
			in = strings.HasPrefix(line, "deploy:")
			continue
		case line != "" && line[0] != ' ' && line[0] != '-' && line[0] != '#':
			return itemLine // the next top-level key: the list is over
		}
		if rest, ok := strings.CutPrefix(t, "- "); ok {
			item++
			if item == i {
				itemLine = n + 1
			}
			t = rest
		}
		if item == i && strings.HasPrefix(t, key+":") {
			return n + 1
		}
	}
	if itemLine == 0 {
		return keyLine(data, "deploy")
	}
	return itemLine
}
