package newsroom

import (
	"bytes"
	"context"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"io/fs"
	"net/http"
	"os"
	"path"
	"regexp"
	"slices"
	"strings"
	"time"

	"github.com/dinsos-metro/warta/internal/config"
	"github.com/dinsos-metro/warta/internal/content"
	"github.com/dinsos-metro/warta/internal/diag"
	"github.com/dinsos-metro/warta/internal/pagefile"
)

// kindOf tells a page's kind from its file, as content does: the first
// folder below content/ decides.
func kindOf(file string) (kind, level string) {
	rest := strings.TrimPrefix(file, "content/")
	parts := strings.Split(rest, "/")
	switch {
	case path.Base(file) == "_index.md":
		return "section", ""
	case parts[0] == "berita" && len(parts) > 1:
		return "news", ""
	case parts[0] == "modul" && len(parts) > 2:
		return "module", parts[1]
	case parts[0] == "galeri" && len(parts) > 1:
		return "gallery", ""
	}
	return "page", ""
}

// hashOf names a file's bytes, so a save can tell whether the file on
// disk is still the one the editor opened.
func hashOf(data []byte) string {
	sum := sha256.Sum256(data)
	return hex.EncodeToString(sum[:])
}

// page is what the editor shows.
type page struct {
	File, Kind, Level, Hash string
	New                     bool
	Title                   string
	Status                  string
	Widgets                 []widget
	Body                    string
	Photos                  []photoView
	Attachments             []attachmentView // modules
	Consent                 string           // news: the page's consent ("", "true", "false")
	Cover                   string
	Lists                   lists
	Problems                []problem
	Message                 string
	Error                   string
	Editable                string // why the fields cannot be edited here ("" when they can)
	Limit                   int    // upload limit in MB
	Note, NoteBy            string // team: an editor's comment on a returned page, and who wrote it
}

// problem is one of the build's diagnostics, placed at a field.
type problem struct {
	Field string // the widget's key, "body" or "photos"
	Text  string
	Error bool
}

type editor struct{ n *Newsroom }

func (h editor) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	n := h.n
	file, ok := pageFile(r.FormValue("file"))
	if !ok {
		http.Error(w, "bad file", http.StatusBadRequest)
		return
	}
	data, err := n.readFile(file)
	if err != nil {
		http.NotFound(w, r)
		return
	}
	pv, err := n.pageView(r.Context(), file, data, hashOf(data), nil)
	if err != nil {
		http.Error(w, err.Error(), http.StatusInternalServerError)
		return
	}
	if r.FormValue("saved") != "" {
		pv.Message = tr(n.lang(), "saved")
	}
	n.render(w, http.StatusOK, "edit.html", pv.Title, pv, n.lang())
}

// readFile reads a file of the site through an os.Root, which refuses
// every path that leaves the folder (symbolic links included).
func (n *Newsroom) readFile(rel string) ([]byte, error) {
	root, err := os.OpenRoot(n.opt.Dir)
	if err != nil {
		return nil, err
	}
	defer root.Close()
	return fs.ReadFile(root.FS(), rel)
}

