package build_test

import (
	"bytes"
	"context"
	"fmt"
	"net/http"
	"net/http/httptest"
	"slices"
	"sort"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/andybalholm/brotli"
	"github.com/chromedp/chromedp"

	"github.com/dinsos-metro/warta"
	"github.com/dinsos-metro/warta/internal/build"
	"github.com/dinsos-metro/warta/internal/corpus"
	"github.com/dinsos-metro/warta/internal/pdf"
	"github.com/dinsos-metro/warta/internal/publish"
	"github.com/dinsos-metro/warta/internal/search"
	"github.com/dinsos-metro/warta/internal/sitetest"
)

// searchBudget is what search.js and everything one query loads may weigh,
// gzip-compressed, on a site of 10,000 pages (issue 6).
const searchBudget = 50 << 10

// searchFiles returns the published index of a build: its folder's files
// by name, and search.js.
func searchFiles(t *testing.T, files map[string][]byte) (index map[string][]byte, js []byte) {
	t.Helper()
	index = map[string][]byte{}
	for name, data := range files {
		switch {
		case strings.HasPrefix(name, "assets/search/"):
			index[name[strings.LastIndexByte(name, '/')+1:]] = data
		case strings.HasPrefix(name, "assets/js/search.") && strings.HasSuffix(name, ".js"):
			js = data
		}
	}
	if len(index) == 0 || js == nil {
		t.Fatal("the build wrote no search index or no search.js")
	}
	return index, js
}

func gzSize(t *testing.T, data []byte) int {
	gz, err := publish.Gzip(data)
	if err != nil {
		t.Fatal(err)
	}
	return len(gz)
}

func brSize(data []byte) int {
	var b bytes.Buffer
	w := brotli.NewWriterLevel(&b, brotli.BestCompression)
	w.Write(data)
	w.Close()
	return b.Len()
}

// TestSearchIndexSize10k builds a site of 10,000 news reports, 1,500
// modules and 200 galleries, and measures what a query costs: search.js
// plus the files the query loads must stay under 50 KB with gzip. The
// figures go to docs/BENCHMARKS.md ("Search index"); run with -v to see
// them.
func TestSearchIndexSize10k(t *testing.T) {
	if testing.Short() || raceEnabled {
		t.Skip("builds 11,700 pages, too slow with -race or -short: go test ./internal/build -run TestSearchIndexSize10k -v")
	}
	fsys := corpus.FS(corpus.Options{News: 10000, Modules: 1500, Galleries: 200, Photos: 2, Seed: 1})
	mem := publish.NewMemory()
	res, err := build.Build(context.Background(), build.Options{Source: fsys, Theme: warta.Theme, Sink: mem, Now: buildClock})
	if err != nil {
		t.Fatalf("build: %v\n%s", err, res.Diags.Format("en"))
	}
	index, js := searchFiles(t, mem.Files())
	r, err := search.Open(index)
	if err != nil {
		t.Fatal(err)
	}
	raw, gz, br := 0, 0, 0
	var words, frags int
	for name, data := range index {
		raw += len(data)
		gz += gzSize(t, data)
		br += brSize(data)
		switch name[0] {
		case 'w':
			words++
		case 'f':
			frags++
		}
	}
	t.Logf("%d pages; index: %d files (%d word shards, %d fragments), %.1f MB, %.1f MB gzip, %.1f MB brotli",
		res.Pages, len(index), words, frags, float64(raw)/1e6, float64(gz)/1e6, float64(br)/1e6)
	t.Logf("search.js: %d bytes, %d gzip, %d brotli; meta.js: %d gzip", len(js), gzSize(t, js), brSize(js), gzSize(t, index[search.MetaFile]))

	worst := 0
	for _, q := range []struct{ q, kind, level string }{
		{"kekerasan", "", ""}, {"perundungan di sekolah", "", ""}, {"sentuhan aman", "module", "paud"},
		{"anak", "", ""}, {"metro pusat", "news", ""}, {"keamanan daring", "", ""}, {"pelatihan guru", "", ""},
		{"pengasuhan positif", "news", ""}, {"galeri kunjungan", "gallery", ""}, {"emosi", "module", "sd"}, {"pendampingan konseling", "", ""},
		{"sekolah ramah anak metro timur", "", ""}, {"deteksi di", "", ""},
	} {
		found, err := r.Search(q.q, q.kind, q.level, 10)
		if err != nil {
			t.Fatal(err)
		}
		total, brTotal := gzSize(t, js), brSize(js)
		sort.Strings(found.Loaded)
		for _, name := range found.Loaded {
			total += gzSize(t, index[name])
			brTotal += brSize(index[name])
		}
		worst = max(worst, total)
		t.Logf("%-28q %6d found, %2d files, %5.1f KB gzip, %5.1f KB brotli", fmt.Sprintf("%s %s %s", q.q, q.kind, q.level), found.Total, len(found.Loaded), float64(total)/1024, float64(brTotal)/1024)
		if total > searchBudget {
			t.Errorf("%q loads %d bytes (gzip) with search.js: over the %d budget (%v)", q.q, total, searchBudget, found.Loaded)
		}
		if found.Total == 0 {
			t.Errorf("%q finds nothing", q.q)
		}
	}
	t.Logf("worst query: %.1f KB gzip", float64(worst)/1024)
	searchTimes(t, mem)
}

