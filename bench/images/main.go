// Command images measures warta's image pipeline on a generated set of
// photos, the way docs/BENCHMARKS.md reports it ("Images"): a cold run
// (empty cache: every photo decoded, resized to every width, encoded as
// JPEG and as WebP, as a build does) and a warm run (a new processor over
// the filled cache, as a second build is), with the time per photo and the
// peak memory of the process. -webp=false makes the JPEGs only.
//
//	go run ./bench/images -n 200 -w 3000 -h 2000            # both runs
//	go run ./bench/images -n 200 -gen-only -photos DIR      # photos for compare-hugo.sh
//	go run ./bench/images -run cold                         # one run per process, for peak memory
//
// Photos are generated once into -photos (default: a folder in the
// system's temp folder named after -n, -w and -h) and reused.
package main

import (
	"context"
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"runtime"
	"sync/atomic"
	"syscall"
	"time"

	"github.com/dinsos-metro/warta/internal/imageproc"
	"github.com/dinsos-metro/warta/internal/imageproc/imagetest"
)

func main() {
	n := flag.Int("n", 200, "photos")
	w := flag.Int("w", 3000, "photo width")
	h := flag.Int("h", 2000, "photo height")
	photos := flag.String("photos", "", "folder of the generated photos (default: in the temp folder)")
	cache := flag.String("cache", "", "cache folder (default: a new temp folder)")
	genOnly := flag.Bool("gen-only", false, "only generate the photos")
	which := flag.String("run", "both", "cold, warm or both")
	quality := flag.Int("q", 80, "JPEG quality")
	withWebP := flag.Bool("webp", true, "make a WebP beside every JPEG")
	flag.Parse()
	if *photos == "" {
		*photos = filepath.Join(os.TempDir(), fmt.Sprintf("warta-photos-%d-%dx%d", *n, *w, *h))
	}
	if err := generate(*photos, *n, *w, *h); err != nil {
		fail(err)
	}
	if *genOnly {
		fmt.Println(*photos)
		return
	}
	if *cache == "" {
		dir, err := os.MkdirTemp("", "warta-image-cache-")
		if err != nil {
			fail(err)
		}
		defer os.RemoveAll(dir)
		*cache = dir
	}
	widths := []int{480, 960, 1600}
	fmt.Printf("%d photos of %d×%d, widths %v, quality %d, WebP %v, GOMAXPROCS %d\n", *n, *w, *h, widths, *quality, *withWebP, runtime.GOMAXPROCS(0))
	if *which == "cold" || *which == "both" {
		measure("cold", *photos, *cache, *n, widths, *quality, *withWebP)
	}
	if *which == "warm" || *which == "both" {
		measure("warm", *photos, *cache, *n, widths, *quality, *withWebP)
	}
	var ru syscall.Rusage
	_ = syscall.Getrusage(syscall.RUSAGE_SELF, &ru)
	fmt.Printf("peak RSS %.0f MiB, CPU %.1f s user + %.1f s system\n", float64(ru.Maxrss)/1024,
		time.Duration(ru.Utime.Nano()).Seconds(), time.Duration(ru.Stime.Nano()).Seconds())
}

func measure(name, photos, cache string, n int, widths []int, quality int, withWebP bool) {
	start := time.Now()
	p := imageproc.New(imageproc.Options{FS: os.DirFS(photos), CacheDir: cache})
	var ops []imageproc.Op
	for i := range n {
		src, err := p.Source(photoName(i))
		if err != nil {
			fail(err)
		}
		for _, w := range imageproc.Widths(widths, src.Width) {
			op := imageproc.NewOp(src, w, quality)
			ops = append(ops, op)
			if withWebP {
				ops = append(ops, op.WebP())
			}
		}
	}
	var size atomic.Int64
	errs := p.Run(context.Background(), ops, func(_ imageproc.Op, data []byte) error {
		size.Add(int64(len(data)))
		return nil
	})
	if len(errs) > 0 {
		fail(errs[0])
	}
	if err := p.Prune(); err != nil {
		fail(err)
	}
	d := time.Since(start)
	s := p.Stats()
	fmt.Printf("%-4s %7.2f s  %6.1f ms/photo  decoded %d, made %d, cached %d, %.1f MB out\n",
		name, d.Seconds(), float64(d.Milliseconds())/float64(n), s.Decoded, s.Made, s.Cached, float64(size.Load())/1e6)
}

func photoName(i int) string { return fmt.Sprintf("photo-%03d.jpg", i) }

func generate(dir string, n, w, h int) error {
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return err
	}
	for i := range n {
		name := filepath.Join(dir, photoName(i))
		if _, err := os.Stat(name); err == nil {
			continue
		}
		if err := os.WriteFile(name, imagetest.Photo(uint64(i+1), w, h), 0o644); err != nil {
			return err
		}
	}
	return nil
}

func fail(err error) {
	fmt.Fprintln(os.Stderr, "images:", err)
	os.Exit(1)
}
