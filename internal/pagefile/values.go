package pagefile

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"math"
	"reflect"
	"slices"
	"strconv"
	"strings"
	"time"
	"unicode"
	"unicode/utf8"

	"github.com/BurntSushi/toml"
	"go.yaml.in/yaml/v3"

	"github.com/dinsos-metro/warta/internal/schema"
)

func defaultOrder() []string { return schema.Order() }

func readTOML(front []byte) (map[string]any, []string, error) {
	m := map[string]any{}
	meta, err := toml.Decode(string(front), &m)
	if err != nil {
		return nil, nil, fmt.Errorf("TOML front matter: %w", err)
	}
	var keys []string
	for _, k := range meta.Keys() {
		if len(k) == 1 {
			keys = append(keys, k[0])
		}
	}
	out, _ := plain(m).(map[string]any)
	return out, keys, nil
}

func readJSON(front []byte) (map[string]any, []string, error) {
	m := map[string]any{}
	dec := json.NewDecoder(bytes.NewReader(front))
	dec.UseNumber()
	if err := dec.Decode(&m); err != nil {
		return nil, nil, fmt.Errorf("JSON front matter: %w", err)
	}
	keys := make([]string, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	slices.Sort(keys)
	out, _ := plain(m).(map[string]any)
	return out, keys, nil
}

// plain turns decoded TOML and JSON values into the YAML reader's types.
func plain(v any) any {
	switch t := v.(type) {
	case json.Number:
		if i, err := t.Int64(); err == nil {
			return i
		}
		f, _ := t.Float64()
		return f
	case time.Time:
		switch t.Location().String() {
		case "date-local":
			return t.Format("2006-01-02")
		case "datetime-local":
			return t.Format("2006-01-02T15:04:05")
		}
		return t.Format(time.RFC3339)
	case []any:
		for i := range t {
			t[i] = plain(t[i])
		}
	case []map[string]any:
		out := make([]any, len(t))
		for i := range t {
			out[i] = plain(t[i])
		}
		return out
	case map[string]any:
		for k := range t {
			t[k] = plain(t[k])
		}
	}
	return v
}

// normalize gives the value a Go value reads back as.
func normalize(v any) (any, error) {
	switch t := v.(type) {
	case string:
		if !utf8.ValidString(t) {
			return nil, errors.New("the text is not valid UTF-8")
		}
		return t, nil
	case bool, int64:
		return t, nil
	case int:
		return int64(t), nil
	case float64:
		if math.IsNaN(t) || math.IsInf(t, 0) {
			return nil, errors.New("not a number")
		}
		return t, nil
	case time.Time:
		return formatTime(t), nil
	case []string:
		out := make([]any, len(t))
		for i, s := range t {
			out[i] = s
		}
		return out, nil
	case []map[string]any:
		out := make([]any, len(t))
		for i, m := range t {
			out[i], _ = normalize(m)
		}
		return normalize(out)
	case []any:
		out := make([]any, len(t))
		for i, x := range t {
			n, err := normalize(x)
			if err != nil {
				return nil, err
			}
			out[i] = n
		}
		return out, nil
	case map[string]any:
		out := make(map[string]any, len(t))
		for k, x := range t {
			if err := checkKey(k); err != nil {
				return nil, err
			}
			n, err := normalize(x)
			if err != nil {
				return nil, err
			}
			out[k] = n
		}
		return out, nil
	}
	return nil, fmt.Errorf("a value of type %T cannot be written", v)
}

func equal(a, b any) bool { return reflect.DeepEqual(a, b) }

// formatTime writes a date alone when it is midnight, else the full time.
func formatTime(t time.Time) string {
	if t.Hour() == 0 && t.Minute() == 0 && t.Second() == 0 && t.Nanosecond() == 0 {
		return t.Format("2006-01-02")
	}
	return t.Format(time.RFC3339)
}

// encodeField writes "key: value" lines, in block style, 2-space indents.
// quote double-quotes a text value even when it could be plain.
func encodeField(key string, v any, quote bool) (string, error) {
	n, err := node(key, v)
	if err != nil {
		return "", err
	}
	if quote && n.Kind == yaml.ScalarNode {
		n.Style, n.Tag = yaml.DoubleQuotedStyle, "!!str"
	}
	root := &yaml.Node{Kind: yaml.MappingNode, Content: []*yaml.Node{str(key), n}}
	var b bytes.Buffer
	enc := yaml.NewEncoder(&b)
	enc.SetIndent(2)
	if err := enc.Encode(root); err != nil {
		return "", err
	}
	return b.String(), enc.Close()
}

// node builds the YAML of a value; key names the field, for the order of
// an entry's fields.
func node(key string, v any) (*yaml.Node, error) {
	switch t := v.(type) {
	case string:
		return str(t), nil
	case bool:
		return &yaml.Node{Kind: yaml.ScalarNode, Tag: "!!bool", Value: strconv.FormatBool(t)}, nil
	case int:
		return &yaml.Node{Kind: yaml.ScalarNode, Tag: "!!int", Value: strconv.Itoa(t)}, nil
	case int64:
		return &yaml.Node{Kind: yaml.ScalarNode, Tag: "!!int", Value: strconv.FormatInt(t, 10)}, nil
	case float64:
		if math.IsNaN(t) || math.IsInf(t, 0) {
			return nil, errors.New("not a number")
		}
		s := strconv.FormatFloat(t, 'f', -1, 64)
		if !strings.ContainsAny(s, ".eE") {
			s += ".0"
		}
		return &yaml.Node{Kind: yaml.ScalarNode, Tag: "!!float", Value: s}, nil
	case time.Time:
		return str(formatTime(t)), nil
	case []string:
		items := make([]any, len(t))
		for i, s := range t {
			items[i] = s
		}
		return node(key, items)
	case []map[string]any:
		items := make([]any, len(t))
		for i, m := range t {
			items[i] = m
		}
		return node(key, items)
	case []any:
		n := &yaml.Node{Kind: yaml.SequenceNode}
		if len(t) == 0 {
			n.Style = yaml.FlowStyle
		}
		for _, x := range t {
			c, err := node(key, x)
			if err != nil {
				return nil, err
			}
			n.Content = append(n.Content, c)
		}
		return n, nil
	case map[string]any:
		n := &yaml.Node{Kind: yaml.MappingNode}
		if len(t) == 0 {
			n.Style = yaml.FlowStyle
		}
		for _, k := range entryOrder(key, t) {
			if err := checkKey(k); err != nil {
				return nil, err
			}
			c, err := node(k, t[k])
			if err != nil {
				return nil, err
			}
			n.Content = append(n.Content, str(k), c)
		}
		return n, nil
	}
	return nil, fmt.Errorf("a value of type %T cannot be written", v)
}

// entryOrder orders an entry's fields as the schema lists them (file,
// caption, alt, consent), others after them by name.
func entryOrder(key string, m map[string]any) []string {
	var known []string
	for _, kind := range schema.Kinds() {
		if f, ok := schema.Lookup(kind, key); ok {
			for _, it := range f.Items {
				known = append(known, it.Key)
			}
			break
		}
	}
	keys := make([]string, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	slices.SortFunc(keys, func(a, b string) int {
		ia, ib := slices.Index(known, a), slices.Index(known, b)
		switch {
		case ia >= 0 && ib >= 0:
			return ia - ib
		case ia >= 0:
			return -1
		case ib >= 0:
			return 1
		}
		return strings.Compare(a, b)
	})
	return keys
}

// str writes text plain when YAML reads it back as the same text (dates
// included: the build reads them as text), else double-quoted.
func str(s string) *yaml.Node {
	n := &yaml.Node{Kind: yaml.ScalarNode, Tag: "!!str", Value: s}
	switch plainAs(s) {
	case "":
		n.Style = yaml.DoubleQuotedStyle
	case "!!timestamp":
		n.Tag = "" // written plain: a tag would make the encoder quote it
	}
	return n
}

// plainAs tells the tag YAML gives s written plain, "" when s must be quoted.
func plainAs(s string) string {
	if s == "" || strings.TrimSpace(s) != s || len(s) > 200 {
		return ""
	}
	for i, r := range s {
		ok := unicode.IsLetter(r) || unicode.IsDigit(r) || (i > 0 && strings.ContainsRune(" -_./", r))
		if !ok || r > unicode.MaxLatin1 && !unicode.IsLetter(r) {
			return ""
		}
	}
	var n yaml.Node
	if yaml.Unmarshal([]byte("k: "+s), &n) != nil || len(n.Content) == 0 || len(n.Content[0].Content) != 2 {
		return ""
	}
	v := n.Content[0].Content[1]
	if tag := v.ShortTag(); v.Value == s && (tag == "!!str" || tag == "!!timestamp") {
		return tag
	}
	return ""
}
