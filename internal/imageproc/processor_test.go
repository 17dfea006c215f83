package imageproc

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"image"
	"image/color"
	"image/png"
	"maps"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"sync"
	"testing"
	"testing/fstest"
	"time"

	"github.com/dinsos-metro/warta/internal/imageproc/imagetest"
)

// run probes every path, makes every op at widths and returns the outputs
// by "path@width".
func run(t *testing.T, p *Processor, widths []int, paths ...string) (map[string][]byte, []error) {
	t.Helper()
	var ops []Op
	var errs []error
	for _, path := range paths {
		src, err := p.Source(path)
		if err != nil {
			errs = append(errs, err)
			continue
		}
		for _, w := range Widths(widths, src.Width) {
			ops = append(ops, NewOp(src, w, 80))
		}
	}
	var mu sync.Mutex
	out := map[string][]byte{}
	errs = append(errs, p.Run(context.Background(), ops, func(op Op, data []byte) error {
		mu.Lock()
		out[fmt.Sprintf("%s@%d", op.Src.Path, op.Width)] = data
		mu.Unlock()
		return nil
	})...)
	return out, errs
}

func TestOrientationAllEight(t *testing.T) {
	fsys := fstest.MapFS{}
	up := imagetest.Quadrants(120, 80)
	for o := 1; o <= 8; o++ {
		imagetest.Add(fsys, fmt.Sprintf("o%d.jpg", o), imagetest.PhoneJPEG(imagetest.Stored(up, o), o))
	}
	p := New(Options{FS: fsys})
	for o := 1; o <= 8; o++ {
		src, err := p.Source(fmt.Sprintf("o%d.jpg", o))
		if err != nil {
			t.Fatal(err)
		}
		if src.Orientation != o || src.Width != 120 || src.Height != 80 {
			t.Errorf("o%d.jpg: probed orientation %d, %d×%d; want %d, 120×80", o, src.Orientation, src.Width, src.Height, o)
		}
	}
	var paths []string
	for o := 1; o <= 8; o++ {
		paths = append(paths, fmt.Sprintf("o%d.jpg", o))
	}
	out, errs := run(t, p, []int{60, 120}, paths...)
	if len(errs) > 0 {
		t.Fatal(errs)
	}
	for name, data := range out {
		img, _, err := image.Decode(bytes.NewReader(data))
		if err != nil {
			t.Fatalf("%s: %v", name, err)
		}
		b := img.Bounds()
		if b.Dx()*2 != b.Dy()*3 {
			t.Errorf("%s: %v is not 3:2 upright", name, b.Size())
		}
		for i, at := range []image.Point{{b.Dx() / 4, b.Dy() / 4}, {3 * b.Dx() / 4, b.Dy() / 4}, {b.Dx() / 4, 3 * b.Dy() / 4}, {3 * b.Dx() / 4, 3 * b.Dy() / 4}} {
			if got := img.At(at.X, at.Y); !near(got, imagetest.QuadColors[i]) {
				t.Errorf("%s: pixel at %v is %v, want about %v (picture not upright)", name, at, got, imagetest.QuadColors[i])
			}
		}
	}
}

func near(c color.Color, want color.RGBA) bool {
	r, g, b, _ := c.RGBA()
	d := func(a uint32, w uint8) bool { return int(a>>8)-int(w) < 40 && int(w)-int(a>>8) < 40 }
	return d(r, want.R) && d(g, want.G) && d(b, want.B)
}

// TestNoMetadataSurvives checks every derivative of a phone photo (EXIF
// with GPS, XMP, a comment) and of a PNG for the traces of metadata.
func TestNoMetadataSurvives(t *testing.T) {
	fsys := fstest.MapFS{}
	imagetest.Add(fsys, "phone.jpg", imagetest.PhoneJPEG(imagetest.Stored(imagetest.Quadrants(300, 200), 6), 6))
	imagetest.Add(fsys, "hole.png", imagetest.TransparentPNG(90, 60))
	if found := imagetest.Metadata(fsys["phone.jpg"].Data); len(found) != 7 {
		t.Fatalf("the fixture should carry EXIF, GPS, XMP and a comment (7 findings), has %v", found)
	}
	out, errs := run(t, New(Options{FS: fsys}), []int{100, 250, 1600}, "phone.jpg", "hole.png")
	if len(errs) > 0 {
		t.Fatal(errs)
	}
	if len(out) != 4 { // phone: 100, 200 (its own width); hole: 90
		t.Errorf("made %d derivatives, want 4: %v", len(out), slices.Sorted(maps.Keys(out)))
	}
	for name, data := range out {
		imagetest.AssertClean(t, name, data)
	}
}

