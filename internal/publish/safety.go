package publish

import (
	"errors"
	"fmt"
	"os"
	"path/filepath"
)

// Marker is the file every build leaves in the output folder (it comes
// with the staged folder, so the swap puts it in place with the site). It
// tells the next build that the folder is warta's to replace; see
// CheckOwned.
const Marker = ".warta"

const markerText = "This folder is made by warta build and replaced whole by the next build.\n" +
	"Folder ini dibuat oleh warta build dan diganti seluruhnya pada pembangunan berikutnya.\n"

// ErrNotOwned is CheckOwned's refusal.
var ErrNotOwned = errors.New("the output folder holds files that warta did not make")

// CheckOwned refuses an output folder that a build would wipe out without
// having made it: one that holds files but no Marker. A missing or empty
// folder is fine. (The command lets --force override this; CheckOutput's
// refusals cannot be overridden.)
func CheckOwned(out string) error {
	entries, err := os.ReadDir(out)
	if err != nil || len(entries) == 0 {
		return nil // missing (made by the build), or not a folder (refused by Commit)
	}
	if info, err := os.Lstat(filepath.Join(out, Marker)); err == nil && info.Mode().IsRegular() {
		return nil
	}
	return ErrNotOwned
}

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
	// .warta holds accounts, sessions and the audit log (internal/auth):
	// a build there would publish them, or wipe them out.
	for _, own := range []string{"content", "layouts", "assets", "static", ".warta"} {
		if isInside(out, filepath.Join(src, own)) {
			return fmt.Errorf("the output folder %s is inside the site's %s/ folder; choose a folder such as %s", out, own, filepath.Join(src, "public"))
		}
	}
	return nil
}
