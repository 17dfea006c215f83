package newsroom_test

import (
	"bytes"
	"context"
	"net/http"
	"net/url"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"golang.org/x/net/html"

	"github.com/dinsos-metro/warta"
	"github.com/dinsos-metro/warta/internal/build"
	"github.com/dinsos-metro/warta/internal/publish"
)

const rapat = "content/berita/2025-08-14-rapat-koordinasi.md"

// TestConflict: the page changes on disk (another tab, a text editor)
// after the editor opened it; the save is refused, nothing is written,
// both versions are shown, and either can be kept.
func TestConflict(t *testing.T) {
	h := start(t, "site.txtar")
	form := editForm(t, h, rapat)
	byHand := strings.Replace(h.read(rapat), "Rapat membahas", "Rapat (diubah di editor teks) membahas", 1)
	if err := os.WriteFile(filepath.Join(h.dir, rapat), []byte(byHand), 0o644); err != nil {
		t.Fatal(err)
	}
	form.Set("body", "Isi dari tab lain.\n")
	resp, page := h.post("/_redaksi/save", form)
	if resp.StatusCode != http.StatusConflict {
		t.Fatalf("save over a changed file: %s", resp.Status)
	}
	if h.read(rapat) != byHand {
		t.Fatal("a refused save wrote the file")
	}
	contains(t, "the conflict page", page, "diubah di editor teks", "Isi dari tab lain.", "Pakai versi saya", "Pakai versi di disk")

	// Keep mine: the conflict page's own form, with the hash of the file on disk.
	mine := formValues(t, page, "")
	if mine.Get("raw") == "" || !strings.Contains(mine.Get("raw"), "Isi dari tab lain.") {
		t.Fatalf("the conflict form holds %q", mine.Get("raw"))
	}
	resp, _ = h.post("/_redaksi/save", mine)
	if resp.StatusCode != http.StatusSeeOther {
		t.Fatalf("keeping mine: %s", resp.Status)
	}
	if got := h.read(rapat); !strings.Contains(got, "Isi dari tab lain.") || !strings.Contains(got, "petugas:") {
		t.Errorf("kept mine, the file is:\n%s", got)
	}
}

var restoreForm = regexp.MustCompile(`name="id" value="([^"]+)"`)

// TestHistoryRestore: every save is a version; the history shows the
// differences and brings an old version back as a new one.
func TestHistoryRestore(t *testing.T) {
	h := start(t, "site.txtar")
	original := h.read(rapat)
	for _, text := range []string{"Versi kedua.\n", "Versi ketiga.\n"} {
		form := editForm(t, h, rapat)
		form.Set("body", text)
		if resp, body := h.post("/_redaksi/save", form); resp.StatusCode != http.StatusSeeOther {
			t.Fatalf("save: %s\n%s", resp.Status, body)
		}
	}
	code, page := h.get("/_redaksi/history?file=" + url.QueryEscape(rapat))
	if code != http.StatusOK {
		t.Fatalf("history: %d", code)
	}
	contains(t, "the history", page, "Versi ketiga.", "Versi kedua.")
	ids := restoreForm.FindAllStringSubmatch(page, -1)
	if len(ids) < 2 {
		t.Fatalf("the history offers %d versions to restore:\n%s", len(ids), page)
	}
	oldest := ids[len(ids)-1][1] // the page as it was before the newsroom
	resp, body := h.post("/_redaksi/restore", url.Values{"csrf": {h.csrf()}, "file": {rapat}, "id": {oldest}})
	if resp.StatusCode != http.StatusSeeOther {
		t.Fatalf("restore: %s\n%s", resp.Status, body)
	}
	if got := h.read(rapat); got != original {
		t.Errorf("restored:\n%s\nwant:\n%s", got, original)
	}
}

// TestTrash: delete moves the page to the trash, and it comes back.
func TestTrash(t *testing.T) {
	h := start(t, "site.txtar")
	original := h.read(rapat)
	if resp, body := h.post("/_redaksi/delete", url.Values{"csrf": {h.csrf()}, "file": {rapat}}); resp.StatusCode != http.StatusSeeOther {
		t.Fatalf("delete: %s\n%s", resp.Status, body)
	}
	if _, err := os.Stat(filepath.Join(h.dir, rapat)); err == nil {
		t.Fatal("the deleted page is still there")
	}
	_, page := h.get("/_redaksi/trash")
	m := restoreForm.FindStringSubmatch(page)
	if m == nil {
		t.Fatalf("the trash lists nothing:\n%s", page)
	}
	if resp, body := h.post("/_redaksi/untrash", url.Values{"csrf": {h.csrf()}, "id": {m[1]}}); resp.StatusCode != http.StatusSeeOther {
		t.Fatalf("untrash: %s\n%s", resp.Status, body)
	}
	if h.read(rapat) != original {
		t.Error("the page came back changed")
	}
}

