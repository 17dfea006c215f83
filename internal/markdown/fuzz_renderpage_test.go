package markdown

import (
	"bytes"
	"errors"
	"fmt"
	"strings"
	"testing"
	"time"

	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"
)

// fuzzImages resolves foto.jpg as the render stage would; other images
// stay as written.
type fuzzImages struct{}

func (fuzzImages) ResolveImage(dest, alt string, line int) (ImageAttrs, bool) {
	if dest != "foto.jpg" {
		return ImageAttrs{}, false
	}
	return ImageAttrs{Src: "/berita/x/foto.480.jpg", SrcSet: "/berita/x/foto.480.jpg 480w", Width: 480, Height: 320}, true
}

func fuzzLinks(dest string) string {
	if strings.HasSuffix(dest, ".md") {
		return "/" + strings.TrimSuffix(dest, ".md") + "/"
	}
	return ""
}

// markdownElements are the elements goldmark writes with our extensions;
// with raw HTML escaped, no other element may appear in a body.
var markdownElements = map[atom.Atom]bool{
	atom.P: true, atom.H1: true, atom.H2: true, atom.H3: true, atom.H4: true, atom.H5: true, atom.H6: true,
	atom.Ul: true, atom.Ol: true, atom.Li: true, atom.Blockquote: true, atom.Pre: true, atom.Code: true,
	atom.Em: true, atom.Strong: true, atom.Del: true, atom.A: true, atom.Img: true, atom.Hr: true, atom.Br: true,
	atom.Table: true, atom.Thead: true, atom.Tbody: true, atom.Tr: true, atom.Th: true, atom.Td: true,
	atom.Input: true, atom.Sup: true, atom.Div: true, atom.Section: true,
}

// FuzzRenderPage: a page body rendered the way the render stage does it
// (bundle images and links to pages resolved), parsed as a browser parses
// it, holds only Markdown's own elements, no event handler attribute and
// no javascript:, vbscript:, data: or file: address, whatever the author
// typed; and it never takes more than a few seconds.
func FuzzRenderPage(f *testing.F) {
	for _, s := range []string{
		"![foto](foto.jpg) [tentang](tentang.md)",
		"[a](javascript:alert(1)) [b](\tjavascript:alert(1)) [c](<java\nscript:x>) [d](jav&#x09;ascript:x)",
		"![x](data:image/png;base64,iVBORw0KGgo=) [y](data:text/html,<script>alert(1)</script>)",
		"[z](DATA:image/svg+xml,<svg onload=alert(1)>) <vbscript:x> [f](file:///etc/passwd)",
		"<img src=x onerror=alert(1)> <svg/onload=alert(1)>",
		"[x](foto.jpg \"\" onmouseover=alert(1))",
		"![\" onerror=alert(1) x=\"](foto.jpg)",
		"| a | <script> |\n|---|---|\n| [x](javascript:x) | b |",
		"- [ ] <input onfocus=alert(1) autofocus>",
		"[^1]\n\n[^1]: [x](javascript:alert(1))",
		"<!-- --><script>x</script>",
		"<details open ontoggle=alert(1)>",
		"`<script>`\n\n```html\n<script>alert(1)</script>\n```",
		"[x]: <javascript:alert(1)> \"t\"\n\n[x]",
		"# <img src=x onerror=alert(1)>",
	} {
		f.Add(s)
	}
	r := New(Options{})
	f.Fuzz(func(t *testing.T, src string) {
		done := make(chan struct{})
		defer close(done)
		go func() {
			select {
			case <-done:
			case <-time.After(10 * time.Second):
				panic(fmt.Sprintf("RenderPage(%q) takes more than 10 s", src))
			}
		}()
		res, err := r.RenderPage([]byte(src), fuzzImages{}, fuzzLinks)
		if TooDeep([]byte(src)) > 0 {
			// Refused by design (content reports it with the line).
			if !errors.Is(err, ErrTooDeep) {
				t.Fatalf("RenderPage(%q) nested past %d: got %v, want ErrTooDeep", src, MaxNesting, err)
			}
			return
		}
		if err != nil {
			t.Fatalf("RenderPage(%q): %v", src, err)
		}
		body := &html.Node{Type: html.ElementNode, Data: "body", DataAtom: atom.Body}
		nodes, err := html.ParseFragment(bytes.NewReader(res.HTML), body)
		if err != nil {
			t.Fatalf("RenderPage(%q) is not HTML: %v", src, err)
		}
		for _, n := range nodes {
			checkFuzzedNode(t, src, res.HTML, n)
		}
	})
}

func checkFuzzedNode(t *testing.T, src string, out []byte, n *html.Node) {
	if n.Type == html.ElementNode {
		if !markdownElements[n.DataAtom] {
			t.Fatalf("RenderPage(%q) made a <%s> element:\n%s", src, n.Data, out)
		}
		for _, a := range n.Attr {
			key := strings.ToLower(a.Key)
			if strings.HasPrefix(key, "on") {
				t.Fatalf("RenderPage(%q) made an attribute %s:\n%s", src, a.Key, out)
			}
			if key == "href" || key == "src" || key == "srcset" {
				if scheme := dangerousScheme(a.Val); scheme != "" {
					t.Fatalf("RenderPage(%q) kept a %s address:\n%s", src, scheme, out)
				}
			}
		}
	}
	for c := n.FirstChild; c != nil; c = c.NextSibling {
		checkFuzzedNode(t, src, out, c)
	}
}

// dangerousScheme reads an address's scheme the way a browser's URL parser
// does (leading spaces and control characters dropped, tabs and newlines
// removed, case ignored) and names it when it can run or embed content.
func dangerousScheme(v string) string {
	v = strings.TrimLeft(v, "\x00\x01\x02\x03\x04\x05\x06\x07\x08\t\n\x0b\x0c\r\x0e\x0f\x10\x11\x12\x13\x14\x15\x16\x17\x18\x19\x1a\x1b\x1c\x1d\x1e\x1f ")
	v = strings.NewReplacer("\t", "", "\n", "", "\r", "").Replace(v)
	v = strings.ToLower(v)
	for _, s := range []string{"javascript:", "vbscript:", "data:", "file:"} {
		if strings.HasPrefix(v, s) {
			return s
		}
	}
	return ""
}
