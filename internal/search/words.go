package search

import (
	"slices"
	"strings"
	"unicode"

	"golang.org/x/text/runes"
	"golang.org/x/text/transform"
	"golang.org/x/text/unicode/norm"
)

// maxWord is the longest word indexed; longer runs are addresses or noise.
const maxWord = 30

// Stopwords are words too common to find anything with: they are neither
// indexed nor searched for. search.js reads them from the index.
var Stopwords = []string{
	"ada", "adalah", "agar", "akan", "atau", "bagi", "bahwa", "dalam", "dan",
	"dari", "dengan", "di", "dia", "ini", "itu", "juga", "ke", "kami", "kita",
	"oleh", "pada", "para", "saat", "sebagai", "telah", "untuk", "yang",
}

var stop = func() map[string]bool {
	m := map[string]bool{}
	for _, w := range Stopwords {
		m[w] = true
	}
	return m
}()

// Fold removes accents and lower-cases s.
func Fold(s string) string {
	for i := 0; i < len(s); i++ {
		if s[i] >= 0x80 {
			t := transform.Chain(norm.NFD, runes.Remove(runes.In(unicode.Mn)), norm.NFC)
			if out, _, err := transform.String(t, s); err == nil {
				s = out
			}
			break
		}
	}
	return strings.ToLower(s)
}

// Words calls f with every word of s, folded, in order; stop words and
// overlong words are left out.
func Words(s string, f func(word string)) {
	s = Fold(s)
	start := -1
	for i := 0; i <= len(s); i++ {
		if i < len(s) && (s[i] >= 'a' && s[i] <= 'z' || s[i] >= '0' && s[i] <= '9') {
			if start < 0 {
				start = i
			}
			continue
		}
		if start >= 0 {
			if w := s[start:i]; len(w) <= maxWord && !stop[w] {
				f(w)
			}
			start = -1
		}
	}
}

// Terms returns the distinct stems of the words of s, sorted and joined by
// spaces: what the index keeps of a page's text.
func Terms(s string) string {
	seen := map[string]bool{}
	Words(s, func(w string) { seen[Stem(w)] = true })
	out := make([]string, 0, len(seen))
	for t := range seen {
		out = append(out, t)
	}
	slices.Sort(out)
	return strings.Join(out, " ")
}
