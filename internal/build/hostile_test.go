package build_test

import (
	"archive/zip"
	"bytes"
	"encoding/json"
	"encoding/xml"
	"fmt"
	"io"
	"path"
	"strconv"
	"strings"
	"testing"
	"testing/fstest"

	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"

	"github.com/dinsos-metro/warta/internal/sitetest"
)

// Hostile content: whatever a front matter value or a Markdown body holds,
// nothing of it runs in a reader's browser. Each value below tries to
// leave the context it is written in (element text, an attribute, the
// JSON-LD script, the feed's XML); the tests parse every output as a
// browser or a feed reader would and look for anything that came from
// content and would run.

// payload is appended to every front matter value: it tries to close a
// script element, an attribute in double quotes and one in single quotes.
const payload = `</script><script>alert(1)</script>"><img src=x onerror=alert(1)>'><svg/onload=alert(1)>`

// hostile makes a field's value: its name (so that the value can be found
// again) and the payload.
func hostile(field string) string { return field + " " + payload }

// yq writes a value as a YAML double-quoted string.
func yq(s string) string { return strconv.Quote(s) }

// hostileBody tries every way a Markdown text could carry a script.
const hostileBody = `Teks biasa.

[a](javascript:alert(2)) [b](JaVaScRiPt:alert(2)) [c](vbscript:msgbox(2))
[d](data:text/html;base64,PHNjcmlwdD5hbGVydCgyKTwvc2NyaXB0Pg==) [e](&#106;avascript:alert(2))
[f]( javascript:alert(2)) <javascript:alert(2)> [g][ref]

![h](data:image/png;base64,iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==)
![i](javascript:alert(2))

<script>alert(2)</script>

<img src=x onerror=alert(2)> <a href="javascript:alert(2)">tautan</a>
<iframe src="https://example.org/"></iframe>

<div onclick="alert(2)">klik</div>

[ref]: javascript:alert(2)
`

// hostileSite is a site with one page of every kind, each field of each
// hostile, plus the body above.
func hostileSite(unsafeHTML bool) fstest.MapFS {
	v := func(f string) string { return yq(hostile(f)) }
	fsys := sitetest.Files(fmt.Sprintf(`
-- site.yaml --
title: Dinas Sosial
base_url: https://dinsos.example.org/
markup: {unsafe_html: %v}
-- content/berita/2025-07-29-a/index.md --
---
title: %s
summary: %s
location: %s
district: %s
program: %s
tags: [%s, %s]
author: %s
cover: sampul.png
cover_alt: %s
consent: true
date: 2025-07-29
extra: %s
---
%s
-- content/berita/2025-07-30-b.md --
---
title: %s
date: 2025-07-30
district: %s
---
%s
-- content/modul/sd/m/index.md --
---
title: %s
level: sd
ages: %s
duration: %s
topics: [%s]
objectives: [%s]
materials: [%s]
date: 2025-07-01
attachments:
  - file: lembar.pdf
    title: %s
---
%s
-- content/modul/sd/m/lembar.pdf --
%%PDF-1.4
-- content/galeri/2025-07-29-g/index.md --
---
title: %s
date: 2025-07-29
location: %s
district: %s
consent: true
photos:
  - file: foto.png
    caption: %s
    alt: %s
---
%s
-- content/tentang.md --
---
title: %s
summary: %s
---
%s
`, unsafeHTML,
		v("news title"), v("news summary"), v("news location"), v("news district"), v("news program"), v("tag one"), v("tag two"),
		v("news author"), v("cover alt"), v("extra"), hostileBody,
		v("second title"), v("second district"), hostileBody,
		v("module title"), v("module ages"), v("module duration"), v("module topic"), v("module objective"), v("module material"),
		v("attachment title"), hostileBody,
		v("gallery title"), v("gallery location"), v("gallery district"), v("photo caption"), v("photo alt"), hostileBody,
		v("page title"), v("page summary"), hostileBody))
	sitetest.Add(fsys, "content/berita/2025-07-29-a/sampul.png", sitetest.PNG(64, 48))
	sitetest.Add(fsys, "content/galeri/2025-07-29-g/foto.png", sitetest.PNG(64, 48))
	return fsys
}

