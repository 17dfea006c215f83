// Package qrcode draws QR codes as inline SVG at build time, so that a
// printed page can lead a phone back to the page's address without any
// script or image request.
//
// The symbol itself comes from github.com/piglig/go-qr, a port of Project
// Nayuki's reference encoder; this package only turns its modules into one
// compact SVG path. The rules:
//
//   - Error correction is level M (about 15% of the symbol may be lost to a
//     fold or a smudge on paper), boosted when the version has room.
//   - A quiet zone of four modules surrounds the symbol, as the standard
//     asks, drawn white so the code scans on tinted paper too.
//   - Dark modules are black, drawn as horizontal runs of one stroked path
//     with crisp edges: the code of a module's URL is about 2 KB of markup.
//   - The same text always gives the same bytes.
package qrcode

import (
	"fmt"
	"html"
	"strconv"
	"strings"

	qr "github.com/piglig/go-qr"
)

// Quiet is the width of the light border around the symbol, in modules.
const Quiet = 4

// Code is an encoded QR symbol.
type Code struct {
	size int
	dark []bool
}

// Encode makes the QR code of text (a URL, usually).
func Encode(text string) (*Code, error) {
	q, err := qr.EncodeText(text, qr.Medium)
	if err != nil {
		return nil, fmt.Errorf("qr code of %q: %w", text, err)
	}
	c := &Code{size: q.Size(), dark: make([]bool, q.Size()*q.Size())}
	for y := range c.size {
		for x := range c.size {
			c.dark[y*c.size+x] = q.Module(x, y)
		}
	}
	return c, nil
}

// Size is the number of modules on a side, without the quiet zone.
func (c *Code) Size() int { return c.size }

// Dark reports whether the module at x, y (from the top left, without the
// quiet zone) is dark.
func (c *Code) Dark(x, y int) bool {
	if x < 0 || y < 0 || x >= c.size || y >= c.size {
		return false
	}
	return c.dark[y*c.size+x]
}

// SVG draws the code as an <svg> element for inline use in HTML. label
// names the picture for screen readers (role="img"); the page should show
// the encoded address as text next to it as well. The element has a
// viewBox and no fixed size: CSS decides how large it prints.
func (c *Code) SVG(label string) string {
	n := c.size + 2*Quiet
	var b strings.Builder
	b.Grow(64 * c.size)
	fmt.Fprintf(&b, `<svg xmlns="http://www.w3.org/2000/svg" class="qr" viewBox="0 0 %d %d" role="img" aria-label="%s" shape-rendering="crispEdges">`,
		n, n, html.EscapeString(label))
	fmt.Fprintf(&b, `<rect width="%d" height="%d" fill="#fff"/><path stroke="#000" d="`, n, n)
	b.WriteString(c.Path())
	b.WriteString(`"/></svg>`)
	return b.String()
}

// Path is the SVG path data of the dark modules, offset by the quiet zone,
// to be stroked one module wide: each row is a line through the middle of
// its modules ("M4 4.5h7m2 0h1"), with a relative move over each gap. It is
// about a third of the size of one rectangle per run.
func (c *Code) Path() string {
	var b strings.Builder
	for y := range c.size {
		end := -1 // where the last run of this row ended
		for x := 0; x < c.size; {
			if !c.Dark(x, y) {
				x++
				continue
			}
			w := 1
			for c.Dark(x+w, y) {
				w++
			}
			if end < 0 {
				b.WriteString("M" + strconv.Itoa(x+Quiet) + " " + strconv.Itoa(y+Quiet) + ".5")
			} else {
				b.WriteString("m" + strconv.Itoa(x-end) + " 0")
			}
			b.WriteString("h" + strconv.Itoa(w))
			end = x + w
			x += w
		}
	}
	return b.String()
}

// SVG encodes text and draws it; see Code.SVG.
func SVG(text, label string) (string, error) {
	c, err := Encode(text)
	if err != nil {
		return "", err
	}
	return c.SVG(label), nil
}
