package publish

import (
	"bytes"
	"html"
	"io/fs"
	"path"
	"regexp"
	"strings"

	"github.com/tdewolff/parse/v2"
	phtml "github.com/tdewolff/parse/v2/html"
)

// Relative is a Sink that makes a site work from a folder, opened from a
// USB stick or a disk (file://), where a link to /berita/ would lead to
// the root of the disk. In HTML and CSS it rewrites every link that starts
// at the site's root into one that starts at the file it is in, and gives
// links to folders their index.html, since no web server is there to add
// it:
//
//	in berita/x/index.html: /berita/      → ../index.html
//	                        /assets/a.css → ../../assets/a.css
//	                        /cari/?q=x#y  → ../../cari/index.html?q=x#y
//
// Rewritten are href, src, srcset, action and poster attributes, url() in
// style attributes, <style> elements and CSS files. Absolute addresses
// (canonical, og:url, feeds, links to other sites) and links within the
// page stay as they are; so does every byte that is not a rewritten value.
// HTML is read with tdewolff/parse's lexer, the one the minifier uses.
type Relative struct {
	Next Sink
	// Base is the path the site is published under, from base_url:
	// "/" or "/dinsos/". Only links below it are the site's.
	Base string
}

func (r Relative) Write(name string, data []byte) error {
	switch strings.ToLower(path.Ext(name)) {
	case ".html", ".htm":
		data = RelativeHTML(name, data, r.Base)
	case ".css":
		data = relativeCSS(name, data, r.Base)
	}
	return r.Next.Write(name, data)
}

func (r Relative) Copy(name string, src fs.FS, srcPath string) error {
	return r.Next.Copy(name, src, srcPath)
}

// Carry forwards to the wrapped sink when it can carry.
func (r Relative) Carry(names []string) error {
	if c, ok := r.Next.(Carrier); ok {
		return c.Carry(names)
	}
	return nil
}

// relativeAttrs are the attributes that hold addresses.
var relativeAttrs = map[string]bool{"href": true, "src": true, "action": true, "poster": true}

// RelativeHTML rewrites the links of the page written at name (a path in
// the output, "berita/x/index.html").
func RelativeHTML(name string, page []byte, base string) []byte {
	// The lexer lower-cases tag names in place: give it a copy.
	l := phtml.NewLexer(parse.NewInputBytes(bytes.Clone(page)))
	var out bytes.Buffer
	out.Grow(len(page) + len(page)/16)
	inStyle := false
	for {
		tt, data := l.Next()
		switch tt {
		case phtml.ErrorToken:
			return out.Bytes()
		case phtml.StartTagToken:
			inStyle = string(l.Text()) == "style"
			out.Write(data)
		case phtml.AttributeToken:
			key := string(l.AttrKey())
			val := l.AttrVal()
			q := byte('"')
			if len(val) >= 2 && (val[0] == '"' || val[0] == '\'') {
				q, val = val[0], val[1:len(val)-1]
			}
			old := html.UnescapeString(string(val))
			var rewritten string
			switch {
			case relativeAttrs[key]:
				rewritten = relativeURL(name, old, base)
			case key == "srcset":
				rewritten = relativeSrcset(name, old, base)
			case key == "style":
				rewritten = string(relativeCSS(name, []byte(old), base))
			default:
				out.Write(data)
				continue
			}
			if rewritten == old {
				out.Write(data)
				continue
			}
			out.WriteString(" " + key + "=" + string(q) + escapeAttr(rewritten, q) + string(q))
		case phtml.TextToken:
			if inStyle {
				out.Write(relativeCSS(name, data, base))
			} else {
				out.Write(data)
			}
		default:
			if tt == phtml.EndTagToken {
				inStyle = false
			}
			out.Write(data)
		}
	}
}

// escapeAttr escapes a value for an attribute quoted with q.
func escapeAttr(s string, q byte) string {
	s = strings.ReplaceAll(s, "&", "&amp;")
	if q == '\'' {
		return strings.ReplaceAll(s, "'", "&#39;")
	}
	return strings.ReplaceAll(s, `"`, "&#34;")
}

func relativeSrcset(name, set, base string) string {
	parts := strings.Split(set, ",")
	for i, p := range parts {
		fields := strings.Fields(p)
		if len(fields) == 0 {
			continue
		}
		fields[0] = relativeURL(name, fields[0], base)
		parts[i] = strings.Join(fields, " ")
	}
	return strings.Join(parts, ", ")
}

var relativeCSSURL = regexp.MustCompile(`url\(\s*(['"]?)([^'")]+)(['"]?)\s*\)`)

func relativeCSS(name string, css []byte, base string) []byte {
	if !bytes.Contains(css, []byte("url(")) {
		return css
	}
	return relativeCSSURL.ReplaceAllFunc(css, func(m []byte) []byte {
		g := relativeCSSURL.FindSubmatch(m)
		ref := string(g[2])
		rel := relativeURL(name, ref, base)
		if rel == ref {
			return m
		}
		return []byte("url(" + string(g[1]) + rel + string(g[3]) + ")")
	})
}

// relativeURL rewrites one address found in the file name.
func relativeURL(name, ref, base string) string {
	if base == "" {
		base = "/"
	}
	if !strings.HasPrefix(ref, base) || strings.HasPrefix(ref, "//") {
		return ref // another site, a relative or in-page link, mailto:, data:
	}
	target, rest := ref[len(base):], ""
	if i := strings.IndexAny(target, "?#"); i >= 0 {
		target, rest = target[:i], target[i:]
	}
	if target == "" || strings.HasSuffix(target, "/") {
		target += "index.html"
	}
	from := strings.Split(path.Dir(name), "/")
	if from[0] == "." {
		from = nil
	}
	to := strings.Split(target, "/")
	common := 0
	for common < len(from) && common < len(to)-1 && from[common] == to[common] {
		common++
	}
	return strings.Repeat("../", len(from)-common) + strings.Join(to[common:], "/") + rest
}
