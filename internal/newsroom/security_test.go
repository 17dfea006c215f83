package newsroom_test

import (
	"io"
	"net/http"
	"net/url"
	"strings"
	"testing"
)

// The refusals of guard.go, over HTTP: other web pages in the same
// browser must not reach the newsroom.
func TestRefusals(t *testing.T) {
	h := start(t, "site.txtar")
	token := h.csrf()
	file := "content/berita/2025-08-14-rapat-koordinasi.md"
	before := h.read(file)
	save := url.Values{"csrf": {token}, "file": {file}, "hash": {"x"}, "body": {"DIUBAH"}}

	do := func(method, path, host, origin string, form url.Values, cookie bool) int {
		t.Helper()
		var body io.Reader
		if form != nil {
			body = strings.NewReader(form.Encode())
		}
		req, _ := http.NewRequest(method, h.base+path, body)
		if form != nil {
			req.Header.Set("Content-Type", "application/x-www-form-urlencoded")
		}
		if host != "" {
			req.Host = host
		}
		if origin != "" {
			req.Header.Set("Origin", origin)
		}
		client := &http.Client{CheckRedirect: func(*http.Request, []*http.Request) error { return http.ErrUseLastResponse }}
		if cookie {
			// Set by hand: the client looks cookies up by req.Host.
			u, _ := url.Parse(h.base + "/_redaksi/")
			for _, c := range h.client.Jar.Cookies(u) {
				req.AddCookie(c)
			}
		}
		resp, err := client.Do(req)
		if err != nil {
			t.Fatal(err)
		}
		resp.Body.Close()
		return resp.StatusCode
	}
	cases := []struct {
		name         string
		method, path string
		host, origin string
		form         url.Values
		cookie       bool
		want         int
	}{
		{"a rebinding name in Host", "GET", "/_redaksi/", "evil.example:80", "", nil, true, http.StatusMisdirectedRequest},
		{"another port in Host", "GET", "/_redaksi/", "127.0.0.1:1", "", nil, true, http.StatusMisdirectedRequest},
		{"no secret cookie", "GET", "/_redaksi/", "", "", nil, false, http.StatusForbidden},
		{"a wrong secret", "GET", "/_redaksi/?k=0000", "", "", nil, false, http.StatusForbidden},
		{"a change without Origin", "POST", "/_redaksi/save", "", "", save, true, http.StatusForbidden},
		{"a change from another origin", "POST", "/_redaksi/save", "", "http://evil.example", save, true, http.StatusForbidden},
		{"a change with Origin null", "POST", "/_redaksi/save", "", "null", save, true, http.StatusForbidden},
		{"a change without the CSRF token", "POST", "/_redaksi/save", "", h.base, url.Values{"file": {file}, "body": {"DIUBAH"}}, true, http.StatusForbidden},
		{"a change with a wrong CSRF token", "POST", "/_redaksi/save", "", h.base, url.Values{"csrf": {"ab" + token[2:]}, "file": {file}, "body": {"DIUBAH"}}, true, http.StatusForbidden},
		{"a change without the cookie", "POST", "/_redaksi/save", "", h.base, save, false, http.StatusForbidden},
		{"the dashboard, rightly asked", "GET", "/_redaksi/", "", "", nil, true, http.StatusOK},
		{"localhost on the same port", "GET", "/_redaksi/", strings.Replace(strings.TrimPrefix(h.base, "http://"), "127.0.0.1", "localhost", 1), "", nil, true, http.StatusOK},
	}
	for _, c := range cases {
		if got := do(c.method, c.path, c.host, c.origin, c.form, c.cookie); got != c.want {
			t.Errorf("%s: %d, want %d", c.name, got, c.want)
		}
	}
	if h.read(file) != before {
		t.Error("a refused request changed the page")
	}
	// The preview of the site itself stays open (it is what `warta serve` always served).
	resp, err := http.Get(h.base + "/")
	if err != nil {
		t.Fatal(err)
	}
	resp.Body.Close()
	if resp.StatusCode != http.StatusOK {
		t.Errorf("the site's preview: %s", resp.Status)
	}
}

// TestSecretCookie: the address with the secret sets a SameSite=Strict,
// HttpOnly cookie scoped to the newsroom, and the page without it says
// how to get in.
func TestSecretCookie(t *testing.T) {
	h := start(t, "site.txtar")
	client := &http.Client{CheckRedirect: func(*http.Request, []*http.Request) error { return http.ErrUseLastResponse }}
	resp, err := client.Get(h.nr.URL())
	if err != nil {
		t.Fatal(err)
	}
	resp.Body.Close()
	c := resp.Header.Get("Set-Cookie")
	for _, want := range []string{"HttpOnly", "SameSite=Strict", "Path=/_redaksi/"} {
		if !strings.Contains(c, want) {
			t.Errorf("cookie %q lacks %s", c, want)
		}
	}
	if loc := resp.Header.Get("Location"); strings.Contains(loc, "k=") {
		t.Errorf("the redirect keeps the secret in the address: %s", loc)
	}
	resp, err = client.Get(h.base + "/_redaksi/")
	if err != nil {
		t.Fatal(err)
	}
	b, _ := io.ReadAll(resp.Body)
	resp.Body.Close()
	if resp.StatusCode != http.StatusForbidden || !strings.Contains(string(b), "terminal") {
		t.Errorf("without the cookie: %s\n%s", resp.Status, b)
	}
}
