package imageproc

import (
	"bytes"
	"context"
	"fmt"
	"image"
	"image/color"
	"image/png"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"runtime"
	"strings"
	"sync"
	"testing"
	"testing/fstest"

	"github.com/gen2brain/webp"
	xwebp "golang.org/x/image/webp"

	"github.com/dinsos-metro/warta/internal/imageproc/imagetest"
)

// runWebP makes every op at widths and its WebP copy, returning the
// outputs by "path@width.ext".
func runWebP(t *testing.T, p *Processor, widths []int, paths ...string) map[string][]byte {
	t.Helper()
	var ops []Op
	for _, path := range paths {
		src, err := p.Source(path)
		if err != nil {
			t.Fatal(err)
		}
		for _, w := range Widths(widths, src.Width) {
			op := NewOp(src, w, 80)
			ops = append(ops, op, op.WebP())
		}
	}
	var mu sync.Mutex
	out := map[string][]byte{}
	if errs := p.Run(context.Background(), ops, func(op Op, data []byte) error {
		mu.Lock()
		out[fmt.Sprintf("%s@%d%s", op.Src.Path, op.Width, op.Format.Ext())] = data
		mu.Unlock()
		return nil
	}); len(errs) > 0 {
		t.Fatal(errs)
	}
	return out
}

// TestWebPIsTheEncoderWeShip fails when github.com/gen2brain/webp found a
// libwebp of the system and uses it instead of its WebAssembly build: the
// bytes would then depend on the machine. Release builds use -tags
// nodynamic (scripts/release.sh), which leaves the system library out.
func TestWebPIsTheEncoderWeShip(t *testing.T) {
	if webp.Dynamic() == nil {
		t.Fatal("github.com/gen2brain/webp loaded the system's libwebp; build and test with -tags nodynamic")
	}
}

// TestWebPCopies checks the WebP copy of every derivative of a phone photo
// stored sideways with EXIF, GPS and XMP: a lossy WebP of the same upright
// size, made from the same decode as the JPEG, with no metadata.
func TestWebPCopies(t *testing.T) {
	fsys := fstest.MapFS{}
	up := imagetest.Quadrants(300, 200)
	imagetest.Add(fsys, "phone.jpg", imagetest.PhoneJPEG(imagetest.Stored(up, 6), 6))
	p := New(Options{FS: fsys})
	out := runWebP(t, p, []int{100, 250}, "phone.jpg")
	if s := p.Stats(); s.Decoded != 1 || s.Made != 4 {
		t.Errorf("stats %+v; want 1 decode for 2 JPEGs and 2 WebPs", s)
	}
	for _, w := range []int{100, 250} {
		name := fmt.Sprintf("phone.jpg@%d.webp", w)
		data := out[name]
		if !bytes.HasPrefix(data, []byte("RIFF")) || string(data[8:16]) != "WEBPVP8 " {
			t.Fatalf("%s is not a lossy WebP: % x", name, data[:min(len(data), 16)])
		}
		imagetest.AssertClean(t, name, data)
		img, err := xwebp.Decode(bytes.NewReader(data))
		if err != nil {
			t.Fatalf("%s: %v", name, err)
		}
		b := img.Bounds()
		if h := (200*w + 150) / 300; b.Dx() != w || b.Dy() != h {
			t.Errorf("%s is %v, want %d×%d upright", name, b.Size(), w, h)
		}
		for i, at := range []image.Point{{b.Dx() / 4, b.Dy() / 4}, {3 * b.Dx() / 4, b.Dy() / 4}, {b.Dx() / 4, 3 * b.Dy() / 4}, {3 * b.Dx() / 4, 3 * b.Dy() / 4}} {
			if got := img.At(at.X, at.Y); !near(got, imagetest.QuadColors[i]) {
				t.Errorf("%s: pixel at %v is %v, want about %v (picture not upright)", name, at, got, imagetest.QuadColors[i])
			}
		}
	}
}

// TestWebPTransparentIsLossless: beside the PNG of a picture with a hole
// comes a lossless WebP with the very same pixels, hole included.
func TestWebPTransparentIsLossless(t *testing.T) {
	fsys := fstest.MapFS{}
	imagetest.Add(fsys, "hole.png", imagetest.TransparentPNG(200, 100))
	p := New(Options{FS: fsys})
	src, _ := p.Source("hole.png")
	if op := NewOp(src, 100, 80).WebP(); op.Format != WebP || op.Quality != 0 {
		t.Fatalf("WebP op of a transparent PNG: %+v; want lossless (quality 0)", op)
	}
	out := runWebP(t, p, []int{100}, "hole.png")
	data := out["hole.png@100.webp"]
	imagetest.AssertClean(t, "hole.png@100.webp", data)
	if !bytes.Contains(data[:min(len(data), 64)], []byte("VP8L")) {
		t.Fatalf("hole.png@100.webp is not lossless: % x", data[:min(len(data), 40)])
	}
	got, err := xwebp.Decode(bytes.NewReader(data))
	if err != nil {
		t.Fatal(err)
	}
	want, err := png.Decode(bytes.NewReader(out["hole.png@100.png"]))
	if err != nil {
		t.Fatal(err)
	}
	if got.Bounds() != want.Bounds() {
		t.Fatalf("WebP is %v, PNG %v", got.Bounds(), want.Bounds())
	}
	for y := range want.Bounds().Dy() {
		for x := range want.Bounds().Dx() {
			g := color.NRGBAModel.Convert(got.At(x, y)).(color.NRGBA)
			w := color.NRGBAModel.Convert(want.At(x, y)).(color.NRGBA)
			if g.A != w.A || (w.A != 0 && g != w) {
				t.Fatalf("pixel (%d, %d): WebP %v, PNG %v", x, y, g, w)
			}
		}
	}
}