func TestHostileContentIsEscaped(t *testing.T) {
	t.Parallel()
	s := sitetest.Build(t, hostileSite(false), sitetest.Options{})
	s.AssertOK(t)
	pages := allHTMLOutputs(t, s)
	if len(pages) < 10 {
		t.Fatalf("only %d HTML files were checked", len(pages))
	}
	for name, data := range pages {
		checkNoActiveContent(t, name, data, false)
	}

	// The values are shown as text, exactly as written: escaped once, not
	// dropped and not escaped twice.
	for file, want := range map[string]map[atom.Atom]string{
		"berita/a/index.html":     {atom.H1: hostile("news title")},
		"berita/b/index.html":     {atom.H1: hostile("second title")},
		"modul/sd/m/index.html":   {atom.H1: hostile("module title")},
		"galeri/g/index.html":     {atom.H1: hostile("gallery title")},
		"tentang/index.html":      {atom.H1: hostile("page title")},
		"berita/a/index.html#alt": {atom.Img: hostile("cover alt")},
		"galeri/g/index.html#alt": {atom.Img: hostile("photo alt")},
	} {
		name, alt, _ := strings.Cut(file, "#")
		doc := parseHTMLPage(t, name, pages[name])
		for a, text := range want {
			if alt != "" {
				if !hasHTMLAttr(doc, a, "alt", text) {
					t.Errorf("%s: no <%s alt=%q>", name, a, text)
				}
				continue
			}
			if !hasHTMLText(doc, a, text) {
				t.Errorf("%s: no <%s> with the text %q", name, a, text)
			}
		}
	}
	if title := htmlText(findElement(parseHTMLPage(t, "tentang/index.html", pages["tentang/index.html"]), atom.Title)); !strings.HasPrefix(title, hostile("page title")) {
		t.Errorf("tentang/index.html: <title>%s</title>", title)
	}
	for name, want := range map[string]string{"berita/a/index.html": "news summary", "tentang/index.html": "page summary"} {
		if !hasHTMLAttr(parseHTMLPage(t, name, pages[name]), atom.Meta, "content", hostile(want)) {
			t.Errorf("%s: no <meta content=%q>", name, hostile(want))
		}
	}
	for _, want := range []string{"news location", "news district", "news program", "tag one", "news author"} {
		if !strings.Contains(htmlText(parseHTMLPage(t, "berita/a/index.html", pages["berita/a/index.html"])), hostile(want)) {
			t.Errorf("berita/a/index.html does not show %q as text", hostile(want))
		}
	}
	for _, want := range []string{"module ages", "module duration", "module topic", "module objective", "module material", "attachment title"} {
		if !strings.Contains(htmlText(parseHTMLPage(t, "modul/sd/m/index.html", pages["modul/sd/m/index.html"])), hostile(want)) {
			t.Errorf("modul/sd/m/index.html does not show %q as text", hostile(want))
		}
	}
	if !strings.Contains(htmlText(parseHTMLPage(t, "galeri/g/index.html", pages["galeri/g/index.html"])), hostile("photo caption")) {
		t.Errorf("galeri/g/index.html does not show the caption as text")
	}

	// JSON-LD holds the values as JSON strings.
	ld := pageJSONLD(t, "berita/a/index.html", pages["berita/a/index.html"])
	if ld["headline"] != hostile("news title") || ld["description"] != hostile("news summary") {
		t.Errorf("JSON-LD of the news report: headline %q, description %q", ld["headline"], ld["description"])
	}
	if a, _ := ld["author"].(map[string]any); a == nil || a["name"] != hostile("news author") {
		t.Errorf("JSON-LD author: %v", ld["author"])
	}
	if ld := pageJSONLD(t, "modul/sd/m/index.html", pages["modul/sd/m/index.html"]); ld["name"] != hostile("module title") {
		t.Errorf("JSON-LD of the module: name %q", ld["name"])
	}

	// Feeds are XML that a reader parses back to the same values.
	var feed struct {
		Entries []struct {
			Title    string `xml:"title"`
			Summary  string `xml:"summary"`
			Category []struct {
				Term string `xml:"term,attr"`
			} `xml:"category"`
		} `xml:"entry"`
	}
	if err := xml.Unmarshal([]byte(s.File(t, "feed.xml")), &feed); err != nil {
		t.Fatalf("feed.xml: %v", err)
	}
	titles := map[string]bool{}
	terms := map[string]bool{}
	for _, e := range feed.Entries {
		titles[e.Title] = true
		for _, c := range e.Category {
			terms[c.Term] = true
		}
	}
	if !titles[hostile("news title")] || !titles[hostile("second title")] {
		t.Errorf("feed.xml titles: %v", titles)
	}
	if !terms[hostile("tag one")] {
		t.Errorf("feed.xml categories: %v", terms)
	}
	// The search index is JavaScript that carries the values as JSON.
	searched := false
	for _, name := range s.Out.Names() {
		if !strings.HasPrefix(name, "assets/search/") || path.Ext(name) != ".js" {
			continue
		}
		js := s.File(t, name)
		_, arg, ok := strings.Cut(js, ".push(")
		arg = strings.TrimRight(strings.TrimSpace(arg), ";")
		arg, ok2 := strings.CutSuffix(arg, ")")
		var v any
		if !ok || !ok2 || json.Unmarshal([]byte(arg), &v) != nil {
			t.Errorf("%s is not a push of JSON: %s", name, clipText(js))
		}
		searched = searched || strings.Contains(arg, "second title")
	}
	if !searched {
		t.Error("no search index file holds the second report's title")
	}
	for _, name := range s.Out.Names() {
		if strings.HasSuffix(name, ".xml") {
			var any struct{}
			if err := xml.Unmarshal([]byte(s.File(t, name)), &any); err != nil {
				t.Errorf("%s is not well-formed XML: %v", name, err)
			}
		}
	}
}

