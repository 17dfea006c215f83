package imageproc

import (
	"bytes"
	"fmt"
	"image"
	"image/jpeg"
	"math"
	"os"
	"path/filepath"
	"syscall"
	"testing"
	"time"

	"github.com/dinsos-metro/warta/internal/imageproc/imagetest"
)

// The encoders compared on the pixels the pipeline hands them: what each
// costs in CPU time and what it gives in bytes and faithfulness (SSIM of
// the luma against the pixels before encoding). docs/BENCHMARKS.md
// ("Images") reports them.
//
//	go test ./internal/imageproc -run '^$' -bench 'Encode|Quality' -benchtime 5x
//	WARTA_BENCH_IMAGES=content/galeri/x go test ... -bench Quality    # real photos too

// BenchmarkEncode encodes one photo resized to 1200×800 and to each default
// width, as JPEG at 80 (the default) and as WebP.
func BenchmarkEncode(b *testing.B) {
	img, err := jpeg.Decode(bytes.NewReader(imagetest.Photo(1, 3000, 2000)))
	if err != nil {
		b.Fatal(err)
	}
	if _, err := encode(image.NewRGBA(image.Rect(0, 0, 16, 16)), WebP, 80); err != nil {
		b.Fatal(err) // compiles the WebAssembly module once, outside the timings
	}
	for _, w := range []int{1200, 1600, 960, 480} {
		px := resizeChain(img, []image.Point{{w, w * 2 / 3}})[0]
		for _, c := range []struct {
			name string
			f    Format
			q    int
		}{{"jpeg-q80", JPEG, 80}, {"webp-q80", WebP, 80}, {"webp-lossless", WebP, 0}} {
			if c.q == 0 && w != 1200 {
				continue
			}
			b.Run(fmt.Sprintf("%dx%d/%s", w, w*2/3, c.name), func(b *testing.B) {
				var n int
				cpu := cpuTime()
				for range b.N {
					data, err := encode(px, c.f, c.q)
					if err != nil {
						b.Fatal(err)
					}
					n = len(data)
				}
				b.ReportMetric(float64((cpuTime()-cpu).Microseconds())/1000/float64(b.N), "cpu-ms/op")
				b.ReportMetric(float64(n)/1000, "kB")
			})
		}
	}
}

// BenchmarkQuality sweeps the WebP quality on 1200×800 photos against JPEG
// at 80: bytes as a share of the JPEG's, and SSIM of each.
func BenchmarkQuality(b *testing.B) {
	sets := map[string][]*image.RGBA{}
	for seed := range uint64(3) {
		img, _ := jpeg.Decode(bytes.NewReader(imagetest.Photo(seed+1, 3000, 2000)))
		sets["generated"] = append(sets["generated"], resizeChain(img, []image.Point{{1200, 800}})[0])
	}
	if dir := os.Getenv("WARTA_BENCH_IMAGES"); dir != "" {
		files, _ := filepath.Glob(filepath.Join(dir, "*.jpg"))
		for _, f := range files {
			data, err := os.ReadFile(f)
			if err != nil {
				b.Fatal(err)
			}
			img, err := decodeImage(data)
			if err != nil {
				b.Fatal(err)
			}
			w, h := img.Bounds().Dx(), img.Bounds().Dy()
			sets["real"] = append(sets["real"], resizeChain(img, []image.Point{{1200, h * 1200 / w}})[0])
		}
	}
	measure := func(b *testing.B, pics []*image.RGBA, f Format, q int) {
		var size, jsize int
		var ssim float64
		for range b.N {
			size, jsize, ssim = 0, 0, 0
			for _, px := range pics {
				data, err := encode(px, f, q)
				if err != nil {
					b.Fatal(err)
				}
				jdata, _ := encode(px, JPEG, 80)
				size += len(data)
				jsize += len(jdata)
				got, err := decodeImage(data)
				if err != nil {
					b.Fatal(err)
				}
				if f == WebP {
					got = studioRange(got)
				}
				ssim += lumaSSIM(px, got)
			}
		}
		b.ReportMetric(float64(size)/float64(len(pics))/1000, "kB/pic")
		b.ReportMetric(float64(size)/float64(jsize), "×jpeg-q80")
		b.ReportMetric(ssim/float64(len(pics)), "ssim")
	}
	for _, set := range []string{"generated", "real"} {
		pics := sets[set]
		if len(pics) == 0 {
			continue
		}
		for _, q := range []int{70, 80, 90} {
			b.Run(fmt.Sprintf("%s/jpeg-q%d", set, q), func(b *testing.B) { measure(b, pics, JPEG, q) })
		}
		for _, q := range []int{68, 70, 75, 78, 80, 85, 88} {
			b.Run(fmt.Sprintf("%s/webp-q%d", set, q), func(b *testing.B) { measure(b, pics, WebP, q) })
		}
	}
}

