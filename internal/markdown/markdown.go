// Package markdown renders page bodies with goldmark, set up the way warta
// promises: CommonMark plus GitHub's tables, strikethrough, autolinks and task
// lists; footnotes; stable heading IDs made of plain ASCII words; and raw
// HTML shown as text unless the site allows it.
//
// A Renderer is safe for use by many goroutines.
package markdown

import (
	"bytes"
	"fmt"
	"strconv"
	"strings"

	"github.com/yuin/goldmark"
	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/extension"
	"github.com/yuin/goldmark/parser"
	"github.com/yuin/goldmark/renderer/html"
	"github.com/yuin/goldmark/text"
	"github.com/yuin/goldmark/util"

	"github.com/dinsos-metro/warta/internal/slug"
)

// Options configure a Renderer.
type Options struct {
	// UnsafeHTML passes raw HTML through; otherwise it is escaped and shown.
	UnsafeHTML bool
}

// Renderer turns Markdown into HTML.
type Renderer struct {
	md goldmark.Markdown
}

// Result is one rendered body.
type Result struct {
	HTML []byte
	// Summary is the text of the first paragraph, for lists and descriptions.
	Summary string
}

// New builds a Renderer.
func New(opt Options) *Renderer {
	rendererOpts := []goldmark.Option{}
	exts := []goldmark.Extender{extension.GFM, extension.Footnote, bundleImages{}}
	if opt.UnsafeHTML {
		rendererOpts = append(rendererOpts, goldmark.WithRendererOptions(html.WithUnsafe()))
	} else {
		exts = append(exts, EscapedHTML)
	}
	transformers := []util.PrioritizedValue{util.Prioritized(linkTransformer{}, 100)}
	if !opt.UnsafeHTML {
		transformers = append(transformers, util.Prioritized(noDataURLs{}, 900)) // after the bundle images (500)
	}
	md := goldmark.New(append(rendererOpts,
		goldmark.WithExtensions(exts...),
		goldmark.WithParserOptions(
			parser.WithAutoHeadingID(),
			parser.WithASTTransformers(transformers...),
		),
	)...)
	return &Renderer{md: md}
}

// ErrTooDeep is the error of a page nested deeper than MaxNesting: it is
// refused, not rendered.
var ErrTooDeep = fmt.Errorf("lists or quotes nested more than %d deep", MaxNesting)

// Render converts src.
func (r *Renderer) Render(src []byte) (Result, error) {
	return r.render(src, nil)
}

// RenderPage converts a page's src, resolving its bundle images with images
// and rewriting its links to other pages with links (either may be nil).
func (r *Renderer) RenderPage(src []byte, images ImageResolver, links LinkResolver) (Result, error) {
	return r.render(src, images, links)
}

func (r *Renderer) render(src []byte, images ImageResolver, links ...LinkResolver) (Result, error) {
	if line := TooDeep(src); line > 0 {
		// content refuses such a page with its line; this guards every
		// other caller from a parse that would take seconds.
		return Result{}, fmt.Errorf("line %d: %w", line, ErrTooDeep)
	}
	ctx := parser.NewContext(parser.WithIDs(&headingIDs{used: map[string]bool{}}))
	if images != nil {
		ctx.Set(imageResolverKey, images)
	}
	if len(links) > 0 && links[0] != nil {
		ctx.Set(resolverKey, links[0])
	}
	doc := r.md.Parser().Parse(text.NewReader(src), parser.WithContext(ctx))
	var buf bytes.Buffer
	buf.Grow(len(src) + len(src)/2)
	if err := r.md.Renderer().Render(&buf, src, doc); err != nil {
		return Result{}, err
	}
	return Result{HTML: buf.Bytes(), Summary: firstParagraph(doc, src)}, nil
}

// headingIDs gives headings IDs from their text through the same slug rule
// as URLs, so "Kegiatan Inti" is #kegiatan-inti on every build.
type headingIDs struct{ used map[string]bool }

func (h *headingIDs) Generate(value []byte, _ ast.NodeKind) []byte {
	base := slug.Make(string(value))
	if base == "" {
		base = "bagian"
	}
	id := base
	for i := 1; h.used[id]; i++ {
		id = base + "-" + strconv.Itoa(i)
	}
	h.used[id] = true
	return []byte(id)
}

func (h *headingIDs) Put(value []byte) { h.used[string(value)] = true }

// firstParagraph returns the plain text of the first top-level paragraph.
func firstParagraph(doc ast.Node, src []byte) string {
	for n := doc.FirstChild(); n != nil; n = n.NextSibling() {
		if n.Kind() == ast.KindParagraph {
			var b strings.Builder
			plainText(&b, n, src)
			return strings.Join(strings.Fields(b.String()), " ")
		}
	}
	return ""
}

// PlainText returns the text of the first paragraph of src, without
// rendering the rest: cheap enough for summaries of pages not rendered.
func (r *Renderer) PlainText(src []byte) string {
	if TooDeep(src) > 0 {
		return ""
	}
	doc := r.md.Parser().Parse(text.NewReader(src))
	return firstParagraph(doc, src)
}

func plainText(b *strings.Builder, n ast.Node, src []byte) {
	for c := n.FirstChild(); c != nil; c = c.NextSibling() {
		switch t := c.(type) {
		case *ast.Text:
			b.Write(t.Segment.Value(src))
			if t.SoftLineBreak() || t.HardLineBreak() {
				b.WriteByte(' ')
			}
		case *ast.String:
			b.Write(t.Value)
		case *ast.RawHTML:
			// markup is not text
		default:
			plainText(b, c, src)
		}
	}
}
