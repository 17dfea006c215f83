package newsroom_test

import (
	"io"
	"net/http"
	"net/url"
	"strings"
	"testing"

	"github.com/dinsos-metro/warta/internal/auth"
	"github.com/dinsos-metro/warta/internal/history"
)

func hashHex(s string) string { return history.Hash([]byte(s)) }

const (
	budiDraft  = "content/berita/2025-08-01-budi-draf.md"
	budiReview = "content/berita/2025-08-02-budi-tinjau.md"
	aniDraft   = "content/berita/2025-08-03-ani-draf.md"
	published  = "content/berita/2025-08-14-rapat-koordinasi.md"
)

// TestTeamRoles tries every newsroom action as every role, over HTTP,
// and checks the server allows exactly what README's table of roles says:
// a refused request answers 403 and leaves the files as they were; an
// allowed one does what it asks.
func TestTeamRoles(t *testing.T) {
	ts := startTeam(t, "team.txtar")
	people := map[string]*person{}
	for _, p := range teamPeople {
		people[p.name] = ts.login(p.name)
	}
	type attempt struct {
		name   string
		file   string // the page it touches, put back after each person
		method string
		path   string
		form   func() url.Values
		allow  []string // who may; everyone else is refused
		done   func(t *testing.T) bool
	}
	save := func(file, action string) func() url.Values {
		return func() url.Values {
			return url.Values{"file": {file}, "hash": {ts.hash(file)}, "action": {action}, "body": {"Teks baru dari tes.\n"}}
		}
	}
	changed := func(file string) func(t *testing.T) bool {
		return func(t *testing.T) bool { return ts.read(file) != string(ts.files[file]) }
	}
	has := func(file, text string) func(t *testing.T) bool {
		return func(t *testing.T) bool { return strings.Contains(ts.read(file), text) }
	}
	everyone := []string{"budi", "ani", "siti", "adm"}
	editors := []string{"siti", "adm"}
	attempts := []attempt{
		{name: "save own draft", file: budiDraft, method: "POST", path: "save", form: save(budiDraft, "draft"),
			allow: []string{"budi", "siti", "adm"}, done: has(budiDraft, "Teks baru dari tes.")},
		{name: "save another writer's draft", file: aniDraft, method: "POST", path: "save", form: save(aniDraft, "draft"),
			allow: []string{"ani", "siti", "adm"}, done: has(aniDraft, "Teks baru dari tes.")},
		{name: "save a page in review", file: budiReview, method: "POST", path: "save", form: save(budiReview, "review"),
			allow: editors, done: has(budiReview, "Teks baru dari tes.")},
		{name: "save a published page", file: published, method: "POST", path: "save", form: save(published, "publish"),
			allow: editors, done: has(published, "Teks baru dari tes.")},
		{name: "send own draft to review", file: budiDraft, method: "POST", path: "save", form: save(budiDraft, "review"),
			allow: []string{"budi", "siti", "adm"}, done: has(budiDraft, "review: true")},
		{name: "publish own draft", file: budiDraft, method: "POST", path: "save", form: save(budiDraft, "publish"),
			allow: editors, done: has(budiDraft, "draft: false")},
		{name: "unpublish", file: published, method: "POST", path: "save", form: save(published, "draft"),
			allow: editors, done: has(published, "draft: true")},
		{name: "approve", file: budiReview, method: "POST", path: "approve",
			form:  func() url.Values { return url.Values{"file": {budiReview}, "hash": {ts.hash(budiReview)}} },
			allow: editors, done: has(budiReview, "draft: false")},
		{name: "return with a comment", file: budiReview, method: "POST", path: "return",
			form: func() url.Values {
				return url.Values{"file": {budiReview}, "hash": {ts.hash(budiReview)}, "note": {"Tambah jumlah peserta."}}
			},
			allow: editors, done: has(budiReview, "review_note:")},
		{name: "delete own draft", file: budiDraft, method: "POST", path: "delete",
			form:  func() url.Values { return url.Values{"file": {budiDraft}} },
			allow: editors, done: func(t *testing.T) bool { return ts.read(budiDraft) == "" }},
		{name: "upload to another writer's draft", file: aniDraft, method: "UPLOAD", path: "upload?file=" + url.QueryEscape(aniDraft),
			allow: []string{"ani", "siti", "adm"}},
		{name: "raw file that publishes", file: budiDraft, method: "POST", path: "save",
			form: func() url.Values {
				raw := strings.Replace(string(ts.files[budiDraft]), "draft: true", "draft: false", 1)
				return url.Values{"file": {budiDraft}, "hash": {ts.hash(budiDraft)}, "raw": {raw}}
			},
			allow: editors, done: changed(budiDraft)},
		{name: "raw file that gives the page away", file: budiDraft, method: "POST", path: "save",
			form: func() url.Values {
				raw := strings.Replace(string(ts.files[budiDraft]), "writer: budi", "writer: ani", 1)
				return url.Values{"file": {budiDraft}, "hash": {ts.hash(budiDraft)}, "raw": {raw}}
			},
			allow: []string{"siti", "adm"}, done: changed(budiDraft)},
		{name: "create", method: "POST", path: "new",
			form: func() url.Values {
				return url.Values{"kind": {"news"}, "title": {"Laporan Baru " + strings.Repeat("x", 3)}, "date": {"2025-09-01"}}
			},
			allow: everyone},
		{name: "review queue", method: "GET", path: "review", allow: editors},
		{name: "audit trail", method: "GET", path: "audit", allow: []string{"adm"}},
		{name: "dashboard", method: "GET", path: "", allow: everyone},
		{name: "my pages", method: "GET", path: "mine", allow: everyone},
		{name: "trash", method: "GET", path: "trash", allow: everyone},
		{name: "unknown change", method: "POST", path: "nothing-here", form: func() url.Values { return url.Values{} },
			allow: nil},
	}
	for _, at := range attempts {
		t.Run(at.name, func(t *testing.T) {
			for _, who := range []string{"budi", "ani", "siti", "adm"} {
				p := people[who]
				allowed := contains1(at.allow, who)
				var code int
				var body string
				switch at.method {
				case "GET":
					code, body = p.get("/_redaksi/" + at.path)
				case "UPLOAD":
					code, body = p.upload("/_redaksi/"+at.path, "foto.txt", []byte("bukan foto"))
				default:
					resp, b := p.post("/_redaksi/"+at.path, at.form())
					code, body = resp.StatusCode, b
				}
				switch {
				case allowed && code == http.StatusForbidden:
					t.Errorf("%s may, but was refused: %d\n%s", who, code, body)
				case !allowed && code != http.StatusForbidden && at.path != "nothing-here":
					t.Errorf("%s may not, but got %d\n%s", who, code, body)
				case !allowed && at.path == "nothing-here" && code == http.StatusOK:
					t.Errorf("%s: an unknown change answered 200", who)
				}
				if at.file != "" {
					if !allowed && ts.read(at.file) != string(ts.files[at.file]) {
						t.Errorf("%s was refused, but %s changed:\n%s", who, at.file, ts.read(at.file))
					}
					if allowed && at.done != nil && !at.done(t) {
						t.Errorf("%s may, got %d, but the change is not on disk:\n%s\n%s", who, code, ts.read(at.file), body)
					}
					ts.reset(at.file)
				}
			}
		})
	}
}