// TestWebPDeterministic makes the same derivatives with one worker and
// with four (where workers help each other with encodes) and again: the
// bytes are the same every time.
func TestWebPDeterministic(t *testing.T) {
	fsys := fstest.MapFS{}
	for i := range 3 {
		imagetest.Add(fsys, fmt.Sprintf("p%d.jpg", i), imagetest.Photo(uint64(i+1), 300, 200))
	}
	imagetest.Add(fsys, "hole.png", imagetest.TransparentPNG(120, 60))
	paths := []string{"p0.jpg", "p1.jpg", "p2.jpg", "hole.png"}
	first := runWebP(t, New(Options{FS: fsys, Workers: 1}), []int{80, 160}, paths...)
	if len(first) != 4*2*2 {
		t.Fatalf("made %d files, want 16", len(first))
	}
	for _, workers := range []int{4, 4, 2} {
		again := runWebP(t, New(Options{FS: fsys, Workers: workers}), []int{80, 160}, paths...)
		for k, v := range first {
			if !bytes.Equal(again[k], v) {
				t.Errorf("%s differs with %d workers", k, workers)
			}
		}
	}
}

// TestWebPWarmBuildDecodesNothing: WebP copies are cached by content like
// the JPEGs, so a second build decodes and encodes nothing.
func TestWebPWarmBuildDecodesNothing(t *testing.T) {
	site, cache := t.TempDir(), t.TempDir()
	writeFile(t, filepath.Join(site, "a.jpg"), imagetest.Photo(7, 400, 300))
	writeFile(t, filepath.Join(site, "b.png"), imagetest.TransparentPNG(200, 100))
	build := func() Stats {
		p := New(Options{FS: os.DirFS(site), CacheDir: cache})
		runWebP(t, p, []int{100, 200}, "a.jpg", "b.png")
		if err := p.Prune(); err != nil {
			t.Fatal(err)
		}
		return p.Stats()
	}
	if s := build(); s.Decoded != 2 || s.Made != 8 {
		t.Errorf("cold build: %+v; want 2 decodes, 8 made (2 JPEGs, 2 PNGs, 4 WebPs)", s)
	}
	if s := build(); s.Decoded != 0 || s.Made != 0 || s.Cached != 8 {
		t.Errorf("warm build: %+v; want no decode, all 8 from the cache", s)
	}
	if n := countFiles(t, cache); n != 8+1 {
		t.Errorf("cache holds %d files, want 8 derivatives and the manifest", n)
	}
}

// TestReleaseBuildIsStatic checks what keeps the released warta one static
// binary now that it encodes WebP: scripts/release.sh builds with -tags
// nodynamic, and with that tag nothing in warta imports purego (which
// github.com/gen2brain/webp otherwise uses to look for the system's
// libwebp, linking libdl even with CGO_ENABLED=0).
func TestReleaseBuildIsStatic(t *testing.T) {
	script, err := os.ReadFile("../../scripts/release.sh")
	if err != nil {
		t.Fatal(err)
	}
	if !regexp.MustCompile(`(?m)^\s*CGO_ENABLED=0 .*go build -tags nodynamic `).Match(script) {
		t.Error("scripts/release.sh does not build with CGO_ENABLED=0 and -tags nodynamic")
	}
	goTool := filepath.Join(runtime.GOROOT(), "bin", "go")
	deps := func(tags ...string) string {
		args := append([]string{"list", "-deps"}, tags...)
		cmd := exec.Command(goTool, append(args, "../../cmd/warta")...)
		// GOFLAGS is cleared: CI sets -tags=nodynamic there for every go
		// command, which would make the tagless listing a tagged one.
		cmd.Env = append(os.Environ(), "CGO_ENABLED=0", "GOFLAGS=")
		out, err := cmd.CombinedOutput()
		if err != nil {
			t.Fatalf("go list: %v\n%s", err, out)
		}
		return string(out)
	}
	const purego = "github.com/ebitengine/purego\n"
	if !strings.Contains(deps(), purego) {
		t.Fatal("without the tag, warta no longer imports purego: this test checks nothing any more, remove it with the tag")
	}
	if strings.Contains(deps("-tags", "nodynamic"), purego) {
		t.Error("with -tags nodynamic, warta still imports purego: the release binary would be dynamically linked")
	}
}