// searchTimes runs queries on the search page in headless Chromium, served
// from 127.0.0.1, and reports how long after the index parts loaded the
// results showed (search.js notes the time in data-ms). It reports and
// does not judge: a time limit in a test fails on a busy shared machine
// (it did, at load 25), so the 50 ms goal is checked on an idle machine
// and written in docs/BENCHMARKS.md. The query must still show results.
func searchTimes(t *testing.T, mem *publish.Memory) {
	bin, err := pdf.Find()
	if err != nil {
		t.Logf("no Chromium (%v): query times not measured", err)
		return
	}
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		name := strings.TrimPrefix(r.URL.Path, "/")
		if name == "" || strings.HasSuffix(name, "/") {
			name += "index.html"
		}
		data, ok := mem.Get(name)
		if !ok {
			http.NotFound(w, r)
			return
		}
		http.ServeContent(w, r, name, time.Time{}, bytes.NewReader(data))
	}))
	defer srv.Close()
	ctx, cancel := context.WithTimeout(context.Background(), 2*time.Minute)
	defer cancel()
	alloc, cancelAlloc := chromedp.NewExecAllocator(ctx, append(slices.Clone(chromedp.DefaultExecAllocatorOptions[:]),
		chromedp.ExecPath(bin), chromedp.NoSandbox, chromedp.Flag("host-resolver-rules", "MAP * ~NOTFOUND, EXCLUDE 127.0.0.1"))...)
	defer cancelAlloc()
	browser, cancelBrowser := chromedp.NewContext(alloc)
	defer cancelBrowser()
	// Each query runs three times and counts its fastest run: the machine
	// is shared, and a busy moment is not the script's doing.
	var worst float64
	for _, q := range []string{"kekerasan", "anak", "perundungan di sekolah", "sekolah ramah anak metro timur", "pelatihan guru&jenis=berita", "sentuhan aman&jenjang=paud"} {
		fastest := -1.0
		for range 3 {
			if err := chromedp.Do(browser,
				chromedp.Navigate(srv.URL+"/cari/?q="+strings.ReplaceAll(q, " ", "+")),
				chromedp.WaitVisible(chromedp.CSS(`#search-results li`)),
			); err != nil {
				t.Fatalf("%s: %v", q, err)
			}
			v, err := chromedp.Run(browser, chromedp.Evaluate[string](`document.getElementById('search-results').dataset.ms`))
			if err != nil {
				t.Fatal(err)
			}
			if ms, _ := strconv.ParseFloat(v, 64); fastest < 0 || ms < fastest {
				fastest = ms
			}
		}
		worst = max(worst, fastest)
		t.Logf("%-34q results in %5.1f ms after the index parts loaded", q, fastest)
	}
	t.Logf("slowest query: %.1f ms after loading (goal: 50 ms on an idle machine)", worst)
}

