package reach

import (
	"html/template"
	"slices"

	"github.com/dinsos-metro/warta/internal/diag"
	"github.com/dinsos-metro/warta/internal/i18n"
	"github.com/dinsos-metro/warta/internal/render"
	"github.com/dinsos-metro/warta/internal/site"
)

// The addresses of the reach pages and files.
const (
	PageURL = "/jangkauan/"
	DataURL = "/data/"
)

func schoolURL(key string) string { return "/sekolah/" + key + "/" }

// View is what the reach templates see as .Extra: on the reach page, a
// school's page and the data page, and in the blocks reach adds to the
// home page and the kecamatan and program pages. Only the parts of its
// page are set.
type View struct {
	L         labels
	ReachURL  string
	DataURL   string
	Figures   *Figures
	Map       template.HTML
	Chart     template.HTML
	Unvisited []DistrictSchools // the reach page: schools not visited yet
	School    *SchoolView
	District  *DistrictView
	Data      *DataView
}

// SchoolLink is a school in a list.
type SchoolLink struct {
	Name, URL, Level string
	Visits           int
}

// DistrictSchools are a kecamatan's schools in a list.
type DistrictSchools struct {
	Name, URL string
	Schools   []SchoolLink
}

// SchoolView is a school's page.
type SchoolView struct {
	Key, Name, Level, LevelName string
	District, DistrictURL, Code string
	Kelurahan, NPSN             string
	Entries                     []Entry
	Modules                     []render.Link // the first schoolModules of the level
	ModuleCount                 int           // all modules of the level
	LevelURL                    string
}

// schoolModules is how many of its level's modules a school's page lists
// (in the level's order); the level's page lists them all.
const schoolModules = 12

// Entry is a report or gallery of a school's visits.
type Entry struct {
	ISO, Date, Title, URL, Kind string
}

// DistrictView is the reach block of a kecamatan's page.
type DistrictView struct {
	Fig     DistrictFig
	Levels  []LevelFig
	Schools []SchoolLink
}

// DataView is the open data page.
type DataView struct {
	Files               []DataFile
	Licence, LicenceURL string
	Publisher, Updated  string
	Codes               []CodeView
}

// DataFile describes one table and its two files.
type DataFile struct {
	Name, Desc string
	CSV, JSON  string // URLs
	Rows       int
	Columns    []ColumnView
}

// ColumnView is one column of a data file, described.
type ColumnView struct{ Name, Type, Desc string }

// CodeView is a kecamatan and its region code.
type CodeView struct{ Name, Code string }

// Extension hands the reach's pages and files to render.
type Extension struct {
	outputs []render.Output
	extra   map[string]*View // by site path
}

// Outputs implements render.Extension.
func (e *Extension) Outputs() []render.Output { return e.outputs }

// Extra implements render.Extension.
func (e *Extension) Extra(urlPath string) any {
	if v := e.extra[urlPath]; v != nil {
		return v
	}
	return nil
}

// NewExtension makes every view and file of the reach. A site without
// schools gets none; a content page at one of the reach's addresses is
// an error.
func NewExtension(r *Reach, urls render.URLs) (*Extension, []diag.Diagnostic) {
	e := &Extension{extra: map[string]*View{}}
	if len(r.Schools) == 0 {
		return e, nil
	}
	cfg := r.Site.Config
	lang := cfg.Language
	l := labelsFor(lang)
	terms := map[string]*site.Term{}
	var programs []*site.Term
	for _, t := range r.Site.Taxonomies {
		for _, term := range t.Terms {
			switch t.Key {
			case "district":
				terms[term.Name] = term
			case "program":
				if slices.ContainsFunc(term.Pages, r.reported) {
					programs = append(programs, term)
				}
			}
		}
	}
	termURL := func(name string) string {
		if t := terms[name]; t != nil {
			return urls.Rel(t.URL)
		}
		return ""
	}
	f := r.figures(lang, termURL)
	base := View{L: l, ReachURL: urls.Rel(PageURL), DataURL: urls.Rel(DataURL), Figures: &f}
	home := []render.Link{{Title: i18n.Lang(lang).T("home"), URL: urls.Rel("/")}}
	reachCrumbs := append(slices.Clone(home), render.Link{Title: l.T("reach"), URL: urls.Rel(PageURL)})

	// The reach page.
	page := base
	page.Map, page.Chart = mapSVG(f, l), chartSVG(f, l)
	for _, d := range f.Districts {
		ds := DistrictSchools{Name: d.Name, URL: d.URL}
		for _, s := range r.Schools {
			if s.District == d.Name && !r.Visited(s.Key) {
				ds.Schools = append(ds.Schools, r.link(s, urls))
			}
		}
		page.Unvisited = append(page.Unvisited, ds)
	}
	e.add(render.Output{URL: PageURL, Template: "reach.html", Kind: "reach", Title: l.T("reach"),
		Description: l.T("reach_desc"), Crumbs: home, View: &page, Source: File})

	// A page per school.
	for _, s := range r.Schools {
		v := base
		v.School = r.schoolView(s, urls, lang, termURL)
		e.add(render.Output{URL: schoolURL(s.Key), Template: "school.html", Kind: "school", Title: s.Name,
			Description: s.Name + " – " + LevelName(s.Level) + ", " + s.District + ". " + l.T("reach") + ".",
			Crumbs:      reachCrumbs, View: &v, Source: File})
	}

	// The open data page and files.
	e.addData(r, base, urls, l, reachCrumbs)

	// Blocks on other pages.
	e.extra["/"] = &base
	for _, t := range programs {
		e.extra[t.URL] = &base
	}
	for _, d := range f.Districts {
		t := terms[d.Name]
		if t == nil {
			continue
		}
		v := base
		v.District = &DistrictView{Fig: d, Levels: f.Levels}
		for _, s := range r.Schools {
			if s.District == d.Name {
				v.District.Schools = append(v.District.Schools, r.link(s, urls))
			}
		}
		e.extra[t.URL] = &v
	}
	return e, e.collisions(r.Site)
}

