package content

import (
	"fmt"
	"slices"
	"strings"
	"time"

	"github.com/dinsos-metro/warta/internal/diag"
	"github.com/dinsos-metro/warta/internal/i18n"
	"github.com/dinsos-metro/warta/internal/schema"
)

// reader pulls typed values out of Fields and records a diagnostic, with
// the field's line, for every value of the wrong shape. It never stops at
// the first problem.
type reader struct {
	file   string
	fields Fields
	loc    *time.Location
	ds     []diag.Diagnostic
	kind   string // the page's kind, for its schema (set by fillCommon)
}

// spec is the schema's definition of a field of the page's kind (a field
// of another kind is read as that kind has it, never required).
func (r *reader) spec(key string) schema.Field {
	if f, ok := schema.Lookup(r.kind, key); ok {
		return f
	}
	if f, ok := schema.Common(key); ok {
		return f
	}
	return schema.Field{Key: key, Type: schema.Text}
}

// want panics when code reads a field as a type its schema does not give
// it: a programming mistake every test that loads a page catches.
func (r *reader) want(f schema.Field, types ...schema.Type) {
	if !slices.Contains(types, f.Type) {
		panic(fmt.Sprintf("content: %s.%s is %s in the schema, read as %v", r.kind, f.Key, f.Type, types))
	}
}

// The readers by schema: whether a field is required and its example come
// from internal/schema, the one definition of the fields.

func (r *reader) textField(key string) string {
	f := r.spec(key)
	r.want(f, schema.Text, schema.LongText, schema.Choice, schema.File, schema.Gallery)
	return r.text(key, f.Required, f.Line())
}

func (r *reader) listField(key string) []string {
	f := r.spec(key)
	r.want(f, schema.List, schema.Schools)
	items := r.list(key)
	if f.Required && !r.has(key) {
		r.fail(key, diag.FieldRequired, key, f.Line())
	}
	return items
}

func (r *reader) boolField(key string) bool {
	r.want(r.spec(key), schema.Bool)
	return r.boolean(key)
}

func (r *reader) dateField(key string) time.Time {
	f := r.spec(key)
	r.want(f, schema.DateTime)
	return r.date(key, f.Required)
}

// entriesField reads a list of entries; the message names the entry's
// text fields ("file, caption and alt") from the schema.
func (r *reader) entriesField(key string) []map[string]any {
	f := r.spec(key)
	r.want(f, schema.Entries)
	var names []string
	for _, it := range f.Items {
		if it.Type != schema.Bool {
			names = append(names, it.Key)
		}
	}
	var shape any = strings.Join(names, ", ")
	if n := len(names); n > 1 {
		shape = diag.P(diag.FieldItemsAnd, strings.Join(names[:n-1], ", "), names[n-1])
	}
	return r.entries(key, shape)
}

func (r *reader) has(key string) bool { _, ok := r.fields[key]; return ok }

func (r *reader) line(key string) int { return r.fields[key].Line }

func (r *reader) fail(key string, code diag.Code, args ...any) {
	r.failItem(key, -1, code, args...)
}

// failItem reports a problem with item i of a list field (-1: the field).
func (r *reader) failItem(key string, i int, code diag.Code, args ...any) {
	f := r.fields[key]
	line := f.Line
	if i >= 0 && i < len(f.ItemLines) {
		line = f.ItemLines[i]
	}
	if line == 0 {
		line = 1
	}
	r.ds = append(r.ds, diag.New(r.file, line, code, args...))
}

func describe(v any) any {
	switch v.(type) {
	case []any:
		return diag.P(diag.YAMLKindList)
	case map[string]any:
		return diag.P(diag.YAMLKindMap)
	case bool:
		return diag.P(diag.YAMLKindBool)
	}
	return diag.P(diag.ValueOther) // a TOML date, say (numbers are taken as text)
}

// text reads a text field; numbers are accepted and written as text.
func (r *reader) text(key string, required bool, example string) string {
	f, ok := r.fields[key]
	if !ok || f.Value == nil || f.Value == "" {
		if required {
			r.fail(key, diag.FieldRequired, key, example)
		}
		return ""
	}
	switch v := f.Value.(type) {
	case string:
		return strings.TrimSpace(v)
	case int64, float64:
		return fmt.Sprint(v)
	}
	r.fail(key, diag.FieldNotText, key, describe(f.Value))
	return ""
}

