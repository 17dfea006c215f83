package newsroom

import (
	"bytes"
	"errors"
	"fmt"
	"net/http"
	"net/url"
	"reflect"
	"slices"
	"strings"

	"github.com/dinsos-metro/warta/internal/config"
	"github.com/dinsos-metro/warta/internal/diag"
	"github.com/dinsos-metro/warta/internal/pagefile"
	"github.com/dinsos-metro/warta/internal/schema"
)

// maxForm bounds a form without files (the text of a very long report
// is well below it).
const maxForm = 8 << 20

type saver struct{ n *Newsroom }

func (h saver) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	n := h.n
	lang := n.lang()
	r.Body = http.MaxBytesReader(w, r.Body, maxForm)
	if err := r.ParseForm(); err != nil {
		http.Error(w, "bad form", http.StatusBadRequest)
		return
	}
	file, ok := pageFile(r.PostForm.Get("file"))
	if !ok {
		http.Error(w, "bad file", http.StatusBadRequest)
		return
	}
	expect := r.PostForm.Get("hash")
	disk, err := n.readFile(file)
	if err != nil {
		http.NotFound(w, r)
		return
	}
	cfg := n.loadConfig()
	action := r.PostForm.Get("action")
	var data []byte
	if raw, ok := r.PostForm["raw"]; ok {
		// A whole file, kept or merged by hand on the conflict screen.
		data = bodyText(raw[0])
	} else {
		data, err = buildPage(disk, file, r.PostForm, cfg, n.folderFiles(file))
		if err != nil {
			n.showEditor(w, r, file, disk, expect, diag.New("", 0, diag.NewsroomNotEditable, file, err).Message(lang))
			return
		}
	}
	data, refused := n.gate(r, file, data, action, lang)
	if hashOf(disk) != expect {
		n.showConflict(w, file, data, disk, lang)
		return
	}
	err = n.save(file, data, expect, saveMessage(action, file))
	var c *conflict
	if errors.As(err, &c) {
		n.showConflict(w, file, data, c.Current, lang)
		return
	}
	if err != nil {
		http.Error(w, err.Error(), http.StatusInternalServerError)
		return
	}
	n.opt.Site.Changed(r.Context(), []string{file})
	if refused != "" {
		n.showEditor(w, r, file, data, hashOf(data), refused)
		return
	}
	http.Redirect(w, r, Prefix+"edit?file="+url.QueryEscape(file)+"&saved=1", http.StatusSeeOther)
}

func saveMessage(action, file string) string {
	switch action {
	case "review":
		return "kirim untuk ditinjau: " + file
	case "publish":
		return "terbitkan: " + file
	}
	return "simpan: " + file
}

// gate sets the status the action asks for, unless the page has errors:
// then it stays a draft and the reason comes back.
func (n *Newsroom) gate(r *http.Request, file string, data []byte, action, lang string) ([]byte, string) {
	doc, err := pagefile.Parse(data)
	if err != nil || doc.Editable() != nil {
		return data, ""
	}
	want := action
	if want == "review" || want == "publish" {
		_, ds, err := n.opt.Site.Preview(r.Context(), file, data)
		pv, perr := n.pageView(r.Context(), file, data, "", ds)
		if err == nil && perr == nil {
			count := 0
			for _, p := range pv.Problems {
				if p.Error {
					count++
				}
			}
			if count > 0 {
				setStatus(doc, "draft")
				return doc.Bytes(), diag.New("", 0, diag.NewsroomHasErrors, count).Message(lang)
			}
		}
	}
	setStatus(doc, want)
	return doc.Bytes(), ""
}

// setStatus writes draft: and review: for a status change.
func setStatus(doc *pagefile.Doc, action string) {
	switch action {
	case "draft":
		_ = doc.Set("draft", true)
		_ = doc.Delete("review")
	case "review":
		_ = doc.Set("draft", true)
		_ = doc.Set("review", true)
	case "publish":
		_ = doc.Set("draft", false)
		_ = doc.Delete("review")
	}
}

