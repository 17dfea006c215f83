// Package bundle makes the download bundles of lesson modules: zip
// archives that a teacher takes to a classroom without internet, and the
// self-contained HTML page inside them.
//
// The rules:
//
//   - An archive is deterministic: entries are sorted by name (a Stream's
//     in the order its caller adds them), every entry
//     has the same fixed time (Epoch) and mode, and how an entry is
//     compressed depends only on its name and bytes. The same files give
//     the same bytes.
//   - Files are stored as they are. Formats that are compressed already
//     (PNG, JPEG, zip-based office files, ...) are stored, everything else
//     is deflated, unless deflating would not make it smaller; nothing is
//     re-encoded. PDFs are deflated: the ones Chromium prints shrink by a
//     quarter, hand-made worksheets by two thirds.
//   - A file that goes into several archives (a module's files are in its
//     own zip and its level's) is read and compressed once: Shared.
//   - The offline page (Offline) opens from a folder or a USB stick with no
//     network: its CSS is inlined, its pictures are files of the bundle or
//     data: URIs, links to other files of the bundle are relative, and
//     every other link leads to the site's public address.
package bundle

import (
	"archive/zip"
	"bytes"
	"fmt"
	"io"
	"io/fs"
	"path"
	"slices"
	"strings"
	"time"
)

// Epoch is the time of every entry of every archive. A fixed time keeps
// rebuilds byte-identical; it is the day the department's module series
// began, so archive tools show a sensible date.
var Epoch = time.Date(2025, 1, 1, 0, 0, 0, 0, time.UTC)

// File is one entry of an archive: its bytes, or a file to copy from Src.
type File struct {
	Name string // slash path inside the archive
	Data []byte
	Src  fs.FS
	Path string // in Src, when Data is nil

	once *packOnce // set by Shared
}

// Size is the file's length in bytes.
func (f File) Size() (int64, error) {
	if f.Data != nil || f.Src == nil {
		return int64(len(f.Data)), nil
	}
	info, err := fs.Stat(f.Src, f.Path)
	if err != nil {
		return 0, err
	}
	return info.Size(), nil
}

// stored are extensions of formats that compress no further.
var stored = map[string]bool{
	".png": true, ".jpg": true, ".jpeg": true, ".gif": true, ".webp": true, ".avif": true,
	".heic": true, ".heif": true, ".jxl": true,
	".zip": true, ".gz": true, ".7z": true, ".rar": true, ".xz": true, ".bz2": true, ".zst": true,
	".docx": true, ".xlsx": true, ".pptx": true,
	".odt": true, ".ods": true, ".odp": true, ".epub": true,
	".mp3": true, ".m4a": true, ".aac": true, ".opus": true, ".flac": true,
	".mp4": true, ".m4v": true, ".mov": true, ".webm": true, ".ogg": true,
	".woff": true, ".woff2": true,
}

// method is how a file named name is compressed, before deflate has had
// a chance to show it does not help (pack).
func method(name string) uint16 {
	if stored[strings.ToLower(path.Ext(name))] {
		return zip.Store
	}
	return zip.Deflate
}

// Zip writes files as a zip archive to w. Names must be clean relative
// slash paths, each used once.
func Zip(w io.Writer, files []File) error {
	s := NewStream(w)
	if err := s.Add(files...); err != nil {
		return err
	}
	return s.Close()
}

// Stream writes an archive a few entries at a time, so that a large one
// (a level's zip: every module of the level) is never whole in memory.
// The entries of one Add are sorted by name; Adds come in the order the
// caller makes them, which must be deterministic.
type Stream struct {
	zw    *zip.Writer
	names map[string]bool
}

// NewStream starts an archive on w.
func NewStream(w io.Writer) *Stream {
	zw := zip.NewWriter(w)
	// Streamed entries (long files) deflate as packed ones do.
	zw.RegisterCompressor(zip.Deflate, deflater)
	return &Stream{zw: zw, names: map[string]bool{}}
}

// Add writes files. Names must be clean relative slash paths, each used
// once in the archive.
func (s *Stream) Add(files ...File) error {
	files = slices.Clone(files)
	slices.SortFunc(files, func(a, b File) int { return strings.Compare(a.Name, b.Name) })
	for _, f := range files {
		if f.Name == "" || path.Clean(f.Name) != f.Name || path.IsAbs(f.Name) || strings.HasPrefix(f.Name, "../") || f.Name == ".." {
			return fmt.Errorf("zip entry %q is not a clean relative path", f.Name)
		}
		if s.names[f.Name] {
			return fmt.Errorf("zip entry %q twice", f.Name)
		}
		s.names[f.Name] = true
	}
	for _, f := range files {
		if err := add(s.zw, f); err != nil {
			return fmt.Errorf("zip entry %s: %w", f.Name, err)
		}
	}
	return nil
}

// Close writes the archive's directory.
func (s *Stream) Close() error { return s.zw.Close() }

// add writes one entry. A file of up to maxPacked bytes is packed in
// memory (or taken packed from Shared) and written raw, with its checksum
// and sizes in the entry's header. A longer one, or a stored one read
// from Src, is streamed through the zip package's own writer, so a video
// is never held in memory whole.
func add(zw *zip.Writer, f File) error {
	var (
		p   *packed
		r   io.ReadCloser
		err error
	)
	if f.once != nil {
		p, r, err = f.once.get(f)
	} else {
		p, r, err = pack(f)
	}
	if err != nil {
		return err
	}
	if p != nil {
		defer p.done()
		fw, err := zw.CreateRaw(p.header(f.Name))
		if err != nil {
			return err
		}
		_, err = fw.Write(p.raw)
		return err
	}
	defer r.Close()
	h := &zip.FileHeader{Name: f.Name, Method: method(f.Name), Modified: Epoch}
	h.SetMode(0o644)
	fw, err := zw.CreateHeader(h)
	if err != nil {
		return err
	}
	_, err = io.Copy(fw, r)
	return err
}

// ZipBytes is Zip into memory.
func ZipBytes(files []File) ([]byte, error) {
	var buf bytes.Buffer
	if err := Zip(&buf, files); err != nil {
		return nil, err
	}
	return buf.Bytes(), nil
}

// Within returns files with dir/ in front of each name: the same bundle
// as a folder of a larger one.
func Within(dir string, files []File) []File {
	out := make([]File, len(files))
	for i, f := range files {
		f.Name = dir + "/" + f.Name
		out[i] = f
	}
	return out
}
