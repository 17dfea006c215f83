package deploy

import (
	"crypto/sha256"
	"encoding/hex"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"runtime"
	"sort"
	"sync"

	"github.com/dinsos-metro/warta/internal/publish"
)

// File is one file of the built output.
type File struct {
	Name string // slash path inside the output folder
	Size int64
	Hash string // SHA-256 of the bytes, in hex
}

// scan lists the files of the output folder out with their hashes. The
// build's marker file stays behind: it tells warta build the folder is
// its own and means nothing on the web.
func scan(out string) ([]File, error) {
	var names []string
	err := filepath.WalkDir(out, func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		if !d.Type().IsRegular() {
			return nil
		}
		rel, err := filepath.Rel(out, p)
		if err != nil {
			return err
		}
		rel = filepath.ToSlash(rel)
		if rel != publish.Marker {
			names = append(names, rel)
		}
		return nil
	})
	if err != nil {
		return nil, err
	}
	sort.Strings(names)
	files := make([]File, len(names))
	errs := make([]error, len(names))
	// Hashing is the slow part for a large site: spread it over the cores.
	var wg sync.WaitGroup
	next := make(chan int)
	for range runtime.GOMAXPROCS(0) {
		wg.Go(func() {
			for i := range next {
				files[i], errs[i] = hashFile(out, names[i])
			}
		})
	}
	for i := range names {
		next <- i
	}
	close(next)
	wg.Wait()
	for _, err := range errs {
		if err != nil {
			return nil, err
		}
	}
	return files, nil
}

func hashFile(out, name string) (File, error) {
	f, err := os.Open(filepath.Join(out, filepath.FromSlash(name)))
	if err != nil {
		return File{}, err
	}
	defer f.Close()
	h := sha256.New()
	n, err := io.Copy(h, f)
	if err != nil {
		return File{}, err
	}
	return File{Name: name, Size: n, Hash: hex.EncodeToString(h.Sum(nil))}, nil
}
