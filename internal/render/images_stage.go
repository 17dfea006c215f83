package render

import (
	"context"
	"errors"
	"maps"
	"slices"
	"strings"
	"sync/atomic"

	"github.com/dinsos-metro/warta/internal/diag"
	"github.com/dinsos-metro/warta/internal/imageproc"
)

// ImageStats says what the images stage did; Derivatives counts the files
// it wrote.
type ImageStats = imageproc.Stats

// Images makes every derivative the render asked for and writes each under
// its names. It runs after Run, as the build's images stage.
func (r *Renderer) Images(ctx context.Context) (ImageStats, []diag.Diagnostic) {
	if r.opt.Images == nil {
		return ImageStats{}, nil
	}
	st := r.imgState()
	st.mu.Lock()
	byKey := map[string][]string{}
	var ops []imageproc.Op
	for _, name := range slices.Sorted(maps.Keys(st.ops)) {
		op := st.ops[name]
		k := op.Key()
		if byKey[k] == nil {
			ops = append(ops, op)
		}
		byKey[k] = append(byKey[k], name)
	}
	st.mu.Unlock()

	var ds diag.List
	var written atomic.Int64
	errs := r.opt.Images.Run(ctx, ops, func(op imageproc.Op, data []byte) error {
		for _, name := range byKey[op.Key()] {
			if d := r.write(name, data, op.Src.Path); d != nil {
				ds.Add(*d)
			} else {
				written.Add(1)
			}
		}
		return nil
	})
	for _, err := range errs {
		var e *imageproc.Error
		switch {
		case errors.As(err, &e):
			ds.Add(imageDiag(e, e.Path))
		case errors.Is(err, context.Canceled), errors.Is(err, context.DeadlineExceeded):
			ds.Add(diag.New("", 0, diag.OutputFailed, err))
		default:
			ds.Add(diag.New("", 0, diag.ImageFailed, err))
		}
	}
	stats := r.opt.Images.Stats()
	stats.Derivatives = int(written.Load())
	return stats, ds.Items()
}

// imageDiag turns a processing error into a message about the file.
func imageDiag(err error, file string) diag.Diagnostic {
	var e *imageproc.Error
	if !errors.As(err, &e) {
		return diag.New(file, 0, diag.ImageFailed, err)
	}
	switch e.Kind {
	case imageproc.ErrNotImage:
		return diag.New(file, 0, diag.ImageNotImage)
	case imageproc.ErrUnsupported:
		return diag.New(file, 0, diag.ImageUnsupported, e.Format)
	case imageproc.ErrTooLarge:
		return diag.New(file, 0, diag.ImageTooLarge, e.Width, e.Height)
	case imageproc.ErrCorrupt:
		return diag.New(file, 0, diag.ImageCorrupt, plainError(e.Err))
	case imageproc.ErrRead:
		return diag.New(file, 0, diag.ReadFailed, e.Err)
	}
	return diag.New(file, 0, diag.ImageFailed, e.Err)
}

// plainError drops the package prefixes of decoder errors ("unexpected
// EOF" reads better than "jpeg: unexpected EOF" to staff).
func plainError(err error) string {
	s := err.Error()
	for _, p := range []string{"jpeg: ", "png: ", "gif: ", "webp: ", "image: "} {
		s = strings.TrimPrefix(s, p)
	}
	return s
}
