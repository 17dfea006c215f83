package serve_test

import (
	"context"
	"fmt"
	"os"
	"strings"
	"testing"
	"testing/fstest"
	"time"

	"github.com/dinsos-metro/warta"
	"github.com/dinsos-metro/warta/internal/build"
	"github.com/dinsos-metro/warta/internal/corpus"
	"github.com/dinsos-metro/warta/internal/serve"
)

// BenchmarkServeEdit is issue 5's figure: from a saved news report to the
// rebuilt site in the server's store and the reload event sent, on 10,000
// news reports and 1,500 modules (WARTA_BENCH_LARGE=1; else 1,000 and
// 150). The watcher's debounce, which waits for the editor to finish
// saving, comes before this and is not counted.
func BenchmarkServeEdit(b *testing.B) {
	news, modules := 1000, 150
	if os.Getenv("WARTA_BENCH_LARGE") != "" {
		news, modules = 10000, 1500
	}
	fsys := corpus.FS(corpus.Options{News: news, Modules: modules, Galleries: 20, Photos: 4, Seed: 1})
	target := corpus.FirstNews(fsys)
	ctx := context.Background()
	var log strings.Builder
	srv, err := serve.New(ctx, serve.Options{
		Build: build.Options{Source: fsys, Theme: warta.Theme, Drafts: true, Future: true},
		Log:   &log,
	})
	if err != nil {
		b.Fatal(err)
	}
	if errs := srv.Errors(); len(errs) > 0 {
		b.Fatalf("the site does not build: %v", errs[0])
	}
	original := string(fsys[target].Data)
	clock := time.Date(2026, 11, 28, 12, 0, 0, 0, time.UTC)
	b.ResetTimer()
	for i := 0; b.Loop(); i++ {
		fsys[target] = &fstest.MapFile{Data: []byte(original + fmt.Sprintf("\nSunting %d.\n", i)), ModTime: clock.Add(time.Duration(i) * time.Second)}
		srv.Rebuild(ctx, build.Change{Files: []string{target}}, target)
	}
	b.StopTimer()
	if errs := srv.Errors(); len(errs) > 0 {
		b.Fatalf("an edit broke the site: %v", errs[0])
	}
	lines := strings.Split(strings.TrimSpace(log.String()), "\n")
	b.Log("last log line: " + lines[len(lines)-1])
}
