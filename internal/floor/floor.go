// Package floor is the floor of issue 7: the least work any generator
// must do for a site's pages. It reads every Markdown file, splits off its
// front matter with adrg/frontmatter, renders the body with goldmark (GFM)
// on every core and hands one HTML page per file to a writer, each as
// <folder>/index.html (pretty URLs). Given the set of HTML files a
// generator's output has (Pages), it also writes every other one as a
// small list page (ten links), so that it makes the same files and
// folders: a generator that writes 17,821 pages in 17,821 folders is
// compared with a floor that does too. No templates, feeds, minification
// or bundle files. BenchmarkFloor (internal/build) and the bench/floor
// command, which bench/compare-hugo.sh times beside warta and Hugo, both
// run it.
package floor

import (
	"bytes"
	"html"
	"io/fs"
	"os"
	"path"
	"path/filepath"
	"regexp"
	"runtime"
	"slices"
	"strings"
	"sync"
	"sync/atomic"

	"github.com/adrg/frontmatter"
	"github.com/yuin/goldmark"
	"github.com/yuin/goldmark/extension"
)

// Run renders every page below dir/content and hands each to write as
// berita/x/index.html; it returns the pages and the bytes of HTML made.
func Run(dir string, write func(name string, html []byte) error) (pages, written int64, err error) {
	return RunPages(dir, nil, write)
}

// RunPages is Run that writes exactly the HTML files named in list (slash
// paths, "berita/x/index.html"; the list of a generator's output): each
// Markdown file goes to its own path (OutputPath), every listed path no
// Markdown file has is a list page of ten links to rendered pages. A
// Markdown file whose path is not listed is still rendered and written
// (the floor never does less than one page per file). An empty list
// writes the Markdown pages only. pages counts every file written.
func RunPages(dir string, list []string, write func(name string, html []byte) error) (pages, written int64, err error) {
	md := goldmark.New(goldmark.WithExtensions(extension.GFM))
	var files []string
	root := filepath.Join(dir, "content")
	err = filepath.WalkDir(root, func(p string, d fs.DirEntry, err error) error {
		if err == nil && !d.IsDir() && strings.HasSuffix(p, ".md") {
			files = append(files, p)
		}
		return err
	})
	if err != nil {
		return 0, 0, err
	}
	var (
		mu      sync.Mutex
		first   error
		counted atomic.Int64
		done    atomic.Int64
		links   = make([]link, len(files))
	)
	fail := func(err error) {
		mu.Lock()
		if first == nil {
			first = err
		}
		mu.Unlock()
	}
	// Wave 1: the Markdown pages, as a generator renders its single pages
	// before the lists that need their titles.
	each(len(files), func(i int, buf *bytes.Buffer) {
		l, err := page(root, files[i], md, buf, write)
		links[i] = l
		if err != nil {
			fail(err)
			return
		}
		counted.Add(int64(buf.Len()))
		done.Add(1)
	})
	// Wave 2: every listed path no Markdown page took.
	taken := make(map[string]bool, len(links))
	for _, l := range links {
		taken[l.name] = true
	}
	var rest []string
	for _, n := range list {
		if !taken[n] {
			rest = append(rest, n)
			taken[n] = true // listed twice, written once
		}
	}
	slices.Sort(rest)
	each(len(rest), func(i int, buf *bytes.Buffer) {
		listPage(buf, rest[i], links, i)
		if err := write(rest[i], buf.Bytes()); err != nil {
			fail(err)
			return
		}
		counted.Add(int64(buf.Len()))
		done.Add(1)
	})
	return done.Load(), counted.Load(), first
}

// each runs f(0..n-1) on every core, one reused buffer per worker.
func each(n int, f func(i int, buf *bytes.Buffer)) {
	next := make(chan int)
	var wg sync.WaitGroup
	for range runtime.GOMAXPROCS(0) {
		wg.Go(func() {
			var buf bytes.Buffer
			for i := range next {
				buf.Reset()
				f(i, &buf)
			}
		})
	}
	for i := range n {
		next <- i
	}
	close(next)
	wg.Wait()
}

// link is a rendered page as a list shows it.
type link struct{ name, title string }

func page(root, p string, md goldmark.Markdown, buf *bytes.Buffer, write func(string, []byte) error) (link, error) {
	rel, _ := filepath.Rel(root, p)
	l := link{name: OutputPath(filepath.ToSlash(rel))}
	data, err := os.ReadFile(p)
	if err != nil {
		return l, err
	}
	var meta struct {
		Title string `yaml:"title"`
	}
	body, err := frontmatter.Parse(bytes.NewReader(data), &meta)
	if err != nil {
		return l, err
	}
	l.title = meta.Title
	if err := md.Convert(body, buf); err != nil {
		return l, err
	}
	return l, write(l.name, buf.Bytes())
}

// listPage writes a small page of ten links, the i-th ten of the pages.
func listPage(buf *bytes.Buffer, name string, links []link, i int) {
	buf.WriteString("<h1>")
	buf.WriteString(html.EscapeString(path.Dir(name)))
	buf.WriteString("</h1>\n<ul>\n")
	for k := range min(10, len(links)) {
		l := links[(i*10+k)%len(links)]
		buf.WriteString(`<li><a href="/`)
		buf.WriteString(html.EscapeString(strings.TrimSuffix(l.name, "index.html")))
		buf.WriteString(`">`)
		buf.WriteString(html.EscapeString(l.title))
		buf.WriteString("</a></li>\n")
	}
	buf.WriteString("</ul>\n")
}

// datePrefix is the date a file name may start with: it dates the page
// and is left out of its URL, as warta does and as Hugo's ":filename"
// date setting does.
var datePrefix = regexp.MustCompile(`^\d{4}-\d{2}-\d{2}-`)

// OutputPath is the HTML file of a Markdown file (a slash path below
// content/): "berita/2024-11-01-x.md" → "berita/x/index.html",
// "modul/paud/y/index.md" → "modul/paud/y/index.html", "_index.md" →
// "index.html".
func OutputPath(rel string) string {
	rel = strings.TrimSuffix(rel, ".md")
	if base := path.Base(rel); base == "index" || base == "_index" {
		rel = path.Dir(rel) // a bundle: the folder is the page
	}
	if rel == "." {
		return "index.html"
	}
	dir, base := path.Split(rel)
	return dir + datePrefix.ReplaceAllString(base, "") + "/index.html"
}
