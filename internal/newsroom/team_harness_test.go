package newsroom_test

import (
	"context"
	"io"
	"net/http"
	"net/http/cookiejar"
	"net/http/httptest"
	"net/url"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"golang.org/x/tools/txtar"

	"github.com/dinsos-metro/warta"
	"github.com/dinsos-metro/warta/internal/auth"
	"github.com/dinsos-metro/warta/internal/build"
	"github.com/dinsos-metro/warta/internal/newsroom"
	"github.com/dinsos-metro/warta/internal/serve"
)

// teamSite is `warta serve` with the team newsroom on a copy of a fixture
// site, with four accounts, on a loopback address.
type teamSite struct {
	t     testing.TB
	dir   string
	base  string
	a     *auth.Auth
	srv   *serve.Server
	team  *newsroom.Team
	files map[string][]byte // the fixture, to put a page back
}

// fastArgon are Argon2id costs small enough for tests (hashes carry their
// costs, so checking works as with the recommended ones).
var fastArgon = auth.Params{Memory: 64, Time: 1, Threads: 1, SaltLen: 16, KeyLen: 32}

type teamAccount struct {
	name, display string
	role          auth.Role
}

const teamPassword = "kata sandi yang panjang"

// The accounts of every team test.
var teamPeople = []teamAccount{
	{"budi", "Budi Santoso", auth.Penulis},
	{"ani", "Ani Lestari", auth.Penulis},
	{"siti", "Siti Rahma", auth.Penyunting},
	{"adm", "Admin Kantor", auth.Admin},
}

func startTeam(t testing.TB, fixture string) *teamSite {
	t.Helper()
	return startTeamWith(t, fixture, teamPeople)
}

// startTeamWith starts the team newsroom with these accounts (none: on
// one computer without accounts).
func startTeamWith(t testing.TB, fixture string, people []teamAccount) *teamSite {
	t.Helper()
	ts := &teamSite{t: t, dir: t.TempDir(), files: map[string][]byte{}}
	ar, err := txtar.ParseFile(filepath.Join("testdata", fixture))
	if err != nil {
		t.Fatal(err)
	}
	for _, f := range ar.Files {
		ts.files[f.Name] = f.Data
		ts.write(f.Name, f.Data)
	}
	users, err := auth.OpenUsers(ts.dir, fastArgon, nil)
	if err != nil {
		t.Fatal(err)
	}
	for _, p := range people {
		if err := users.Add(p.name, p.display, p.role, teamPassword); err != nil {
			t.Fatal(err)
		}
	}
	root, err := os.OpenRoot(ts.dir)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { root.Close() })
	ctx, cancel := context.WithCancel(context.Background())
	t.Cleanup(cancel)
	hs := httptest.NewUnstartedServer(nil) // listens on 127.0.0.1 only
	addr := hs.Listener.Addr().String()
	ts.base = "http://" + addr
	ts.srv, err = serve.New(ctx, serve.Options{
		Build: build.Options{Source: root.FS(), Theme: warta.Theme, Drafts: true, Future: true,
			BaseURL: ts.base + "/", NoMinify: true, Dir: ts.dir},
		Dir: ts.dir, Addr: addr,
	})
	if err != nil {
		t.Fatal(err)
	}
	ts.a, err = auth.Open(auth.Config{SiteDir: ts.dir, Hosts: auth.HostsFor(addr), Loopback: true, Params: fastArgon})
	if err != nil {
		t.Fatal(err)
	}
	nr, err := newsroom.New(newsroom.Options{Dir: ts.dir, Addr: addr, Secret: newsroom.NewSecret(), Site: ts.srv})
	if err != nil {
		t.Fatal(err)
	}
	ts.team = nr.WithAccounts(ts.a)
	ts.srv.Mount(newsroom.Prefix, ts.team)
	hs.Config.Handler = ts.team.Gate(ts.srv.Handler())
	hs.Start()
	t.Cleanup(func() {
		hs.Close()
		nr.Close()
		ts.a.Close()
	})
	return ts
}

