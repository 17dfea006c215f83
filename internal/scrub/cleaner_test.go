package scrub_test

import (
	"bytes"
	"errors"
	"io/fs"
	"os"
	"path/filepath"
	"testing"
	"testing/fstest"

	"github.com/dinsos-metro/warta/internal/scrub"
	"github.com/dinsos-metro/warta/internal/scrub/scrubtest"
)

func TestCleanerFSAndCache(t *testing.T) {
	dir := t.TempDir()
	src := fstest.MapFS{
		"m/foto.jpg":    {Data: scrubtest.PhoneJPEG(32, 24, 1)},
		"m/lembar.pdf":  {Data: scrubtest.PDF(scrubtest.PDFOptions{})},
		"m/catatan.txt": {Data: []byte("apa adanya")},
		"m/rusak.docx":  {Data: []byte("PK\x03\x04 bukan dokumen")},
	}
	c := scrub.NewCleaner(scrub.CleanerOptions{Options: scrub.Options{StripDocuments: true}, FS: src, CacheDir: dir})
	pub := c.FS()
	for _, name := range []string{"m/foto.jpg", "m/lembar.pdf"} {
		b, err := fs.ReadFile(pub, name)
		if err != nil {
			t.Fatal(err)
		}
		if s := scrubtest.ContainsSecret(b); s != "" {
			t.Errorf("%s as published holds %q", name, s)
		}
		info, err := fs.Stat(pub, name)
		if err != nil || info.Size() != int64(len(b)) {
			t.Errorf("%s: Stat says %v (%v), read %d bytes", name, info, err, len(b))
		}
	}
	if b, _ := fs.ReadFile(pub, "m/catatan.txt"); string(b) != "apa adanya" {
		t.Errorf("a text file came out as %q", b)
	}
	fields, err := c.Check("m/lembar.pdf")
	if err != nil || len(fields) != 4 {
		t.Errorf("Check: %v, %v", fields, err)
	}
	var e *scrub.Error
	if _, err := fs.ReadFile(pub, "m/rusak.docx"); !errors.As(err, &e) || e.Kind != scrub.Damaged {
		t.Errorf("a damaged document opened: %v", err)
	}
	cached := func() int {
		n := 0
		_ = filepath.WalkDir(dir, func(_ string, d fs.DirEntry, _ error) error {
			if d != nil && !d.IsDir() {
				n++
			}
			return nil
		})
		return n
	}
	if n := cached(); n != 3 { // two cleaned files and one refused
		t.Errorf("%d files in the cache, want 3", n)
	}

	// The next build finds them in the cache, with what they reported,
	// even when the source can no longer be cleaned from scratch.
	next := c.Next(scrub.Options{StripDocuments: true})
	if fields, err := next.Check("m/lembar.pdf"); err != nil || len(fields) != 4 {
		t.Errorf("from the cache: %v, %v", fields, err)
	}
	if err := next.Prune(); err != nil {
		t.Fatal(err)
	}
	if n := cached(); n != 1 {
		t.Errorf("after a build that used one file, %d files in the cache, want 1", n)
	}
	// Another setting is another cache entry.
	off := next.Next(scrub.Options{})
	b, _ := fs.ReadFile(off.FS(), "m/lembar.pdf")
	if !bytes.Equal(b, src["m/lembar.pdf"].Data) {
		t.Error("with documents not stripped, the PDF still came from the stripped cache entry")
	}
	if _, err := os.Stat(dir); err != nil {
		t.Fatal(err)
	}
}
