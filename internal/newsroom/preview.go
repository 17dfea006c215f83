package newsroom

import (
	"net/http"
	"strings"

	"github.com/dinsos-metro/warta/internal/diag"
)

// The preview renders the unsaved form through the build's own pipeline
// and theme (Site.Preview): the page as it will be published. The editor
// shows it in a sandboxed frame; without JavaScript the preview button
// opens it in a new tab.

type previewer struct{ n *Newsroom }

func (h previewer) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	n := h.n
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
	disk, err := n.readFile(file)
	if err != nil {
		http.NotFound(w, r)
		return
	}
	data, err := buildPage(disk, file, r.PostForm, n.loadConfig(), n.folderFiles(file))
	if err != nil {
		http.Error(w, err.Error(), http.StatusUnprocessableEntity)
		return
	}
	html, ds, err := n.opt.Site.Preview(r.Context(), file, data)
	if err != nil && len(html) == 0 {
		n.previewProblems(w, ds, err)
		return
	}
	// Scripts never run in the preview: the frame is sandboxed, and this
	// header stops them in a tab of its own too.
	w.Header().Set("Content-Security-Policy", "script-src 'none'; object-src 'none'; base-uri 'self'; form-action 'none'")
	w.Header().Set("Content-Type", "text/html; charset=utf-8")
	w.Header().Set("X-Frame-Options", "SAMEORIGIN")
	_, _ = w.Write(html)
}

// previewProblems shows why the page cannot be rendered.
func (n *Newsroom) previewProblems(w http.ResponseWriter, ds []diag.Diagnostic, err error) {
	lang := n.lang()
	var lines []string
	for _, d := range ds {
		if d.Severity == diag.Error {
			lines = append(lines, d.Format(lang))
		}
	}
	if len(lines) == 0 {
		lines = append(lines, err.Error())
	}
	n.render(w, http.StatusOK, "problems.html", tr(lang, "problem-list"), strings.Join(lines, "\n"), lang)
}
