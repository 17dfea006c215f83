package newsroom

import (
	"cmp"
	"fmt"
	"io/fs"
	"net/url"
	"slices"
	"strconv"
	"strings"
	"time"

	"go.yaml.in/yaml/v3"

	"github.com/dinsos-metro/warta/internal/content"
	"github.com/dinsos-metro/warta/internal/schema"
)

// A form is built from schema.For(kind): one widget per field, each
// named "f.KEY" (lists repeat the name, one input per item). Status
// fields (draft, review) are not widgets: the status buttons set them.
// Photos and attachments have their own panels (photos.go).

// widget is one field of the form, ready for the template.
type widget struct {
	Key, Label, Help string
	Type             string // text, longtext, date, bool, number, list, choice, gallery
	Required         bool
	Value            string   // one value
	Time             string   // the time of a date, "HH:MM" (empty: a date only)
	Values           []string // a list's items, plus empty inputs to add more
	Choices          []string // a choice's options
	Options          []option // options with labels (schools)
	Items            []widget // the fields of a group
	Suggest          string   // the id of a <datalist>
	Problems         []string // the build's problems on this field
}

// option is a choice whose label differs from its value.
type option struct {
	Value, Label string
	Selected     bool
}

// hidden fields: set by buttons or panels, not typed.
var hidden = map[string]bool{"draft": true, "review": true, "photos": true, "attachments": true, "cover": true, "cover_alt": true}

// lists are what choices and suggestions come from.
type lists struct {
	Districts, Galleries []string
	Schools              []option            // key and name, from data/sekolah.yaml
	Suggest              map[string][]string // "program", "tags", "topics", "schools": terms in use
}

func siteLists(districts []string, pages []*content.Page) lists {
	l := lists{Districts: districts, Suggest: map[string][]string{}}
	seen := map[string]map[string]bool{}
	add := func(key, v string) {
		if v == "" {
			return
		}
		if seen[key] == nil {
			seen[key] = map[string]bool{}
		}
		if !seen[key][v] {
			seen[key][v] = true
			l.Suggest[key] = append(l.Suggest[key], v)
		}
	}
	for _, p := range pages {
		if p.Kind == content.KindGallery {
			l.Galleries = append(l.Galleries, p.Dir)
		}
		for _, key := range []string{"program", "tags", "topics", "schools", "location"} {
			switch v := p.Params[key].(type) {
			case string:
				add(key, v)
			case []any:
				for _, x := range v {
					if s, ok := x.(string); ok {
						add(key, s)
					}
				}
			}
		}
	}
	for k := range l.Suggest {
		slices.Sort(l.Suggest[k])
	}
	slices.Sort(l.Galleries)
	return l
}

// widgets makes the form of a kind from the page's current values.
func widgets(kind, lang string, get func(string) (any, bool), l lists, loc *time.Location) []widget {
	var out []widget
	for _, f := range schema.For(kind) {
		if hidden[f.Key] {
			continue
		}
		w := widget{Key: f.Key, Label: f.Label(lang), Help: f.Help(lang), Required: f.Required}
		v, _ := get(f.Key)
		switch f.Type {
		case schema.LongText:
			w.Type, w.Value = "longtext", text(v)
		case schema.DateTime:
			w.Type = "date"
			w.Value, w.Time = dateParts(v, loc)
		case schema.Bool:
			w.Type, w.Value = "bool", boolText(v)
		case schema.Number:
			w.Type, w.Value = "number", text(v)
		case schema.Schools:
			w.Type = "multi"
			chosen := items(v)
			w.Options = schoolOptions(l.Schools, chosen)
		case schema.Group:
			w.Type = "group"
			m, _ := v.(map[string]any)
			for _, it := range f.Items {
				w.Items = append(w.Items, widget{Key: f.Key + "." + it.Key, Label: it.Label(lang), Help: it.Help(lang), Type: "number", Value: text(m[it.Key])})
			}
		case schema.Entries:
			continue // photos and attachments have panels of their own
		case schema.List:
			w.Type = "list"
			w.Values = append(items(v), "", "")
		case schema.Choice:
			w.Type, w.Value = "choice", text(v)
			switch f.Choices {
			case "districts":
				w.Choices = l.Districts
			case "levels":
				w.Choices = schema.Levels
			case "schools":
				w.Type = "select"
				w.Options = schoolOptions(l.Schools, []string{text(v)})
			}
			if w.Value != "" && !slices.Contains(w.Choices, w.Value) {
				w.Choices = append(slices.Clone(w.Choices), w.Value) // keep what the file says
			}
		case schema.Gallery:
			w.Type, w.Value, w.Choices = "choice", text(v), l.Galleries
			if w.Value != "" && !slices.Contains(w.Choices, w.Value) {
				w.Choices = append(slices.Clone(w.Choices), w.Value)
			}
		default:
			w.Type, w.Value = "text", text(v)
		}
		if f.Suggest != "" {
			w.Suggest = "s-" + f.Suggest
		} else if f.Key == "location" || f.Key == "schools" {
			w.Suggest = "s-" + f.Key
		}
		out = append(out, w)
	}
	return out
}

