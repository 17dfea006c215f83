package reach

import (
	"fmt"
	"html"
	"html/template"
	"strings"
)

// The charts are SVG drawn here, at build time, and put inline in the
// page: no script, no request, a few kilobytes. Each has a <title> and a
// <desc> and role="img", and the page shows the same numbers in a table.
// Shading is by pattern as well as colour, and every shape carries its
// number as text, so a black-and-white printout reads the same.

const ink = "#0b3d4f" // lines and text: prints as near black

// patterns define the four shading classes of the map and its legend:
// none, hatched (under half), cross-hatched (half or more), solid (all).
func patterns(id string) string {
	return `<defs>` +
		`<pattern id="` + id + `-1" width="8" height="8" patternUnits="userSpaceOnUse" patternTransform="rotate(45)"><rect width="8" height="8" fill="#e3f1f4"/><line x1="0" y1="0" x2="0" y2="8" stroke="` + ink + `" stroke-width="1.5"/></pattern>` +
		`<pattern id="` + id + `-2" width="7" height="7" patternUnits="userSpaceOnUse" patternTransform="rotate(45)"><rect width="7" height="7" fill="#9fd0da"/><line x1="0" y1="0" x2="0" y2="7" stroke="` + ink + `" stroke-width="2"/><line x1="0" y1="0" x2="7" y2="0" stroke="` + ink + `" stroke-width="2"/></pattern>` +
		`</defs>`
}

func fill(id string, class int) string {
	switch class {
	case 1, 2:
		return fmt.Sprintf("url(#%s-%d)", id, class)
	case 3:
		return ink
	}
	return "#fff"
}

// tile is where a kecamatan sits on the schematic map, by the compass
// word in its name; kecamatan without one go in a row below.
func tile(name string) (col, row int, ok bool) {
	n := strings.ToLower(name)
	for _, c := range []struct {
		word     string
		col, row int
	}{{"utara", 1, 0}, {"barat", 0, 1}, {"pusat", 1, 1}, {"tengah", 1, 1}, {"timur", 2, 1}, {"selatan", 1, 2},
		{"north", 1, 0}, {"west", 0, 1}, {"central", 1, 1}, {"east", 2, 1}, {"south", 1, 2}} {
		if strings.Contains(n, c.word) {
			return c.col, c.row, true
		}
	}
	return 0, 0, false
}

// mapSVG draws the kecamatan as tiles placed by compass direction (a
// schematic, not their boundaries), each shaded by the share of its
// schools visited and labelled with its numbers.
func mapSVG(f Figures, l labels) template.HTML {
	const w, h, gap = 118, 84, 8
	var b strings.Builder
	used := map[[2]int]bool{}
	rows, extra := 0, 0
	type placed struct {
		d    DistrictFig
		x, y int
	}
	var tiles []placed
	for _, d := range f.Districts {
		col, row, ok := tile(d.Name)
		if !ok || used[[2]int{col, row}] {
			col, row = extra%3, 3+extra/3
			extra++
		}
		used[[2]int{col, row}] = true
		rows = max(rows, row+1)
		tiles = append(tiles, placed{d, 4 + col*(w+gap), 4 + row*(h+gap)})
	}
	width, legendY := 3*(w+gap)+gap, 4+rows*(h+gap)+6
	height := legendY + 4*22 + 6
	fmt.Fprintf(&b, `<svg class="reach-map" xmlns="http://www.w3.org/2000/svg" viewBox="0 0 %d %d" role="img" aria-labelledby="map-t map-d">`, width, height)
	fmt.Fprintf(&b, `<title id="map-t">%s</title><desc id="map-d">%s</desc>`, esc(l.T("map_title")), esc(mapDesc(f, l)))
	b.WriteString(patterns("rp"))
	for _, t := range tiles {
		text, halo := ink, "#fff"
		if t.d.Class == 3 {
			text, halo = "#fff", ink
		}
		fmt.Fprintf(&b, `<g><rect x="%d" y="%d" width="%d" height="%d" rx="6" fill="%s" stroke="%s" stroke-width="1.5"/>`, t.x, t.y, w, h, fill("rp", t.d.Class), ink)
		fmt.Fprintf(&b, `<rect x="%d" y="%d" width="%d" height="40" rx="4" fill="%s"/>`, t.x+8, t.y+h/2-20, w-16, halo)
		fmt.Fprintf(&b, `<text x="%d" y="%d" text-anchor="middle" font-size="12" font-weight="700" fill="%s">%s</text>`, t.x+w/2, t.y+h/2-4, text, esc(t.d.Name))
		fmt.Fprintf(&b, `<text x="%d" y="%d" text-anchor="middle" font-size="11" fill="%s">%d/%d · %d%%</text></g>`, t.x+w/2, t.y+h/2+12, text, t.d.Visited, t.d.Listed, t.d.Percent)
	}
	for i, key := range []string{"class_0", "class_1", "class_2", "class_3"} {
		y := legendY + i*22
		fmt.Fprintf(&b, `<rect x="8" y="%d" width="26" height="16" fill="%s" stroke="%s"/>`, y, fill("rp", i), ink)
		fmt.Fprintf(&b, `<text x="42" y="%d" font-size="12" fill="%s">%s</text>`, y+12, ink, esc(l.T(key)))
	}
	b.WriteString(`</svg>`)
	return template.HTML(b.String())
}

