package i18n

import (
	"testing"
	"time"
)

func TestZoneNote(t *testing.T) {
	jakarta, _ := time.LoadLocation("Asia/Jakarta")
	makassar, _ := time.LoadLocation("Asia/Makassar")
	at := func(off int) time.Time { return time.Date(2019, 2, 24, 0, 59, 0, 0, time.FixedZone("", off)) }
	for _, tc := range []struct {
		t    time.Time
		site *time.Location
		want string
	}{
		{at(7 * 3600), jakarta, ""},
		{at(8 * 3600), jakarta, "WITA"},
		{at(9 * 3600), jakarta, "WIT"},
		{at(7 * 3600), makassar, "WIB"},
		{at(8 * 3600), makassar, ""},
		{at(-8 * 3600), jakarta, "UTC-08:00"},
		{at(5*3600 + 1800), jakarta, "UTC+05:30"},
		{at(0), jakarta, "UTC"},
		{time.Time{}, jakarta, ""},
	} {
		if got := ZoneNote(tc.t, tc.site); got != tc.want {
			t.Errorf("ZoneNote(%s, %s) = %q, want %q", tc.t, tc.site, got, tc.want)
		}
	}
}
