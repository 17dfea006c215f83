package reach

import (
	"errors"
	"io/fs"
	"regexp"
	"strconv"
	"strings"

	"go.yaml.in/yaml/v3"

	"github.com/dinsos-metro/warta/internal/config"
	"github.com/dinsos-metro/warta/internal/diag"
	"github.com/dinsos-metro/warta/internal/slug"
)

// File is the schools' data file, relative to the site folder.
const File = "data/sekolah.yaml"

// School is one school of data/sekolah.yaml.
type School struct {
	Key       string // the entry's key: its address, /sekolah/<key>/
	Name      string
	Level     string // a code of Levels
	District  string // kecamatan, as site.yaml's districts write it
	Kelurahan string
	NPSN      string   // Nomor Pokok Sekolah Nasional, 8 digits
	Lat, Lon  *float64 // decimal degrees
	Line      int      // where the entry starts in File
	// Invalid is true when the entry has an error: it is left out of the
	// reach, but pages naming it are not told that it does not exist.
	Invalid bool
}

// Level is a school level the department visits.
type Level struct {
	Code, Name string
}

// Levels are the school levels in display order. The first three are
// the levels of the lesson modules (content.Levels).
var Levels = []Level{
	{"paud", "PAUD/TK"}, {"sd", "SD"}, {"smp", "SMP"},
	{"sma", "SMA"}, {"smk", "SMK"}, {"slb", "SLB"},
}

// levelAliases are other ways staff write a level.
var levelAliases = map[string]string{"tk": "paud", "ra": "paud", "kb": "paud", "mi": "sd", "mts": "smp", "ma": "sma"}

func levelIndex(code string) int {
	for i, l := range Levels {
		if l.Code == code {
			return i
		}
	}
	return len(Levels)
}

// LevelName is the display name of a level code.
func LevelName(code string) string {
	if i := levelIndex(code); i < len(Levels) {
		return Levels[i].Name
	}
	return strings.ToUpper(code)
}

var keyForm = regexp.MustCompile(`^[a-z0-9]+(-[a-z0-9]+)*$`)
var npsnForm = regexp.MustCompile(`^[0-9]{8}$`)

// LoadSchools reads data/sekolah.yaml. A site without the file has no
// schools (and no reach pages). Every problem is reported with its line;
// a school with an error is left out.
func LoadSchools(fsys fs.FS, cfg *config.Config) ([]School, []diag.Diagnostic) {
	data, err := fs.ReadFile(fsys, File)
	if errors.Is(err, fs.ErrNotExist) {
		return nil, nil
	}
	if err != nil {
		return nil, []diag.Diagnostic{diag.New(File, 0, diag.ReadFailed, err)}
	}
	var doc yaml.Node
	if err := yaml.Unmarshal(data, &doc); err != nil {
		line, problem := diag.YAMLErrorAt(err.Error(), data)
		return nil, []diag.Diagnostic{diag.New(File, line, diag.SchoolsSyntax, diag.YAMLProblemAt(problem, data, line))}
	}
	if len(doc.Content) == 0 {
		return nil, nil // an empty file
	}
	root := doc.Content[0]
	if root.Kind != yaml.MappingNode {
		return nil, []diag.Diagnostic{diag.New(File, root.Line, diag.SchoolsNotMap)}
	}
	var (
		out  []School
		ds   []diag.Diagnostic
		seen = map[string]int{}
	)
	for i := 0; i+1 < len(root.Content); i += 2 {
		k, v := root.Content[i], root.Content[i+1]
		if first, dup := seen[k.Value]; dup {
			ds = append(ds, diag.New(File, k.Line, diag.SchoolDuplicate, k.Value, first))
			continue
		}
		seen[k.Value] = k.Line
		s, sds := readSchool(k, v, cfg)
		ds = append(ds, sds...)
		s.Invalid = hasError(sds)
		out = append(out, s)
	}
	return out, ds
}

