package theme_test

import (
	"bytes"
	"errors"
	"html/template"
	"io/fs"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"testing/fstest"

	"github.com/dinsos-metro/warta/internal/theme"
)

// card is a list item as render makes it: a value with a Memo.
type card struct {
	Title string
	URL   string
	Fail  bool
	*theme.Memo
}

type page struct{ Items []card }

// layouts is a small theme: two lists of cards, item.html calling the
// card, and a counter of card executions.
func layouts(extra map[string]string) fstest.MapFS {
	files := map[string]string{
		"baseof.html":             `<!doctype html><main>{{block "main" .}}{{end}}</main>`,
		"partials/news-card.html": `<article><a href="{{.URL}}">{{.Title}}</a>{{count}}{{if .Fail}}{{fail}}{{end}}</article>`,
		"partials/item.html":      `{{template "partials/news-card.html" .}}`,
		"list-a.html":             `{{define "main"}}{{range .Items}}{{template "partials/news-card.html" .}}{{end}}{{end}}`,
		"list-b.html":             `{{define "main"}}<div>{{range .Items}}{{template "partials/item.html" .}}{{end}}</div>{{end}}`,
	}
	for k, v := range extra {
		files[k] = v
	}
	fsys := fstest.MapFS{}
	for k, v := range files {
		fsys[theme.Root+"/"+k] = &fstest.MapFile{Data: []byte(v)}
	}
	return fsys
}

type counter struct{ n atomic.Int64 }

func (c *counter) funcs() template.FuncMap {
	return template.FuncMap{
		"count": func() string { c.n.Add(1); return "" },
		"fail":  func() (string, error) { return "", errors.New("the card failed") },
	}
}

func load(t *testing.T, c *counter, layers ...fs.FS) *theme.Theme {
	t.Helper()
	th, ds := theme.Load(layers, c.funcs())
	if len(ds) > 0 {
		t.Fatalf("load: %v", ds)
	}
	return th
}

func execute(t *testing.T, th *theme.Theme, name string, data any) string {
	t.Helper()
	var b bytes.Buffer
	if err := th.Execute(&b, name, data); err != nil {
		t.Fatalf("%s: %v", name, err)
	}
	return b.String()
}

func items(memo bool) []card {
	out := []card{{Title: "Satu", URL: "/berita/satu/"}, {Title: "<Dua>", URL: "/berita/dua/?a=1&b=2"}}
	if memo {
		for i := range out {
			out[i].Memo = &theme.Memo{}
		}
	}
	return out
}

const wantCards = `<article><a href="/berita/satu/">Satu</a></article><article><a href="/berita/dua/?a=1&amp;b=2">&lt;Dua&gt;</a></article>`

func TestCardExecutedOnceForSeveralLists(t *testing.T) {
	var c counter
	th := load(t, &c, layouts(nil))
	data := &page{Items: items(true)}
	for range 3 {
		if got, want := execute(t, th, "list-a.html", data), `<!doctype html><main>`+wantCards+`</main>`; got != want {
			t.Errorf("list-a:\n got %s\nwant %s", got, want)
		}
		if got, want := execute(t, th, "list-b.html", data), `<!doctype html><main><div>`+wantCards+`</div></main>`; got != want {
			t.Errorf("list-b (through item.html):\n got %s\nwant %s", got, want)
		}
	}
	if n := c.n.Load(); n != 2 {
		t.Errorf("cards executed %d times for 2 items in 6 lists, want 2", n)
	}
}

func TestCardWithoutMemoExecutedEachTime(t *testing.T) {
	var c counter
	th := load(t, &c, layouts(nil))
	data := &page{Items: items(false)} // like the eager first card of a list
	for range 3 {
		if got, want := execute(t, th, "list-a.html", data), `<!doctype html><main>`+wantCards+`</main>`; got != want {
			t.Errorf("got %s\nwant %s", got, want)
		}
	}
	if n := c.n.Load(); n != 6 {
		t.Errorf("cards executed %d times, want 6", n)
	}
	// One item without a memo among memoized ones: only it runs again.
	c.n.Store(0)
	data = &page{Items: items(true)}
	data.Items[0].Memo = nil
	for range 3 {
		execute(t, th, "list-a.html", data)
	}
	if n := c.n.Load(); n != 4 {
		t.Errorf("cards executed %d times, want 3 (no memo) + 1", n)
	}
}

