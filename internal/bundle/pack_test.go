package bundle

import (
	"archive/zip"
	"bytes"
	"io"
	"io/fs"
	"math/rand/v2"
	"strings"
	"sync"
	"testing"
	"testing/fstest"
)

// countingFS counts how often each file is opened.
type countingFS struct {
	fstest.MapFS
	mu    sync.Mutex
	opens map[string]int
}

func (c *countingFS) Open(name string) (fs.File, error) {
	c.mu.Lock()
	c.opens[name]++
	c.mu.Unlock()
	return c.MapFS.Open(name)
}

func (c *countingFS) count(name string) int {
	c.mu.Lock()
	defer c.mu.Unlock()
	return c.opens[name]
}

// unzip reads every entry of an archive.
func unzip(t *testing.T, data []byte) (map[string][]byte, []*zip.File) {
	t.Helper()
	zr, err := zip.NewReader(bytes.NewReader(data), int64(len(data)))
	if err != nil {
		t.Fatal(err)
	}
	got := map[string][]byte{}
	for _, e := range zr.File {
		r, err := e.Open()
		if err != nil {
			t.Fatal(err)
		}
		b, err := io.ReadAll(r) // checks the CRC-32 too
		r.Close()
		if err != nil {
			t.Fatalf("%s: %v", e.Name, err)
		}
		got[e.Name] = b
	}
	return got, zr.File
}

func testFiles() (fstest.MapFS, map[string][]byte) {
	rng := rand.New(rand.NewPCG(3, 4))
	want := map[string][]byte{
		"lembar.png":     randomBytes(rng, 50<<10),
		"cetak.pdf":      pseudoPDF(rng, 40<<10),
		"acak.bin":       randomBytes(rng, 10<<10), // deflate would not shrink it
		"catatan.txt":    []byte(strings.Repeat("Catatan untuk guru. ", 200)),
		"kosong.txt":     {},
		"ü/cerita~1.txt": []byte(strings.Repeat("Cerita pendek. ", 50)),
	}
	src := fstest.MapFS{}
	for name, data := range want {
		src["content/"+name] = &fstest.MapFile{Data: data}
	}
	return src, want
}

// Every entry comes back byte for byte; only what shrinks is deflated.
func TestZipMethods(t *testing.T) {
	src, want := testFiles()
	var files []File
	for name := range want {
		files = append(files, File{Name: name, Src: src, Path: "content/" + name})
	}
	files = append(files, File{Name: "index.html", Data: []byte(strings.Repeat("<p>Halo</p>", 100))})
	want["index.html"] = files[len(files)-1].Data
	data, err := ZipBytes(files)
	if err != nil {
		t.Fatal(err)
	}
	got, entries := unzip(t, data)
	for name, w := range want {
		if !bytes.Equal(got[name], w) {
			t.Errorf("%s: %d bytes back, want the %d put in", name, len(got[name]), len(w))
		}
	}
	deflated := map[string]bool{"cetak.pdf": true, "catatan.txt": true, "ü/cerita~1.txt": true, "index.html": true}
	for _, e := range entries {
		if w := map[bool]uint16{true: zip.Deflate, false: zip.Store}[deflated[e.Name]]; e.Method != w {
			t.Errorf("%s: method %d, want %d", e.Name, e.Method, w)
		}
		if !e.Modified.Equal(Epoch) || e.Mode() != 0o644 {
			t.Errorf("%s: time %v mode %v, want %v and 0644", e.Name, e.Modified, e.Mode(), Epoch)
		}
	}
}

// The headers of packed entries are the ones archive/zip writes itself,
// apart from the data descriptor they do without.
func TestPackedHeaders(t *testing.T) {
	names := []string{"a.txt", "ü/cerita~1.txt", `b\c.html`, "d.png"}
	var ours []File
	var theirs bytes.Buffer
	zw := zip.NewWriter(&theirs)
	zw.RegisterCompressor(zip.Deflate, deflater)
	for _, name := range names {
		data := []byte(strings.Repeat("isi berkas ", 30))
		ours = append(ours, File{Name: name, Data: data})
		h := &zip.FileHeader{Name: name, Method: method(name), Modified: Epoch}
		h.SetMode(0o644)
		w, err := zw.CreateHeader(h)
		if err != nil {
			t.Fatal(err)
		}
		w.Write(data)
	}
	if err := zw.Close(); err != nil {
		t.Fatal(err)
	}
	data, err := ZipBytes(ours)
	if err != nil {
		t.Fatal(err)
	}
	_, a := unzip(t, data)
	_, b := unzip(t, theirs.Bytes())
	byName := map[string]*zip.File{}
	for _, e := range b {
		byName[e.Name] = e
	}
	for _, e := range a {
		x, y := e.FileHeader, byName[e.Name].FileHeader
		y.Flags &^= 0x8 // the data descriptor
		if x.Flags != y.Flags || x.Method != y.Method || x.CreatorVersion != y.CreatorVersion ||
			x.ReaderVersion != y.ReaderVersion || x.ExternalAttrs != y.ExternalAttrs ||
			x.ModifiedDate != y.ModifiedDate || x.ModifiedTime != y.ModifiedTime ||
			!bytes.Equal(x.Extra, y.Extra) || x.CRC32 != y.CRC32 ||
			x.CompressedSize64 != y.CompressedSize64 || x.UncompressedSize64 != y.UncompressedSize64 {
			t.Errorf("%s: header\n%+v\nwant\n%+v", e.Name, x, y)
		}
	}
}

