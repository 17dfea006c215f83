package main

import (
	"flag"
	"fmt"
	"io"
	"io/fs"
	"os"
	"strings"
	"time"

	"github.com/dinsos-metro/warta"
	"github.com/dinsos-metro/warta/internal/config"
	"github.com/dinsos-metro/warta/internal/diag"
	"github.com/dinsos-metro/warta/internal/scaffold"
)

// now is the clock of `warta new`; tests set it.
var now = time.Now

// runNew creates a news report, module or gallery from its archetype.
func runNew(args []string, stdout, stderr io.Writer) int {
	fl := flag.NewFlagSet("new", flag.ContinueOnError)
	fl.SetOutput(stderr)
	src := fl.String("src", ".", "site folder")
	level := fl.String("level", "", "level of a module: paud, sd or smp")
	lang := fl.String("lang", "", "language of messages: id or en (default: the site's)")
	// Flags may come before or after the kind and the title.
	var words []string
	rest := args
	for {
		if err := fl.Parse(rest); err != nil {
			return 2
		}
		if fl.NArg() == 0 {
			break
		}
		words = append(words, fl.Arg(0))
		rest = fl.Args()[1:]
	}
	cfg, _ := config.Load(os.DirFS(*src))
	l := *lang
	if l == "" {
		l = cfg.Language
	}
	if len(words) < 2 {
		fmt.Fprintln(stderr, diag.New("", 0, diag.NewUsage).Message(l))
		return 2
	}
	kind, title := words[0], strings.Join(words[1:], " ")
	path, err := scaffold.Create(*src, []fs.FS{os.DirFS(*src), warta.Theme}, scaffold.Request{
		Kind: kind, Title: title, Level: strings.ToLower(*level), Now: now().In(cfg.Location),
		Lang: cfg.Language, Choices: map[string][]string{"districts": cfg.DistrictNames()},
	})
	if err != nil {
		if d, ok := err.(diag.Diagnostic); ok {
			fmt.Fprintln(stderr, "warta:", d.Message(l))
		} else {
			fmt.Fprintln(stderr, "warta:", err)
		}
		return 1
	}
	fmt.Fprintln(stdout, diag.New("", 0, diag.NewCreated, path).Message(l))
	next := map[string]diag.Code{"berita": diag.NewNextBerita, "modul": diag.NewNextModul, "galeri": diag.NewNextGaleri}[kind]
	fmt.Fprintln(stdout, diag.New("", 0, next).Message(l))
	return 0
}
