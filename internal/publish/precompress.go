package publish

import (
	"bytes"
	"compress/gzip"
	"io/fs"
	"path"
	"strings"

	"github.com/andybalholm/brotli"
)

// Precompress is a Sink that writes, beside every HTML, CSS, JS, XML,
// JSON and SVG file, the same file compressed with gzip (name.gz) and
// with Brotli (name.br), each at its best compression. A web server then
// sends them as they are (nginx's gzip_static and brotli_static, Caddy's
// precompressed) instead of compressing every response again.
//
// Both copies are written even in the rare case where they are not
// smaller (a file of a few bytes): a file and its copies always come
// together, which keeps incremental builds, which carry files over by
// name, simple.
type Precompress struct {
	Next Sink
}

// Compressible reports whether Precompress makes copies of a file.
func Compressible(name string) bool {
	switch strings.ToLower(path.Ext(name)) {
	case ".html", ".css", ".js", ".xml", ".json", ".svg", ".txt", ".webmanifest":
		return true
	}
	return false
}

func (p Precompress) Write(name string, data []byte) error {
	if err := p.Next.Write(name, data); err != nil {
		return err
	}
	return p.compressed(name, data)
}

func (p Precompress) Copy(name string, src fs.FS, srcPath string) error {
	if err := p.Next.Copy(name, src, srcPath); err != nil || !Compressible(name) {
		return err
	}
	data, err := fs.ReadFile(src, srcPath)
	if err != nil {
		return err
	}
	return p.compressed(name, data)
}

// Carry carries a file's compressed copies with it. A previous build
// without --precompress has none, and the job runs again.
func (p Precompress) Carry(names []string) error {
	c, ok := p.Next.(Carrier)
	if !ok {
		return nil
	}
	all := make([]string, 0, len(names)*3)
	for _, n := range names {
		all = append(all, n)
		if Compressible(n) {
			all = append(all, n+".gz", n+".br")
		}
	}
	return c.Carry(all)
}

func (p Precompress) compressed(name string, data []byte) error {
	if !Compressible(name) {
		return nil
	}
	gz, err := Gzip(data)
	if err != nil {
		return err
	}
	if err := p.Next.Write(name+".gz", gz); err != nil {
		return err
	}
	br, err := Brotli(data)
	if err != nil {
		return err
	}
	return p.Next.Write(name+".br", br)
}

// Gzip compresses data at gzip's best compression, with no name and no
// time in the header, so the same data gives the same bytes.
func Gzip(data []byte) ([]byte, error) {
	var b bytes.Buffer
	w, err := gzip.NewWriterLevel(&b, gzip.BestCompression)
	if err != nil {
		return nil, err
	}
	if _, err := w.Write(data); err != nil {
		return nil, err
	}
	if err := w.Close(); err != nil {
		return nil, err
	}
	return b.Bytes(), nil
}

// Brotli compresses data at Brotli's best quality (11), with a window
// that fits the file.
func Brotli(data []byte) ([]byte, error) {
	var b bytes.Buffer
	w := brotli.NewWriterOptions(&b, brotli.WriterOptions{Quality: brotli.BestCompression, LGWin: brotliWindow(len(data))})
	if _, err := w.Write(data); err != nil {
		return nil, err
	}
	if err := w.Close(); err != nil {
		return nil, err
	}
	return b.Bytes(), nil
}

// brotliWindow is the smallest window (log2, 10 to 24) that holds n bytes:
// a smaller window costs nothing for small files and is faster.
func brotliWindow(n int) int {
	w := 10
	for w < 24 && 1<<w < n+16 {
		w++
	}
	return w
}