// With markup.unsafe_html the site allows raw HTML in Markdown bodies, by
// its own choice; front matter values are still escaped everywhere.
func TestHostileFrontMatterWithUnsafeHTML(t *testing.T) {
	t.Parallel()
	s := sitetest.Build(t, hostileSite(true), sitetest.Options{})
	if s.Err != nil {
		t.Fatalf("build failed: %v\n%s", s.Err, strings.Join(s.Diagnostics(), "\n"))
	}
	for name, data := range allHTMLOutputs(t, s) {
		checkNoActiveContent(t, name, data, true)
	}
	s.AssertFile(t, "berita/a/index.html", "<script>alert(2)</script>")
}

// htmlOutputs returns every HTML file of the build, including the pages
// inside the modules' zips, by name.
func allHTMLOutputs(t *testing.T, s *sitetest.Site) map[string][]byte {
	t.Helper()
	out := map[string][]byte{}
	for name, data := range s.Out.Files() {
		switch path.Ext(name) {
		case ".html":
			out[name] = data
		case ".zip":
			zr, err := zip.NewReader(bytes.NewReader(data), int64(len(data)))
			if err != nil {
				t.Fatalf("%s: %v", name, err)
			}
			for _, f := range zr.File {
				if path.Ext(f.Name) != ".html" {
					continue
				}
				rc, err := f.Open()
				if err != nil {
					t.Fatal(err)
				}
				b, err := io.ReadAll(rc)
				rc.Close()
				if err != nil {
					t.Fatal(err)
				}
				out[name+"!"+f.Name] = b
			}
		}
	}
	return out
}

func parseHTMLPage(t *testing.T, name string, data []byte) *html.Node {
	t.Helper()
	if data == nil {
		t.Fatalf("no output %s", name)
	}
	doc, err := html.Parse(bytes.NewReader(data))
	if err != nil {
		t.Fatalf("%s: %v", name, err)
	}
	return doc
}

