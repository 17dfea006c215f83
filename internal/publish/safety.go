package publish

import (
	"fmt"
	"os"
	"path/filepath"
)

// CheckOutput refuses output folders whose replacement would destroy
// something: the file system root, the home folder, the site folder itself
// or any folder that contains it, and the site's own source folders.
func CheckOutput(src, out string) error {
	src, err := filepath.Abs(src)
	if err != nil {
		return err
	}
	out, err = filepath.Abs(out)
	if err != nil {
		return err
	}
	if real, err := filepath.EvalSymlinks(out); err == nil {
		out = real
	}
	if real, err := filepath.EvalSymlinks(src); err == nil {
		src = real
	}
	if out == filepath.Dir(out) {
		return fmt.Errorf("the output folder %s is the root of the file system; choose a folder such as %s", out, filepath.Join(src, "public"))
	}
	if home, err := os.UserHomeDir(); err == nil && filepath.Clean(home) == out {
		return fmt.Errorf("the output folder %s is your home folder; choose a folder such as %s", out, filepath.Join(src, "public"))
	}
	if isInside(src, out) {
		return fmt.Errorf("the output folder %s holds the site's own files, which a build would replace; choose a folder such as %s", out, filepath.Join(src, "public"))
	}
	for _, own := range []string{"content", "layouts", "assets", "static"} {
		if isInside(out, filepath.Join(src, own)) {
			return fmt.Errorf("the output folder %s is inside the site's %s/ folder; choose a folder such as %s", out, own, filepath.Join(src, "public"))
		}
	}
	return nil
}
