package auth

import (
	"net/http/httptest"
	"strings"
	"testing"
	"unicode/utf8"
)

// FuzzSessionCookie feeds cookie headers to the session lookup: nothing
// but a real session's id opens a session, and nothing panics.
func FuzzSessionCookie(f *testing.F) {
	c := newClock()
	s, _ := OpenSessions("", 0, 0, c.Now)
	users, err := OpenUsers(f.TempDir(), fast, c.Now)
	if err != nil {
		f.Fatal(err)
	}
	if err := users.Add("siti", "", Penulis, "kata-sandi-panjang"); err != nil {
		f.Fatal(err)
	}
	siti, _ := users.Get("siti")
	real, _ := s.Create("siti", siti.Gen, false)
	a := &Auth{cfg: Config{Hosts: []string{"x"}}, sessions: s, users: users}
	r := httptest.NewRequest("GET", "/_redaksi/", nil)
	r.Header.Set("Cookie", "warta_sesi="+real.id)
	if a.fromCookie(r) == nil {
		f.Fatal("the real session is not found")
	}
	for _, seed := range []string{"warta_sesi=" + real.id, "warta_sesi=" + real.id[:42] + "B", "warta_sesi=", "warta_sesi=\x00", "a=b; warta_sesi=%41", "warta_sesi=" + strings.Repeat("A", 43), "__Host-warta_sesi=" + real.id} {
		f.Add(seed)
	}
	f.Fuzz(func(t *testing.T, header string) {
		if _, ok := ParseSessionID(header); ok && header != real.id {
			if s.Lookup(header) != nil {
				t.Fatalf("the id %q opened a session", header)
			}
		}
		r := httptest.NewRequest("GET", "/_redaksi/", nil)
		r.Header.Set("Cookie", header)
		got := a.fromCookie(r)
		if got == nil {
			return
		}
		ck, err := r.Cookie("warta_sesi")
		if err != nil || ck.Value != real.id || got.User != "siti" {
			t.Fatalf("cookie %q opened %+v", header, got)
		}
	})
}

// FuzzLogin feeds login form bodies to ParseLogin: it never panics, keeps
// its limits, and gives back what was sent for plain values.
func FuzzLogin(f *testing.F) {
	for _, seed := range []string{
		"name=siti&password=kata-sandi-panjang&csrf=abc&next=%2F_redaksi%2F",
		"name=%20SITI%20&password=%FF",
		"name=a&name=b",
		"password=" + strings.Repeat("x", 2000),
		"name=siti;password=x",
		"%zz",
		"",
	} {
		f.Add(seed, "application/x-www-form-urlencoded")
	}
	f.Add("name=siti", "multipart/form-data; boundary=x")
	f.Fuzz(func(t *testing.T, body, ctype string) {
		r := httptest.NewRequest("POST", "/_redaksi/masuk", strings.NewReader(body))
		r.Header.Set("Content-Type", ctype)
		form, err := ParseLogin(r)
		if err != nil {
			return
		}
		if len(body) > maxLoginBody {
			t.Fatalf("a body of %d bytes accepted", len(body))
		}
		if len(form.Password) > MaxPassword || !utf8.ValidString(form.Password) || !utf8.ValidString(form.Name) {
			t.Fatalf("limits broken: %+v", form)
		}
		if form.Name != strings.ToLower(strings.TrimSpace(form.Name)) {
			t.Fatalf("name not normalised: %q", form.Name)
		}
		// Whatever was parsed, the redirect after login stays home.
		a := &Auth{cfg: Config{Base: "/_redaksi/"}}
		next := a.safeNext(form.Next)
		if !strings.HasPrefix(next, "/_redaksi/") || strings.HasPrefix(next, "//") || strings.ContainsAny(next, "\\\r\n") {
			t.Fatalf("next %q -> %q", form.Next, next)
		}
	})
}

// FuzzParseHash: a hash edited by hand never panics nor asks for huge
// costs.
func FuzzParseHash(f *testing.F) {
	h, _ := HashPassword("kata-sandi-panjang", fast)
	f.Add(h)
	f.Add("$argon2id$v=19$m=1048576,t=16,p=16$c2FsdHNhbHQ$a2V5a2V5a2V5a2V5a2V5a2V5")
	f.Fuzz(func(t *testing.T, s string) {
		p, salt, key, err := ParseHash(s)
		if err != nil {
			return
		}
		if p.Memory > maxMemory || p.Time > maxTime || p.Threads > maxThreads || len(salt) < 8 || len(key) < 16 {
			t.Fatalf("accepted %+v", p)
		}
	})
}
