package scrub

import (
	"bytes"
	"errors"
	"strconv"
)

// A small PDF object reader: enough to find the objects of a file, their
// dictionaries with the byte range of every entry, and where their streams'
// data lies. It never builds the document; it only says where things are,
// so that pdf.go can blank them in place.

// pval is a PDF value and the bytes it spans.
type pval struct {
	kind       byte // 'd' dict, 'a' array, 's' string, 'h' hex string, 'n' name, 'i' number, 'r' reference, 'k' keyword
	start, end int
	name       string // names (decoded) and keywords
	num        int64  // integers; a reference's object number
	gen        int64  // a reference's generation
	entries    []pentry
	items      []pval
}

// pentry is one entry of a dictionary; start is where its key begins.
type pentry struct {
	key   string
	start int
	val   pval
}

// get returns the value of key in a dictionary.
func (v pval) get(key string) (pval, bool) {
	for _, e := range v.entries {
		if e.key == key {
			return e.val, true
		}
	}
	return pval{}, false
}

// isName reports whether v is the name n.
func (v pval) isName(n string) bool { return v.kind == 'n' && v.name == n }

type pdfLexer struct {
	data  []byte
	pos   int
	depth int
}

var errPDFSyntax = errors.New("not a PDF value")

const maxPDFDepth = 64

func isPDFSpace(c byte) bool {
	return c == ' ' || c == '\n' || c == '\r' || c == '\t' || c == '\f' || c == 0
}

func isPDFDelim(c byte) bool {
	switch c {
	case '(', ')', '<', '>', '[', ']', '{', '}', '/', '%':
		return true
	}
	return false
}

func isPDFRegular(c byte) bool { return !isPDFSpace(c) && !isPDFDelim(c) }

// skip passes white space and comments.
func (l *pdfLexer) skip() {
	for l.pos < len(l.data) {
		c := l.data[l.pos]
		switch {
		case isPDFSpace(c):
			l.pos++
		case c == '%':
			for l.pos < len(l.data) && l.data[l.pos] != '\n' && l.data[l.pos] != '\r' {
				l.pos++
			}
		default:
			return
		}
	}
}

// keyword reads a run of regular characters at pos without moving.
func (l *pdfLexer) keyword() string {
	end := l.pos
	for end < len(l.data) && isPDFRegular(l.data[end]) {
		end++
	}
	return string(l.data[l.pos:end])
}

// integer reads an unsigned integer at pos.
func (l *pdfLexer) integer() (int64, bool) {
	start := l.pos
	for l.pos < len(l.data) && l.data[l.pos] >= '0' && l.data[l.pos] <= '9' && l.pos-start < 18 {
		l.pos++
	}
	if l.pos == start || (l.pos < len(l.data) && isPDFRegular(l.data[l.pos])) {
		l.pos = start
		return 0, false
	}
	n, err := strconv.ParseInt(string(l.data[start:l.pos]), 10, 64)
	return n, err == nil
}

// value reads one value.
func (l *pdfLexer) value() (pval, error) {
	l.skip()
	if l.pos >= len(l.data) {
		return pval{}, errPDFSyntax
	}
	if l.depth > maxPDFDepth {
		return pval{}, errors.New("values nested too deep")
	}
	start := l.pos
	switch c := l.data[l.pos]; {
	case c == '/':
		l.pos++
		for l.pos < len(l.data) && isPDFRegular(l.data[l.pos]) {
			l.pos++
		}
		return pval{kind: 'n', start: start, end: l.pos, name: decodeName(l.data[start+1 : l.pos])}, nil
	case c == '(':
		nest := 0
		for l.pos < len(l.data) {
			switch l.data[l.pos] {
			case '\\':
				l.pos++
			case '(':
				nest++
			case ')':
				nest--
			}
			l.pos++
			if nest == 0 {
				return pval{kind: 's', start: start, end: l.pos}, nil
			}
		}
		return pval{}, errors.New("a string is never closed")
	case c == '<' && l.pos+1 < len(l.data) && l.data[l.pos+1] == '<':
		l.pos += 2
		l.depth++
		defer func() { l.depth-- }()
		v := pval{kind: 'd', start: start}
		for {
			l.skip()
			if l.pos+1 < len(l.data) && l.data[l.pos] == '>' && l.data[l.pos+1] == '>' {
				l.pos += 2
				v.end = l.pos
				return v, nil
			}
			k, err := l.value()
			if err != nil || k.kind != 'n' {
				return pval{}, errors.New("a dictionary key is not a name")
			}
			val, err := l.value()
			if err != nil {
				return pval{}, err
			}
			v.entries = append(v.entries, pentry{key: k.name, start: k.start, val: val})
		}
	case c == '<':
		end := bytes.IndexByte(l.data[l.pos:], '>')
		if end < 0 {
			return pval{}, errors.New("a hex string is never closed")
		}
		l.pos += end + 1
		return pval{kind: 'h', start: start, end: l.pos}, nil
	case c == '[':
		l.pos++
		l.depth++
		defer func() { l.depth-- }()
		v := pval{kind: 'a', start: start}
		for {
			l.skip()
			if l.pos < len(l.data) && l.data[l.pos] == ']' {
				l.pos++
				v.end = l.pos
				return v, nil
			}
			item, err := l.value()
			if err != nil {
				return pval{}, err
			}
			v.items = append(v.items, item)
		}
	case c >= '0' && c <= '9':
		if n, ok := l.integer(); ok {
			// "12 0 R" is a reference.
			save := l.pos
			l.skip()
			if g, ok := l.integer(); ok {
				l.skip()
				if l.keyword() == "R" {
					l.pos++
					return pval{kind: 'r', start: start, end: l.pos, num: n, gen: g}, nil
				}
			}
			l.pos = save
			return pval{kind: 'i', start: start, end: l.pos, num: n}, nil
		}
		fallthrough
	case c == '+' || c == '-' || c == '.':
		l.pos++
		for l.pos < len(l.data) && isPDFRegular(l.data[l.pos]) {
			l.pos++
		}
		return pval{kind: 'i', start: start, end: l.pos, num: -1}, nil
	case isPDFRegular(c):
		k := l.keyword()
		l.pos += len(k)
		return pval{kind: 'k', start: start, end: l.pos, name: k}, nil
	}
	return pval{}, errPDFSyntax
}

