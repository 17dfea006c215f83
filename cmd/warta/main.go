// Command warta builds the website of a social-services department from a
// folder of Markdown.
//
//	warta build [flags]   build the site into public/
//	warta serve [flags]   preview with live reload
//	warta new KIND TITLE  start a news report, module or gallery
//	warta check           check the site without writing
//	warta deploy [flags]  publish the built site to a deploy target
//	warta version         print the version
//
// The command only reads flags and prints; the work is in internal/build.
package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"os/signal"
	"path/filepath"
	"runtime/debug"
	"runtime/pprof"
	"strings"
	"syscall"
	"time"

	"github.com/dinsos-metro/warta"
	"github.com/dinsos-metro/warta/internal/build"
	"github.com/dinsos-metro/warta/internal/diag"
	"github.com/dinsos-metro/warta/internal/publish"
	"github.com/dinsos-metro/warta/internal/render"
)

// version and commit are set at release time (scripts/release.sh) with
// -ldflags "-X main.version=v1.2.3 -X main.commit=abc1234".
var version, commit = "", ""

const usage = `warta builds the website of Dinas Sosial from Markdown.

Usage:
  warta build [flags]    build the site (default output: public/)
  warta serve [flags]    preview the site at http://127.0.0.1:1313/ while you write,
                         with the newsroom (web editor) at /_redaksi/ (--open opens it)
  warta                  in a folder with site.yaml: the same as warta serve --open
  warta new KIND "Title" create a news report (berita), module (modul --level sd) or gallery (galeri)
  warta check [flags]    check everything a build checks, and links, without writing
  warta deploy [flags]   publish the built site to a target in site.yaml (--build, --dry-run, --target NAME)
  warta users CMD        newsroom accounts: add NAME --role penulis|penyunting|admin, list, passwd NAME, remove NAME
  warta version          print the version

Run "warta build -h" for the flags of build.
`

func main() {
	os.Exit(run(os.Args[1:], os.Stdout, os.Stderr))
}

func run(args []string, stdout, stderr io.Writer) int {
	if len(args) == 0 {
		if _, err := os.Stat("site.yaml"); err == nil {
			// A double-click or a shortcut in a site folder: open the newsroom.
			return runServe([]string{"--open"}, stdout, stderr)
		}
		fmt.Fprint(stderr, usage)
		return 2
	}
	switch args[0] {
	case "build":
		return runBuild(args[1:], stdout, stderr)
	case "serve", "server":
		return runServe(args[1:], stdout, stderr)
	case "new":
		return runNew(args[1:], stdout, stderr)
	case "check":
		return runCheck(args[1:], stdout, stderr)
	case "deploy":
		return runDeploy(args[1:], stdout, stderr)
	case "users":
		return runUsers(args[1:], stdout, stderr)
	case "version", "--version", "-v":
		fmt.Fprintln(stdout, "warta", versionString())
		return 0
	case "help", "-h", "--help":
		fmt.Fprint(stdout, usage)
		return 0
	}
	fmt.Fprintln(stderr, "warta:", diag.New("", 0, diag.UnknownCmd, args[0]).Message(messageLang(args)))
	return 2
}

func versionString() string {
	v := "dev"
	info, ok := debug.ReadBuildInfo()
	switch {
	case version != "":
		v = version
	case ok && info.Main.Version != "" && info.Main.Version != "(devel)":
		v = info.Main.Version
	}
	c := commit
	for i := 0; ok && c == "" && i < len(info.Settings); i++ {
		if s := info.Settings[i]; s.Key == "vcs.revision" && len(s.Value) >= 12 {
			c = s.Value[:12]
		}
	}
	if c != "" {
		v += " (commit " + c + ")"
	}
	return v
}

// messageLang picks the language of messages before site.yaml is read:
// --lang if given, else Indonesian.
func messageLang(args []string) string {
	for i, a := range args {
		if v, ok := strings.CutPrefix(a, "--lang="); ok {
			return v
		}
		if a == "--lang" && i+1 < len(args) {
			return args[i+1]
		}
	}
	return "id"
}

