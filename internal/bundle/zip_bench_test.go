package bundle

import (
	"fmt"
	"math/rand/v2"
	"strings"
	"testing"
	"testing/fstest"
)

// levelFixture is a level of three modules as internal/render zips them:
// each module's files (a worksheet PNG of 200 KB, a PDF of 100 KB, read
// from the site's files) and offline page, once in the module's own zip
// and again, with a page that links differently, in the level's zip.
type levelFixture struct {
	modules [][]File // each module's files, named inside its folder
	pages   [][]byte // each module's offline page in its own zip
	level   [][]byte // the same pages as the level's zip has them
	index   []byte   // the level's own offline page
}

func newLevelFixture() *levelFixture {
	rng := rand.New(rand.NewPCG(1, 2))
	src := fstest.MapFS{}
	fx := &levelFixture{index: offlinePage(rng, "modul-sd/", 18<<10)}
	for i := range 3 {
		dir := fmt.Sprintf("content/modul/sd/m%d/", i)
		src[dir+"lembar.png"] = &fstest.MapFile{Data: randomBytes(rng, 200<<10)}
		src[dir+"cetak.pdf"] = &fstest.MapFile{Data: pseudoPDF(rng, 100<<10)}
		fx.modules = append(fx.modules, []File{
			{Name: "lembar.png", Src: src, Path: dir + "lembar.png"},
			{Name: "cetak.pdf", Src: src, Path: dir + "cetak.pdf"},
		})
		fx.pages = append(fx.pages, offlinePage(rng, "https://dinsos.example/modul/sd/", 25<<10))
		fx.level = append(fx.level, offlinePage(rng, "../", 25<<10))
	}
	return fx
}

// zipAll makes the three module zips and the level zip, the way
// internal/render does, and returns the bytes written.
func (fx *levelFixture) zipAll(tb testing.TB) int {
	n := 0
	var entries []File
	entries = append(entries, File{Name: "modul-sd/index.html", Data: fx.index})
	for i, files := range fx.modules {
		files = Shared(files) // once per module and build, as render's moduleBundle does
		slug := fmt.Sprintf("m%d", i)
		z, err := ZipBytes(append(Within(slug, files), File{Name: slug + "/index.html", Data: fx.pages[i]}))
		if err != nil {
			tb.Fatal(err)
		}
		n += len(z)
		entries = append(entries, File{Name: "modul-sd/" + slug + "/index.html", Data: fx.level[i]})
		entries = append(entries, Within("modul-sd/"+slug, files)...)
	}
	z, err := ZipBytes(entries)
	if err != nil {
		tb.Fatal(err)
	}
	return n + len(z)
}

// BenchmarkZipLevel is one level's module zips and level zip.
func BenchmarkZipLevel(b *testing.B) {
	fx := newLevelFixture()
	b.ReportAllocs()
	var n int
	for b.Loop() {
		n = fx.zipAll(b)
	}
	b.ReportMetric(float64(n), "zip-bytes/op")
}

func randomBytes(rng *rand.Rand, n int) []byte {
	b := make([]byte, n)
	for i := range b {
		b[i] = byte(rng.Uint32())
	}
	return b
}

// pseudoPDF is shaped like the PDFs Chromium prints: text objects around
// compressed streams, so that deflate takes about a quarter off.
func pseudoPDF(rng *rand.Rand, n int) []byte {
	var sb strings.Builder
	sb.WriteString("%PDF-1.4\n")
	for obj := 1; sb.Len() < n; obj++ {
		fmt.Fprintf(&sb, "%d 0 obj\n<< /Type /XObject /Subtype /Image /Filter /FlateDecode /Length 3000 >>\nstream\n", obj)
		sb.Write(randomBytes(rng, 3000))
		fmt.Fprintf(&sb, "\nendstream\nendobj\n%d 1 obj\n<< /Type /Font /BaseFont /AAAAAA+NotoSans /Widths [", obj)
		for range 180 {
			fmt.Fprintf(&sb, " %d", 200+rng.IntN(500))
		}
		sb.WriteString(" ] >>\nendobj\n")
	}
	return []byte(sb.String()[:n])
}

var pageWords = strings.Fields(`anak sekolah guru orang tua kekerasan perundungan aman
	teman perasaan emosi marah sedih takut bantuan pekerja sosial dinas metro kelas
	lembar kerja diskusi kegiatan tujuan langkah waktu menit bahan kertas pensil`)

// offlinePage is an offline module page of about n bytes: inlined CSS
// and paragraphs with links that start with prefix.
func offlinePage(rng *rand.Rand, prefix string, n int) []byte {
	var sb strings.Builder
	sb.WriteString("<!doctype html><html lang=id><meta charset=utf-8><style>")
	for i := range 60 {
		fmt.Fprintf(&sb, ".c%d{margin:0 %dpx;padding:%dpx;color:#%06x}", i, rng.IntN(20), rng.IntN(20), rng.IntN(1<<24))
	}
	sb.WriteString("</style><main>")
	for sb.Len() < n {
		sb.WriteString("<p>")
		for range 40 {
			sb.WriteString(pageWords[rng.IntN(len(pageWords))])
			sb.WriteByte(' ')
		}
		fmt.Fprintf(&sb, `<a href="%stopik/%s/">%s</a></p>`, prefix, pageWords[rng.IntN(len(pageWords))], pageWords[rng.IntN(len(pageWords))])
	}
	sb.WriteString("</main>")
	return []byte(sb.String())
}
