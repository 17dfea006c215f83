package auth

import (
	"io"
	"net/http"
	"net/http/cookiejar"
	"net/http/httptest"
	"net/url"
	"strings"
	"testing"
	"time"
)

// office is a newsroom stand-in behind Middleware, on a real loopback
// server: one route per action, guarded by RequireAction, and a page that
// says who is logged in.
type office struct {
	t     *testing.T
	dir   string
	clock *clock
	auth  *Auth
	srv   *httptest.Server
}

func newOffice(t *testing.T, loopbackNoAccounts bool) *office {
	t.Helper()
	o := &office{t: t, dir: t.TempDir(), clock: newClock()}
	o.srv = httptest.NewUnstartedServer(nil)
	host := o.srv.Listener.Addr().String()
	var err error
	o.auth, err = Open(Config{SiteDir: o.dir, Hosts: HostsFor(host), Loopback: loopbackNoAccounts, Params: fast, Now: o.clock.Now, Lang: "en"})
	if err != nil {
		t.Fatal(err)
	}
	mux := http.NewServeMux()
	mux.HandleFunc("/_redaksi/", func(w http.ResponseWriter, r *http.Request) {
		s := FromContext(r.Context())
		io.WriteString(w, "halo "+s.User+" "+string(s.Role)+" csrf="+s.CSRF)
	})
	for _, a := range Actions {
		mux.Handle("/_redaksi/act/"+string(a), o.auth.RequireAction(a, http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
			o.auth.Log(r, string(a), "content/berita/x.md", "")
			io.WriteString(w, "done "+string(a))
		})))
	}
	mux.HandleFunc("/_redaksi/sandi", func(w http.ResponseWriter, r *http.Request) {
		if err := o.auth.ChangePassword(r, r.PostFormValue("old"), r.PostFormValue("new")); err != nil {
			http.Error(w, err.Error(), http.StatusForbidden)
			return
		}
		io.WriteString(w, "changed")
	})
	o.srv.Config.Handler = o.auth.Middleware(mux)
	o.srv.Start()
	t.Cleanup(o.srv.Close)
	return o
}

func (o *office) add(name string, role Role) {
	o.t.Helper()
	if err := o.auth.Users().Add(name, "", role, name+"-kata-sandi"); err != nil {
		o.t.Fatal(err)
	}
}

// browser is one person's browser: a cookie jar, no automatic redirects,
// and the Origin header browsers send with changes.
type browser struct {
	o      *office
	c      *http.Client
	csrf   string
	origin string
}

func (o *office) browser() *browser {
	jar, _ := cookiejar.New(nil)
	return &browser{o: o, origin: o.srv.URL, c: &http.Client{Jar: jar, CheckRedirect: func(*http.Request, []*http.Request) error { return http.ErrUseLastResponse }}}
}

func (b *browser) do(method, path string, form url.Values, hdr map[string]string) (int, string, *http.Response) {
	b.o.t.Helper()
	var body io.Reader
	if form != nil {
		body = strings.NewReader(form.Encode())
	}
	if raw, ok := hdr["X-Body"]; ok {
		body = strings.NewReader(raw)
	}
	req, _ := http.NewRequest(method, b.o.srv.URL+path, body)
	if form != nil {
		req.Header.Set("Content-Type", "application/x-www-form-urlencoded")
	}
	if method != http.MethodGet && b.origin != "" {
		req.Header.Set("Origin", b.origin)
	}
	for k, v := range hdr {
		if k == "X-Body" {
			continue
		}
		if k == "Host" {
			req.Host = v
			continue
		}
		req.Header.Set(k, v)
	}
	res, err := b.c.Do(req)
	if err != nil {
		b.o.t.Fatal(err)
	}
	defer res.Body.Close()
	data, _ := io.ReadAll(res.Body)
	return res.StatusCode, string(data), res
}

// login logs in through the form, as a person does.
func (b *browser) login(name, password string) (int, string) {
	b.o.t.Helper()
	code, page, _ := b.do("GET", "/_redaksi/masuk", nil, nil)
	if code != 200 {
		b.o.t.Fatalf("login page: %d %s", code, page)
	}
	token := between(page, `name="csrf" value="`, `"`)
	code, page, res := b.do("POST", "/_redaksi/masuk", url.Values{"name": {name}, "password": {password}, "csrf": {token}, "next": {"/_redaksi/"}}, nil)
	if code == http.StatusSeeOther {
		if loc := res.Header.Get("Location"); loc != "/_redaksi/" {
			b.o.t.Fatalf("redirect after login to %q", loc)
		}
		_, home, _ := b.do("GET", "/_redaksi/", nil, nil)
		b.csrf = between(home, "csrf=", "\n")
	}
	return code, page
}

