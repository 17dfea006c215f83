package scrub

import (
	"bytes"
	"encoding/xml"
	"errors"
	"io"
	"slices"
	"strings"
)

// xmlRules say what to take out of one XML part. Each returns the field
// it is, for the report ("" for what is taken out with another field),
// and whether it applies.
type xmlRules struct {
	// drop removes an element whole.
	drop func(e xml.StartElement) (string, bool)
	// empty keeps an element but removes what is inside it.
	empty func(e xml.StartElement) (string, bool)
	// attr empties the value of an attribute.
	attr func(e xml.StartElement, a xml.Attr) (string, bool)
}

// cut replaces data[start:end] with nothing.
type cut struct{ start, end int }

// editXML applies rules to an XML part by cutting byte ranges out of it,
// found with encoding/xml's offsets: everything else stays byte for byte
// (declarations, prefixes, white space). It returns the edited part (nil
// when nothing was cut) and the fields found holding text.
func editXML(data []byte, r xmlRules) ([]byte, []string, error) {
	d := xml.NewDecoder(bytes.NewReader(data))
	var (
		cuts   []cut
		labels []string
		// The element being removed or emptied, by depth.
		depth, inDepth int
		inStart        int
		inLabel        string
		inText         bool
		emptying       bool
	)
	found := func(label string, text bool) {
		if label != "" && text && !slices.Contains(labels, label) {
			labels = append(labels, label)
		}
	}
	for {
		before := int(d.InputOffset())
		tok, err := d.Token()
		if errors.Is(err, io.EOF) {
			break
		}
		if err != nil {
			return nil, nil, err
		}
		after := int(d.InputOffset())
		switch t := tok.(type) {
		case xml.StartElement:
			depth++
			if inDepth > 0 {
				continue
			}
			if label, ok := callRule(r.drop, t); ok {
				// A name may be in an attribute (w15:person w15:author="...").
				inDepth, inStart, inLabel, inText, emptying = depth, before, label, namedInAttrs(t), false
				continue
			}
			if label, ok := callRule(r.empty, t); ok {
				inDepth, inStart, inLabel, inText, emptying = depth, after, label, false, true
				continue
			}
			if r.attr != nil {
				cuts = append(cuts, attrCuts(data[before:after], before, t, r.attr, found)...)
			}
		case xml.EndElement:
			if inDepth == depth {
				end := after
				if emptying {
					end = before
				}
				if end > inStart {
					cuts = append(cuts, cut{inStart, end})
				}
				found(inLabel, inText)
				inDepth = 0
			}
			depth--
		case xml.CharData:
			if inDepth > 0 && len(bytes.TrimSpace(t)) > 0 {
				inText = true
			}
		}
	}
	if len(cuts) == 0 {
		return nil, labels, nil
	}
	out := make([]byte, 0, len(data))
	at := 0
	for _, c := range cuts {
		out = append(out, data[at:c.start]...)
		at = c.end
	}
	return append(out, data[at:]...), labels, nil
}

// namedInAttrs reports whether an element has an attribute with a value
// besides namespace declarations and identifiers.
func namedInAttrs(e xml.StartElement) bool {
	for _, a := range e.Attr {
		switch {
		case a.Name.Space == "xmlns", a.Name.Local == "xmlns", a.Name.Local == "id", strings.TrimSpace(a.Value) == "":
			continue
		}
		return true
	}
	return false
}

func callRule(rule func(xml.StartElement) (string, bool), e xml.StartElement) (string, bool) {
	if rule == nil {
		return "", false
	}
	return rule(e)
}

// attrCuts finds, in the bytes of a start tag, the values of the
// attributes the rule names. encoding/xml lists a tag's attributes in the
// order they are written, namespace declarations included, so the n-th
// attribute written is e.Attr[n].
func attrCuts(tag []byte, offset int, e xml.StartElement, rule func(xml.StartElement, xml.Attr) (string, bool), found func(string, bool)) []cut {
	var cuts []cut
	i := 1 // past '<'
	for i < len(tag) && !isXMLSpace(tag[i]) && tag[i] != '>' && tag[i] != '/' {
		i++
	}
	for n := 0; n < len(e.Attr); n++ {
		for i < len(tag) && isXMLSpace(tag[i]) {
			i++
		}
		for i < len(tag) && tag[i] != '=' {
			i++
		}
		i++
		for i < len(tag) && isXMLSpace(tag[i]) {
			i++
		}
		if i >= len(tag) || (tag[i] != '"' && tag[i] != '\'') {
			return nil // not what encoding/xml read: leave the tag alone
		}
		q := tag[i]
		j := bytes.IndexByte(tag[i+1:], q)
		if j < 0 {
			return nil
		}
		start, end := i+1, i+1+j
		i = end + 1
		if label, ok := rule(e, e.Attr[n]); ok && end > start {
			found(label, len(bytes.TrimSpace(tag[start:end])) > 0)
			cuts = append(cuts, cut{offset + start, offset + end})
		}
	}
	return cuts
}

func isXMLSpace(c byte) bool { return c == ' ' || c == '\t' || c == '\n' || c == '\r' }
