package newsroom_test

import (
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/chromedp"
	"github.com/chromedp/chromedp/kb"

	"github.com/dinsos-metro/warta"
	"github.com/dinsos-metro/warta/internal/auth"
	"github.com/dinsos-metro/warta/internal/build"
	"github.com/dinsos-metro/warta/internal/publish"
)

// TestTeamWorkflow is issue 14's path in a real browser: a writer logs
// in, writes a report and sends it to review; an editor returns it with a
// comment; the writer sees the comment, fixes the report and sends it
// again; the editor sees the change and approves it; the report is in the
// built site; the admin's audit trail shows each step with the right
// names. The screenshots are the guide's (WARTA_GUIDE_SHOTS, see shot).
func TestTeamWorkflow(t *testing.T) {
	ctx := browser(t)
	ts := startTeam(t, "team.txtar")
	const title = "Pelatihan Kader Perlindungan Anak di Metro Barat"
	file := "content/berita/2025-09-10-pelatihan-kader-perlindungan-anak-di-metro-barat.md"
	item := `.review[data-file="` + file + `"]` // the fixture has another page in review

	login := func(name, shotName string) {
		t.Helper()
		run(t, ctx, "open the newsroom", chromedp.Navigate(ts.base+"/_redaksi/"))
		waitJS(t, ctx, "the login page", `!!document.querySelector('input[name=password]')`)
		run(t, ctx, "name and password",
			chromedp.SendKeys(chromedp.CSS(`#name`), name),
			chromedp.SendKeys(chromedp.CSS(`#password`), teamPassword),
		)
		if shotName != "" {
			teamShot(t, ctx, shotName, "main")
		}
		submit(t, ctx, "log in as "+name, `main form button[type=submit]`, `a[href="/_redaksi/new?kind=news"]`)
	}
	logout := func() {
		t.Helper()
		submit(t, ctx, "log out", `form.logout button`, `input[name=password]`)
	}

	// The writer writes and sends to review.
	login("budi", "team-01-masuk")
	submit(t, ctx, "new report", `a[href="/_redaksi/new?kind=news"]`, `#n-title`)
	run(t, ctx, "title and date",
		chromedp.SendKeys(chromedp.CSS(`#n-title`), title),
		chromedp.SetValue(chromedp.CSS(`#n-date`), "2025-09-10"),
	)
	submit(t, ctx, "create", `main form button[type=submit]`, `#body`)
	run(t, ctx, "fields and text",
		chromedp.SendKeys(chromedp.CSS(`#f-location`), "Aula Kecamatan Metro Barat"),
		chromedp.SetValue(chromedp.CSS(`#f-district`), "Metro Barat"),
		chromedp.SendKeys(chromedp.CSS(`#f-program`), "Kader Perlindungan Anak"),
		chromedp.Click(chromedp.CSS(`#body`)),
		chromedp.SendKeys(chromedp.CSS(`#body`), "Kader dari lima kelurahan berlatih mengenali tanda kekerasan pada anak."),
	)
	submit(t, ctx, "send to review", `button[value=review]`, `#notice .ok`)
	teamShot(t, ctx, "team-02-terkirim", ".edit-head")
	if page := ts.read(file); !strings.Contains(page, "review: true") || !strings.Contains(page, "writer: budi") {
		t.Fatalf("sent to review, the page says:\n%s", page)
	}
	logout()

	// The editor returns it with a comment.
	login("siti", "")
	submit(t, ctx, "the review queue", `nav a[href="/_redaksi/review"]`, `.review`)
	teamShot(t, ctx, "team-03-antrean", "main")
	run(t, ctx, "the comment",
		chromedp.SendKeys(chromedp.CSS(item+` textarea[name=note]`), "Tulis berapa kader yang ikut dan siapa pelatihnya."),
	)
	submit(t, ctx, "return", item+` form.return button`, `.message`)
	page := ts.read(file)
	if !strings.Contains(page, "review_note:") || strings.Contains(page, "review: true") {
		t.Fatalf("returned, the page says:\n%s", page)
	}
	logout()

	// The writer sees the comment, fixes the report, sends it again.
	login("budi", "")
	submit(t, ctx, "my pages", `nav a[href="/_redaksi/mine"]`, `.mine`)
	waitJS(t, ctx, "the comment in my pages", `document.querySelector('.mine').textContent.includes('berapa kader')`)
	submit(t, ctx, "open the report", `.mine a[href*="pelatihan-kader"]`, `#body`)
	waitJS(t, ctx, "the comment on the page", `(document.querySelector('.review-note') || {textContent: ''}).textContent.includes('berapa kader')`)
	teamShot(t, ctx, "team-04-dikembalikan", ".review-note")
	run(t, ctx, "the fix",
		chromedp.Click(chromedp.CSS(`#body`)),
		chromedp.KeyEvent(kb.End, chromedp.KeyModifiers(chromedp.ModifierCtrl)),
		chromedp.SendKeys(chromedp.CSS(`#body`), kb.Enter+kb.Enter+"Sebanyak 32 kader ikut, dilatih oleh dua pekerja sosial Dinas Sosial."),
	)
	submit(t, ctx, "send again", `button[value=review]`, `#notice .ok`)
	logout()

	// The editor sees what changed and approves.
	login("siti", "")
	submit(t, ctx, "the review queue again", `nav a[href="/_redaksi/review"]`, `.review`)
	waitJS(t, ctx, "the change in the queue", `document.querySelector(`+jsString(item+` .diff`)+`).textContent.includes('Sebanyak 32 kader')`)
	submit(t, ctx, "approve", item+` button.approve`, `.message`)
	teamShot(t, ctx, "team-05-disetujui", "main")
	page = ts.read(file)
	if !strings.Contains(page, "draft: false") || strings.Contains(page, "review") {
		t.Fatalf("approved, the page says:\n%s", page)
	}
	logout()

	// The report is in the built site.
	mem := publish.NewMemory()
	root, err := os.OpenRoot(ts.dir)
	if err != nil {
		t.Fatal(err)
	}
	defer root.Close()
	res, err := build.Build(context.Background(), build.Options{Source: root.FS(), Theme: warta.Theme, Sink: mem, Dir: ts.dir})
	if err != nil {
		t.Fatalf("build: %v\n%s", err, res.Diags.Format("en"))
	}
	out, ok := mem.Get("berita/pelatihan-kader-perlindungan-anak-di-metro-barat/index.html")
	if !ok {
		t.Fatalf("the report is not in the build: %v", mem.Names())
	}
	contains(t, "the built page", string(out), title, "Sebanyak 32 kader ikut")
	if strings.Contains(string(out), "berapa kader") {
		t.Error("the editor's comment reached the public page")
	}

	// The admin reads the trail.
	login("adm", "")
	submit(t, ctx, "the audit trail", `nav a[href="/_redaksi/audit"]`, `table.audit`)
	run(t, ctx, "filter by file", chromedp.SendKeys(chromedp.CSS(`#a-file`), "pelatihan-kader"))
	submit(t, ctx, "filter", `form.filters button`, `table.audit`)
	teamShot(t, ctx, "team-06-audit", "main")
	steps, err := chromedp.Run(ctx, chromedp.Evaluate[string](
		`[...document.querySelectorAll('table.audit tbody tr')].reverse().map(r => r.querySelector('.who').textContent + ':' + r.querySelector('.act').textContent).join(' ')`))
	if err != nil {
		t.Fatal(err)
	}
	if want := "budi:create budi:submit siti:return budi:submit siti:approve"; steps != want {
		t.Errorf("the audit trail shows %q, want %q", steps, want)
	}
	entries, _ := ts.a.Audit().Read(auth.Filter{Action: "login"})
	if len(entries) < 5 {
		t.Errorf("%d logins in the audit log, want 5", len(entries))
	}
}

// teamShot is shot, tried again while chromedp still holds the nodes of
// the page before (the screenshot is taken right after a navigation).
func teamShot(t *testing.T, ctx context.Context, name, sel string) {
	t.Helper()
	dir := os.Getenv("WARTA_GUIDE_SHOTS")
	if dir == "" {
		return
	}
	var png []byte
	var err error
	for try := 0; try < 10; try++ {
		if png, err = chromedp.Run(ctx, chromedp.Screenshot(chromedp.CSS(sel))); err == nil {
			break
		}
		time.Sleep(300 * time.Millisecond)
	}
	if err != nil {
		t.Fatalf("screenshot %s: %v", name, err)
	}
	if err := os.WriteFile(filepath.Join(dir, name+".png"), png, 0o644); err != nil {
		t.Fatal(err)
	}
}
