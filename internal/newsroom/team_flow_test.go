package newsroom_test

import (
	"net/http"
	"net/url"
	"regexp"
	"strings"
	"testing"
	"time"

	"github.com/go-git/go-git/v5"
	"github.com/go-git/go-git/v5/plumbing/object"

	"github.com/dinsos-metro/warta/internal/auth"
	"github.com/dinsos-metro/warta/internal/history"
)

// TestTeamReview is the review step over HTTP: a writer's report goes to
// review, comes back with a comment the writer sees, goes again with the
// changes the editor sees, and is approved; the audit log and the page's
// history name who did each step.
func TestTeamReview(t *testing.T) {
	ts := startTeam(t, "team.txtar")
	budi, siti := ts.login("budi"), ts.login("siti")

	resp, body := budi.post("/_redaksi/new", url.Values{"kind": {"news"}, "title": {"Kunjungan ke SD Negeri 3"}, "date": {"2025-09-01"}})
	if resp.StatusCode != http.StatusSeeOther {
		t.Fatalf("new: %s\n%s", resp.Status, body)
	}
	file := "content/berita/2025-09-01-kunjungan-ke-sd-negeri-3.md"
	if !strings.Contains(ts.read(file), "writer: budi") {
		t.Fatalf("the new page does not name its writer:\n%s", ts.read(file))
	}
	send := func(p *person, action, text string) {
		t.Helper()
		resp, body := p.post("/_redaksi/save", url.Values{"file": {file}, "hash": {ts.hash(file)}, "action": {action},
			"f.location": {"SD Negeri 3 Metro"}, "body": {text}})
		if resp.StatusCode != http.StatusSeeOther {
			t.Fatalf("save %s: %s\n%s", action, resp.Status, body)
		}
	}
	send(budi, "review", "Murid SD belajar menjaga diri.\n")
	if code, page := budi.get("/_redaksi/review"); code != http.StatusForbidden {
		t.Errorf("a writer opened the review queue: %d\n%s", code, page)
	}
	code, queue := siti.get("/_redaksi/review")
	if code != http.StatusOK {
		t.Fatalf("queue: %d\n%s", code, queue)
	}
	contains(t, "the queue", queue, "Kunjungan ke SD Negeri 3", "Budi Santoso", "Halaman baru", "&#43; Murid SD belajar menjaga diri.", "SD Negeri 3 Metro")

	// Returned with a comment: a draft again, with the note the writer sees.
	resp, body = siti.post("/_redaksi/return", url.Values{"file": {file}, "hash": {ts.hash(file)}, "note": {""}})
	if resp.StatusCode != http.StatusUnprocessableEntity {
		t.Errorf("a return without a comment: %s", resp.Status)
	}
	resp, body = siti.post("/_redaksi/return", url.Values{"file": {file}, "hash": {ts.hash(file)}, "note": {"Sebutkan jumlah murid yang ikut."}})
	if resp.StatusCode != http.StatusSeeOther {
		t.Fatalf("return: %s\n%s", resp.Status, body)
	}
	page := ts.read(file)
	contains(t, "the returned page", page, "draft: true", "review_note: \"Sebutkan jumlah murid yang ikut.\"", "review_by: siti")
	if strings.Contains(page, "review: true") {
		t.Errorf("the returned page is still in review:\n%s", page)
	}
	_, mine := budi.get("/_redaksi/mine")
	contains(t, "the writer's pages", mine, "Sebutkan jumlah murid yang ikut.", "Siti Rahma", "status-draft")

	// Fixed and sent again: the editor sees what changed.
	send(budi, "review", "Sebanyak 40 murid SD belajar menjaga diri.\n")
	_, queue = siti.get("/_redaksi/review")
	contains(t, "the queue again", queue, "&#43; Sebanyak 40 murid SD belajar menjaga diri.", "Sebutkan jumlah murid yang ikut.")

	// A stale hash changes nothing.
	resp, _ = siti.post("/_redaksi/approve", url.Values{"file": {file}, "hash": {"0000"}})
	if resp.StatusCode != http.StatusConflict {
		t.Errorf("approving a page that changed since: %s", resp.Status)
	}
	resp, body = siti.post("/_redaksi/approve", url.Values{"file": {file}, "hash": {ts.hash(file)}})
	if resp.StatusCode != http.StatusSeeOther {
		t.Fatalf("approve: %s\n%s", resp.Status, body)
	}
	page = ts.read(file)
	contains(t, "the approved page", page, "draft: false", "writer: budi", "Sebanyak 40 murid")
	for _, gone := range []string{"review:", "review_note", "review_by"} {
		if strings.Contains(page, gone) {
			t.Errorf("the approved page still has %s:\n%s", gone, page)
		}
	}
	if _, q := siti.get("/_redaksi/review"); strings.Contains(q, "Kunjungan ke SD Negeri 3") {
		t.Error("the approved page is still in the queue")
	}
	resp, _ = siti.post("/_redaksi/approve", url.Values{"file": {file}, "hash": {ts.hash(file)}})
	if resp.StatusCode != http.StatusConflict {
		t.Errorf("approving a published page again: %s", resp.Status)
	}

	// The audit log: every step, with the right person.
	entries, err := ts.a.Audit().Read(auth.Filter{File: file})
	if err != nil {
		t.Fatal(err)
	}
	var steps []string
	for i := len(entries) - 1; i >= 0; i-- {
		steps = append(steps, entries[i].Who+":"+entries[i].Action)
	}
	want := "budi:create budi:submit siti:return budi:submit siti:approve"
	if got := strings.Join(steps, " "); got != want {
		t.Errorf("audit log of %s:\n got %s\nwant %s", file, got, want)
	}
	// The history: each version by its person; the approval names the
	// approver.
	st, err := history.Open(ts.dir)
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	vs, err := st.Versions(file)
	if err != nil {
		t.Fatal(err)
	}
	var authors []string // in order, one name per run of versions
	for i := len(vs) - 1; i >= 0; i-- {
		if n := vs[i].Author.Name; len(authors) == 0 || authors[len(authors)-1] != n {
			authors = append(authors, n)
		}
	}
	if got := strings.Join(authors, ", "); got != "Budi Santoso, Siti Rahma, Budi Santoso, Siti Rahma" {
		t.Errorf("authors of the versions: %s", got)
	}
	if len(vs) > 0 && !strings.Contains(vs[0].Message, "disetujui oleh Siti Rahma") {
		t.Errorf("the approval's version says %q", vs[0].Message)
	}

	// The admin's view of the trail, filtered.
	adm := ts.login("adm")
	code, trail := adm.get("/_redaksi/audit?who=siti&action=approve")
	if code != http.StatusOK {
		t.Fatalf("audit view: %d\n%s", code, trail)
	}
	contains(t, "the audit view", trail, file, `<td class="act">approve</td>`)
	if strings.Contains(trail, `<td class="act">submit</td>`) {
		t.Error("the audit filter shows other actions")
	}
}

