package pagefile

import (
	"bytes"
	"slices"
	"strings"

	"github.com/dinsos-metro/warta/internal/schema"
)

// New writes a new page of a kind: its fields in the schema's order (keys
// the schema does not know after them, by name), then a blank line and the
// body.
func New(kind string, fields map[string]any, body []byte) ([]byte, error) {
	return write(kind, fields, body, "", nil)
}

// Template is New with each field's help text (in lang) as a comment above
// it, for pages a person fills in by hand (`warta new`): the choices of a
// choice field (choices["districts"]: the site's kecamatan; levels come
// from the schema) and an example entry of a list of entries are shown.
func Template(kind string, fields map[string]any, body []byte, lang string, choices map[string][]string) ([]byte, error) {
	return write(kind, fields, body, lang, choices)
}

func write(kind string, fields map[string]any, body []byte, lang string, choices map[string][]string) ([]byte, error) {
	var b bytes.Buffer
	b.WriteString("---\n")
	for _, k := range orderKeys(kind, fields) {
		if f, ok := schema.Lookup(kind, k); ok && lang != "" && k != "title" {
			b.WriteString(comment(f, lang, choices))
		}
		s, isText := fields[k].(string)
		enc, err := encodeField(k, fields[k], isText && quoteNew(k, s))
		if err != nil {
			return nil, err
		}
		b.WriteString(enc)
	}
	b.WriteString("---\n")
	if body = bytes.TrimLeft(body, "\r\n"); len(body) > 0 {
		b.WriteString("\n")
		b.Write(body)
		if !bytes.HasSuffix(body, []byte("\n")) {
			b.WriteString("\n")
		}
	}
	// What New writes must be what Parse reads: check it.
	if _, err := Parse(b.Bytes()); err != nil {
		return nil, err
	}
	return b.Bytes(), nil
}

func orderKeys(kind string, fields map[string]any) []string {
	var out []string
	for _, f := range schema.For(kind) {
		if _, ok := fields[f.Key]; ok {
			out = append(out, f.Key)
		}
	}
	var rest []string
	for k := range fields {
		if !slices.Contains(out, k) {
			rest = append(rest, k)
		}
	}
	order := schema.Order()
	slices.SortFunc(rest, func(a, b string) int {
		ia, ib := slices.Index(order, a), slices.Index(order, b)
		if ia < 0 {
			ia = len(order)
		}
		if ib < 0 {
			ib = len(order)
		}
		if ia != ib {
			return ia - ib
		}
		return strings.Compare(a, b)
	})
	return append(out, rest...)
}

// wrap cuts text into lines of at most width characters, at spaces.
func wrap(text string, width int) []string {
	var lines []string
	line := ""
	for _, w := range strings.Fields(text) {
		if line != "" && len([]rune(line))+1+len([]rune(w)) > width {
			lines = append(lines, line)
			line = ""
		}
		if line != "" {
			line += " "
		}
		line += w
	}
	if line != "" {
		lines = append(lines, line)
	}
	return lines
}

// quoteNew tells whether a new text value is written in quotes, as a
// careful person writes it: text with spaces (titles, names, sentences)
// and text that starts with a digit but is not a date ("4-6", "35 menit").
// Dates, file names, folders and single words stay plain.
func quoteNew(key, s string) bool {
	f, _ := schema.Common(key)
	if f.Type == schema.DateTime {
		return false
	}
	return strings.Contains(s, " ") || s != "" && s[0] >= '0' && s[0] <= '9'
}

// comment explains a field above it in a template.
func comment(f schema.Field, lang string, choices map[string][]string) string {
	lines := wrap(f.Help(lang), 70)
	list := choices[f.Choices]
	if f.Choices == "levels" {
		list = schema.Levels
	}
	if f.Type == schema.Choice && len(list) > 0 {
		lines = append(lines, map[bool]string{true: "Pilihan: ", false: "Choices: "}[lang == "id"]+strings.Join(list, ", ")+".")
	}
	var b strings.Builder
	for _, l := range lines {
		b.WriteString("# " + l + "\n")
	}
	if f.Type == schema.Entries {
		b.WriteString(map[bool]string{true: "# Contoh:\n", false: "# For example:\n"}[lang == "id"])
		lead := "#   - "
		for _, it := range f.Items {
			if it.Type != schema.Bool {
				b.WriteString(lead + it.Key + ": " + it.Example + "\n")
				lead = "#     "
			}
		}
	}
	return b.String()
}
