package reach

import (
	"time"
)

// Figures are the reach page's numbers.
type Figures struct {
	Listed, Visited int
	Levels          []LevelFig    // levels that have schools, in Levels order
	Districts       []DistrictFig // kecamatan, in site.yaml's order
	Total           DistrictFig   // the table's last row
	Reached         int           // kecamatan with a visited school
	Visits          int           // school visits
	Reports         int           // reports naming a school
	Children        int
	Teachers        int
	Parents         int
	People          int
	Months          []MonthFig
}

// LevelFig counts one level's schools.
type LevelFig struct {
	Code, Name      string
	Listed, Visited int
}

// DistrictFig counts one kecamatan's schools, in total and by level.
type DistrictFig struct {
	Name, Code      string
	URL             string // its /kecamatan/<name>/ page, when there is one
	Listed, Visited int
	Percent         int       // visited of listed, rounded down
	Class           int       // 0: none, 1: under half, 2: half or more, 3: all
	Cells           []CellFig // by the Figures' Levels
	Visits          int
}

// CellFig is one kecamatan and level.
type CellFig struct{ Listed, Visited int }

// MonthFig is the school visits of one month.
type MonthFig struct {
	Month time.Time
	ISO   string // 2025-07
	Label string // Jul 2025
	Short string // Jul
	Count int
}

// chartMonths is how many months the visits chart shows at most.
const chartMonths = 24

func (r *Reach) figures(lang string, termURL func(string) string) Figures {
	var f Figures
	levelAt := map[string]int{}
	for _, l := range Levels {
		for _, s := range r.Schools {
			if s.Level == l.Code {
				levelAt[l.Code] = len(f.Levels)
				f.Levels = append(f.Levels, LevelFig{Code: l.Code, Name: l.Name})
				break
			}
		}
	}
	for _, d := range districts(r.Site.Config, r.Schools) {
		f.Districts = append(f.Districts, DistrictFig{Name: d.Name, Code: d.Code, URL: termURL(d.Name), Cells: make([]CellFig, len(f.Levels))})
	}
	f.Total.Cells = make([]CellFig, len(f.Levels))
	for _, s := range r.Schools {
		visited := r.Visited(s.Key)
		li := levelAt[s.Level]
		add := func(d *DistrictFig) {
			d.Listed++
			d.Cells[li].Listed++
			if visited {
				d.Visited++
				d.Cells[li].Visited++
			}
		}
		add(&f.Total)
		for i := range f.Districts {
			if f.Districts[i].Name == s.District {
				add(&f.Districts[i])
			}
		}
		f.Levels[li].Listed++
		if visited {
			f.Levels[li].Visited++
		}
	}
	for _, v := range r.Visits {
		for i := range f.Districts {
			if f.Districts[i].Name == v.School.District {
				f.Districts[i].Visits++
			}
		}
	}
	f.Total.Visits = len(r.Visits)
	for i := range f.Districts {
		d := &f.Districts[i]
		d.Percent, d.Class = share(d.Visited, d.Listed)
		if d.Visited > 0 {
			f.Reached++
		}
	}
	f.Total.Percent, f.Total.Class = share(f.Total.Visited, f.Total.Listed)
	f.Listed, f.Visited, f.Visits, f.Reports = f.Total.Listed, f.Total.Visited, len(r.Visits), len(r.Reports)
	for _, p := range r.Reports {
		if pt := p.Visit.Participants; pt != nil {
			f.Children += max(pt.Children, 0)
			f.Teachers += max(pt.Teachers, 0)
			f.Parents += max(pt.Parents, 0)
		}
	}
	f.People = f.Children + f.Teachers + f.Parents
	f.Months = r.months(lang)
	return f
}

// share is visited of listed as a whole percentage and a shading class.
func share(visited, listed int) (percent, class int) {
	if listed == 0 || visited == 0 {
		return 0, 0
	}
	percent = visited * 100 / listed
	switch {
	case visited == listed:
		return percent, 3
	case visited*2 >= listed:
		return percent, 2
	}
	return percent, 1
}

// months counts visits per month, every month from the first visit to the
// last (empty months too, so the chart's gaps are true), at most the last
// chartMonths.
func (r *Reach) months(lang string) []MonthFig {
	if len(r.Visits) == 0 {
		return nil
	}
	month := func(t time.Time) time.Time { return time.Date(t.Year(), t.Month(), 1, 0, 0, 0, 0, time.UTC) }
	first, last := month(r.Visits[0].Date), month(r.Visits[len(r.Visits)-1].Date)
	if start := last.AddDate(0, -(chartMonths - 1), 0); first.Before(start) {
		first = start
	}
	counts := map[time.Time]int{}
	for _, v := range r.Visits {
		counts[month(v.Date)]++
	}
	var out []MonthFig
	for m := first; !m.After(last); m = m.AddDate(0, 1, 0) {
		short := monthNames(lang)[m.Month()-1]
		out = append(out, MonthFig{Month: m, ISO: m.Format("2006-01"), Short: short, Label: short + " " + m.Format("2006"), Count: counts[m]})
	}
	return out
}

func monthNames(lang string) []string {
	if lang == "en" {
		return []string{"Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"}
	}
	return []string{"Jan", "Feb", "Mar", "Apr", "Mei", "Jun", "Jul", "Agu", "Sep", "Okt", "Nov", "Des"}
}