func between(s, a, b string) string {
	_, after, ok := strings.Cut(s, a)
	if !ok {
		return ""
	}
	v, _, _ := strings.Cut(after, b)
	return v
}

func (b *browser) act(a Action) int {
	code, _, _ := b.do("POST", "/_redaksi/act/"+string(a), url.Values{"csrf": {b.csrf}}, nil)
	return code
}

func TestHTTPRoleActionMatrix(t *testing.T) {
	o := newOffice(t, false)
	for _, r := range Roles {
		o.add("orang-"+string(r), r)
	}
	for _, r := range Roles {
		b := o.browser()
		if code, page := b.login("orang-"+string(r), "orang-"+string(r)+"-kata-sandi"); code != http.StatusSeeOther {
			t.Fatalf("%s cannot log in: %d %s", r, code, page)
		}
		for _, a := range Actions {
			want := http.StatusForbidden
			if Can(r, a, false) {
				want = http.StatusOK
			}
			if got := b.act(a); got != want {
				t.Errorf("%s %s over HTTP: %d, want %d", r, a, got, want)
			}
		}
	}
	// The audit log names who did what.
	got, _ := o.auth.Audit().Read(Filter{Who: "orang-admin", Action: string(ManageAccounts)})
	if len(got) != 1 || got[0].Addr != "127.0.0.1" || got[0].File != "content/berita/x.md" {
		t.Fatalf("audit: %+v", got)
	}
	if got, _ := o.auth.Audit().Read(Filter{Who: "orang-penulis", Action: string(Approve)}); len(got) != 0 {
		t.Fatal("a refused approval was carried out")
	}
}

func TestHTTPNoSession(t *testing.T) {
	o := newOffice(t, false)
	o.add("siti", Admin)
	b := o.browser()
	code, _, res := b.do("GET", "/_redaksi/berita?x=1", nil, nil)
	if code != http.StatusSeeOther || res.Header.Get("Location") != "/_redaksi/masuk?next=%2F_redaksi%2Fberita%3Fx%3D1" {
		t.Fatalf("no session: %d %q", code, res.Header.Get("Location"))
	}
	if code := b.act(Edit); code != http.StatusUnauthorized {
		t.Fatalf("change without session: %d", code)
	}
	// The secret of loopback mode opens nothing when there are accounts.
	code, _, _ = b.do("GET", "/_redaksi/?k="+o.auth.RunSecret(), nil, nil)
	if code != http.StatusSeeOther {
		t.Fatalf("secret with accounts: %d", code)
	}
	if code, _, _ := b.do("GET", "/_redaksi/", nil, nil); code != http.StatusSeeOther {
		t.Fatal("the run secret logged someone in although accounts exist")
	}
}

func TestHTTPLoginCookie(t *testing.T) {
	o := newOffice(t, false)
	o.add("siti", Penyunting)
	b := o.browser()
	b.do("GET", "/_redaksi/masuk", nil, nil)
	code, page := b.login("siti", "siti-kata-sandi")
	if code != http.StatusSeeOther {
		t.Fatalf("login: %d %s", code, page)
	}
	u, _ := url.Parse(o.srv.URL)
	var sess *http.Cookie
	for _, c := range b.c.Jar.Cookies(u) {
		if c.Name == "warta_sesi" {
			sess = c
		}
	}
	if sess == nil {
		t.Fatal("no session cookie")
	}
	// The jar hides attributes; read them from a fresh login's header.
	b2 := o.browser()
	_, p2, _ := b2.do("GET", "/_redaksi/masuk", nil, nil)
	_, _, res := b2.do("POST", "/_redaksi/masuk", url.Values{"name": {"siti"}, "password": {"siti-kata-sandi"}, "csrf": {between(p2, `name="csrf" value="`, `"`)}}, nil)
	var set string
	for _, h := range res.Header.Values("Set-Cookie") {
		if strings.HasPrefix(h, "warta_sesi=") {
			set = h
		}
	}
	for _, want := range []string{"HttpOnly", "SameSite=Strict", "Path=/"} {
		if !strings.Contains(set, want) {
			t.Errorf("session cookie %q lacks %s", set, want)
		}
	}
	if _, ok := ParseSessionID(sess.Value); !ok {
		t.Fatalf("cookie value %q is not a session id", sess.Value)
	}
}

