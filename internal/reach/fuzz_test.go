package reach

import (
	"strings"
	"testing"
	"testing/fstest"

	"github.com/dinsos-metro/warta/internal/config"
)

// FuzzLoadSchools feeds data/sekolah.yaml anything: it never panics, every
// problem has a line inside the file (or 1), and a school without an
// error has a key fit for its address and every required field.
func FuzzLoadSchools(f *testing.F) {
	f.Add("tk-1:\n  name: TK 1\n  level: paud\n  district: Metro Pusat\n  npsn: \"10800001\"\n  lat: -5.1\n  lon: 105.3\n")
	f.Add("a:\n  name: [x]\nb: 3\n- c\n")
	f.Add("x: &a {name: *a}\n")
	f.Add("")
	f.Add("k:\n  lat: NaN\n  lon: 1e400\n  level: TK\n")
	cfg := &config.Config{Districts: []config.District{{Name: "Metro Pusat"}}}
	f.Fuzz(func(t *testing.T, data string) {
		fsys := fstest.MapFS{File: {Data: []byte(data)}}
		schools, ds := LoadSchools(fsys, cfg)
		// YAML, like editors, breaks lines at \n, \r\n and a lone \r.
		lines := 1 + strings.Count(strings.ReplaceAll(data, "\r\n", "\n"), "\n") + strings.Count(strings.ReplaceAll(data, "\r\n", "\n"), "\r")
		for _, d := range ds {
			if d.File != File || d.Line < 1 || d.Line > lines+1 {
				t.Errorf("diagnostic %s:%d outside the file (%d lines)", d.File, d.Line, lines)
			}
		}
		for _, s := range schools {
			if s.Invalid {
				continue
			}
			if !keyForm.MatchString(s.Key) || s.Name == "" || s.District != "Metro Pusat" || levelIndex(s.Level) == len(Levels) {
				t.Errorf("school %+v has no error but is not valid", s)
			}
		}
	})
}

// TestCoordinateNaN is the regression test of a NaN latitude, which
// passed the range check and then broke the JSON data file.
func TestCoordinateNaN(t *testing.T) {
	fsys := fstest.MapFS{File: {Data: []byte("k:\n  name: K\n  level: sd\n  district: Metro Pusat\n  lat: NaN\n")}}
	schools, ds := LoadSchools(fsys, &config.Config{})
	if len(ds) != 1 || ds[0].Line != 5 || !schools[0].Invalid {
		t.Fatalf("want one error on line 5, got %v", ds)
	}
}