// buildPage applies the form to the page on disk: only the fields whose
// value changed are written, so a page saved unchanged comes back byte
// for byte.
func buildPage(disk []byte, file string, form url.Values, cfg *config.Config, folder []string) ([]byte, error) {
	doc, err := pagefile.Parse(disk)
	if err != nil {
		return nil, err
	}
	kind, _ := kindOf(file)
	if err := doc.Editable(); err == nil {
		before := widgets(kind, "id", doc.Get, lists{}, cfg.Location)
		for _, f := range schema.For(kind) {
			if hidden[f.Key] {
				continue
			}
			i := slices.IndexFunc(before, func(w widget) bool { return w.Key == f.Key })
			if i >= 0 && sameAsShown(before[i], form) {
				continue
			}
			if _, inForm := form["f."+f.Key]; !inForm && form.Get("f."+f.Key+".shown") == "" {
				continue // a field the form did not show
			}
			v, ok := formValue(f, form, cfg.Location)
			if !ok {
				if err := doc.Delete(f.Key); err != nil {
					return nil, err
				}
				continue
			}
			if err := doc.Set(f.Key, v); err != nil {
				return nil, fmt.Errorf("%s: %w", f.Label("id"), err)
			}
		}
	}
	if body, ok := form["body"]; ok {
		b := bodyText(body[0])
		old := doc.Body()
		if !bytes.Equal(normalizeBody(old), normalizeBody(b)) {
			if (len(old) == 0 || old[0] == '\n') && len(b) > 0 && b[0] != '\n' && doc.Format() != "" {
				b = append([]byte("\n"), b...) // the blank line after the front matter
			}
			doc.SetBody(b)
		}
	}
	if doc.Editable() == nil {
		// After the text: a photo the text does not show yet is added to it.
		if err := applyPhotos(doc, kind, form, folder); err != nil {
			return nil, err
		}
		if kind == "module" {
			if err := applyAttachments(doc, form, folder); err != nil {
				return nil, err
			}
		}
	}
	return doc.Bytes(), nil
}

// normalizeBody compares texts the way a textarea sends them back.
func normalizeBody(b []byte) []byte {
	s := strings.ReplaceAll(string(b), "\r\n", "\n")
	return []byte(strings.Trim(s, "\n"))
}

// sameAsShown tells whether the form still holds what the widget showed.
func sameAsShown(w widget, form url.Values) bool {
	name := "f." + w.Key
	switch w.Type {
	case "list":
		var shown, got []string
		for _, v := range w.Values {
			if s := strings.TrimSpace(v); s != "" {
				shown = append(shown, s)
			}
		}
		for _, v := range form[name] {
			for _, line := range strings.Split(v, "\n") {
				if s := strings.TrimSpace(line); s != "" {
					got = append(got, s)
				}
			}
		}
		return slices.Equal(shown, got)
	case "multi":
		var shown []string
		for _, o := range w.Options {
			if o.Selected {
				shown = append(shown, o.Value)
			}
		}
		return slices.Equal(shown, form[name])
	case "group":
		for _, it := range w.Items {
			if strings.TrimSpace(form.Get("f."+it.Key)) != it.Value {
				return false
			}
		}
		return true
	case "select":
		for _, o := range w.Options {
			if o.Selected {
				return form.Get(name) == o.Value
			}
		}
		return form.Get(name) == ""
	case "date":
		return strings.TrimSpace(form.Get(name)) == w.Value && strings.TrimSpace(form.Get(name+".time")) == w.Time
	case "longtext":
		return strings.TrimSpace(strings.ReplaceAll(form.Get(name), "\r\n", "\n")) == strings.TrimSpace(w.Value)
	}
	return strings.TrimSpace(form.Get(name)) == strings.TrimSpace(w.Value)
}

func equalValue(a, b any) bool { return reflect.DeepEqual(a, b) }

// showEditor shows the editor again with unsaved bytes and a message.
func (n *Newsroom) showEditor(w http.ResponseWriter, r *http.Request, file string, data []byte, hash, msg string) {
	var ds []diag.Diagnostic
	if _, pds, err := n.opt.Site.Preview(r.Context(), file, data); err == nil {
		ds = pds
	}
	pv, err := n.pageView(r.Context(), file, data, hash, ds)
	if err != nil {
		http.Error(w, msg+": "+err.Error(), http.StatusUnprocessableEntity)
		return
	}
	pv.Error = msg
	n.render(w, http.StatusUnprocessableEntity, "edit.html", pv.Title, pv, n.lang())
}

// showConflict shows both versions: keep either, or merge by hand.
func (n *Newsroom) showConflict(w http.ResponseWriter, file string, mine, theirs []byte, lang string) {
	n.render(w, http.StatusConflict, "conflict.html", tr(lang, "conflict"), map[string]any{
		"File": file, "Mine": string(mine), "Theirs": string(theirs), "Hash": hashOf(theirs),
		"Message": diag.New("", 0, diag.NewsroomConflict, file).Message(lang),
		"Diff":    diffLines(string(theirs), string(mine)),
	}, lang)
}
