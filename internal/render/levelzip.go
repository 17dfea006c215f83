package render

import (
	"bytes"
	"errors"
	"io"
	"slices"
	"strings"
	"sync"

	"github.com/dinsos-metro/warta/internal/bundle"
	"github.com/dinsos-metro/warta/internal/diag"
	"github.com/dinsos-metro/warta/internal/publish"
	"github.com/dinsos-metro/warta/internal/site"
)

// A level's zip holds every module of the level, offline, and the level's
// page. A one-shot build writes it while the modules are rendered: each
// module's job hands its offline copy over as it finishes, and the copy
// goes into the archive (on the sink, as a stream) as soon as every module
// before it is in, so that a build does not hold the offline copies of a
// whole level until the level's page is made (at 50,000 news and 7,500
// modules they were the largest part of the peak). The level's job adds
// what is missing (modules whose job did not run: nothing in them
// changed; serve, which keeps the copies for its next update), then the
// level's page, last.
//
// Modules go in by slug, so the archive's bytes do not depend on which
// worker finished first; a module that failed is left out.
type levelArchive struct {
	mu     sync.Mutex
	folder string                // "modul-<level>/"
	order  []*site.Page          // the level's modules, in the archive's order
	at     map[*site.Page]int    // index in order
	files  map[string]string     // site path → path in the zip, of the level's page and every module's files
	next   int                   // order[next] is the next module to go in
	ready  map[int]*moduleBundle // finished out of turn, waiting
	done   map[int]bool          // finished without a copy (failed)

	part  publish.Part   // the archive on the sink, or nil: written whole at the end
	buf   bytes.Buffer   // the archive, when the sink cannot take a stream
	count countingWriter // bytes written
	zip   *bundle.Stream
	err   error
}

type countingWriter struct {
	w io.Writer
	n int64
}

func (c *countingWriter) Write(p []byte) (int, error) {
	n, err := c.w.Write(p)
	c.n += int64(n)
	return n, err
}

// levelArchive returns the archive of a level, started on first use.
func (r *Renderer) levelArchive(code string) *levelArchive {
	r.mods.mu.Lock()
	defer r.mods.mu.Unlock()
	if a := r.mods.levels[code]; a != nil {
		return a
	}
	if r.mods.levels == nil {
		r.mods.levels = map[string]*levelArchive{}
	}
	a := r.newLevelArchive(code)
	r.mods.levels[code] = a
	return a
}

func (r *Renderer) newLevelArchive(code string) *levelArchive {
	sec := r.opt.Site.Sections["modul/"+code]
	a := &levelArchive{
		folder: "modul-" + code + "/",
		order:  slices.Clone(r.opt.Site.Modules[code]),
		at:     map[*site.Page]int{},
		ready:  map[int]*moduleBundle{},
		done:   map[int]bool{},
	}
	// "a/" and "a-b/": a slug's folder sorts as the names inside it do.
	slices.SortFunc(a.order, func(x, y *site.Page) int { return strings.Compare(x.Slug+"/", y.Slug+"/") })
	a.files = map[string]string{sec.URL: a.folder + "index.html"}
	for i, p := range a.order {
		a.at[p] = i
		dir := a.folder + p.Slug + "/"
		a.files[p.URL] = dir + "index.html"
		for _, name := range r.bundledNames(p) {
			a.files[p.URL+name] = dir + name
		}
	}
	name := strings.TrimPrefix(sec.URL, "/") + levelZip(code)
	part, err := publish.OpenStream(r.opt.Sink, name)
	switch {
	case err == nil:
		a.part = part
		a.count.w = part
	case errors.Is(err, errors.ErrUnsupported):
		a.count.w = &a.buf
	default:
		a.err = err
		a.count.w = &a.buf
	}
	a.zip = bundle.NewStream(&a.count)
	return a
}

// offerToLevel hands a module's offline copy (nil when it failed) to its
// level's archive: in a one-shot Run only (serve keeps the copies and the
// level's job takes them; a preview renders one page and no level).
func (r *Renderer) offerToLevel(p *site.Page, mb *moduleBundle) {
	if !r.mods.streaming || p.Module == nil {
		return
	}
	a := r.levelArchive(p.Module.Level)
	a.mu.Lock()
	defer a.mu.Unlock()
	i, ok := a.at[p]
	if !ok || i < a.next {
		return
	}
	if mb == nil {
		a.done[i] = true
	} else if i > a.next {
		mb.pack() // waits for the modules ahead of it
		a.ready[i] = mb
	} else {
		a.ready[i] = mb
	}
	for a.next < len(a.order) {
		mb, ok := a.ready[a.next]
		if !ok && !a.done[a.next] {
			break
		}
		delete(a.ready, a.next)
		delete(a.done, a.next)
		if mb != nil {
			r.addToLevel(a, a.order[a.next], mb)
			r.forgetBundle(a.order[a.next])
		}
		a.next++
	}
}

