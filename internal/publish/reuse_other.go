//go:build !unix

package publish

import (
	"errors"
	"io/fs"
	"os"
)

// canReuse: without a link count, a file there might be a hard link into
// the site online; every build writes into a new folder.
const canReuse = false

func openExisting(string) (*os.File, error) { return nil, errors.ErrUnsupported }

func links(fs.FileInfo) uint64 { return 0 }

func takeSpare(string, string) error { return errors.ErrUnsupported }
