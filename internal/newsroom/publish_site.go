package newsroom

import (
	"context"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"net/http"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"time"

	"github.com/dinsos-metro/warta"
	"github.com/dinsos-metro/warta/internal/auth"
	"github.com/dinsos-metro/warta/internal/build"
	"github.com/dinsos-metro/warta/internal/config"
	"github.com/dinsos-metro/warta/internal/deploy"
	"github.com/dinsos-metro/warta/internal/diag"
	"github.com/dinsos-metro/warta/internal/publish"
)

// The "Publish site" button (issue 15): the same work as `warta deploy
// --build`, started from the newsroom by those allowed to publish
// (auth.Deploy; team_policy.go checks it on the server).
//
//   - One publish at a time per newsroom: a second click while one runs
//     shows the running one.
//   - The build is warta build's (no drafts, no future pages) into the
//     site's public/, replaced only when it succeeds; a failed build
//     deploys nothing, so the live site stays as it was.
//   - Progress is a page that refreshes itself every 2 s without
//     JavaScript (<noscript> meta refresh); static/publish.js polls the
//     same address with ?format=json instead.
//   - Start, success and failure are lines of the audit log (action
//     "deploy").

// publishState is one publish as the page and the JSON show it.
type publishState struct {
	Running    bool      `json:"running"`
	Target     string    `json:"target"`
	Started    time.Time `json:"started"`
	Step       string    `json:"step"` // build, deploy, done, failed
	StepText   string    `json:"stepText"`
	File       string    `json:"file,omitempty"`
	Done       int       `json:"done"`
	Total      int       `json:"total"`
	DoneBytes  int64     `json:"doneBytes"`
	TotalBytes int64     `json:"totalBytes"`
	Summary    string    `json:"summary,omitempty"`
	Failures   []string  `json:"failures,omitempty"`
	Unchanged  bool      `json:"unchanged"` // after a failure: the live site is as it was
}

// publisher keeps the running or last publish of a newsroom.
type publisher struct {
	mu   sync.Mutex
	last *publishState
}

var publishers sync.Map // *Newsroom → *publisher

func (n *Newsroom) publisher() *publisher {
	v, _ := publishers.LoadOrStore(n, &publisher{})
	return v.(*publisher)
}

// snapshot copies the last publish, for one answer.
func (p *publisher) snapshot() *publishState {
	p.mu.Lock()
	defer p.mu.Unlock()
	if p.last == nil {
		return nil
	}
	c := *p.last
	c.Failures = append([]string(nil), p.last.Failures...)
	return &c
}

func (p *publisher) update(f func(s *publishState)) {
	p.mu.Lock()
	defer p.mu.Unlock()
	f(p.last)
}

// Words of the publish screen.
var publishWords = map[string][2]string{
	"publish-site":        {"Terbitkan situs", "Publish site"},
	"publish-help":        {"Membangun situs seperti warta build (tanpa draf dan halaman terjadwal yang belum waktunya), lalu mengirim yang berubah ke tujuan yang dipilih.", "Builds the site as warta build does (no drafts, no pages scheduled for later), then sends what changed to the chosen place."},
	"publish-targets":     {"Tujuan penerbitan", "Publishing targets"},
	"publish-name":        {"Nama", "Name"},
	"publish-kind":        {"Jenis", "Kind"},
	"publish-where":       {"Alamat", "Destination"},
	"publish-none":        {"Situs ini belum punya tujuan penerbitan. Minta petugas TI menambahkan daftar deploy: di site.yaml (folder, SFTP atau penyimpanan S3), seperti dijelaskan di README bagian \"Publishing: warta deploy\". Setelah itu tombol Terbitkan situs muncul di sini.", "This site has no publishing target yet. Ask IT to add a deploy: list to site.yaml (a folder, SFTP or S3 storage) as the README's section \"Publishing: warta deploy\" explains. The Publish site button then appears here."},
	"publish-config":      {"site.yaml bermasalah, jadi situs tidak bisa diterbitkan:", "site.yaml has problems, so the site cannot be published:"},
	"publish-not-allowed": {"Hanya penyunting dan admin yang boleh menerbitkan situs.", "Only editors and admins may publish the site."},
	"publish-last":        {"Penerbitan terakhir", "Last publish"},
	"publish-never":       {"Situs belum pernah diterbitkan dari ruang redaksi sejak warta dijalankan.", "The site was not published from the newsroom since warta started."},
	"publish-running":     {"Sedang menerbitkan ke", "Publishing to"},
	"publish-building":    {"Membangun situs…", "Building the site…"},
	"publish-sending":     {"Mengirim berkas…", "Sending files…"},
	"publish-done":        {"Selesai.", "Done."},
	"publish-failed":      {"Penerbitan gagal.", "Publishing failed."},
	"publish-unchanged":   {"Situs yang tayang tidak berubah.", "The live site was not changed."},
	"publish-partial":     {"Sebagian perubahan sudah terkirim; terbitkan lagi untuk menyelesaikannya.", "Part of the changes were sent; publish again to finish."},
	"publish-started":     {"Dimulai", "Started"},
	"publish-current":     {"Berkas", "File"},
	"publish-wait":        {"Halaman ini diperbarui sendiri setiap 2 detik.", "This page updates itself every 2 seconds."},
	"deploy":              {"terbitkan situs", "publish site"},
}

