// Package slug makes URL parts from titles and file names.
package slug

import (
	"regexp"
	"strings"
	"unicode"

	"golang.org/x/text/runes"
	"golang.org/x/text/transform"
	"golang.org/x/text/unicode/norm"
)

var datePrefix = regexp.MustCompile(`^(\d{4}-\d{2}-\d{2})-`)

// Make makes a URL part from a title or file name: lower case ASCII
// letters and digits, words joined by single hyphens. Accents are dropped
// ("Pendidikan Anak Usia Dini – Ceria" → "pendidikan-anak-usia-dini-ceria").
func Make(s string) string {
	plain := s
	if !isASCII(s) {
		// Only text with accents needs the (allocating) Unicode transform.
		t := transform.Chain(norm.NFD, runes.Remove(runes.In(unicode.Mn)), norm.NFC)
		if out, _, err := transform.String(t, s); err == nil {
			plain = out
		}
	}
	var b strings.Builder
	hyphen := false
	for _, r := range strings.ToLower(plain) {
		switch {
		case r >= 'a' && r <= 'z', r >= '0' && r <= '9':
			if hyphen && b.Len() > 0 {
				b.WriteByte('-')
			}
			hyphen = false
			b.WriteRune(r)
		default:
			hyphen = true
		}
	}
	return b.String()
}

// SplitDatePrefix returns the date of a name like "2025-07-29-judul" and
// the name without it.
func SplitDatePrefix(name string) (date, rest string) {
	if m := datePrefix.FindStringSubmatch(name); m != nil {
		return m[1], name[len(m[0]):]
	}
	return "", name
}

func isASCII(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] >= 0x80 {
			return false
		}
	}
	return true
}
