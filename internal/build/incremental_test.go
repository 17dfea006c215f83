package build_test

import (
	"bytes"
	"context"
	"fmt"
	"math/rand/v2"
	"regexp"
	"slices"
	"strings"
	"testing"
	"testing/fstest"
	"time"

	"github.com/dinsos-metro/warta"
	"github.com/dinsos-metro/warta/internal/build"
	"github.com/dinsos-metro/warta/internal/corpus"
	"github.com/dinsos-metro/warta/internal/publish"
)

var buildClock = time.Date(2026, 11, 28, 12, 0, 0, 0, time.UTC)

// editor mutates an in-memory site the way a writer would, and says what
// changed the way serve's watcher would.
type editor struct {
	fs    fstest.MapFS
	r     *rand.Rand
	step  int
	quick bool // half the edits change only a page's text, title or date
	// wantQuick is set by an edit that must take the quick path: a title,
	// or a date that keeps the report's place in every list.
	wantQuick bool
}

func (e *editor) files(prefix, suffix string) []string {
	var out []string
	for name := range e.fs {
		if strings.HasPrefix(name, prefix) && strings.HasSuffix(name, suffix) && !strings.HasSuffix(name, "_index.md") {
			out = append(out, name)
		}
	}
	slices.Sort(out)
	return out
}

func (e *editor) pick(prefix, suffix string) string {
	fs := e.files(prefix, suffix)
	return fs[e.r.IntN(len(fs))]
}

func (e *editor) write(name, data string) {
	e.step++
	e.fs[name] = &fstest.MapFile{Data: []byte(data), Mode: 0o644, ModTime: buildClock.Add(time.Duration(e.step) * time.Second)}
}

// setField rewrites (or adds) one front matter line.
func (e *editor) setField(name, key, value string) {
	src := string(e.fs[name].Data)
	// The field's line and any indented lines of a block list below it.
	re := regexp.MustCompile(`(?m)^` + key + `:.*\n(?:[ \t]+.*\n)*`)
	if re.MatchString(src) {
		src = re.ReplaceAllLiteralString(src, key+": "+value+"\n")
	} else {
		src = strings.Replace(src, "---\n", "---\n"+key+": "+value+"\n", 1)
	}
	e.write(name, src)
}

var (
	dateLine = regexp.MustCompile(`(?m)^date: *"?(\d{4}-\d{2}-\d{2})`)
	draftOn  = regexp.MustCompile(`(?m)^draft: *true`)
	schools  = regexp.MustCompile(`(?m)^schools:`)
)

func frontOf(src string) string {
	if end := strings.Index(src[min(4, len(src)):], "\n---\n"); end >= 0 {
		return src[:end+4]
	}
	return src
}

// quiet lists the published reports that name no school: a new title or
// date of theirs shows on no reach page, so it can be quick.
func (e *editor) quiet() []string {
	var out []string
	for _, f := range e.files("content/berita/", ".md") {
		if fm := frontOf(string(e.fs[f].Data)); !draftOn.MatchString(fm) && !schools.MatchString(fm) {
			out = append(out, f)
		}
	}
	return out
}

// days counts the published reports and galleries of each day, and gives
// the latest day.
func (e *editor) days() (map[string]int, string) {
	n, last := map[string]int{}, ""
	for _, f := range append(e.files("content/berita/", ".md"), e.files("content/galeri/", "index.md")...) {
		fm := frontOf(string(e.fs[f].Data))
		if m := dateLine.FindStringSubmatch(fm); m != nil && !draftOn.MatchString(fm) {
			n[m[1]]++
			last = max(last, m[1])
		}
	}
	return n, last
}

