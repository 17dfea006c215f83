package markdown

import (
	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/parser"
	"github.com/yuin/goldmark/text"
)

// LinkResolver rewrites a link or image destination as written in Markdown
// ("../tentang.md#visi") to the URL it must have on the site. It returns
// "" to leave the destination as it is.
type LinkResolver func(dest string) string

var resolverKey = parser.NewContextKey()

// linkTransformer applies the LinkResolver of the parse, if any, to every
// link. (Images are the bundle-image transformer's business.)
type linkTransformer struct{}

func (linkTransformer) Transform(doc *ast.Document, _ text.Reader, pc parser.Context) {
	resolve, _ := pc.Get(resolverKey).(LinkResolver)
	if resolve == nil {
		return
	}
	_ = ast.Walk(doc, func(n ast.Node, entering bool) (ast.WalkStatus, error) {
		if !entering {
			return ast.WalkContinue, nil
		}
		switch l := n.(type) {
		case *ast.Link:
			if to := resolve(string(l.Destination)); to != "" {
				l.Destination = []byte(to)
			}
		}
		return ast.WalkContinue, nil
	})
}