// checkNoActiveContent parses a page as a browser would and fails on
// anything that runs and that the theme does not put there: a script
// other than JSON-LD or the theme's own files, an event handler
// attribute, a javascript:, vbscript: or data: address, an iframe, the
// payload's <img src=x> or <svg>. With rawHTML the site allows raw HTML in
// bodies, so what the body wrote (marked alert(2)) may run; what front
// matter holds (alert(1)) never may.
func checkNoActiveContent(t *testing.T, name string, data []byte, rawHTML bool) {
	t.Helper()
	doc := parseHTMLPage(t, name, data)
	fromBody := func(s string) bool {
		return rawHTML && strings.Contains(s, "alert(2)") && !strings.Contains(s, "alert(1)")
	}
	walkHTML(doc, func(n *html.Node) {
		if n.Type == html.TextNode {
			// Escaped twice, a value would show its entities to readers.
			for _, e := range []string{"&lt;", "&gt;", "&#34;", "&#39;", "&quot;", "&amp;"} {
				if strings.Contains(n.Data, e) {
					t.Errorf("%s: text %q shows the entity %s: escaped twice", name, clipText(n.Data), e)
				}
			}
			return
		}
		if n.Type != html.ElementNode {
			return
		}
		fromContent := func(what string) {
			t.Errorf("%s: %s came from content: %s", name, what, renderNode(n))
		}
		switch n.DataAtom {
		case atom.Script:
			typ, src := htmlAttr(n, "type"), htmlAttr(n, "src")
			text := ""
			if n.FirstChild != nil {
				text = n.FirstChild.Data
			}
			switch {
			case typ == "application/ld+json":
				var v any
				if err := json.Unmarshal([]byte(text), &v); err != nil {
					t.Errorf("%s: JSON-LD is not JSON: %v", name, err)
				}
			case src != "" && strings.TrimSpace(text) == "" && !strings.Contains(src, ":"):
				// the theme's own script files
			case fromBody(text):
			default:
				fromContent("a script")
			}
		case atom.Img:
			if htmlAttr(n, "src") == "x" && !fromBody(htmlAttr(n, "onerror")) {
				fromContent("the payload's <img src=x>")
			}
		case atom.Iframe, atom.Object, atom.Embed:
			if !rawHTML {
				fromContent("an " + n.Data)
			}
		}
		for _, a := range n.Attr {
			key := strings.ToLower(a.Key)
			if strings.HasPrefix(key, "on") && !fromBody(a.Val) {
				fromContent("an event handler attribute " + a.Key)
			}
			switch key {
			case "href", "src", "action", "formaction", "srcset", "poster", "xlink:href":
				if n.DataAtom == atom.Link && htmlAttr(n, "rel") == "icon" {
					continue // the theme's logo, inlined in the offline copy
				}
				v := strings.ToLower(strings.TrimSpace(a.Val))
				for _, scheme := range []string{"javascript:", "vbscript:", "data:"} {
					// With raw HTML allowed, the body's addresses are the site's
					// choice; front matter never makes an address.
					if strings.HasPrefix(v, scheme) && (!rawHTML || strings.Contains(a.Val, "alert(1)")) {
						fromContent("a " + scheme + " address")
					}
				}
			}
		}
	})
}

func walkHTML(n *html.Node, f func(*html.Node)) {
	f(n)
	for c := n.FirstChild; c != nil; c = c.NextSibling {
		walkHTML(c, f)
	}
}

func htmlAttr(n *html.Node, key string) string {
	for _, a := range n.Attr {
		if a.Key == key {
			return a.Val
		}
	}
	return ""
}

func findElement(doc *html.Node, a atom.Atom) *html.Node {
	var found *html.Node
	walkHTML(doc, func(n *html.Node) {
		if found == nil && n.Type == html.ElementNode && n.DataAtom == a {
			found = n
		}
	})
	if found == nil {
		return &html.Node{}
	}
	return found
}

func hasHTMLAttr(doc *html.Node, a atom.Atom, key, val string) bool {
	found := false
	walkHTML(doc, func(n *html.Node) {
		if n.Type == html.ElementNode && n.DataAtom == a && htmlAttr(n, key) == val {
			found = true
		}
	})
	return found
}

func hasHTMLText(doc *html.Node, a atom.Atom, text string) bool {
	found := false
	walkHTML(doc, func(n *html.Node) {
		if n.Type == html.ElementNode && n.DataAtom == a && strings.TrimSpace(htmlText(n)) == text {
			found = true
		}
	})
	return found
}

// allText is the text of a node and everything below it, as a reader
// sees it (scripts and styles left out).
func htmlText(n *html.Node) string {
	var b strings.Builder
	walkHTML(n, func(c *html.Node) {
		if c.Type == html.TextNode && (c.Parent == nil || (c.Parent.DataAtom != atom.Script && c.Parent.DataAtom != atom.Style)) {
			b.WriteString(c.Data)
		}
	})
	return strings.Join(strings.Fields(b.String()), " ")
}

func pageJSONLD(t *testing.T, name string, data []byte) map[string]any {
	t.Helper()
	var out map[string]any
	walkHTML(parseHTMLPage(t, name, data), func(n *html.Node) {
		if n.DataAtom == atom.Script && htmlAttr(n, "type") == "application/ld+json" && n.FirstChild != nil {
			if err := json.Unmarshal([]byte(n.FirstChild.Data), &out); err != nil {
				t.Errorf("%s: JSON-LD: %v", name, err)
			}
		}
	})
	if out == nil {
		t.Fatalf("%s has no JSON-LD", name)
	}
	return out
}

func renderNode(n *html.Node) string {
	var b bytes.Buffer
	_ = html.Render(&b, n)
	return clipText(b.String())
}

func clipText(s string) string {
	if len(s) > 200 {
		return s[:200] + "…"
	}
	return s
}
