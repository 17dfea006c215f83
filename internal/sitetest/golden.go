package sitetest

import (
	"flag"
	"fmt"
	"io/fs"
	"maps"
	"os"
	"path"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"testing"
)

var update = flag.Bool("update", false, "rewrite testdata/golden/ files with the current output")

// Pages selects the files golden tests compare: HTML pages, XML (feed,
// sitemap) and text (robots.txt). Assets and bundle files are left out:
// their bytes are tested elsewhere and would make every CSS edit a golden
// change.
func Pages(name string) bool {
	switch path.Ext(name) {
	case ".html", ".xml", ".txt":
		return true
	}
	return false
}

// fingerprint matches the hash in published asset names
// (assets/css/style.3f2a9c1b.css); golden files hold "HASH" instead, so
// that a style change does not rewrite every page's golden file.
var fingerprint = regexp.MustCompile(`(assets/[^"'\s<>]*\.)[0-9a-f]{8}(\.[a-z0-9]+)`)

// zipSize matches the size shown next to a module's or a level's zip
// ("ZIP, 11,7 KB"); golden files hold "ZIP, SIZE": the zip holds the page
// with its CSS inlined, so a style change would change it.
var zipSize = regexp.MustCompile(`ZIP, [0-9]+(?:[.,][0-9])? [KM]?B`)

// Normalize is what golden files hold of an output file.
func Normalize(data []byte) string {
	return zipSize.ReplaceAllString(fingerprint.ReplaceAllString(string(data), "${1}HASH${2}"), "ZIP, SIZE")
}

// AssertGolden compares every output file that keep selects with
// testdata/golden/<name>/<file>, after Normalize. Golden files without a
// matching output fail too. With -update the folder is rewritten to hold
// exactly the current output.
func (s *Site) AssertGolden(t testing.TB, name string, keep func(string) bool) {
	t.Helper()
	dir := filepath.Join("testdata", "golden", name)
	got := map[string]string{}
	for _, n := range s.Out.Names() {
		if keep(n) {
			b, _ := s.Out.Get(n)
			got[n] = Normalize(b)
		}
	}
	if len(got) == 0 {
		t.Fatalf("golden %s: the build wrote no file to compare", name)
	}
	if *update {
		if err := os.RemoveAll(dir); err != nil {
			t.Fatal(err)
		}
		for n, text := range got {
			p := filepath.Join(dir, filepath.FromSlash(n))
			if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
				t.Fatal(err)
			}
			if err := os.WriteFile(p, []byte(text), 0o644); err != nil {
				t.Fatal(err)
			}
		}
		t.Logf("golden %s: wrote %d files", name, len(got))
		return
	}
	want := map[string]string{}
	err := filepath.WalkDir(dir, func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		b, err := os.ReadFile(p)
		if err != nil {
			return err
		}
		rel, _ := filepath.Rel(dir, p)
		want[filepath.ToSlash(rel)] = string(b)
		return nil
	})
	if err != nil {
		t.Fatalf("golden %s: %v (run the test with -update to create it)", name, err)
	}
	for _, n := range slices.Sorted(maps.Keys(got)) {
		w, ok := want[n]
		switch {
		case !ok:
			t.Errorf("golden %s: new output file %s (run with -update if it is intended)", name, n)
		case w != got[n]:
			t.Errorf("golden %s: %s differs (run with -update if the change is intended):\n%s", name, n, Diff(w, got[n]))
		}
	}
	for _, n := range slices.Sorted(maps.Keys(want)) {
		if _, ok := got[n]; !ok {
			t.Errorf("golden %s: the build no longer writes %s", name, n)
		}
	}
}

// Diff shows where two texts part: the first differing line with three
// lines of context, as "-" (want) and "+" (got) lines.
func Diff(want, got string) string {
	wl, gl := strings.Split(want, "\n"), strings.Split(got, "\n")
	i := 0
	for i < len(wl) && i < len(gl) && wl[i] == gl[i] {
		i++
	}
	// Lines equal at the end, so that an insertion shows as one.
	j := 0
	for j < len(wl)-i && j < len(gl)-i && wl[len(wl)-1-j] == gl[len(gl)-1-j] {
		j++
	}
	var b strings.Builder
	for k := max(0, i-3); k < i; k++ {
		fmt.Fprintf(&b, "  %4d  %s\n", k+1, wl[k])
	}
	const most = 12
	for k, n := i, 0; k < len(wl)-j && n < most; k, n = k+1, n+1 {
		fmt.Fprintf(&b, "- %4d  %s\n", k+1, wl[k])
	}
	for k, n := i, 0; k < len(gl)-j && n < most; k, n = k+1, n+1 {
		fmt.Fprintf(&b, "+ %4d  %s\n", k+1, gl[k])
	}
	for k := len(gl) - j; k < min(len(gl), len(gl)-j+3); k++ {
		fmt.Fprintf(&b, "  %4d  %s\n", k+1, gl[k])
	}
	return b.String()
}
