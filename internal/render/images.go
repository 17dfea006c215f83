package render

import (
	"bytes"
	"fmt"
	"path"
	"strconv"
	"strings"
	"sync"

	"github.com/dinsos-metro/warta/internal/content"
	"github.com/dinsos-metro/warta/internal/imageproc"
	"github.com/dinsos-metro/warta/internal/site"
)

// The render side of the image pipeline.
//
// Every picture a page shows (a news cover, a gallery photo, an image in
// the page's Markdown) is published as resized copies, never as the file
// in the bundle: while rendering, image() asks internal/imageproc for the
// copies' names and sizes (the source is probed, not decoded) and records
// the ops; after rendering, Images makes them all at once, in parallel,
// from the cache where it can. A derivative is named after its picture,
// its width and the first characters of its key:
//
//	galeri/kunjungan/foto-01-960w-1a2b3c4d5e.jpg
//
// so a changed photo or setting gets a new name (browsers may cache
// derivatives for ever) and the same input always gives the same name.
//
// The default picture (src) is the 960 px one, or the widest below it;
// srcset lists them all; gallery photos link to the widest as their larger
// view; og:image is a 1200 px copy of the page's cover. Every width is
// made as WebP too (Image.WebP), which templates offer first in a
// <picture>, the JPEG or PNG staying the <img> for browsers without WebP;
// the larger view and og:image stay JPEG, which every viewer and social
// network reads. Bundle images of
// modules are worksheets and drawings published as they are (see
// modules.go), not photos.

// defaultWidth is the width of src: sharp on a phone, light on slow data.
const defaultWidth = 960

// ogWidth is the width social networks ask for in previews.
const ogWidth = 1200

// imageState is a Renderer's collected derivatives.
type imageState struct {
	mu       sync.Mutex
	ops      map[string]imageproc.Op // by output name
	reported map[string]bool         // sources already reported as broken
	probeAll sync.Once
}

// probeAll probes every picture of every bundle, in parallel: the jobs are
// planned one page after another, and reading and hashing thousands of
// photos on one goroutine would stall the first build.
func (r *Renderer) probeAll() {
	paths := make(chan string)
	var wg sync.WaitGroup
	for range r.opt.Workers {
		wg.Go(func() {
			for p := range paths {
				_, _ = r.opt.Images.Source(p) // errors are reported where the picture is shown
			}
		})
	}
	for _, p := range r.opt.Site.All {
		if p.Module != nil {
			continue
		}
		for _, res := range p.Resources {
			if content.IsImage(res.Name) {
				paths <- res.Path
			}
		}
	}
	close(paths)
	wg.Wait()
}

func (r *Renderer) imgState() *imageState {
	r.imgs.mu.Lock()
	if r.imgs.ops == nil {
		r.imgs.ops = map[string]imageproc.Op{}
		r.imgs.reported = map[string]bool{}
	}
	r.imgs.mu.Unlock()
	return &r.imgs
}

// derivative is one resized copy with its output name.
type derivative struct {
	name string
	op   imageproc.Op
}

// source probes a bundle image, reporting a broken one once.
func (r *Renderer) source(res content.Resource) *imageproc.Source {
	if r.opt.Images == nil {
		return nil
	}
	src, err := r.opt.Images.Source(res.Path)
	if err != nil {
		st := r.imgState()
		st.mu.Lock()
		first := !st.reported[res.Path]
		st.reported[res.Path] = true
		st.mu.Unlock()
		if first {
			r.diags.Add(imageDiag(err, res.Path))
		}
		return nil
	}
	return src
}

// derivatives names the copies of src, a bundle file of p, at widths.
func (r *Renderer) derivatives(p *site.Page, name string, src *imageproc.Source, widths []int) []derivative {
	cfg := r.opt.Site.Config.Images
	var out []derivative
	for _, w := range widths {
		out = append(out, named(p, name, imageproc.NewOp(src, w, cfg.Quality)))
	}
	return out
}