// lumaSSIM is the mean SSIM of the BT.601 luma of a and b over 8×8 windows
// every 4 pixels (Wang et al. 2004, constants for 8 bits).
func lumaSSIM(a *image.RGBA, b image.Image) float64 {
	w, h := a.Rect.Dx(), a.Rect.Dy()
	luma := func(img image.Image) []float64 {
		y := make([]float64, w*h)
		for j := range h {
			for i := range w {
				r, g, bb, _ := img.At(img.Bounds().Min.X+i, img.Bounds().Min.Y+j).RGBA()
				y[j*w+i] = (0.299*float64(r) + 0.587*float64(g) + 0.114*float64(bb)) / 257
			}
		}
		return y
	}
	ya, yb := luma(a), luma(b)
	const c1, c2 = (0.01 * 255) * (0.01 * 255), (0.03 * 255) * (0.03 * 255)
	var sum float64
	var n int
	for j := 0; j+8 <= h; j += 4 {
		for i := 0; i+8 <= w; i += 4 {
			var ma, mb, va, vb, cov float64
			for y := j; y < j+8; y++ {
				for x := i; x < i+8; x++ {
					ma += ya[y*w+x]
					mb += yb[y*w+x]
				}
			}
			ma /= 64
			mb /= 64
			for y := j; y < j+8; y++ {
				for x := i; x < i+8; x++ {
					da, db := ya[y*w+x]-ma, yb[y*w+x]-mb
					va += da * da
					vb += db * db
					cov += da * db
				}
			}
			va, vb, cov = va/63, vb/63, cov/63
			sum += (2*ma*mb + c1) * (2*cov + c2) / ((ma*ma + mb*mb + c1) * (va + vb + c2))
			n++
		}
	}
	if n == 0 {
		return math.NaN()
	}
	return sum / float64(n)
}

// studioRange converts a decoded lossy WebP to RGB as browsers do. VP8
// stores BT.601 with Y in 16-235 and chroma in 16-240, but
// golang.org/x/image/webp hands back its planes as an image.YCbCr, which
// Go reads as full range (JPEG's): compared that way, a WebP would look
// flatter than it is.
func studioRange(img image.Image) image.Image {
	var yc *image.YCbCr
	switch m := img.(type) {
	case *image.YCbCr:
		yc = m
	case *image.NYCbCrA:
		yc = &m.YCbCr
	default:
		return img
	}
	b := yc.Rect
	out := image.NewRGBA(b)
	for y := b.Min.Y; y < b.Max.Y; y++ {
		for x := b.Min.X; x < b.Max.X; x++ {
			Y := 1.164 * (float64(yc.Y[yc.YOffset(x, y)]) - 16)
			cb := float64(yc.Cb[yc.COffset(x, y)]) - 128
			cr := float64(yc.Cr[yc.COffset(x, y)]) - 128
			i := out.PixOffset(x, y)
			out.Pix[i] = clamp8(Y + 1.596*cr)
			out.Pix[i+1] = clamp8(Y - 0.392*cb - 0.813*cr)
			out.Pix[i+2] = clamp8(Y + 2.017*cb)
			out.Pix[i+3] = 255
		}
	}
	return out
}

func clamp8(v float64) uint8 { return uint8(math.Round(min(max(v, 0), 255))) }

func cpuTime() time.Duration {
	var ru syscall.Rusage
	_ = syscall.Getrusage(syscall.RUSAGE_SELF, &ru)
	return time.Duration(ru.Utime.Nano() + ru.Stime.Nano())
}
