package build

import (
	"context"
	"strings"
	"testing"
	"testing/fstest"

	"github.com/dinsos-metro/warta"
	"github.com/dinsos-metro/warta/internal/publish"
)

// TestPreview: the newsroom's preview renders unsaved bytes of a page as
// the build would, by the fast path (text only) and the slow one (front
// matter too), and leaves the Session's outputs as they were.
func TestPreview(t *testing.T) {
	fsys := fstest.MapFS{
		"site.yaml":                       {Data: []byte("title: Dinas Uji\nbase_url: https://example.org/\n")},
		"content/_index.md":               {Data: []byte("---\ntitle: Beranda\n---\n")},
		"content/berita/_index.md":        {Data: []byte("---\ntitle: Berita\n---\n")},
		"content/berita/2025-07-29-tk.md": {Data: []byte("---\ntitle: Kunjungan TK\ndate: 2025-07-29\n---\nAnak-anak bermain.\n")},
	}
	sink := publish.NewMemory()
	s := NewSession(Options{Source: fsys, Theme: warta.Theme, Sink: sink, Drafts: true, Future: true, Track: true})
	if _, err := s.Full(context.Background()); err != nil {
		t.Fatal(err)
	}
	before, _ := sink.Get("berita/tk/index.html")
	file := "content/berita/2025-07-29-tk.md"
	for _, c := range []struct{ data, want string }{
		{"---\ntitle: Kunjungan TK\ndate: 2025-07-29\n---\nAnak-anak **bernyanyi**.\n", "<strong>bernyanyi</strong>"},
		{"---\ntitle: Kunjungan TK <b>baru</b>\ndate: 2025-07-29\n---\nAnak-anak menari.\n", "Kunjungan TK &lt;b&gt;baru&lt;/b&gt;"},
		{"---\ntitle: Kunjungan TK <b>baru</b>\ndate: 2025-07-29\n---\nLalu makan siang.\n", "Lalu makan siang."},
		// Fields that move the page in no list take the last run's site
		// (the quick path's test); a tag joins a list and assembles again.
		{"---\ntitle: Judul Lain Sama Sekali\ndate: 2025-07-29\n---\nAnak-anak bermain.\n", "<title>Judul Lain Sama Sekali"},
		{"---\ntitle: Kunjungan TK\ndate: 2025-07-30\n---\nAnak-anak bermain.\n", "30 Juli 2025"},
		{"---\ntitle: Kunjungan TK\ndate: 2025-07-29\nsummary: Ringkasan baru.\n---\nAnak-anak bermain.\n", "Ringkasan baru."},
		{"---\ntitle: Kunjungan TK\ndate: 2025-07-29\ntags: [imunisasi]\n---\nAnak-anak bermain.\n", "/tag/imunisasi/"},
		// Back as on disk: nothing of the previews stayed in the site.
		{"---\ntitle: Kunjungan TK\ndate: 2025-07-29\n---\nAnak-anak bermain.\n", "<title>Kunjungan TK"},
	} {
		page, ds, err := s.Preview(context.Background(), file, []byte(c.data), nil)
		if err != nil {
			t.Fatalf("%v %v", err, ds)
		}
		if !strings.Contains(string(page), c.want) {
			t.Errorf("the preview of\n%s\nlacks %q", c.data, c.want)
		}
	}
	if after, _ := sink.Get("berita/tk/index.html"); string(after) != string(before) {
		t.Error("a preview changed the built page")
	}
	if _, _, err := s.Preview(context.Background(), "content/berita/tidak-ada.md", []byte("---\ntitle: Baru\ndate: 2025-08-01\n---\nTeks.\n"), nil); err != nil {
		t.Errorf("the preview of a page not on disk yet: %v", err)
	}
}
