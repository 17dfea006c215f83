package newsroom

import (
	"bytes"
	"fmt"
	"net/http"
	"net/url"
	"slices"
	"strings"
	"time"
	"unicode/utf8"

	"github.com/dinsos-metro/warta/internal/auth"
	"github.com/dinsos-metro/warta/internal/diag"
	"github.com/dinsos-metro/warta/internal/history"
	"github.com/dinsos-metro/warta/internal/pagefile"
	"github.com/dinsos-metro/warta/internal/schema"
)

// The review queue: pages sent to review, each with its writer, its date,
// who sent it when, and what changed since the version last published
// (fields and text); an editor approves it (published) or returns it to
// its writer with a comment.

// reviewItem is one page waiting for review.
type reviewItem struct {
	File, Title, Kind, Hash string
	Writer                  string // the writer's name as people read it
	Date                    time.Time
	SentBy, SentAt          string
	Fields                  []fieldChange
	Body                    []diffLine
	NewPage                 bool // never published before
	Note                    string
}

// fieldChange is one changed field, in words.
type fieldChange struct {
	Label, Old, New string
}

// statusFields are the fields review itself changes: not shown as changes.
var statusFields = []string{"draft", "review", writerField, noteField, noteByField}

func (t *Team) reviewQueue(w http.ResponseWriter, r *http.Request) {
	s := auth.FromContext(r.Context())
	if !s.Can(auth.Return, false) {
		t.a.Forbid(w, r, auth.Return)
		return
	}
	t.showQueue(w, r, http.StatusOK, r.FormValue("done"), "")
}

func (t *Team) showQueue(w http.ResponseWriter, r *http.Request, status int, msg, errText string) {
	n := t.n
	lang := n.lang()
	_, pages := n.site(r.Context())
	var items []reviewItem
	for _, p := range pages {
		if review, _ := p.Params["review"].(bool); !p.Draft || !review {
			continue
		}
		items = append(items, t.reviewItem(p.File, lang))
	}
	slices.SortFunc(items, func(a, b reviewItem) int { return strings.Compare(a.SentAt, b.SentAt) })
	t.render(w, status, "team_review.html", tr(lang, "review-queue"), map[string]any{
		"Items": items, "Message": msg, "Error": errText,
	}, lang)
}

// reviewItem describes a page in review.
func (t *Team) reviewItem(file, lang string) reviewItem {
	n := t.n
	ps := n.state(file)
	kind, _ := kindOf(file)
	it := reviewItem{File: file, Kind: kind, Hash: ps.hash, Writer: t.personName(ps.writer)}
	doc, err := pagefile.Parse(ps.data)
	if err != nil {
		return it
	}
	it.Title = text(get(doc, "title"))
	it.Note = text(get(doc, noteField))
	loc := n.loadConfig().Location
	if d, _ := dateParts(get(doc, "date"), loc); d != "" {
		it.Date, _ = time.ParseInLocation("2006-01-02", d, loc)
	}
	h := n.history()
	var base []byte
	if h.s != nil {
		vs, _ := h.s.Versions(file)
		if len(vs) > 0 {
			it.SentBy, it.SentAt = vs[0].Author.Name, vs[0].Time.In(loc).Format("02-01-2006 15:04")
		}
		base = lastPublished(h.s, file, vs)
	}
	it.NewPage = base == nil
	for _, c := range history.DiffFields(base, ps.data) {
		if slices.Contains(statusFields, c.Key) {
			continue
		}
		label := c.Key
		if f, ok := schema.Lookup(kind, c.Key); ok {
			label = f.Label(lang)
		}
		it.Fields = append(it.Fields, fieldChange{label, shown(c.Old), shown(c.New)})
	}
	var oldBody []byte
	if base != nil {
		if od, err := pagefile.Parse(base); err == nil {
			oldBody = od.Body()
		}
	}
	for _, l := range history.Diff(bytes.TrimLeft(oldBody, "\n"), bytes.TrimLeft(doc.Body(), "\n")) {
		it.Body = append(it.Body, diffLine{string(l.Op), l.Text})
	}
	return it
}