// fieldsEdit changes a report's title or date, or a plain page's title.
// A title never moves a report; a new hour on a day that no other report
// or gallery has, short of the latest day, moves it nowhere either: both
// must be quick (quick.go). Another day moves it, mostly; a plain page's
// title may move it among plain pages: either path is right then.
func (e *editor) fieldsEdit() (build.Change, string) {
	reports := e.quiet()
	if len(reports) == 0 {
		return e.bodyEdit()
	}
	f := reports[e.r.IntN(len(reports))]
	switch e.r.IntN(4) {
	case 0:
		e.setField(f, "title", fmt.Sprintf("%q", fmt.Sprintf("Judul disunting %d", e.step)))
		e.wantQuick = true
		return build.Change{Files: []string{f}}, "title in place " + f
	case 1, 2:
		day := dateLine.FindStringSubmatch(frontOf(string(e.fs[f].Data)))[1]
		n, last := e.days()
		e.setField(f, "date", fmt.Sprintf("%sT%02d:%02d:00", day, 1+e.r.IntN(22), e.r.IntN(60)))
		e.wantQuick = n[day] == 1 && day < last
		return build.Change{Files: []string{f}}, "hour " + f
	default:
		if e.step%2 == 0 {
			f = "content/tentang.md"
			e.setField(f, "title", fmt.Sprintf("%q", fmt.Sprintf("Tentang %d", e.step)))
			return build.Change{Files: []string{f}}, "page title " + f
		}
		e.setField(f, "date", fmt.Sprintf("2025-%02d-%02d", 1+e.r.IntN(12), 1+e.r.IntN(28)))
		return build.Change{Files: []string{f}}, "date moved " + f
	}
}

// bodyEdit changes a page's text and nothing above it: the quick path
// of serve (quick.go).
func (e *editor) bodyEdit() (build.Change, string) {
	var f string
	src := ""
	switch k := e.r.IntN(6); k {
	case 0: // the first paragraph: the summary every list shows
		f = e.pick("content/berita/", ".md")
		src = string(e.fs[f].Data)
		end := strings.Index(src[4:], "\n---\n") + 9
		src = src[:end] + fmt.Sprintf("Pembuka baru %d untuk ringkasan.\n\n", e.step) + src[end:]
	case 1:
		f = e.pick("content/modul/", "index.md")
		src = string(e.fs[f].Data) + fmt.Sprintf("\nLangkah tambahan %d.\n", e.step)
	case 2:
		f = e.pick("content/galeri/", "index.md")
		src = string(e.fs[f].Data) + fmt.Sprintf("\nCatatan kunjungan %d.\n", e.step)
	case 3:
		f = "content/tentang.md"
		src = string(e.fs[f].Data) + fmt.Sprintf("\nAlamat kantor %d.\n", e.step)
	case 4: // a word found by search, nothing else
		f = e.pick("content/berita/", ".md")
		src = string(e.fs[f].Data) + fmt.Sprintf("\nKatakunci%d.\n", e.step)
	default: // text taken out again
		f = e.pick("content/berita/", ".md")
		src = string(e.fs[f].Data)
		if i := strings.LastIndex(src, "\n\n"); i > 0 {
			src = src[:i+1]
		}
	}
	e.write(f, src)
	return build.Change{Files: []string{f}}, "text " + f
}

