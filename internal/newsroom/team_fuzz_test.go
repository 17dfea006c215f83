package newsroom_test

import (
	"io"
	"net/http"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// FuzzWriterRequests sends any newsroom request (a route and a form) with
// a writer's session and checks the rule that matters most: whatever a
// writer sends, the pages that are not their own drafts (another writer's
// draft, their page in review, a published page) stay as they are.
func FuzzWriterRequests(f *testing.F) {
	for _, seed := range [][2]string{
		{"save", "file=" + aniDraft + "&action=draft&body=x"},
		{"save", "file=" + published + "&action=publish&body=x"},
		{"save", "file=" + budiReview + "&action=review&body=x"},
		{"save", "file=" + budiReview + "&raw=---%0Adraft:+false%0A---%0A"},
		{"approve", "file=" + budiReview},
		{"return", "file=" + budiReview + "&note=x"},
		{"delete", "file=" + aniDraft},
		{"restore", "file=" + published + "&id=1"},
		{"untrash", "id=1"},
		{"new", "kind=news&title=x&date=2025-08-03"},
		{"save", "file=content/berita/../berita/2025-08-03-ani-draf.md&action=draft&body=x"},
		{"accounts/add", "name=budi2&role=admin&password=kata+sandi+panjang&again=kata+sandi+panjang"},
		{"accounts/role", "name=budi&role=admin"},
		{"accounts/passwd", "name=adm&password=kata+sandi+panjang&again=kata+sandi+panjang"},
		{"accounts/remove", "name=siti"},
	} {
		f.Add(seed[0], seed[1])
	}
	ts := startTeam(f, "team.txtar")
	budi := ts.login("budi")
	guarded := []string{aniDraft, budiReview, published}
	users := filepath.Join(ts.dir, ".warta", "users.json")
	accounts, err := os.ReadFile(users)
	if err != nil {
		f.Fatal(err)
	}
	f.Fuzz(func(t *testing.T, route, form string) {
		req, err := http.NewRequest(http.MethodPost, ts.base+"/_redaksi/"+strings.TrimLeft(route, "/"), strings.NewReader(form+"&csrf="+budi.csrf))
		if err != nil {
			return // not a request a browser could send
		}
		req.Header.Set("Content-Type", "application/x-www-form-urlencoded")
		req.Header.Set("Origin", ts.base)
		resp, err := budi.c.Do(req)
		if err != nil {
			return
		}
		_, _ = io.Copy(io.Discard, resp.Body)
		resp.Body.Close()
		if got, _ := os.ReadFile(users); string(got) != string(accounts) {
			_ = os.WriteFile(users, accounts, 0o600)
			t.Fatalf("POST %s %q as a writer changed the accounts (%s)", route, form, resp.Status)
		}
		for _, file := range guarded {
			p := filepath.Join(ts.dir, filepath.FromSlash(file))
			if got, _ := os.ReadFile(p); string(got) != string(ts.files[file]) {
				_ = os.WriteFile(p, ts.files[file], 0o644)
				t.Fatalf("POST %s %q as a writer changed %s (%s):\n%s", route, form, file, resp.Status, got)
			}
		}
	})
}