// TestTeamPreviewNeedsLogin: with accounts, the site's preview (which
// shows drafts) answers only people logged in, and the accounts folder
// is never served.
func TestTeamPreviewNeedsLogin(t *testing.T) {
	ts := startTeam(t, "team.txtar")
	anon := &person{ts: ts, c: newClient()}
	for _, path := range []string{"/", "/berita/", "/_warta/events", "/_redaksi/", "/_redaksi/review"} {
		code, _ := anon.get(path)
		if code != http.StatusSeeOther && code != http.StatusUnauthorized {
			t.Errorf("%s without login: %d", path, code)
		}
	}
	resp, err := anon.c.Get(ts.base + "/berita/")
	if err != nil {
		t.Fatal(err)
	}
	resp.Body.Close()
	if loc := resp.Header.Get("Location"); !strings.HasPrefix(loc, "/_redaksi/masuk?next=") {
		t.Errorf("the preview sends to %q, not the login page", loc)
	}
	budi := ts.login("budi")
	code, page := budi.get("/")
	if code != http.StatusOK || !strings.Contains(page, "Dinas Sosial") {
		t.Errorf("the preview after login: %d", code)
	}
	for _, path := range []string{"/.warta/users.json", "/.warta/audit.log", "/_redaksi/../.warta/users.json"} {
		code, page := budi.get(path)
		if code == http.StatusOK || strings.Contains(page, "argon2id") {
			t.Errorf("%s: %d", path, code)
		}
	}
}

// TestTeamOneComputer: on loopback without accounts, the team newsroom
// opens with the run's secret for whoever runs warta, who may do
// everything (approve included); the preview stays open to this
// computer; a request without the secret is refused.
func TestTeamOneComputer(t *testing.T) {
	ts := startTeamWith(t, "team.txtar", nil)
	if !ts.a.OpenMode() {
		t.Fatal("no accounts on loopback is not open mode")
	}
	anon := &person{ts: ts, c: newClient()}
	if code, _ := anon.get("/_redaksi/"); code != http.StatusForbidden {
		t.Errorf("the newsroom without the secret: %d", code)
	}
	if code, _ := anon.get("/"); code != http.StatusOK {
		t.Errorf("the preview on one computer: %d", code)
	}
	req, _ := http.NewRequest(http.MethodGet, ts.base+"/", nil)
	req.Host = "rebind.example:80"
	if resp, err := anon.c.Do(req); err != nil || resp.StatusCode != http.StatusMisdirectedRequest {
		t.Errorf("the preview for another Host name: %v %v", resp, err)
	} else {
		resp.Body.Close()
	}
	local, page := ts.atComputer("/_redaksi/review")
	if strings.Contains(page, "Keluar") {
		t.Error("a logout button without accounts")
	}
	resp, body := local.post("/_redaksi/approve", url.Values{"file": {budiReview}, "hash": {ts.hash(budiReview)}})
	if resp.StatusCode != http.StatusSeeOther {
		t.Fatalf("approve on one computer: %s\n%s", resp.Status, body)
	}
	entries, _ := ts.a.Audit().Read(auth.Filter{Action: "approve"})
	if len(entries) != 1 || entries[0].Who != auth.LocalUser {
		t.Errorf("the approval's audit entry: %+v", entries)
	}
}