func TestCardOutsideTextIsNotMemoized(t *testing.T) {
	var c counter
	// Not in HTML text: the escaper calls another copy of the partial,
	// escaped for a URL, which must stay as it is.
	th := load(t, &c, layouts(map[string]string{
		"partials/news-card.html": `{{.Title}}{{count}}`,
		"attr.html":               `{{define "main"}}{{range .Items}}<a href="/t/{{template "partials/news-card.html" .}}">x</a>{{end}}{{end}}`,
	}))
	data := &page{Items: items(true)[1:]}
	want := `<!doctype html><main><a href="/t/%3cDua%3e">x</a></main>`
	for range 2 {
		if got := execute(t, th, "attr.html", data); got != want {
			t.Errorf("URL context:\n got %s\nwant %s", got, want)
		}
	}
	if n := c.n.Load(); n != 2 {
		t.Errorf("cards in an attribute executed %d times, want 2 (not memoized)", n)
	}
	// The same item in text afterwards is escaped for text.
	for range 2 {
		if got, want := execute(t, th, "list-a.html", data), `<!doctype html><main>&lt;Dua&gt;</main>`; got != want {
			t.Errorf("got %s\nwant %s", got, want)
		}
	}
	if n := c.n.Load(); n != 3 {
		t.Errorf("cards executed %d times, want 2 + 1", n)
	}
}

func TestSiteCardOverridesBuiltIn(t *testing.T) {
	var c counter
	site := fstest.MapFS{theme.Root + "/partials/news-card.html": &fstest.MapFile{Data: []byte(`<li>{{.Title}}{{count}}</li>`)}}
	th := load(t, &c, site, layouts(nil))
	data := &page{Items: items(true)}
	want := `<li>Satu</li><li>&lt;Dua&gt;</li>`
	if got := execute(t, th, "list-a.html", data); got != `<!doctype html><main>`+want+`</main>` {
		t.Errorf("list-a: got %s", got)
	}
	if got := execute(t, th, "list-b.html", data); got != `<!doctype html><main><div>`+want+`</div></main>` {
		t.Errorf("list-b: got %s", got)
	}
	if n := c.n.Load(); n != 2 {
		t.Errorf("site cards executed %d times, want 2", n)
	}
}

func TestPageTemplateDefiningACardKeepsIt(t *testing.T) {
	var c counter
	th := load(t, &c, layouts(map[string]string{
		"own.html": `{{define "main"}}{{range .Items}}{{template "partials/news-card.html" .}}{{end}}{{end}}` +
			`{{define "partials/news-card.html"}}<b>{{.Title}}</b>{{end}}`,
	}))
	data := &page{Items: items(true)}
	// The shared memo is filled by the theme's card first.
	execute(t, th, "list-a.html", data)
	if got, want := execute(t, th, "own.html", data), `<!doctype html><main><b>Satu</b><b>&lt;Dua&gt;</b></main>`; got != want {
		t.Errorf("got %s\nwant %s", got, want)
	}
}

func TestCardErrorNamesThePartial(t *testing.T) {
	var c counter
	th := load(t, &c, layouts(map[string]string{
		"partials/news-card.html": "<article>\n{{.Title}}\n{{if .Fail}}{{fail}}{{end}}</article>",
	}))
	data := &page{Items: items(true)}
	data.Items[1].Fail = true
	for _, name := range []string{"list-a.html", "list-b.html"} {
		err := th.Execute(&bytes.Buffer{}, name, data)
		if err == nil {
			t.Fatalf("%s: no error", name)
		}
		d := theme.ExecError(err, name, "/berita/")
		if d.File != "layouts/partials/news-card.html" || d.Line != 3 {
			t.Errorf("%s: error at %s:%d, want layouts/partials/news-card.html:3 (%v)", name, d.File, d.Line, err)
		}
		if !strings.Contains(err.Error(), "the card failed") || strings.Contains(err.Error(), "wartaCard") {
			t.Errorf("%s: error %q", name, err)
		}
	}
}

func TestCardsConcurrently(t *testing.T) {
	var c counter
	th := load(t, &c, layouts(nil))
	data := &page{Items: items(true)}
	var wg sync.WaitGroup
	for i := range 8 {
		wg.Go(func() {
			name := []string{"list-a.html", "list-b.html"}[i%2]
			var b bytes.Buffer
			if err := th.Execute(&b, name, data); err != nil || !strings.Contains(b.String(), wantCards) {
				t.Errorf("%s: %v %s", name, err, b.String())
			}
		})
	}
	wg.Wait()
}

// A card that calls itself is an error, not a crash: text/template's
// depth check does not see through the memoized call.
func TestCardCallingItselfFails(t *testing.T) {
	var c counter
	th := load(t, &c, layouts(map[string]string{
		"partials/item.html": `<p>{{template "partials/item.html" .}}</p>`,
	}))
	err := th.Execute(&bytes.Buffer{}, "list-b.html", &page{Items: items(true)})
	if err == nil || !strings.Contains(err.Error(), "partials/item.html calls itself without end") {
		t.Errorf("error %v", err)
	}
}