func text(v any) string {
	switch x := v.(type) {
	case nil:
		return ""
	case string:
		return x
	case time.Time:
		return x.Format(time.RFC3339)
	default:
		return fmt.Sprint(x)
	}
}

func boolText(v any) string {
	switch x := v.(type) {
	case bool:
		return strconv.FormatBool(x)
	case string:
		return x
	}
	return ""
}

func items(v any) []string {
	switch x := v.(type) {
	case []any:
		var out []string
		for _, i := range x {
			out = append(out, text(i))
		}
		return out
	case []string:
		return slices.Clone(x)
	case string:
		if x != "" {
			return []string{x}
		}
	}
	return nil
}

// dateParts splits a date value into the date and the time inputs, in
// the site's zone.
func dateParts(v any, loc *time.Location) (string, string) {
	var t time.Time
	switch x := v.(type) {
	case time.Time:
		t = x
	case string:
		for _, layout := range []string{"2006-01-02", "2006-01-02T15:04", "2006-01-02T15:04:05", time.RFC3339, "2006-01-02 15:04:05", "2006-01-02 15:04"} {
			if p, err := time.ParseInLocation(layout, x, loc); err == nil {
				t = p
				break
			}
		}
		if t.IsZero() {
			return x, ""
		}
	default:
		return "", ""
	}
	t = t.In(loc)
	if t.Hour() == 0 && t.Minute() == 0 && t.Second() == 0 {
		return t.Format("2006-01-02"), ""
	}
	return t.Format("2006-01-02"), t.Format("15:04")
}

// formValue reads a widget's value back from the form as the front
// matter writes it; ok is false when the form leaves the field empty.
func formValue(f schema.Field, form url.Values, loc *time.Location) (any, bool) {
	name := "f." + f.Key
	switch f.Type {
	case schema.Group:
		m := map[string]any{}
		for _, it := range f.Items {
			s := strings.TrimSpace(form.Get(name + "." + it.Key))
			if s == "" {
				continue
			}
			if n, err := strconv.Atoi(s); err == nil {
				m[it.Key] = n
			} else {
				m[it.Key] = s
			}
		}
		return m, len(m) > 0
	case schema.List, schema.Schools:
		var out []any
		for _, v := range form[name] {
			for _, line := range strings.Split(v, "\n") { // a textarea without JavaScript
				if s := strings.TrimSpace(line); s != "" {
					out = append(out, s)
				}
			}
		}
		return out, len(out) > 0
	case schema.Bool:
		switch form.Get(name) {
		case "true":
			return true, true
		case "false":
			return false, true
		}
		return nil, false
	case schema.Number:
		s := strings.TrimSpace(form.Get(name))
		if n, err := strconv.Atoi(s); err == nil {
			return n, true
		}
		return s, s != ""
	case schema.DateTime:
		d, tm := strings.TrimSpace(form.Get(name)), strings.TrimSpace(form.Get(name+".time"))
		if d == "" {
			return nil, false
		}
		if tm == "" {
			return d, true
		}
		t, err := time.ParseInLocation("2006-01-02 15:04", d+" "+tm, loc)
		if err != nil {
			return d + "T" + tm, true
		}
		return t.Format("2006-01-02T15:04:05-07:00"), true
	case schema.LongText:
		s := strings.TrimSpace(strings.ReplaceAll(form.Get(name), "\r\n", "\n"))
		return s, s != ""
	}
	s := strings.TrimSpace(form.Get(name))
	return s, s != ""
}

// schoolOptions offers the site's schools, the chosen ones selected (a
// key the data does not know is kept, as its own label).
func schoolOptions(schools []option, chosen []string) []option {
	var out []option
	known := map[string]bool{}
	for _, s := range schools {
		s.Selected = slices.Contains(chosen, s.Value)
		known[s.Value] = true
		out = append(out, s)
	}
	for _, c := range chosen {
		if c != "" && !known[c] {
			out = append(out, option{Value: c, Label: c, Selected: true})
		}
	}
	return out
}

// readSchools reads the keys and names of data/sekolah.yaml.
func readSchools(fsys fs.FS) []option {
	data, err := fs.ReadFile(fsys, "data/sekolah.yaml")
	if err != nil {
		return nil
	}
	var m map[string]struct {
		Name string `yaml:"name"`
	}
	if yaml.Unmarshal(data, &m) != nil {
		return nil
	}
	var out []option
	for k, v := range m {
		out = append(out, option{Value: k, Label: cmp.Or(v.Name, k)})
	}
	slices.SortFunc(out, func(a, b option) int { return strings.Compare(a.Label, b.Label) })
	return out
}
