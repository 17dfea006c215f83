package content

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"strings"
	"time"
	"unique"

	"github.com/BurntSushi/toml"
	"github.com/adrg/frontmatter"
	"go.yaml.in/yaml/v3"

	"github.com/dinsos-metro/warta/internal/diag"
)

// Field is one front matter value with the line it was written on.
type Field struct {
	Value any // string, bool, int64, float64, time.Time, []any, map[string]any or nil
	Line  int // line in the source file, 1-based
	// ItemLines holds the line of each item of a YAML list, for messages
	// about one photo or attachment; nil for other formats.
	ItemLines []int
}

// Fields is a page's front matter, keyed by field name.
type Fields map[string]Field

// FrontMatterError is a syntax error in the front matter, positioned in the file.
type FrontMatterError struct {
	Format string // YAML, TOML or JSON
	Line   int
	Msg    string
	// Problem is Msg as a value for a message: for YAML, what
	// diag.YAMLProblemAt makes of it (a diag.Part, in the reader's
	// language, for the common mistakes); nil when Msg is all there is.
	Problem any
}

func (e *FrontMatterError) Error() string { return fmt.Sprintf("line %d: %s", e.Line, e.Msg) }

// errUnclosed says the file opens a front matter block and never closes it.
var errUnclosed = errors.New("front matter not closed")

// splitFrontMatter cuts src into front matter fields and body. bodyLine is
// the file line on which the body starts, so Markdown positions stay true.
// src must not start with a byte order mark (the caller strips it).
func splitFrontMatter(src []byte) (fields Fields, body []byte, bodyLine int, err error) {
	var raw []byte
	format := ""
	capture := func(name string) frontmatter.UnmarshalFunc {
		return func(data []byte, _ any) error {
			raw, format = data, name
			return nil
		}
	}
	formats := []*frontmatter.Format{
		frontmatter.NewFormat("---", "---", capture("YAML")),
		frontmatter.NewFormat("+++", "+++", capture("TOML")),
		frontmatter.NewFormat(";;;", ";;;", capture("JSON")),
	}
	src = yamlDocumentEnd(src)
	rest, perr := frontmatter.Parse(bytes.NewReader(src), nil, formats...)
	if perr != nil {
		return nil, nil, 1, perr
	}
	if format == "" {
		if open := firstLine(src); open == "---" || open == "+++" || open == ";;;" {
			return nil, nil, 1, errUnclosed
		}
		if line, body := missingOpening(src); line > 0 {
			return Fields{}, body, line + 1, &FrontMatterError{"YAML", line, "noopen", nil}
		}
		return Fields{}, src, 1, nil
	}
	head := src[:len(src)-len(rest)]
	bodyLine = bytes.Count(head, []byte("\n")) + 1
	// The opening delimiter is on the first non-blank line; the fields start after it.
	fmLine := bytes.Count(src[:bytes.Index(src, raw)], []byte("\n")) + 1
	switch format {
	case "YAML":
		fields, err = decodeYAML(raw, fmLine)
	case "TOML":
		fields, err = decodeTOML(raw, fmLine)
	case "JSON":
		fields, err = decodeJSON(raw, fmLine)
	}
	return fields, rest, bodyLine, err
}

func firstLine(src []byte) string {
	// As strings.SplitN(src, "\n", 8) would cut it, without copying the
	// whole file into a string first (this runs for every page).
	for range 7 {
		l, rest, more := bytes.Cut(src, []byte("\n"))
		if t := bytes.TrimSpace(l); len(t) > 0 {
			return string(t)
		}
		if !more {
			return ""
		}
		src = rest
	}
	return string(bytes.TrimSpace(src))
}

func decodeYAML(raw []byte, first int) (Fields, error) {
	var doc yaml.Node
	if err := yaml.Unmarshal(raw, &doc); err != nil {
		n, msg := diag.YAMLErrorAt(err.Error(), raw)
		return nil, &FrontMatterError{"YAML", first + n - 1, msg, diag.YAMLProblemAt(msg, raw, n)}
	}
	fields := Fields{}
	if len(doc.Content) == 0 {
		return fields, nil
	}
	root := doc.Content[0]
	if root.Kind != yaml.MappingNode {
		return nil, &FrontMatterError{"YAML", first + root.Line - 1, "notmap", nil}
	}
	values := NewYAMLValues()
	for i := 0; i+1 < len(root.Content); i += 2 {
		k, v := root.Content[i], root.Content[i+1]
		if prev, twice := fields[k.Value]; twice {
			// yaml.v3 lets the last one win silently when decoding into a
			// Node; a field written twice is a mistake to point at (TOML
			// refuses it too).
			return nil, &FrontMatterError{"YAML", first + k.Line - 1, fmt.Sprintf("%q is written twice (first on line %d)", k.Value, prev.Line),
				diag.P(diag.YAMLKeyTwice, k.Value, prev.Line)}
		}
		f := Field{Value: values.Value(v), Line: first + k.Line - 1}
		if v.Kind == yaml.SequenceNode {
			for _, item := range v.Content {
				f.ItemLines = append(f.ItemLines, first+item.Line-1)
			}
		}
		fields[intern(k.Value)] = f
	}
	return fields, nil
}

// intern gives one copy of a short string that many pages share: field
// names, and values such as a district, a program or a school. A large
// site keeps every page's fields for the whole build; the same dozen
// names in each of 50,000 pages add up.
func intern(s string) string {
	if len(s) > maxInterned {
		return s
	}
	return unique.Make(s).Value()
}

