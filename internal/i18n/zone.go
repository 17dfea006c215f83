package i18n

import (
	"fmt"
	"time"
)

// ZoneName names a UTC offset the way Indonesians write it: WIB (+07:00),
// WITA (+08:00) and WIT (+09:00); any other offset as "UTC" or "UTC+hh:mm".
func ZoneName(offset int) string {
	switch offset {
	case 0:
		return "UTC"
	case 7 * 3600:
		return "WIB"
	case 8 * 3600:
		return "WITA"
	case 9 * 3600:
		return "WIT"
	}
	sign := '+'
	if offset < 0 {
		sign, offset = '-', -offset
	}
	return fmt.Sprintf("UTC%c%02d:%02d", sign, offset/3600, offset/60%60)
}

// ZoneNote is the zone to write after a date when it was written in
// another zone than the site's ("WITA"), and "" when it was not: a date
// keeps the calendar day of the place it was written, so a reader must be
// told when that place is not the site's.
func ZoneNote(t time.Time, site *time.Location) string {
	if t.IsZero() || site == nil {
		return ""
	}
	_, own := t.Zone()
	_, there := t.In(site).Zone()
	if own == there {
		return ""
	}
	return ZoneName(own)
}
