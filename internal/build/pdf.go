package build

import (
	"context"
	"errors"
	"fmt"
	"path/filepath"

	"github.com/dinsos-metro/warta/internal/diag"
	"github.com/dinsos-metro/warta/internal/pdf"
	"github.com/dinsos-metro/warta/internal/render"
)

// printer returns what prints module pages to PDF in this run, or nil,
// and a function to call when the render is done: it stops Chromium and,
// after a complete build, prunes cached PDFs no module asked for. Without
// Chromium the build warns once and goes on without PDFs.
func (s *Session) printer(ctx context.Context) (render.Printer, func(prune bool), []diag.Diagnostic) {
	done := func(bool) {}
	switch {
	case s.opt.Printer != nil:
		return s.opt.Printer, done, nil
	case !s.opt.PDF && !s.cfg.Modules.PDF:
		return nil, done, nil
	}
	exe, err := pdf.Find()
	if err != nil {
		return nil, done, []diag.Diagnostic{diag.Warn("", 0, diag.PDFNoBrowser, err)}
	}
	dir := ""
	if s.opt.Dir != "" {
		dir = filepath.Join(s.opt.Dir, ".cache", "warta", "pdf")
	}
	p := pdf.New(ctx, pdf.Options{Browser: exe, CacheDir: dir})
	return chromium{p}, func(prune bool) {
		if prune {
			_ = p.Prune() // a cache left unpruned only costs disk space
		}
		_ = p.Close()
	}, nil
}

// chromium tells render when the browser cannot run at all, so that the
// build says so once rather than for every module.
type chromium struct{ p *pdf.Printer }

func (c chromium) Print(files map[string][]byte, entry string) ([]byte, error) {
	data, err := c.p.Print(files, entry)
	if errors.Is(err, pdf.ErrNoBrowser) {
		return nil, fmt.Errorf("%w: %v", render.ErrNoPrinter, err)
	}
	return data, err
}