func readSchool(k, v *yaml.Node, cfg *config.Config) (School, []diag.Diagnostic) {
	s := School{Key: k.Value, Line: k.Line}
	var ds []diag.Diagnostic
	bad := func(line int, code diag.Code, args ...any) {
		ds = append(ds, diag.New(File, line, code, args...))
	}
	if !keyForm.MatchString(s.Key) {
		bad(k.Line, diag.SchoolKeyBad, s.Key, slug.Make(s.Key))
	}
	if v.Kind != yaml.MappingNode {
		bad(k.Line, diag.SchoolNotMap, s.Key, schoolExample(s.Key, v))
		return s, ds
	}
	lines := map[string]int{}
	notText := map[string]bool{} // told already: not "needs" it as well
	for i := 0; i+1 < len(v.Content); i += 2 {
		fk, fv := v.Content[i], v.Content[i+1]
		lines[fk.Value] = fk.Line
		if fv.Kind == yaml.AliasNode && fv.Alias != nil {
			fv = fv.Alias
		}
		var text string
		if fv.Kind != yaml.ScalarNode {
			kind := diag.P(diag.SchoolKindGroup)
			if fv.Kind == yaml.SequenceNode {
				kind = diag.P(diag.SchoolKindList)
			}
			bad(fk.Line, diag.SchoolFieldNotText, s.Key, fk.Value, kind)
			notText[fk.Value] = true
			continue
		}
		text = strings.TrimSpace(fv.Value)
		switch fk.Value {
		case "name":
			s.Name = text
		case "level":
			s.Level = strings.ToLower(text)
			if a, ok := levelAliases[s.Level]; ok {
				s.Level = a
			}
			if text != "" && levelIndex(s.Level) == len(Levels) {
				bad(fk.Line, diag.SchoolLevelUnknown, s.Key, text, levelList())
			}
		case "district":
			s.District = text
		case "kelurahan":
			s.Kelurahan = text
		case "npsn":
			s.NPSN = text
			if text != "" && !npsnForm.MatchString(text) {
				ds = append(ds, diag.Warn(File, fk.Line, diag.SchoolNPSN, s.Key, text))
				s.NPSN = ""
			}
		case "lat", "lon":
			f, err := strconv.ParseFloat(text, 64)
			limit := 90.0
			if fk.Value == "lon" {
				limit = 180
			}
			if err != nil || !(f >= -limit && f <= limit) { // NaN too
				bad(fk.Line, diag.SchoolCoord, s.Key, fk.Value, text)
				continue
			}
			if fk.Value == "lat" {
				s.Lat = &f
			} else {
				s.Lon = &f
			}
		default:
			bad(fk.Line, diag.SchoolFieldUnknown, s.Key, fk.Value)
		}
	}
	for _, req := range []struct{ key, val, example string }{
		{"name", s.Name, "name: TK Negeri 1 Metro Pusat"},
		{"level", s.Level, "level: paud"},
		{"district", s.District, "district: Metro Pusat"},
	} {
		if req.val == "" && !notText[req.key] {
			bad(max(lines[req.key], k.Line), diag.SchoolFieldMissing, s.Key, req.key, req.example)
		}
	}
	if s.District != "" && len(cfg.Districts) > 0 {
		if _, ok := cfg.District(s.District); !ok {
			bad(lines["district"], diag.SchoolDistrict, s.Key, s.District, strings.Join(cfg.DistrictNames(), ", "))
		}
	}
	return s, ds
}

// schoolExample is an entry for key to copy: its name the value written,
// when that is text, and its level guessed from the key's first word.
func schoolExample(key string, v *yaml.Node) string {
	name := "Nama Sekolah"
	if v.Kind == yaml.ScalarNode && strings.TrimSpace(v.Value) != "" {
		name = strings.TrimSpace(v.Value)
		if strings.ContainsAny(name, ",:{}[]#&*!|>'\"%@`") {
			name = strconv.Quote(name)
		}
	}
	level := "paud"
	first, _, _ := strings.Cut(key, "-")
	if a, ok := levelAliases[first]; ok {
		level = a
	} else if levelIndex(first) < len(Levels) {
		level = first
	}
	return key + ": {name: " + name + ", level: " + level + ", district: Metro Pusat}"
}

func levelList() string {
	var names []string
	for _, l := range Levels {
		names = append(names, l.Code)
	}
	return strings.Join(names, ", ")
}

func hasError(ds []diag.Diagnostic) bool {
	for _, d := range ds {
		if d.Severity == diag.Error {
			return true
		}
	}
	return false
}
