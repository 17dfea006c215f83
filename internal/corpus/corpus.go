// Package corpus generates whole warta sites of any size, for benchmarks
// and tests.
//
// A corpus follows the content model of DESIGN.md: site.yaml, the home
// page, the sections (berita, modul with paud, sd and smp, galeri), two
// plain pages, and then
//
//   - News reports of 600-900 words of Indonesian-looking text with
//     headings, bullet and numbered lists, a table, a quote and links to
//     other generated pages, dated over two years (November 2024 to October
//     2026), in the five districts of Kota Metro. Every tenth report is a
//     bundle with a cover photo; every seventh links to a gallery.
//   - Lesson modules spread evenly over paud, sd and smp, each a bundle with
//     one small worksheet (PNG) as its attachment.
//   - Galleries of photos: small JPEGs (64×48 unless Options ask for more),
//     each different from every other, with consent: true.
//
// The same Options give the same bytes on every machine: all randomness
// comes from PCG generators seeded from Options.Seed, one per page, and no
// clock is read.
package corpus

import (
	"fmt"
	"math/rand/v2"
	"os"
	"path"
	"path/filepath"
	"slices"
	"strings"
	"testing/fstest"
	"time"
)

// Options say how big a corpus is.
type Options struct {
	News, Modules, Galleries int
	Photos                   int // per gallery
	Seed                     uint64
	// PhotoWidth and PhotoHeight size gallery photos and news covers;
	// zero means 64×48. Use 3000×2000 to benchmark image processing.
	PhotoWidth, PhotoHeight int
	// Schools lists the schools in data/sekolah.yaml and names each
	// report's school in schools: (schools.go).
	Schools bool
}

// FirstNews is the news report whose file name sorts first: the same one
// on every run, for benchmarks that edit one report.
func FirstNews(fsys fstest.MapFS) string {
	var news []string
	for name := range fsys {
		if strings.HasPrefix(name, "content/berita/") && strings.HasSuffix(name, ".md") && !strings.HasSuffix(name, "_index.md") {
			news = append(news, name)
		}
	}
	slices.Sort(news)
	if len(news) == 0 {
		return ""
	}
	return news[0]
}

// FS returns the corpus as an in-memory file system.
func FS(opt Options) fstest.MapFS {
	m := fstest.MapFS{}
	_ = generate(opt, func(name string, data []byte) error {
		m[name] = &fstest.MapFile{Data: data, Mode: 0o644}
		return nil
	})
	return m
}

// Write writes the corpus into dir, which must be empty or not exist yet
// (a smaller corpus written over a bigger one would leave pages behind).
func Write(dir string, opt Options) error {
	if entries, err := os.ReadDir(dir); err == nil && len(entries) > 0 {
		return fmt.Errorf("corpus: %s is not empty", dir)
	}
	made := map[string]bool{}
	return generate(opt, func(name string, data []byte) error {
		full := filepath.Join(dir, filepath.FromSlash(name))
		if d := filepath.Dir(full); !made[d] {
			if err := os.MkdirAll(d, 0o755); err != nil {
				return err
			}
			made[d] = true
		}
		return os.WriteFile(full, data, 0o644)
	})
}

// Random streams: each page draws from its own generator, so that a page's
// title can be recomputed to link to it without generating its body.
const (
	streamNews = iota + 1
	streamNewsBody
	streamModule
	streamModuleBody
	streamGallery
	streamGalleryBody
	streamPhoto
)

type gen struct {
	opt  Options
	emit func(name string, data []byte) error
	err  error
}

func (g *gen) rng(stream, i int) *rand.Rand {
	return rand.New(rand.NewPCG(g.opt.Seed, uint64(stream)<<40|uint64(i)))
}

func (g *gen) file(name string, data []byte) {
	if g.err == nil {
		g.err = g.emit(name, data)
	}
}

func generate(opt Options, emit func(string, []byte) error) error {
	if opt.PhotoWidth <= 0 || opt.PhotoHeight <= 0 {
		opt.PhotoWidth, opt.PhotoHeight = 64, 48
	}
	g := &gen{opt: opt, emit: emit}
	g.skeleton()
	for i := range opt.News {
		g.newsPage(i)
	}
	for i := range opt.Modules {
		g.modulePage(i)
	}
	for i := range opt.Galleries {
		g.galleryPage(i)
	}
	return g.err
}

