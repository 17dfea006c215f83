package corpus

import (
	"fmt"
	"strings"
)

// With Options.Schools, the corpus lists every school its reports can
// name in data/sekolah.yaml (every kind, number and district of
// randomPlace: 360 schools), site.yaml lists the five districts, and every
// report names its school in schools: (program reach, internal/reach).

// schoolLevel is the level of a school kind.
func schoolLevel(kind string) string {
	switch {
	case strings.HasPrefix(kind, "TK"):
		return "paud"
	case strings.HasPrefix(kind, "SMP"):
		return "smp"
	}
	return "sd" // SD and MI
}

// schoolKey is the data file's key of a school named by randomPlace.
func schoolKey(name string) string { return slugify(name) }

func (g *gen) schools() {
	var b strings.Builder
	b.WriteString("# Schools of the generated corpus.\n")
	for _, d := range districts {
		for _, kind := range schoolKinds {
			for n := 1; n <= 12; n++ {
				name := fmt.Sprintf("%s %d %s", kind, n, d)
				fmt.Fprintf(&b, "%s:\n  name: %s\n  level: %s\n  district: %s\n", schoolKey(name), name, schoolLevel(kind), d)
			}
		}
	}
	g.file("data/sekolah.yaml", []byte(b.String()))
}

const districtsYAML = `districts:
  - {name: Metro Pusat, code: "18.72.01"}
  - {name: Metro Utara, code: "18.72.02"}
  - {name: Metro Barat, code: "18.72.03"}
  - {name: Metro Timur, code: "18.72.04"}
  - {name: Metro Selatan, code: "18.72.05"}
`
