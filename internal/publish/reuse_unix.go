//go:build unix

package publish

import (
	"io/fs"
	"os"
	"syscall"
)

// canReuse: the previous site is kept and overwritten by the next build
// (see Staging), where a file's link count can be read.
const canReuse = true

// openExisting opens a file to overwrite it; a symbolic link is not
// followed (ELOOP).
func openExisting(full string) (*os.File, error) {
	return os.OpenFile(full, os.O_WRONLY|syscall.O_NOFOLLOW, 0)
}

// links is the number of names a file has; 0 when unknown.
func links(info fs.FileInfo) uint64 {
	if st, ok := info.Sys().(*syscall.Stat_t); ok {
		return uint64(st.Nlink)
	}
	return 0
}

// takeSpare renames the spare folder over the new, empty staging folder
// (rename(2) replaces an empty folder; os.Rename refuses any folder).
func takeSpare(spare, dir string) error { return syscall.Rename(spare, dir) }
