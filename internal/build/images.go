package build

import (
	"context"
	"fmt"
	"time"

	"github.com/dinsos-metro/warta/internal/diag"
	"github.com/dinsos-metro/warta/internal/imageproc"
)

// The images stage: after rendering, the resized copies of every picture
// the pages show are made (or taken from the cache) and written. The
// Session keeps one cache for its life: on disk below Options.Dir when the
// site has a folder, else in memory. Each run probes sources afresh, so
// a photo changed on disk is noticed. A successful run prunes the cache:
// it keeps what was made or read and what the pages it did not render
// again stand for (render.imageOutputs marks those).

// imageProcessor returns the processor for this run.
func (s *Session) imageProcessor() *imageproc.Processor {
	dir := s.cfg.ImageCacheDir(s.opt.Dir)
	if s.images == nil || s.images.CacheDir() != dir {
		s.images = imageproc.New(imageproc.Options{
			FS: s.opt.Source, CacheDir: dir, Workers: s.opt.Workers, Progress: s.imageProgress(),
		})
		return s.images
	}
	s.images = s.images.Next()
	return s.images
}

func (s *Session) runImages(ctx context.Context, res *Result) {
	r := s.rendered
	s.rendered = nil
	if r == nil {
		return
	}
	stats, ds := r.Images(ctx)
	res.Diags.Add(ds...)
	res.Images = stats
	res.Files += stats.Derivatives
	if s.images == nil {
		return
	}
	var err error
	if res.Diags.Errors() == 0 && ctx.Err() == nil {
		err = s.images.Prune()
	} else {
		err = s.images.SaveManifest()
	}
	if err != nil {
		res.Diags.Add(diag.Warn(s.cfg.Images.Cache, 0, diag.ImageFailed, err))
	}
}

// imageProgress writes "gambar 12/200, sekitar 40 s lagi" over and over on
// one line while images are made (imageproc calls it only for work that
// lasts), and clears the line at the end.
func (s *Session) imageProgress() func(done, total int, left time.Duration) {
	w := s.opt.Progress
	if w == nil {
		return nil
	}
	lang := s.cfg.Language
	return func(done, total int, left time.Duration) {
		if done >= total {
			fmt.Fprint(w, "\r\x1b[K")
			return
		}
		eta := "?"
		if left > 0 {
			eta = fmt.Sprintf("%d s", int(left.Round(time.Second).Seconds()))
		}
		fmt.Fprint(w, "\r"+diag.New("", 0, diag.ImageProgress, done, total, eta).Message(lang)+"\x1b[K")
	}
}
