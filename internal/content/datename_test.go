package content

import (
	"testing"
	"testing/fstest"
	"time"
)

// Regression: a news report named 2025-07-29-x.md without a date: field
// was told "date is required", although its name says the date.
func TestDateFromFileName(t *testing.T) {
	fsys := fstest.MapFS{
		"content/berita/2025-07-29-kunjungan.md": {Data: []byte("---\ntitle: Kunjungan\n---\nIsi.\n")},
		"content/berita/tanpa-tanggal.md":        {Data: []byte("---\ntitle: Tanpa\n---\nIsi.\n")},
	}
	jakarta, _ := time.LoadLocation("Asia/Jakarta")
	pages, ds := Load(t.Context(), fsys, Options{Location: jakarta})
	if len(ds) != 1 || ds[0].File != "content/berita/tanpa-tanggal.md" || ds[0].Code != "field-required" {
		t.Fatalf("want one 'date is required' for the file without a date, got %v", ds)
	}
	var p *Page
	for _, q := range pages {
		if q.Slug == "kunjungan" {
			p = q
		}
	}
	if p == nil || !p.Date.Equal(time.Date(2025, 7, 29, 0, 0, 0, 0, jakarta)) {
		t.Fatalf("date from the file name: %+v", p)
	}
}
