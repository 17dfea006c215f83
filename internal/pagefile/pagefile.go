// Package pagefile edits a page file (front matter and Markdown body) the
// way a careful person would: only the lines of the fields that change are
// rewritten, everything else stays byte for byte.
//
// The API:
//
//	Parse(data []byte) (*Doc, error)
//	(*Doc).Get(key) (any, bool)        // string, bool, int64, float64, []any, map[string]any or nil
//	(*Doc).Keys() []string             // the front matter's keys in file order
//	(*Doc).Set(key string, v any) error
//	(*Doc).Delete(key string) error
//	(*Doc).Body() []byte, SetBody([]byte)
//	(*Doc).Bytes() []byte
//	(*Doc).Format() string             // "yaml", "toml", "json" or "" (no front matter)
//	(*Doc).Editable() error            // nil when Set and Delete can work
//	New(kind string, fields map[string]any, body []byte) ([]byte, error)
//	Template(kind string, fields map[string]any, body []byte, lang string) ([]byte, error)
//
// Rules:
//
//   - Parse then Bytes gives the input back unchanged, whatever it holds.
//   - Set replaces only the lines of that key (a comment at the end of a
//     one-line value is kept); a new key goes where the schema's writing
//     order puts it among the keys the page has (unknown keys at the end).
//     Comments, blank lines, unknown fields and their formatting stay.
//   - Values are written in block style (one "- item" per line, entries
//     with their fields in schema order); text is written plain when YAML
//     reads it back as the same text, else double-quoted with escapes, so
//     a newline, "---", ": ", "#" or a leading "*&!%@" can never break the
//     front matter. Every Set is checked by reading the page back: a value
//     that would not read back the same is refused and nothing changes.
//   - Values are given as Go values: string, bool, int, int64, float64,
//     time.Time (written 2025-07-29 at midnight, else RFC 3339), []string,
//     []any, []map[string]any and map[string]any of those.
//   - Only YAML front matter (---) is edited. TOML (+++) and JSON (;;;)
//     pages are read (Get, Body) and come back unchanged, but Set and
//     Delete refuse them with ErrNotYAML: rewriting them as YAML would
//     surprise the person who chose the format. SetBody works for all.
//   - Line ends (LF or CRLF) and a byte order mark are kept.
package pagefile

import (
	"bytes"
	"errors"
	"fmt"
	"slices"
	"strings"

	"go.yaml.in/yaml/v3"

	"github.com/dinsos-metro/warta/internal/content"
	"github.com/dinsos-metro/warta/internal/diag"
)

// EditError is a page that cannot be edited as asked; Diagnostic gives
// the message in the catalogue (English and Indonesian).
type EditError struct {
	code diag.Code
	args []any
}

func (e *EditError) Error() string { return e.Diagnostic("").Message("en") }

// Diagnostic places the error in a file, for the newsroom to show.
func (e *EditError) Diagnostic(file string) diag.Diagnostic {
	return diag.New(file, 1, e.code, e.args...)
}

var (
	// ErrNotYAML refuses to edit the fields of a TOML or JSON page.
	ErrNotYAML = &EditError{code: diag.PageNotYAML, args: []any{"TOML/JSON"}}
	// ErrFlow refuses to edit fields written as one {key: value} line.
	ErrFlow = &EditError{code: diag.PageFlowYAML}
	// ErrUnclosed says the front matter opens and never closes.
	ErrUnclosed = &EditError{code: diag.PageUnclosed}
)

// Doc is a parsed page file.
type Doc struct {
	format string // yaml, toml, json or ""
	pre    []byte // byte order mark and blank lines before the opening line
	open   []byte // the opening delimiter line, with its line end
	front  []byte // the front matter text
	close  []byte // the closing delimiter line, with its line end (if any)
	body   []byte
	nl     string

	// Order is the writing order for new keys; Parse sets schema.Order().
	Order []string

	values map[string]any
	keys   []string
	spans  map[string]span // YAML only: lines of each key in front
	flow   bool            // the YAML root is a flow mapping: not editable by lines
}

// span is a key's lines [start, end) in front, 0-based; head is where its
// comment lines directly above start.
type span struct {
	head, start, end int
	style            yaml.Style // of a text value, kept when it is replaced
	text             bool
}

