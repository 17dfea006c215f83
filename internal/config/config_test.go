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

// Mistakes in site.yaml are told in plain words, in both languages, on
// the line they are on; the library gives no line for the first line,
// nor for a character that is not UTF-8.
func TestYAMLMistakes(t *testing.T) {
	for _, tc := range []struct {
		name, src string
		en, id    string
	}{
		{"a colon in the title", "title: Dinas Sosial: Kota Metro\n",
			`site.yaml:1: site.yaml is not valid YAML: the value holds a colon (:), which starts a new field; put the whole value in quotes, like this: title: "Dinas Sosial: Kota Metro"`,
			`site.yaml:1: site.yaml bukan YAML yang valid: nilainya memuat titik dua (:), yang menandai isian baru; apit seluruh nilai dengan tanda kutip, seperti ini: title: "Dinas Sosial: Kota Metro"`},
		{"a tab", "title: Dinas Sosial\ndepartment:\n  name: Dinas\n\taddress: Jl. Merdeka\n",
			"site.yaml:4: site.yaml is not valid YAML: this line is indented with a tab; indent with spaces",
			"site.yaml:4: site.yaml bukan YAML yang valid: baris ini menjorok dengan tab; pakai spasi, bukan tab"},
		{"a quote never closed", "title: \"Dinas Sosial\nlanguage: id\n",
			"site.yaml:1: site.yaml is not valid YAML: a value opened with a quote mark is never closed; add the closing quote mark at the end of the value",
			"site.yaml:1: site.yaml bukan YAML yang valid: nilai yang dibuka dengan tanda kutip tidak pernah ditutup; tambahkan tanda kutip penutup di akhir nilainya"},
		{"a menu item without its space", "title: Dinas Sosial\nmenu:\n-{title: Berita, url: /berita/}\n",
			"site.yaml:3: site.yaml is not valid YAML: a list item needs a space after its dash: write \"- {title: Berita, url: /berita/}\", not \"-{title: Berita, url: /berita/}\"",
			"site.yaml:3: site.yaml bukan YAML yang valid: butir daftar memerlukan spasi setelah tanda -: tulis \"- {title: Berita, url: /berita/}\", bukan \"-{title: Berita, url: /berita/}\""},
		{"not UTF-8", "title: Dinas Sosial\ndepartment:\n  address: Jl. Caf\xe9 1\n",
			"site.yaml:3: site.yaml is not valid YAML: the file is not UTF-8 text; save it again with UTF-8 encoding",
			"site.yaml:3: site.yaml bukan YAML yang valid: berkas bukan teks UTF-8; simpan ulang dengan pengodean UTF-8"},
		{"a setting twice", "title: Dinas Sosial\nlanguage: id\ntitle: Dinsos\n",
			`site.yaml:3: site.yaml is not valid YAML: "title" is written twice (first on line 1); keep one`,
			`site.yaml:3: site.yaml bukan YAML yang valid: "title" ditulis dua kali (pertama di baris 1); sisakan satu`},
		{"a list for text", "title: [Dinas, Sosial]\n",
			"site.yaml:1: a list is not the right kind of value here; write text",
			"site.yaml:1: daftar bukan jenis nilai yang tepat di sini; tulis teks"},
		{"a menu entry as text", "menu: [Berita]\n",
			`site.yaml:1: "Berita" is not the right kind of value here; write an entry like {title: Berita, url: /berita/}`,
			`site.yaml:1: "Berita" bukan jenis nilai yang tepat di sini; tulis isian seperti {title: Berita, url: /berita/}`},
	} {
		_, ds := Parse([]byte(tc.src))
		if len(ds) != 1 {
			t.Errorf("%s: %d diagnostics, want 1: %v", tc.name, len(ds), ds)
			continue
		}
		if got := ds[0].Format("en"); got != tc.en {
			t.Errorf("%s, en:\n got %s\nwant %s", tc.name, got, tc.en)
		}
		if got := ds[0].Format("id"); got != tc.id {
			t.Errorf("%s, id:\n got %s\nwant %s", tc.name, got, tc.id)
		}
	}
}
