package newsroom_test

import (
	"net/http"
	"net/url"
	"strings"
	"testing"

	"github.com/chromedp/chromedp"

	"github.com/dinsos-metro/warta/internal/auth"
)

// loginWith tries name's login with password, as the login page does,
// and tells whether it was let in.
func (ts *teamSite) loginWith(name, password string) bool {
	ts.t.Helper()
	p := &person{ts: ts, name: name, c: newClient()}
	_, page := p.get("/_redaksi/masuk")
	m := loginToken.FindStringSubmatch(page)
	if m == nil {
		ts.t.Fatalf("login page:\n%s", page)
	}
	resp, _ := p.post("/_redaksi/masuk", url.Values{"csrf": {m[1]}, "name": {name}, "password": {password}, "next": {"/_redaksi/"}})
	return resp.StatusCode == http.StatusSeeOther
}

// The admin keeps the accounts in the newsroom: adds one, changes a
// role, sets a new password, removes one; every change takes effect and
// is on record. Nobody else may, and nobody changes their own account
// here.
func TestAccountsPage(t *testing.T) {
	ts := startTeam(t, "team.txtar")
	adm := ts.login("adm")
	code, page := adm.get("/_redaksi/accounts")
	if code != http.StatusOK {
		t.Fatalf("accounts page: %d\n%s", code, page)
	}
	for _, want := range []string{"<code>budi</code>", "Siti Rahma", "<code>adm</code> (Anda)", `action="/_redaksi/accounts/add"`, `href="/_redaksi/accounts"`} {
		if !strings.Contains(page, want) {
			t.Errorf("the accounts page lacks %q", want)
		}
	}
	// Not for editors or writers, by any door.
	for _, name := range []string{"siti", "budi"} {
		p := ts.login(name)
		if code, page := p.get("/_redaksi/accounts"); code != http.StatusForbidden {
			t.Errorf("%s opened the accounts page: %d", name, code)
		} else if _, nav := p.get("/_redaksi/mine"); strings.Contains(nav, `href="/_redaksi/accounts"`) {
			t.Errorf("%s's menu links to the accounts page:\n%s", name, page)
		}
		if resp, _ := p.post("/_redaksi/accounts/add", url.Values{"name": {"peretas"}, "role": {"admin"}, "password": {"kata sandi peretas"}, "again": {"kata sandi peretas"}}); resp.StatusCode != http.StatusForbidden {
			t.Errorf("%s added an account: %s", name, resp.Status)
		}
	}
	// The admin's own session, but a form from another site (no token, or
	// another origin): refused before anything is read.
	if resp, _ := adm.post("/_redaksi/accounts/add", url.Values{"csrf": {"bukan-token"}, "name": {"peretas"}, "role": {"admin"}, "password": {"kata sandi peretas"}, "again": {"kata sandi peretas"}}); resp.StatusCode != http.StatusForbidden {
		t.Errorf("an add without the page's token: %s", resp.Status)
	}
	if ts.loginWith("peretas", "kata sandi peretas") {
		t.Fatal("an account added by an editor, a writer or a forged form exists")
	}

	change := func(what string, form url.Values, wantStatus int, wantText string) {
		t.Helper()
		resp, body := adm.post("/_redaksi/accounts/"+what, form)
		if resp.StatusCode != wantStatus {
			t.Fatalf("%s %v: %s\n%s", what, form, resp.Status, body)
		}
		if wantStatus == http.StatusSeeOther {
			_, body = adm.get(resp.Header.Get("Location"))
		}
		if !strings.Contains(body, wantText) {
			t.Errorf("%s %v: the page does not say %q:\n%s", what, form, wantText, body)
		}
	}
	const pw = "teh manis hangat pagi"
	change("add", url.Values{"name": {"rina"}, "display": {"Rina Wati"}, "role": {"penulis"}, "password": {pw}, "again": {pw + "x"}}, http.StatusUnprocessableEntity, "kedua kata sandi tidak sama")
	change("add", url.Values{"name": {"Rina!"}, "role": {"penulis"}, "password": {pw}, "again": {pw}}, http.StatusUnprocessableEntity, "tidak dapat menjadi nama akun")
	change("add", url.Values{"name": {"rina"}, "role": {"penulis"}, "password": {"pendek"}, "again": {"pendek"}}, http.StatusUnprocessableEntity, "terlalu pendek")
	change("add", url.Values{"name": {"budi"}, "role": {"penulis"}, "password": {pw}, "again": {pw}}, http.StatusUnprocessableEntity, "sudah ada akun bernama budi")
	change("add", url.Values{"name": {"rina"}, "display": {"Rina Wati"}, "role": {"penulis"}, "password": {pw}, "again": {pw}}, http.StatusSeeOther, "akun rina ditambahkan dengan peran penulis")
	if !ts.loginWith("rina", pw) {
		t.Error("rina cannot log in with the password the admin set")
	}

	// budi becomes an editor: his open session gets the review queue.
	budi := ts.login("budi")
	if code, _ := budi.get("/_redaksi/review"); code != http.StatusForbidden {
		t.Fatalf("budi as a writer opened the review queue: %d", code)
	}
	change("role", url.Values{"name": {"budi"}, "role": {"penyunting"}}, http.StatusSeeOther, "akun budi sekarang berperan penyunting")
	if code, _ := budi.get("/_redaksi/review"); code != http.StatusOK {
		t.Errorf("budi as an editor: review queue %d", code)
	}
	change("role", url.Values{"name": {"budi"}, "role": {"raja"}}, http.StatusUnprocessableEntity, `bukan peran; gunakan penulis, penyunting atau admin`)

	// ani forgot her password: the admin sets one; her sessions end.
	ani := ts.login("ani")
	change("passwd", url.Values{"name": {"ani"}, "password": {pw}, "again": {pw}}, http.StatusSeeOther, "ani")
	if code, _ := ani.get("/_redaksi/mine"); code == http.StatusOK {
		t.Error("ani's session outlived the new password")
	}
	if ts.loginWith("ani", teamPassword) || !ts.loginWith("ani", pw) {
		t.Error("ani's old password works, or the new one does not")
	}

	change("remove", url.Values{"name": {"rina"}}, http.StatusSeeOther, "akun rina dihapus")
	if ts.loginWith("rina", pw) {
		t.Error("a removed account can log in")
	}
	change("remove", url.Values{"name": {"tidak-ada"}}, http.StatusUnprocessableEntity, "tidak ada akun bernama tidak-ada")

	// Not one's own account, on any form: the admin could lock themselves out.
	for _, what := range []string{"role", "passwd", "remove"} {
		change(what, url.Values{"name": {"adm"}, "role": {"penulis"}, "password": {pw}, "again": {pw}}, http.StatusUnprocessableEntity, "ini akun Anda sendiri")
	}
	if u, _ := ts.a.Users().Get("adm"); u.Role != auth.Admin {
		t.Errorf("adm's role: %s", u.Role)
	}

	// On record, by the admin.
	entries, err := ts.a.Audit().Read(auth.Filter{Who: "adm"})
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for i := len(entries) - 1; i >= 0; i-- {
		if strings.HasPrefix(entries[i].Action, "account-") {
			got = append(got, entries[i].Action+" "+entries[i].File+" "+entries[i].Detail)
		}
	}
	want := "account-add rina role penulis|account-role budi penulis → penyunting|account-passwd ani |account-remove rina "
	if strings.Join(got, "|") != want {
		t.Errorf("audit:\n%s\nwant\n%s", strings.Join(got, "|"), want)
	}
}