// TestSearchPage checks the search page (its lists work without
// JavaScript), the search form on other pages, and queries on the index
// a build writes.
func TestSearchPage(t *testing.T) {
	t.Parallel()
	s := builtFull(t)
	s.AssertFile(t, "cari/index.html",
		`action="/cari/"`, `name="q"`, `name="jenis"`, `name="jenjang"`, // the form
		`href="/berita/"`, `href="/modul/"`, `href="/galeri/"`, // by kind
		`href="/modul/paud/"`, `href="/modul/sd/"`, // by level
		`href="/kecamatan/metro-timur/"`, `href="/kecamatan/metro-pusat/"`, // by district
		`href="/modul/topik/emosi/"`, `href="/modul/topik/tubuh/"`, // by topic
		`/assets/js/search.`, `data-search-index`, "<noscript>",
		`! id="cari-situs"`) // not twice on one page
	s.AssertFile(t, "index.html", `<form class="sitesearch" action="/cari/"`, `id="cari-situs"`)
	s.AssertFile(t, "berita/peksos-tk-negeri-1/index.html", `<form class="sitesearch" action="/cari/"`)

	index, _ := searchFiles(t, s.Out.Files())
	r, err := search.Open(index)
	if err != nil {
		t.Fatal(err)
	}
	for _, c := range []struct{ q, kind, level, first string }{
		{"perundungan", "", "", "berita/sd-negeri-5/"},
		{"Sentuhan yang aman", "", "", "modul/paud/sentuhan-aman/"},
		{"sentuhan", "news", "", "berita/peksos-tk-negeri-1/"},
		{"emosi", "module", "sd", "modul/sd/mengenal-emosi/"},
		{"mengasuh", "", "", "berita/kelas-pengasuhan/"}, // "pengasuhan" in its title
		{"rahasia", "", "", ""},                          // only in a draft
	} {
		found, err := r.Search(c.q, c.kind, c.level, 10)
		if err != nil {
			t.Fatal(err)
		}
		got := ""
		if len(found.Hits) > 0 {
			got = found.Hits[0].URL
		}
		if got != c.first {
			t.Errorf("%q (%s %s): first hit %q, want %q", c.q, c.kind, c.level, got, c.first)
		}
	}
}

// TestSearchIndexFollowsEdits: after an edit, the index of an incremental
// build finds what a fresh build finds, and no longer finds text that was
// taken out, even when the page's whole body went.
func TestSearchIndexFollowsEdits(t *testing.T) {
	t.Parallel()
	fsys := sitetest.Files(`
-- site.yaml --
base_url: https://dinsos.example.org/
-- content/berita/2025-07-29-a.md --
---
title: Kunjungan pertama
date: 2025-07-29
---
Siswa belajar tentang perundungan.
-- content/berita/2025-08-01-b.md --
---
title: Kunjungan kedua
date: 2025-08-01
---
Guru berlatih mendengarkan.
`)
	mem := publish.NewMemory()
	sess := build.NewSession(build.Options{Source: fsys, Theme: warta.Theme, Sink: mem, Now: buildClock})
	if _, err := sess.Full(context.Background()); err != nil {
		t.Fatal(err)
	}
	find := func(files map[string][]byte, q string) []string {
		t.Helper()
		index, _ := searchFiles(t, files)
		r, err := search.Open(index)
		if err != nil {
			t.Fatal(err)
		}
		res, err := r.Search(q, "", "", 10)
		if err != nil {
			t.Fatal(err)
		}
		var out []string
		for _, h := range res.Hits {
			out = append(out, h.URL)
		}
		return out
	}
	current := func() map[string][]byte {
		// Only the files the last build stands for (the memory sink keeps
		// earlier index folders too).
		keep := sess.Outputs()
		files := map[string][]byte{}
		for name, data := range mem.Files() {
			if keep[name] {
				files[name] = data
			}
		}
		return files
	}
	if got := find(current(), "perundungan"); !slices.Equal(got, []string{"berita/a/"}) {
		t.Fatalf("before the edit: %v", got)
	}
	for _, body := range []string{"Siswa belajar bermain peran.", ""} {
		fsys["content/berita/2025-07-29-a.md"].Data = []byte("---\ntitle: Kunjungan pertama\ndate: 2025-07-29\n---\n" + body)
		if _, err := sess.Update(context.Background(), build.Change{Files: []string{"content/berita/2025-07-29-a.md"}}); err != nil {
			t.Fatal(err)
		}
		for _, gone := range []string{"perundungan", "peran"} {
			if got := find(current(), gone); len(got) != 0 && !strings.Contains(body, gone) {
				t.Errorf("body %q: %s still finds %v", body, gone, got)
			}
		}
		if got := find(current(), "kunjungan"); len(got) != 2 {
			t.Errorf("body %q: kunjungan finds %v", body, got)
		}
	}
	fresh := publish.NewMemory()
	if _, err := build.Build(context.Background(), build.Options{Source: fsys, Theme: warta.Theme, Sink: fresh, Now: buildClock}); err != nil {
		t.Fatal(err)
	}
	a, _ := searchFiles(t, current())
	b, _ := searchFiles(t, fresh.Files())
	for name, data := range b {
		if !bytes.Equal(a[name], data) {
			t.Errorf("%s differs from a fresh build's", name)
		}
	}
}
