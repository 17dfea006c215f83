package newsroom_test

import (
	"context"
	"encoding/json"
	"io/fs"
	"net/http"
	"net/url"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/chromedp"

	"github.com/dinsos-metro/warta/internal/auth"
	"github.com/dinsos-metro/warta/internal/deploy"
)

// The "Publish site" button (publish_site.go), over HTTP, with a folder
// target in a temporary folder outside the site.

// withFolderTarget adds a folder deploy target to the site's site.yaml
// and returns the folder.
func withFolderTarget(ts *teamSite) string {
	ts.t.Helper()
	dest := filepath.Join(ts.t.TempDir(), "webroot")
	yaml := ts.read("site.yaml") + "deploy:\n  - name: kantor\n    kind: folder\n    path: " + dest + "\n"
	ts.write("site.yaml", []byte(yaml))
	return dest
}

// publishJSON is what GET publish?format=json answers.
type publishJSON struct {
	Running   bool     `json:"running"`
	Step      string   `json:"step"`
	Summary   string   `json:"summary"`
	Failures  []string `json:"failures"`
	Unchanged bool     `json:"unchanged"`
	Total     int      `json:"total"`
}

// waitPublish polls the JSON, as static/publish.js does, until the
// publish ends. The deadline only keeps a broken publish from hanging
// the test; nothing is asserted about time.
func (p *person) waitPublish() publishJSON {
	p.ts.t.Helper()
	deadline := time.Now().Add(3 * time.Minute)
	for {
		code, body := p.get("/_redaksi/publish?format=json")
		if code != http.StatusOK {
			p.ts.t.Fatalf("publish JSON: %d\n%s", code, body)
		}
		var st publishJSON
		if err := json.Unmarshal([]byte(body), &st); err != nil {
			p.ts.t.Fatalf("publish JSON: %v\n%s", err, body)
		}
		if !st.Running {
			return st
		}
		if time.Now().After(deadline) {
			p.ts.t.Fatalf("the publish never ended: %s", body)
		}
		time.Sleep(50 * time.Millisecond)
	}
}

// tree lists the files below dir with their contents.
func pubTree(t *testing.T, dir string) map[string]string {
	t.Helper()
	files := map[string]string{}
	err := filepath.WalkDir(dir, func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			if os.IsNotExist(err) {
				return nil
			}
			return err
		}
		if d.IsDir() {
			return nil
		}
		b, err := os.ReadFile(p)
		rel, _ := filepath.Rel(dir, p)
		files[filepath.ToSlash(rel)] = string(b)
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
	return files
}

func pubHas(t *testing.T, what, s string, wants ...string) {
	t.Helper()
	for _, w := range wants {
		if !strings.Contains(s, w) {
			t.Errorf("%s lacks %q:\n%s", what, w, s)
		}
	}
}

func deployAudit(t *testing.T, ts *teamSite) []string {
	t.Helper()
	entries, err := ts.a.Audit().Read(auth.Filter{Action: "deploy"})
	if err != nil {
		t.Fatal(err)
	}
	var lines []string
	for i := len(entries) - 1; i >= 0; i-- {
		lines = append(lines, entries[i].Who+": "+entries[i].Detail)
	}
	return lines
}

