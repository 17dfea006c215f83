package config

import (
	"os"
	"slices"
	"testing"
	"testing/fstest"
)

func checkDefaults(t *testing.T, c *Config) {
	t.Helper()
	if c.Title != "Dinas Sosial" || c.Language != "id" || c.Timezone != "Asia/Jakarta" ||
		c.BaseURL != "http://localhost:1313/" || c.Pagination != 10 || c.Images.Quality != 80 ||
		!slices.Equal(c.Images.Widths, []int{480, 960, 1600}) || c.Department.Name != "Dinas Sosial" {
		t.Errorf("defaults: %+v", c)
	}
	if !c.Privacy.ConsentRequired() || !c.MinifyOutput() || c.Markup.UnsafeHTML || c.SlugDatePrefix {
		t.Errorf("safe defaults: consent %v, minify %v, unsafe %v, prefix %v",
			c.Privacy.ConsentRequired(), c.MinifyOutput(), c.Markup.UnsafeHTML, c.SlugDatePrefix)
	}
	if c.Location == nil || c.Location.String() != "Asia/Jakarta" || c.Base == nil || c.Base.Host != "localhost:1313" {
		t.Errorf("resolved values: %v %v", c.Location, c.Base)
	}
	if c.Params == nil {
		t.Error("Params is nil; templates index it")
	}
}

func TestDefaultsWithoutFile(t *testing.T) {
	c, ds := Load(fstest.MapFS{"content/_index.md": {Data: []byte("x")}})
	if len(ds) > 0 {
		t.Fatalf("diagnostics: %v", ds)
	}
	checkDefaults(t, c)
}

func TestDefaultsEmptyFile(t *testing.T) {
	for _, text := range []string{"", "\n", "# hanya komentar\n", "---\n"} {
		c, ds := Load(fstest.MapFS{File: {Data: []byte(text)}})
		if len(ds) > 0 {
			t.Fatalf("%q: diagnostics: %v", text, ds)
		}
		checkDefaults(t, c)
	}
}

func TestValues(t *testing.T) {
	c, ds := Parse([]byte(`title: Dinas Sosial Kota Metro
base_url: https://pemkot.example.org/dinsos
language: en
timezone: Asia/Makassar
pagination: 5
markup: {unsafe_html: true}
privacy: {require_consent: false}
minify: false
slug_date_prefix: true
params:
  warna: biru
`))
	if len(ds) > 0 {
		t.Fatalf("diagnostics: %v", ds)
	}
	if c.BaseURL != "https://pemkot.example.org/dinsos/" || c.Base.Path != "/dinsos/" {
		t.Errorf("base URL %q (path %q): a path gets its closing slash", c.BaseURL, c.Base.Path)
	}
	if c.Language != "en" || c.Location.String() != "Asia/Makassar" || c.Pagination != 5 {
		t.Errorf("language %q, zone %v, pagination %d", c.Language, c.Location, c.Pagination)
	}
	if !c.Markup.UnsafeHTML || c.Privacy.ConsentRequired() || c.MinifyOutput() || !c.SlugDatePrefix {
		t.Error("switches not read")
	}
	if c.Params["warna"] != "biru" {
		t.Errorf("params: %v", c.Params)
	}
	if c.Department.Name != "Dinas Sosial Kota Metro" {
		t.Errorf("department name defaults to the title, got %q", c.Department.Name)
	}
}

// The repository's own site.yaml uses every documented section; it must
// load without a single problem.
func TestRepositorySiteYAML(t *testing.T) {
	data, err := os.ReadFile("../../site.yaml")
	if err != nil {
		t.Skip("no site.yaml in the repository:", err)
	}
	if _, ds := Parse(data); len(ds) > 0 {
		t.Errorf("site.yaml: %v", ds)
	}
}

func TestSetBaseURL(t *testing.T) {
	c := Default()
	for _, bad := range []string{"dinsos.example.org", "ftp://x.org/", "https://", "://x", ""} {
		if d := c.SetBaseURL(bad); d == nil {
			t.Errorf("SetBaseURL(%q) accepted", bad)
		}
		if c.Base.Host != "localhost:1313" {
			t.Errorf("after a bad URL the base is %v, want the local one", c.Base)
		}
	}
	if d := c.SetBaseURL("https://x.org/a?b=c#d"); d != nil || c.BaseURL != "https://x.org/a/" {
		t.Errorf("SetBaseURL: %v, %q", d, c.BaseURL)
	}
}
