// Command floor is the floor of issue 7 (internal/floor) as one process,
// so that bench/compare-hugo.sh can time it under /usr/bin/time beside
// warta and Hugo on the same corpus: it writes one HTML file per page of
// SITE-DIR/content into -out, overwriting the previous run's output. With
// -pages (a file of slash paths, one a line: the HTML files of a warta
// build of the same site) it writes exactly those files, each in its own
// folder as warta does, the ones no Markdown file makes as small list
// pages:
//
//	(cd public && find . -name '*.html' -printf '%P\n') > pages.txt
//	go run ./bench/floor -pages pages.txt -out /tmp/floor-out SITE-DIR
package main

import (
	"errors"
	"flag"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"strings"

	"github.com/dinsos-metro/warta/internal/floor"
)

func main() {
	out := flag.String("out", "", "output folder (required)")
	pagesFile := flag.String("pages", "", "file listing the HTML files to write, one slash path a line")
	flag.Parse()
	if *out == "" || flag.NArg() != 1 {
		fmt.Fprintln(os.Stderr, "usage: floor [-pages FILE] -out DIR SITE-DIR")
		os.Exit(2)
	}
	var list []string
	if *pagesFile != "" {
		b, err := os.ReadFile(*pagesFile)
		if err != nil {
			fmt.Fprintln(os.Stderr, "floor:", err)
			os.Exit(1)
		}
		for l := range strings.Lines(string(b)) {
			if l = strings.TrimSpace(l); l != "" {
				list = append(list, l)
			}
		}
	}
	pages, _, err := floor.RunPages(flag.Arg(0), list, func(name string, html []byte) error {
		return writeFile(filepath.Join(*out, filepath.FromSlash(name)), html)
	})
	if err != nil {
		fmt.Fprintln(os.Stderr, "floor:", err)
		os.Exit(1)
	}
	fmt.Printf("floor: %d pages\n", pages)
}

// writeFile writes over the previous run's file; in a fresh folder it
// makes the page's folder with one mkdir (and its parents only when they
// are missing too), as a generator that knows its folders would.
func writeFile(full string, data []byte) error {
	err := os.WriteFile(full, data, 0o644)
	if errors.Is(err, fs.ErrNotExist) {
		if err = mkdir(filepath.Dir(full)); err == nil {
			err = os.WriteFile(full, data, 0o644)
		}
	}
	return err
}

func mkdir(dir string) error {
	err := os.Mkdir(dir, 0o755)
	if errors.Is(err, fs.ErrNotExist) {
		if err = mkdir(filepath.Dir(dir)); err == nil {
			err = os.Mkdir(dir, 0o755)
		}
	}
	if errors.Is(err, fs.ErrExist) {
		return nil // made by another worker just now
	}
	return err
}
