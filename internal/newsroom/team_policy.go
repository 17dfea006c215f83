package newsroom

import (
	"bytes"
	"net/http"
	"net/url"
	"strings"
	"time"

	"github.com/dinsos-metro/warta/internal/auth"
	"github.com/dinsos-metro/warta/internal/pagefile"
)

// The rules of the team newsroom, applied before a screen of the
// one-computer newsroom runs: which action a request is, on which page,
// and whether the person's role may do it there. A request this table
// does not know is refused to writers if it changes anything.

// decision is what a request does.
type decision struct {
	action auth.Action
	file   string // the page it concerns; "" for none
	change bool   // it writes files: served under the write lock and logged
	save   string // for a save, the form's action (draft, review, publish)
}

// pageState is what the rules need of a page on disk.
type pageState struct {
	exists bool
	writer string
	status string
	hash   string
	data   []byte
}

// state reads a page's writer and status.
func (n *Newsroom) state(file string) pageState {
	data, err := n.readFile(file)
	if err != nil {
		return pageState{}
	}
	ps := pageState{exists: true, hash: hashOf(data), data: data}
	doc, err := pagefile.Parse(data)
	if err != nil {
		return ps
	}
	ps.writer = text(get(doc, writerField))
	draft, review := get(doc, "draft"), get(doc, "review")
	loc := time.Local
	if cfg := n.loadConfig(); cfg != nil && cfg.Location != nil {
		loc = cfg.Location
	}
	d, _ := dateParts(get(doc, "date"), loc)
	when, _ := time.ParseInLocation("2006-01-02", d, loc)
	ps.status = pageStatus(draft == true, review == true, when, n.opt.Now())
	return ps
}

func get(doc *pagefile.Doc, key string) any {
	v, _ := doc.Get(key)
	return v
}

// snapshot is a page's state before a change, to tell afterwards what the
// change did.
func (n *Newsroom) snapshot(file string) pageState {
	if file == "" {
		return pageState{}
	}
	return n.state(file)
}

// decide finds what r does and whether s may: on refusal it has
// answered, and ok is false.
func (t *Team) decide(w http.ResponseWriter, r *http.Request, s *auth.Session) (d decision, ok bool) {
	route := strings.TrimPrefix(r.URL.Path, Prefix)
	read := r.Method == http.MethodGet || r.Method == http.MethodHead
	if read {
		// Every screen that only shows: the dashboard, a page, its
		// history, its photos, the trash, the new page form, the assets.
		return t.allow(w, r, s, decision{action: auth.View}, "", pageState{})
	}
	if route == "upload" {
		// Multipart: the page is in the address; the body is read once, by
		// the upload screen.
		file, _ := pageFile(r.URL.Query().Get("file"))
		return t.allow(w, r, s, decision{action: auth.Upload, file: file, change: true}, file, t.n.state(file))
	}
	r.Body = http.MaxBytesReader(w, r.Body, maxForm)
	if err := r.ParseForm(); err != nil {
		http.Error(w, "bad form", http.StatusBadRequest)
		return d, false
	}
	file, _ := pageFile(r.PostForm.Get("file"))
	switch route {
	case "preview":
		// Renders the unsaved form; writes nothing.
		return t.allow(w, r, s, decision{action: auth.View}, "", pageState{})
	case "new":
		return t.allow(w, r, s, decision{action: auth.Create, change: true}, "", pageState{})
	case "save":
		ps := t.n.state(file)
		d = decision{action: auth.Edit, file: file, change: true, save: r.PostForm.Get("action")}
		if d, ok = t.allow(w, r, s, d, file, ps); !ok {
			return d, false
		}
		switch d.save {
		case "review":
			d.action = auth.Submit
		case "publish":
			d.action = auth.Publish
		case "draft":
			if ps.status == "published" || ps.status == "scheduled" {
				d.action = auth.Publish // taking a page off the site
			}
		}
		if d, ok = t.allow(w, r, s, d, file, ps); !ok {
			return d, false
		}
		if raw, has := r.PostForm["raw"]; has && !s.Can(auth.Publish, false) {
			// A whole file from the conflict screen: a writer may not use
			// it to publish, or to give the page to someone else.
			if !rawKeeps(bodyText(raw[0]), ps) {
				t.a.Forbid(w, r, auth.Publish)
				return d, false
			}
		}
		return d, true
	case "restore":
		ps := t.n.state(file)
		if d, ok = t.allow(w, r, s, decision{action: auth.Restore, file: file, change: true}, file, ps); !ok {
			return d, false
		}
		if !s.Can(auth.Publish, false) {
			// A writer restores their draft, never a published version of it.
			old, err := t.n.history().read(file, r.PostForm.Get("id"))
			if err != nil || !rawKeeps(old, ps) {
				t.a.Forbid(w, r, auth.Publish)
				return d, false
			}
		}
		return d, true
	case "delete":
		return t.allow(w, r, s, decision{action: auth.Delete, file: file, change: true}, file, t.n.state(file))
	case "untrash":
		// Back from the trash: nobody's own page any more.
		return t.allow(w, r, s, decision{action: auth.Restore, change: true}, "", pageState{})
	case "publish":
		// Builds public/ and deploys it (publish_site.go, which logs it);
		// it writes no page, so it does not hold the write lock.
		return t.allow(w, r, s, decision{action: auth.Deploy}, "", pageState{})
	}
	// Unknown changes: editors only.
	return t.allow(w, r, s, decision{action: auth.Publish, change: true}, "", pageState{})
}

