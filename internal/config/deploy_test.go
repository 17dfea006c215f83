package config

import (
	"strings"
	"testing"
)

// TestDeploySecretsRefused: a secret written into site.yaml is refused
// with the line it is on, and the message never repeats it.
func TestDeploySecretsRefused(t *testing.T) {
	for _, c := range []struct {
		name, yaml, want string
		line             int
	}{
		{"password", "deploy:\n  - name: server\n    kind: sftp\n    host: web\n    user: dinsos\n    path: /www\n    password: Sangat-Rahasia-99\n",
			"never write a secret in site.yaml", 7},
		{"secret key", "deploy:\n  - name: awan\n    kind: s3\n    bucket: situs\n    endpoint: https://s3.example.com\n    secret_key: wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY\n",
			"never write a secret in site.yaml", 6},
		{"secret as env name", "deploy:\n  - name: awan\n    kind: s3\n    bucket: situs\n    endpoint: https://s3.example.com\n    secret_key_env: wJalrXUtnFEMIK7MDENGbPxRfiCYEXAMPLEKEY\n",
			"must be the NAME of an environment variable", 6},
		{"access key id as env name", "deploy:\n  - name: awan\n    kind: s3\n    bucket: situs\n    endpoint: https://s3.example.com\n    access_key_env: AKIAIOSFODNN7EXAMPLE\n",
			"must be the NAME of an environment variable", 6},
		{"password in the endpoint", "deploy:\n  - name: awan\n    kind: s3\n    bucket: situs\n    endpoint: https://user:Sangat-Rahasia-99@s3.example.com\n",
			"without a user name or password", 5},
		{"relative key file", "deploy:\n  - name: server\n    kind: sftp\n    host: web\n    user: dinsos\n    path: /www\n    key_file: kunci/id_ed25519\n",
			"must be a full path outside the site folder", 7},
	} {
		t.Run(c.name, func(t *testing.T) {
			_, ds := Parse([]byte(c.yaml))
			found := false
			for _, d := range ds {
				for _, lang := range []string{"en", "id"} {
					msg := d.Format(lang)
					for _, secret := range []string{"Sangat-Rahasia-99", "wJalrXUtnFEMI", "AKIAIOSFODNN7EXAMPLE"} {
						if strings.Contains(msg, secret) {
							t.Errorf("the message repeats the secret: %s", msg)
						}
					}
				}
				if strings.Contains(d.Format("en"), c.want) {
					found = true
					if d.Line != c.line {
						t.Errorf("line %d, want %d: %s", d.Line, c.line, d.Format("en"))
					}
				}
			}
			if !found {
				t.Errorf("no message %q; got %v", c.want, ds)
			}
		})
	}
}

// TestDeployTargetsChecked: what each kind needs, names, defaults.
func TestDeployTargetsChecked(t *testing.T) {
	good := "deploy:\n" +
		"  - name: lokal\n    kind: folder\n    path: /srv/www\n" +
		"  - name: server\n    kind: sftp\n    host: web.example.go.id\n    user: dinsos\n    path: /var/www\n    key_file: ~/.ssh/id_ed25519\n    password_env: WARTA_SFTP_PASSWORD\n" +
		"  - name: awan\n    kind: s3\n    bucket: situs\n    endpoint: https://s3.ap-southeast-1.amazonaws.com\n    prefix: /dinsos/\n    secret_key_env: WARTA_DEPLOY_S3_SECRET_ACCESS_KEY_PRODUCTION\n"
	c, ds := Parse([]byte(good))
	if len(ds) != 0 {
		t.Fatalf("good targets refused: %v", ds)
	}
	if c.Deploy[1].Port != 22 || c.Deploy[2].Region != "us-east-1" || c.Deploy[2].Prefix != "dinsos" || c.Deploy[2].AccessKeyEnv != "AWS_ACCESS_KEY_ID" {
		t.Errorf("defaults not applied: %+v %+v", c.Deploy[1], c.Deploy[2])
	}
	for _, bad := range []struct{ yaml, want string }{
		{"deploy:\n  - kind: folder\n    path: /srv\n", "every target needs a name"},
		{"deploy:\n  - name: Situs Utama\n    kind: folder\n    path: /srv\n", "may hold only small letters"},
		{"deploy:\n  - name: a\n    kind: folder\n    path: /x\n  - name: a\n    kind: folder\n    path: /y\n", "two targets are named"},
		{"deploy:\n  - name: a\n    kind: ftp\n", `kind "ftp" is not known`},
		{"deploy:\n  - name: a\n    kind: folder\n", "needs path"},
		{"deploy:\n  - name: a\n    kind: sftp\n    host: h\n    user: u\n    path: /p\n", "say how to log in"},
		{"deploy:\n  - name: a\n    kind: s3\n    endpoint: https://s3.example.com\n", "needs bucket"},
	} {
		_, ds := Parse([]byte(bad.yaml))
		var all []string
		for _, d := range ds {
			all = append(all, d.Format("en"))
		}
		if !strings.Contains(strings.Join(all, "\n"), bad.want) {
			t.Errorf("%q: no message %q; got %v", bad.yaml, bad.want, all)
		}
	}
}
