package newsroom

import (
	"context"
	"os"
	"sync"

	"github.com/dinsos-metro/warta/internal/config"
	"github.com/dinsos-metro/warta/internal/imageproc"
)

// The editor shows a page's pictures small (160×120 CSS pixels). Photos
// come straight from phones at several megabytes each, and an editor on
// a phone over the office Wi-Fi would otherwise load every original of a
// gallery each time its page opens. The small copies are made by the
// build's own image pipeline, into the build's cache.
const (
	thumbWidth   = 320 // twice the shown width, for sharp screens
	thumbQuality = 70
)

// thumbnails holds the image processor of the editor, made on first use.
type thumbnails struct {
	once sync.Once
	proc *imageproc.Processor
	err  error
}

// thumbnail returns the small copy of the picture at name (a slash path in
// the site folder).
func (n *Newsroom) thumbnail(ctx context.Context, name string) ([]byte, error) {
	t := &n.thumbs
	t.once.Do(func() {
		// Kept open for the newsroom's life: reads stay inside the site
		// folder, as every read of the editor does (os.Root).
		root, err := os.OpenRoot(n.opt.Dir)
		if err != nil {
			t.err = err
			return
		}
		cache := ""
		if cfg, _ := config.Load(root.FS()); cfg != nil {
			cache = cfg.ImageCacheDir(n.opt.Dir)
		}
		t.proc = imageproc.New(imageproc.Options{FS: root.FS(), CacheDir: cache, Workers: 1})
	})
	if t.err != nil {
		return nil, t.err
	}
	// Next probes the file again: a photo replaced under the same name
	// gets a new copy.
	p := t.proc.Next()
	src, err := p.Source(name)
	if err != nil {
		return nil, err
	}
	op := imageproc.NewOp(src, thumbWidth, thumbQuality)
	var out []byte
	if errs := p.Run(ctx, []imageproc.Op{op}, func(_ imageproc.Op, data []byte) error {
		out = data
		return nil
	}); len(errs) > 0 {
		return nil, errs[0]
	}
	return out, nil
}
