package build_test

import (
	"context"
	"fmt"
	"os"
	"regexp"
	"strings"
	"testing"
	"testing/fstest"
	"time"

	"github.com/dinsos-metro/warta"
	"github.com/dinsos-metro/warta/internal/build"
	"github.com/dinsos-metro/warta/internal/corpus"
	"github.com/dinsos-metro/warta/internal/publish"
)

// BenchmarkEditOneNews measures what `warta serve` does after a writer
// saves one news report. text: a new paragraph, the quick path
// (quick.go): read it again and render what shows it. title: a new title,
// which the lists, the neighbouring reports and the search index show;
// date: a new day that keeps the report's place in every list (the
// sitemap shows it too). Both are quick too: render what shows the
// report's title or date, after checking that nothing moved.
// The site is issue 5's: 10,000 news reports and 1,500 modules (set
// WARTA_BENCH_LARGE=1; without it, 1,000 and 150).
func BenchmarkEditOneNews(b *testing.B) {
	news, modules := 1000, 150
	if os.Getenv("WARTA_BENCH_LARGE") != "" {
		news, modules = 10000, 1500
	}
	fsys := corpus.FS(corpus.Options{News: news, Modules: modules, Galleries: 20, Photos: 4, Seed: 1})
	// The oldest report: the last, by file name, of the first day's.
	target := corpus.FirstNews(fsys)
	for name := range fsys {
		if strings.HasPrefix(name, target[:len("content/berita/2006-01-02")]) && strings.HasSuffix(name, ".md") && name > target {
			target = name
		}
	}
	mem := publish.NewMemory()
	rec := &publish.Recorder{Next: mem} // as in serve
	sess := build.NewSession(build.Options{Source: fsys, Theme: warta.Theme, Sink: rec, Now: buildClock, Track: true})
	if _, err := sess.Full(context.Background()); err != nil {
		b.Fatal(err)
	}
	original := string(fsys[target].Data)
	title := regexp.MustCompile(`(?m)^title:.*$`)
	date := regexp.MustCompile(`(?m)^date: *(\S+)$`)
	day, err := time.Parse(time.DateOnly, date.FindStringSubmatch(original)[1])
	if err != nil {
		b.Fatal(err)
	}
	edits := map[string]func(i int) string{
		"text":  func(i int) string { return original + fmt.Sprintf("\nSunting %d.\n", i) },
		"title": func(i int) string { return title.ReplaceAllString(original, fmt.Sprintf("title: Judul sunting %d", i)) },
		// A day earlier each time: the report is the oldest page of the
		// corpus, so it stays last in every list; its sitemap entry changes.
		"date": func(i int) string {
			return date.ReplaceAllString(original, "date: "+day.AddDate(0, 0, -1-i%300).Format(time.DateOnly))
		},
	}
	quick := map[string]bool{"text": true, "title": true, "date": true}
	for _, kind := range []string{"text", "title", "date"} {
		b.Run(kind, func(b *testing.B) {
			var rendered int
			stages := map[string]time.Duration{}
			for i := 0; b.Loop(); i++ {
				fsys[target] = &fstest.MapFile{Data: []byte(edits[kind](i)), ModTime: buildClock.Add(time.Duration(i) * time.Second)}
				res, err := sess.Update(context.Background(), build.Change{Files: []string{target}})
				if err != nil {
					b.Fatal(err)
				}
				if res.Quick != quick[kind] {
					b.Fatalf("%s edit: quick path %v", kind, res.Quick)
				}
				rec.Take()
				rendered = res.Pages
				for _, st := range res.Stages {
					stages[st.Name] += st.Duration
				}
			}
			b.ReportMetric(float64(rendered), "pages-rendered/op")
			for name, d := range stages {
				b.ReportMetric(float64(d.Microseconds())/float64(b.N)/1000, name+"-ms/op")
			}
		})
	}
}
