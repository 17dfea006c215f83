package reach_test

import (
	"strings"
	"testing"

	"github.com/dinsos-metro/warta/internal/sitetest"
)

// TestMessages builds the fixture with one mistake each and expects the
// message, at its file and line, in `warta build` (and so in `warta
// check`, which builds the same way).
func TestMessages(t *testing.T) {
	const news = "content/berita/2025-07-29-tk-negeri-1.md"
	const data = "data/sekolah.yaml"
	cases := []struct {
		name       string
		file, from string // replace from with to in file ("" from: write to as the whole file)
		to         string
		want       string // "!text": an error, but not text
		warning    bool
	}{
		{"unknown school, with a hint", news, "schools: [tk-negeri-1-metro-pusat]", "schools: [tk-negri-1-metro-pusat]",
			news + `:6: school "tk-negri-1-metro-pusat" is not in data/sekolah.yaml; did you mean "tk-negeri-1-metro-pusat"?`, false},
		{"unknown school, by its name", news, "schools: [tk-negeri-1-metro-pusat]", "schools: [TK Negeri 1 Metro Pusat]",
			`did you mean "tk-negeri-1-metro-pusat"?`, false},
		{"unknown school, nothing close", news, "schools: [tk-negeri-1-metro-pusat]", "schools: [sma-kartini]",
			news + `:6: school "sma-kartini" is not in data/sekolah.yaml; correct the key, or add the school there`, false},
		{"unknown school in a block list", "content/berita/2025-09-10-dua-sekolah.md", "  - sd-negeri-1-metro-pusat", "  - sd-negeri-9-metro-pusat",
			`content/berita/2025-09-10-dua-sekolah.md:7: school "sd-negeri-9-metro-pusat"`, false},
		{"unknown school of a gallery", "content/galeri/2025-11-02-slb/index.md", "school: slb-negeri-metro", "school: slb-metro",
			`content/galeri/2025-11-02-slb/index.md:5: school "slb-metro" is not in data/sekolah.yaml; did you mean "slb-negeri-metro"?`, false},
		{"district disagrees", news, "district: Metro Pusat", "district: Metro Timur",
			news + `:4: warning: district is "Metro Timur" but school "tk-negeri-1-metro-pusat" is in "Metro Pusat"; correct the district or the school`, true},
		{"school twice", news, "schools: [tk-negeri-1-metro-pusat]", "schools: [tk-negeri-1-metro-pusat, tk-negeri-1-metro-pusat]",
			news + `:6: warning: school "tk-negeri-1-metro-pusat" is named twice`, true},
		{"participants not totals", news, "participants: {children: 60, teachers: 4, parents: 20}", "participants: [Budi, Siti]",
			news + `:7: participants must be totals`, false},
		{"participants unknown field", news, "parents: 20}", "parents: 20, names: Budi}",
			news + `:7: participants has an unknown field "names"`, false},
		{"participants not a count", news, "children: 60", "children: banyak",
			news + `:7: participants: children must be a whole number of people (0 or more), not "banyak"; write the number only, like 40`, false},
		{"participants negative", news, "children: 60", "children: -3",
			`participants: children must be a whole number`, false},
		{"school in a kecamatan the site does not have", data, "  district: Metro Timur\ntk-pertiwi", "  district: Metro Tengah\ntk-pertiwi",
			data + `:25: school "slb-negeri-metro" is in kecamatan "Metro Tengah", which is not one of the districts in site.yaml (Metro Pusat, Metro Utara, Metro Timur)`, false},
		{"schools not YAML", data, "", "tk: [a\n", data + `:1: data/sekolah.yaml is not valid YAML`, false},
		{"schools a list", data, "", "- tk-negeri-1\n", data + `:1: data/sekolah.yaml must list the schools by key`, false},
		{"school key with capitals", data, "slb-negeri-metro:", "SLB Negeri Metro:",
			data + `:22: school key "SLB Negeri Metro" may use only lower-case letters, digits and hyphens (it becomes the address /sekolah/<key>/); write it like "slb-negeri-metro"`, false},
		{"school without a level", data, "  level: slb\n", "",
			data + `:22: school "slb-negeri-metro" needs level; add a line like level: paud`, false},
		{"school with an unknown field", data, "  level: slb\n", "  level: slb\n  alamat: Jl. Contoh\n",
			data + `:25: school "slb-negeri-metro" has an unknown field "alamat"`, false},
		{"school field not text", data, "  level: slb\n", "  level: [slb, sd]\n",
			data + `:24: school "slb-negeri-metro": level must be text, not a list; write a single value, in quotes if it starts with [ or {`, false},
		{"school field a group", data, "  level: slb\n", "  level: {jenjang: slb}\n",
			data + `:24: school "slb-negeri-metro": level must be text, not a group of fields`, false},
		{"school field not text is not also missing", data, "  level: slb\n", "  level: [slb, sd]\n",
			`!school "slb-negeri-metro" needs level`, false},
		{"school a single value", data, "slb-negeri-metro:\n  name: SLB Negeri Metro\n  level: slb\n  district: Metro Timur\n", "slb-negeri-metro: SLB Negeri Metro\n",
			data + `:22: school "slb-negeri-metro" needs its fields (name, level and district) under its key, not a single value; write it like slb-negeri-metro: {name: SLB Negeri Metro, level: slb, district: Metro Pusat}`, false},
		{"school level unknown", data, "  level: slb\n", "  level: universitas\n",
			data + `:24: school "slb-negeri-metro" has level "universitas"; write one of paud, sd, smp, sma, smk, slb`, false},
		{"npsn not 8 digits", data, `npsn: "10800001"`, `npsn: "1080"`,
			data + `:7: warning: school "tk-negeri-1-metro-pusat": npsn "1080" is not an NPSN (8 digits)`, true},
		{"coordinate out of range", data, "lat: -5.1131", "lat: -95",
			data + `:8: school "tk-negeri-1-metro-pusat": lat "-95" is not a coordinate`, false},
		{"school twice in the data", data, "tk-pertiwi-metro-timur:", "sd-negeri-1-metro-pusat:",
			data + `:26: school "sd-negeri-1-metro-pusat" is listed twice (first on line 10); keep one`, false},
		{"a page where the reach publishes", "content/jangkauan.md", "", "---\ntitle: Jangkauan\n---\nTeks.\n",
			`content/jangkauan.md:1: this page and data/sekolah.yaml would both be published at /jangkauan/`, false},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			fsys := fixture(t)
			if c.from == "" {
				sitetest.Add(fsys, c.file, []byte(c.to))
			} else {
				src := string(fsys[c.file].Data)
				if !strings.Contains(src, c.from) {
					t.Fatalf("%s does not contain %q", c.file, c.from)
				}
				fsys[c.file].Data = []byte(strings.Replace(src, c.from, c.to, 1))
			}
			s := sitetest.Build(t, fsys, sitetest.Options{})
			got := strings.Join(s.Diagnostics(), "\n")
			if not, ok := strings.CutPrefix(c.want, "!"); ok {
				if strings.Contains(got, not) || s.Err == nil {
					t.Fatalf("want an error, and no %q, in:\n%s", not, got)
				}
			} else if !strings.Contains(got, c.want) {
				t.Fatalf("want %q in:\n%s", c.want, got)
			}
			if c.warning != (s.Err == nil) {
				t.Errorf("warning %v, but the build error is %v:\n%s", c.warning, s.Err, got)
			}
		})
	}
}
