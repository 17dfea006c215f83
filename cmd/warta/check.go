package main

import (
	"context"
	"encoding/json"
	"flag"
	"fmt"
	"io"
	"os"

	"github.com/dinsos-metro/warta"
	"github.com/dinsos-metro/warta/internal/build"
	"github.com/dinsos-metro/warta/internal/check"
	"github.com/dinsos-metro/warta/internal/diag"
)

// runCheck checks the site without writing anything.
func runCheck(args []string, stdout, stderr io.Writer) int {
	fl := flag.NewFlagSet("check", flag.ContinueOnError)
	fl.SetOutput(stderr)
	src := fl.String("src", ".", "site folder (holds site.yaml and content/)")
	drafts := fl.Bool("drafts", false, "also check pages marked draft: true")
	lang := fl.String("lang", "", "language of messages: id or en (default: the site's)")
	format := fl.String("format", "text", "output: text, or json for tools")
	if err := fl.Parse(args); err != nil {
		return 2
	}
	root, err := os.OpenRoot(*src)
	if err != nil {
		fmt.Fprintln(stderr, "warta:", err)
		return 1
	}
	defer root.Close()
	list, res := check.Run(context.Background(), check.Options{
		Build: build.Options{Source: root.FS(), Theme: warta.Theme, Drafts: *drafts, Future: true, Dir: *src},
	})
	l := *lang
	if l == "" && res.Config != nil {
		l = res.Config.Language
	}
	l = langOr(l)
	items := list.Items()
	errs := list.Errors()
	if *format == "json" {
		type entry struct {
			File     string `json:"file"`
			Line     int    `json:"line"`
			Severity string `json:"severity"`
			Code     string `json:"code"`
			Message  string `json:"message"`
		}
		out := []entry{}
		for _, d := range items {
			sev := "error"
			if d.Severity == diag.Warning {
				sev = "warning"
			}
			out = append(out, entry{d.File, d.Line, sev, string(d.Code), d.Message(l)})
		}
		enc := json.NewEncoder(stdout)
		enc.SetIndent("", "  ")
		_ = enc.Encode(out)
	} else {
		for _, d := range items {
			fmt.Fprintln(stdout, d.Format(l))
		}
		if len(items) == 0 {
			fmt.Fprintln(stdout, "warta:", diag.New("", 0, diag.CheckClean, res.Sources).Message(l))
		} else {
			fmt.Fprintln(stdout, "warta:", diag.New("", 0, diag.CheckSummary, errs, len(items)-errs, res.Sources).Message(l))
		}
	}
	if errs > 0 {
		return 1
	}
	return 0
}
