// Command floor is the floor of issue 7 (internal/floor) as one process,
// so that bench/compare-hugo.sh can time it under /usr/bin/time beside
// warta and Hugo on the same corpus: it writes one HTML file per page of
// SITE-DIR/content into -out, overwriting the previous run's output.
//
//	go run ./bench/floor -out /tmp/floor-out SITE-DIR
package main

import (
	"errors"
	"flag"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"

	"github.com/dinsos-metro/warta/internal/floor"
)

func main() {
	out := flag.String("out", "", "output folder (required)")
	flag.Parse()
	if *out == "" || flag.NArg() != 1 {
		fmt.Fprintln(os.Stderr, "usage: floor -out DIR SITE-DIR")
		os.Exit(2)
	}
	pages, _, err := floor.Run(flag.Arg(0), func(name string, html []byte) error {
		full := filepath.Join(*out, name)
		err := os.WriteFile(full, html, 0o644)
		if errors.Is(err, fs.ErrNotExist) {
			if err = os.MkdirAll(filepath.Dir(full), 0o755); err == nil {
				err = os.WriteFile(full, html, 0o644)
			}
		}
		return err
	})
	if err != nil {
		fmt.Fprintln(os.Stderr, "floor:", err)
		os.Exit(1)
	}
	fmt.Printf("floor: %d pages\n", pages)
}
