package newsroom

import (
	"net/http"
	"net/url"
	"slices"
	"strings"
	"time"

	"github.com/dinsos-metro/warta/internal/diag"
	"github.com/dinsos-metro/warta/internal/pagefile"
	"github.com/dinsos-metro/warta/internal/schema"
)

// A new page starts from a small form (title, date, and a module's
// level); its file is named from them the way `warta new` names files,
// and it starts as a draft.

type newForm struct{ n *Newsroom }

func (h newForm) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	n := h.n
	lang := n.lang()
	kind := r.FormValue("kind")
	if !slices.Contains([]string{"news", "module", "gallery"}, kind) {
		kind = "news"
	}
	level := r.FormValue("level")
	if !slices.Contains(schema.Levels, level) {
		level = ""
	}
	cfg := n.loadConfig()
	n.render(w, http.StatusOK, "new.html", tr(lang, "new-"+kind), map[string]any{
		"Kind": kind, "Level": level, "Levels": schema.Levels,
		"Date": n.opt.Now().In(cfg.Location).Format("2006-01-02"), "Error": r.FormValue("error"),
	}, lang)
}

type create struct{ n *Newsroom }

func (h create) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	n := h.n
	lang := n.lang()
	cfg := n.loadConfig()
	kind, level := r.PostFormValue("kind"), r.PostFormValue("level")
	title := strings.TrimSpace(r.PostFormValue("title"))
	date := strings.TrimSpace(r.PostFormValue("date"))
	back := func(msg string) {
		q := url.Values{"kind": {kind}, "level": {level}, "error": {msg}}
		http.Redirect(w, r, Prefix+"new?"+q.Encode(), http.StatusSeeOther)
	}
	if title == "" {
		back(diag.New("", 0, diag.NewsroomNeedsTitle).Message(lang))
		return
	}
	if _, err := time.ParseInLocation("2006-01-02", date, cfg.Location); err != nil {
		date = n.opt.Now().In(cfg.Location).Format("2006-01-02")
	}
	slug := slugify(title)
	fields := map[string]any{"title": title, "draft": true}
	if who := n.creator(); who != "" {
		fields[writerField] = who // team.go: the page's writer
	}
	var file string
	switch kind {
	case "news":
		file = "content/berita/" + date + "-" + slug + ".md"
		fields["date"] = date
	case "gallery":
		file = "content/galeri/" + date + "-" + slug + "/index.md"
		fields["date"] = date
	case "module":
		if !slices.Contains(schema.Levels, level) {
			http.Error(w, "bad level", http.StatusBadRequest)
			return
		}
		file = "content/modul/" + level + "/" + slug + "/index.md"
		fields["level"] = level
	default:
		http.Error(w, "bad kind", http.StatusBadRequest)
		return
	}
	if _, ok := pageFile(file); !ok {
		http.Error(w, "bad file", http.StatusBadRequest)
		return
	}
	if n.exists(file) || n.exists(bundleDir(file)) || n.exists(strings.TrimSuffix(file, "/index.md")+".md") {
		back(diag.New("", 0, diag.NewsroomExists, file).Message(lang))
		return
	}
	data, err := pagefile.New(kind, fields, nil)
	if err != nil {
		back(err.Error())
		return
	}
	if err := n.save(file, data, "", "buat: "+file); err != nil {
		http.Error(w, err.Error(), http.StatusInternalServerError)
		return
	}
	n.opt.Site.Changed(r.Context(), []string{file})
	http.Redirect(w, r, Prefix+"edit?file="+url.QueryEscape(file), http.StatusSeeOther)
}
