package markdown

import (
	"bytes"

	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/parser"
	"github.com/yuin/goldmark/text"
)

// noDataURLs empties data: addresses of links and pictures (unless the
// site allows raw HTML). goldmark already drops javascript:, vbscript:,
// file: and most data: addresses, but lets data:image/png, gif, jpeg and
// webp through as harmless. For warta they are not: a photo pasted into
// the text as data: would reach readers without the consent check and with
// its metadata (GPS position) intact. Pictures must be files of the page's
// folder, which the image stage checks and cleans.
type noDataURLs struct{}

func (noDataURLs) Transform(doc *ast.Document, _ text.Reader, _ parser.Context) {
	_ = ast.Walk(doc, func(n ast.Node, entering bool) (ast.WalkStatus, error) {
		if !entering {
			return ast.WalkContinue, nil
		}
		switch l := n.(type) {
		case *ast.Image:
			if isDataURL(l.Destination) {
				l.Destination = nil
			}
		case *ast.Link:
			if isDataURL(l.Destination) {
				l.Destination = nil
			}
		}
		return ast.WalkContinue, nil
	})
}

func isDataURL(dest []byte) bool {
	d := bytes.TrimSpace(dest)
	return len(d) >= 5 && bytes.EqualFold(d[:5], []byte("data:"))
}
