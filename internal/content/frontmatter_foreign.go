package content

import (
	"bytes"
	"regexp"
	"strings"
)

// yamlDocumentEnd accepts YAML's own end of a document, "...", as the line
// that closes a front matter opened with "---" (some tools write it). The
// line is given as "---" to the front matter reader; both are three bytes,
// so every offset and line stays where it was.
func yamlDocumentEnd(src []byte) []byte {
	if firstLine(src) != "---" {
		return src
	}
	open := bytes.Index(src, []byte("---"))
	at := open + 3
	for at < len(src) {
		end := bytes.IndexByte(src[at:], '\n')
		line := src[at:]
		if end >= 0 {
			line = src[at : at+end]
		}
		switch strings.TrimRight(string(line), " \t") {
		case "---":
			return src
		case "...":
			if at == open+3 {
				break // "---..." is not a line of its own
			}
			out := bytes.Clone(src)
			copy(out[at:], "---")
			return out
		}
		if end < 0 {
			break
		}
		at += end + 1
	}
	return src
}

// frontKey is a line "key: value" or "key:" of YAML.
var frontKey = regexp.MustCompile(`^([A-Za-z_][A-Za-z0-9_-]*)\s*:(\s|$)`)

// knownKeys are fields warta or other generators use: a block of "key:
// value" lines names at least one before it is taken for front matter.
var knownKeys = map[string]bool{
	"title": true, "date": true, "draft": true, "tags": true, "summary": true,
	"description": true, "slug": true, "weight": true, "cover": true, "cover_alt": true,
	"level": true, "photos": true, "attachments": true, "location": true,
	"district": true, "program": true, "author": true, "layout": true,
	"categories": true, "consent": true, "gallery": true,
}

// missingOpening recognises front matter whose opening "---" was lost: the
// file starts with "title: ..." and a line "---" closes a block of fields.
// It returns the line of that "---" (1-based) and the body after it, or 0.
// Every line before it must look like YAML (a field, an indented line or a
// list item), without blank lines, and one field must be a known one: a
// page that starts "Catatan: ..." and has a rule further down is text.
func missingOpening(src []byte) (int, []byte) {
	lines := strings.SplitAfterN(string(src), "\n", 64)
	if len(lines) == 0 || !frontKey.MatchString(lines[0]) {
		return 0, nil
	}
	known := false
	offset := 0
	for i, l := range lines {
		t := strings.TrimRight(l, " \t\n")
		switch {
		case i > 0 && (t == "---" || t == "..."):
			if !known {
				return 0, nil
			}
			return i + 1, src[offset+len(l):]
		case t == "" || i == len(lines)-1:
			return 0, nil
		case strings.HasPrefix(t, " ") || strings.HasPrefix(t, "\t") || strings.HasPrefix(t, "- ") || strings.HasPrefix(t, "#"):
		default:
			m := frontKey.FindStringSubmatch(t)
			if m == nil {
				return 0, nil
			}
			known = known || knownKeys[strings.ToLower(m[1])]
		}
		offset += len(l)
	}
	return 0, nil
}