func mapDesc(f Figures, l labels) string {
	parts := []string{l.T("map_desc")}
	for _, d := range f.Districts {
		parts = append(parts, fmt.Sprintf("%s: %d/%d", d.Name, d.Visited, d.Listed))
	}
	return strings.Join(parts, "; ")
}

// chartSVG draws the school visits per month as bars, each labelled with
// its count, months below (the year under the first and every January).
func chartSVG(f Figures, l labels) template.HTML {
	const width, height, left, right, top, bottom = 640, 250, 12, 12, 26, 54
	n := len(f.Months)
	if n == 0 {
		return ""
	}
	most := 1
	for _, m := range f.Months {
		most = max(most, m.Count)
	}
	step := float64(width-left-right) / float64(n)
	bar := step * 0.7
	// Labels as large as the bars' spacing allows: the chart is scaled
	// down to half its size on a phone.
	font := int(min(18, max(11, step*0.5)))
	plot := float64(height - top - bottom)
	var b strings.Builder
	fmt.Fprintf(&b, `<svg class="reach-chart" xmlns="http://www.w3.org/2000/svg" viewBox="0 0 %d %d" role="img" aria-labelledby="chart-t chart-d">`, width, height)
	fmt.Fprintf(&b, `<title id="chart-t">%s</title><desc id="chart-d">%s</desc>`, esc(l.T("chart_title")), esc(chartDesc(f, l)))
	base := float64(height - bottom)
	for i, m := range f.Months {
		x := float64(left) + float64(i)*step + (step-bar)/2
		hgt := plot * float64(m.Count) / float64(most)
		cx := x + bar/2
		if m.Count > 0 {
			fmt.Fprintf(&b, `<rect x="%.1f" y="%.1f" width="%.1f" height="%.1f" fill="#0b5a72" stroke="%s"/>`, x, base-hgt, bar, hgt, ink)
			fmt.Fprintf(&b, `<text x="%.1f" y="%.1f" text-anchor="middle" font-size="%d" font-weight="700" fill="%s">%d</text>`, cx, base-hgt-6, font, ink, m.Count)
		}
		fmt.Fprintf(&b, `<text x="%.1f" y="%.1f" text-anchor="middle" font-size="%d" fill="%s">%s</text>`, cx, base+float64(font)+4, font, ink, esc(m.Short))
		if i == 0 || m.Month.Month() == 1 {
			fmt.Fprintf(&b, `<text x="%.1f" y="%.1f" text-anchor="middle" font-size="%d" fill="%s">%d</text>`, cx, base+2*float64(font)+8, font, ink, m.Month.Year())
		}
	}
	fmt.Fprintf(&b, `<line x1="%d" y1="%.1f" x2="%d" y2="%.1f" stroke="%s" stroke-width="1.5"/>`, left, base, width-right, base, ink)
	b.WriteString(`</svg>`)
	return template.HTML(b.String())
}

func chartDesc(f Figures, l labels) string {
	parts := []string{l.T("chart_desc")}
	for _, m := range f.Months {
		parts = append(parts, fmt.Sprintf("%s: %d", m.Label, m.Count))
	}
	return strings.Join(parts, "; ")
}

func esc(s string) string { return html.EscapeString(s) }
