package build

import (
	"bytes"
	"context"
	"errors"
	"io"
	"io/fs"
	"maps"
	"path/filepath"
	"slices"
	"time"

	"github.com/dinsos-metro/warta/internal/content"
	"github.com/dinsos-metro/warta/internal/diag"
	"github.com/dinsos-metro/warta/internal/imageproc"
	"github.com/dinsos-metro/warta/internal/markdown"
	"github.com/dinsos-metro/warta/internal/publish"
	"github.com/dinsos-metro/warta/internal/render"
	"github.com/dinsos-metro/warta/internal/site"
)

// Preview renders one page as it would be published, with data in place
// of the bytes of file (which need not exist yet), for the newsroom's
// live preview. It reuses what the Session loaded: only file is read
// again (from data), the site is assembled with it, and a Renderer of its
// own renders that one page and the pictures it shows into sink (the
// page at render.OutputPath of its URL). The Session and its outputs are
// left as they were. Diagnostics are those of file only.
//
// A Session is not safe for concurrent use: the caller runs Preview
// between builds (serve holds its rebuild lock).
func (s *Session) Preview(ctx context.Context, file string, data []byte, sink publish.Sink) (page []byte, ds []diag.Diagnostic, err error) {
	if s.cfg == nil || s.thm == nil || s.pages == nil {
		return nil, nil, errors.New("the site has not been built yet")
	}
	fsys := &overlayFS{base: s.opt.Source, file: file, data: data, mod: time.Now()}
	opt := s.loadOptions()
	opt.Drafts = true // a draft is what staff preview most
	mine := func(list []diag.Diagnostic) {
		for _, d := range list {
			if d.File == file || (d.File != "" && filepath.ToSlash(filepath.Dir(d.File)) == filepath.ToSlash(filepath.Dir(file)) && filepath.Base(file) == "index.md") {
				ds = append(ds, d)
			}
		}
	}
	st, sp := s.previewSite(ctx, fsys, file, opt, mine)
	if sp == nil {
		return nil, ds, errors.New(file + ": not a page of the site")
	}
	mem := publish.NewMemory()
	var images *imageproc.Processor
	if s.images != nil {
		images = imageproc.New(imageproc.Options{FS: fsys, CacheDir: s.images.CacheDir(), Workers: s.opt.Workers})
	}
	r := render.New(render.Options{
		Site: st, Theme: s.thm, Markdown: markdown.New(markdown.Options{UnsafeHTML: s.cfg.Markup.UnsafeHTML}),
		Assets: s.set, Source: fsys, Sink: mem, Workers: s.opt.Workers, Generation: s.gen, Images: images,
	})
	mine(r.Leaf(sp))
	_, ids := r.Images(ctx)
	mine(ids)
	out := render.OutputPath(sp.URL)
	page, ok := mem.Get(out)
	for _, name := range mem.Names() {
		if name != out && sink != nil {
			b, _ := mem.Get(name)
			_ = sink.Write(name, b)
		}
	}
	if !ok {
		return nil, ds, errors.New(file + ": the page was not rendered")
	}
	return page, ds, nil
}

// overlayFS is the site folder with one file's bytes replaced (or added).
type overlayFS struct {
	base fs.FS
	file string
	data []byte
	mod  time.Time
}

func (o *overlayFS) Open(name string) (fs.File, error) {
	if name == o.file {
		return &memFile{Reader: bytes.NewReader(o.data), info: o.info()}, nil
	}
	return o.base.Open(name)
}

func (o *overlayFS) Stat(name string) (fs.FileInfo, error) {
	if name == o.file {
		return o.info(), nil
	}
	return fs.Stat(o.base, name)
}

func (o *overlayFS) ReadDir(name string) ([]fs.DirEntry, error) {
	entries, err := fs.ReadDir(o.base, name)
	dir := filepath.ToSlash(filepath.Dir(o.file))
	if name != dir {
		return entries, err
	}
	if err != nil && !errors.Is(err, fs.ErrNotExist) {
		return nil, err
	}
	base := filepath.Base(o.file)
	for i, e := range entries {
		if e.Name() == base {
			entries[i] = fs.FileInfoToDirEntry(o.info())
			return entries, nil
		}
	}
	entries = append(entries, fs.FileInfoToDirEntry(o.info()))
	sortEntries(entries)
	return entries, nil
}

