package markdown

import (
	"bytes"
	"strconv"

	"github.com/yuin/goldmark"
	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/parser"
	"github.com/yuin/goldmark/renderer"
	"github.com/yuin/goldmark/text"
	"github.com/yuin/goldmark/util"
)

// ImageResolver publishes the images a page's Markdown shows. The render
// stage gives one per page: it knows the page's bundle, makes the resized
// copies and checks consent and alt text.
type ImageResolver interface {
	// ResolveImage is called for every image, ![alt](dest), with the line
	// of the body it is on (1 is the body's first line). It returns false to
	// leave the image as it was written (a URL elsewhere, a missing file).
	ResolveImage(dest, alt string, line int) (ImageAttrs, bool)
}

// ImageAttrs are what a resolved image is shown with.
type ImageAttrs struct {
	Src           string // the default picture
	SrcSet        string // "a.jpg 480w, b.jpg 960w"
	Sizes         string
	Width, Height int    // of Src, so browsers reserve the space
	WebP          string // the same copies as WebP ("a.webp 480w, b.webp 960w" or one URL): the image is shown in a <picture> offering them first
}

var imageResolverKey = parser.NewContextKey()

// RenderWith converts src like Render, passing every image through images
// (nil: images stay as written).
func (r *Renderer) RenderWith(src []byte, images ImageResolver) (Result, error) {
	return r.render(src, images)
}

// bundleImages is the extension: an AST transformer that hands each image
// to the page's ImageResolver and gives the node the attributes of a
// responsive picture, which goldmark's image renderer writes out
// (ImageAttributeFilter allows srcset, sizes, width, height, loading and
// decoding).
type bundleImages struct{}

func (bundleImages) Extend(m goldmark.Markdown) {
	m.Parser().AddOptions(parser.WithASTTransformers(util.Prioritized(imageTransformer{}, 500)))
	m.Renderer().AddOptions(renderer.WithNodeRenderers(util.Prioritized(pictureRenderer{}, 500)))
}

type imageTransformer struct{}

func (imageTransformer) Transform(doc *ast.Document, reader text.Reader, pc parser.Context) {
	res, _ := pc.Get(imageResolverKey).(ImageResolver)
	if res == nil {
		return
	}
	src := reader.Source()
	var pictures []*picture
	_ = ast.Walk(doc, func(n ast.Node, entering bool) (ast.WalkStatus, error) {
		img, ok := n.(*ast.Image)
		if !entering || !ok {
			return ast.WalkContinue, nil
		}
		alt := string(altText(img, src))
		a, ok := res.ResolveImage(string(img.Destination), alt, lineOf(img, src))
		if !ok {
			return ast.WalkSkipChildren, nil
		}
		img.Destination = []byte(a.Src)
		img.SetAttributeString("srcset", []byte(a.SrcSet))
		if a.Sizes != "" {
			img.SetAttributeString("sizes", []byte(a.Sizes))
		}
		if a.Width > 0 {
			img.SetAttributeString("width", []byte(strconv.Itoa(a.Width)))
			img.SetAttributeString("height", []byte(strconv.Itoa(a.Height)))
		}
		img.SetAttributeString("loading", []byte("lazy"))
		img.SetAttributeString("decoding", []byte("async"))
		if a.WebP != "" {
			pictures = append(pictures, &picture{img: img, webp: a.WebP, sizes: a.Sizes})
		}
		return ast.WalkSkipChildren, nil
	})
	for _, p := range pictures {
		p.wrap()
	}
}

func altText(n ast.Node, src []byte) []byte {
	var b bytes.Buffer
	for c := n.FirstChild(); c != nil; c = c.NextSibling() {
		switch t := c.(type) {
		case *ast.Text:
			b.Write(t.Segment.Value(src))
		case *ast.String:
			b.Write(t.Value)
		default:
			b.Write(altText(c, src))
		}
	}
	return bytes.TrimSpace(b.Bytes())
}

// lineOf finds the body line of an inline node: from its first text, else
// from the block that holds it.
func lineOf(n ast.Node, src []byte) int {
	offset := -1
	for c := n.FirstChild(); c != nil && offset < 0; c = c.NextSibling() {
		if t, ok := c.(*ast.Text); ok {
			offset = t.Segment.Start
		}
	}
	for p := n.Parent(); p != nil && offset < 0; p = p.Parent() {
		if p.Type() == ast.TypeBlock && p.Lines().Len() > 0 {
			offset = p.Lines().At(0).Start
		}
	}
	if offset < 0 || offset > len(src) {
		return 1
	}
	return 1 + bytes.Count(src[:offset], []byte("\n"))
}
