package markdown

import (
	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/renderer"
	"github.com/yuin/goldmark/util"
)

// A picture node holds a resolved bundle image that also has WebP copies:
// it renders as <picture><source type="image/webp" ...><img ...></picture>,
// the image itself rendered by goldmark as ever, so browsers without WebP
// show the JPEG or PNG.
type picture struct {
	ast.BaseInline
	img   *ast.Image
	webp  string // srcset of the WebP copies
	sizes string
}

var kindPicture = ast.NewNodeKind("Picture")

func (p *picture) Kind() ast.NodeKind { return kindPicture }

func (p *picture) Dump(source []byte, level int) {
	ast.DumpHelper(p, source, level, map[string]string{"WebP": p.webp}, nil)
}

// wrap puts the picture in the image's place and the image inside it. It
// runs after the walk over the document, which must not see the tree
// change under it.
func (p *picture) wrap() {
	parent := p.img.Parent()
	if parent == nil {
		return
	}
	parent.ReplaceChild(parent, p.img, p)
	p.AppendChild(p, p.img)
}

type pictureRenderer struct{}

func (pictureRenderer) RegisterFuncs(reg renderer.NodeRendererFuncRegisterer) {
	reg.Register(kindPicture, func(w util.BufWriter, _ []byte, n ast.Node, entering bool) (ast.WalkStatus, error) {
		if !entering {
			_, _ = w.WriteString("</picture>")
			return ast.WalkContinue, nil
		}
		p := n.(*picture)
		_, _ = w.WriteString(`<picture><source type="image/webp" srcset="`)
		_, _ = w.Write(util.EscapeHTML([]byte(p.webp)))
		_ = w.WriteByte('"')
		if p.sizes != "" {
			_, _ = w.WriteString(` sizes="`)
			_, _ = w.Write(util.EscapeHTML([]byte(p.sizes)))
			_ = w.WriteByte('"')
		}
		_ = w.WriteByte('>')
		return ast.WalkContinue, nil
	})
}
