// Package floor is the floor of issue 7: the least work any generator
// must do for a site's pages. It reads every Markdown file, splits off its
// front matter with adrg/frontmatter, renders the body with goldmark (GFM)
// on every core and hands one HTML page per file to a writer. No
// templates, lists, feeds, minification or bundle files. BenchmarkFloor
// (internal/build) and the bench/floor command, which bench/compare-hugo.sh
// times beside warta and Hugo, both run it.
package floor

import (
	"bytes"
	"io/fs"
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"sync"
	"sync/atomic"

	"github.com/adrg/frontmatter"
	"github.com/yuin/goldmark"
	"github.com/yuin/goldmark/extension"
)

// Run renders every page below dir/content and hands each to write as
// berita/x/index.html; it returns the pages and the bytes of HTML made.
func Run(dir string, write func(name string, html []byte) error) (pages, written int64, err error) {
	md := goldmark.New(goldmark.WithExtensions(extension.GFM))
	var files []string
	root := filepath.Join(dir, "content")
	err = filepath.WalkDir(root, func(p string, d fs.DirEntry, err error) error {
		if err == nil && !d.IsDir() && strings.HasSuffix(p, ".md") {
			files = append(files, p)
		}
		return err
	})
	if err != nil {
		return 0, 0, err
	}
	var (
		next    = make(chan string)
		wg      sync.WaitGroup
		mu      sync.Mutex
		first   error
		counted atomic.Int64
	)
	for range runtime.GOMAXPROCS(0) {
		wg.Go(func() {
			var buf bytes.Buffer
			for p := range next {
				buf.Reset()
				if err := page(root, p, md, &buf, write); err != nil {
					mu.Lock()
					if first == nil {
						first = err
					}
					mu.Unlock()
				}
				counted.Add(int64(buf.Len()))
			}
		})
	}
	for _, p := range files {
		next <- p
	}
	close(next)
	wg.Wait()
	return int64(len(files)), counted.Load(), first
}

func page(root, p string, md goldmark.Markdown, buf *bytes.Buffer, write func(string, []byte) error) error {
	data, err := os.ReadFile(p)
	if err != nil {
		return err
	}
	var meta map[string]any
	body, err := frontmatter.Parse(bytes.NewReader(data), &meta)
	if err != nil {
		return err
	}
	if err := md.Convert(body, buf); err != nil {
		return err
	}
	rel, _ := filepath.Rel(root, p)
	rel = strings.TrimSuffix(rel, ".md")
	if base := filepath.Base(rel); base == "index" || base == "_index" {
		rel = filepath.Dir(rel)
	}
	return write(filepath.Join(rel, "index.html"), buf.Bytes())
}