func (e *editor) edit() (build.Change, string) {
	e.wantQuick = false
	if e.quick && e.r.IntN(2) == 0 {
		if e.r.IntN(3) == 0 {
			return e.fieldsEdit()
		}
		return e.bodyEdit()
	}
	switch k := e.r.IntN(16); k {
	case 0: // body text
		f := e.pick("content/berita/", ".md")
		e.write(f, string(e.fs[f].Data)+fmt.Sprintf("\nParagraf tambahan %d.\n", e.step))
		return build.Change{Files: []string{f}}, "body " + f
	case 1: // title
		f := e.pick("content/berita/", ".md")
		e.setField(f, "title", fmt.Sprintf("%q", fmt.Sprintf("Judul baru %d", e.step)))
		return build.Change{Files: []string{f}}, "title " + f
	case 2: // date: the report moves in every list
		f := e.pick("content/berita/", ".md")
		e.setField(f, "date", fmt.Sprintf("2026-%02d-%02d", 1+e.r.IntN(10), 1+e.r.IntN(28)))
		return build.Change{Files: []string{f}}, "date " + f
	case 3:
		f := e.pick("content/berita/", ".md")
		e.setField(f, "district", []string{"Metro Pusat", "Metro Barat", "Kecamatan Baru"}[e.r.IntN(3)])
		return build.Change{Files: []string{f}}, "district " + f
	case 4:
		f := e.pick("content/berita/", ".md")
		e.setField(f, "tags", fmt.Sprintf("[label-%d, perlindungan anak]", e.r.IntN(4)))
		return build.Change{Files: []string{f}}, "tags " + f
	case 5: // a report removed
		f := e.pick("content/berita/", ".md")
		if strings.HasSuffix(f, "/index.md") {
			for name := range e.fs {
				if strings.HasPrefix(name, strings.TrimSuffix(f, "index.md")) {
					delete(e.fs, name)
				}
			}
		} else {
			delete(e.fs, f)
		}
		return build.Change{Rescan: true}, "delete " + f
	case 6: // a report added
		f := fmt.Sprintf("content/berita/2026-%02d-%02d-baru-%d.md", 1+e.r.IntN(10), 1+e.r.IntN(28), e.step)
		e.write(f, fmt.Sprintf("---\ntitle: \"Berita baru %d\"\ndate: 2026-03-03\ndistrict: Metro Timur\ntags: [baru]\n---\nIsi berita baru.\n", e.step))
		return build.Change{Rescan: true}, "add " + f
	case 7: // a module
		f := e.pick("content/modul/", "index.md")
		e.setField(f, "title", fmt.Sprintf("%q", fmt.Sprintf("Modul diubah %d", e.step)))
		return build.Change{Files: []string{f}}, "module " + f
	case 8: // a section's own text
		f := "content/berita/_index.md"
		e.write(f, fmt.Sprintf("---\ntitle: Kabar %d\n---\nPengantar bagian berita %d.\n", e.step, e.step))
		return build.Change{Files: []string{f}}, "section"
	case 9: // a gallery, shown in the reports that name it
		f := e.pick("content/galeri/", "index.md")
		e.setField(f, "title", fmt.Sprintf("%q", fmt.Sprintf("Galeri diubah %d", e.step)))
		return build.Change{Files: []string{f}}, "gallery " + f
	case 10: // a report becomes a draft
		f := e.pick("content/berita/", ".md")
		e.setField(f, "draft", "true")
		return build.Change{Files: []string{f}}, "draft " + f
	case 11: // the settings
		src := string(e.fs["site.yaml"].Data)
		src = regexp.MustCompile(`(?m)^title:.*$`).ReplaceAllString(src, fmt.Sprintf("title: Dinas %d", e.step))
		e.write("site.yaml", src)
		return build.Change{Config: true}, "site.yaml"
	case 12: // a template of the site's own, over the built-in one
		tmpl, _ := warta.Theme.ReadFile("layouts/page.html")
		e.write("layouts/page.html", strings.Replace(string(tmpl), "<h1>", fmt.Sprintf("<h1 data-v=\"%d\">", e.step), 1))
		return build.Change{Layouts: true}, "layout"
	case 13: // the schools a report visited, and its participants (program reach)
		f := e.pick("content/berita/", ".md")
		keys := []string{"tk-negeri-1-metro-pusat", "sd-negeri-3-metro-timur", "smp-negeri-12-metro-utara", "mi-maarif-2-metro-barat", "sekolah-tidak-ada"}
		picked := []string{keys[e.r.IntN(len(keys)-1)]}
		if e.r.IntN(3) == 0 {
			picked = append(picked, keys[e.r.IntN(len(keys))])
		}
		e.setField(f, "schools", "["+strings.Join(slices.Compact(picked), ", ")+"]")
		if e.r.IntN(2) == 0 {
			e.setField(f, "participants", fmt.Sprintf("{children: %d, teachers: %d}", 10+e.r.IntN(50), 1+e.r.IntN(4)))
		}
		return build.Change{Files: []string{f}}, "schools " + f
	case 14: // the schools' data file: a school renamed
		re := regexp.MustCompile(`(?m)^  name: TK Negeri 1 Metro Pusat.*$`)
		e.write("data/sekolah.yaml", re.ReplaceAllString(string(e.fs["data/sekolah.yaml"].Data), fmt.Sprintf("  name: TK Negeri 1 Metro Pusat %d", e.step)))
		return build.Change{Config: true}, "data/sekolah.yaml"
	default: // a mistake, then its fix
		f := e.pick("content/berita/", ".md")
		e.setField(f, "summary", fmt.Sprintf("%q", fmt.Sprintf("Ringkasan %d", e.step)))
		return build.Change{Files: []string{f}}, "summary " + f
	}
}

