package serve_test

import (
	"context"
	"fmt"
	"os"
	"strings"
	"testing"

	"github.com/dinsos-metro/warta"
	"github.com/dinsos-metro/warta/internal/build"
	"github.com/dinsos-metro/warta/internal/corpus"
	"github.com/dinsos-metro/warta/internal/serve"
)

// BenchmarkPreview is the newsroom's live preview (issue 13): one news
// report rendered with unsaved text through the build's pipeline and
// theme, on 10,000 news reports and 1,500 modules (WARTA_BENCH_LARGE=1;
// else 1,000 and 150). The editor sends the form 200 ms after the last
// key, so the preview shows within 300 ms of a pause when this, the
// request and the browser's drawing take under 100 ms.
func BenchmarkPreview(b *testing.B) {
	news, modules := 1000, 150
	if os.Getenv("WARTA_BENCH_LARGE") != "" {
		news, modules = 10000, 1500
	}
	fsys := corpus.FS(corpus.Options{News: news, Modules: modules, Galleries: 20, Photos: 4, Seed: 1})
	target := corpus.FirstNews(fsys)
	ctx := context.Background()
	srv, err := serve.New(ctx, serve.Options{
		Build: build.Options{Source: fsys, Theme: warta.Theme, Drafts: true, Future: true},
	})
	if err != nil {
		b.Fatal(err)
	}
	if errs := srv.Errors(); len(errs) > 0 {
		b.Fatalf("the site does not build: %v", errs[0])
	}
	original := string(fsys[target].Data)
	b.Run("text", func(b *testing.B) {
		for b.Loop() {
			page, _, err := srv.Preview(ctx, target, []byte(original+"\n## Bagian baru\n\nSatu **kalimat** lagi.\n"))
			if err != nil || !strings.Contains(string(page), "Bagian baru") {
				b.Fatalf("preview: %v", err)
			}
		}
	})
	// A new title every time: each preview is the first after a field
	// change.
	b.Run("title", func(b *testing.B) {
		for i := 0; b.Loop(); i++ {
			title := fmt.Sprintf("Judul Diubah %d", i)
			page, _, err := srv.Preview(ctx, target, []byte(strings.Replace(original, "title: ", "title: "+title+" ", 1)))
			if err != nil || !strings.Contains(string(page), title) {
				b.Fatalf("preview: %v", err)
			}
		}
	})
	// A new tag every time: the page joins a list, so the site is
	// assembled again.
	b.Run("tags", func(b *testing.B) {
		for i := 0; b.Loop(); i++ {
			tag := fmt.Sprintf("topik-%d", i)
			page, _, err := srv.Preview(ctx, target, []byte(strings.Replace(original, "tags:\n", "tags:\n  - "+tag+"\n", 1)))
			if err != nil || !strings.Contains(string(page), tag) {
				b.Fatalf("preview: %v", err)
			}
		}
	})
}
