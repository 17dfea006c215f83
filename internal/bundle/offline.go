package bundle

import (
	"bytes"
	"encoding/base64"
	"fmt"
	"html"
	"io"
	"mime"
	"net/url"
	"path"
	"regexp"
	"slices"
	"strings"

	"github.com/tdewolff/parse/v2"
	phtml "github.com/tdewolff/parse/v2/html"
)

// Offline turns a page of the site into a page that works from a folder.
//
// It reads the page's tags with tdewolff/parse's HTML lexer (the one the
// minifier uses) and rewrites only attribute values, so the rest of the
// page stays byte for byte as the templates made it:
//
//   - <link rel="stylesheet"> becomes a <style> element holding the CSS,
//     with the CSS's url() references as data: URIs;
//   - pictures and icons are files of the bundle (relative paths) or, for
//     the site's assets, data: URIs; srcset and <picture> sources are
//     dropped, leaving each image its plain src;
//   - <script src> is dropped (no script is needed to read a page);
//   - links to files of the bundle are relative; other links to the site,
//     and forms, lead to its public address.
type Offline struct {
	// Base is the site's public address; its path is the site's root.
	Base *url.URL
	// Files maps site paths ("/modul/sd/x/a.pdf", "/modul/sd/x/" for a
	// page) to paths in the bundle ("x/a.pdf", "x/index.html").
	Files map[string]string
	// Asset returns the bytes of a published file outside the bundle (the
	// site's CSS, logo, icons), by site path, for inlining.
	Asset func(sitePath string) ([]byte, bool)
	// LinksOnline makes every <a href> to the site lead to its public
	// address, bundle files included: for a PDF, whose links must work
	// wherever the PDF travels.
	LinksOnline bool
}

// Result is a rewritten page.
type Result struct {
	HTML []byte
	// Outside lists references the page still loads from elsewhere
	// (pictures or frames not in the bundle): each is a request the
	// offline page would make.
	Outside []string
}

// Rewrite makes the page at sitePath ("/modul/sd/x/"), written to here in
// the bundle ("x/index.html"), self-contained.
func (o *Offline) Rewrite(page []byte, sitePath, here string) (*Result, error) {
	rw := &rewriter{o: o, page: o.Base.ResolveReference(&url.URL{Path: o.root() + strings.TrimPrefix(sitePath, "/")}), here: here, res: &Result{}}
	// The lexer lower-cases tag names in place; it must not touch the
	// caller's bytes.
	l := phtml.NewLexer(parse.NewInputBytes(bytes.Clone(page)))
	var out bytes.Buffer
	out.Grow(len(page) + 32<<10)
	skipUntil := "" // the end tag that closes an element being dropped
	for {
		tt, data := l.Next()
		switch tt {
		case phtml.ErrorToken:
			if err := l.Err(); err != io.EOF {
				return nil, err
			}
			rw.res.HTML = out.Bytes()
			slices.Sort(rw.res.Outside)
			rw.res.Outside = slices.Compact(rw.res.Outside)
			return rw.res, nil
		case phtml.StartTagToken:
			t := &tag{name: string(l.Text()), raw: [][]byte{data}}
			for {
				tt, data = l.Next()
				if tt != phtml.AttributeToken {
					t.close = data
					break
				}
				t.attrs = append(t.attrs, attr{key: string(l.AttrKey()), val: unquote(l.AttrVal()), raw: data})
			}
			if skipUntil != "" {
				continue
			}
			drop, until := rw.tag(t)
			skipUntil = until
			if !drop {
				t.write(&out)
			}
			if t.style != nil {
				out.Write(t.style)
			}
		case phtml.EndTagToken:
			if skipUntil != "" {
				if string(l.Text()) == skipUntil {
					skipUntil = ""
				}
				continue
			}
			out.Write(data)
		default:
			if skipUntil == "" {
				out.Write(data)
			}
		}
	}
}

func (o *Offline) root() string {
	if o.Base.Path == "" {
		return "/"
	}
	return o.Base.Path
}

type attr struct {
	key     string
	val     string // unescaped, without quotes
	raw     []byte // as written, with its leading space
	changed bool
	gone    bool
}

type tag struct {
	name  string
	raw   [][]byte // "<name"
	attrs []attr
	close []byte // ">" or "/>"
	style []byte // a <style> element written instead of the tag
}

func (t *tag) get(key string) (string, bool) {
	for _, a := range t.attrs {
		if a.key == key && !a.gone {
			return a.val, true
		}
	}
	return "", false
}

func (t *tag) set(key, val string) {
	for i := range t.attrs {
		if t.attrs[i].key == key {
			t.attrs[i].val, t.attrs[i].changed = val, true
		}
	}
}

