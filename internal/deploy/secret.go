package deploy

import (
	"os"
	"path/filepath"
	"strings"

	"github.com/dinsos-metro/warta/internal/diag"
)

// secrets reads the secrets a target names, from the environment or from
// files outside the site, and remembers every value read so that no
// message shows it.
type secrets struct {
	target  string
	siteDir string
	env     func(string) string
	seen    redactor
}

// fromEnv is the value of the variable name; "" and no error when name is
// "" (the setting is not used).
func (s *secrets) fromEnv(name string) (string, error) {
	if name == "" {
		return "", nil
	}
	v := s.env(name)
	if v == "" {
		return "", fail(diag.DeploySecretMissing, s.target, name)
	}
	s.seen = append(s.seen, v, strings.TrimSpace(v))
	return v, nil
}

// fromFile reads the file at p (~ is the home folder), which must lie
// outside the site folder.
func (s *secrets) fromFile(p string) ([]byte, error) {
	if p == "" {
		return nil, nil
	}
	full, err := s.path(p)
	if err != nil {
		return nil, err
	}
	data, err := os.ReadFile(full)
	if err != nil {
		return nil, fail(diag.DeploySecretFile, s.target, p, err)
	}
	s.seen = append(s.seen, string(data), strings.TrimSpace(string(data)))
	return data, nil
}

// path expands ~ and refuses a file inside the site folder.
func (s *secrets) path(p string) (string, error) {
	if rest, ok := strings.CutPrefix(p, "~/"); ok {
		home, err := os.UserHomeDir()
		if err != nil {
			return "", fail(diag.DeploySecretFile, s.target, p, err)
		}
		p = filepath.Join(home, rest)
	}
	full, err := filepath.Abs(p)
	if err != nil {
		return "", fail(diag.DeploySecretFile, s.target, p, err)
	}
	site, err := filepath.Abs(s.siteDir)
	if err != nil {
		return "", err
	}
	if r, err := filepath.EvalSymlinks(full); err == nil {
		full = r
	}
	if r, err := filepath.EvalSymlinks(site); err == nil {
		site = r
	}
	if rel, err := filepath.Rel(site, full); err == nil && rel != ".." && !strings.HasPrefix(rel, ".."+string(filepath.Separator)) {
		return "", fail(diag.DeploySecretInside, s.target, p)
	}
	return full, nil
}
