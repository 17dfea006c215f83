package imageproc

import (
	"bytes"
	"context"
	"fmt"
	"image"
	"image/jpeg"
	"os"
	"path/filepath"
	"strconv"
	"testing"

	xdraw "golang.org/x/image/draw"

	"github.com/dinsos-metro/warta/internal/imageproc/imagetest"
)

// The benchmarks process a generated gallery: WARTA_BENCH_PHOTOS photos
// (default 20; docs/BENCHMARKS.md uses 200) of 3000×2000, generated once
// into the temp folder, at the default widths 480, 960 and 1600.
//
//	go test ./internal/imageproc -run '^$' -bench . -benchtime 1x
//	WARTA_BENCH_PHOTOS=200 go test ./internal/imageproc -run '^$' -bench 'Cold|Warm' -benchtime 1x -timeout 1h

func benchPhotos(b *testing.B) (dir string, n int) {
	b.Helper()
	n = 20
	if v, err := strconv.Atoi(os.Getenv("WARTA_BENCH_PHOTOS")); err == nil && v > 0 {
		n = v
	}
	dir = filepath.Join(os.TempDir(), fmt.Sprintf("warta-photos-%d-3000x2000", n))
	if err := os.MkdirAll(dir, 0o755); err != nil {
		b.Fatal(err)
	}
	for i := range n {
		name := filepath.Join(dir, fmt.Sprintf("photo-%03d.jpg", i))
		if _, err := os.Stat(name); err == nil {
			continue
		}
		if err := os.WriteFile(name, imagetest.Photo(uint64(i+1), 3000, 2000), 0o644); err != nil {
			b.Fatal(err)
		}
	}
	return dir, n
}

func benchRun(b *testing.B, dir, cache string, n int) Stats {
	b.Helper()
	p := New(Options{FS: os.DirFS(dir), CacheDir: cache})
	var ops []Op
	for i := range n {
		src, err := p.Source(fmt.Sprintf("photo-%03d.jpg", i))
		if err != nil {
			b.Fatal(err)
		}
		for _, w := range Widths([]int{480, 960, 1600}, src.Width) {
			ops = append(ops, NewOp(src, w, 80))
		}
	}
	if errs := p.Run(context.Background(), ops, func(Op, []byte) error { return nil }); len(errs) > 0 {
		b.Fatal(errs)
	}
	if err := p.Prune(); err != nil { // as a successful build does: saves what it learnt of the sources
		b.Fatal(err)
	}
	return p.Stats()
}

// BenchmarkCold makes every derivative from an empty cache.
func BenchmarkCold(b *testing.B) {
	dir, n := benchPhotos(b)
	b.ResetTimer()
	for range b.N {
		b.StopTimer()
		cache := b.TempDir()
		b.StartTimer()
		s := benchRun(b, dir, cache, n)
		if s.Decoded != n {
			b.Fatalf("decoded %d of %d", s.Decoded, n)
		}
	}
	b.ReportMetric(float64(b.Elapsed().Milliseconds())/float64(b.N*n), "ms/photo")
}

// BenchmarkWarm is a second build: a new Processor over a full cache.
func BenchmarkWarm(b *testing.B) {
	dir, n := benchPhotos(b)
	cache := b.TempDir()
	benchRun(b, dir, cache, n)
	b.ResetTimer()
	for range b.N {
		if s := benchRun(b, dir, cache, n); s.Decoded != 0 {
			b.Fatalf("warm run decoded %d photos", s.Decoded)
		}
	}
	b.ReportMetric(float64(b.Elapsed().Microseconds())/float64(b.N*n), "µs/photo")
}

// BenchmarkStages splits one photo's work: decoding, the resize chain with
// the two candidate finishing filters, and encoding.
func BenchmarkStages(b *testing.B) {
	data := imagetest.Photo(1, 3000, 2000)
	img, err := jpeg.Decode(bytes.NewReader(data))
	if err != nil {
		b.Fatal(err)
	}
	sizes := []image.Point{{1600, 1067}, {960, 640}, {480, 320}}
	b.Run("decode", func(b *testing.B) {
		for range b.N {
			_, _ = jpeg.Decode(bytes.NewReader(data))
		}
	})
	b.Run("resize/ApproxBiLinear", func(b *testing.B) { // resizeChain
		for range b.N {
			resizeWith(img, sizes, xdraw.ApproxBiLinear)
		}
	})
	b.Run("resize/CatmullRom", func(b *testing.B) {
		for range b.N {
			resizeWith(img, sizes, xdraw.CatmullRom)
		}
	})
	b.Run("resize/direct-CatmullRom", func(b *testing.B) {
		for range b.N {
			for _, sz := range sizes {
				dst := image.NewRGBA(image.Rect(0, 0, sz.X, sz.Y))
				xdraw.CatmullRom.Scale(dst, dst.Bounds(), img, img.Bounds(), xdraw.Src, nil)
			}
		}
	})
	outs := resizeChain(img, sizes)
	b.Run("encode", func(b *testing.B) {
		for range b.N {
			for _, o := range outs {
				_, _ = encode(o, JPEG, 80)
			}
		}
	})
}
