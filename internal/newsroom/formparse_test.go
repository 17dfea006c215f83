package newsroom_test

import (
	"net/url"
	"strings"
	"testing"

	"golang.org/x/net/html"
)

// formValues reads the fields of the form with id as a browser submits
// it without scripts: inputs (checked radios only), the selected option
// of each select, textareas without the newline that follows the tag.
func formValues(t *testing.T, page, id string) url.Values {
	t.Helper()
	doc, err := html.Parse(strings.NewReader(page))
	if err != nil {
		t.Fatal(err)
	}
	var form *html.Node
	var find func(*html.Node)
	find = func(n *html.Node) {
		if form != nil {
			return
		}
		if n.Type == html.ElementNode && n.Data == "form" && attr(n, "id") == id {
			form = n
			return
		}
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			find(c)
		}
	}
	find(doc)
	if form == nil {
		t.Fatalf("no form #%s in the page", id)
	}
	out := url.Values{}
	var walk func(*html.Node)
	walk = func(n *html.Node) {
		if n.Type == html.ElementNode && n.Data == "template" {
			return
		}
		if n.Type == html.ElementNode {
			name := attr(n, "name")
			switch n.Data {
			case "input":
				typ := attr(n, "type")
				switch {
				case name == "" || typ == "file" || typ == "submit" || typ == "button":
				case (typ == "radio" || typ == "checkbox") && !hasAttr(n, "checked"):
				default:
					out.Add(name, attr(n, "value"))
				}
			case "select":
				if name != "" {
					out.Add(name, selected(n))
				}
				return
			case "textarea":
				if name != "" {
					var b strings.Builder
					for c := n.FirstChild; c != nil; c = c.NextSibling {
						b.WriteString(c.Data)
					}
					out.Add(name, b.String())
				}
				return
			}
		}
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			walk(c)
		}
	}
	walk(form)
	return out
}

func selected(sel *html.Node) string {
	first, found, seen := "", false, false
	var pick string
	var walk func(*html.Node)
	walk = func(n *html.Node) {
		if n.Type == html.ElementNode && n.Data == "option" {
			v := attr(n, "value")
			if !seen {
				first, seen = v, true
			}
			if hasAttr(n, "selected") && !found {
				pick, found = v, true
			}
		}
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			walk(c)
		}
	}
	walk(sel)
	if found {
		return pick
	}
	return first
}

func attr(n *html.Node, key string) string {
	for _, a := range n.Attr {
		if a.Key == key {
			return a.Val
		}
	}
	return ""
}

func hasAttr(n *html.Node, key string) bool {
	for _, a := range n.Attr {
		if a.Key == key {
			return true
		}
	}
	return false
}
