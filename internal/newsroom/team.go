package newsroom

import (
	"bytes"
	"net/http"
	"strings"
	"sync"

	"github.com/dinsos-metro/warta/internal/auth"
	"github.com/dinsos-metro/warta/internal/history"
)

// The team newsroom (issue 14): the same screens behind accounts
// (internal/auth), with roles checked on the server for every request,
// a review step before anything goes public, and an audit trail.
//
//   - Team.ServeHTTP replaces the one-computer guard (guard.go) by
//     auth.Middleware: Host, login, session, Origin and CSRF.
//   - team_policy.go decides, before any screen runs, whether the
//     person's role may do what the request asks on that page
//     (auth.CanPage with the page's writer and status). Nothing relies on
//     hidden buttons.
//   - The page's writer is the front matter field `writer:` (an account
//     name), which the newsroom writes when a person creates a page and
//     the build ignores. A page without it (made by hand or before
//     accounts) belongs to nobody: only editors change it.
//   - Review (team_review.go): a writer sends a draft to review (`review:
//     true`); an editor approves it (`draft: false`, published, the
//     approver named in the version's message and the audit log) or
//     returns it with a comment, kept in the page as `review_note:` and
//     `review_by:` (the build ignores them) until it is approved.
//   - One change at a time: requests that write are served one after
//     the other, so every version is recorded with the name of the person
//     whose request wrote it (history's author; a git commit's author).
//   - Every change is one line in the audit log (auth.Audit), written
//     here from what the request really did to the file.

// The front matter fields the team newsroom writes.
const (
	writerField   = "writer"      // the account that created the page
	noteField     = "review_note" // an editor's comment on a returned page
	noteByField   = "review_by"   // the editor who wrote it
	maxNoteLength = 4000
)

// Team is the newsroom served to a team, with accounts.
type Team struct {
	n   *Newsroom
	a   *auth.Auth
	mux *http.ServeMux // the team's own screens

	write sync.Mutex      // held by every request that changes files
	who   *history.Author // the person of the request holding write
	user  string          // their account name ("" on one computer)
}

// teams finds the Team of a newsroom, for the author of its versions.
var teams sync.Map // *Newsroom → *Team

// WithAccounts serves the newsroom behind a's accounts: mount the Team
// (not the Newsroom) below Prefix, and wrap the site's preview with Gate.
func (n *Newsroom) WithAccounts(a *auth.Auth) *Team {
	t := &Team{n: n, a: a, mux: http.NewServeMux()}
	t.mux.Handle("GET "+Prefix+"review", http.HandlerFunc(t.reviewQueue))
	t.mux.Handle("POST "+Prefix+"approve", http.HandlerFunc(t.approve))
	t.mux.Handle("POST "+Prefix+"return", http.HandlerFunc(t.sendBack))
	t.mux.Handle("GET "+Prefix+"audit", http.HandlerFunc(t.auditView))
	t.mux.Handle("GET "+Prefix+"mine", http.HandlerFunc(t.mine))
	t.mux.Handle("GET "+Prefix+"password", http.HandlerFunc(t.passwordForm))
	t.mux.Handle("POST "+Prefix+"password", http.HandlerFunc(t.changePassword))
	t.mux.Handle("GET "+Prefix+"accounts", http.HandlerFunc(t.accountsView))
	for _, what := range []string{"add", "role", "passwd", "remove"} {
		t.mux.Handle("POST "+Prefix+"accounts/"+what, t.accountChange(what))
	}
	teams.Store(n, t)
	return t
}

// Auth is the accounts the team newsroom uses.
func (t *Team) Auth() *auth.Auth { return t.a }

// ServeHTTP answers every request below Prefix.
func (t *Team) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	if !strings.HasPrefix(r.URL.Path, Prefix) {
		http.NotFound(w, r)
		return
	}
	t.a.Middleware(http.HandlerFunc(t.serve)).ServeHTTP(w, r)
}

// serve runs after auth.Middleware: there is a session, and a change
// came from this newsroom with its token.
func (t *Team) serve(w http.ResponseWriter, r *http.Request) {
	s := auth.FromContext(r.Context())
	w.Header().Set("Cache-Control", "no-store")
	tw := &teamWriter{ResponseWriter: w, s: s, status: http.StatusOK}
	if h, pattern := t.mux.Handler(r); pattern != "" {
		h.ServeHTTP(tw, r)
		return
	}
	d, ok := t.decide(tw, r, s)
	if !ok {
		return
	}
	if !d.change {
		t.n.mux.ServeHTTP(tw, r)
		return
	}
	t.write.Lock()
	defer t.write.Unlock()
	t.who, t.user = personAuthor(t.a, s), accountOf(s)
	defer func() { t.who, t.user = nil, "" }()
	before := t.n.snapshot(d.file)
	t.n.mux.ServeHTTP(tw, r)
	t.after(tw, r, s, d, before)
}