func (ts *teamSite) write(rel string, data []byte) {
	ts.t.Helper()
	p := filepath.Join(ts.dir, filepath.FromSlash(rel))
	if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
		ts.t.Fatal(err)
	}
	if err := os.WriteFile(p, data, 0o644); err != nil {
		ts.t.Fatal(err)
	}
}

// reset puts a page of the fixture back as it was.
func (ts *teamSite) reset(rel string) {
	ts.t.Helper()
	ts.write(rel, ts.files[rel])
	ts.srv.Changed(context.Background(), []string{rel})
}

func (ts *teamSite) read(rel string) string {
	ts.t.Helper()
	b, err := os.ReadFile(filepath.Join(ts.dir, filepath.FromSlash(rel)))
	if err != nil {
		return ""
	}
	return string(b)
}

// person is a browser logged in as one account.
type person struct {
	ts   *teamSite
	name string
	c    *http.Client
	csrf string
}

func newClient() *http.Client {
	jar, _ := cookiejar.New(nil)
	return &http.Client{Jar: jar, CheckRedirect: func(*http.Request, []*http.Request) error { return http.ErrUseLastResponse }}
}

var (
	loginToken = regexp.MustCompile(`name="csrf" value="([^"]+)"`)
	metaToken  = regexp.MustCompile(`<meta name="csrf-token" content="([^"]+)">`)
)

// atComputer is whoever sits at the computer running warta with no
// account: they open the address the terminal printed (with the run's
// secret), then page, whose token their forms carry.
func (ts *teamSite) atComputer(page string) (*person, string) {
	ts.t.Helper()
	p := &person{ts: ts, c: newClient()}
	resp, err := p.c.Get(ts.a.EntryURL(ts.base))
	if err != nil {
		ts.t.Fatal(err)
	}
	resp.Body.Close()
	code, body := p.get(page)
	m := metaToken.FindStringSubmatch(body)
	if code != http.StatusOK || m == nil {
		ts.t.Fatalf("%s on one computer: %d\n%s", page, code, body)
	}
	p.csrf = m[1]
	return p, body
}

// login logs name in through the login page, as a browser does.
func (ts *teamSite) login(name string) *person {
	ts.t.Helper()
	p := &person{ts: ts, name: name, c: newClient()}
	code, page := p.get("/_redaksi/masuk")
	m := loginToken.FindStringSubmatch(page)
	if code != http.StatusOK || m == nil {
		ts.t.Fatalf("login page: %d\n%s", code, page)
	}
	resp, body := p.post("/_redaksi/masuk", url.Values{"csrf": {m[1]}, "name": {name}, "password": {teamPassword}, "next": {"/_redaksi/"}})
	if resp.StatusCode != http.StatusSeeOther {
		ts.t.Fatalf("login %s: %s\n%s", name, resp.Status, body)
	}
	code, page = p.get("/_redaksi/mine")
	m = metaToken.FindStringSubmatch(page)
	if code != http.StatusOK || m == nil {
		ts.t.Fatalf("after login %s: %d\n%s", name, code, page)
	}
	p.csrf = m[1]
	return p
}

func (p *person) get(path string) (int, string) {
	p.ts.t.Helper()
	resp, err := p.c.Get(p.ts.base + path)
	if err != nil {
		p.ts.t.Fatal(err)
	}
	defer resp.Body.Close()
	b, _ := io.ReadAll(resp.Body)
	return resp.StatusCode, string(b)
}

// post sends a form from a page of the newsroom, with the token.
func (p *person) post(path string, form url.Values) (*http.Response, string) {
	p.ts.t.Helper()
	if p.csrf != "" && form.Get("csrf") == "" {
		form.Set("csrf", p.csrf)
	}
	req, _ := http.NewRequest(http.MethodPost, p.ts.base+path, strings.NewReader(form.Encode()))
	req.Header.Set("Content-Type", "application/x-www-form-urlencoded")
	req.Header.Set("Origin", p.ts.base)
	resp, err := p.c.Do(req)
	if err != nil {
		p.ts.t.Fatal(err)
	}
	defer resp.Body.Close()
	b, _ := io.ReadAll(resp.Body)
	return resp, string(b)
}

// hashOf is the editor's hash of a file's bytes (history.Hash).
func (ts *teamSite) hash(rel string) string {
	return hashHex(ts.read(rel))
}
