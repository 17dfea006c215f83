package pagefile

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// FuzzRoundTrip: whatever the file, Parse then Bytes gives it back; and a
// text set into a parsed page reads back as the same text, keeping the
// other fields and the body.
func FuzzRoundTrip(f *testing.F) {
	files, _ := filepath.Glob("../../content/berita/*.md")
	for _, p := range files[:min(len(files), 3)] {
		if data, err := os.ReadFile(p); err == nil {
			f.Add(data, "summary", "a: b\n---")
		}
	}
	f.Add([]byte(page), "title", "*x")
	f.Add([]byte("+++\ntitle = 'a'\n+++\n"), "title", "b")
	f.Add([]byte("no front matter"), "tags", "#")
	f.Add([]byte("---\na: &x [1, *x]\n---\n"), "a", "")
	f.Fuzz(func(t *testing.T, data []byte, key, value string) {
		doc, err := Parse(data)
		if err != nil {
			return
		}
		if !bytes.Equal(doc.Bytes(), data) {
			t.Fatalf("Parse then Bytes changed the file:\n%q\n%q", data, doc.Bytes())
		}
		body := string(doc.Body())
		before := map[string]any{}
		for _, k := range doc.Keys() {
			before[k], _ = doc.Get(k)
		}
		if err := doc.Set(key, value); err != nil {
			return // refused: the doc must be unchanged
		}
		again, err := Parse(doc.Bytes())
		if err != nil {
			t.Fatalf("after Set(%q, %q) the page does not parse: %v\n%s", key, value, err, doc.Bytes())
		}
		if v, _ := again.Get(key); v != value {
			t.Fatalf("Set(%q, %q) reads back %#v", key, value, v)
		}
		if string(again.Body()) != body && !(len(before) == 0) {
			t.Fatalf("Set changed the body: %q -> %q", body, again.Body())
		}
		for k, v := range before {
			if got, _ := again.Get(k); k != key && !equal(got, v) {
				t.Fatalf("Set(%q) changed %q: %#v -> %#v", key, k, v, got)
			}
		}
	})
}

// YAML breaks lines where this editor does not (a lone carriage return,
// the Unicode line breaks): such a front matter is refused, not edited on
// the wrong lines (CI's fuzz stage found the panic this used to be).
func TestOddLineBreaksRefused(t *testing.T) {
	for _, src := range []string{
		"---\na: 1\rb: 2\nc: 3\n---\nIsi.\n",
		"---\na: 1\n\nb: 2\u2028c: 3\n---\nIsi.\n",
		"---\na: 1\u0085b: 2\n---\n",
	} {
		if _, err := Parse([]byte(src)); err == nil || !strings.Contains(err.Error(), "ordinary line ends") {
			t.Errorf("Parse(%q) = %v, want a refusal", src, err)
		}
	}
	if _, err := Parse([]byte("---\r\na: 1\r\nb: 2\r\n---\r\nIsi.\r\n")); err != nil {
		t.Errorf("CRLF front matter refused: %v", err)
	}
}
