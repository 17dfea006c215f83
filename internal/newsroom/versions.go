package newsroom

import (
	"net/http"
	"net/url"
)

// The history view lists a page's versions, shows what each changed
// against the file now, and restores any of them (a restore is a new
// version, so nothing is lost). Deleting moves a page (a bundle with its
// folder) to the trash, from where it can come back.

type historyView struct{ n *Newsroom }

func (h historyView) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	n := h.n
	lang := n.lang()
	file, ok := pageFile(r.FormValue("file"))
	if !ok {
		http.Error(w, "bad file", http.StatusBadRequest)
		return
	}
	cur, _ := n.readFile(file)
	vs := n.history().versions(file)
	id := r.FormValue("id")
	var diff []diffLine
	if id == "" && len(vs) > 1 {
		id = vs[1].ID // the version before the current one
	}
	if id != "" {
		if old, err := n.history().read(file, id); err == nil {
			diff = diffLines(string(old), string(cur))
		}
	}
	n.render(w, http.StatusOK, "history.html", tr(lang, "history"), map[string]any{
		"File": file, "Versions": vs, "ID": id, "Diff": diff,
	}, lang)
}

type restorer struct{ n *Newsroom }

func (h restorer) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	n := h.n
	file, ok := pageFile(r.PostFormValue("file"))
	if !ok {
		http.Error(w, "bad file", http.StatusBadRequest)
		return
	}
	if err := n.history().restore(file, r.PostFormValue("id")); err != nil {
		http.Error(w, err.Error(), http.StatusUnprocessableEntity)
		return
	}
	n.opt.Site.Changed(r.Context(), []string{file})
	http.Redirect(w, r, Prefix+"edit?file="+url.QueryEscape(file)+"&saved=1", http.StatusSeeOther)
}

type deleter struct{ n *Newsroom }

func (h deleter) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	n := h.n
	file, ok := pageFile(r.PostFormValue("file"))
	if !ok {
		http.Error(w, "bad file", http.StatusBadRequest)
		return
	}
	if err := n.history().trash(file); err != nil {
		http.Error(w, err.Error(), http.StatusUnprocessableEntity)
		return
	}
	n.opt.Site.Changed(r.Context(), []string{file})
	http.Redirect(w, r, Prefix+"trash", http.StatusSeeOther)
}

type trashView struct{ n *Newsroom }

func (h trashView) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	lang := h.n.lang()
	h.n.render(w, http.StatusOK, "trash.html", tr(lang, "trash"), h.n.history().trashList(), lang)
}

type untrasher struct{ n *Newsroom }

func (h untrasher) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	n := h.n
	file, err := n.history().untrash(r.PostFormValue("id"))
	if err != nil {
		http.Error(w, err.Error(), http.StatusUnprocessableEntity)
		return
	}
	n.opt.Site.Changed(r.Context(), []string{file})
	http.Redirect(w, r, Prefix+"edit?file="+url.QueryEscape(file), http.StatusSeeOther)
}
