package schema

import (
	"fmt"
	"strings"
)

// kindNames say where each kind of page lives, for the README.
var kindNames = []struct{ kind, name string }{
	{"news", "news (`berita/`)"},
	{"module", "module (`modul/<level>/`)"},
	{"gallery", "gallery (`galeri/`)"},
	{"page", "plain page (any other file)"},
	{"section", "section (a folder's `_index.md`, such as `modul/sd/_index.md`)"},
	{"home", "home (`content/_index.md`)"},
}

// Markdown writes the fields as README tables: which fields each kind
// has (`*` required), then every field with its type and help (English).
// README's "Fields" section holds this text between markers; a test keeps
// the two the same.
func Markdown() string {
	var b strings.Builder
	b.WriteString("| kind | fields (`*` required) |\n|---|---|\n")
	for _, k := range kindNames {
		var keys []string
		for _, f := range For(k.kind) {
			key := "`" + f.Key + "`"
			if f.Required {
				key += "*"
			}
			keys = append(keys, key)
		}
		fmt.Fprintf(&b, "| %s | %s |\n", k.name, strings.Join(keys, ", "))
	}
	b.WriteString("\n| field | type | what it is |\n|---|---|---|\n")
	for _, key := range order {
		f := fields[key]
		help := f.Help("en")
		if len(f.Items) > 0 {
			var items []string
			for _, it := range f.Items {
				items = append(items, "`"+it.Key+"`")
			}
			help += " Each holds " + strings.Join(items, ", ") + "."
		}
		fmt.Fprintf(&b, "| `%s` | %s | %s |\n", key, typeNames[f.Type], strings.ReplaceAll(help, "|", `\|`))
	}
	return b.String()
}

var typeNames = map[Type]string{
	Text: "text", LongText: "text (a paragraph)", DateTime: "date (and time)", Bool: "true/false",
	Number: "number", List: "list of text", Choice: "one of a list", File: "file of the page's folder",
	Entries: "list of entries", Group: "group of numbers", Gallery: "gallery folder", Schools: "list of school keys",
}