// TestHostileFields: markup typed in any field is kept as text: the
// front matter quotes it, the build escapes it, no page of the site
// carries it as markup.
func TestHostileFields(t *testing.T) {
	h := start(t, "site.txtar")
	const evil = `<script>alert("x")</script><img src=x onerror=alert(1)>`
	form := editForm(t, h, rapat)
	for k := range form {
		if strings.HasPrefix(k, "f.") && !strings.HasSuffix(k, ".time") && k != "f.date" && k != "f.weight" && k != "f.consent" && k != "f.district" && k != "f.gallery" && !strings.HasPrefix(k, "f.participants") && !strings.HasSuffix(k, ".shown") {
			vals := form[k]
			for i := range vals {
				vals[i] = evil + "\n---\nkunci: nilai # " + k
			}
		}
	}
	form.Del("f.schools") // school keys must be in the site's data: the build says so
	for _, k := range []string{"f.participants.children", "f.participants.teachers", "f.participants.parents"} {
		form.Set(k, "3")
	}
	form.Set("body", "Teks biasa.\n\n"+evil+"\n\n[tautan](javascript:alert(1))\n")
	form.Set("action", "publish")
	resp, body := h.post("/_redaksi/save", form)
	if resp.StatusCode != http.StatusSeeOther && resp.StatusCode != http.StatusUnprocessableEntity {
		t.Fatalf("save: %s\n%s", resp.Status, body)
	}
	saved := h.read(rapat)
	if strings.Contains(saved, "\nkunci:") {
		t.Errorf("a field's text broke out of its line:\n%s", saved)
	}
	root, err := os.OpenRoot(h.dir)
	if err != nil {
		t.Fatal(err)
	}
	defer root.Close()
	mem := publish.NewMemory()
	res, err := build.Build(context.Background(), build.Options{Source: root.FS(), Theme: warta.Theme, Sink: mem, Drafts: true, Dir: h.dir})
	if err != nil {
		t.Fatalf("build: %v\n%s", err, res.Diags.Format("en"))
	}
	pages := 0
	for _, name := range mem.Names() {
		if !strings.HasSuffix(name, ".html") {
			continue
		}
		data, _ := mem.Get(name)
		if strings.Contains(string(data), "alert") {
			pages++
		}
		for _, bad := range markup(t, data) {
			t.Errorf("%s: %s", name, bad)
		}
	}
	if pages == 0 {
		t.Error("no page shows the typed text at all")
	}
}

// markup finds what hostile text would have become if it were not
// escaped: script elements that alert, event handler attributes, images
// from x, javascript: links.
func markup(t *testing.T, data []byte) []string {
	t.Helper()
	doc, err := html.Parse(bytes.NewReader(data))
	if err != nil {
		t.Fatal(err)
	}
	var out []string
	var walk func(*html.Node)
	walk = func(n *html.Node) {
		if n.Type == html.ElementNode {
			if n.Data == "script" && n.FirstChild != nil && strings.Contains(n.FirstChild.Data, "alert") && (attrOf(n, "type") != "application/ld+json" || strings.Contains(n.FirstChild.Data, "</script")) {
				out = append(out, "a script element: "+n.FirstChild.Data)
			}
			for _, a := range n.Attr {
				if strings.HasPrefix(a.Key, "on") {
					out = append(out, "an event handler "+a.Key+"="+a.Val)
				}
				if (a.Key == "href" || a.Key == "src") && (strings.HasPrefix(strings.TrimSpace(strings.ToLower(a.Val)), "javascript:") || a.Val == "x") {
					out = append(out, a.Key+"="+a.Val)
				}
			}
		}
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			walk(c)
		}
	}
	walk(doc)
	return out
}

func attrOf(n *html.Node, key string) string {
	for _, a := range n.Attr {
		if a.Key == key {
			return a.Val
		}
	}
	return ""
}