func (o *overlayFS) ReadFile(name string) ([]byte, error) {
	if name == o.file {
		return bytes.Clone(o.data), nil
	}
	return fs.ReadFile(o.base, name)
}

func (o *overlayFS) info() fs.FileInfo {
	return fileInfo{name: filepath.Base(o.file), size: int64(len(o.data)), mod: o.mod}
}

type memFile struct {
	*bytes.Reader
	info fs.FileInfo
}

func (f *memFile) Stat() (fs.FileInfo, error) { return f.info, nil }
func (f *memFile) Close() error               { return nil }

var _ io.ReaderAt = (*memFile)(nil)

type fileInfo struct {
	name string
	size int64
	mod  time.Time
}

func (i fileInfo) Name() string       { return i.name }
func (i fileInfo) Size() int64        { return i.size }
func (i fileInfo) Mode() fs.FileMode  { return 0o644 }
func (i fileInfo) ModTime() time.Time { return i.mod }
func (i fileInfo) IsDir() bool        { return false }
func (i fileInfo) Sys() any           { return nil }

func sortEntries(es []fs.DirEntry) {
	for i := 1; i < len(es); i++ {
		for j := i; j > 0 && es[j].Name() < es[j-1].Name(); j-- {
			es[j], es[j-1] = es[j-1], es[j]
		}
	}
}

// previewCache is the site a preview assembled, kept while the staff
// type in the text: the next preview of the same file with the same front
// matter takes the new page into it instead of assembling the site again
// (at 10,000 reports, assembling costs most of a preview).
type previewCache struct {
	file  string
	front uint64
	quick *quickState // the serve run it was made after
	site  *site.Site
}

// previewSite reads the unsaved page and gives a site that holds it, and
// its place there (a copy of the site.Page, so the site shared with the
// last run is left as it was).
func (s *Session) previewSite(ctx context.Context, fsys fs.FS, file string, opt content.Options, mine func([]diag.Diagnostic)) (*site.Site, *site.Page) {
	old := s.pages[file]
	var p *content.Page
	if old != nil {
		var lds []diag.Diagnostic
		p, lds = content.Reload(fsys, old, opt)
		mine(lds)
		if p == nil {
			return nil, nil
		}
		var base *site.Site
		switch c := s.preview; {
		case s.quick != nil && p.FrontSum == old.FrontSum && s.quick.site.ByFile[file] != nil:
			base = s.quick.site // only the text changed: the last run's site fits
		case s.quick != nil && s.quick.site.ByFile[file] != nil && s.movesNothing(old, p):
			// A title, date, summary or description that moves the page in
			// no list (the quick path's own test): the last run's site fits
			// too, and a retitled report previews as fast as typed text.
			base = s.quick.site
		case c != nil && c.file == file && c.front == p.FrontSum && c.quick == s.quick && c.quick != nil:
			base = c.site
		}
		if base != nil {
			cp := *base.ByFile[file]
			cp.Page = p
			return base, &cp
		}
	}
	var pages []*content.Page
	if old != nil {
		for _, f := range slices.Sorted(maps.Keys(s.pages)) {
			if f == file {
				pages = append(pages, p)
			} else {
				pages = append(pages, s.pages[f])
			}
		}
	} else {
		var lds []diag.Diagnostic
		pages, lds = content.Rescan(ctx, fsys, opt, s.pages)
		mine(lds)
	}
	now := s.opt.Now
	if now.IsZero() {
		now = time.Now()
	}
	st, ads := site.Assemble(s.cfg, pages, site.Options{Future: true, Now: now})
	mine(ads)
	sp := st.ByFile[file]
	if sp == nil {
		return st, nil
	}
	if p != nil {
		s.preview = &previewCache{file: file, front: p.FrontSum, quick: s.quick, site: st}
	}
	cp := *sp
	return st, &cp
}