func TestPublishSiteToFolder(t *testing.T) {
	ts := startTeam(t, "team.txtar")
	dest := withFolderTarget(ts)
	siti := ts.login("siti")

	code, page := siti.get("/_redaksi/publish")
	if code != http.StatusOK {
		t.Fatalf("publish page: %d\n%s", code, page)
	}
	pubHas(t, "the publish page", page, "Terbitkan situs", "kantor", "folder:"+dest, `action="/_redaksi/publish"`)
	_, dash := siti.get("/_redaksi/")
	pubHas(t, "an editor's dashboard", dash, `href="/_redaksi/publish"`)

	resp, body := siti.post("/_redaksi/publish", url.Values{"target": {"kantor"}})
	if resp.StatusCode != http.StatusSeeOther {
		t.Fatalf("starting the publish: %s\n%s", resp.Status, body)
	}
	st := siti.waitPublish()
	if st.Step != "done" || len(st.Failures) > 0 {
		t.Fatalf("the publish did not succeed: %+v", st)
	}
	if !strings.HasPrefix(st.Summary, "kantor") && !strings.Contains(st.Summary, "kantor") {
		t.Errorf("the summary does not name the target: %q", st.Summary)
	}
	got := pubTree(t, dest)
	if _, ok := got["index.html"]; !ok {
		t.Fatalf("the web root has no index.html: %v", pubKeys(got))
	}
	// The same build as warta build: what public/ holds is what was sent,
	// and drafts are not in it.
	public := pubTree(t, filepath.Join(ts.dir, "public"))
	for name, data := range public {
		if strings.HasPrefix(name, ".") || strings.Contains(name, "/.") {
			continue
		}
		if got[name] != data {
			t.Errorf("%s differs between public/ and the web root", name)
		}
	}
	if !strings.Contains(strings.Join(pubValues(got), ""), "Rapat Koordinasi Lintas Dinas") {
		t.Error("the published report is not in the web root")
	}
	for name, data := range got {
		if strings.Contains(data, "Draf Budi") {
			t.Errorf("a draft was published: %s", name)
		}
	}
	_, page = siti.get("/_redaksi/publish")
	pubHas(t, "the page after the publish", page, st.Summary)

	// A public/ built with --precompress is built so again: the host
	// keeps its compressed copies.
	if err := os.WriteFile(filepath.Join(ts.dir, "public", "index.html.gz"), []byte("x"), 0o644); err != nil {
		t.Fatal(err)
	}
	siti.post("/_redaksi/publish", url.Values{"target": {"kantor"}})
	if st := siti.waitPublish(); st.Step != "done" {
		t.Fatalf("the second publish: %+v", st)
	}
	got = pubTree(t, dest)
	if gz := got["index.html.gz"]; gz == "" || gz == "x" {
		t.Errorf("the second publish did not precompress: %v", pubKeys(got))
	}

	// The audit trail: start and success, by the editor.
	lines := deployAudit(t, ts)
	if len(lines) != 4 || !strings.HasPrefix(lines[0], "siti: start: kantor") || !strings.HasPrefix(lines[1], "siti: done: ") {
		t.Errorf("the audit log's deploy lines:\n%s", strings.Join(lines, "\n"))
	}
}

func pubValues(m map[string]string) []string {
	var vs []string
	for _, v := range m {
		vs = append(vs, v)
	}
	return vs
}

func pubKeys(m map[string]string) []string {
	var ks []string
	for k := range m {
		ks = append(ks, k)
	}
	sort.Strings(ks)
	return ks
}

func TestPublishSiteRefusedToWriters(t *testing.T) {
	ts := startTeam(t, "team.txtar")
	dest := withFolderTarget(ts)
	budi := ts.login("budi")
	_, page := budi.get("/_redaksi/publish")
	if strings.Contains(page, `action="/_redaksi/publish"`) {
		t.Error("a writer is offered the publish button")
	}
	pubHas(t, "a writer's publish page", page, "Hanya penyunting dan admin")
	_, dash := budi.get("/_redaksi/")
	if strings.Contains(dash, `href="/_redaksi/publish"`) {
		t.Error("a writer's dashboard links to publishing")
	}
	resp, body := budi.post("/_redaksi/publish", url.Values{"target": {"kantor"}})
	if resp.StatusCode != http.StatusForbidden {
		t.Fatalf("a writer publishing: %s\n%s", resp.Status, body)
	}
	// Nothing started: the JSON has no publish, nothing was built or sent.
	code, js := budi.get("/_redaksi/publish?format=json")
	if code != http.StatusOK || strings.Contains(js, `"target":"kantor"`) {
		t.Errorf("after a refused publish: %d %s", code, js)
	}
	if got := pubTree(t, dest); len(got) > 0 {
		t.Errorf("a writer's refused publish deployed: %v", pubKeys(got))
	}
	if lines := deployAudit(t, ts); len(lines) > 0 {
		t.Errorf("a refused publish was logged as a deploy: %v", lines)
	}
}

