package build_test

import (
	"bytes"
	"context"
	"io/fs"
	"net/url"
	"os"
	"path"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/chromedp"
	"github.com/tdewolff/parse/v2"
	phtml "github.com/tdewolff/parse/v2/html"

	"github.com/dinsos-metro/warta"
	"github.com/dinsos-metro/warta/internal/build"
	"github.com/dinsos-metro/warta/internal/pdf"
	"github.com/dinsos-metro/warta/internal/publish"
)

// buildRelative builds the sample site with --relative into a folder.
func buildRelative(t *testing.T) string {
	t.Helper()
	out := filepath.Join(t.TempDir(), "public")
	st, err := publish.NewStaging(out)
	if err != nil {
		t.Fatal(err)
	}
	res, err := build.Build(context.Background(), build.Options{Source: os.DirFS("../.."), Theme: warta.Theme, Sink: st, Relative: true})
	if err != nil {
		t.Fatalf("build: %v\n%s", err, res.Diags.Format("en"))
	}
	if err := st.Commit(); err != nil {
		t.Fatal(err)
	}
	return out
}

var cssURLRe = regexp.MustCompile(`url\(\s*['"]?([^'")]+)`)

// links lists the addresses an HTML or CSS file refers to.
func links(name string, data []byte) []string {
	if strings.HasSuffix(name, ".css") {
		var out []string
		for _, m := range cssURLRe.FindAllSubmatch(data, -1) {
			out = append(out, string(m[1]))
		}
		return out
	}
	var out []string
	l := phtml.NewLexer(parse.NewInputBytes(bytes.Clone(data)))
	for {
		tt, _ := l.Next()
		if tt == phtml.ErrorToken {
			return out
		}
		if tt != phtml.AttributeToken {
			continue
		}
		val := strings.Trim(string(l.AttrVal()), `"'`)
		switch string(l.AttrKey()) {
		case "href", "src", "action":
			out = append(out, val)
		case "srcset":
			for _, c := range strings.Split(val, ",") {
				if f := strings.Fields(c); len(f) > 0 {
					out = append(out, f[0])
				}
			}
		}
	}
}

// TestRelativeBuild builds the sample site with --relative and checks it
// as a folder on a USB stick would be used.
func TestRelativeBuild(t *testing.T) {
	out := buildRelative(t)
	t.Run("links resolve", func(t *testing.T) { relativeLinksResolve(t, out) })
	t.Run("from file:// in Chromium", func(t *testing.T) { relativeInBrowser(t, out) })
}

// relativeLinksResolve checks every link, picture, stylesheet and script
// of a --relative build: none starts at the root, and each names a file
// of the build.
func relativeLinksResolve(t *testing.T, out string) {
	checked := 0
	err := filepath.WalkDir(out, func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() || (!strings.HasSuffix(p, ".html") && !strings.HasSuffix(p, ".css")) {
			return err
		}
		data, err := os.ReadFile(p)
		if err != nil {
			return err
		}
		name, _ := filepath.Rel(out, p)
		for _, ref := range links(name, data) {
			u, err := url.Parse(ref)
			switch {
			case err != nil:
				t.Errorf("%s: %q is not an address", name, ref)
				continue
			case u.Scheme != "" || u.Host != "" || ref == "" || strings.HasPrefix(ref, "#"):
				continue // another site, mailto:, tel:, data:, this page
			case strings.HasPrefix(ref, "/"):
				t.Errorf("%s: %q starts at the root of the disk", name, ref)
				continue
			case strings.HasSuffix(u.Path, "/"):
				t.Errorf("%s: %q names a folder: from a disk it needs index.html", name, ref)
				continue
			}
			target := filepath.Join(filepath.Dir(p), filepath.FromSlash(u.Path))
			if _, err := os.Stat(target); err != nil {
				t.Errorf("%s: %q: no such file in the build", name, ref)
			}
			checked++
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	if checked < 1000 {
		t.Errorf("only %d links checked", checked)
	}
}

// relativeInBrowser opens a --relative build from file:// in headless
// Chromium: the stylesheet and pictures load, the search form in the
// header leads to the search page, search answers from the index files,
// and a result opens its page.
func relativeInBrowser(t *testing.T, out string) {
	bin, err := pdf.Find()
	if err != nil {
		t.Skipf("no Chromium (%v): the --relative build is not opened from file:// (CI installs chromium)", err)
	}
	ctx, cancel := context.WithTimeout(context.Background(), 90*time.Second)
	defer cancel()
	alloc, cancelAlloc := chromedp.NewExecAllocator(ctx, append(slices.Clone(chromedp.DefaultExecAllocatorOptions[:]),
		chromedp.ExecPath(bin), chromedp.NoSandbox,
		chromedp.Flag("host-resolver-rules", "MAP * ~NOTFOUND"), // nothing leaves the machine
	)...)
	defer cancelAlloc()
	browser, cancelBrowser := chromedp.NewContext(alloc)
	defer cancelBrowser()

	home := (&url.URL{Scheme: "file", Path: filepath.ToSlash(filepath.Join(out, "index.html"))}).String()
	if err := chromedp.Do(browser, chromedp.Navigate(home), chromedp.WaitReady(chromedp.CSS("body"))); err != nil {
		t.Fatal(err)
	}
	eval := func(expr string) string {
		t.Helper()
		v, err := chromedp.Run(browser, chromedp.Evaluate[string](expr))
		if err != nil {
			t.Fatalf("%s: %v", expr, err)
		}
		return v
	}
	if brand := eval(`getComputedStyle(document.querySelector('.masthead')).backgroundColor`); brand != "rgb(11, 90, 114)" {
		t.Errorf("the stylesheet did not load from file:// (masthead background %q)", brand)
	}
	if broken := eval(`Array.from(document.images).filter(i => i.loading !== 'lazy' && !(i.complete && i.naturalWidth > 0)).map(i => i.src).join(' ')`); broken != "" {
		t.Errorf("pictures did not load from file://: %s", broken)
	}

	if err := chromedp.Do(browser,
		chromedp.SetValue(chromedp.CSS(`#cari-situs`), "kekerasan"),
		chromedp.Submit(chromedp.CSS(`#cari-situs`)),
		chromedp.WaitVisible(chromedp.CSS(`#search-results li`)),
	); err != nil {
		t.Fatalf("searching from file://: %v", err)
	}
	where := eval(`location.pathname + location.search`)
	if !strings.HasSuffix(path.Dir(where), "/cari") || !strings.HasSuffix(where, "index.html?q=kekerasan") {
		t.Errorf("the header's search form led to %s", where)
	}
	count := eval(`String(document.querySelectorAll('#search-results li').length)`)
	first := eval(`document.querySelector('#search-results li a').textContent`)
	href := eval(`document.querySelector('#search-results li a').href`)
	if count == "0" || !strings.HasPrefix(href, "file://") || !strings.HasSuffix(href, "/index.html") {
		t.Errorf("%s results, first %q → %q", count, first, href)
	}
	t.Logf("%s results for kekerasan from file://, shown %s ms after the index parts loaded", count, eval(`document.getElementById('search-results').dataset.ms`))
	if err := chromedp.Do(browser,
		chromedp.Click(chromedp.CSS(`#search-results li a`)),
		chromedp.WaitReady(chromedp.CSS(`.kind-news, .kind-module, .kind-gallery, .kind-page`)),
	); err != nil {
		t.Fatal(err)
	}
	if title := eval(`document.querySelector('h1').textContent`); strings.TrimSpace(title) != strings.TrimSpace(first) {
		t.Errorf("the first result %q opened a page titled %q", first, title)
	}
}