func contains1(list []string, s string) bool {
	for _, x := range list {
		if x == s {
			return true
		}
	}
	return false
}

// upload sends one file as the editor's script does (token in a header).
func (p *person) upload(path, name string, data []byte) (int, string) {
	p.ts.t.Helper()
	var b strings.Builder
	b.WriteString("--XYZ\r\nContent-Disposition: form-data; name=\"files\"; filename=\"" + name + "\"\r\nContent-Type: application/octet-stream\r\n\r\n")
	b.Write(data)
	b.WriteString("\r\n--XYZ--\r\n")
	req, _ := http.NewRequest(http.MethodPost, p.ts.base+path, strings.NewReader(b.String()))
	req.Header.Set("Content-Type", "multipart/form-data; boundary=XYZ")
	req.Header.Set("Origin", p.ts.base)
	req.Header.Set(auth.CSRFHeader, p.csrf)
	resp, err := p.c.Do(req)
	if err != nil {
		p.ts.t.Fatal(err)
	}
	defer resp.Body.Close()
	body, _ := io.ReadAll(resp.Body)
	return resp.StatusCode, string(body)
}

// TestTeamWriterRestore: a writer may bring back an older version of
// their draft, but not one that was published: restoring is no way
// around the review.
func TestTeamWriterRestore(t *testing.T) {
	ts := startTeam(t, "team.txtar")
	budi, siti := ts.login("budi"), ts.login("siti")
	for _, action := range []string{"publish", "draft"} {
		resp, body := siti.post("/_redaksi/save", url.Values{"file": {budiDraft}, "hash": {ts.hash(budiDraft)}, "action": {action}, "body": {"Versi " + action + ".\n"}})
		if resp.StatusCode != http.StatusSeeOther {
			t.Fatalf("editor's %s: %s\n%s", action, resp.Status, body)
		}
	}
	st, err := history.Open(ts.dir)
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	vs, err := st.Versions(budiDraft)
	if err != nil || len(vs) < 2 {
		t.Fatalf("versions: %v %v", vs, err)
	}
	var publishedID, draftID string
	for _, v := range vs[1:] {
		data, _ := st.Read(budiDraft, v.ID)
		switch {
		case strings.Contains(string(data), "draft: false") && publishedID == "":
			publishedID = v.ID
		case strings.Contains(string(data), "draft: true") && draftID == "":
			draftID = v.ID
		}
	}
	if publishedID == "" || draftID == "" {
		t.Fatalf("no published and draft versions among %v", vs)
	}
	before := ts.read(budiDraft)
	if resp, _ := budi.post("/_redaksi/restore", url.Values{"file": {budiDraft}, "id": {publishedID}}); resp.StatusCode != http.StatusForbidden {
		t.Errorf("a writer restoring a published version: %s", resp.Status)
	}
	if ts.read(budiDraft) != before {
		t.Fatalf("the refused restore changed the page:\n%s", ts.read(budiDraft))
	}
	if resp, body := budi.post("/_redaksi/restore", url.Values{"file": {budiDraft}, "id": {draftID}}); resp.StatusCode != http.StatusSeeOther {
		t.Errorf("a writer restoring a draft version of their page: %s\n%s", resp.Status, body)
	}
	if resp, _ := siti.post("/_redaksi/restore", url.Values{"file": {budiDraft}, "id": {publishedID}}); resp.StatusCode != http.StatusSeeOther {
		t.Errorf("an editor restoring a published version: %s", resp.Status)
	}
}
