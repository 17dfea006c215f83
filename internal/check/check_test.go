package check_test

import (
	"strings"
	"testing"
	"time"

	"github.com/dinsos-metro/warta"
	"github.com/dinsos-metro/warta/internal/build"
	"github.com/dinsos-metro/warta/internal/check"
	"github.com/dinsos-metro/warta/internal/sitetest"
)

const site = `
-- site.yaml --
title: Uji
base_url: https://example.org/
-- content/_index.md --
---
title: Beranda
---
Lihat [tentang](tentang.md), [berita](/berita/), [hilang](/tidak-ada/) dan [file hilang](hilang.md).
-- content/tentang.md --
---
title: Tentang
---
Kembali ke [beranda](_index.md#bagian) atau [kontak](kontak.md).

Surel [kami](mailto:dinsos@example.org), situs [lain](https://example.com/x).
-- content/berita/2025-07-29-tk.md --
---
title: Kunjungan TK
date: 2025-07-29
---
Baca [modul](/modul/sd/) dan [galeri](/galeri/tidak-ada/).
-- content/berita/2031-01-01-jauh.md --
---
title: Tahun salah
date: 2031-01-01
---
Isi.
-- content/berita/1999-01-01-lama.md --
---
title: Lama sekali
date: 1999-01-01
---
Isi.
`

func TestCheckFindsEveryKindOfProblem(t *testing.T) {
	list, _ := check.Run(t.Context(), check.Options{Build: build.Options{
		Source: sitetest.Files(site), Theme: warta.Theme, Future: true,
		Now: time.Date(2026, 11, 28, 0, 0, 0, 0, time.UTC),
	}})
	got := strings.TrimSpace(list.Format("en"))
	want := strings.TrimSpace(`
content/_index.md:4: the link "/tidak-ada/" leads nowhere: the site has nothing at /tidak-ada/; correct the address or remove the link
content/_index.md:4: the link "hilang.md" leads to content/hilang.md, which is not a page of the site; correct the file name or remove the link
content/berita/1999-01-01-lama.md:3: warning: the date 1999-01-01 is before 2000; is the year right?
content/berita/2025-07-29-tk.md:5: the link "/galeri/tidak-ada/" leads nowhere: the site has nothing at /galeri/tidak-ada/; correct the address or remove the link
content/berita/2031-01-01-jauh.md:3: warning: the date 2031-01-01 is more than a year ahead; is the year right? (pages dated in the future are not published until then)
content/tentang.md:4: the link "kontak.md" leads to content/kontak.md, which is not a page of the site; correct the file name or remove the link`)
	if got != want {
		t.Fatalf("check found:\n%s\n\nwant:\n%s", got, want)
	}
	if list.Errors() != 4 {
		t.Errorf("errors: %d, want 4", list.Errors())
	}
}

func TestFileLinksArePublishedAsURLs(t *testing.T) {
	s := sitetest.BuildTxtar(t, site, sitetest.Options{})
	s.AssertFile(t, "index.html", `href="/tentang/"`, "! tentang.md")
	s.AssertFile(t, "tentang/index.html", `href="/#bagian"`)
}