// TestTeamGitCommits: when the site folder is a git repository, each
// step is a commit authored by its person, and the approval's commit
// names the approver.
func TestTeamGitCommits(t *testing.T) {
	ts := startTeam(t, "team.txtar")
	repo, err := git.PlainInit(ts.dir, false)
	if err != nil {
		t.Fatal(err)
	}
	budi, siti := ts.login("budi"), ts.login("siti")
	resp, body := budi.post("/_redaksi/save", url.Values{"file": {budiDraft}, "hash": {ts.hash(budiDraft)}, "action": {"review"}, "body": {"Budi memperbaiki draf.\n"}})
	if resp.StatusCode != http.StatusSeeOther {
		t.Fatalf("submit: %s\n%s", resp.Status, body)
	}
	resp, body = siti.post("/_redaksi/approve", url.Values{"file": {budiDraft}, "hash": {ts.hash(budiDraft)}})
	if resp.StatusCode != http.StatusSeeOther {
		t.Fatalf("approve: %s\n%s", resp.Status, body)
	}
	log, err := repo.Log(&git.LogOptions{})
	if err != nil {
		t.Fatal(err)
	}
	var commits []string
	_ = log.ForEach(func(c *object.Commit) error {
		commits = append(commits, c.Author.Name+" <"+c.Author.Email+">: "+strings.SplitN(c.Message, "\n", 2)[0])
		return nil
	})
	if len(commits) < 2 { // the first keeps the fixture, written outside the newsroom
		t.Fatalf("commits: %q", commits)
	}
	if !strings.HasPrefix(commits[0], "Siti Rahma <siti@redaksi>: ") || !strings.Contains(commits[0], "disetujui oleh Siti Rahma, penulis Budi Santoso") {
		t.Errorf("the approval's commit: %s", commits[0])
	}
	if !strings.HasPrefix(commits[1], "Budi Santoso <budi@redaksi>: ") {
		t.Errorf("the writer's commit: %s", commits[1])
	}
}

// TestTeamRefusedSubmitIsLogged: a page with errors sent to review is
// kept as a draft (save.go) and the trail says so.
func TestTeamRefusedSubmitIsLogged(t *testing.T) {
	ts := startTeam(t, "team.txtar")
	budi := ts.login("budi")
	resp, body := budi.post("/_redaksi/save", url.Values{"file": {budiDraft}, "hash": {ts.hash(budiDraft)}, "action": {"review"},
		"f.title": {""}, "body": {"Tanpa judul.\n"}})
	if resp.StatusCode == http.StatusSeeOther || resp.StatusCode == http.StatusForbidden {
		t.Fatalf("a page without a title sent to review: %s\n%s", resp.Status, body)
	}
	page := ts.read(budiDraft)
	if strings.Contains(page, "review: true") || !strings.Contains(page, "Tanpa judul.") {
		t.Fatalf("the page after a refused submit:\n%s", page)
	}
	entries, _ := ts.a.Audit().Read(auth.Filter{File: budiDraft})
	if len(entries) != 1 || entries[0].Who != "budi" || entries[0].Action != "save" || !strings.Contains(entries[0].Detail, "not sent to review") {
		t.Errorf("the trail: %+v", entries)
	}
}