func fullBuild(t *testing.T, fsys fstest.MapFS) (map[string][]byte, error) {
	t.Helper()
	mem := publish.NewMemory()
	_, err := build.Build(context.Background(), build.Options{Source: fsys, Theme: warta.Theme, Sink: mem, Now: buildClock})
	return mem.Files(), err
}

// TestIncrementalMatchesFullBuild is the contract of incremental builds:
// after any edit, what a Session holds is byte for byte what a fresh build
// of the same files writes. With tracking (serve's Session), half the
// edits change only a page's text and take the quick path; after every
// update, the full path must then find nothing left to render, or the
// quick path missed something a page shows.
func TestIncrementalMatchesFullBuild(t *testing.T) {
	t.Run("full-path", func(t *testing.T) { testIncremental(t, false) })
	t.Run("tracking", func(t *testing.T) { testIncremental(t, true) })
}

func testIncremental(t *testing.T, track bool) {
	fsys := corpus.FS(corpus.Options{News: 40, Modules: 9, Galleries: 3, Photos: 2, Seed: 11, Schools: true})
	// Half the reports take their summary from their first paragraph, so
	// that a text edit can change what the lists show; a third name no
	// school, so that a new title or date of theirs can be quick.
	summary := regexp.MustCompile(`(?m)^summary:.*\n`)
	visit := regexp.MustCompile(`(?m)^(?:schools|participants):.*\n(?:[ \t]+.*\n)*`)
	for i, name := range (&editor{fs: fsys}).files("content/berita/", ".md") {
		if i%2 == 0 {
			fsys[name].Data = summary.ReplaceAll(fsys[name].Data, nil)
		}
		if i%3 == 1 {
			fsys[name].Data = visit.ReplaceAll(fsys[name].Data, nil)
		}
	}
	mem := publish.NewMemory()
	rec := &publish.Recorder{Next: mem}
	sess := build.NewSession(build.Options{Source: fsys, Theme: warta.Theme, Sink: rec, Now: buildClock, Track: track})
	if _, err := sess.Full(context.Background()); err != nil {
		t.Fatal(err)
	}
	rec.Take()
	ed := &editor{fs: fsys, r: rand.New(rand.NewPCG(3, 5)), quick: track}
	skippedSome, compared, quick, fieldsQuick := false, 0, 0, 0
	lastOK := true // the last update succeeded: the quick path is open
	for i := 0; i < 45; i++ {
		ch, what := ed.edit()
		res, err := sess.Update(context.Background(), ch)
		written := rec.Take()
		want, wantErr := fullBuild(t, fsys)
		if (err != nil) != (wantErr != nil) {
			t.Fatalf("step %d (%s): incremental error %v, full build error %v", i, what, err, wantErr)
		}
		if err != nil {
			t.Logf("step %d (%s): both builds fail: %v", i, what, err)
			lastOK = false
			continue
		}
		t.Logf("step %d (%s): %d rendered, %d skipped, quick %v", i, what, res.Pages, res.Skipped, res.Quick)
		if ed.wantQuick && lastOK {
			if !res.Quick {
				t.Fatalf("step %d (%s): the edit moved nothing, but took the full path", i, what)
			}
			fieldsQuick++
		}
		lastOK = true
		compared++
		if res.Skipped > 0 {
			skippedSome = true
		}
		prune(mem, sess, res, written)
		if res.Quick {
			quick++
		}
		if track {
			// Nothing changed since: the full path must agree that every
			// output is up to date.
			again, err := sess.Update(context.Background(), build.Change{Rescan: true})
			if err != nil {
				t.Fatalf("step %d (%s): rebuild without changes failed: %v", i, what, err)
			}
			if again.Quick || again.Pages > 0 || again.Files > 0 {
				t.Fatalf("step %d (%s): a rebuild without changes wrote %d files (%d pages): the update left them stale",
					i, what, again.Files, again.Pages)
			}
			prune(mem, sess, again, rec.Take())
		}
		got := mem.Files()
		for name, data := range want {
			g, ok := got[name]
			switch {
			case !ok:
				t.Fatalf("step %d (%s): %s missing after the incremental build", i, what, name)
			case !bytes.Equal(g, data):
				t.Fatalf("step %d (%s): %s differs from a full build:\n%s", i, what, name, firstDiff(string(data), string(g)))
			}
		}
		for name := range got {
			if _, ok := want[name]; !ok {
				t.Fatalf("step %d (%s): %s left over: a full build does not write it", i, what, name)
			}
		}
	}
	if compared < 40 {
		t.Errorf("only %d of 45 edits built: the edits are broken, so the test compares too little", compared)
	}
	if !skippedSome {
		t.Error("no update skipped any output: incremental rendering is not working")
	}
	if track && quick < 10 {
		t.Errorf("only %d updates took the quick path", quick)
	}
	if track && fieldsQuick < 3 {
		t.Errorf("only %d title or date edits took the quick path", fieldsQuick)
	}
}