// allow checks d for s on the page in ps, answering the refusal.
func (t *Team) allow(w http.ResponseWriter, r *http.Request, s *auth.Session, d decision, file string, ps pageState) (decision, bool) {
	var ok bool
	if file != "" && ps.exists {
		ok = auth.CanPage(s.Role, d.action, ps.writer != "" && ps.writer == s.User, ps.status)
	} else {
		ok = s.Can(d.action, false)
	}
	if !ok {
		t.a.Forbid(w, r, d.action)
	}
	return d, ok
}

// rawKeeps tells whether a whole file a writer sends keeps the page a
// draft of the same writer.
func rawKeeps(data []byte, ps pageState) bool {
	doc, err := pagefile.Parse(data)
	if err != nil || doc.Editable() != nil {
		return false
	}
	return get(doc, "draft") == true && text(get(doc, writerField)) == ps.writer
}

// after logs what a change did, judged from the page on disk before and
// after, and gives a new page its writer.
func (t *Team) after(w *teamWriter, r *http.Request, s *auth.Session, d decision, before pageState) {
	route := strings.TrimPrefix(r.URL.Path, Prefix)
	if w.status >= 400 && route != "save" {
		// A save refused for its problems is still written, as a draft
		// (save.go); the file tells.
		return
	}
	switch route {
	case "new":
		file := createdFile(w.Header().Get("Location"))
		if file == "" {
			return
		}
		t.claim(file, s)
		_ = t.a.Log(r, "create", file, "")
	case "save":
		now := t.n.state(d.file)
		if now.exists && bytes.Equal(now.data, before.data) {
			return
		}
		action, detail := "save", ""
		switch {
		case now.status == "review" && before.status != "review":
			action = "submit"
		case (now.status == "published" || now.status == "scheduled") && before.status != now.status && (before.status == "draft" || before.status == "review"):
			action = "publish"
		case now.status == "draft" && (before.status == "published" || before.status == "scheduled"):
			action = "unpublish"
		}
		if d.save == "review" && action != "submit" {
			detail = "not sent to review: the page has errors"
		}
		_ = t.a.Log(r, action, d.file, detail)
	case "upload":
		file := d.file
		if !t.n.exists(file) {
			file = bundleDir(file) + "/index.md" // it became a bundle
		}
		_ = t.a.Log(r, "upload", file, "")
	case "restore":
		_ = t.a.Log(r, "restore", d.file, "version "+r.PostForm.Get("id"))
	case "delete":
		_ = t.a.Log(r, "delete", d.file, "")
	case "untrash":
		_ = t.a.Log(r, "restore", createdFile(w.Header().Get("Location")), "from the trash")
	default:
		_ = t.a.Log(r, route, d.file, "")
	}
}

// createdFile reads the page a screen sent the browser to edit.
func createdFile(location string) string {
	u, err := url.Parse(location)
	if err != nil {
		return ""
	}
	f, _ := pageFile(u.Query().Get("file"))
	return f
}

// claim writes the person as the writer of a page they created, when the
// page does not name one yet.
func (t *Team) claim(file string, s *auth.Session) {
	if s.Local {
		return
	}
	ps := t.n.state(file)
	if !ps.exists || ps.writer != "" {
		return
	}
	doc, err := pagefile.Parse(ps.data)
	if err != nil || doc.Set(writerField, s.User) != nil {
		return
	}
	_ = t.n.save(file, doc.Bytes(), ps.hash, "penulis: "+s.User+": "+file)
}
