package config

import "fmt"

// District is one kecamatan of the city: its name as the site writes it
// (and as reports write it in district:), and its optional official region
// code (kode wilayah Kemendagri, for example 18.72.01).
type District struct {
	Name string `yaml:"name"`
	Code string `yaml:"code"`
}

// DistrictNames lists the names of the site's kecamatan in order.
func (c *Config) DistrictNames() []string {
	out := make([]string, len(c.Districts))
	for i, d := range c.Districts {
		out[i] = d.Name
	}
	return out
}

// resolveDistricts checks that every kecamatan has a name, once.
func (c *Config) resolveDistricts(data []byte) []diagnostic {
	var ds []diagnostic
	seen := map[string]bool{}
	for i, d := range c.Districts {
		switch {
		case d.Name == "":
			ds = append(ds, invalid(data, "districts", fmt.Sprintf("entry %d needs a name", i+1)))
		case seen[d.Name]:
			ds = append(ds, invalid(data, "districts", fmt.Sprintf("%q is listed twice", d.Name)))
		}
		seen[d.Name] = true
	}
	return ds
}

// District finds a kecamatan by name, as the site writes it.
func (c *Config) District(name string) (District, bool) {
	for _, d := range c.Districts {
		if d.Name == name {
			return d, true
		}
	}
	return District{}, false
}
