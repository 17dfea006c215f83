package search

import (
	"bytes"
	"html"
	"strings"

	"github.com/tdewolff/parse/v2"
	phtml "github.com/tdewolff/parse/v2/html"
)

// TermsOfHTML returns Terms of the text of a rendered body: its text
// nodes and the alt text of its pictures, without the markup. A page keeps
// only this string for the index, not its body.
func TermsOfHTML(body []byte) string {
	var b strings.Builder
	b.Grow(len(body) / 2)
	// The lexer lower-cases tag names in place: give it a copy.
	l := phtml.NewLexer(parse.NewInputBytes(bytes.Clone(body)))
	skip := false
	for {
		tt, data := l.Next()
		switch tt {
		case phtml.ErrorToken: // the end, or markup past repair: keep what was read
			return Terms(b.String())
		case phtml.StartTagToken:
			name := l.Text()
			skip = string(name) == "script" || string(name) == "style"
			b.WriteByte(' ')
		case phtml.EndTagToken:
			skip = false
			b.WriteByte(' ')
		case phtml.AttributeToken:
			if string(l.Text()) == "alt" {
				b.WriteString(html.UnescapeString(strings.Trim(string(l.AttrVal()), `"'`)))
				b.WriteByte(' ')
			}
		case phtml.TextToken:
			switch {
			case skip:
			case bytes.IndexByte(data, '&') < 0: // nothing to unescape
				b.Write(data)
			default:
				b.WriteString(html.UnescapeString(string(data)))
			}
		}
	}
}
