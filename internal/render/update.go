package render

import (
	"context"
	"maps"
	"slices"
	"sync"

	"github.com/dinsos-metro/warta/internal/diag"
	"github.com/dinsos-metro/warta/internal/imageproc"
	"github.com/dinsos-metro/warta/internal/site"
)

// Update is the quick path of `warta serve`. When a writer saves a page
// and its front matter did not change, the site keeps its shape: the same
// pages at the same URLs in the same lists. Only what shows the page's
// body can change: the page itself, the lists that show its summary, the
// bundles that hold it, and the search index. A Renderer made with
// Options.Track remembers, for each job of its Run, the pages whose body it
// shows (h.dep in inputs.go); Update re-renders exactly those jobs, through
// the same cached wrappers as Run, and leaves every other job as it was,
// without even fingerprinting it. The incremental test checks that a full
// render afterwards finds nothing left to do.
//
// An edit of a page's title, date or summary in front matter can be quick
// too, when the caller has checked that it moved nothing (internal/build,
// quick.go): the page is in the same lists at the same places, at the same
// URL. Besides the jobs that show its body, those that show its title or
// date without the body (the neighbours' links, the sitemap; h.shows) are
// rendered again.

// tracker is what a tracking Renderer keeps for Update.
type tracker struct {
	on        bool // Options.Track
	recording bool // collecting dependencies (during Run)

	mu      sync.Mutex
	wave    int                   // the wave whose jobs are being made
	jobs    map[string]trackedJob // every cached job, by id
	deps    map[string][]string   // job id → files of the pages whose body it shows
	shown   map[string][]string   // job id → files of the pages whose title or date it shows
	shownBy map[string][]string   // file → ids of the jobs that show its body
	namedBy map[string][]string   // file → ids of the jobs that show its title or date only
	dropped []string              // outputs no job writes any more

	sitemap sitemapMemo // feeds.go
}

type trackedJob struct {
	run  job
	wave int
}

func (t *tracker) setWave(w int) {
	t.mu.Lock()
	t.wave = w
	t.mu.Unlock()
}

// register remembers a job of the render, for Update.
func (t *tracker) register(id string, j job) {
	if !t.on {
		return
	}
	t.mu.Lock()
	if t.jobs == nil {
		t.jobs = map[string]trackedJob{}
	}
	t.jobs[id] = trackedJob{j, t.wave}
	t.mu.Unlock()
}

// depend records the pages a job shows: body (with their fields) and
// fields only.
func (t *tracker) depend(id string, body, fields []string) {
	t.mu.Lock()
	if t.deps == nil {
		t.deps, t.shown = map[string][]string{}, map[string][]string{}
	}
	t.deps[id] = slices.Compact(slices.Sorted(slices.Values(body)))
	if len(fields) > 0 {
		t.shown[id] = slices.Compact(slices.Sorted(slices.Values(fields)))
	} else {
		delete(t.shown, id)
	}
	t.shownBy, t.namedBy = nil, nil
	t.mu.Unlock()
}

// drop records the outputs a job wrote before and does not write now.
func (t *tracker) drop(before, now []string) {
	kept := make(map[string]bool, len(now))
	for _, o := range now {
		kept[o] = true
	}
	var gone []string
	for _, o := range before {
		if !kept[o] {
			gone = append(gone, o)
		}
	}
	if len(gone) == 0 {
		return
	}
	t.mu.Lock()
	t.dropped = append(t.dropped, gone...)
	t.mu.Unlock()
}

// index inverts deps and shown: for each page, the jobs that show its
// body, and those that show only its title or date.
func (t *tracker) index() (body, fields map[string][]string) {
	t.mu.Lock()
	defer t.mu.Unlock()
	invert := func(m map[string][]string) map[string][]string {
		by := map[string][]string{}
		for _, id := range slices.Sorted(maps.Keys(m)) {
			for _, f := range m[id] {
				by[f] = append(by[f], id)
			}
		}
		return by
	}
	if t.shownBy == nil {
		t.shownBy, t.namedBy = invert(t.deps), invert(t.shown)
	}
	return t.shownBy, t.namedBy
}

// Dropped lists the outputs that the last Update's jobs wrote before and
// no longer write (the search index's previous folder, a picture no
// longer shown): the server stops serving them.
func (r *Renderer) Dropped() []string {
	r.track.mu.Lock()
	defer r.track.mu.Unlock()
	return slices.Clone(r.track.dropped)
}

// Update renders again what shows the bodies of changed: single pages of
// the last Run whose files were read again with the same front matter
// (their site.Page now holds the new content.Page). With fields, their
// title, date or summary changed too, without moving them anywhere (the
// caller checked), and what shows those is rendered again as well. The
// Renderer must have been made with Options.Track, and its last Run or
// Update must have succeeded; otherwise make a new Renderer and Run it.
func (r *Renderer) Update(ctx context.Context, changed []*site.Page, fields bool) (Stats, []diag.Diagnostic) {
	t := &r.track
	shownBy, namedBy := t.index()
	r.pages.Store(0)
	r.files.Store(0)
	r.skipped.Store(0)
	r.diags.Reset()
	r.opt.Prev = r.state // skipped jobs keep their entries as they are
	t.mu.Lock()
	t.dropped = nil
	t.mu.Unlock()
	r.imgs.mu.Lock()
	r.imgs.ops = map[string]imageproc.Op{} // the images stage makes only what this update shows
	r.imgs.mu.Unlock()
	r.items.reset() // list entries show titles and summaries (lists.go)

	r.mods.mu.Lock()
	for _, p := range changed {
		delete(r.mods.bundles, p) // a module's offline copy holds its text
	}
	r.mods.mu.Unlock()

	waves := make([][]job, 4)
	queued := map[string]bool{}
	for _, p := range changed {
		id := OutputPath(p.URL)
		queued[id] = true
		r.search.changed(id)
		waves[1] = append(waves[1], r.leafJob(p))
	}
	for _, p := range changed {
		ids := shownBy[p.File]
		if fields {
			ids = append(slices.Clone(ids), namedBy[p.File]...)
		}
		for _, id := range ids {
			if queued[id] {
				continue
			}
			queued[id] = true
			tj := t.jobs[id]
			waves[tj.wave] = append(waves[tj.wave], tj.run)
		}
	}
	// Every page's text is in the search index, and the search page names
	// the index's folder.
	waves[2] = append(waves[2], r.searchIndexJob())
	waves[3] = append(waves[3], r.searchPageJob())
	ran := 0
	for _, w := range waves[1:] {
		r.parallel(ctx, w)
		ran += len(w)
	}
	if err := ctx.Err(); err != nil {
		r.diags.Add(diag.New("", 0, diag.OutputFailed, err))
	}
	t.mu.Lock()
	untouched := len(t.jobs) - ran
	t.mu.Unlock()
	r.skipped.Add(int64(max(untouched, 0)))
	return Stats{Pages: int(r.pages.Load()), Files: int(r.files.Load()), Skipped: int(r.skipped.Load())}, r.diags.Items()
}
