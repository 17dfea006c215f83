package search

import (
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"

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

// isStop says whether w is one of Stopwords (TestIsStop holds the two
// lists together); a switch is quicker than a map for every word of every
// page.
func isStop(w string) bool {
	switch w {
	case "ada", "adalah", "agar", "akan", "atau", "bagi", "bahwa", "dalam", "dan",
		"dari", "dengan", "di", "dia", "ini", "itu", "juga", "ke", "kami", "kita",
		"oleh", "pada", "para", "saat", "sebagai", "telah", "untuk", "yang":
		return true
	}
	return false
}

// Fold removes accents and lower-cases s.
func Fold(s string) string {
	for i := 0; i < len(s); i++ {
		if s[i] >= 0x80 {
			if out, _, err := transform.String(unaccent(), s); err == nil {
				s = out
			}
			break
		}
	}
	return strings.ToLower(s)
}

// unaccent takes accents off: decomposed, marks out, composed again.
func unaccent() transform.Transformer {
	return transform.Chain(norm.NFD, runes.Remove(runes.In(unicode.Mn)), norm.NFC)
}

// foldWords is Fold for Words: the same words, sooner. Only the stretches
// between ASCII spaces and punctuation that hold other characters go
// through unaccent, not the whole text: an ASCII character is never the
// second of two that normalisation joins, so a stretch folds as it would
// in the whole text, and what falls between words is not a word either
// way (FuzzWords holds the two to the same words). That holds for valid
// UTF-8.
func foldWords(s string) string {
	ascii := true
	for i := 0; i < len(s) && ascii; i++ {
		ascii = s[i] < 0x80
	}
	if ascii {
		return strings.ToLower(s)
	}
	if !utf8.ValidString(s) {
		// Normalisation handles broken UTF-8 at the end of its input
		// differently from the middle: fold the text whole.
		return Fold(s)
	}
	var b strings.Builder
	b.Grow(len(s))
	var t transform.Transformer
	var done map[string]string // stretches folded already: pages repeat their words
	for len(s) > 0 {
		n, plain := 0, true // a stretch up to a separator, and whether it is ASCII
		for ; n < len(s) && (s[n] >= 0x80 || isWordByte(s[n])); n++ {
			plain = plain && s[n] < 0x80
		}
		if n == 0 { // a separator
			b.WriteByte(s[0])
			s = s[1:]
			continue
		}
		part := s[:n]
		s = s[n:]
		if plain {
			for i := 0; i < len(part); i++ {
				c := part[i]
				if 'A' <= c && c <= 'Z' {
					c += 'a' - 'A'
				}
				b.WriteByte(c)
			}
			continue
		}
		if out, ok := done[part]; ok {
			b.WriteString(out)
			continue
		}
		if t == nil {
			t, done = unaccent(), map[string]string{}
		}
		out := part
		if o, _, err := transform.String(t, part); err == nil {
			out = o
		}
		out = strings.ToLower(out)
		done[part] = out
		b.WriteString(out)
	}
	return b.String()
}

func isWordByte(c byte) bool {
	return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9'
}

// Words calls f with every word of s, folded, in order; stop words and
// overlong words are left out.
func Words(s string, f func(word string)) {
	s = foldWords(s)
	start := -1
	for i := 0; i <= len(s); i++ {
		if i < len(s) && (s[i] >= 'a' && s[i] <= 'z' || s[i] >= '0' && s[i] <= '9') {
			if start < 0 {
				start = i
			}
			continue
		}
		if start >= 0 {
			if w := s[start:i]; len(w) <= maxWord && !isStop(w) {
				f(w)
			}
			start = -1
		}
	}
}

// Terms returns the distinct stems of the words of s, sorted and joined by
// spaces: what the index keeps of a page's text.
func Terms(s string) string {
	// A page says most words many times: stem each once.
	seen := make(map[string]struct{}, min(len(s)/16+8, 1024))
	var stems []string
	Words(s, func(w string) {
		if _, ok := seen[w]; !ok {
			seen[w] = struct{}{}
			stems = append(stems, Stem(w))
		}
	})
	slices.Sort(stems)
	return strings.Join(slices.Compact(stems), " ")
}
