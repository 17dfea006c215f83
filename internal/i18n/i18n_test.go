package i18n

import (
	"go/ast"
	"go/parser"
	"go/token"
	"io/fs"
	"path/filepath"
	"regexp"
	"strconv"
	"testing"
	"time"

	"github.com/dinsos-metro/warta"
)

var jakarta = time.FixedZone("WIB", 7*3600)

func TestDates(t *testing.T) {
	d := time.Date(2025, 7, 29, 9, 0, 0, 0, jakarta)
	for _, tc := range []struct {
		lang           Lang
		long, short, m string
	}{
		{"id", "Selasa, 29 Juli 2025", "29 Juli 2025", "Juli 2025"},
		{"en", "Tuesday, 29 July 2025", "29 July 2025", "July 2025"},
		{"", "Selasa, 29 Juli 2025", "29 Juli 2025", "Juli 2025"},   // unknown languages are Indonesian
		{"jv", "Selasa, 29 Juli 2025", "29 Juli 2025", "Juli 2025"}, //
	} {
		if got := tc.lang.LongDate(d); got != tc.long {
			t.Errorf("%q LongDate = %q, want %q", tc.lang, got, tc.long)
		}
		if got := tc.lang.Date(d); got != tc.short {
			t.Errorf("%q Date = %q, want %q", tc.lang, got, tc.short)
		}
		if got := tc.lang.MonthYear(d); got != tc.m {
			t.Errorf("%q MonthYear = %q, want %q", tc.lang, got, tc.m)
		}
	}
	for _, tc := range []struct {
		d    time.Time
		want string
	}{
		{time.Date(2025, 8, 17, 0, 0, 0, 0, jakarta), "Minggu, 17 Agustus 2025"},
		{time.Date(2025, 1, 1, 0, 0, 0, 0, jakarta), "Rabu, 1 Januari 2025"},
		{time.Date(2026, 2, 13, 0, 0, 0, 0, jakarta), "Jumat, 13 Februari 2026"},
		{time.Date(2025, 12, 6, 0, 0, 0, 0, jakarta), "Sabtu, 6 Desember 2025"},
		{time.Date(2025, 5, 1, 0, 0, 0, 0, jakarta), "Kamis, 1 Mei 2025"},
	} {
		if got := Lang("id").LongDate(tc.d); got != tc.want {
			t.Errorf("LongDate(%v) = %q, want %q", tc.d, got, tc.want)
		}
	}
	if got := Lang("id").LongDate(time.Time{}); got != "" {
		t.Errorf("zero date: %q", got)
	}
}

func TestBytes(t *testing.T) {
	for _, tc := range []struct {
		n      int64
		id, en string
	}{
		{0, "0 B", "0 B"},
		{999, "999 B", "999 B"},
		{1000, "1 KB", "1 KB"},
		{1550, "1,6 KB", "1.6 KB"},
		{830_000, "830 KB", "830 KB"},
		{849_720, "849,7 KB", "849.7 KB"},
		{999_999, "1 MB", "1 MB"},
		{1_234_567, "1,2 MB", "1.2 MB"},
		{25_000_000, "25 MB", "25 MB"},
	} {
		if got := Lang("id").Bytes(tc.n); got != tc.id {
			t.Errorf("id Bytes(%d) = %q, want %q", tc.n, got, tc.id)
		}
		if got := Lang("en").Bytes(tc.n); got != tc.en {
			t.Errorf("en Bytes(%d) = %q, want %q", tc.n, got, tc.en)
		}
	}
}

func TestT(t *testing.T) {
	if got := Lang("id").T("read_more"); got != "Baca selengkapnya" {
		t.Errorf("id read_more = %q", got)
	}
	if got := Lang("en").T("read_more"); got != "Read more" {
		t.Errorf("en read_more = %q", got)
	}
	if got := Lang("en").T("no_such_key"); got != "no_such_key" {
		t.Errorf("a missing key must show itself, got %q", got)
	}
	if Lang("id").Locale() != "id_ID" || Lang("en").Locale() != "en_US" {
		t.Error("locales")
	}
}

// Both languages have the same keys.
func TestTableComplete(t *testing.T) {
	for key := range strings_["id"] {
		if _, ok := strings_["en"][key]; !ok {
			t.Errorf("%q has no English text", key)
		}
	}
	for key := range strings_["en"] {
		if _, ok := strings_["id"][key]; !ok {
			t.Errorf("%q has no Indonesian text", key)
		}
	}
}

var templateKey = regexp.MustCompile(`\b(?:t|tf) "([a-z0-9_]+)"`)

// Every key the built-in layouts and the renderer ask for is in the table;
// a missing one would show its key ("list_news") to readers.
func TestKeysUsedExist(t *testing.T) {
	used := map[string]string{} // key -> where
	err := fs.WalkDir(warta.Theme, "layouts", func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		b, err := fs.ReadFile(warta.Theme, p)
		for _, m := range templateKey.FindAllStringSubmatch(string(b), -1) {
			used[m[1]] = p
		}
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
	// Literal keys in the renderer's Go code: lang.T("home").
	files, _ := filepath.Glob("../render/*.go")
	fset := token.NewFileSet()
	for _, file := range files {
		f, err := parser.ParseFile(fset, file, nil, parser.SkipObjectResolution)
		if err != nil {
			t.Fatal(err)
		}
		ast.Inspect(f, func(n ast.Node) bool {
			call, ok := n.(*ast.CallExpr)
			if !ok || len(call.Args) != 1 {
				return true
			}
			if sel, ok := call.Fun.(*ast.SelectorExpr); ok && sel.Sel.Name == "T" {
				if lit, ok := call.Args[0].(*ast.BasicLit); ok && lit.Kind == token.STRING {
					key, _ := strconv.Unquote(lit.Value)
					used[key] = fset.Position(lit.Pos()).String()
				}
			}
			return true
		})
	}
	if len(used) < 20 {
		t.Fatalf("found only %d keys; has the template syntax changed?", len(used))
	}
	for key, where := range used {
		for _, lang := range []Lang{"id", "en"} {
			if _, ok := strings_[lang][key]; !ok {
				t.Errorf("%s: key %q has no %s text", where, key, lang)
			}
		}
	}
}