// prune drops what no output stands for any more, as serve does.
func prune(mem *publish.Memory, sess *build.Session, res *build.Result, written map[string]bool) {
	if res.Quick {
		for _, name := range res.Dropped {
			if !written[name] {
				mem.Remove(name)
			}
		}
		return
	}
	keep := sess.Outputs()
	for _, name := range mem.Names() {
		if !keep[name] && !written[name] {
			mem.Remove(name)
		}
	}
}

// TestBrokenThenFixed checks that an error leaves the served files as they
// were and that the fix brings the site back.
func TestBrokenThenFixed(t *testing.T) {
	fsys := corpus.FS(corpus.Options{News: 5, Modules: 3, Seed: 2})
	mem := publish.NewMemory()
	sess := build.NewSession(build.Options{Source: fsys, Theme: warta.Theme, Sink: mem, Now: buildClock})
	if _, err := sess.Full(context.Background()); err != nil {
		t.Fatal(err)
	}
	before := mem.Files()
	ed := &editor{fs: fsys, r: rand.New(rand.NewPCG(1, 1))}
	f := ed.pick("content/berita/", ".md")
	good := string(fsys[f].Data)
	ed.setField(f, "date", "29-07-2025")
	res, err := sess.Update(context.Background(), build.Change{Files: []string{f}})
	if err == nil || !strings.Contains(res.Diags.Format("en"), f+":") {
		t.Fatalf("want an error naming %s, got %v", f, err)
	}
	if after := mem.Files(); len(after) != len(before) {
		t.Fatalf("a failed update changed the output: %d files before, %d after", len(before), len(after))
	}
	ed.write(f, good)
	if _, err := sess.Update(context.Background(), build.Change{Files: []string{f}}); err != nil {
		t.Fatalf("the fix did not clear the error: %v", err)
	}
}

func firstDiff(want, got string) string {
	i := 0
	for i < len(want) && i < len(got) && want[i] == got[i] {
		i++
	}
	from := max(0, i-120)
	return fmt.Sprintf("full build:  …%s…\nincremental: …%s…", want[from:min(len(want), i+120)], got[from:min(len(got), i+120)])
}