func init() {
	for k, v := range publishWords {
		if _, taken := words[k]; !taken {
			words[k] = v
		}
	}
}

// targetView is a deploy target as the page lists it: no secrets, only
// where it goes (deploy.Where).
type targetView struct {
	Name, Kind, Where string
}

type publishView struct {
	Targets    []targetView
	Problems   []string // site.yaml's errors
	CanPublish bool
	State      *publishState
	Progress   string
}

// publishPage shows the targets and the running or last publish;
// ?format=json gives the publish alone, for static/publish.js.
type publishPage struct{ n *Newsroom }

func (h publishPage) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	n, lang := h.n, h.n.lang()
	st := n.publisher().snapshot()
	if r.URL.Query().Get("format") == "json" {
		w.Header().Set("Content-Type", "application/json")
		if st == nil {
			st = &publishState{}
		}
		_ = json.NewEncoder(w).Encode(st)
		return
	}
	v := publishView{State: st, CanPublish: mayDeploy(w)}
	cfg, ds := config.Load(os.DirFS(n.opt.Dir))
	for _, d := range ds {
		if d.Severity == diag.Error {
			v.Problems = append(v.Problems, d.Message(lang))
		}
	}
	if cfg != nil {
		for _, t := range cfg.Deploy {
			v.Targets = append(v.Targets, targetView{Name: t.Name, Kind: t.Kind, Where: deploy.Where(t)})
		}
	}
	if st != nil && st.Total > 0 {
		v.Progress = diag.New("", 0, diag.DeployProgress, st.Target, st.Done, st.Total,
			deploy.Size(st.DoneBytes), deploy.Size(st.TotalBytes)).Message(lang)
	}
	n.render(w, http.StatusOK, "publish_site.html", tr(lang, "publish-site"), v, lang)
}

// mayDeploy tells whether the person of w may publish: on the plain
// one-computer newsroom (no session) anyone at the computer may.
func mayDeploy(w http.ResponseWriter) bool {
	s := sessionOf(w)
	return s == nil || s.Can(auth.Deploy, false)
}

// publishStart starts a publish to the chosen target and sends the
// browser to its progress.
type publishStart struct{ n *Newsroom }

func (h publishStart) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	n, lang := h.n, h.n.lang()
	if !mayDeploy(w) { // team_policy.go refused it already; never rely on one check
		http.Error(w, "forbidden", http.StatusForbidden)
		return
	}
	cfg, ds := config.Load(os.DirFS(n.opt.Dir))
	var list diag.List
	list.Add(ds...)
	if list.Errors() > 0 {
		http.Error(w, list.Format(lang), http.StatusBadRequest)
		return
	}
	tgt, err := deploy.Choose(cfg, r.FormValue("target"))
	if err != nil {
		http.Error(w, deploy.Message(err, lang), http.StatusBadRequest)
		return
	}
	p := n.publisher()
	p.mu.Lock()
	if p.last != nil && p.last.Running {
		p.mu.Unlock()
		http.Redirect(w, r, Prefix+"publish", http.StatusSeeOther)
		return
	}
	p.last = &publishState{Running: true, Target: tgt.Name, Started: n.opt.Now(), Step: "build", StepText: tr(lang, "publish-building")}
	p.mu.Unlock()
	// The request ends before the publish: keep its person for the log.
	logged := r.Clone(context.WithoutCancel(r.Context()))
	n.auditDeploy(logged, "start: "+tgt.Name)
	go n.runPublish(logged, cfg, tgt, lang)
	http.Redirect(w, r, Prefix+"publish", http.StatusSeeOther)
}

