package schema

import (
	"slices"
	"testing"
	"time"
)

// Every kind writes its fields in the one writing order, and every field
// is explained in both languages.
func TestDefinitions(t *testing.T) {
	for kind, keys := range kinds {
		last := -1
		for _, k := range keys {
			i := slices.Index(order, k)
			if i < 0 {
				t.Errorf("%s.%s is not in order", kind, k)
			}
			if i <= last {
				t.Errorf("%s: %s is out of the writing order", kind, k)
			}
			last = i
		}
		for _, f := range For(kind) {
			if f.Key == "" || f.Type == "" {
				t.Errorf("%s: a field without key or type: %+v", kind, f)
			}
			checkTexts(t, kind, f)
			for _, it := range f.Items {
				checkTexts(t, kind+"."+f.Key, it)
			}
			if (f.Type == Entries || f.Type == Group) && len(f.Items) == 0 {
				t.Errorf("%s.%s: entries without items", kind, f.Key)
			}
		}
	}
	for k := range fields {
		if !slices.Contains(order, k) {
			t.Errorf("field %s is not in order", k)
		}
	}
}

func checkTexts(t *testing.T, where string, f Field) {
	t.Helper()
	for _, lang := range []string{"id", "en"} {
		if f.Label(lang) == "" || f.Help(lang) == "" {
			t.Errorf("%s.%s: no label or help in %s", where, f.Key, lang)
		}
	}
	if f.Label("id") == f.Label("en") && f.Key != "program" {
		t.Logf("%s.%s: same label in both languages: %q", where, f.Key, f.Label("id"))
	}
}

func TestRequired(t *testing.T) {
	cases := []struct {
		kind, key string
		want      bool
	}{
		{"news", "title", true}, {"news", "date", true}, {"gallery", "date", true},
		{"module", "level", true}, {"module", "date", false}, {"page", "title", false},
		{"news", "cover", false},
	}
	for _, c := range cases {
		f, ok := Lookup(c.kind, c.key)
		if !ok || f.Required != c.want {
			t.Errorf("%s.%s: found %v, required %v, want %v", c.kind, c.key, ok, f.Required, c.want)
		}
	}
	if _, ok := Lookup("page", "photos"); ok {
		t.Error("a plain page has no photos field")
	}
	if f, _ := Lookup("gallery", "photos"); f.Items[0].Key != "file" || !f.Items[0].Required {
		t.Errorf("photos items: %+v", f.Items)
	}
	if got := For("unknown"); len(got) != len(For("page")) {
		t.Errorf("an unknown kind has %d fields, want a plain page's", len(got))
	}
}

func TestStatus(t *testing.T) {
	now := time.Date(2026, 12, 4, 12, 0, 0, 0, time.UTC)
	past, future := now.Add(-time.Hour), now.Add(time.Hour)
	cases := []struct {
		draft, review bool
		date          time.Time
		want          string
	}{
		{true, false, past, StatusDraft},
		{true, true, future, StatusReview},
		{false, true, past, StatusPublished},
		{false, false, future, StatusScheduled},
		{false, false, time.Time{}, StatusPublished},
	}
	for _, c := range cases {
		if got := Status(c.draft, c.review, c.date, now); got != c.want {
			t.Errorf("Status(%v, %v, %v) = %s, want %s", c.draft, c.review, c.date, got, c.want)
		}
		if StatusLabel(c.want, "id") == "" || StatusLabel(c.want, "en") == "" {
			t.Errorf("no label for %s", c.want)
		}
	}
}

// Lookup answers from an index built once; it must agree with For for
// every kind (an unknown one too) and every key any kind has.
func TestLookupAgreesWithFor(t *testing.T) {
	for _, kind := range append(Kinds(), "section", "unknown") {
		of := map[string]Field{}
		for _, f := range For(kind) {
			of[f.Key] = f
		}
		for _, key := range Order() {
			got, ok := Lookup(kind, key)
			want, wantOK := of[key]
			if ok != wantOK || got.Key != want.Key || got.Required != want.Required || got.New != want.New || got.Help("en") != want.Help("en") {
				t.Errorf("Lookup(%q, %q) = %v %+v, For has %v %+v", kind, key, ok, got, wantOK, want)
			}
		}
	}
}