// pageView prepares the editor for data, the bytes of file (saved or
// not). problems, when not nil, replace the last build's.
func (n *Newsroom) pageView(ctx context.Context, file string, data []byte, hash string, problems []diag.Diagnostic) (*page, error) {
	lang := n.lang()
	doc, err := pagefile.Parse(data)
	if err != nil {
		return nil, err
	}
	cfg, pages := n.site(ctx)
	kind, level := kindOf(file)
	pv := &page{File: file, Kind: kind, Level: level, Hash: hash, Body: string(doc.Body()), Limit: cfg.Newsroom.UploadLimitMB}
	if e := doc.Editable(); e != nil {
		pv.Editable = e.Error()
	}
	pv.Lists = siteLists(cfg.DistrictNames(), pages)
	pv.Lists.Schools = readSchools(os.DirFS(n.opt.Dir))
	pv.Widgets = widgets(kind, lang, doc.Get, pv.Lists, cfg.Location)
	title, _ := doc.Get("title")
	pv.Title = text(title)
	pv.Note, pv.NoteBy = text(get(doc, noteField)), n.personName(text(get(doc, noteByField)))
	draft, _ := doc.Get("draft")
	review, _ := doc.Get("review")
	date, _ := doc.Get("date")
	d, _ := dateParts(date, cfg.Location)
	when, _ := time.ParseInLocation("2006-01-02", d, cfg.Location)
	pv.Status = pageStatus(draft == true, review == true, when, n.opt.Now())
	cover, _ := doc.Get("cover")
	pv.Cover = text(cover)
	consent, _ := doc.Get("consent")
	pv.Consent = boolText(consent)
	pv.Photos = n.photos(file, kind, doc)
	if kind == "module" {
		pv.Attachments = n.attachments(file, doc)
	}
	if problems == nil {
		problems = n.opt.Site.Problems()
	}
	pv.Problems = placeProblems(file, data, problems, lang, pv.Widgets)
	pv.Problems = append(pv.Problems, photoProblems(pv, lang)...)
	for i := range pv.Widgets {
		for _, p := range pv.Problems {
			if p.Field == pv.Widgets[i].Key {
				pv.Widgets[i].Problems = append(pv.Widgets[i].Problems, p.Text)
			}
		}
	}
	return pv, nil
}

var keyLine = regexp.MustCompile(`^([A-Za-z_][A-Za-z0-9_-]*)\s*:`)

// placeProblems gives each diagnostic of file the field its line belongs
// to: the top-level key written on or above that line in the front
// matter, "body" below it.
func placeProblems(file string, data []byte, ds []diag.Diagnostic, lang string, ws []widget) []problem {
	lines := strings.Split(string(data), "\n")
	fieldAt := map[int]string{} // line → key
	bodyFrom := 0
	if len(lines) > 0 && strings.TrimSpace(strings.TrimPrefix(lines[0], "\ufeff")) == "---" {
		key := ""
		for i := 1; i < len(lines); i++ {
			l := strings.TrimRight(lines[i], "\r")
			if l == "---" {
				bodyFrom = i + 1
				break
			}
			if m := keyLine.FindStringSubmatch(l); m != nil {
				key = m[1]
			}
			fieldAt[i+1] = key
		}
	}
	shown := map[string]bool{}
	for _, w := range ws {
		shown[w.Key] = true
	}
	var out []problem
	for _, d := range ds {
		if d.File != file && !strings.HasPrefix(d.File, bundleDir(file)+"/") {
			continue
		}
		f := ""
		switch {
		case d.Line == 0:
		case bodyFrom > 0 && d.Line >= bodyFrom+1, bodyFrom == 0:
			f = "body"
		default:
			f = fieldAt[d.Line]
		}
		switch f {
		case "cover", "cover_alt", "photos", "consent":
			if !shown[f] {
				f = "photos"
			}
		}
		out = append(out, problem{Field: f, Text: d.Message(lang), Error: d.Severity == diag.Error})
	}
	return out
}

// errorsIn reports whether any problem stops a page from going out.
func errorsIn(ps []problem) bool {
	return slices.ContainsFunc(ps, func(p problem) bool { return p.Error })
}

// loadConfig reads site.yaml.
func (n *Newsroom) loadConfig() *config.Config {
	cfg, _ := config.Load(os.DirFS(n.opt.Dir))
	return cfg
}

var errBadRequest = errors.New("bad request")

// bodyText normalises the textarea: browsers send CRLF.
func bodyText(s string) []byte {
	s = strings.ReplaceAll(s, "\r\n", "\n")
	b := []byte(s)
	if len(b) > 0 && !bytes.HasSuffix(b, []byte("\n")) {
		b = append(b, '\n')
	}
	return b
}

var _ = content.KindNews