func TestNeverUpscales(t *testing.T) {
	fsys := fstest.MapFS{}
	imagetest.Add(fsys, "small.jpg", imagetest.PhoneJPEG(imagetest.Quadrants(800, 600), 1))
	out, errs := run(t, New(Options{FS: fsys}), []int{480, 960, 1600}, "small.jpg")
	if len(errs) > 0 {
		t.Fatal(errs)
	}
	got := slices.Sorted(maps.Keys(out))
	want := []string{"small.jpg@480", "small.jpg@800"}
	if !slices.Equal(got, want) {
		t.Errorf("derivatives %v, want %v", got, want)
	}
	for name, data := range out {
		cfg, _, err := image.DecodeConfig(bytes.NewReader(data))
		if err != nil || cfg.Width > 800 {
			t.Errorf("%s: %v, width %d", name, err, cfg.Width)
		}
	}
}

func TestWidths(t *testing.T) {
	for _, c := range []struct {
		w    int
		want []int
	}{
		{3000, []int{480, 960, 1600}},
		{1600, []int{480, 960, 1600}},
		{1200, []int{480, 960, 1200}},
		{800, []int{480, 800}},
		{480, []int{480}},
		{64, []int{64}},
	} {
		if got := Widths([]int{960, 480, 1600}, c.w); !slices.Equal(got, c.want) {
			t.Errorf("Widths(%d) = %v, want %v", c.w, got, c.want)
		}
	}
}

func TestTransparentPNGStaysPNG(t *testing.T) {
	fsys := fstest.MapFS{}
	imagetest.Add(fsys, "hole.png", imagetest.TransparentPNG(200, 100))
	imagetest.Add(fsys, "opaque.png", func() []byte {
		var b bytes.Buffer
		_ = png.Encode(&b, imagetest.Quadrants(200, 100))
		return b.Bytes()
	}())
	p := New(Options{FS: fsys})
	hole, _ := p.Source("hole.png")
	opaque, _ := p.Source("opaque.png")
	if hole.Output() != PNG {
		t.Error("transparent PNG would not stay PNG")
	}
	if opaque.Output() != JPEG {
		t.Error("opaque PNG would not become JPEG")
	}
	out, errs := run(t, p, []int{100}, "hole.png")
	if len(errs) > 0 {
		t.Fatal(errs)
	}
	img, format, err := image.Decode(bytes.NewReader(out["hole.png@100"]))
	if err != nil || format != "png" {
		t.Fatalf("hole.png@100: %v, format %s", err, format)
	}
	if _, _, _, a := img.At(50, 25).RGBA(); a != 0 {
		t.Errorf("the hole is no longer transparent (alpha %d)", a)
	}
}

