package build_test

import (
	"testing"

	"github.com/dinsos-metro/warta/internal/sitetest"
)

// Regression (issue 12): a report written in Makassar at 00:59 WITA on
// 24 February was shown as Saturday 23 February, converted to the site's
// zone. A date keeps the day where it was written, names that zone when it
// is not the site's, and still orders by the instant.
func TestDatesKeepTheirOwnDay(t *testing.T) {
	s := sitetest.BuildTxtar(t, `
-- site.yaml --
title: Uji
base_url: https://example.org/
-- content/berita/wib.md --
---
title: Laporan WIB
date: 2019-02-24T23:30:00+07:00
---
Isi.
-- content/berita/wita.md --
---
title: Laporan WITA
date: 2019-02-24T00:59:50+08:00
---
Isi.
-- content/berita/wit.md --
---
title: Laporan WIT
date: 2019-03-01T06:00:00+09:00
---
Isi.
-- content/berita/jekyll.md --
---
title: Laporan Jekyll
date: 2017-04-05 16:16:01 -0800
---
Isi.
-- content/berita/wordpress.md --
---
title: Laporan WordPress
date: 2013-07-08 10:20
---
Isi.
`, sitetest.Options{NoMinify: true})
	s.AssertOK(t)
	s.AssertFile(t, "berita/wib/index.html", "Minggu, 24 Februari 2019</time>", `datetime="2019-02-24T23:30:00&#43;07:00"`)
	s.AssertFile(t, "berita/wita/index.html", "Minggu, 24 Februari 2019 (WITA)", `datetime="2019-02-24T00:59:50&#43;08:00"`, "! 23 Februari")
	s.AssertFile(t, "berita/wit/index.html", "Jumat, 1 Maret 2019 (WIT)", `datetime="2019-03-01T06:00:00&#43;09:00"`, "! 28 Februari")
	s.AssertFile(t, "berita/jekyll/index.html", "Rabu, 5 April 2017 (UTC-08:00)", `datetime="2017-04-05T16:16:01-08:00"`)
	s.AssertFile(t, "berita/wordpress/index.html", "Senin, 8 Juli 2013</time>", `datetime="2013-07-08T10:20:00&#43;07:00"`)
	// The list orders by the instant: 23:30 WIB on the 24th is after
	// 00:59 WITA on the 24th (23:59 WIB on the 23rd).
	list := s.File(t, "berita/index.html")
	if wib, wita := indexOf(list, "Laporan WIB"), indexOf(list, "Laporan WITA"); wib < 0 || wita < 0 || wib > wita {
		t.Errorf("the WIB report (later instant) should come first: WIB at %d, WITA at %d", wib, wita)
	}
	s.AssertFile(t, "feed.xml", "2019-02-24T00:59:50+08:00")
}

func indexOf(s, sub string) int {
	for i := 0; i+len(sub) <= len(s); i++ {
		if s[i:i+len(sub)] == sub {
			return i
		}
	}
	return -1
}