// lastPublished is the newest version of file that was not a draft; nil
// when it never was published. At most 100 versions are read.
func lastPublished(s *history.Store, file string, vs []history.Version) []byte {
	for i, v := range vs {
		if i == 100 {
			break
		}
		data, err := s.Read(file, v.ID)
		if err != nil {
			continue
		}
		doc, err := pagefile.Parse(data)
		if err != nil {
			continue
		}
		if d, _ := doc.Get("draft"); d != true {
			return data
		}
	}
	return nil
}

// shown writes a field's value for people.
func shown(v any) string {
	switch x := v.(type) {
	case nil:
		return "—"
	case []any:
		var parts []string
		for _, e := range x {
			parts = append(parts, shown(e))
		}
		return strings.Join(parts, ", ")
	case map[string]any:
		keys := make([]string, 0, len(x))
		for k := range x {
			keys = append(keys, k)
		}
		slices.Sort(keys)
		var parts []string
		for _, k := range keys {
			parts = append(parts, k+": "+shown(x[k]))
		}
		return "{" + strings.Join(parts, ", ") + "}"
	case time.Time:
		return x.Format("2006-01-02 15:04")
	}
	return fmt.Sprint(v)
}

// personName is an account's full name, or the account name.
func (t *Team) personName(user string) string {
	if user == "" {
		return ""
	}
	if u, ok := t.a.Users().Get(user); ok && u.Display != "" {
		return u.Display
	}
	return user
}

// reviewed reads the form of approve and return and checks the page is
// still the one in review the editor looked at. On failure it has
// answered.
func (t *Team) reviewed(w http.ResponseWriter, r *http.Request, action auth.Action) (string, pageState, *pagefile.Doc, bool) {
	lang := t.n.lang()
	s := auth.FromContext(r.Context())
	if !s.Can(action, false) {
		t.a.Forbid(w, r, action)
		return "", pageState{}, nil, false
	}
	r.Body = http.MaxBytesReader(w, r.Body, maxForm)
	if err := r.ParseForm(); err != nil {
		http.Error(w, "bad form", http.StatusBadRequest)
		return "", pageState{}, nil, false
	}
	file, ok := pageFile(r.PostForm.Get("file"))
	if !ok {
		http.Error(w, "bad file", http.StatusBadRequest)
		return "", pageState{}, nil, false
	}
	ps := t.n.state(file)
	if !ps.exists {
		http.NotFound(w, r)
		return "", pageState{}, nil, false
	}
	if ps.hash != r.PostForm.Get("hash") {
		t.showQueue(w, r, http.StatusConflict, "", diag.New("", 0, diag.TeamChanged, file).Message(lang))
		return "", pageState{}, nil, false
	}
	if ps.status != "review" {
		t.showQueue(w, r, http.StatusConflict, "", diag.New("", 0, diag.TeamNotInReview, file, tr(lang, ps.status)).Message(lang))
		return "", pageState{}, nil, false
	}
	doc, err := pagefile.Parse(ps.data)
	if err == nil {
		err = doc.Editable()
	}
	if err != nil {
		t.showQueue(w, r, http.StatusUnprocessableEntity, "", diag.New("", 0, diag.NewsroomNotEditable, file, err).Message(lang))
		return "", pageState{}, nil, false
	}
	return file, ps, doc, true
}

