package publish

import (
	"errors"

	"golang.org/x/sys/unix"
)

// exchange swaps two folders atomically with renameat2(RENAME_EXCHANGE):
// readers of the output folder see the old site or the new, never a mix
// or nothing. Filesystems without it fall back to two renames.
func exchange(staged, out string) error {
	err := unix.Renameat2(unix.AT_FDCWD, staged, unix.AT_FDCWD, out, unix.RENAME_EXCHANGE)
	if errors.Is(err, unix.EINVAL) || errors.Is(err, unix.ENOSYS) || errors.Is(err, unix.EOPNOTSUPP) {
		return renameSwap(staged, out)
	}
	return err
}