var delims = map[string]string{"---": "yaml", "+++": "toml", ";;;": "json"}

// Parse reads a page file.
func Parse(data []byte) (*Doc, error) {
	d := &Doc{nl: "\n", Order: defaultOrder()}
	if bytes.Contains(data, []byte("\r\n")) {
		d.nl = "\r\n"
	}
	lines := splitLines(data)
	i := 0
	for i < len(lines) && isBlank(lines[i], i == 0) {
		i++
	}
	first := ""
	if i < len(lines) {
		first = trimLine(lines[i], i == 0)
	}
	format, ok := delims[first]
	if !ok {
		d.body = data
		d.values = map[string]any{}
		return d, nil
	}
	closing := -1
	for j := i + 1; j < len(lines); j++ {
		if trimLine(lines[j], false) == first {
			closing = j
			break
		}
	}
	if closing < 0 {
		return nil, ErrUnclosed
	}
	d.format = format
	d.pre = bytes.Join(lines[:i], nil)
	d.open = lines[i]
	d.front = bytes.Join(lines[i+1:closing], nil)
	d.close = lines[closing]
	d.body = bytes.Join(lines[closing+1:], nil)
	if err := d.read(); err != nil {
		return nil, err
	}
	return d, nil
}

// read decodes the front matter into values (and spans for YAML).
func (d *Doc) read() error {
	var err error
	switch d.format {
	case "yaml":
		err = d.readYAML()
	case "toml":
		d.values, d.keys, err = readTOML(d.front)
	case "json":
		d.values, d.keys, err = readJSON(d.front)
	}
	return err
}

func (d *Doc) readYAML() error {
	// Fields are edited by line, and the lines must be the ones YAML
	// counts: it also breaks lines at a lone carriage return and at the
	// Unicode line breaks, which this editor does not split at. Such a
	// file is refused rather than edited on the wrong lines.
	if line := oddLineBreak(d.front); line > 0 {
		return fmt.Errorf("YAML front matter: line %d breaks with a lone carriage return or a Unicode line separator; save the file with ordinary line ends", line)
	}
	var doc yaml.Node
	if err := yaml.Unmarshal(d.front, &doc); err != nil {
		return fmt.Errorf("YAML front matter: %w", err)
	}
	d.values, d.keys, d.spans, d.flow = map[string]any{}, nil, map[string]span{}, false
	if len(doc.Content) == 0 {
		return nil
	}
	root := doc.Content[0]
	if root.Kind != yaml.MappingNode {
		return errors.New("the front matter is a single value, not fields (key: value)")
	}
	d.flow = root.Style&yaml.FlowStyle != 0
	lines := splitLines(d.front)
	// One budget for the whole front matter, as the build reads it.
	values := content.NewYAMLValues()
	for i := 0; i+1 < len(root.Content); i += 2 {
		k, v := root.Content[i], root.Content[i+1]
		if _, twice := d.values[k.Value]; twice {
			return fmt.Errorf("YAML front matter: line %d: %q is written twice", k.Line, k.Value)
		}
		d.values[k.Value] = values.Value(v)
		d.keys = append(d.keys, k.Value)
		start, end := k.Line-1, len(lines)
		if i+2 < len(root.Content) {
			end = root.Content[i+2].Line - 1
		}
		if k.Line > 0 && i+2 < len(root.Content) && root.Content[i+2].Line == k.Line {
			d.flow = true // two keys on one line
		}
		for end > start+1 && isTrailing(lines[end-1]) {
			end--
		}
		head := start
		for head > 0 && isComment(lines[head-1]) {
			head--
		}
		d.spans[k.Value] = span{head, start, max(end, start+1), v.Style, v.Kind == yaml.ScalarNode && v.ShortTag() == "!!str"}
	}
	return nil
}

// isTrailing tells lines after a value that belong to the next key: blank
// lines and comments that start at the left edge.
func isTrailing(l []byte) bool {
	t := bytes.TrimRight(l, " \t\r\n")
	return len(t) == 0 || t[0] == '#'
}

func isComment(l []byte) bool { return len(l) > 0 && l[0] == '#' }

// Format says how the front matter is written: yaml, toml, json or "".
func (d *Doc) Format() string { return d.format }

