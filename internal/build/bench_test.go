package build_test

// Benchmarks of whole builds, and of the floor: the least work any
// generator must do for the same pages. bench/run.sh runs them and
// docs/BENCHMARKS.md reports what they measured. Timings are never
// asserted: a shared 2-core machine is too noisy for that.
//
//	go test ./internal/build -run '^$' -bench . -count 6
//	WARTA_BENCH_LARGE=1 go test ./internal/build -run '^$' -bench /10k -count 6

import (
	"context"
	"errors"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"sync/atomic"
	"testing"

	"github.com/dinsos-metro/warta"
	"github.com/dinsos-metro/warta/internal/build"
	"github.com/dinsos-metro/warta/internal/corpus"
	"github.com/dinsos-metro/warta/internal/floor"
	"github.com/dinsos-metro/warta/internal/publish"
)

var (
	corpus1k  = corpus.Options{News: 1000, Modules: 150, Galleries: 20, Photos: 6, Seed: 1}
	corpus10k = corpus.Options{News: 10000, Modules: 1500, Galleries: 200, Photos: 6, Seed: 1}
)

// eachSite runs f on the repository's own site, on a corpus of 1,000 news
// and, when WARTA_BENCH_LARGE=1, on one of 10,000. A corpus is written once
// per run of the benchmark, outside the timed loop.
func eachSite(b *testing.B, f func(b *testing.B, dir string)) {
	b.Run("sample", func(b *testing.B) { f(b, "../..") })
	b.Run("1k", func(b *testing.B) { f(b, writeCorpus(b, corpus1k)) })
	b.Run("10k", func(b *testing.B) {
		if os.Getenv("WARTA_BENCH_LARGE") != "1" {
			b.Skip("set WARTA_BENCH_LARGE=1 to benchmark 10,000 news")
		}
		f(b, writeCorpus(b, corpus10k))
	})
}

func writeCorpus(b *testing.B, opt corpus.Options) string {
	dir := filepath.Join(b.TempDir(), "site")
	if err := corpus.Write(dir, opt); err != nil {
		b.Fatal(err)
	}
	return dir
}

// BenchmarkBuild is a full build from disk, into a staging folder that is
// committed over the previous output every iteration (disk), and into
// memory (memory), which leaves out the cost of the file system. Like the
// warta command, it keeps resized images in the site's .cache/ folder; one
// untimed build first fills it, so every timed build finds its images
// there.
func BenchmarkBuild(b *testing.B) {
	eachSite(b, func(b *testing.B, dir string) {
		opt := build.Options{Source: os.DirFS(dir), Theme: warta.Theme, Dir: dir}
		opt.Sink = publish.NewMemory()
		if res, err := build.Build(context.Background(), opt); err != nil {
			b.Fatalf("build failed: %v\n%s", err, res.Diags.Format("en"))
		}
		b.Run("disk", func(b *testing.B) {
			out := filepath.Join(b.TempDir(), "public")
			benchBuild(b, opt, func() (publish.Sink, func() error) {
				st, err := publish.NewStaging(out)
				if err != nil {
					b.Fatal(err)
				}
				return st, st.Commit
			})
		})
		b.Run("memory", func(b *testing.B) {
			benchBuild(b, opt, func() (publish.Sink, func() error) {
				return publish.NewMemory(), func() error { return nil }
			})
		})
	})
}

func benchBuild(b *testing.B, opt build.Options, sink func() (publish.Sink, func() error)) {
	b.ReportAllocs()
	var pages, written int64
	for b.Loop() {
		s, commit := sink()
		c := &counter{Sink: s}
		opt.Sink = c
		res, err := build.Build(context.Background(), opt)
		if err == nil {
			err = commit()
		}
		if err != nil {
			b.Fatalf("build failed: %v\n%s", err, res.Diags.Format("en"))
		}
		pages, written = int64(res.Pages), c.bytes.Load()
	}
	report(b, pages, written)
}

func report(b *testing.B, pages, written int64) {
	b.ReportMetric(float64(pages), "pages/op")
	b.ReportMetric(float64(written)/1e6, "out-MB/op")
	b.ReportMetric(float64(pages)*float64(b.N)/b.Elapsed().Seconds(), "pages/s")
}

// counter is a Sink that counts the bytes passing through it.
type counter struct {
	publish.Sink
	bytes atomic.Int64
}

func (c *counter) Write(name string, data []byte) error {
	c.bytes.Add(int64(len(data)))
	return c.Sink.Write(name, data)
}

func (c *counter) Copy(name string, src fs.FS, srcPath string) error {
	if info, err := fs.Stat(src, srcPath); err == nil {
		c.bytes.Add(info.Size())
	}
	return c.Sink.Copy(name, src, srcPath)
}

// BenchmarkFloor is the floor of issue 7 for the same sites: read every
// Markdown file, split off its front matter with adrg/frontmatter, render
// the body with goldmark (GFM) on every core, and write the same HTML
// files as a build (one folder and index.html per page; list pages with
// ten links), overwriting the previous run's output (disk) or nowhere
// (memory). No templates, feeds, minification or bundle files.
func BenchmarkFloor(b *testing.B) {
	eachSite(b, func(b *testing.B, dir string) {
		pages := htmlPages(b, dir)
		b.Run("disk", func(b *testing.B) {
			out := filepath.Join(b.TempDir(), "public")
			benchFloor(b, dir, pages, func(name string, html []byte) error {
				full := filepath.Join(out, name)
				err := os.WriteFile(full, html, 0o644)
				if errors.Is(err, fs.ErrNotExist) {
					if err = os.MkdirAll(filepath.Dir(full), 0o755); err == nil {
						err = os.WriteFile(full, html, 0o644)
					}
				}
				return err
			})
		})
		b.Run("memory", func(b *testing.B) {
			benchFloor(b, dir, pages, func(string, []byte) error { return nil })
		})
	})
}

// htmlPages are the HTML files a build of the site writes: the floor
// writes the same ones (one folder and file per page and list page).
func htmlPages(b *testing.B, dir string) []string {
	mem := publish.NewMemory()
	opt := build.Options{Source: os.DirFS(dir), Theme: warta.Theme, Dir: dir, Sink: mem}
	if res, err := build.Build(context.Background(), opt); err != nil {
		b.Fatalf("build failed: %v\n%s", err, res.Diags.Format("en"))
	}
	var pages []string
	for _, n := range mem.Names() {
		if strings.HasSuffix(n, ".html") {
			pages = append(pages, n)
		}
	}
	return pages
}

func benchFloor(b *testing.B, dir string, list []string, write func(name string, html []byte) error) {
	b.ReportAllocs()
	var pages, written int64
	for b.Loop() {
		var err error
		pages, written, err = floor.RunPages(dir, list, write)
		if err != nil {
			b.Fatal(err)
		}
	}
	report(b, pages, written)
}
