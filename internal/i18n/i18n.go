// Package i18n holds the words of the site's interface in Indonesian and
// English, and formats dates and numbers the way each language writes them
// ("Selasa, 29 Juli 2025"; "1,2 MB"). Templates reach it through the theme's
// t, date and bytes functions.
package i18n

import (
	"fmt"
	"strconv"
	"strings"
	"time"
)

// Lang is a language code: "id" or "en".
type Lang string

var days = map[Lang][7]string{
	"id": {"Minggu", "Senin", "Selasa", "Rabu", "Kamis", "Jumat", "Sabtu"},
	"en": {"Sunday", "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday"},
}

var months = map[Lang][12]string{
	"id": {"Januari", "Februari", "Maret", "April", "Mei", "Juni", "Juli", "Agustus", "September", "Oktober", "November", "Desember"},
	"en": {"January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"},
}

func (l Lang) known() Lang {
	if l == "en" {
		return "en"
	}
	return "id"
}

// LongDate writes "Selasa, 29 Juli 2025".
func (l Lang) LongDate(t time.Time) string {
	if t.IsZero() {
		return ""
	}
	l = l.known()
	return fmt.Sprintf("%s, %d %s %d", days[l][t.Weekday()], t.Day(), months[l][t.Month()-1], t.Year())
}

// Date writes "29 Juli 2025".
func (l Lang) Date(t time.Time) string {
	if t.IsZero() {
		return ""
	}
	return fmt.Sprintf("%d %s %d", t.Day(), months[l.known()][t.Month()-1], t.Year())
}

// MonthYear writes "Juli 2025".
func (l Lang) MonthYear(t time.Time) string {
	return fmt.Sprintf("%s %d", months[l.known()][t.Month()-1], t.Year())
}

// Decimal writes a number with one decimal in the language's style:
// "1,2" in Indonesian, "1.2" in English; whole numbers get no decimals.
func (l Lang) Decimal(f float64) string {
	s := strconv.FormatFloat(f, 'f', 1, 64)
	s = strings.TrimSuffix(s, ".0")
	if l.known() == "id" {
		s = strings.Replace(s, ".", ",", 1)
	}
	return s
}

// Bytes writes a file size: "830 KB", "1,2 MB".
func (l Lang) Bytes(n int64) string {
	switch {
	case n < 1000:
		return fmt.Sprintf("%d B", n)
	case n < 999_950: // from here on it would round to "1000 KB"
		return l.Decimal(float64(int64(float64(n)/100+0.5))/10) + " KB"
	default:
		return l.Decimal(float64(int64(float64(n)/100000+0.5))/10) + " MB"
	}
}

// T looks up an interface string; an unknown key comes back as itself, so
// a missing translation shows instead of vanishing.
func (l Lang) T(key string) string {
	if s, ok := strings_[l.known()][key]; ok {
		return s
	}
	if s, ok := strings_["id"][key]; ok {
		return s
	}
	return key
}

// Locale is the Open Graph locale: id_ID or en_US.
func (l Lang) Locale() string {
	if l.known() == "en" {
		return "en_US"
	}
	return "id_ID"
}