// Editable tells whether Set and Delete can change this page's fields.
func (d *Doc) Editable() error {
	switch {
	case d.format == "toml" || d.format == "json":
		return ErrNotYAML
	case d.flow:
		return ErrFlow
	}
	return nil
}

// Get gives a field's value as the build reads it: dates stay text.
func (d *Doc) Get(key string) (any, bool) {
	v, ok := d.values[key]
	return v, ok
}

// Keys lists the front matter's keys in file order.
func (d *Doc) Keys() []string { return slices.Clone(d.keys) }

// Body is the Markdown after the front matter.
func (d *Doc) Body() []byte { return d.body }

// SetBody replaces the Markdown after the front matter.
func (d *Doc) SetBody(b []byte) {
	if d.format != "" && len(b) > 0 && len(d.close) > 0 && !bytes.HasSuffix(d.close, []byte("\n")) {
		d.close = append(d.close, d.nl...) // the file ended on the closing line
	}
	d.body = b
}

// Bytes is the page file.
func (d *Doc) Bytes() []byte {
	var b bytes.Buffer
	b.Grow(len(d.pre) + len(d.open) + len(d.front) + len(d.close) + len(d.body))
	b.Write(d.pre)
	b.Write(d.open)
	b.Write(d.front)
	b.Write(d.close)
	b.Write(d.body)
	return b.Bytes()
}

// Set writes a field, replacing only its lines, or adding them in the
// writing order.
func (d *Doc) Set(key string, v any) error {
	if err := d.Editable(); err != nil {
		return err
	}
	if err := checkKey(key); err != nil {
		return err
	}
	want, err := normalize(v)
	if err != nil {
		return fmt.Errorf("%s: %w", key, err)
	}
	// Text keeps the quotes it was written with; new text is quoted as
	// the sample pages write it (quoteNew).
	sp, had := d.spans[key]
	s, isText := v.(string)
	quote := isText && (had && sp.text && sp.style&(yaml.DoubleQuotedStyle|yaml.SingleQuotedStyle) != 0 ||
		!had && quoteNew(key, s))
	enc, err := encodeField(key, v, quote)
	if err != nil {
		return fmt.Errorf("%s: %w", key, err)
	}
	if d.format == "" {
		d.startFrontMatter()
	}
	lines := splitLines(d.front)
	newLines := splitLines([]byte(strings.ReplaceAll(enc, "\n", d.nl)))
	var out [][]byte
	if had {
		if sp.end-sp.start == 1 && len(newLines) == 1 {
			if c := lineComment(lines[sp.start]); c != "" {
				newLines[0] = append(bytes.TrimRight(newLines[0], "\r\n"), []byte(" "+c+d.nl)...)
			}
		}
		out = slices.Concat(lines[:sp.start], newLines, lines[sp.end:])
	} else {
		at := d.insertAt(key, lines)
		out = slices.Concat(lines[:at], newLines, lines[at:])
	}
	return d.commit(out, key, want, true)
}

// Delete removes a field and the comment lines directly above it.
func (d *Doc) Delete(key string) error {
	if err := d.Editable(); err != nil {
		return err
	}
	sp, ok := d.spans[key]
	if !ok {
		return nil
	}
	lines := splitLines(d.front)
	return d.commit(slices.Concat(lines[:sp.head], lines[sp.end:]), key, nil, false)
}

// commit takes new front matter lines if they read back as meant: the key
// holds want (or is gone), and every other field is as it was.
func (d *Doc) commit(lines [][]byte, key string, want any, set bool) error {
	before := *d
	d.front = bytes.Join(lines, nil)
	if !bytes.HasSuffix(d.front, []byte("\n")) && len(d.front) > 0 {
		d.front = append(d.front, d.nl...)
	}
	err := d.read()
	if err == nil {
		err = d.verify(&before, key, want, set)
	}
	if err != nil {
		*d = before
		return fmt.Errorf("%s: the change does not read back: %w", key, err)
	}
	return nil
}

