// Package sitetest builds whole sites in memory for tests, in the spirit of
// Hugo's integration test builder.
//
// A site is written as a txtar archive, one file per "-- name --" header,
// paths relative to the site folder:
//
//	-- site.yaml --
//	title: Dinas Sosial
//	-- content/berita/2025-07-29-kunjungan.md --
//	---
//	title: Kunjungan
//	date: 2025-07-29
//	---
//	Isi berita.
//
// Files turns the archive into an fstest.MapFS, to which a test may add
// files that txtar cannot hold (images from PNG and JPEG, non-UTF-8 text,
// CRLF line ends). Build runs build.Build over it with the built-in theme
// (warta.Theme) as the second layer, a fixed clock (Now) and a
// publish.Memory sink, and returns a Site to assert on:
//
//	s := sitetest.Build(t, files, sitetest.Options{})
//	s.AssertOK(t)
//	s.AssertFile(t, "berita/kunjungan/index.html", "Selasa, 29 Juli 2025", "! draft")
//	s.AssertNoFile(t, "berita/rahasia/index.html")
//
// A want that starts with "! " must not occur. Diagnostics returns the
// build's problems as the English lines a user would see. AssertGolden
// compares output files with testdata/golden/<name>/ in the calling test's
// package; run the test with -update to rewrite them.
package sitetest

import (
	"context"
	"strings"
	"testing"
	"testing/fstest"
	"time"

	"golang.org/x/tools/txtar"

	"github.com/dinsos-metro/warta"
	"github.com/dinsos-metro/warta/internal/build"
	"github.com/dinsos-metro/warta/internal/publish"
)

// Now is the clock every test build runs at unless Options say otherwise:
// 1 December 2025, noon in Jakarta. Pages dated after it are "future".
var Now = time.Date(2025, 12, 1, 12, 0, 0, 0, time.FixedZone("WIB", 7*3600))

// Files parses a txtar archive into a file system. The archive's comment
// (text before the first file) is ignored; file names are cleaned of
// surrounding spaces and a leading "./".
func Files(archive string) fstest.MapFS {
	a := txtar.Parse([]byte(archive))
	fsys := fstest.MapFS{}
	for _, f := range a.Files {
		name := strings.TrimPrefix(strings.TrimSpace(f.Name), "./")
		fsys[name] = &fstest.MapFile{Data: f.Data, Mode: 0o644}
	}
	return fsys
}

// Options tune a test build. The zero value builds like `warta build`
// with the built-in theme, minified, at Now.
type Options struct {
	Drafts, Future bool
	// NoMinify writes HTML as the templates make it; golden files use it so
	// that their diffs are readable.
	NoMinify bool
	// Workers bounds parallelism (0: one per CPU).
	Workers int
	// Now overrides the build's clock (zero: sitetest.Now).
	Now time.Time
	// BaseURL overrides site.yaml's base_url.
	BaseURL string
	// NoTheme builds without the built-in theme layer.
	NoTheme bool
}

// Site is a finished test build.
type Site struct {
	Source fstest.MapFS
	Result *build.Result
	Err    error
	Out    *publish.Memory
}

// Build builds the site in fsys. It does not fail the test when the build
// fails: error tests look at Diagnostics; others call AssertOK.
func Build(t testing.TB, fsys fstest.MapFS, opt Options) *Site {
	t.Helper()
	now := opt.Now
	if now.IsZero() {
		now = Now
	}
	out := publish.NewMemory()
	bo := build.Options{
		Source: fsys, Theme: warta.Theme, Sink: out,
		Drafts: opt.Drafts, Future: opt.Future, NoMinify: opt.NoMinify,
		Now: now, Workers: opt.Workers, BaseURL: opt.BaseURL,
	}
	if opt.NoTheme {
		bo.Theme = nil
	}
	res, err := build.Build(context.Background(), bo)
	if res == nil {
		t.Fatalf("build.Build returned no result (err: %v)", err)
	}
	return &Site{Source: fsys, Result: res, Err: err, Out: out}
}

// BuildTxtar is Files followed by Build.
func BuildTxtar(t testing.TB, archive string, opt Options) *Site {
	t.Helper()
	return Build(t, Files(archive), opt)
}

// Diagnostics returns every problem of the build, one formatted English
// line each ("content/berita/x.md:3: ..."), sorted as the command prints them.
func (s *Site) Diagnostics() []string {
	text := strings.TrimSuffix(s.Result.Diags.Format("en"), "\n")
	if text == "" {
		return nil
	}
	return strings.Split(text, "\n")
}

// AssertOK fails the test, listing the diagnostics, unless the build
// succeeded without any (warnings included).
func (s *Site) AssertOK(t testing.TB) {
	t.Helper()
	if s.Err != nil || s.Result.Diags.Len() > 0 {
		t.Fatalf("build failed or warned (err: %v):\n%s", s.Err, strings.Join(s.Diagnostics(), "\n"))
	}
}

// AssertFailed fails the test unless the build failed and wrote nothing.
func (s *Site) AssertFailed(t testing.TB) {
	t.Helper()
	if s.Err == nil {
		t.Fatalf("build succeeded; want it to fail. Diagnostics:\n%s", strings.Join(s.Diagnostics(), "\n"))
	}
}

// Has reports whether the build wrote the file.
func (s *Site) Has(name string) bool {
	_, ok := s.Out.Get(name)
	return ok
}

// File returns an output file's text, failing the test when it is missing.
func (s *Site) File(t testing.TB, name string) string {
	t.Helper()
	b, ok := s.Out.Get(name)
	if !ok {
		t.Fatalf("no output file %s; the build wrote:\n%s", name, strings.Join(s.Out.Names(), "\n"))
	}
	return string(b)
}

// AssertFile checks that an output file exists and contains every want;
// a want starting with "! " must not be in the file. Wants may span lines.
func (s *Site) AssertFile(t testing.TB, name string, wants ...string) {
	t.Helper()
	body := s.File(t, name)
	for _, w := range wants {
		if neg, ok := strings.CutPrefix(w, "! "); ok {
			if strings.Contains(body, neg) {
				t.Errorf("%s contains %q; it must not:\n%s", name, neg, excerpt(body, neg))
			}
			continue
		}
		if !strings.Contains(body, w) {
			t.Errorf("%s does not contain %q", name, w)
		}
	}
	if t.Failed() && testing.Verbose() {
		t.Logf("%s:\n%s", name, body)
	}
}

// AssertNoFile checks that the build did not write name.
func (s *Site) AssertNoFile(t testing.TB, name string) {
	t.Helper()
	if s.Has(name) {
		t.Errorf("output file %s exists; it must not", name)
	}
}

// excerpt shows the line around the first occurrence of sub.
func excerpt(body, sub string) string {
	i := strings.Index(body, sub)
	if i < 0 {
		return ""
	}
	start := strings.LastIndexByte(body[:i], '\n') + 1
	end := strings.IndexByte(body[i:], '\n')
	if end < 0 {
		end = len(body) - i
	}
	line := body[start : i+end]
	if len(line) > 300 {
		from := max(0, i-start-120)
		line = "…" + line[from:min(len(line), from+300)] + "…"
	}
	return "\t" + line
}
