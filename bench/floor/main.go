// Command floor is the floor of issue 7 as one process, so that
// bench/compare-hugo.sh can time it under /usr/bin/time beside warta and
// Hugo on the same corpus: the least work any generator must do for the
// same pages. It does what BenchmarkFloor in internal/build/bench_test.go
// does (which writes its own corpus inside the process, so it cannot be
// timed that way): read every Markdown file below DIR/content, split off
// the front matter with adrg/frontmatter, render the body with goldmark
// (GFM) on every core, and write one HTML file per page into -out,
// overwriting the previous run's output. No templates, lists, feeds,
// minification or bundle files.
//
//	go run ./bench/hugo/floor -out /tmp/floor-out SITE-DIR
package main

import (
	"bytes"
	"errors"
	"flag"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"sync"

	"github.com/adrg/frontmatter"
	"github.com/yuin/goldmark"
	"github.com/yuin/goldmark/extension"
)

func main() {
	out := flag.String("out", "", "output folder (required)")
	flag.Parse()
	if *out == "" || flag.NArg() != 1 {
		fmt.Fprintln(os.Stderr, "usage: floor -out DIR SITE-DIR")
		os.Exit(2)
	}
	pages, err := run(filepath.Join(flag.Arg(0), "content"), *out)
	if err != nil {
		fmt.Fprintln(os.Stderr, "floor:", err)
		os.Exit(1)
	}
	fmt.Printf("floor: %d pages\n", pages)
}

func run(root, out string) (int, error) {
	var files []string
	err := filepath.WalkDir(root, func(p string, d fs.DirEntry, err error) error {
		if err == nil && !d.IsDir() && strings.HasSuffix(p, ".md") {
			files = append(files, p)
		}
		return err
	})
	if err != nil {
		return 0, err
	}
	md := goldmark.New(goldmark.WithExtensions(extension.GFM))
	next := make(chan string)
	var (
		wg    sync.WaitGroup
		mu    sync.Mutex
		first error
	)
	for range runtime.GOMAXPROCS(0) {
		wg.Go(func() {
			var buf bytes.Buffer
			for p := range next {
				buf.Reset()
				if err := page(root, out, p, md, &buf); err != nil {
					mu.Lock()
					if first == nil {
						first = err
					}
					mu.Unlock()
				}
			}
		})
	}
	for _, p := range files {
		next <- p
	}
	close(next)
	wg.Wait()
	return len(files), first
}

// page renders content/x/y.md (or x/y/index.md) to out/x/y/index.html.
func page(root, out, p string, md goldmark.Markdown, buf *bytes.Buffer) error {
	data, err := os.ReadFile(p)
	if err != nil {
		return err
	}
	var meta map[string]any
	body, err := frontmatter.Parse(bytes.NewReader(data), &meta)
	if err != nil {
		return fmt.Errorf("%s: %w", p, err)
	}
	if err := md.Convert(body, buf); err != nil {
		return err
	}
	rel, _ := filepath.Rel(root, p)
	rel = strings.TrimSuffix(rel, ".md")
	if base := filepath.Base(rel); base == "index" || base == "_index" {
		rel = filepath.Dir(rel)
	}
	full := filepath.Join(out, rel, "index.html")
	err = os.WriteFile(full, buf.Bytes(), 0o644)
	if errors.Is(err, fs.ErrNotExist) {
		if err = os.MkdirAll(filepath.Dir(full), 0o755); err == nil {
			err = os.WriteFile(full, buf.Bytes(), 0o644)
		}
	}
	return err
}