func (e *Extension) add(o render.Output) { e.outputs = append(e.outputs, o) }

func (r *Reach) link(s *School, urls render.URLs) SchoolLink {
	return SchoolLink{Name: s.Name, URL: urls.Rel(schoolURL(s.Key)), Level: LevelName(s.Level), Visits: r.visits[s.Key]}
}

func (r *Reach) schoolView(s *School, urls render.URLs, lang string, termURL func(string) string) *SchoolView {
	l := labelsFor(lang)
	v := &SchoolView{Key: s.Key, Name: s.Name, Level: s.Level, LevelName: LevelName(s.Level),
		District: s.District, DistrictURL: termURL(s.District), Code: r.code(s.District), Kelurahan: s.Kelurahan, NPSN: s.NPSN}
	for _, p := range r.Pages[s.Key] {
		kind := l.T("news")
		if p.Gallery != nil {
			kind = l.T("gallery")
		}
		v.Entries = append(v.Entries, Entry{ISO: p.Date.Format("2006-01-02"), Date: i18n.Lang(lang).Date(p.Date), Title: p.Title, URL: urls.Rel(p.URL), Kind: kind})
	}
	mods := r.Site.Modules[s.Level]
	v.ModuleCount = len(mods)
	for _, m := range mods[:min(len(mods), schoolModules)] {
		v.Modules = append(v.Modules, render.Link{Title: m.Title, URL: urls.Rel(m.URL)})
	}
	if sec := r.Site.Sections["modul/"+s.Level]; sec != nil {
		v.LevelURL = urls.Rel(sec.URL)
	} else if len(v.Modules) > 0 {
		v.LevelURL = urls.Rel("/modul/" + s.Level + "/")
	}
	return v
}

func (e *Extension) addData(r *Reach, base View, urls render.URLs, l labels, crumbs []render.Link) {
	cfg := r.Site.Config
	lang := cfg.Language
	if lang != "en" {
		lang = "id"
	}
	name, licURL := cfg.DataLicence()
	dv := &DataView{Licence: name, LicenceURL: licURL, Publisher: cfg.DataPublisher()}
	if n := len(r.Visits); n > 0 {
		dv.Updated = r.Visits[n-1].Date.Format("2006-01-02")
	}
	for _, d := range cfg.Districts {
		dv.Codes = append(dv.Codes, CodeView{d.Name, d.Code})
	}
	for _, t := range r.tables(urls.Abs) {
		csvURL, jsonURL := DataURL+t.Name+".csv", DataURL+t.Name+".json"
		meta := Meta{Title: t.Name, Description: l.T(t.Name), Publisher: dv.Publisher, Licence: name, LicenceURL: licURL, Source: urls.Abs(DataURL)}
		e.add(render.Output{URL: csvURL, Body: t.CSV(), Source: File})
		e.add(render.Output{URL: jsonURL, Body: t.JSON(meta, lang), Source: File})
		df := DataFile{Name: t.Name, Desc: l.T(t.Name), CSV: urls.Rel(csvURL), JSON: urls.Rel(jsonURL), Rows: len(t.Rows)}
		for _, c := range t.Columns {
			df.Columns = append(df.Columns, ColumnView{c.Name, c.Type, c.Desc[lang]})
		}
		dv.Files = append(dv.Files, df)
	}
	v := base
	v.Data = dv
	e.add(render.Output{URL: DataURL, Template: "reach-data.html", Kind: "data", Title: l.T("open_data"),
		Description: l.T("open_data_desc"), Crumbs: crumbs, View: &v, Source: File})
}

// collisions reports content pages published where the reach publishes.
func (e *Extension) collisions(s *site.Site) []diag.Diagnostic {
	mine := map[string]bool{}
	for _, o := range e.outputs {
		mine[o.URL] = true
	}
	var ds []diag.Diagnostic
	for _, p := range s.All {
		if mine[p.URL] {
			ds = append(ds, diag.New(p.File, 1, diag.URLCollision, File, p.URL))
		}
	}
	return ds
}