// webps are the WebP copies of ds, at the same widths.
func webps(p *site.Page, name string, ds []derivative) []derivative {
	out := make([]derivative, len(ds))
	for i, d := range ds {
		out[i] = named(p, name, d.op.WebP())
	}
	return out
}

// named gives op, a copy of the bundle file name of p, its output name.
func named(p *site.Page, name string, op imageproc.Op) derivative {
	dir := strings.TrimPrefix(p.URL, "/")
	stem := strings.TrimSuffix(name, path.Ext(name))
	return derivative{name: fmt.Sprintf("%s%s-%dw-%s%s", dir, stem, op.Width, op.Key()[:10], op.Format.Ext()), op: op}
}

// want records derivatives to be made by Images.
func (r *Renderer) want(ds ...derivative) {
	st := r.imgState()
	st.mu.Lock()
	for _, d := range ds {
		st.ops[d.name] = d.op
	}
	st.mu.Unlock()
}

// responsive is a bundle picture of p as a responsive Image. Without the
// pipeline (or for a file that is missing or broken, which is reported) it
// is the file itself.
func (r *Renderer) responsive(p *site.Page, name, alt string) *Image {
	img := &Image{URL: r.urls.Rel(p.URL + name), Alt: alt}
	res, ok := p.Resource(name)
	if !ok {
		return img
	}
	src := r.source(res)
	if src == nil {
		if r.opt.Images == nil {
			img.Width, img.Height = r.imageSize(res.Path)
		}
		return img
	}
	ds := r.derivatives(p, name, src, imageproc.Widths(r.opt.Site.Config.Images.Widths, src.Width))
	ws := webps(p, name, ds)
	r.want(ds...)
	r.want(ws...)
	if r.opt.Site.Config.Images.PublishOriginals {
		r.wantOriginal(p, res, src)
	}
	def := ds[0]
	for _, d := range ds {
		if d.op.Width <= defaultWidth {
			def = d
		}
	}
	img.URL = r.urls.Rel("/" + def.name)
	img.Width, img.Height = def.op.Width, def.op.Height()
	img.Large = r.urls.Rel("/" + ds[len(ds)-1].name)
	img.WebP = r.urls.Rel("/" + ws[0].name)
	if len(ds) > 1 {
		img.SrcSet = r.srcset(ds)
		img.WebP = r.srcset(ws)
	}
	return img
}

// srcset lists copies with their widths: "a-480w.jpg 480w, a-960w.jpg 960w".
func (r *Renderer) srcset(ds []derivative) string {
	var set []string
	for _, d := range ds {
		set = append(set, r.urls.Rel("/"+d.name)+" "+strconv.Itoa(d.op.Width)+"w")
	}
	return strings.Join(set, ", ")
}

// wantOriginal publishes the picture at its own name and full size,
// re-encoded like every derivative, so that no metadata goes out with it.
func (r *Renderer) wantOriginal(p *site.Page, res content.Resource, src *imageproc.Source) {
	op := originalOp(src, r.opt.Site.Config.Images.Quality)
	r.want(derivative{name: originalName(p, res, op), op: op})
}

// originalName is where a re-encoded original goes: its own name, with
// the extension of its new format when that changed (a WebP becomes .jpg).
func originalName(p *site.Page, res content.Resource, op imageproc.Op) string {
	name := strings.TrimPrefix(p.URL, "/") + res.Name
	ext := strings.ToLower(path.Ext(name))
	if ext == op.Format.Ext() || (ext == ".jpeg" && op.Format == imageproc.JPEG) {
		return name
	}
	return strings.TrimSuffix(name, path.Ext(name)) + op.Format.Ext()
}

