package search

import (
	"io/fs"
	"math/rand/v2"
	"path"
	"slices"
	"strconv"
	"strings"
	"sync"
	"testing"

	"github.com/dinsos-metro/warta/internal/corpus"
	"github.com/dinsos-metro/warta/internal/markdown"
)

// The benchmarks index the site that docs/BENCHMARKS.md measures: 10,000
// news reports, 1,500 modules and 200 galleries from internal/corpus, 11,700
// pages. The corpus's vocabulary is small, so its posting lists are long;
// wideDocs makes the other kind of site, many stems with short lists.

var corpusDocs = sync.OnceValue(func() []Doc {
	return docsOf(corpus.FS(corpus.Options{News: 10000, Modules: 1500, Galleries: 200, Photos: 2, Seed: 1}))
})

// docsOf reads the pages of a generated site as the index sees them.
func docsOf(fsys fs.FS) []Doc {
	var news, galleries []Doc
	modules := map[string][]Doc{}
	_ = fs.WalkDir(fsys, "content", func(name string, e fs.DirEntry, err error) error {
		if err != nil || e.IsDir() || !strings.HasSuffix(name, ".md") || strings.HasSuffix(name, "_index.md") {
			return err
		}
		data, _ := fs.ReadFile(fsys, name)
		d := corpusDoc(name, string(data))
		switch d.Kind {
		case "news":
			news = append(news, d)
		case "module":
			modules[d.Level] = append(modules[d.Level], d)
		case "gallery":
			galleries = append(galleries, d)
		}
		return nil
	})
	slices.Reverse(news) // file names begin with the date: newest first
	docs := news
	for _, l := range []string{"paud", "sd", "smp"} {
		docs = append(docs, modules[l]...)
	}
	return append(docs, galleries...)
}

// corpusDoc reads the front matter corpus writes (key: "value" lines and
// lists of quoted values) and takes the Terms of the Markdown body.
func corpusDoc(name, data string) Doc {
	_, rest, _ := strings.Cut(data, "---\n")
	front, body, _ := strings.Cut(rest, "---\n")
	dir := path.Dir(strings.TrimPrefix(name, "content/"))
	if strings.HasPrefix(dir, "berita") {
		dir = "berita/" + strings.TrimSuffix(path.Base(name), ".md")
	}
	d := Doc{URL: dir + "/", Terms: Terms(body)}
	values := map[string][]string{}
	key := ""
	for _, line := range strings.Split(front, "\n") {
		trimmed := strings.TrimLeft(line, " -")
		k, v, ok := strings.Cut(trimmed, ": ")
		if !ok || strings.HasPrefix(line, "  - \"") {
			k, v = key, trimmed
		} else if !strings.HasPrefix(line, " ") {
			key = k
		}
		if s, err := strconv.Unquote(v); err == nil {
			v = s
		}
		values[k] = append(values[k], v)
	}
	one := func(k string) string {
		if len(values[k]) == 0 {
			return ""
		}
		return values[k][0]
	}
	d.Title, d.Summary, d.Date = one("title"), one("summary"), one("date")
	switch {
	case strings.HasPrefix(d.URL, "berita/"):
		d.Kind, d.Label = "news", "Berita"
		d.Fields = append([]string{one("location"), one("district"), one("program"), one("author")}, values["tags"]...)
	case strings.HasPrefix(d.URL, "modul/"):
		d.Kind, d.Level = "module", one("level")
		d.Label = "Modul · " + strings.ToUpper(d.Level)
		d.Fields = append(append([]string{strings.ToUpper(d.Level), "Jenjang " + d.Level}, values["topics"]...), values["objectives"]...)
	default:
		d.Kind, d.Label = "gallery", "Galeri"
		d.Fields = append([]string{one("location"), one("district")}, append(values["caption"], values["alt"]...)...)
	}
	return d
}

// wideDocs makes n pages of about 300 stems each, drawn with a skewed
// distribution from a vocabulary of 20,000 made-up words.
func wideDocs(n int) []Doc {
	r := rand.New(rand.NewPCG(7, uint64(n)))
	vocab := make([]string, 20000)
	for i := range vocab {
		var b strings.Builder
		for range 2 + r.IntN(3) {
			b.WriteString(pick(r, []string{"ba", "ka", "ma", "si", "tu", "ran", "lem", "dor", "pi", "nga", "se", "wu", "jo", "rik"}))
		}
		vocab[i] = b.String() + strconv.Itoa(i)
	}
	word := func() string { return vocab[int(float64(len(vocab))*r.Float64()*r.Float64()*r.Float64())] }
	text := func(words int) string {
		s := make([]string, words)
		for i := range s {
			s[i] = word()
		}
		return strings.Join(s, " ")
	}
	docs := make([]Doc, n)
	for i := range docs {
		d := &docs[i]
		d.URL = "p/" + strconv.Itoa(i) + "/"
		d.Title, d.Summary, d.Date = text(6), text(20), "1 Januari 2026"
		d.Fields = []string{text(2), text(2), text(1)}
		switch {
		case i < n*85/100:
			d.Kind, d.Label = "news", "Berita"
		case i < n*98/100:
			d.Kind, d.Level, d.Label = "module", []string{"paud", "sd", "smp"}[i%3], "Modul"
		default:
			d.Kind, d.Label = "gallery", "Galeri"
		}
		d.Terms = Terms(text(450))
	}
	return docs
}

func pick[T any](r *rand.Rand, xs []T) T { return xs[r.IntN(len(xs))] }

