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

// Regression (issue 12): check stopped at front matter errors; staff fixed
// the title, ran it again, and only then learnt of the broken link below.
// One run reports a field error, a front matter syntax error, the links of
// both pages and of a third, and a missing picture, each once.
func TestCheckReportsEverythingInOneRun(t *testing.T) {
	list, _ := check.Run(t.Context(), check.Options{Build: build.Options{
		Source: sitetest.Files(`
-- site.yaml --
title: Uji
base_url: https://example.org/
-- content/berita/2025-07-29-tanpa-judul.md --
---
date: 2025-07-29
---
Baca [laporan](/laporan-hilang/).
-- content/berita/2025-07-30-rusak.md --
---
title: Rusak
date: [2025-07-30
---
Lihat [kontak](kontak.md) dan ![Foto kegiatan](foto-hilang.jpg).
-- content/tentang.md --
---
title: Tentang
---
Kembali ke [berita rusak](berita/2025-07-30-rusak.md) dan [arsip](/arsip/).
`), Theme: warta.Theme, Future: true,
		Now: time.Date(2026, 11, 28, 0, 0, 0, 0, time.UTC),
	}})
	got := strings.TrimSpace(list.Format("en"))
	want := strings.TrimSpace(`
content/berita/2025-07-29-tanpa-judul.md:1: "title" is required; add a line like title: "Judul halaman" to the front matter
content/berita/2025-07-29-tanpa-judul.md:4: the link "/laporan-hilang/" leads nowhere: the site has nothing at /laporan-hilang/; correct the address or remove the link
content/berita/2025-07-30-rusak.md:3: the YAML front matter is not valid: a list opened with [ is not closed with ], or a comma is missing between its items
content/berita/2025-07-30-rusak.md:5: the link "kontak.md" leads to content/berita/kontak.md, which is not a page of the site; correct the file name or remove the link
content/berita/2025-07-30-rusak.md:5: the picture "foto-hilang.jpg" is not there: no file content/berita/foto-hilang.jpg; correct the name or add the file to the page's folder
content/tentang.md:4: the link "/arsip/" leads nowhere: the site has nothing at /arsip/; correct the address or remove the link`)
	if got != want {
		t.Fatalf("check found:\n%s\n\nwant:\n%s", got, want)
	}
}

// A picture that is not there stops warta build too, not only check.
func TestBuildReportsMissingPicture(t *testing.T) {
	s := sitetest.BuildTxtar(t, `
-- content/tentang.md --
---
title: Tentang
---
Teks.

![Kantor dinas](kantor.jpg)
-- content/berita/2025-07-29-x/index.md --
---
title: X
date: 2025-07-29
consent: true
---
![Ada](ada.jpg) ![Salah ketik](ada.jgp) ![Lain](https://example.org/a.jpg) ![Situs](/img/logo.png)
-- content/berita/2025-07-29-x/ada.jpg --
x
`, sitetest.Options{})
	s.AssertFailed(t)
	got := strings.Join(s.Diagnostics(), "\n")
	want := strings.Join([]string{
		`content/berita/2025-07-29-x/index.md:6: the picture "ada.jgp" is not there: no file content/berita/2025-07-29-x/ada.jgp; correct the name or add the file to the page's folder`,
		`content/tentang.md:6: the picture "kantor.jpg" is not there: no file content/kantor.jpg; correct the name or add the file to the page's folder`,
	}, "\n")
	if !strings.Contains(got, want) {
		t.Errorf("diagnostics:\n%s\nwant among them:\n%s", got, want)
	}
}
