package build_test

import (
	"bytes"
	"context"
	"fmt"
	"math/rand/v2"
	"regexp"
	"testing"

	"github.com/dinsos-metro/warta"
	"github.com/dinsos-metro/warta/internal/build"
	"github.com/dinsos-metro/warta/internal/corpus"
	"github.com/dinsos-metro/warta/internal/publish"
)

// TestIncrementalSchools is TestIncrementalMatchesFullBuild for program
// reach: every edit changes the schools a report names, its participant
// totals, its district, or the schools' data file, and after each the
// Session's output must be byte for byte a fresh build's (the reach page,
// the school and kecamatan pages, the data files). The random test covers
// these edits too, among all others; here they are every step.
func TestIncrementalSchools(t *testing.T) {
	fsys := corpus.FS(corpus.Options{News: 16, Modules: 3, Galleries: 2, Photos: 1, Seed: 5, Schools: true})
	mem := publish.NewMemory()
	rec := &publish.Recorder{Next: mem}
	sess := build.NewSession(build.Options{Source: fsys, Theme: warta.Theme, Sink: rec, Now: buildClock, Track: true})
	if _, err := sess.Full(context.Background()); err != nil {
		t.Fatal(err)
	}
	rec.Take()
	ed := &editor{fs: fsys, r: rand.New(rand.NewPCG(7, 9))}
	keys := []string{"tk-negeri-1-metro-pusat", "sd-negeri-3-metro-timur", "smp-negeri-12-metro-utara", "mi-maarif-2-metro-barat"}
	renamed := regexp.MustCompile(`(?m)^  name: SD Negeri 3 Metro Timur.*$`)
	compared := 0
	for i := range 14 {
		var ch build.Change
		var what string
		f := ed.pick("content/berita/", ".md")
		switch i % 5 {
		case 0, 1:
			ed.setField(f, "schools", fmt.Sprintf("[%s]", keys[ed.r.IntN(len(keys))]))
			ch, what = build.Change{Files: []string{f}}, "schools "+f
		case 2:
			ed.setField(f, "participants", fmt.Sprintf("{children: %d, parents: %d}", 5+ed.r.IntN(40), ed.r.IntN(9)))
			ch, what = build.Change{Files: []string{f}}, "participants "+f
		case 3:
			ed.setField(f, "schools", "[sekolah-tidak-ada]") // an error, then the next step fixes it
			ch, what = build.Change{Files: []string{f}}, "unknown school "+f
		default:
			ed.write("data/sekolah.yaml", renamed.ReplaceAllString(string(fsys["data/sekolah.yaml"].Data), fmt.Sprintf("  name: SD Negeri 3 Metro Timur %d", i)))
			ch, what = build.Change{Config: true}, "data/sekolah.yaml"
		}
		res, err := sess.Update(context.Background(), ch)
		written := rec.Take()
		want, wantErr := fullBuild(t, fsys)
		if (err != nil) != (wantErr != nil) {
			t.Fatalf("step %d (%s): incremental error %v, full build error %v", i, what, err, wantErr)
		}
		if err != nil {
			ed.setField(f, "schools", "["+keys[0]+"]")
			if _, err := sess.Update(context.Background(), build.Change{Files: []string{f}}); err != nil {
				t.Fatalf("step %d: the fix did not clear the error: %v", i, err)
			}
			written = rec.Take()
			want, _ = fullBuild(t, fsys)
			res = nil
		}
		if res != nil {
			prune(mem, sess, res, written)
		} else {
			prune(mem, sess, &build.Result{}, written)
		}
		got := mem.Files()
		if _, ok := want["jangkauan/index.html"]; !ok {
			t.Fatalf("step %d (%s): the full build has no reach page", i, what)
		}
		for name, data := range want {
			if !bytes.Equal(got[name], data) {
				t.Fatalf("step %d (%s): %s differs from a full build:\n%s", i, what, name, firstDiff(string(data), string(got[name])))
			}
		}
		for name := range got {
			if _, ok := want[name]; !ok {
				t.Fatalf("step %d (%s): %s left over", i, what, name)
			}
		}
		compared++
	}
	if compared != 14 {
		t.Errorf("compared %d steps", compared)
	}
}
