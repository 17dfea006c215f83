// Package newsroom is the web editor (ruang redaksi) that `warta serve`
// offers at /_redaksi/: staff write, illustrate and submit reports from the
// browser, with no terminal, Markdown or YAML.
//
// The rules:
//
//   - The files stay the truth. Every screen reads the content/ files on
//     disk and every save writes them, through internal/pagefile (front
//     matter edited in place: unknown fields, comments and order kept) and
//     internal/history (every save a version; a save over a file that
//     changed since it was opened is refused and both versions are shown).
//   - One schema. The form of each kind is built from internal/schema, the
//     same definitions that validate builds and write `warta new`'s pages.
//   - The preview is the published page: the unsaved form is rendered by
//     the build's own pipeline and theme (Site.Preview), never imitated in
//     JavaScript.
//   - Problems where they are: the build's diagnostics for a page are shown
//     beside the field their line belongs to. A page with errors may be
//     saved as a draft, never sent to review or published.
//   - Safe on one computer (guard.go): loopback only, Host checked, the
//     run's secret as a SameSite=Strict cookie, Origin and CSRF on every
//     change. No parameter or upload name reaches outside the page's folder
//     (paths.go).
//   - Without JavaScript every form still works as plain fields and a
//     textarea; scripts (static/newsroom.js) only add the toolbar, the live
//     preview, drag-and-drop uploads with progress and the kept draft.
//
// Handlers are small types, one per screen; templates are named by their
// path below templates/ so that errors carry it.
package newsroom

import (
	"context"
	"embed"
	"io/fs"
	"net/http"
	"strings"
	"time"

	"github.com/dinsos-metro/warta/internal/diag"
	"github.com/dinsos-metro/warta/internal/history"
)

// Prefix is where the newsroom is mounted.
const Prefix = "/_redaksi/"

//go:embed templates static
var files embed.FS

// Site is the running preview the newsroom edits (internal/serve).
type Site interface {
	// Problems returns every diagnostic of the last build, errors and
	// warnings.
	Problems() []diag.Diagnostic
	// Preview renders the page of file (a slash path from the site folder,
	// which may not exist yet) as it would be published with data as the
	// file's bytes, and the problems the build finds in it.
	Preview(ctx context.Context, file string, data []byte) ([]byte, []diag.Diagnostic, error)
	// Changed rebuilds after the newsroom wrote files, without waiting for
	// the watcher, so the next screen shows their problems.
	Changed(ctx context.Context, files []string)
}

// Options configure a newsroom.
type Options struct {
	Dir    string // the site folder on disk
	Addr   string // the bound address, host:port
	Secret string // the run's secret (NewSecret)
	Site   Site
	Lang   string           // "id" or "en"; empty: the site's
	Now    func() time.Time // nil: time.Now
}

// Newsroom is the web editor's handler.
type Newsroom struct {
	opt    Options
	guard  *guard
	mux    *http.ServeMux
	tmpl   *templates
	store  *history.Store // versions_store.go
	thumbs thumbnails     // thumbs.go
}

// New prepares the newsroom.
func New(opt Options) (*Newsroom, error) {
	if opt.Now == nil {
		opt.Now = time.Now
	}
	t, err := parseTemplates()
	if err != nil {
		return nil, err
	}
	n := &Newsroom{opt: opt, tmpl: t}
	n.guard = newGuard(opt.Addr, opt.Secret, Prefix)
	n.guard.refuse = n.refuse
	n.mux = http.NewServeMux()
	static, _ := fs.Sub(files, "static")
	n.mux.Handle("GET "+Prefix+"static/", http.StripPrefix(Prefix+"static/", http.FileServerFS(static)))
	n.mux.Handle("GET "+Prefix+"{$}", dashboard{n})
	n.mux.Handle("GET "+Prefix+"new", newForm{n})
	n.mux.Handle("POST "+Prefix+"new", create{n})
	n.mux.Handle("GET "+Prefix+"edit", editor{n})
	n.mux.Handle("POST "+Prefix+"save", saver{n})
	n.mux.Handle("POST "+Prefix+"preview", previewer{n})
	n.mux.Handle("POST "+Prefix+"upload", uploader{n})
	n.mux.Handle("GET "+Prefix+"photo", photo{n})
	n.mux.Handle("GET "+Prefix+"history", historyView{n})
	n.mux.Handle("POST "+Prefix+"restore", restorer{n})
	n.mux.Handle("POST "+Prefix+"delete", deleter{n})
	n.mux.Handle("GET "+Prefix+"trash", trashView{n})
	n.mux.Handle("POST "+Prefix+"untrash", untrasher{n})
	n.mux.Handle("GET "+Prefix+"publish", publishPage{n})   // publish_site.go
	n.mux.Handle("POST "+Prefix+"publish", publishStart{n}) // publish_site.go
	return n, nil
}

// SetAddr sets the address the server really listens on (when it was
// chosen by the system, port 0); call it before serving.
func (n *Newsroom) SetAddr(addr string) {
	n.opt.Addr = addr
	refuse := n.guard.refuse
	n.guard = newGuard(addr, n.opt.Secret, Prefix)
	n.guard.refuse = refuse
}

// URL is the address to open, with the run's secret.
func (n *Newsroom) URL() string {
	return "http://" + n.opt.Addr + Prefix + "?k=" + n.opt.Secret
}

// ServeHTTP answers every request below Prefix.
func (n *Newsroom) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	if !strings.HasPrefix(r.URL.Path, Prefix) {
		http.NotFound(w, r)
		return
	}
	n.guard.wrap(n.mux).ServeHTTP(w, r)
}