var wide = sync.OnceValue(func() []Doc { return wideDocs(11700) })

func BenchmarkBuild(b *testing.B) {
	for _, c := range []struct {
		name string
		docs func() []Doc
	}{{"corpus", corpusDocs}, {"wide", wide}} {
		b.Run(c.name, func(b *testing.B) {
			docs := c.docs()
			b.ResetTimer()
			for b.Loop() {
				Build(docs)
			}
		})
	}
}

var benchSites = []struct {
	name string
	docs func() []Doc
}{{"corpus", corpusDocs}, {"wide", wide}}

// BenchmarkBuilderOneEdit changes the text of one page between builds, a
// different page each time: two of its stems go, two others come.
func BenchmarkBuilderOneEdit(b *testing.B) {
	for _, site := range benchSites {
		b.Run(site.name, func(b *testing.B) {
			docs := slices.Clone(site.docs())
			edited := func(k int) string {
				ts := strings.Fields(docs[k].Terms)
				other := strings.Fields(docs[(k+len(docs)/2)%len(docs)].Terms)
				ts = append(ts[:len(ts)-2], other[len(other)/2], other[len(other)/3])
				slices.Sort(ts)
				return strings.Join(slices.Compact(ts), " ")
			}
			benchEdits(b, docs, func(docs []Doc, k int) []Doc {
				docs[k].Terms = edited(k)
				return docs
			})
		})
	}
}

// BenchmarkBuilderUpdate is BenchmarkBuilderOneEdit for other changes.
func BenchmarkBuilderUpdate(b *testing.B) {
	for _, c := range []struct {
		name string
		edit func(docs []Doc, k int) []Doc
	}{
		{"nothing", func(docs []Doc, k int) []Doc { return docs }},
		{"rewrite", func(docs []Doc, k int) []Doc { // every stem of the page
			docs[k].Terms = docs[(k+len(docs)/2)%len(docs)].Terms
			return docs
		}},
		{"summary", func(docs []Doc, k int) []Doc {
			docs[k].Summary = "Ringkasan baru tentang kegiatan sekolah " + strconv.Itoa(k)
			return docs
		}},
		{"insert", func(docs []Doc, k int) []Doc { // a new report on top: every page moves
			if docs[0].URL == "baru/" {
				return docs[1:]
			}
			d := docs[k]
			d.URL = "baru/"
			return append([]Doc{d}, docs...)
		}},
	} {
		for _, site := range benchSites {
			b.Run(c.name+"/"+site.name, func(b *testing.B) {
				benchEdits(b, slices.Clone(site.docs()), c.edit)
			})
		}
	}
}

// benchEdits builds once, then times builds after edit(k) with k a
// different page every time.
func benchEdits(b *testing.B, docs []Doc, edit func(docs []Doc, k int) []Doc) {
	bl := NewBuilder()
	bl.Build(docs)
	b.ResetTimer()
	for i := 0; b.Loop(); i++ {
		b.StopTimer()
		docs = edit(docs, i*7919%11000)
		b.StartTimer()
		bl.Build(docs)
	}
}

// pagesHTML renders the bodies of some generated news reports, as
// TermsOfHTML gets them. The second half has the characters of text
// pasted from a word processor: curly quotes, dashes, accents.
var pagesHTML = sync.OnceValue(func() [][]byte {
	fsys := corpus.FS(corpus.Options{News: 40, Seed: 5})
	md := markdown.New(markdown.Options{})
	var out [][]byte
	_ = fs.WalkDir(fsys, "content/berita", func(name string, e fs.DirEntry, err error) error {
		if err != nil || e.IsDir() || !strings.HasSuffix(name, ".md") || strings.HasSuffix(name, "_index.md") {
			return err
		}
		data, _ := fs.ReadFile(fsys, name)
		_, rest, _ := strings.Cut(string(data), "---\n")
		_, body, _ := strings.Cut(rest, "---\n")
		if len(out)%2 == 1 {
			body = strings.NewReplacer(" dan ", " – dan ", "anak", "anák", ". ", "… ", "guru", "“guru”").Replace(body)
		}
		res, err := md.Render([]byte(body))
		if err == nil {
			out = append(out, res.HTML)
		}
		return nil
	})
	return out
})

func BenchmarkTermsOfHTML(b *testing.B) {
	pages := pagesHTML()
	for _, c := range []struct {
		name  string
		pages [][]byte
	}{{"ascii", everyOther(pages, 0)}, {"accents", everyOther(pages, 1)}} {
		b.Run(c.name, func(b *testing.B) {
			for i := 0; b.Loop(); i++ {
				TermsOfHTML(c.pages[i%len(c.pages)])
			}
		})
	}
}

func everyOther[T any](xs []T, start int) []T {
	var out []T
	for i := start; i < len(xs); i += 2 {
		out = append(out, xs[i])
	}
	return out
}

// BenchmarkStem stems every word of a page.
func BenchmarkStem(b *testing.B) {
	var words []string
	Words(string(pagesHTML()[0]), func(w string) { words = append(words, w) })
	for b.Loop() {
		for _, w := range words {
			Stem(w)
		}
	}
}

// BenchmarkTerms takes the stems of the text of a page.
func BenchmarkTerms(b *testing.B) {
	var texts []string
	for _, page := range pagesHTML() {
		texts = append(texts, string(page))
	}
	for i := 0; b.Loop(); i++ {
		Terms(texts[i%len(texts)])
	}
}