func runBuild(args []string, stdout, stderr io.Writer) int {
	fl := flag.NewFlagSet("build", flag.ContinueOnError)
	fl.SetOutput(stderr)
	src := fl.String("src", ".", "site folder (holds site.yaml and content/)")
	out := fl.String("out", "", "output folder (default: public/ in the site folder)")
	drafts := fl.Bool("drafts", false, "include pages marked draft: true")
	future := fl.Bool("future", false, "include pages dated in the future")
	baseURL := fl.String("base-url", "", "override base_url from site.yaml")
	quiet := fl.Bool("quiet", false, "print only problems")
	noMinify := fl.Bool("no-minify", false, "write HTML, CSS and JS unminified (for debugging)")
	lang := fl.String("lang", "", "language of messages: id or en (default: the site's)")
	verbose := fl.Bool("v", false, "also print the time of each stage")
	printPDF := fl.Bool("pdf", false, "also print every module to an A4 PDF (needs Chromium)")
	relative := fl.Bool("relative", false, "write links relative to each page, so the site works opened from a folder (USB stick)")
	precompress := fl.Bool("precompress", false, "also write .gz and .br copies of HTML, CSS, JS, XML, JSON and SVG files")
	force := fl.Bool("force", false, "build into an output folder that is not empty and was not made by warta, replacing everything in it")
	full := fl.Bool("full", false, "render every page again, ignoring what the last build saved (for benchmarks)")
	cpuProfile := fl.String("cpuprofile", "", "write a CPU profile of the build to this file (for developers: go tool pprof)")
	memProfileFile := fl.String("memprofile", "", "write a heap profile taken at the build's peak of live memory to this file (for developers: go tool pprof)")
	if err := fl.Parse(args); err != nil {
		return 2
	}
	if *memProfileFile != "" {
		stopMem, err := memProfile(*memProfileFile, stderr)
		if err != nil {
			fmt.Fprintln(stderr, "warta:", err)
			return 2
		}
		defer stopMem()
	}
	if *cpuProfile != "" {
		f, err := os.Create(*cpuProfile)
		if err == nil {
			err = pprof.StartCPUProfile(f)
		}
		if err != nil {
			fmt.Fprintln(stderr, "warta:", err)
			return 2
		}
		defer func() {
			pprof.StopCPUProfile()
			f.Close()
		}()
	}
	if *out == "" {
		*out = filepath.Join(*src, "public")
	}
	msgLang := *lang
	say := func(code diag.Code, args ...any) string {
		l := msgLang
		if l == "" {
			l = "id"
		}
		return diag.New("", 0, code, args...).Message(l)
	}
	if err := publish.CheckOutput(*src, *out); err != nil {
		fmt.Fprintf(stderr, "warta: %s: %v\n", say(diag.OutputUnsafe, *out), err)
		return 1
	}
	if !*force && !ownsOutput(*src, *out) {
		fmt.Fprintln(stderr, "warta:", say(diag.OutputForeign, *out))
		return 1
	}
	root, err := os.OpenRoot(*src)
	if err != nil {
		fmt.Fprintln(stderr, "warta:", err)
		return 1
	}
	defer root.Close()

	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	defer stop()

	// --full makes the build carry nothing over from the previous output,
	// as if it were the first; the state is saved afterwards as usual.
	var state *render.State
	if !*full {
		state = loadState(*src, *out)
	}
	staging, err := publish.NewStaging(*out)
	if err != nil {
		fmt.Fprintln(stderr, "warta:", say(diag.OutputFailed, err))
		return 1
	}
	res, err := build.Build(ctx, build.Options{
		Source: root.FS(), Theme: warta.Theme, Sink: staging,
		Drafts: *drafts, Future: *future, BaseURL: *baseURL, NoMinify: *noMinify,
		PDF: *printPDF, Relative: *relative, Precompress: *precompress,
		Dir: *src, Progress: terminal(stderr),
		State: state, Tool: toolOnce(),
		KeepGoing:        true, // the staging folder is thrown away on failure
		SizedMemoryLimit: true, // one build per process
	})
	if msgLang == "" && res.Config != nil {
		msgLang = res.Config.Language
	}
	fmt.Fprint(stderr, res.Diags.Format(langOr(msgLang)))
	if err == nil {
		// The state must never promise files the output does not have:
		// drop it before the swap, save the new one after.
		forgetState(*src, *out)
		err = staging.Commit()
		if err != nil {
			fmt.Fprintln(stderr, "warta:", say(diag.OutputFailed, err))
		} else {
			saveState(*src, *out, res.State)
		}
	}
	if err != nil {
		_ = staging.Abort()
		switch {
		case errors.Is(err, context.Canceled):
			fmt.Fprintln(stderr, "warta:", say(diag.Interrupted, *out))
		default:
			fmt.Fprintln(stderr, "warta:", say(diag.BuildFailed, max(res.Diags.Errors(), 1), *out))
		}
		return 1
	}
	if !*quiet {
		fmt.Fprintln(stdout, "warta:", say(diag.BuildSummary, res.Total, res.Sections, staging.Written(), *out,
			res.Pages, max(res.Total-res.Pages, 0), seconds(res.Duration))+leftOutCount(res, say))
		if im := res.Images; im.Made+im.Cached > 0 {
			fmt.Fprintln(stdout, "warta:", say(diag.BuildImages, im.Made, im.Cached))
		}
		if *verbose {
			var parts []string
			for _, s := range res.Stages {
				parts = append(parts, fmt.Sprintf("%s %s", s.Name, seconds(s.Duration)))
			}
			fmt.Fprintln(stdout, "warta:", say(diag.BuildStages, strings.Join(parts, ", ")))
			for _, line := range leftOutList(res, say) {
				fmt.Fprintln(stdout, "warta:", line)
			}
		}
	}
	// The new site is in place and the summary out; background work on
	// the folder beside it (the previous site kept as the next build's
	// staging folder, or an old one being deleted) may still be running:
	// finish it rather than leave a half-done folder behind.
	staging.Wait()
	return 0
}

func langOr(l string) string {
	if l == "" {
		return "id"
	}
	return l
}

func seconds(d time.Duration) string {
	if d < time.Second {
		return fmt.Sprintf("%d ms", d.Milliseconds())
	}
	return fmt.Sprintf("%.2f s", d.Seconds())
}
