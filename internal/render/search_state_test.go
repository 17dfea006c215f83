package render

import (
	"bytes"
	"testing"
)

// The stems kept as numbers are saved as text and read back; the next
// render shares the Dict of the one before.
func TestSearchStateSaved(t *testing.T) {
	s := NewState()
	want := map[string]string{"a/index.html": "anak keras sekolah", "b/index.html": ""}
	for id, terms := range want {
		s.search.put(id, s.search.pack(nil, terms))
	}
	var buf bytes.Buffer
	if err := s.Save(&buf); err != nil {
		t.Fatal(err)
	}
	got, err := LoadState(&buf)
	if err != nil {
		t.Fatal(err)
	}
	for id, terms := range want {
		if st, ok := got.search.get(id); !ok || st.String() != terms {
			t.Errorf("%s: stems %q (%v) after loading, want %q", id, st.String(), ok, terms)
		}
	}
	next := NewState()
	next.search.pack(&got.search, "anak")
	if next.search.dict != got.search.dict {
		t.Error("the next render numbers stems anew")
	}
	// An Update renders into the State it skips from: no deadlock.
	fresh := NewState()
	if st := fresh.search.pack(&fresh.search, "baru"); st.String() != "baru" {
		t.Errorf("stems %q", st.String())
	}
}