// A shared file is read and deflated once for all the archives that hold
// it, and the archives are the same bytes as without sharing.
func TestShared(t *testing.T) {
	mfs, want := testFiles()
	src := &countingFS{MapFS: mfs, opens: map[string]int{}}
	var files []File
	for name := range want {
		files = append(files, File{Name: name, Src: src, Path: "content/" + name})
	}
	// A module's zip and its level's are made on different workers; a
	// third archive reads the kept packing alongside the second.
	dirs := []string{"m", "modul-sd/m", "lain/m"}
	plain := make([][]byte, len(dirs))
	for i, dir := range dirs {
		var err error
		if plain[i], err = ZipBytes(Within(dir, files)); err != nil {
			t.Fatal(err)
		}
	}
	shared := Shared(files)
	opened := map[string]int{}
	for name := range want {
		opened[name] = src.count("content/" + name)
	}
	got := make([][]byte, len(dirs))
	errs := make([]error, len(dirs))
	var wg sync.WaitGroup
	for i, dir := range dirs {
		wg.Go(func() { got[i], errs[i] = ZipBytes(Within(dir, shared)) })
	}
	wg.Wait()
	for i := range dirs {
		if errs[i] != nil {
			t.Fatal(errs[i])
		}
		if !bytes.Equal(got[i], plain[i]) {
			t.Errorf("%s: sharing changed the archive", dirs[i])
		}
	}
	for _, name := range []string{"catatan.txt", "cetak.pdf", "acak.bin"} {
		if n := src.count("content/"+name) - opened[name]; n != 1 {
			t.Errorf("%s read %d times for %d archives, want once", name, n, len(dirs))
		}
	}
	for i, z := range got {
		files, _ := unzip(t, z)
		for name, w := range want {
			if !bytes.Equal(files[dirs[i]+"/"+name], w) {
				t.Errorf("%s changed in the archive %s", name, dirs[i])
			}
		}
	}
}

// A failed read is not kept: the next archive tries again.
func TestSharedRetriesAfterError(t *testing.T) {
	src := fstest.MapFS{}
	shared := Shared([]File{{Name: "a.txt", Src: src, Path: "a.txt"}})
	if _, err := ZipBytes(shared); err == nil || !strings.Contains(err.Error(), "a.txt") {
		t.Fatalf("a missing file gave %v, want an error naming it", err)
	}
	src["a.txt"] = &fstest.MapFile{Data: []byte(strings.Repeat("ada ", 100))}
	data, err := ZipBytes(shared)
	if err != nil {
		t.Fatal(err)
	}
	if got, _ := unzip(t, data); string(got["a.txt"]) != strings.Repeat("ada ", 100) {
		t.Error("the file put in later is not in the archive")
	}
}

// Files longer than maxPacked are streamed, not held in memory.
func TestZipLongFiles(t *testing.T) {
	text := bytes.Repeat([]byte("Baris panjang dari berkas teks yang besar.\n"), maxPacked/40)
	rng := rand.New(rand.NewPCG(5, 6))
	video := randomBytes(rng, maxPacked+1)
	src := fstest.MapFS{"teks.txt": {Data: text}, "video.mp4": {Data: video}}
	files := Shared([]File{{Name: "teks.txt", Src: src, Path: "teks.txt"}, {Name: "video.mp4", Src: src, Path: "video.mp4"}})
	for range 2 {
		data, err := ZipBytes(files)
		if err != nil {
			t.Fatal(err)
		}
		got, entries := unzip(t, data)
		if !bytes.Equal(got["teks.txt"], text) || !bytes.Equal(got["video.mp4"], video) {
			t.Fatal("a long file changed in the archive")
		}
		for _, e := range entries {
			if e.Flags&0x8 == 0 {
				t.Errorf("%s: no data descriptor: was it packed in memory?", e.Name)
			}
			if w := map[string]uint16{"teks.txt": zip.Deflate, "video.mp4": zip.Store}[e.Name]; e.Method != w {
				t.Errorf("%s: method %d, want %d", e.Name, e.Method, w)
			}
		}
	}
	if len(text) <= maxPacked {
		t.Fatal("the text is not long enough for the test")
	}
}