// decodeName undoes the #xx escapes of a name.
func decodeName(b []byte) string {
	if bytes.IndexByte(b, '#') < 0 {
		return string(b)
	}
	out := make([]byte, 0, len(b))
	for i := 0; i < len(b); i++ {
		if b[i] == '#' && i+2 < len(b) {
			if n, err := strconv.ParseUint(string(b[i+1:i+3]), 16, 8); err == nil {
				out = append(out, byte(n))
				i += 2
				continue
			}
		}
		out = append(out, b[i])
	}
	return string(out)
}

// pdfObject is an indirect object found in the file.
type pdfObject struct {
	num, gen int64
	val      pval
	// data is the range of its stream's bytes; stream is false for
	// objects without one.
	stream     bool
	data, dEnd int
}

// scanPDF finds every indirect object of the file, in every revision (an
// edited PDF keeps its old objects), and every trailer dictionary. It
// reads the file front to back, as readers do to repair a broken
// cross-reference table, so it needs no table.
func scanPDF(data []byte) (objs []*pdfObject, trailers []pval) {
	l := &pdfLexer{data: data}
	for {
		l.skip()
		if l.pos >= len(data) {
			return objs, trailers
		}
		start := l.pos
		c := data[l.pos]
		if c >= '0' && c <= '9' {
			if o := l.object(); o != nil {
				objs = append(objs, o)
				if t, ok := o.val.get("Type"); ok && t.isName("XRef") {
					trailers = append(trailers, o.val)
				}
				continue
			}
			l.pos = start
		}
		switch l.keyword() {
		case "trailer":
			l.pos += len("trailer")
			if v, err := l.value(); err == nil && v.kind == 'd' {
				trailers = append(trailers, v)
				continue
			}
		case "xref":
			if i := bytes.Index(data[l.pos:], []byte("trailer")); i > 0 {
				l.pos += i
				continue
			}
		}
		// Anything else (startxref, its number, binary junk): go on at the
		// next line.
		l.pos = start + 1
		for l.pos < len(data) && data[l.pos] != '\n' && data[l.pos] != '\r' {
			l.pos++
		}
	}
}

// object reads "N G obj value [stream ... endstream] endobj" at pos, or
// returns nil (pos is then wherever it stopped).
func (l *pdfLexer) object() *pdfObject {
	num, ok := l.integer()
	if !ok {
		return nil
	}
	l.skip()
	gen, ok := l.integer()
	if !ok {
		return nil
	}
	l.skip()
	if l.keyword() != "obj" {
		return nil
	}
	l.pos += 3
	v, err := l.value()
	if err != nil {
		return nil
	}
	o := &pdfObject{num: num, gen: gen, val: v}
	l.skip()
	if v.kind == 'd' && l.keyword() == "stream" {
		l.pos += len("stream")
		if l.pos < len(l.data) && l.data[l.pos] == '\r' {
			l.pos++
		}
		if l.pos < len(l.data) && l.data[l.pos] == '\n' {
			l.pos++
		}
		o.stream, o.data = true, l.pos
		o.dEnd = streamEnd(l.data, l.pos, v)
		if o.dEnd < 0 {
			return nil
		}
		l.pos = o.dEnd
		l.skip()
		if l.keyword() == "endstream" {
			l.pos += len("endstream")
		}
		l.skip()
	}
	if l.keyword() == "endobj" {
		l.pos += len("endobj")
	}
	return o
}

// streamEnd is where a stream's data that starts at start ends: after
// /Length bytes when that is a number followed by "endstream", else before
// the next "endstream" (and its end-of-line).
func streamEnd(data []byte, start int, dict pval) int {
	if n, ok := dict.get("Length"); ok && n.kind == 'i' && n.num >= 0 && int64(start)+n.num <= int64(len(data)) {
		end := start + int(n.num)
		l := &pdfLexer{data: data, pos: end}
		l.skip()
		if l.keyword() == "endstream" {
			return end
		}
	}
	i := bytes.Index(data[start:], []byte("endstream"))
	if i < 0 {
		return -1
	}
	end := start + i
	if end > start && data[end-1] == '\n' {
		end--
	}
	if end > start && data[end-1] == '\r' {
		end--
	}
	return end
}