// auditDeploy writes a line of the audit log, when there are accounts.
func (n *Newsroom) auditDeploy(r *http.Request, detail string) {
	if v, ok := teams.Load(n); ok {
		_ = v.(*Team).a.Log(r, string(auth.Deploy), "", detail)
	}
}

// runPublish builds public/ and deploys it, reporting into the
// publisher.
func (n *Newsroom) runPublish(r *http.Request, cfg *config.Config, tgt config.DeployTarget, lang string) {
	p := n.publisher()
	failed := func(unchanged bool, msgs ...string) {
		p.update(func(s *publishState) {
			s.Running, s.Step, s.StepText, s.Unchanged = false, "failed", tr(lang, "publish-failed"), unchanged
			s.Failures = append(s.Failures, msgs...)
		})
		n.auditDeploy(r, "failed: "+tgt.Name+": "+strings.Join(msgs, "; "))
	}
	ctx := context.Background()
	// Held from the build to the last file: a scheduled publish or a
	// `warta deploy` must not swap public/ or write the manifest meanwhile.
	who := "Terbitkan situs"
	if s := auth.FromContext(r.Context()); s != nil && !s.Local {
		who += ", " + s.User
	}
	unlock, err := deploy.Lock(ctx, n.opt.Dir, who, false)
	if err != nil {
		failed(true, deploy.Message(err, lang))
		return
	}
	defer unlock()
	out := filepath.Join(n.opt.Dir, "public")
	if err := n.buildPublic(ctx, out, lang); err != nil {
		failed(true, err.Error())
		return
	}
	p.update(func(s *publishState) { s.Step, s.StepText = "deploy", tr(lang, "publish-sending") })
	res, err := deploy.Run(ctx, deploy.Options{
		SiteDir: n.opt.Dir, Output: out, Target: tgt, BasePath: cfg.Base.Path, Locked: true,
		Progress: func(e deploy.Event) {
			p.update(func(s *publishState) {
				s.Done, s.Total, s.DoneBytes, s.TotalBytes = e.Done, e.Total, e.DoneBytes, e.TotalBytes
				if e.File != "" {
					s.File = e.File
				}
			})
		},
	})
	if err != nil {
		var msgs []string
		for _, f := range res.Failures {
			msgs = append(msgs, deploy.Message(f, lang))
		}
		msgs = append(msgs, deploy.Message(err, lang))
		// A folder is replaced at once or not at all; elsewhere the site
		// is untouched while nothing was sent or deleted.
		failed(tgt.Kind == "folder" || res.Sent+res.Deleted == 0, msgs...)
		return
	}
	sum := res.Summary(lang, false)
	p.update(func(s *publishState) {
		s.Running, s.Step, s.StepText, s.Summary, s.File = false, "done", tr(lang, "publish-done"), sum, ""
	})
	n.auditDeploy(r, "done: "+res.Summary("en", false))
}

// buildPublic builds the site into out as warta build does: published
// pages only, the output replaced only when the build succeeds. Its
// error is the build's problems, in lang.
func (n *Newsroom) buildPublic(ctx context.Context, out, lang string) error {
	root, err := os.OpenRoot(n.opt.Dir)
	if err != nil {
		return err
	}
	defer root.Close()
	// Compressed copies when the last build made them (warta build
	// --precompress): the deploy would otherwise delete them from the
	// host.
	_, gz := os.Stat(filepath.Join(out, "index.html.gz"))
	st, err := publish.NewStaging(out)
	if err != nil {
		return err
	}
	res, err := build.Build(ctx, build.Options{Source: root.FS(), Theme: warta.Theme, Dir: n.opt.Dir, Sink: st, Now: n.opt.Now(), Precompress: gz == nil})
	if err != nil {
		st.Abort()
		if res != nil && res.Diags != nil && res.Diags.Errors() > 0 {
			return buildFailed(strings.TrimSpace(res.Diags.Format(lang)))
		}
		return err
	}
	forgetRenderState(n.opt.Dir, out)
	if err := st.Commit(); err != nil {
		return err
	}
	st.Wait()
	return nil
}

type buildFailed string

func (b buildFailed) Error() string { return string(b) }

// forgetRenderState removes the render state `warta build` keeps for out
// (cmd/warta/state.go, statePath): public/ is now this build's, not the
// previous output plus the state's promises, so the next warta build
// must render everything.
func forgetRenderState(dir, out string) {
	abs, err := filepath.Abs(out)
	if err != nil {
		abs = out
	}
	sum := sha256.Sum256([]byte(abs))
	os.Remove(filepath.Join(dir, ".cache", "warta", "render-"+hex.EncodeToString(sum[:6])+".state"))
}