// ogImage is the preview picture of a page: a 1200 px copy of its cover
// (a news cover, a gallery's first photo), as an absolute URL.
func (r *Renderer) ogImage(p *site.Page, cover *Image) *Image {
	if cover == nil {
		return nil
	}
	og := &Image{URL: r.urls.Abs(strings.TrimPrefix(cover.URL, r.urls.base.Path)), Alt: cover.Alt, Width: cover.Width, Height: cover.Height}
	name := ""
	switch {
	case p.News != nil:
		name = p.News.Cover
	case p.Gallery != nil:
		for _, ph := range p.Gallery.Photos {
			if p.Gallery.Published(ph) {
				name = ph.File
				break
			}
		}
	}
	res, ok := p.Resource(name)
	if !ok {
		return og
	}
	src := r.source(res)
	if src == nil {
		return og
	}
	d := r.derivatives(p, name, src, []int{ogWidth})[0]
	r.want(d)
	og.URL = r.urls.Abs("/" + d.name)
	og.Width, og.Height = d.op.Width, d.op.Height()
	return og
}

// imageOutputs lists the derivatives a page's job publishes, for the
// render State: the copies of its cover or photos (with the preview copy
// of the first), and of every bundle picture its Markdown mentions. A
// job that did not change is carried over with exactly these files, so
// the list must hold everything the page shows; a name too many (a picture
// mentioned in the text but only linked) merely makes the job run again.
// The cache keeps every copy listed, whether made this time or not.
func (r *Renderer) imageOutputs(p *site.Page) []string {
	if r.opt.Images == nil || p.Module != nil {
		return nil
	}
	r.imgs.probeAll.Do(r.probeAll)
	shown, og := shownImages(p)
	var body []byte
	for _, res := range p.Resources {
		if !content.IsImage(res.Name) || shown[res.Name] {
			continue
		}
		if body == nil {
			body = p.Body
			if body == nil {
				body, _ = content.ReadBody(r.opt.Source, p.Page)
			}
			body = append(body, 0) // read once, even when empty
		}
		if bytes.Contains(body, []byte(res.Name)) {
			shown[res.Name] = true
		}
	}
	cfg := r.opt.Site.Config.Images
	var out []string
	for _, res := range p.Resources {
		if !shown[res.Name] {
			continue
		}
		src, err := r.opt.Images.Source(res.Path)
		if err != nil {
			continue
		}
		ds := r.derivatives(p, res.Name, src, imageproc.Widths(cfg.Widths, src.Width))
		ws := webps(p, res.Name, ds)
		if res.Name == og {
			ds = append(ds, r.derivatives(p, res.Name, src, []int{ogWidth})...)
		}
		ds = append(ds, ws...)
		for _, d := range ds {
			out = append(out, d.name)
			r.opt.Images.Keep(d.op.Key())
		}
		if cfg.PublishOriginals {
			op := originalOp(src, cfg.Quality)
			out = append(out, originalName(p, res, op))
			r.opt.Images.Keep(op.Key())
		}
	}
	return out
}

// shownImages are the bundle pictures a page shows from its front matter
// (a news cover, a gallery's published photos) and og, the one previews
// use.
func shownImages(p *site.Page) (shown map[string]bool, og string) {
	shown = map[string]bool{}
	switch {
	case p.News != nil && p.News.Cover != "":
		og = path.Clean(p.News.Cover)
		shown[og] = true
	case p.Gallery != nil:
		for _, ph := range p.Gallery.Photos {
			if p.Gallery.Published(ph) {
				if og == "" {
					og = ph.File
				}
				shown[ph.File] = true
			}
		}
	}
	return shown, og
}

// eagerFirst marks the first card picture of a list to load at once: on a
// phone it is the largest thing on screen, and a lazy one would be late.
func eagerFirst(items []Item) {
	for i, it := range items {
		if it.Cover != nil {
			// A copy: the item and its card are shared with other lists.
			c := *it.Cover
			c.Eager = true
			items[i].Cover, items[i].cardMemo = &c, nil
			return
		}
	}
}

// originalOp re-encodes a picture at full size: PNG stays PNG, everything
// else becomes a JPEG of at least quality 90.
func originalOp(src *imageproc.Source, quality int) imageproc.Op {
	op := imageproc.Op{Src: src, Width: src.Width, Format: imageproc.JPEG, Quality: max(quality, 90)}
	if src.Format == "png" || src.Alpha {
		op.Format = imageproc.PNG
	}
	return op
}