func TestHTTPSecureCookieName(t *testing.T) {
	a, err := Open(Config{SiteDir: t.TempDir(), Hosts: []string{"redaksi.kantor"}, Secure: true, Params: fast})
	if err != nil {
		t.Fatal(err)
	}
	rec := httptest.NewRecorder()
	a.setCookie(rec, sessionCookie, "x", 0)
	h := rec.Header().Get("Set-Cookie")
	if !strings.HasPrefix(h, "__Host-warta_sesi=") || !strings.Contains(h, "Secure") || strings.Contains(h, "Domain") {
		t.Fatalf("cookie under TLS: %q", h)
	}
}

func TestHTTPWrongPasswordAndLockout(t *testing.T) {
	o := newOffice(t, false)
	o.add("siti", Penulis)
	b := o.browser()
	for i := 1; i < MaxFailures; i++ {
		code, page := b.login("siti", "bukan-sandinya")
		if code != http.StatusUnauthorized || !strings.Contains(page, "wrong") {
			t.Fatalf("try %d: %d %s", i, code, page)
		}
	}
	code, page := b.login("siti", "bukan-sandinya")
	if code != http.StatusTooManyRequests || !strings.Contains(page, "locked until 08:15") {
		t.Fatalf("fifth failure: %d %s", code, page)
	}
	// Locked: even the right password waits.
	if code, _ := b.login("siti", "siti-kata-sandi"); code != http.StatusTooManyRequests {
		t.Fatalf("right password while locked: %d", code)
	}
	// An unknown name behaves the same as a known one.
	c2 := o.browser()
	o.auth.Limiter().Succeed("x") // nothing to forget; the address is locked anyway
	if code, page := c2.login("tidak-ada", "apa-saja-panjang"); code != http.StatusTooManyRequests {
		t.Fatalf("same address, other name: %d %s", code, page)
	}
	o.clock.Add(Lockout)
	if code, page := b.login("siti", "siti-kata-sandi"); code != http.StatusSeeOther {
		t.Fatalf("after the lockout: %d %s", code, page)
	}
	fails, _ := o.auth.Audit().Read(Filter{Action: AuditLoginFailed})
	locked, _ := o.auth.Audit().Read(Filter{Action: AuditLoginLocked})
	logins, _ := o.auth.Audit().Read(Filter{Action: AuditLogin})
	if len(fails) != MaxFailures || len(locked) != 2 || len(logins) != 1 {
		t.Fatalf("audit: %d failed, %d locked, %d logins", len(fails), len(locked), len(logins))
	}
}

func TestHTTPRefusals(t *testing.T) {
	o := newOffice(t, false)
	o.add("siti", Admin)
	b := o.browser()
	b.login("siti", "siti-kata-sandi")
	form := url.Values{"csrf": {b.csrf}}
	cases := []struct {
		name string
		form url.Values
		hdr  map[string]string
		orig string
		want int
	}{
		{"ok", form, nil, b.origin, 200},
		{"no token", url.Values{}, nil, b.origin, 403},
		{"wrong token", url.Values{"csrf": {otherToken(b.csrf)}}, nil, b.origin, 403},
		{"token in header", url.Values{}, map[string]string{CSRFHeader: b.csrf}, b.origin, 200},
		{"multipart, token in body only", nil, map[string]string{"Content-Type": "multipart/form-data; boundary=x", "X-Body": "--x\r\nContent-Disposition: form-data; name=\"csrf\"\r\n\r\n" + b.csrf + "\r\n--x--\r\n"}, b.origin, 403},
		{"other origin", form, nil, "http://evil.example", 403},
		{"https origin on http", form, nil, strings.Replace(b.origin, "http:", "https:", 1), 403},
		{"null origin", form, nil, "null", 403},
		{"no origin, same referer", form, map[string]string{"Referer": b.origin + "/_redaksi/"}, "", 200},
		{"no origin, other referer", form, map[string]string{"Referer": "http://evil.example/x"}, "", 403},
		{"no origin nor referer", form, nil, "", 403},
		{"cross-site fetch", form, map[string]string{"Sec-Fetch-Site": "cross-site"}, b.origin, 403},
		{"rebinding host", form, map[string]string{"Host": "evil.example:80"}, "http://evil.example:80", 421},
	}
	for _, tc := range cases {
		b.origin = tc.orig
		code, body, _ := b.do("POST", "/_redaksi/act/edit", tc.form, tc.hdr)
		if code != tc.want {
			t.Errorf("%s: %d %s, want %d", tc.name, code, body, tc.want)
		}
	}
	b.origin = o.srv.URL
	// Uploads carry the token in the address or a header.
	mp := map[string]string{"Content-Type": "multipart/form-data; boundary=x", "X-Body": "--x--\r\n"}
	if code, body, _ := b.do("POST", "/_redaksi/act/upload?csrf="+url.QueryEscape(b.csrf), nil, mp); code != 200 {
		t.Errorf("multipart with the token in the address: %d %s", code, body)
	}
	// A page read with a foreign Host is refused too (DNS rebinding reads).
	if code, _, _ := b.do("GET", "/_redaksi/", nil, map[string]string{"Host": "evil.example"}); code != 421 {
		t.Fatalf("GET with foreign Host: %d", code)
	}
	// Login from another origin is refused before any password is checked.
	code, _, _ := b.do("POST", "/_redaksi/masuk", url.Values{"name": {"siti"}}, map[string]string{"Origin": "http://evil.example"})
	if code != 403 {
		t.Fatalf("cross-origin login: %d", code)
	}
	// A login form without its cookie (posted from elsewhere) is refused.
	c := o.browser()
	code, _, _ = c.do("POST", "/_redaksi/masuk", url.Values{"name": {"siti"}, "password": {"siti-kata-sandi"}, "csrf": {"x"}}, nil)
	if code != 403 {
		t.Fatalf("login without its cookie: %d", code)
	}
}