// TestAccountsInBrowser: the admin adds an account, makes a writer an
// editor and sets a forgotten password, clicking and typing in a real
// browser; the new person logs in with the password the admin gave. The
// screenshot is the guide's (WARTA_GUIDE_SHOTS).
func TestAccountsInBrowser(t *testing.T) {
	ctx := browser(t)
	ts := startTeam(t, "team.txtar")
	login := func(name, password string) {
		t.Helper()
		run(t, ctx, "open the newsroom", chromedp.Navigate(ts.base+"/_redaksi/"))
		waitJS(t, ctx, "the login page", `!!document.querySelector('input[name=password]')`)
		run(t, ctx, "name and password",
			chromedp.SendKeys(chromedp.CSS(`#name`), name),
			chromedp.SendKeys(chromedp.CSS(`#password`), password),
		)
		submit(t, ctx, "log in as "+name, `main form button[type=submit]`, `form.logout`)
	}
	login("adm", teamPassword)
	submit(t, ctx, "the accounts page", `nav a[href="/_redaksi/accounts"]`, `table.accounts`)
	const pw = "empat kata mudah diingat"
	run(t, ctx, "the new account",
		chromedp.SendKeys(chromedp.CSS(`#acc-name`), "rina"),
		chromedp.SendKeys(chromedp.CSS(`#acc-display`), "Rina Wati"),
		chromedp.SetValue(chromedp.CSS(`#acc-role`), "penulis"),
		chromedp.SendKeys(chromedp.CSS(`#acc-pw`), pw),
		chromedp.SendKeys(chromedp.CSS(`#acc-pw2`), pw),
	)
	submit(t, ctx, "add", `form[action$="accounts/add"] button`, `.message`)
	waitJS(t, ctx, "rina in the table", `document.querySelector('table.accounts').textContent.includes('Rina Wati')`)

	run(t, ctx, "budi becomes an editor", chromedp.SetValue(chromedp.CSS(`#role-budi`), "penyunting"))
	submit(t, ctx, "change role", `form[action$="accounts/role"]:has(#role-budi) button`, `.message`)
	if u, _ := ts.a.Users().Get("budi"); u.Role != auth.Penyunting {
		t.Errorf("budi's role after the form: %s", u.Role)
	}

	const anis = "kata sandi baru untuk ani"
	run(t, ctx, "ani's new password",
		chromedp.Click(chromedp.CSS(`tr:has(#role-ani) summary`)),
		chromedp.SendKeys(chromedp.CSS(`#pw-ani`), anis),
		chromedp.SendKeys(chromedp.CSS(`#pw2-ani`), anis),
	)
	submit(t, ctx, "set ani's password", `tr:has(#role-ani) form[action$="accounts/passwd"] button`, `.message`)
	// Removing takes two clicks: the button only opens the confirmation.
	run(t, ctx, "open siti's removal", chromedp.Click(chromedp.CSS(`tr:has(#role-siti) td:last-child details:last-of-type summary`)))
	if _, ok := ts.a.Users().Get("siti"); !ok {
		t.Fatal("opening the confirmation removed the account")
	}
	submit(t, ctx, "confirm removal", `tr:has(#role-siti) form[action$="accounts/remove"] button`, `.message`)
	if _, ok := ts.a.Users().Get("siti"); ok {
		t.Error("siti is still there after the confirmed removal")
	}
	teamShot(t, ctx, "team-07-akun", "body")
	submit(t, ctx, "log out", `form.logout button`, `input[name=password]`)

	login("rina", pw)
	if ok := ts.loginWith("ani", anis); !ok {
		t.Error("ani cannot log in with the password the admin set")
	}
}

