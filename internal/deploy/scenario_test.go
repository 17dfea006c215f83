package deploy

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"sync"
	"testing"

	"github.com/dinsos-metro/warta/internal/config"
	"github.com/dinsos-metro/warta/internal/publish"
)

// testSite is a built output folder shaped like warta's (fingerprinted
// assets, photo derivatives, pages in folders, lists, feeds, a
// precompressed copy), in a site folder of its own.
type testSite struct {
	t        *testing.T
	dir, out string
}

var fixture = map[string]string{
	"assets/css/style.2cdc5435.css":         "body{color:#123}",
	"assets/search/7bc630a34e/f0.min.js":    "var f0=1",
	"galeri/tk/foto-01-480w-3a5409c0ee.jpg": "\xff\xd8 foto kecil",
	"modul/sd/lembar-kerja.pdf":             "%PDF-1.4 lembar",
	"index.html":                            `<link href="/assets/css/style.2cdc5435.css"><a href="/berita/satu/">satu</a> <a href="/berita/dua/">dua</a>`,
	"index.html.gz":                         "gzip beranda",
	"berita/index.html":                     `<a href="/berita/satu/">satu</a><a href="/berita/dua/">dua</a>`,
	"berita/satu/index.html":                `<link href="/assets/css/style.2cdc5435.css"><img src="/galeri/tk/foto-01-480w-3a5409c0ee.jpg"><a href="../dua/">dua</a>`,
	"berita/dua/index.html":                 `<a href="/berita/satu/">satu</a>`,
	"404.html":                              "tidak ada",
	"feed.xml":                              "<rss>satu dua</rss>",
	"sitemap.xml":                           "<urlset>satu dua</urlset>",
}

func newSite(t *testing.T) *testSite {
	s := &testSite{t: t, dir: t.TempDir()}
	s.out = filepath.Join(s.dir, "public")
	s.write(publish.Marker, "made by warta build")
	for name, text := range fixture {
		s.write(name, text)
	}
	return s
}

func (s *testSite) write(name, text string) { write(s.t, filepath.Join(s.out, name), text) }

func (s *testSite) remove(name string) {
	if err := os.Remove(filepath.Join(s.out, name)); err != nil {
		s.t.Fatal(err)
	}
}

// files is what the target must hold: the output without the marker.
func (s *testSite) files() map[string]string {
	m := readTree(s.t, s.out)
	delete(m, publish.Marker)
	return m
}

func readTree(t *testing.T, root string) map[string]string {
	t.Helper()
	m := map[string]string{}
	err := filepath.WalkDir(root, func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		data, err := os.ReadFile(p)
		rel, _ := filepath.Rel(root, p)
		m[filepath.ToSlash(rel)] = string(data)
		return err
	})
	if err != nil && !errors.Is(err, fs.ErrNotExist) {
		t.Fatal(err)
	}
	return m
}

func sameFiles(t *testing.T, step string, got, want map[string]string) {
	t.Helper()
	var diffs []string
	for name, w := range want {
		if g, ok := got[name]; !ok {
			diffs = append(diffs, "missing "+name)
		} else if g != w {
			diffs = append(diffs, "different "+name)
		}
	}
	for name := range got {
		if _, ok := want[name]; !ok {
			diffs = append(diffs, "extra "+name)
		}
	}
	if len(diffs) > 0 {
		sort.Strings(diffs)
		t.Fatalf("%s: the target is not the output:\n%s", step, strings.Join(diffs, "\n"))
	}
}

