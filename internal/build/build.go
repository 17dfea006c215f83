// Package build runs a build as a flat list of named, timed stages:
//
//	config   read site.yaml
//	theme    minify and fingerprint assets, parse templates
//	load     read every content file (parallel)
//	assemble place pages in the site: URLs, sections, taxonomies
//	render   Markdown and templates for every page, lists, feeds (parallel)
//	images   resized copies of every picture shown, from the cache or made (parallel)
//
// (The command then publishes: it swaps the finished output into place.)
//
// Each stage adds its problems to one list instead of stopping; the build
// goes on as far as it sensibly can so that one run reports everything, and
// nothing is published unless the list holds no errors.
//
// A Session keeps what a build loaded, so that `warta serve` can apply a
// change by redoing only what it touches: a changed news report is read
// again and only the outputs whose inputs changed are rendered (see
// render.State). Build is a Session's first, full run.
package build

import (
	"context"
	"io"
	"io/fs"
	"time"

	"github.com/dinsos-metro/warta/internal/config"
	"github.com/dinsos-metro/warta/internal/diag"
	"github.com/dinsos-metro/warta/internal/imageproc"
	"github.com/dinsos-metro/warta/internal/publish"
	"github.com/dinsos-metro/warta/internal/render"
)

// Options describe one build.
type Options struct {
	// Source is the site folder: site.yaml, content/, layouts/, assets/.
	Source fs.FS
	// Theme is the built-in theme (layouts/ and assets/), used for every
	// file the site does not have itself. May be nil.
	Theme fs.FS
	// Sink receives the output.
	Sink publish.Sink
	// Drafts and Future include drafts and pages dated in the future.
	Drafts, Future bool
	// BaseURL overrides site.yaml's base_url.
	BaseURL string
	// NoMinify writes HTML, CSS and JS as they are, for debugging.
	NoMinify bool
	// Now is the build's clock (for future pages); zero means time.Now.
	Now time.Time
	// Workers bounds parallelism; 0 is one per CPU.
	Workers int
	// Dir is the site folder on disk, when there is one: the cache of
	// resized images (images.cache in site.yaml) lives below it. Without
	// it, resized images are kept in memory for the Session's life.
	Dir string
	// Progress, when set, shows long image work on one line that is
	// rewritten in place (give it a terminal).
	Progress io.Writer
	// PDF prints every module page to PDF with a local Chromium (also on
	// with site.yaml's modules.pdf); the PDFs are cached in
	// .cache/warta/pdf/ below Dir (in memory without Dir). Printer, when
	// set, prints instead.
	PDF     bool
	Printer render.Printer
	// Relative writes links relative to each page, for a site opened
	// from a folder (file://); also on with site.yaml's relative_urls.
	Relative bool
	// Precompress writes a .gz and a .br copy beside every text file.
	Precompress bool
	// State is what the previous build of the same output left (see
	// render.State): outputs whose inputs did not change are carried over
	// instead of being made again. Nil builds everything.
	State *render.State
	// Tool identifies the warta binary, so that a new version never carries
	// over outputs an older one made.
	Tool string
	// Track keeps, between the runs of a Session, what the quick path of
	// Update needs (see quick.go): for `warta serve`.
	Track bool
	// KeepGoing renders even when loading the content found errors, so
	// that one run also reports what only rendering finds (pictures,
	// templates). The output of a failed build is then incomplete: only
	// for a sink that is thrown away on failure (warta build's staging
	// folder, warta check's memory).
	KeepGoing bool
	// SizedMemoryLimit sets the Go runtime's soft memory limit from the
	// site's size when the site starts to render (memlimit.go), unless
	// GOMEMLIMIT is set, and leaves it set. The limit is process-wide: only
	// for a process that runs one build (warta build).
	SizedMemoryLimit bool
}

// Stage is one timed step of a build.
type Stage struct {
	Name     string
	Duration time.Duration
}

// Result describes a finished build, successful or not.
type Result struct {
	Config   *config.Config
	Pages    int // HTML pages rendered by this build
	Total    int // HTML pages of the site, rendered or carried over
	Files    int // all files written
	Skipped  int // outputs not rendered again because nothing they show changed
	Sources  int // content pages read
	Sections int
	Stages   []Stage
	Duration time.Duration
	Diags    *diag.List
	// Images counts the resized copies: Made (decoded and encoded this
	// build) and Cached (taken from the cache), among others.
	Images imageproc.Stats
	// State is what the next build may start from (nil when this one failed).
	State *render.State
	// Quick is true when an Update took the quick path; Dropped then lists
	// the outputs it no longer stands for (a full run leaves it empty:
	// compare Session.Outputs instead).
	Quick   bool
	Dropped []string
	// Drafts and Future are the pages left out by rule: drafts (files) and
	// pages dated after the build's clock (see leftout.go).
	Drafts []string
	Future []Held
}

// Build runs every stage once. The returned error is non-nil when the
// build failed; the Result's Diags always holds every problem found.
func Build(ctx context.Context, opt Options) (*Result, error) {
	return NewSession(opt).Full(ctx)
}