// approve publishes a page in review, naming the approver in the version
// and the audit log.
func (t *Team) approve(w http.ResponseWriter, r *http.Request) {
	t.write.Lock()
	defer t.write.Unlock()
	s := auth.FromContext(r.Context())
	t.who = personAuthor(t.a, s)
	defer func() { t.who = nil }()
	lang := t.n.lang()
	file, ps, doc, ok := t.reviewed(w, r, auth.Approve)
	if !ok {
		return
	}
	_ = doc.Delete(noteField)
	_ = doc.Delete(noteByField)
	setStatus(doc, "publish")
	data := doc.Bytes()
	if count := t.n.errorCount(r, file, data); count > 0 {
		t.showQueue(w, r, http.StatusUnprocessableEntity, "", diag.New("", 0, diag.TeamApproveError, file, count).Message(lang))
		return
	}
	writer := t.personName(ps.writer)
	msg := "setujui dan terbitkan: " + file + " (disetujui oleh " + t.who.Name
	if writer != "" {
		msg += ", penulis " + writer
	}
	msg += ")"
	if err := t.n.save(file, data, ps.hash, msg); err != nil {
		t.showQueue(w, r, http.StatusConflict, "", diag.New("", 0, diag.TeamChanged, file).Message(lang))
		return
	}
	t.n.opt.Site.Changed(r.Context(), []string{file})
	_ = t.a.Log(r, "approve", file, "published; writer "+orDash(ps.writer))
	done := diag.New("", 0, diag.TeamApproved, file).Message(lang)
	http.Redirect(w, r, Prefix+"review?done="+url.QueryEscape(done), http.StatusSeeOther)
}

// sendBack returns a page in review to its writer with a comment: a draft
// again, which the writer may change and send once more.
func (t *Team) sendBack(w http.ResponseWriter, r *http.Request) {
	t.write.Lock()
	defer t.write.Unlock()
	s := auth.FromContext(r.Context())
	t.who = personAuthor(t.a, s)
	defer func() { t.who = nil }()
	lang := t.n.lang()
	file, ps, doc, ok := t.reviewed(w, r, auth.Return)
	if !ok {
		return
	}
	note := strings.TrimSpace(strings.ReplaceAll(r.PostForm.Get("note"), "\r\n", "\n"))
	if note == "" {
		t.showQueue(w, r, http.StatusUnprocessableEntity, "", diag.New("", 0, diag.TeamNeedsNote, file).Message(lang))
		return
	}
	if utf8.RuneCountInString(note) > maxNoteLength {
		t.showQueue(w, r, http.StatusUnprocessableEntity, "", diag.New("", 0, diag.TeamNoteTooLong, file, maxNoteLength).Message(lang))
		return
	}
	setStatus(doc, "draft")
	if err := doc.Set(noteField, note); err != nil {
		http.Error(w, err.Error(), http.StatusInternalServerError)
		return
	}
	if !s.Local {
		_ = doc.Set(noteByField, s.User)
	}
	if err := t.n.save(file, doc.Bytes(), ps.hash, "kembalikan ke penulis: "+file+" (oleh "+t.who.Name+")"); err != nil {
		t.showQueue(w, r, http.StatusConflict, "", diag.New("", 0, diag.TeamChanged, file).Message(lang))
		return
	}
	t.n.opt.Site.Changed(r.Context(), []string{file})
	_ = t.a.Log(r, "return", file, note)
	done := diag.New("", 0, diag.TeamReturned, file, orDash(t.personName(ps.writer))).Message(lang)
	http.Redirect(w, r, Prefix+"review?done="+url.QueryEscape(done), http.StatusSeeOther)
}

func orDash(s string) string {
	if s == "" {
		return "-"
	}
	return s
}

// errorCount is how many errors the build finds in file with data as its
// bytes: a page with any is not published.
func (n *Newsroom) errorCount(r *http.Request, file string, data []byte) int {
	_, ds, err := n.opt.Site.Preview(r.Context(), file, data)
	if err != nil && len(ds) == 0 {
		return 1
	}
	pv, err := n.pageView(r.Context(), file, data, "", ds)
	if err != nil {
		return 1
	}
	count := 0
	for _, p := range pv.Problems {
		if p.Error {
			count++
		}
	}
	return count
}
