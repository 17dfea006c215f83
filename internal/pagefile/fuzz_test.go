package pagefile

import (
	"bytes"
	"os"
	"path/filepath"
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