func TestHTTPLogoutAndExpiry(t *testing.T) {
	o := newOffice(t, false)
	o.add("siti", Penyunting)
	b := o.browser()
	b.login("siti", "siti-kata-sandi")
	// Logout needs the token: a link elsewhere cannot log people out.
	if code, _, _ := b.do("POST", "/_redaksi/keluar", url.Values{}, nil); code != 403 {
		t.Fatalf("logout without token: %d", code)
	}
	if code, _, _ := b.do("GET", "/_redaksi/keluar", nil, nil); code != 405 {
		t.Fatalf("logout by GET: %d", code)
	}
	if code, _, _ := b.do("POST", "/_redaksi/keluar", url.Values{"csrf": {b.csrf}}, nil); code != http.StatusSeeOther {
		t.Fatalf("logout: %d", code)
	}
	if code := b.act(View); code != http.StatusUnauthorized {
		t.Fatalf("after logout: %d", code)
	}
	b.login("siti", "siti-kata-sandi")
	o.clock.Add(DefaultIdle - time.Minute)
	if code := b.act(View); code != 200 {
		t.Fatalf("before idle expiry: %d", code)
	}
	o.clock.Add(DefaultIdle)
	if code := b.act(View); code != http.StatusUnauthorized {
		t.Fatalf("after idle expiry: %d", code)
	}
	if got, _ := o.auth.Audit().Read(Filter{Action: AuditLogout}); len(got) != 1 || got[0].Who != "siti" {
		t.Fatalf("logout audit: %+v", got)
	}
}

func TestHTTPPasswordChangeEndsOtherSessions(t *testing.T) {
	o := newOffice(t, false)
	o.add("siti", Penulis)
	o.add("budi", Penulis)
	desk, phone, budi := o.browser(), o.browser(), o.browser()
	desk.login("siti", "siti-kata-sandi")
	phone.login("siti", "siti-kata-sandi")
	budi.login("budi", "budi-kata-sandi")
	code, body, _ := desk.do("POST", "/_redaksi/sandi", url.Values{"csrf": {desk.csrf}, "old": {"siti-kata-sandi"}, "new": {"sandi-baru-siti-2026"}}, nil)
	if code != 200 {
		t.Fatalf("change: %d %s", code, body)
	}
	if desk.act(View) != 200 {
		t.Fatal("the session that changed the password ended")
	}
	if phone.act(View) != http.StatusUnauthorized {
		t.Fatal("the other session survived the password change")
	}
	if budi.act(View) != 200 {
		t.Fatal("someone else's session ended")
	}
	// The same from the terminal (another process): every session ends.
	other := mustUsers(t, o.dir, o.clock)
	if _, err := other.SetPassword("budi", "sandi-baru-budi-2026"); err != nil {
		t.Fatal(err)
	}
	if budi.act(View) != http.StatusUnauthorized {
		t.Fatal("a password changed with warta users left the session open")
	}
	// Removing an account ends its sessions.
	if err := other.Remove("siti"); err != nil {
		t.Fatal(err)
	}
	if desk.act(View) != http.StatusUnauthorized {
		t.Fatal("a removed account's session is open")
	}
	// Made again under the same name, it does not inherit old sessions.
	keep := o.browser()
	keep.login("budi", "sandi-baru-budi-2026")
	if err := other.Remove("budi"); err != nil {
		t.Fatal(err)
	}
	o.add("budi", Penulis)
	if keep.act(View) != http.StatusUnauthorized {
		t.Fatal("a new account of the same name took over an old session")
	}
}

