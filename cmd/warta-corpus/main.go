// Command warta-corpus writes a generated site for benchmarks:
//
//	warta-corpus -news 10000 -modules 1500 -galleries 200 -photos 6 -seed 1 -out DIR
//
// DIR must be empty or not exist. See internal/corpus for what is in it.
package main

import (
	"flag"
	"fmt"
	"os"

	"github.com/dinsos-metro/warta/internal/corpus"
)

func main() {
	var o corpus.Options
	flag.IntVar(&o.News, "news", 1000, "news reports")
	flag.IntVar(&o.Modules, "modules", 150, "lesson modules, spread over paud, sd and smp")
	flag.IntVar(&o.Galleries, "galleries", 20, "galleries")
	flag.IntVar(&o.Photos, "photos", 6, "photos per gallery")
	flag.Uint64Var(&o.Seed, "seed", 1, "random seed: the same seed gives the same bytes")
	flag.IntVar(&o.PhotoWidth, "photo-width", 64, "photo width in pixels")
	flag.IntVar(&o.PhotoHeight, "photo-height", 48, "photo height in pixels")
	flag.BoolVar(&o.Schools, "schools", false, "list schools in data/sekolah.yaml and name one on every report (program reach)")
	out := flag.String("out", "", "output folder (required; must be empty or not exist)")
	flag.Parse()
	if *out == "" || flag.NArg() > 0 {
		flag.Usage()
		os.Exit(2)
	}
	if err := corpus.Write(*out, o); err != nil {
		fmt.Fprintln(os.Stderr, "warta-corpus:", err)
		os.Exit(1)
	}
}
