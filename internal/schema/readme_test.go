package schema

import (
	"flag"
	"os"
	"strings"
	"testing"
)

var update = flag.Bool("update", false, "rewrite README's field tables from the schema")

const (
	readme    = "../../README.md"
	openMark  = "<!-- fields: generated from internal/schema (go test ./internal/schema -run README -update) -->\n"
	closeMark = "<!-- /fields -->\n"
)

// README's "Fields" tables are the schema's: they never drift.
func TestREADMEFields(t *testing.T) {
	data, err := os.ReadFile(readme)
	if err != nil {
		t.Fatal(err)
	}
	text := string(data)
	start := strings.Index(text, openMark)
	end := strings.Index(text, closeMark)
	if start < 0 || end < start {
		t.Fatalf("README.md lacks the markers %q and %q around the field tables", openMark, closeMark)
	}
	got := text[start+len(openMark) : end]
	want := Markdown()
	if got == want {
		return
	}
	if *update {
		text = text[:start+len(openMark)] + want + text[end:]
		if err := os.WriteFile(readme, []byte(text), 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	t.Errorf("README.md's field tables differ from the schema; run go test ./internal/schema -run README -update\ngot:\n%s\nwant:\n%s", got, want)
}