// TestTeamAuditFilter: the admin's trail filters by person, action, part
// of a file and dates (whole days in the site's time zone), newest first.
func TestTeamAuditFilter(t *testing.T) {
	ts := startTeam(t, "team.txtar")
	jakarta, err := time.LoadLocation("Asia/Jakarta")
	if err != nil {
		t.Skipf("no time zone data: %v", err)
	}
	for _, e := range []auth.Entry{
		{Time: time.Date(2026, 7, 1, 23, 30, 0, 0, jakarta), Who: "budi", Action: "save", File: "content/berita/a.md"},
		{Time: time.Date(2026, 7, 2, 8, 0, 0, 0, jakarta), Who: "budi", Action: "submit", File: "content/berita/a.md"},
		{Time: time.Date(2026, 7, 3, 0, 10, 0, 0, jakarta), Who: "siti", Action: "approve", File: "content/berita/a.md"},
		{Time: time.Date(2026, 7, 3, 9, 0, 0, 0, jakarta), Who: "siti", Action: "approve", File: "content/galeri/b/index.md"},
	} {
		if err := ts.a.Audit().Log(e); err != nil {
			t.Fatal(err)
		}
	}
	adm := ts.login("adm")
	rows := regexp.MustCompile(`<td class="who">([^<]*)</td><td class="act">([^<]*)</td><td>(?:<code>([^<]*)</code>)?</td>`)
	for query, want := range map[string]string{
		"from=2026-07-02&to=2026-07-02":  "budi submit content/berita/a.md",
		"from=2026-07-01&to=2026-07-02":  "budi submit content/berita/a.md; budi save content/berita/a.md",
		"who=siti&file=berita":           "siti approve content/berita/a.md",
		"action=approve&from=2026-07-03": "siti approve content/galeri/b/index.md; siti approve content/berita/a.md",
	} {
		code, page := adm.get("/_redaksi/audit?" + query)
		if code != http.StatusOK {
			t.Fatalf("%s: %d", query, code)
		}
		var got []string
		for _, m := range rows.FindAllStringSubmatch(page, -1) {
			if m[2] == "login" {
				continue
			}
			got = append(got, m[1]+" "+m[2]+" "+m[3])
		}
		if strings.Join(got, "; ") != want {
			t.Errorf("%s:\n got %s\nwant %s", query, strings.Join(got, "; "), want)
		}
	}
}

// TestTeamChangePassword: a person changes their own password in the
// newsroom; the current one is checked, the new one typed twice and long
// enough; their other sessions end, this one stays; the trail says so.
func TestTeamChangePassword(t *testing.T) {
	ts := startTeam(t, "team.txtar")
	here, there := ts.login("budi"), ts.login("budi")
	const fresh = "empat kata yang baru"
	for _, c := range []struct {
		old, new, again string
		want            int
	}{
		{"salah sekali kata sandi", fresh, fresh, http.StatusForbidden},
		{teamPassword, fresh, fresh + "x", http.StatusUnprocessableEntity},
		{teamPassword, "pendek", "pendek", http.StatusUnprocessableEntity},
		{teamPassword, fresh, fresh, http.StatusSeeOther},
	} {
		resp, body := here.post("/_redaksi/password", url.Values{"old": {c.old}, "new": {c.new}, "again": {c.again}})
		if resp.StatusCode != c.want {
			t.Fatalf("old %q new %q: %s, want %d\n%s", c.old, c.new, resp.Status, c.want, body)
		}
	}
	if code, _ := here.get("/_redaksi/mine"); code != http.StatusOK {
		t.Errorf("the session that changed the password: %d", code)
	}
	if code, _ := there.get("/_redaksi/mine"); code != http.StatusSeeOther {
		t.Errorf("another session of the same person: %d, want a way to the login page", code)
	}
	if _, ok := ts.a.Users().Verify("budi", fresh); !ok {
		t.Error("the new password does not log in")
	}
	entries, _ := ts.a.Audit().Read(auth.Filter{Who: "budi", Action: auth.AuditAccountPasswd})
	if len(entries) != 1 {
		t.Errorf("password changes in the trail: %+v", entries)
	}
}

// TestTeamEditorScreens: what each role is offered on a page (hiding is
// a convenience; TestTeamRoles checks the server refuses all the same).
func TestTeamEditorScreens(t *testing.T) {
	ts := startTeam(t, "team.txtar")
	budi, siti := ts.login("budi"), ts.login("siti")
	_, dash := budi.get("/_redaksi/?status=review")
	contains(t, "the dashboard's pages in review", dash, "Laporan Budi untuk Ditinjau", "<td>Budi Santoso</td>", "status-review")
	_, page := budi.get("/_redaksi/edit?file=" + url.QueryEscape(budiReview))
	contains(t, "a writer's page in review", page, "hanya penyunting yang dapat mengubahnya", `class="logout"`, "Budi Santoso")
	for _, hidden := range []string{`value="publish"`, `action="/_redaksi/delete"`, `href="/_redaksi/review"`, `href="/_redaksi/audit"`} {
		if strings.Contains(page, hidden) {
			t.Errorf("a writer is offered %s", hidden)
		}
	}
	_, page = siti.get("/_redaksi/edit?file=" + url.QueryEscape(budiReview))
	contains(t, "an editor's view", page, `value="publish"`, `action="/_redaksi/delete"`, `href="/_redaksi/review"`)
	if strings.Contains(page, "hanya penyunting yang dapat mengubahnya") || strings.Contains(page, `href="/_redaksi/audit"`) {
		t.Error("an editor is told the page is locked, or offered the audit trail")
	}
}