func TestPublishSiteNeedsCSRF(t *testing.T) {
	ts := startTeam(t, "team.txtar")
	dest := withFolderTarget(ts)
	siti := ts.login("siti")
	resp, body := siti.post("/_redaksi/publish", url.Values{"target": {"kantor"}, "csrf": {"00"}})
	if resp.StatusCode != http.StatusForbidden {
		t.Fatalf("a publish with a wrong token: %s\n%s", resp.Status, body)
	}
	siti.csrf = ""
	resp, body = siti.post("/_redaksi/publish", url.Values{"target": {"kantor"}})
	if resp.StatusCode != http.StatusForbidden {
		t.Fatalf("a publish without a token: %s\n%s", resp.Status, body)
	}
	if got := pubTree(t, dest); len(got) > 0 {
		t.Errorf("a publish without a token deployed: %v", pubKeys(got))
	}
}

func TestPublishSiteBuildErrorDeploysNothing(t *testing.T) {
	ts := startTeam(t, "team.txtar")
	dest := withFolderTarget(ts)
	siti := ts.login("siti")
	siti.post("/_redaksi/publish", url.Values{"target": {"kantor"}})
	if st := siti.waitPublish(); st.Step != "done" {
		t.Fatalf("the first publish: %+v", st)
	}
	before := pubTree(t, dest)
	publicBefore := pubTree(t, filepath.Join(ts.dir, "public"))

	// A published page whose front matter is broken: the build fails.
	ts.write("content/berita/2025-09-09-rusak.md", []byte("---\ntitle: [tidak ditutup\ndate: 2025-09-09\n---\nIsi.\n"))
	resp, body := siti.post("/_redaksi/publish", url.Values{"target": {"kantor"}})
	if resp.StatusCode != http.StatusSeeOther {
		t.Fatalf("starting the publish: %s\n%s", resp.Status, body)
	}
	st := siti.waitPublish()
	if st.Step != "failed" || !st.Unchanged || len(st.Failures) == 0 {
		t.Fatalf("a publish with a build error: %+v", st)
	}
	if !strings.Contains(strings.Join(st.Failures, "\n"), "2025-09-09-rusak.md") {
		t.Errorf("the failure does not name the broken file: %v", st.Failures)
	}
	_, page := siti.get("/_redaksi/publish")
	pubHas(t, "the page after the failure", page, "Penerbitan gagal", "Situs yang tayang tidak berubah", "2025-09-09-rusak.md")
	if after := pubTree(t, dest); !pubEqual(before, after) {
		t.Errorf("a failed build changed the web root: %v → %v", pubKeys(before), pubKeys(after))
	}
	if after := pubTree(t, filepath.Join(ts.dir, "public")); !pubEqual(publicBefore, after) {
		t.Error("a failed build changed public/")
	}
	lines := deployAudit(t, ts)
	if len(lines) != 4 || !strings.HasPrefix(lines[3], "siti: failed: kantor") {
		t.Errorf("the audit log's deploy lines:\n%s", strings.Join(lines, "\n"))
	}
}

func TestPublishSiteDeployFailure(t *testing.T) {
	ts := startTeam(t, "team.txtar")
	dest := withFolderTarget(ts)
	// A web root holding a file warta did not put there: the deploy
	// refuses to replace it, and says so.
	if err := os.MkdirAll(dest, 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(dest, "lama.html"), []byte("situs lama"), 0o644); err != nil {
		t.Fatal(err)
	}
	adm := ts.login("adm")
	adm.post("/_redaksi/publish", url.Values{"target": {"kantor"}})
	st := adm.waitPublish()
	if st.Step != "failed" || !st.Unchanged || len(st.Failures) == 0 || !strings.Contains(st.Failures[0], "kantor") && !strings.Contains(st.Failures[0], "webroot") {
		t.Fatalf("a deploy to a foreign folder: %+v", st)
	}
	if got := pubTree(t, dest); len(got) != 1 || got["lama.html"] != "situs lama" {
		t.Errorf("the failed deploy changed the web root: %v", pubKeys(got))
	}
	lines := deployAudit(t, ts)
	if len(lines) != 2 || !strings.HasPrefix(lines[1], "adm: failed: kantor") {
		t.Errorf("the audit log's deploy lines:\n%s", strings.Join(lines, "\n"))
	}
}

func pubEqual(a, b map[string]string) bool {
	if len(a) != len(b) {
		return false
	}
	for k, v := range a {
		if w, ok := b[k]; !ok || w != v {
			return false
		}
	}
	return true
}

