package newsroom

import (
	"errors"
	"io/fs"
	"os"
	"path"
)

// The newsroom writes files only through these functions, which hand
// them to internal/history: every save is a version, a save over a file
// that changed since it was opened is a conflict, deletes go to a trash.

// conflict is a save refused because the file changed on disk.
type conflict struct{ Current []byte }

func (c *conflict) Error() string { return "the file changed on disk" }

// version is one saved state of a file, for the history view.
type version struct {
	ID, Who, Message string
	When             string
}

// trashed is one deleted page in the trash.
type trashed struct {
	ID, File, When string
}

// save writes data to rel if the file is still the one opened (expect is
// its hash; "" for a new file).
func (n *Newsroom) save(rel string, data []byte, expect, message string) error {
	return n.history().save(rel, data, expect, message)
}

// saveFiles writes several new files in one version (uploads).
func (n *Newsroom) saveFiles(files map[string][]byte, message string) error {
	return n.history().saveFiles(files, message)
}

// exists tells whether a file or folder of the site exists.
func (n *Newsroom) exists(rel string) bool {
	root, err := os.OpenRoot(n.opt.Dir)
	if err != nil {
		return false
	}
	defer root.Close()
	_, err = root.Stat(rel)
	return err == nil || !errors.Is(err, fs.ErrNotExist)
}

// makeBundle turns a single page x.md into x/index.md (a news report
// getting its first photo), as one version; it returns the new file.
func (n *Newsroom) makeBundle(file string) (string, error) {
	if path.Base(file) == "index.md" {
		return file, nil
	}
	data, err := n.readFile(file)
	if err != nil {
		return "", err
	}
	dest := bundleDir(file) + "/index.md"
	if n.exists(dest) {
		return "", fs.ErrExist
	}
	return dest, n.history().move(file, dest, data)
}