func (t *tag) remove(keys ...string) {
	for i := range t.attrs {
		if slices.Contains(keys, t.attrs[i].key) {
			t.attrs[i].gone = true
		}
	}
}

func (t *tag) write(w *bytes.Buffer) {
	for _, r := range t.raw {
		w.Write(r)
	}
	for _, a := range t.attrs {
		switch {
		case a.gone:
		case a.changed:
			w.WriteString(" " + a.key + `="` + html.EscapeString(a.val) + `"`)
		default:
			w.Write(a.raw)
		}
	}
	w.Write(t.close)
}

func unquote(v []byte) string {
	if len(v) >= 2 && (v[0] == '"' || v[0] == '\'') && v[len(v)-1] == v[0] {
		v = v[1 : len(v)-1]
	}
	return html.UnescapeString(string(v))
}

type rewriter struct {
	o    *Offline
	page *url.URL // the page's full address
	here string
	res  *Result
}

// tag rewrites one start tag. drop leaves the tag out; until names the end
// tag up to which the element's content is left out too.
func (rw *rewriter) tag(t *tag) (drop bool, until string) {
	switch t.name {
	case "link":
		href, ok := t.get("href")
		if !ok {
			return false, ""
		}
		rel, _ := t.get("rel")
		rels := strings.Fields(strings.ToLower(rel))
		switch {
		case slices.Contains(rels, "stylesheet"):
			css, ok := rw.asset(href)
			if !ok {
				t.set("href", rw.resource(href))
				return false, ""
			}
			t.style = []byte("<style>" + rw.inlineCSS(href, string(css)) + "</style>")
			return true, ""
		case slices.Contains(rels, "icon"):
			t.set("href", rw.resource(href))
		default: // canonical, alternate: addresses, not requests
			t.set("href", rw.online(href))
		}
	case "a", "area":
		if href, ok := t.get("href"); ok {
			t.set("href", rw.link(href))
		}
	case "form":
		if action, ok := t.get("action"); ok {
			t.set("action", rw.online(action))
		}
	case "script":
		if _, ok := t.get("src"); ok {
			return true, "script"
		}
	case "source":
		if _, ok := t.get("srcset"); ok {
			return true, "" // a <picture> alternative; the <img> in it stays
		}
		rw.resources(t, "src")
	case "img":
		t.remove("srcset", "sizes")
		rw.resources(t, "src")
	default:
		rw.resources(t, "src", "poster", "data")
	}
	return false, ""
}

func (rw *rewriter) resources(t *tag, keys ...string) {
	for _, k := range keys {
		if v, ok := t.get(k); ok {
			t.set(k, rw.resource(v))
		}
	}
}

// sitePath resolves a reference against the page and returns its path in
// the site ("/modul/sd/x/a.pdf"), or ok false for anything not on the site.
func (rw *rewriter) sitePath(ref string) (u *url.URL, site string, ok bool) {
	r, err := url.Parse(strings.TrimSpace(ref))
	if err != nil {
		return nil, "", false
	}
	u = rw.page.ResolveReference(r)
	if u.Scheme != rw.o.Base.Scheme || u.Host != rw.o.Base.Host || !strings.HasPrefix(u.Path, rw.o.root()) {
		return u, "", false
	}
	return u, "/" + strings.TrimPrefix(u.Path, rw.o.root()), true
}

// isLocal reports whether a reference has no scheme and no host of its
// own: a path, or a fragment, on the page's site.
func isLocal(ref string) bool {
	ref = strings.TrimSpace(ref)
	if strings.HasPrefix(ref, "//") {
		return false
	}
	r, err := url.Parse(ref)
	return err == nil && r.Scheme == ""
}

// inBundle finds a site path among the bundle's files.
func (rw *rewriter) inBundle(site string) (string, bool) {
	if p, ok := rw.o.Files[site]; ok {
		return p, true
	}
	if strings.HasSuffix(site, "/index.html") {
		p, ok := rw.o.Files[strings.TrimSuffix(site, "index.html")]
		return p, ok
	}
	return "", false
}

// link rewrites an <a href>: a file of the bundle stays in the bundle,
// anything else on the site leads to its public address.
func (rw *rewriter) link(ref string) string {
	if t := strings.TrimSpace(ref); t == "" || !isLocal(t) || strings.HasPrefix(t, "#") {
		return ref
	}
	u, site, ok := rw.sitePath(ref)
	if !ok {
		return rw.absolute(u, ref)
	}
	if p, ok := rw.inBundle(site); ok && !rw.o.LinksOnline {
		return relative(rw.here, p) + fragment(u)
	}
	return rw.absolute(u, ref)
}

// online gives a reference its public address.
func (rw *rewriter) online(ref string) string {
	if t := strings.TrimSpace(ref); t == "" || !isLocal(t) || strings.HasPrefix(t, "#") {
		return ref
	}
	u, _, _ := rw.sitePath(ref)
	return rw.absolute(u, ref)
}