// scenario runs the deploys every target must get right. view reads what
// the target holds, through the target's own server where it has one.
func scenario(t *testing.T, target config.DeployTarget, env map[string]string, view func() map[string]string) {
	s := newSite(t)
	base := Options{SiteDir: s.dir, Output: s.out, Target: target, Env: func(k string) string { return env[k] }, Wait: 1}
	run := func(step string, o Options) Result {
		t.Helper()
		res, err := Run(context.Background(), o)
		if err != nil {
			t.Fatalf("%s: %v", step, err)
		}
		for _, f := range res.Failures {
			t.Errorf("%s: %v", step, f)
		}
		return res
	}

	// The first deploy sends everything.
	res := run("first deploy", base)
	if want := len(fixture); res.Sent != want || res.Deleted != 0 {
		t.Errorf("first deploy sent %d and deleted %d, want %d and 0", res.Sent, res.Deleted, want)
	}
	sameFiles(t, "first deploy", view(), s.files())

	// Nothing changed: nothing is sent.
	if res := run("second deploy", base); res.Sent != 0 || res.Deleted != 0 || res.Unchanged != len(fixture) {
		t.Errorf("a deploy without change sent %d, deleted %d, kept %d", res.Sent, res.Deleted, res.Unchanged)
	}

	// An edit, a new page with a new stylesheet, a removed page: only
	// those are sent, in the safe order, and the removed page goes.
	s.write("berita/satu/index.html", `<link href="/assets/css/style.bb77aa11.css">satu, diperbarui`)
	s.write("assets/css/style.bb77aa11.css", "body{color:#456}")
	s.remove("assets/css/style.2cdc5435.css")
	s.write("berita/tiga/index.html", `<link href="/assets/css/style.bb77aa11.css">tiga`)
	s.write("index.html", `<link href="/assets/css/style.bb77aa11.css"><a href="/berita/satu/">satu</a> <a href="/berita/tiga/">tiga</a>`)
	s.remove("berita/dua/index.html")
	var mu sync.Mutex
	var order []string
	o := base
	o.Progress = func(e Event) {
		mu.Lock()
		defer mu.Unlock()
		switch e.Kind {
		case Sent:
			order = append(order, "put "+e.File)
		case Deleted:
			order = append(order, "delete "+e.File)
		}
	}
	res = run("deploy of an edit", o)
	if res.Sent != 4 || res.Deleted != 2 {
		t.Errorf("the edit sent %d and deleted %d files, want 4 and 2: %v", res.Sent, res.Deleted, order)
	}
	pos := map[string]int{}
	for i, step := range order {
		pos[step] = i
	}
	for _, before := range [][2]string{
		{"put assets/css/style.bb77aa11.css", "put berita/tiga/index.html"},
		{"put assets/css/style.bb77aa11.css", "put berita/satu/index.html"},
		{"put berita/tiga/index.html", "put index.html"},
		{"put index.html", "delete berita/dua/index.html"},
		{"delete berita/dua/index.html", "delete assets/css/style.2cdc5435.css"},
	} {
		a, aok := pos[before[0]]
		b, bok := pos[before[1]]
		if !aok || !bok || a > b {
			t.Errorf("%q must come before %q; the order was %v", before[0], before[1], order)
		}
	}
	sameFiles(t, "deploy of an edit", view(), s.files())

	// A dry run lists the change and changes nothing.
	s.write("404.html", "halaman tidak ditemukan")
	before := view()
	manifest, _ := os.ReadFile(ManifestPath(s.dir, target.Name))
	o = base
	o.DryRun = true
	res = run("dry run", o)
	if len(res.Plan.Send) != 1 || res.Plan.Send[0].Name != "404.html" || res.Sent != 0 {
		t.Errorf("the dry run planned %v and sent %d, want only 404.html and nothing sent", res.Plan.Send, res.Sent)
	}
	sameFiles(t, "dry run", view(), before)
	if after, _ := os.ReadFile(ManifestPath(s.dir, target.Name)); !bytes.Equal(after, manifest) {
		t.Error("the dry run changed the manifest")
	}

	// Killed half-way, then run again: the target ends as the output.
	for i := range 30 {
		s.write(fmt.Sprintf("berita/n-%02d/index.html", i), fmt.Sprintf("berita %d", i))
	}
	live := view()
	atomic := target.Kind == "folder"
	ctx, cancel := context.WithCancel(context.Background())
	o = base
	o.Workers = 2
	o.Progress = func(e Event) {
		if e.Kind == Sent && e.Done >= 5 {
			cancel()
		}
	}
	_, err := Run(ctx, o)
	cancel()
	if !errors.Is(err, context.Canceled) {
		t.Fatalf("a cancelled deploy returned %v, want context.Canceled", err)
	}
	if atomic {
		sameFiles(t, "a cancelled deploy to a folder", view(), live)
	}
	res = run("deploy after the interruption", base)
	if !atomic && res.Sent >= 31 {
		t.Errorf("the deploy after an interruption sent %d files again, want only the ones the first did not send", res.Sent)
	}
	sameFiles(t, "deploy after the interruption", view(), s.files())
	if res := run("final deploy", base); res.Sent+res.Deleted != 0 {
		t.Errorf("after the resumed deploy, another sent %d and deleted %d", res.Sent, res.Deleted)
	}
}