// teamWriter carries the request's session to render (the CSRF token and
// the person in the header) and notes the status answered.
type teamWriter struct {
	http.ResponseWriter
	s      *auth.Session
	status int
	wrote  bool
}

func (w *teamWriter) WriteHeader(code int) {
	if !w.wrote {
		w.status, w.wrote = code, true
	}
	w.ResponseWriter.WriteHeader(code)
}

func (w *teamWriter) Write(b []byte) (int, error) {
	w.wrote = true
	return w.ResponseWriter.Write(b)
}

// Unwrap lets http.ResponseController reach the connection.
func (w *teamWriter) Unwrap() http.ResponseWriter { return w.ResponseWriter }

// sessionOf finds the session render shows, when the request came
// through a Team.
func sessionOf(w http.ResponseWriter) *auth.Session {
	if tw, ok := w.(*teamWriter); ok {
		return tw.s
	}
	return nil
}

// csrfFor is the token forms carry: the session's with accounts, the
// run's on one computer.
func (n *Newsroom) csrfFor(w http.ResponseWriter) string {
	if s := sessionOf(w); s != nil {
		return s.CSRF
	}
	return n.guard.csrf
}

// personAuthor is how a person appears as the author of versions (and
// of git commits): their full name, with the account name as address.
func personAuthor(a *auth.Auth, s *auth.Session) *history.Author {
	if s == nil {
		return nil
	}
	if s.Local {
		au := author()
		return &au
	}
	name := s.User
	if u, ok := a.Users().Get(s.User); ok && u.Display != "" {
		name = u.Display
	}
	return &history.Author{Name: name, Email: s.User + "@redaksi"}
}

// Gate wraps the site's preview (serve.Options.Gate): it shows drafts, so
// with accounts every page of it needs a session too. On one computer
// without accounts it stays open as before, for the Host names of this
// computer only. The newsroom's own paths pass to the Team, which checks
// them itself.
func (t *Team) Gate(site http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if strings.HasPrefix(r.URL.Path, Prefix) {
			site.ServeHTTP(w, r)
			return
		}
		if t.a.OpenMode() {
			// Drafts are in the preview: not for a page elsewhere that
			// points its own name at this computer (DNS rebinding).
			if err := t.a.CheckRequest(r); err != nil {
				http.Error(w, "misdirected request", http.StatusMisdirectedRequest)
				return
			}
			site.ServeHTTP(w, r)
			return
		}
		t.a.Middleware(site).ServeHTTP(w, r)
	})
}

// teamNav is what the layout shows of the person logged in.
type teamNav struct {
	Name, Role    string
	Review, Audit bool
	Accounts      bool // may keep the accounts (team_accounts.go)
	Deploy        bool // may publish the site (publish_site.go)
	Logout, CSRF  string
	Local         bool
}

// navFor describes the person of a team request; nil on one computer.
func navFor(w http.ResponseWriter) *teamNav {
	s := sessionOf(w)
	if s == nil {
		return nil
	}
	name := s.User
	if s.Display != "" {
		name = s.Display
	}
	return &teamNav{Name: name, Role: string(s.Role), Local: s.Local,
		Review: s.Can(auth.Return, false), Audit: s.Can(auth.ViewAudit, false), Deploy: s.Can(auth.Deploy, false),
		Accounts: s.Can(auth.ManageAccounts, false),
		Logout:   Prefix + "keluar", CSRF: s.CSRF}
}

// render is the newsroom's render for the team screens, with the
// session's token.
func (t *Team) render(w http.ResponseWriter, status int, name, title string, data any, lang string) {
	var buf bytes.Buffer
	v := view{Lang: lang, Title: title, CSRF: t.n.csrfFor(w), Prefix: Prefix, Data: data, Team: navFor(w)}
	if err := t.n.tmpl.pages[name].ExecuteTemplate(&buf, "layout", v); err != nil {
		http.Error(w, err.Error(), http.StatusInternalServerError)
		return
	}
	w.Header().Set("Content-Type", "text/html; charset=utf-8")
	w.Header().Set("Content-Security-Policy", "default-src 'self'; img-src 'self'; style-src 'self'; script-src 'self'; object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'self'")
	w.WriteHeader(status)
	_, _ = w.Write(buf.Bytes())
}

func accountOf(s *auth.Session) string {
	if s == nil || s.Local {
		return ""
	}
	return s.User
}

// creator is the account creating a page in the team request being
// served ("" on one computer): create.go writes it as the page's writer.
func (n *Newsroom) creator() string {
	if v, ok := teams.Load(n); ok {
		return v.(*Team).user
	}
	return ""
}

// personName is an account's full name for the newsroom's screens.
func (n *Newsroom) personName(user string) string {
	if v, ok := teams.Load(n); ok {
		return v.(*Team).personName(user)
	}
	return user
}