func (rw *rewriter) absolute(u *url.URL, ref string) string {
	if u == nil {
		return ref
	}
	return u.String()
}

// resource rewrites something the page loads: a file of the bundle, or an
// asset inlined as a data: URI. Anything else is recorded in Outside.
func (rw *rewriter) resource(ref string) string {
	t := strings.TrimSpace(ref)
	if strings.HasPrefix(t, "data:") || t == "" || strings.HasPrefix(t, "#") {
		return ref
	}
	if !isLocal(ref) {
		rw.res.Outside = append(rw.res.Outside, ref)
		return ref
	}
	u, site, ok := rw.sitePath(ref)
	if ok {
		if p, ok := rw.inBundle(site); ok {
			return relative(rw.here, p)
		}
		if data, ok := rw.o.asset(site); ok {
			return dataURI(site, data)
		}
	}
	abs := rw.absolute(u, ref)
	rw.res.Outside = append(rw.res.Outside, abs)
	return abs
}

func (rw *rewriter) asset(ref string) ([]byte, bool) {
	_, site, ok := rw.sitePath(ref)
	if !ok {
		return nil, false
	}
	return rw.o.asset(site)
}

func (o *Offline) asset(site string) ([]byte, bool) {
	if o.Asset == nil {
		return nil, false
	}
	return o.Asset(site)
}

var cssURL = regexp.MustCompile(`url\(\s*(['"]?)([^'")]+)(['"]?)\s*\)`)

// inlineCSS turns the url() references of a stylesheet (relative to the
// stylesheet) into data: URIs, and keeps </style> out of the text.
func (rw *rewriter) inlineCSS(href, css string) string {
	_, cssSite, _ := rw.sitePath(href)
	css = cssURL.ReplaceAllStringFunc(css, func(m string) string {
		ref := cssURL.FindStringSubmatch(m)[2]
		if strings.HasPrefix(ref, "data:") || strings.HasPrefix(ref, "#") {
			return m
		}
		target := ref
		if !strings.HasPrefix(ref, "/") && !strings.Contains(ref, ":") {
			target = path.Join(path.Dir(cssSite), ref)
		}
		if data, ok := rw.o.asset(target); ok {
			return `url("` + dataURI(target, data) + `")`
		}
		rw.res.Outside = append(rw.res.Outside, ref)
		return m
	})
	return strings.ReplaceAll(css, "</style", `<\/style`)
}

func dataURI(name string, data []byte) string {
	typ := mime.TypeByExtension(path.Ext(name))
	if typ == "" {
		typ = "application/octet-stream"
	}
	if i := strings.IndexByte(typ, ';'); i >= 0 {
		typ = typ[:i]
	}
	return fmt.Sprintf("data:%s;base64,%s", typ, base64.StdEncoding.EncodeToString(data))
}

func fragment(u *url.URL) string {
	if u.Fragment == "" {
		return ""
	}
	return "#" + u.EscapedFragment()
}

// relative is the reference from the file from to the file to, both slash
// paths in the bundle: relative("x/index.html", "x/a.pdf") is "a.pdf".
func relative(from, to string) string {
	fromDir := strings.Split(path.Dir(from), "/")
	if path.Dir(from) == "." {
		fromDir = nil
	}
	toParts := strings.Split(to, "/")
	i := 0
	for i < len(fromDir) && i < len(toParts)-1 && fromDir[i] == toParts[i] {
		i++
	}
	rel := strings.Repeat("../", len(fromDir)-i) + strings.Join(toParts[i:], "/")
	if first, _, _ := strings.Cut(rel, "/"); strings.Contains(first, ":") {
		rel = "./" + rel // not a scheme
	}
	return (&url.URL{Path: rel}).EscapedPath()
}

// Ref is one reference of a page: an attribute that names another file.
type Ref struct {
	Tag, Attr, Value string
}

// References lists the href, src, srcset, poster, data and action values of
// a page, in order: for checking that an offline page refers only to files
// of its bundle.
func References(page []byte) ([]Ref, error) {
	l := phtml.NewLexer(parse.NewInputBytes(bytes.Clone(page)))
	var refs []Ref
	name := ""
	for {
		tt, _ := l.Next()
		switch tt {
		case phtml.ErrorToken:
			if err := l.Err(); err != io.EOF {
				return refs, err
			}
			return refs, nil
		case phtml.StartTagToken:
			name = string(l.Text())
		case phtml.AttributeToken:
			switch k := string(l.AttrKey()); k {
			case "href", "src", "srcset", "poster", "data", "action":
				refs = append(refs, Ref{Tag: name, Attr: k, Value: unquote(l.AttrVal())})
			}
		}
	}
}
