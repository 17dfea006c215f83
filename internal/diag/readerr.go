package diag

import "strings"

// ReadError describes a file that cannot be read. The command reads the
// site through an os.Root, which refuses a symbolic link leading out of
// the site folder with "path escapes from parent", words that mean nothing
// to staff: such a file gets SymlinkOutside's plain message instead.
func ReadError(file string, err error) Diagnostic {
	if err != nil && strings.Contains(err.Error(), "path escapes from parent") {
		return New(file, 0, SymlinkOutside)
	}
	return New(file, 0, ReadFailed, err)
}