func TestPublishSiteOneComputerAndNoTargets(t *testing.T) {
	ts := startTeamWith(t, "team.txtar", nil)
	// No target yet: the page says how to add one, and offers no button.
	local, page := ts.atComputer("/_redaksi/publish")
	pubHas(t, "the page without targets", page, "belum punya tujuan penerbitan", "Publishing: warta deploy")
	if strings.Contains(page, `action="/_redaksi/publish"`) {
		t.Error("a publish button without targets")
	}
	resp, _ := local.post("/_redaksi/publish", url.Values{})
	if resp.StatusCode != http.StatusBadRequest {
		t.Errorf("publishing without targets: %s", resp.Status)
	}

	// Whoever sits at the computer may publish.
	dest := withFolderTarget(ts)
	resp, body := local.post("/_redaksi/publish", url.Values{"target": {"kantor"}})
	if resp.StatusCode != http.StatusSeeOther {
		t.Fatalf("publishing on one computer: %s\n%s", resp.Status, body)
	}
	if st := local.waitPublish(); st.Step != "done" {
		t.Fatalf("the publish on one computer: %+v", st)
	}
	if _, ok := pubTree(t, dest)["index.html"]; !ok {
		t.Error("the web root has no index.html")
	}
	lines := deployAudit(t, ts)
	if len(lines) != 2 || !strings.HasPrefix(lines[0], auth.LocalUser+": start: kantor") {
		t.Errorf("the audit log's deploy lines:\n%s", strings.Join(lines, "\n"))
	}
}

// TestPublishSiteBrowser presses the button in Chromium: the progress
// page (polled by static/publish.js while the publish runs) ends with
// the summary, and the web root holds the site.
func TestPublishSiteBrowser(t *testing.T) {
	ctx := browser(t)
	ts := startTeam(t, "team.txtar")
	dest := withFolderTarget(ts)
	run(t, ctx, "open the newsroom", chromedp.Navigate(ts.base+"/_redaksi/"))
	waitJS(t, ctx, "the login page", `!!document.querySelector('input[name=password]')`)
	run(t, ctx, "name and password",
		chromedp.SendKeys(chromedp.CSS(`#name`), "siti"),
		chromedp.SendKeys(chromedp.CSS(`#password`), teamPassword),
	)
	submit(t, ctx, "log in", `main form button[type=submit]`, `a[href="/_redaksi/publish"]`)
	submit(t, ctx, "the publish page", `.actions a[href="/_redaksi/publish"]`, `main form button[type=submit]`)
	submit(t, ctx, "publish", `main form button[type=submit]`, `#publish-state`)
	waitJS(t, ctx, "the summary", `!!document.querySelector('#publish-state .saved') && document.querySelector('#publish-state .saved').textContent.includes('kantor')`)
	if _, ok := pubTree(t, dest)["index.html"]; !ok {
		t.Error("the web root has no index.html")
	}
}

// A publish started while another holds the site's publish lock (a
// scheduled one, or `warta deploy` in a terminal) builds and sends
// nothing, and says who is publishing; once that ends, it goes through.
func TestPublishSiteWhileAnotherPublishes(t *testing.T) {
	ts := startTeam(t, "team.txtar")
	dest := withFolderTarget(ts)
	unlock, err := deploy.Lock(context.Background(), ts.dir, "warta deploy", false)
	if err != nil {
		t.Fatal(err)
	}
	siti := ts.login("siti")
	siti.post("/_redaksi/publish", url.Values{"target": {"kantor"}})
	st := siti.waitPublish()
	if st.Step != "failed" || !st.Unchanged || !strings.Contains(strings.Join(st.Failures, "\n"), "warta deploy") {
		t.Fatalf("a publish while another runs: %+v", st)
	}
	_, page := siti.get("/_redaksi/publish")
	pubHas(t, "the page", page, "Penerbitan gagal", "penerbitan lain situs ini sedang berjalan")
	if _, err := os.Stat(filepath.Join(ts.dir, "public")); err == nil {
		t.Error("public/ was built while another publish held the lock")
	}
	if got := pubTree(t, dest); len(got) != 0 {
		t.Errorf("the web root was written: %v", pubKeys(got))
	}
	unlock()
	siti.post("/_redaksi/publish", url.Values{"target": {"kantor"}})
	if st := siti.waitPublish(); st.Step != "done" {
		t.Fatalf("the publish after the other ended: %+v", st)
	}
}