// maxInterned is the longest string intern shares; longer ones (titles,
// summaries) are rarely the same twice.
const maxInterned = 48

// maxYAMLValues bounds the values one front matter may expand to: aliases
// can make a few lines stand for millions of values ("billion laughs").
const maxYAMLValues = 100_000

// YAMLValues turns YAML nodes into the plain values front matter fields
// hold, expanding aliases within one budget. An alias inside its own
// anchor (&a [*a]) would expand forever; it becomes nil. The build and the
// newsroom's page editor (internal/pagefile) read fields through it, so a
// value the editor writes reads back as the build will see it.
type YAMLValues struct {
	budget int
	active map[*yaml.Node]bool // anchors being expanded
}

// NewYAMLValues starts a budget of maxYAMLValues values for one front matter.
func NewYAMLValues() *YAMLValues {
	return &YAMLValues{budget: maxYAMLValues, active: map[*yaml.Node]bool{}}
}

// Value turns a node into plain values. Timestamps stay text: dates are
// parsed by one rule (parseDate) whatever the front matter format.
func (d *YAMLValues) Value(n *yaml.Node) any {
	if d.budget--; d.budget < 0 {
		return nil
	}
	switch n.Kind {
	case yaml.AliasNode:
		if n.Alias == nil || d.active[n.Alias] {
			return nil
		}
		d.active[n.Alias] = true
		defer delete(d.active, n.Alias)
		return d.Value(n.Alias)
	case yaml.SequenceNode:
		out := make([]any, 0, len(n.Content))
		for _, c := range n.Content {
			out = append(out, d.Value(c))
		}
		return out
	case yaml.MappingNode:
		out := map[string]any{}
		for i := 0; i+1 < len(n.Content); i += 2 {
			out[n.Content[i].Value] = d.Value(n.Content[i+1])
		}
		return out
	}
	switch n.ShortTag() {
	case "!!null":
		return nil
	case "!!bool":
		var b bool
		if n.Decode(&b) == nil {
			return b
		}
	case "!!int":
		var i int64
		if n.Decode(&i) == nil {
			return i
		}
	case "!!float":
		var f float64
		if n.Decode(&f) == nil {
			return f
		}
	}
	return intern(n.Value)
}

func decodeTOML(raw []byte, first int) (Fields, error) {
	m := map[string]any{}
	if _, err := toml.Decode(string(raw), &m); err != nil {
		var pe toml.ParseError
		if errors.As(err, &pe) {
			return nil, &FrontMatterError{"TOML", first + pe.Position.Line - 1, pe.Message, diag.TOMLProblemAt(pe.Message, raw, pe.Position.Line)}
		}
		return nil, &FrontMatterError{"TOML", first, err.Error(), diag.TOMLProblemAt(err.Error(), raw, 1)}
	}
	return withLines(m, raw, first, "="), nil
}

func decodeJSON(raw []byte, first int) (Fields, error) {
	m := map[string]any{}
	dec := json.NewDecoder(bytes.NewReader(raw))
	dec.UseNumber()
	if err := dec.Decode(&m); err != nil {
		line := first
		var se *json.SyntaxError
		var te *json.UnmarshalTypeError
		switch {
		case errors.As(err, &se):
			line = first + bytes.Count(raw[:min(int(se.Offset), len(raw))], []byte("\n"))
		case errors.As(err, &te):
			line = first + bytes.Count(raw[:min(int(te.Offset), len(raw))], []byte("\n"))
			return nil, &FrontMatterError{"JSON", line, "notmap", nil}
		}
		return nil, &FrontMatterError{"JSON", line, err.Error(), diag.JSONProblem(err.Error())}
	}
	return withLines(normalizeJSON(m).(map[string]any), raw, first, ":"), nil
}

func normalizeJSON(v any) any {
	switch t := v.(type) {
	case json.Number:
		if i, err := t.Int64(); err == nil {
			return i
		}
		f, _ := t.Float64()
		return f
	case []any:
		for i := range t {
			t[i] = normalizeJSON(t[i])
		}
	case map[string]any:
		for k := range t {
			t[k] = normalizeJSON(t[k])
		}
	}
	return v
}

// withLines attaches to each top-level key the first line that names it; TOML
// and JSON decoders do not report key positions.
func withLines(m map[string]any, raw []byte, first int, sep string) Fields {
	lines := strings.Split(string(raw), "\n")
	fields := Fields{}
	for k, v := range m {
		line := first
		for i, l := range lines {
			t := strings.TrimLeft(l, " \t")
			t = strings.TrimPrefix(t, `"`)
			if strings.HasPrefix(t, k) {
				after := strings.TrimLeft(strings.TrimPrefix(strings.TrimPrefix(t, k), `"`), " \t")
				if strings.HasPrefix(after, sep) {
					line = first + i
					break
				}
			}
		}
		if tm, ok := v.(time.Time); ok {
			v = tomlTime(tm)
		}
		fields[k] = Field{Value: v, Line: line}
	}
	return fields
}

// tomlTime turns TOML's native dates back into text, so one date rule
// applies to every format. Local dates and times carry no offset: the
// decoder marks them with zones of these names (holding the build
// machine's offset, which must not leak into the site).
func tomlTime(t time.Time) string {
	switch t.Location().String() {
	case "date-local":
		return t.Format("2006-01-02")
	case "datetime-local":
		return t.Format("2006-01-02T15:04:05")
	}
	return t.Format(time.RFC3339)
}