// On one computer with no account yet, whoever sits there makes the first
// account in the browser instead of a terminal. It must be an admin's;
// once it exists the newsroom asks everyone to log in, that person too.
func TestFirstAccountOnOneComputer(t *testing.T) {
	ts := startTeamWith(t, "team.txtar", nil)
	local, page := ts.atComputer("/_redaksi/accounts")
	for _, want := range []string{"Belum ada akun", `<option value="admin">admin</option>`, `href="/_redaksi/accounts"`} {
		if !strings.Contains(page, want) {
			t.Errorf("the first-account page lacks %q", want)
		}
	}
	if strings.Contains(page, `value="penulis"`) {
		t.Error("the first account is offered a writer's role")
	}
	const pw = "akun pertama di kantor"
	resp, body := local.post("/_redaksi/accounts/add", url.Values{"name": {"budi"}, "role": {"penulis"}, "password": {pw}, "again": {pw}})
	if resp.StatusCode != http.StatusUnprocessableEntity || !strings.Contains(body, "akun pertama adalah akun admin") {
		t.Fatalf("a writer as the first account: %s\n%s", resp.Status, body)
	}
	resp, body = local.post("/_redaksi/accounts/add", url.Values{"name": {"siti"}, "display": {"Siti Rahma"}, "role": {"admin"}, "password": {pw}, "again": {pw}})
	if resp.StatusCode != http.StatusSeeOther {
		t.Fatalf("the first admin: %s\n%s", resp.Status, body)
	}
	// The open door is shut: the next page asks for a login.
	if code, page := local.get("/_redaksi/"); code == http.StatusOK && !strings.Contains(page, `name="password"`) {
		t.Errorf("after the first account, the computer still opens the newsroom without login: %d", code)
	}
	if !ts.loginWith("siti", pw) {
		t.Error("the first admin cannot log in")
	}
	entries, _ := ts.a.Audit().Read(auth.Filter{Action: auth.AuditAccountAdd})
	if len(entries) != 1 || entries[0].File != "siti" || entries[0].Who != auth.LocalUser {
		t.Errorf("the audit log of the first account: %+v", entries)
	}
}
