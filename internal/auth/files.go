package auth

import (
	"os"
	"path/filepath"
)

// Dir is the site's hidden folder of state that must last (accounts,
// sessions, audit log, history, certificates). The build never publishes
// it; see publish.CheckOutput.
const Dir = ".warta"

// StateDir returns the hidden folder of the site in siteDir, made with
// mode 0700 when missing (and tightened when it exists looser).
func StateDir(siteDir string) (string, error) {
	dir := filepath.Join(siteDir, Dir)
	if err := os.MkdirAll(dir, 0o700); err != nil {
		return "", err
	}
	if info, err := os.Stat(dir); err == nil && info.Mode().Perm()&0o077 != 0 {
		if err := os.Chmod(dir, 0o700); err != nil {
			return "", err
		}
	}
	return dir, nil
}

// writeFile replaces name with data atomically: a reader sees the old file
// or the new one, never half of either, and a crash leaves the old one.
// The file is readable by its owner only.
func writeFile(name string, data []byte) error {
	dir := filepath.Dir(name)
	if err := os.MkdirAll(dir, 0o700); err != nil {
		return err
	}
	f, err := os.CreateTemp(dir, "."+filepath.Base(name)+".tmp-*")
	if err != nil {
		return err
	}
	tmp := f.Name()
	ok := false
	defer func() {
		if !ok {
			f.Close()
			os.Remove(tmp)
		}
	}()
	if err := f.Chmod(0o600); err != nil {
		return err
	}
	if _, err := f.Write(data); err != nil {
		return err
	}
	if err := f.Sync(); err != nil {
		return err
	}
	if err := f.Close(); err != nil {
		return err
	}
	if err := os.Rename(tmp, name); err != nil {
		return err
	}
	ok = true
	return nil
}