func (g *gen) skeleton() {
	if g.opt.Schools {
		g.file("site.yaml", []byte(siteYAML+districtsYAML))
		g.schools()
	} else {
		g.file("site.yaml", []byte(siteYAML))
	}
	t := &text{r: g.rng(0, 0)}
	page := func(name, title, extra string) {
		t.b.Reset()
		t.paragraph()
		t.paragraph()
		g.file(name, fmt.Appendf(nil, "---\ntitle: %q\n%s---\n\n%s", title, extra, t.b.Bytes()))
	}
	page("content/_index.md", "Beranda", "")
	page("content/berita/_index.md", "Berita", "")
	page("content/modul/_index.md", "Modul Pembelajaran", "")
	page("content/modul/paud/_index.md", "PAUD", "ages: \"4-6\"\nweight: 1\n")
	page("content/modul/sd/_index.md", "SD", "ages: \"7-12\"\nweight: 2\n")
	page("content/modul/smp/_index.md", "SMP", "ages: \"13-15\"\nweight: 3\n")
	page("content/galeri/_index.md", "Galeri", "")
	page("content/tentang.md", "Tentang Kami", "")
	page("content/kontak.md", "Kontak", "")
}

const siteYAML = `title: Dinas Sosial Kota Metro
description: Layanan sosial dan perlindungan anak Kota Metro
base_url: https://dinsos.example.org/
language: id
timezone: Asia/Jakarta
department:
  name: Dinas Sosial Kota Metro
  address: Kota Metro, Lampung
  phone: (0725) 000000
  email: dinsos@example.org
  logo: img/logo.svg
menu:
  - {title: Beranda, url: /}
  - {title: Berita, url: /berita/}
  - {title: Modul, url: /modul/}
  - {title: Galeri, url: /galeri/}
  - {title: Kecamatan, url: /kecamatan/}
  - {title: Tentang, url: /tentang/}
  - {title: Kontak, url: /kontak/}
pagination: 10
`

var firstDay = time.Date(2024, 11, 1, 0, 0, 0, 0, time.UTC)

// place is a dated visit to a school.
type place struct {
	date, school, district string
}

func randomPlace(r *rand.Rand) place {
	d := pick(r, districts)
	return place{
		date:     firstDay.AddDate(0, 0, r.IntN(730)).Format(time.DateOnly),
		school:   fmt.Sprintf("%s %d %s", pick(r, schoolKinds), 1+r.IntN(12), d),
		district: d,
	}
}

// newsMeta is what other pages need to know of news report i.
type newsMeta struct {
	place
	title, slug, file string
	bundle            bool
}

func (g *gen) news(i int) newsMeta {
	r := g.rng(streamNews, i)
	n := newsMeta{place: randomPlace(r)}
	n.title = pick(r, activities) + " di " + n.school
	n.slug = fmt.Sprintf("%s-%05d", slugify(n.title), i+1)
	n.bundle = i%10 == 9
	n.file = "content/berita/" + n.date + "-" + n.slug + ".md"
	if n.bundle {
		n.file = strings.TrimSuffix(n.file, ".md") + "/index.md"
	}
	return n
}

func (g *gen) newsPage(i int) {
	n := g.news(i)
	r := g.rng(streamNewsBody, i)
	t := &text{r: r}
	program := pick(r, programs)
	fm := &frontMatter{}
	fm.str("title", n.title)
	fm.raw("date", n.date)
	fm.str("summary", t.sentence())
	fm.str("location", n.school)
	fm.str("district", n.district)
	if g.opt.Schools {
		fm.list("schools", []string{schoolKey(n.school)})
	}
	fm.str("program", program)
	var ts []string
	for _, k := range r.Perm(len(tags))[:2+r.IntN(3)] {
		ts = append(ts, tags[k])
	}
	fm.list("tags", ts)
	fm.str("author", pick(r, authors))
	if g.opt.Galleries > 0 && i%7 == 0 {
		fm.raw("gallery", path.Dir(strings.TrimPrefix(g.gallery(i%g.opt.Galleries).file, "content/")))
	}
	if n.bundle {
		fm.raw("cover", "cover.jpg")
		fm.raw("consent", "true")
		fm.str("cover_alt", "Ilustrasi "+someWords(r, 3))
	}

	links := []link{g.newsLink((i + 1) % g.opt.News), g.newsLink((i*7 + 3) % g.opt.News)}
	if g.opt.Modules > 0 {
		m := g.module(i % g.opt.Modules)
		links = append(links, link{m.title, m.url})
	}
	links = append(links,
		link{"Berita Kecamatan " + n.district, "/kecamatan/" + slugify(n.district) + "/"},
		link{"Program " + program, "/program/" + slugify(program) + "/"},
		link{"Tag " + ts[0], "/tag/" + slugify(ts[0]) + "/"})
	t.article(630+r.IntN(231), links)
	g.file(n.file, fm.page(t.b.Bytes()))
	if n.bundle {
		g.file(path.Dir(n.file)+"/cover.jpg", photo(g.rng(streamPhoto, 1<<20+i), 1<<20+i, g.opt.PhotoWidth, g.opt.PhotoHeight))
	}
}