// TestBadImages puts every kind of broken file beside two good photos:
// each bad one gives an error naming it, the good ones are still made.
func TestBadImages(t *testing.T) {
	good := imagetest.PhoneJPEG(imagetest.Quadrants(200, 100), 1)
	fsys := fstest.MapFS{}
	imagetest.Add(fsys, "good-1.jpg", good)
	imagetest.Add(fsys, "truncated.jpg", good[:len(good)/2])
	imagetest.Add(fsys, "not-an-image.jpg", []byte("Ini bukan foto, hanya teks biasa.\n"))
	imagetest.Add(fsys, "photo.heic.jpg", append([]byte("\x00\x00\x00\x18ftypheic\x00\x00\x00\x00"), make([]byte, 64)...))
	imagetest.Add(fsys, "bomb.png", imagetest.PNGBomb(50000, 50000))
	imagetest.Add(fsys, "empty.jpg", nil)
	imagetest.Add(fsys, "good-2.jpg", imagetest.PhoneJPEG(imagetest.Quadrants(300, 100), 1))
	p := New(Options{FS: fsys})
	out, errs := run(t, p, []int{100}, "good-1.jpg", "truncated.jpg", "not-an-image.jpg", "photo.heic.jpg", "bomb.png", "empty.jpg", "missing.jpg", "good-2.jpg")

	want := map[string]ErrorKind{
		"truncated.jpg": ErrCorrupt, "not-an-image.jpg": ErrNotImage, "photo.heic.jpg": ErrUnsupported,
		"bomb.png": ErrTooLarge, "empty.jpg": ErrNotImage, "missing.jpg": ErrRead,
	}
	got := map[string]ErrorKind{}
	for _, err := range errs {
		var e *Error
		if !errors.As(err, &e) {
			t.Fatalf("error %v is not an *Error", err)
		}
		got[e.Path] = e.Kind
		if !strings.Contains(e.Error(), e.Path) {
			t.Errorf("error %q does not name its file", e.Error())
		}
	}
	for path, kind := range want {
		if k, ok := got[path]; !ok || k != kind {
			t.Errorf("%s: error kind %v (reported: %v), want %v", path, k, ok, kind)
		}
	}
	if len(out["good-1.jpg@100"]) == 0 || len(out["good-2.jpg@100"]) == 0 {
		t.Errorf("good photos were not processed beside the bad ones: %v", slices.Sorted(maps.Keys(out)))
	}
	if s := p.Stats(); s.Failed != 1 { // only truncated.jpg fails after probing
		t.Errorf("Stats.Failed = %d, want 1", s.Failed)
	}
}

// TestCacheSecondBuildDecodesNothing runs three "builds" over one cache
// folder: cold, warm (no decode at all), and with one photo changed (one
// decode), then prunes.
func TestCacheSecondBuildDecodesNothing(t *testing.T) {
	site := t.TempDir()
	cache := t.TempDir()
	for i := range 4 {
		writeFile(t, filepath.Join(site, fmt.Sprintf("p%d.jpg", i)), imagetest.PhoneJPEG(imagetest.Quadrants(400, 300), 1))
	}
	// p3 differs from the others, which share bytes (and so derivatives).
	writeFile(t, filepath.Join(site, "p3.jpg"), imagetest.PhoneJPEG(imagetest.Quadrants(600, 300), 1))
	paths := []string{"p0.jpg", "p1.jpg", "p2.jpg", "p3.jpg"}
	widths := []int{100, 200}
	build := func() (Stats, map[string][]byte) {
		p := New(Options{FS: os.DirFS(site), CacheDir: cache})
		out, errs := run(t, p, widths, paths...)
		if len(errs) > 0 {
			t.Fatal(errs)
		}
		if err := p.Prune(); err != nil {
			t.Fatal(err)
		}
		return p.Stats(), out
	}

	cold, first := build()
	if cold.Decoded != 2 || cold.Made != 4 || cold.Cached != 0 {
		t.Errorf("cold build: %+v; want 2 decodes (identical photos share work), 4 made", cold)
	}
	warm, second := build()
	if warm.Decoded != 0 || warm.Made != 0 || warm.Cached != 4 {
		t.Errorf("warm build: %+v; want no decode, everything from the cache", warm)
	}
	for k, v := range first {
		if !bytes.Equal(second[k], v) {
			t.Errorf("%s differs between cold and warm builds", k)
		}
	}

	// Change one photo: only it is decoded again; its old derivatives go.
	time.Sleep(10 * time.Millisecond) // a new modification time
	writeFile(t, filepath.Join(site, "p3.jpg"), imagetest.PhoneJPEG(imagetest.Quadrants(600, 400), 3))
	changed, _ := build()
	if changed.Decoded != 1 || changed.Made != 2 || changed.Cached != 2 || changed.Pruned != 2 {
		t.Errorf("after changing p3.jpg: %+v; want 1 decode, 2 made, 2 cached, 2 pruned", changed)
	}
	if n := countFiles(t, cache); n != 4+1 { // 4 derivatives + the manifest
		t.Errorf("cache holds %d files, want 5", n)
	}

	// Pruning touches only what the cache wrote, whatever else the folder
	// holds (images.cache could name any folder).
	if err := os.MkdirAll(filepath.Join(cache, "ab"), 0o755); err != nil {
		t.Fatal(err)
	}
	for _, f := range []string{"notes.txt", "ab/photo.jpg", "0123456789abcdef0123456789abcdef.jpg"} {
		writeFile(t, filepath.Join(cache, f), []byte("x"))
	}
	build()
	for _, f := range []string{"notes.txt", "ab/photo.jpg", "0123456789abcdef0123456789abcdef.jpg"} {
		if _, err := os.Stat(filepath.Join(cache, f)); err != nil {
			t.Errorf("prune removed %s, which the cache did not write", f)
		}
	}
}

