package newsroom_test

import (
	"net/http"
	"net/url"
	"strings"
	"testing"
)

func TestDashboardListsPages(t *testing.T) {
	h := start(t, "site.txtar")
	code, page := h.get("/_redaksi/")
	if code != http.StatusOK {
		t.Fatalf("dashboard: %d\n%s", code, page)
	}
	for _, want := range []string{"Rapat Koordinasi Lintas Dinas", "Laporan baru", "Terbit"} {
		if !strings.Contains(page, want) {
			t.Errorf("dashboard lacks %q", want)
		}
	}
	_, page = h.get("/_redaksi/?status=draft")
	if strings.Contains(page, "Rapat Koordinasi") {
		t.Error("the draft filter shows a published page")
	}
}

func TestSavedUnchangedIsByteForByte(t *testing.T) {
	h := start(t, "site.txtar")
	file := "content/berita/2025-08-14-rapat-koordinasi.md"
	before := h.read(file)
	form := editForm(t, h, file)
	resp, body := h.post("/_redaksi/save", form)
	if resp.StatusCode != http.StatusSeeOther {
		t.Fatalf("save: %s\n%s", resp.Status, body)
	}
	if got := h.read(file); got != before {
		t.Errorf("saved unchanged, the page changed:\n--- before\n%s\n--- after\n%s", before, got)
	}
}

// editForm reads the editor's form for file as a browser would submit it.
func editForm(t *testing.T, h *harness, file string) url.Values {
	t.Helper()
	code, page := h.get("/_redaksi/edit?file=" + url.QueryEscape(file))
	if code != http.StatusOK {
		t.Fatalf("edit %s: %d\n%s", file, code, page)
	}
	return formValues(t, page, "page-form")
}

func TestCreateReport(t *testing.T) {
	h := start(t, "site.txtar")
	resp, body := h.post("/_redaksi/new", url.Values{"csrf": {h.csrf()}, "kind": {"news"}, "title": {"Kunjungan ke SD"}, "date": {"2025-09-01"}})
	if resp.StatusCode != http.StatusSeeOther {
		t.Fatalf("new: %s\n%s", resp.Status, body)
	}
	file := "content/berita/2025-09-01-kunjungan-ke-sd.md"
	if loc := resp.Header.Get("Location"); loc != "/_redaksi/edit?file="+url.QueryEscape(file) {
		t.Errorf("new goes to %q", loc)
	}
	want := "---\ntitle: \"Kunjungan ke SD\"\ndate: 2025-09-01\ndraft: true\n---\n"
	if got := h.read(file); got != want {
		t.Errorf("the new page:\n%s\nwant:\n%s", got, want)
	}
	code, page := h.get("/_redaksi/edit?file=" + url.QueryEscape(file))
	if code != http.StatusOK || !strings.Contains(page, `id="body"`) {
		t.Errorf("editor: %d\n%s", code, page)
	}
}