func (g *gen) newsLink(i int) link {
	n := g.news(i)
	return link{n.title, "/berita/" + n.slug + "/"}
}

// moduleMeta is what other pages need to know of module i.
type moduleMeta struct {
	title, level, slug, file, url string
}

func (g *gen) module(i int) moduleMeta {
	r := g.rng(streamModule, i)
	m := moduleMeta{title: pick(r, moduleVerbs) + " " + pick(r, moduleTopics), level: []string{"paud", "sd", "smp"}[i%3]}
	m.slug = fmt.Sprintf("%s-%04d", slugify(m.title), i+1)
	m.file = "content/modul/" + m.level + "/" + m.slug + "/index.md"
	m.url = "/modul/" + m.level + "/" + m.slug + "/"
	return m
}

func (g *gen) modulePage(i int) {
	m := g.module(i)
	r := g.rng(streamModuleBody, i)
	t := &text{r: r}
	minutes := 30 + 5*r.IntN(13)
	sheet := "lembar-kerja-" + m.slug + ".png"
	fm := &frontMatter{}
	fm.str("title", m.title)
	fm.raw("level", m.level)
	fm.str("ages", levelAges[m.level])
	fm.str("duration", fmt.Sprintf("%d menit", minutes))
	fm.raw("weight", fmt.Sprint(i+1))
	fm.str("summary", t.sentence())
	fm.list("topics", []string{pick(r, tags), pick(r, tags)})
	fm.list("objectives", []string{t.sentence(), t.sentence(), t.sentence()})
	fm.list("materials", []string{t.phrase(), t.phrase(), t.phrase()})
	fm.line("attachments:")
	fm.line("  - file: " + sheet)
	fm.line(fmt.Sprintf("    title: %q", "Lembar kerja: "+m.title))
	t.lesson(minutes)
	g.file(m.file, fm.page(t.b.Bytes()))
	g.file(path.Dir(m.file)+"/"+sheet, worksheet(i))
}

// galleryMeta is what other pages need to know of gallery i.
type galleryMeta struct {
	place
	title, file string
}

func (g *gen) gallery(i int) galleryMeta {
	r := g.rng(streamGallery, i)
	gm := galleryMeta{place: randomPlace(r)}
	gm.title = "Kunjungan ke " + gm.school
	gm.file = fmt.Sprintf("content/galeri/%s-%s-%04d/index.md", gm.date, slugify(gm.school), i+1)
	return gm
}

func (g *gen) galleryPage(i int) {
	gm := g.gallery(i)
	r := g.rng(streamGalleryBody, i)
	t := &text{r: r}
	fm := &frontMatter{}
	fm.str("title", gm.title)
	fm.raw("date", gm.date)
	fm.str("location", gm.school)
	fm.str("district", gm.district)
	fm.raw("consent", "true")
	fm.line("photos:")
	dir := path.Dir(gm.file)
	for p := range g.opt.Photos {
		name := fmt.Sprintf("foto-%02d.jpg", p+1)
		fm.line("  - file: " + name)
		fm.line(fmt.Sprintf("    caption: %q", t.sentence()))
		fm.line(fmt.Sprintf("    alt: %q", "Ilustrasi "+someWords(r, 4)))
		id := i*g.opt.Photos + p
		g.file(dir+"/"+name, photo(g.rng(streamPhoto, id), id, g.opt.PhotoWidth, g.opt.PhotoHeight))
	}
	t.paragraph()
	g.file(gm.file, fm.page(t.b.Bytes()))
}

// frontMatter writes YAML front matter line by line, in a fixed order.
type frontMatter struct{ b strings.Builder }

func (f *frontMatter) line(s string)     { f.b.WriteString(s + "\n") }
func (f *frontMatter) raw(key, v string) { f.line(key + ": " + v) }
func (f *frontMatter) str(key, v string) { f.line(fmt.Sprintf("%s: %q", key, v)) }
func (f *frontMatter) page(body []byte) []byte {
	return fmt.Appendf(nil, "---\n%s---\n\n%s", f.b.String(), body)
}

func (f *frontMatter) list(key string, vs []string) {
	f.line(key + ":")
	for _, v := range vs {
		f.line(fmt.Sprintf("  - %q", v))
	}
}