func (r *reader) boolean(key string) bool {
	f, ok := r.fields[key]
	if !ok || f.Value == nil {
		return false
	}
	if b, ok := f.Value.(bool); ok {
		return b
	}
	r.fail(key, diag.FieldNotBool, key, fmt.Sprint(f.Value))
	return false
}

// optionalBool is like boolean but tells "absent" from "false".
func optionalBool(v any) (value, set bool) {
	b, ok := v.(bool)
	return b, ok
}

// date reads a date in the site's time zone.
func (r *reader) date(key string, required bool) time.Time {
	s := r.text(key, required, key+": 2025-07-29")
	if s == "" {
		return time.Time{}
	}
	t, ok := parseDate(s, r.loc)
	if !ok {
		r.fail(key, diag.FieldNotDate, key, s)
	}
	return t
}

var dateLayouts = []string{
	time.RFC3339, // fractions of a second are accepted too
	"2006-01-02T15:04:05",
	"2006-01-02T15:04",
	"2006-01-02 15:04:05",
	"2006-01-02 15:04",
	"2006-01-02",
	// As Jekyll, Hexo and WordPress exports write them.
	"2006-01-02 15:04:05 -0700",
	"2006-01-02 15:04:05 -07:00",
	"2006-01-02 15:04:05Z07:00",
	"2006-01-02 15:04 -0700",
	"2006-01-02T15:04:05-0700",
	"2006-01-02 15:04:05 -0700 MST",
}

// parseDate accepts a calendar date or a date and time. A time with an
// offset keeps it: a report written in Makassar at 00:59 WITA happened on
// that day there, and is shown so (order and feeds use the instant anyway).
// Times without an offset are in the site's time zone. The zone of an
// offset that is not the site's is named (WITA, UTC+05:30), so that two
// dates of the same instant written in different zones differ.
func parseDate(s string, loc *time.Location) (time.Time, bool) {
	for _, layout := range dateLayouts {
		t, err := time.ParseInLocation(layout, s, loc)
		if err != nil {
			continue
		}
		_, off := t.Zone()
		if _, site := t.In(loc).Zone(); off == site {
			return t.In(loc), true
		}
		return t.In(time.FixedZone(i18n.ZoneName(off), off)), true
	}
	return time.Time{}, false
}

// list reads a list of text; a single text value counts as a list of one.
func (r *reader) list(key string) []string {
	f, ok := r.fields[key]
	if !ok || f.Value == nil {
		return nil
	}
	switch v := f.Value.(type) {
	case string:
		if s := strings.TrimSpace(v); s != "" {
			return []string{s}
		}
		return nil
	case []any:
		out := make([]string, 0, len(v))
		for _, item := range v {
			switch s := item.(type) {
			case string:
				if s = strings.TrimSpace(s); s != "" {
					out = append(out, s)
				}
			case int64, float64:
				out = append(out, fmt.Sprint(s))
			default:
				r.fail(key, diag.FieldNotList, key)
				return out
			}
		}
		return out
	}
	r.fail(key, diag.FieldNotList, key)
	return nil
}

// entries reads a list of groups of fields, such as photos or attachments.
// A bare text item is taken as {file: item}.
func (r *reader) entries(key string, shape any) []map[string]any {
	f, ok := r.fields[key]
	if !ok || f.Value == nil {
		return nil
	}
	items, ok := f.Value.([]any)
	if !ok {
		r.fail(key, diag.FieldNotMapList, key, shape)
		return nil
	}
	out := make([]map[string]any, 0, len(items))
	for _, item := range items {
		switch v := item.(type) {
		case map[string]any:
			out = append(out, v)
		case string:
			out = append(out, map[string]any{"file": v})
		default:
			r.fail(key, diag.FieldNotMapList, key, shape)
			return out
		}
	}
	return out
}

// str reads a text value from an entry.
func str(m map[string]any, key string) string {
	switch v := m[key].(type) {
	case string:
		return strings.TrimSpace(v)
	case nil:
		return ""
	default:
		return fmt.Sprint(v)
	}
}