// addToLevel writes one module into the archive; a.mu is held.
func (r *Renderer) addToLevel(a *levelArchive, p *site.Page, mb *moduleBundle) {
	if a.err != nil {
		return
	}
	page, _, err := r.offlineModule(mb, p, a.folder+p.Slug+"/", false, a.files)
	if err != nil {
		a.err = err
		return
	}
	// Packed now: the page is compressed in memory, then written.
	entries := append([]bundle.File{bundle.Packed(bundle.File{Name: a.folder + p.Slug + "/index.html", Data: page})},
		bundle.Within(a.folder+p.Slug, mb.files)...)
	a.err = a.zip.Add(entries...)
}

// forgetBundle lets go of a module's offline copy once both its zips have
// it (one-shot builds).
func (r *Renderer) forgetBundle(p *site.Page) {
	r.mods.mu.Lock()
	delete(r.mods.bundles, p)
	r.mods.mu.Unlock()
}

// finishLevel adds the modules not in yet and the level's page, whose
// offline HTML (at site path sec.URL) is html, and closes the archive. It
// returns the archive's bytes when they are still to be written (the sink
// took no stream) and its size.
func (r *Renderer) finishLevel(code string, html []byte) (zip []byte, size int64, ds []diag.Diagnostic, err error) {
	a := r.levelArchive(code)
	sec := r.opt.Site.Sections["modul/"+code]
	a.mu.Lock()
	defer a.mu.Unlock()
	for ; a.next < len(a.order); a.next++ {
		p := a.order[a.next]
		mb := a.ready[a.next]
		if mb == nil && !a.done[a.next] {
			var bds []diag.Diagnostic
			mb, bds = r.moduleBundle(p, nil)
			ds = append(ds, bds...)
		}
		if mb != nil {
			r.addToLevel(a, p, mb)
			if !r.track.on {
				r.forgetBundle(p)
			}
		}
	}
	a.ready, a.done = nil, nil
	if a.err == nil {
		var res *bundle.Result
		if res, a.err = r.offline(a.files, false).Rewrite(html, sec.URL, a.folder+"index.html"); a.err == nil {
			a.err = a.zip.Add(bundle.File{Name: a.folder + "index.html", Data: res.HTML})
		}
	}
	if a.err == nil {
		a.err = a.zip.Close()
	}
	r.mods.mu.Lock()
	delete(r.mods.levels, code) // made anew by the next render's first use
	r.mods.mu.Unlock()
	if a.err != nil {
		if a.part != nil {
			a.part.Discard()
		}
		return nil, 0, ds, a.err
	}
	if a.part != nil {
		if err := a.part.Close(); err != nil {
			return nil, 0, ds, err
		}
		r.files.Add(1)
		return nil, a.count.n, ds, nil
	}
	return a.buf.Bytes(), a.count.n, ds, nil
}

// dropLevelArchives discards the archives a render started but whose
// level's job did not run (it was carried over), so that no part is left
// in the output.
func (r *Renderer) dropLevelArchives() {
	r.mods.mu.Lock()
	levels := r.mods.levels
	r.mods.levels = nil
	r.mods.mu.Unlock()
	for _, a := range levels {
		a.mu.Lock()
		if a.part != nil {
			a.part.Discard()
		}
		a.mu.Unlock()
	}
}

// bundledNames are the names, in a module's folder, of the files its
// offline copy holds: what moduleBundle publishes with it, and the PDF
// when modules are printed (a PDF that failed to print is still named:
// the build warned, and a link to it inside the zip is then dead).
func (r *Renderer) bundledNames(p *site.Page) []string {
	var names []string
	for _, res := range publishedResources(p) {
		names = append(names, res.Name)
	}
	if r.opt.PDF != nil {
		_, pdf := moduleFiles(p)
		names = append(names, pdf)
	}
	return names
}