func (d *Doc) verify(before *Doc, key string, want any, set bool) error {
	got, ok := d.values[key]
	switch {
	case set && (!ok || !equal(got, want)):
		return fmt.Errorf("wrote %#v, reads back %#v", want, got)
	case !set && ok:
		return errors.New("still there")
	}
	for k, v := range before.values {
		if k != key && !equal(d.values[k], v) {
			return fmt.Errorf("field %q changed too", k)
		}
	}
	return nil
}

// startFrontMatter gives a page without front matter an empty one.
func (d *Doc) startFrontMatter() {
	d.format = "yaml"
	d.open = []byte("---" + d.nl)
	d.close = []byte("---" + d.nl)
	if len(d.body) > 0 && !bytes.HasPrefix(d.body, []byte("\n")) && !bytes.HasPrefix(d.body, []byte("\r\n")) {
		d.close = append(d.close, d.nl...)
	}
	d.front = nil
	d.values, d.spans = map[string]any{}, map[string]span{}
}

// insertAt finds the line a new key goes on: after the nearest key before
// it in the writing order, else before the first key after it, else at
// the end.
func (d *Doc) insertAt(key string, lines [][]byte) int {
	rank := slices.Index(d.Order, key)
	if rank < 0 {
		return len(trimEnd(lines))
	}
	after, before := -1, len(lines)+1
	var afterKey, beforeKey string
	for _, k := range d.keys {
		r := slices.Index(d.Order, k)
		if r < 0 {
			continue
		}
		if r < rank && r > after {
			after, afterKey = r, k
		}
		if r > rank && r < before {
			before, beforeKey = r, k
		}
	}
	switch {
	case afterKey != "":
		return d.spans[afterKey].end
	case beforeKey != "":
		return d.spans[beforeKey].head
	}
	return len(trimEnd(lines))
}

// trimEnd drops trailing blank lines, so an added key follows the last one.
func trimEnd(lines [][]byte) [][]byte {
	for len(lines) > 0 && len(bytes.TrimSpace(lines[len(lines)-1])) == 0 {
		lines = lines[:len(lines)-1]
	}
	return lines
}

// lineComment finds a "# comment" after a one-line value, outside quotes.
func lineComment(l []byte) string {
	s := strings.TrimRight(string(l), "\r\n")
	var quote byte
	for i := 0; i < len(s); i++ {
		c := s[i]
		switch {
		case quote != 0:
			if c == '\\' && quote == '"' {
				i++
			} else if c == quote {
				quote = 0
			}
		case c == '"' || c == '\'':
			quote = c
		case c == '#' && i > 0 && (s[i-1] == ' ' || s[i-1] == '\t'):
			return s[i:]
		}
	}
	return ""
}

func checkKey(key string) error {
	if key == "" || strings.ContainsAny(key, ":#\n\r\t\"'{}[],&*!|>%@`") || strings.TrimSpace(key) != key {
		return fmt.Errorf("%q cannot be a field name", key)
	}
	return nil
}

// splitLines cuts data after each "\n", keeping the line ends.
// oddLineBreak returns the line (1-based) of the first line break in
// data that YAML counts and splitLines does not: a carriage return not
// followed by a line feed, NEL (U+0085), LS (U+2028) or PS (U+2029); 0
// when there is none.
func oddLineBreak(data []byte) int {
	line := 1
	for i := 0; i < len(data); i++ {
		switch {
		case data[i] == '\n':
			line++
		case data[i] == '\r' && (i+1 == len(data) || data[i+1] != '\n'),
			bytes.HasPrefix(data[i:], []byte("\u0085")),
			bytes.HasPrefix(data[i:], []byte("\u2028")),
			bytes.HasPrefix(data[i:], []byte("\u2029")):
			return line
		}
	}
	return 0
}

func splitLines(data []byte) [][]byte {
	var out [][]byte
	for len(data) > 0 {
		i := bytes.IndexByte(data, '\n')
		if i < 0 {
			out = append(out, data)
			break
		}
		out = append(out, data[:i+1])
		data = data[i+1:]
	}
	return out
}

var bom = []byte("\xef\xbb\xbf")

func trimLine(l []byte, first bool) string {
	if first {
		l = bytes.TrimPrefix(l, bom)
	}
	return string(bytes.TrimRight(l, " \t\r\n"))
}

func isBlank(l []byte, first bool) bool { return trimLine(l, first) == "" }