func TestCacheSettingChangeRemakes(t *testing.T) {
	fsys := fstest.MapFS{}
	imagetest.Add(fsys, "a.jpg", imagetest.PhoneJPEG(imagetest.Quadrants(400, 300), 1))
	cache := t.TempDir()
	p := New(Options{FS: fsys, CacheDir: cache})
	src, err := p.Source("a.jpg")
	if err != nil {
		t.Fatal(err)
	}
	nop := func(Op, []byte) error { return nil }
	p.Run(context.Background(), []Op{NewOp(src, 200, 80)}, nop)
	p2 := New(Options{FS: fsys, CacheDir: cache})
	src2, _ := p2.Source("a.jpg")
	p2.Run(context.Background(), []Op{NewOp(src2, 200, 60), NewOp(src2, 200, 80)}, nop)
	if s := p2.Stats(); s.Decoded != 1 || s.Made != 1 || s.Cached != 1 {
		t.Errorf("after changing the quality: %+v; want the new quality made, the old one cached", s)
	}
}

func TestDuplicateOpsMadeOnce(t *testing.T) {
	fsys := fstest.MapFS{}
	imagetest.Add(fsys, "a.jpg", imagetest.PhoneJPEG(imagetest.Quadrants(400, 300), 1))
	p := New(Options{FS: fsys})
	src, _ := p.Source("a.jpg")
	ops := []Op{NewOp(src, 200, 80), NewOp(src, 200, 80), NewOp(src, 5000, 80), NewOp(src, 400, 80)}
	var n int
	var mu sync.Mutex
	p.Run(context.Background(), ops, func(Op, []byte) error { mu.Lock(); n++; mu.Unlock(); return nil })
	if s := p.Stats(); n != 2 || s.Decoded != 1 || s.Made != 2 {
		t.Errorf("delivered %d, stats %+v; want 2 derivatives from 1 decode", n, s)
	}
}

func TestProgress(t *testing.T) {
	fsys := fstest.MapFS{}
	imagetest.Add(fsys, "a.jpg", imagetest.PhoneJPEG(imagetest.Quadrants(400, 300), 1))
	var last [2]int
	p := New(Options{FS: fsys, Progress: func(done, total int, _ time.Duration) { last = [2]int{done, total} }})
	p.progressAfter = 0 // this work is short: report all the same
	out, errs := run(t, p, []int{100, 200}, "a.jpg")
	if len(errs) > 0 || len(out) != 2 {
		t.Fatal(errs)
	}
	if last != [2]int{2, 2} {
		t.Errorf("last progress report %v, want [2 2]", last)
	}
}

func writeFile(t *testing.T, name string, data []byte) {
	t.Helper()
	if err := os.WriteFile(name, data, 0o644); err != nil {
		t.Fatal(err)
	}
}

func countFiles(t *testing.T, dir string) int {
	t.Helper()
	n := 0
	_ = filepath.WalkDir(dir, func(_ string, d os.DirEntry, _ error) error {
		if d != nil && !d.IsDir() {
			n++
		}
		return nil
	})
	return n
}

func FuzzProbe(f *testing.F) {
	f.Add(imagetest.PhoneJPEG(imagetest.Quadrants(16, 8), 6))
	f.Add(imagetest.TransparentPNG(8, 8))
	f.Add(imagetest.PNGBomb(50000, 50000))
	f.Add([]byte("\x00\x00\x00\x18ftypheic"))
	f.Add([]byte("RIFF\x00\x00\x00\x00WEBPVP8 "))
	f.Fuzz(func(t *testing.T, data []byte) {
		src, err := probe("f", data, DefaultMaxPixels)
		if err == nil && (src.Width <= 0 || src.Height <= 0 || src.Orientation < 1 || src.Orientation > 8) {
			t.Errorf("probe accepted %+v", src)
		}
	})
}