func TestHTTPOpenMode(t *testing.T) {
	o := newOffice(t, true)
	if !o.auth.OpenMode() {
		t.Fatal("not in open mode")
	}
	b := o.browser()
	if code, _, _ := b.do("GET", "/_redaksi/", nil, nil); code != 403 {
		t.Fatalf("without the secret: %d", code)
	}
	if code, _, _ := b.do("GET", "/_redaksi/?k=salah", nil, nil); code != 403 {
		t.Fatalf("wrong secret: %d", code)
	}
	entry := o.auth.EntryURL(o.srv.URL)
	u, _ := url.Parse(entry)
	code, _, res := b.do("GET", u.RequestURI(), nil, nil)
	if code != http.StatusSeeOther || strings.Contains(res.Header.Get("Location"), SecretParam+"=") {
		t.Fatalf("with the secret: %d %q", code, res.Header.Get("Location"))
	}
	_, home, _ := b.do("GET", "/_redaksi/", nil, nil)
	if !strings.HasPrefix(home, "halo lokal admin") {
		t.Fatalf("home: %q", home)
	}
	b.csrf = between(home, "csrf=", "\n")
	if b.act(Approve) != 200 {
		t.Fatal("the local person cannot approve")
	}
	// CSRF and Origin are still checked.
	b.origin = "http://evil.example"
	if b.act(Approve) != 403 {
		t.Fatal("cross-origin change accepted in open mode")
	}
	b.origin = o.srv.URL
	// Once an account exists, the local session ends.
	o.add("siti", Admin)
	if code := b.act(View); code != http.StatusUnauthorized {
		t.Fatalf("local session after an account was made: %d", code)
	}
}

func TestSafeNext(t *testing.T) {
	a := &Auth{cfg: Config{Base: "/_redaksi/"}}
	for in, want := range map[string]string{
		"/_redaksi/berita":          "/_redaksi/berita",
		"/_redaksi/berita?x=1":      "/_redaksi/berita?x=1",
		"//evil.example/_redaksi/":  "/_redaksi/",
		"https://evil.example/":     "/_redaksi/",
		"/_redaksi/\\evil":          "/_redaksi/",
		"/lain":                     "/_redaksi/",
		"/_redaksi/masuk":           "/_redaksi/",
		"":                          "/_redaksi/",
		"/_redaksi/x\r\nSet-Cookie": "/_redaksi/",
	} {
		if got := a.safeNext(in); got != want {
			t.Errorf("safeNext(%q) = %q, want %q", in, got, want)
		}
	}
}

func TestClientAddrBehindProxy(t *testing.T) {
	proxies, _ := ParseProxies("127.0.0.1, 10.0.0.0/8")
	a := &Auth{cfg: Config{TrustedProxies: proxies}}
	r := httptest.NewRequest("GET", "/", nil)
	r.RemoteAddr = "127.0.0.1:5000"
	r.Header.Set("X-Forwarded-For", "6.6.6.6, 192.168.1.20, 10.0.0.2")
	if got := a.ClientAddr(r); got != "192.168.1.20" {
		t.Fatalf("behind proxy: %s", got)
	}
	r.RemoteAddr = "192.168.1.30:5000" // not a proxy: its header is not believed
	if got := a.ClientAddr(r); got != "192.168.1.30" {
		t.Fatalf("direct: %s", got)
	}
}

// otherToken changes the last character of a token so that it is always
// a different token (a fixed replacement would equal the token one time
// in 64).
func otherToken(tok string) string {
	last := "A"
	if strings.HasSuffix(tok, "A") {
		last = "B"
	}
	return tok[:len(tok)-1] + last
}
