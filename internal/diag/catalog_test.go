package diag

import (
	"go/ast"
	"go/parser"
	"go/token"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"testing"
)

// declaredCodes reads every Code constant declared in catalog*.go, so that
// a constant added without a message fails here rather than printing its
// bare code to a user.
func declaredCodes(t *testing.T) map[string]Code {
	t.Helper()
	files, err := filepath.Glob("catalog*.go")
	if err != nil {
		t.Fatal(err)
	}
	codes := map[string]Code{}
	for _, name := range files {
		if strings.HasSuffix(name, "_test.go") {
			continue
		}
		f, err := parser.ParseFile(token.NewFileSet(), name, nil, parser.SkipObjectResolution)
		if err != nil {
			t.Fatal(err)
		}
		addCodes(f, codes)
	}
	if len(codes) < 20 {
		t.Fatalf("found only %d codes in catalog*.go; has their shape changed?", len(codes))
	}
	return codes
}

// addCodes collects the Code constants of one catalogue file.
func addCodes(f *ast.File, codes map[string]Code) {
	for _, decl := range f.Decls {
		gd, ok := decl.(*ast.GenDecl)
		if !ok || gd.Tok != token.CONST {
			continue
		}
		for _, spec := range gd.Specs {
			vs := spec.(*ast.ValueSpec)
			if id, ok := vs.Type.(*ast.Ident); !ok || id.Name != "Code" {
				continue
			}
			for i, name := range vs.Names {
				lit := vs.Values[i].(*ast.BasicLit)
				codes[name.Name] = Code(strings.Trim(lit.Value, `"`))
			}
		}
	}
}

var verb = regexp.MustCompile(`%[-+# 0-9.]*[a-zA-Z%]`)

// Every code has an English and an Indonesian text, and both take the same
// values in the same order (fmt verbs are positional).
func TestCatalogueComplete(t *testing.T) {
	codes := declaredCodes(t)
	for name, code := range codes {
		text, ok := catalogue[code]
		switch {
		case !ok:
			t.Errorf("%s (%q) has no message in the catalogue", name, code)
			continue
		case strings.TrimSpace(text.en) == "":
			t.Errorf("%s has no English text", name)
		case strings.TrimSpace(text.id) == "":
			t.Errorf("%s has no Indonesian text", name)
		}
		if en, id := verb.FindAllString(text.en, -1), verb.FindAllString(text.id, -1); !slices.Equal(en, id) {
			t.Errorf("%s: English takes %v, Indonesian %v", name, en, id)
		}
	}
	for code := range catalogue {
		found := false
		for _, c := range codes {
			found = found || c == code
		}
		if !found {
			t.Errorf("catalogue entry %q is not a declared Code constant", code)
		}
	}
}

func TestFormat(t *testing.T) {
	d := New("content/berita/x.md", 3, FieldNotBool, "draft", "maybe")
	if got, want := d.Format("en"), `content/berita/x.md:3: "draft" must be true or false, not "maybe"`; got != want {
		t.Errorf("en: %s\nwant %s", got, want)
	}
	if got, want := d.Format("id"), `content/berita/x.md:3: "draft" harus true atau false, bukan "maybe"`; got != want {
		t.Errorf("id: %s\nwant %s", got, want)
	}
	w := Warn("content/galeri/g/index.md", 0, ContentMissing)
	if got, want := w.Format("id"), "content/galeri/g/index.md: peringatan: folder content/ tidak ada; buat folder itu dengan setidaknya content/_index.md"; got != want {
		t.Errorf("warning: %s\nwant %s", got, want)
	}
	if got, want := New("", 0, UnknownCmd, "bangun").Format("en"), `unknown command "bangun"; run "warta help" to see the commands`; got != want {
		t.Errorf("no position: %s\nwant %s", got, want)
	}
}

// The list prints sorted by file, then line, without repeats, whatever
// order goroutines added to it.
func TestListSortedAndDeduplicated(t *testing.T) {
	var l List
	l.Add(New("b.md", 2, NotUTF8), New("a.md", 10, NotUTF8))
	l.Add(Warn("a.md", 9, SymlinkOutside), New("a.md", 9, NotUTF8), New("a.md", 10, NotUTF8))
	var got []string
	for _, d := range l.Items() {
		got = append(got, d.Format("en")[:6])
	}
	if want := []string{"a.md:9", "a.md:9", "a.md:1", "b.md:2"}; !slices.Equal(got, want) {
		t.Errorf("positions %v, want %v", got, want)
	}
	if items := l.Items(); items[0].Severity != Error || items[1].Severity != Warning {
		t.Errorf("at one line, errors come before warnings: %v", items[:2])
	}
	if l.Errors() != 4 || l.Len() != 5 {
		t.Errorf("Errors() = %d, Len() = %d; want 4 and 5", l.Errors(), l.Len())
	}
	if l.Err() == nil {
		t.Error("Err() is nil for a list with errors")
	}
	var empty List
	empty.Add(Warn("x", 1, NotUTF8))
	if empty.Err() != nil {
		t.Error("a list with only warnings fails the build")
	}
}

func TestYAMLError(t *testing.T) {
	for _, tc := range []struct {
		msg     string
		line    int
		problem string
	}{
		// Scanner errors: yaml.v3 counts from 1.
		{"yaml: line 2: mapping values are not allowed in this context", 2, "mapping values are not allowed in this context"},
		// Parser errors: yaml.v3 counts from 0.
		{"yaml: line 3: did not find expected ',' or ']'", 4, "did not find expected ',' or ']'"},
		{"yaml: did not find expected node content", 1, "did not find expected node content"},
		// Decoding errors carry the line of the node.
		{"line 5: cannot unmarshal !!str `x` into int", 5, "cannot unmarshal !!str `x` into int"},
		{"yaml: control characters are not allowed", 0, "control characters are not allowed"},
	} {
		line, problem := YAMLError(tc.msg)
		if line != tc.line || problem != tc.problem {
			t.Errorf("YAMLError(%q) = %d, %q; want %d, %q", tc.msg, line, problem, tc.line, tc.problem)
		}
	}
}
