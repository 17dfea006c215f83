package newsroom

import (
	"context"
	"net/http"
	"os"
	"slices"
	"strings"
	"time"

	"github.com/dinsos-metro/warta/internal/config"
	"github.com/dinsos-metro/warta/internal/content"
	"github.com/dinsos-metro/warta/internal/diag"
)

// entry is one row of the dashboard.
type entry struct {
	File     string
	Kind     string // news, module, gallery, page
	Level    string // a module's level
	Title    string
	Date     time.Time
	Status   string // draft, review, scheduled, published
	Problems int
	Writer   string // team.go: who wrote it, with accounts
}

// site reads the settings and every page from disk, drafts included.
func (n *Newsroom) site(ctx context.Context) (*config.Config, []*content.Page) {
	fsys := os.DirFS(n.opt.Dir)
	cfg, _ := config.Load(fsys)
	pages, _ := content.Load(ctx, fsys, content.Options{
		Location: cfg.Location, SlugDatePrefix: cfg.SlugDatePrefix, Drafts: true,
	})
	return cfg, pages
}

func (n *Newsroom) lang() string {
	if n.opt.Lang != "" {
		return n.opt.Lang
	}
	cfg, _ := config.Load(os.DirFS(n.opt.Dir))
	if cfg != nil && cfg.Language == "en" {
		return "en"
	}
	return "id"
}

// problemsByFile counts the last build's problems of each file.
func problemsByFile(ds []diag.Diagnostic) map[string]int {
	out := map[string]int{}
	for _, d := range ds {
		if d.File != "" {
			out[d.File]++
		}
	}
	return out
}

type dashboard struct{ n *Newsroom }

func (h dashboard) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	n := h.n
	lang := n.lang()
	_, pages := n.site(r.Context())
	counts := problemsByFile(n.opt.Site.Problems())
	kind, status := r.FormValue("kind"), r.FormValue("status")
	q := strings.ToLower(strings.TrimSpace(r.FormValue("q")))
	now := n.opt.Now()
	var rows []entry
	for _, p := range pages {
		e := entry{File: p.File, Kind: p.Kind.String(), Title: p.Title, Date: p.Date, Problems: counts[p.File]}
		if who, _ := p.Params[writerField].(string); who != "" {
			e.Writer = n.personName(who)
		}
		switch p.Kind {
		case content.KindNews, content.KindGallery, content.KindPage:
		case content.KindModule:
			if p.Module != nil {
				e.Level = p.Module.Level
			}
		default:
			continue // home and section pages are edited by hand
		}
		review, _ := p.Params["review"].(bool)
		e.Status = pageStatus(p.Draft, review, p.Date, now)
		if (kind != "" && e.Kind != kind) || (status != "" && e.Status != status) {
			continue
		}
		if q != "" && !strings.Contains(strings.ToLower(e.Title), q) {
			continue
		}
		rows = append(rows, e)
	}
	slices.SortStableFunc(rows, func(a, b entry) int {
		if c := b.Date.Compare(a.Date); c != 0 {
			return c
		}
		return strings.Compare(a.File, b.File)
	})
	more := 0
	if len(rows) > 200 {
		more = len(rows) - 200
		rows = rows[:200]
	}
	n.render(w, http.StatusOK, "dashboard.html", tr(lang, "dashboard"), map[string]any{
		"Rows": rows, "Kind": kind, "Status": status, "Q": r.FormValue("q"), "More": more,
		"Kinds":    []string{"news", "module", "gallery", "page"},
		"Statuses": []string{"draft", "review", "scheduled", "published"},
		"Levels":   content.Levels,
	}, lang)
}
