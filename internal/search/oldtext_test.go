package search

// The text functions as they were before they were made faster, kept as
// the oracle the faster ones are held to.

import (
	"bytes"
	"html"
	"slices"
	"strings"
	"unicode"

	"github.com/tdewolff/parse/v2"
	phtml "github.com/tdewolff/parse/v2/html"
	"golang.org/x/text/runes"
	"golang.org/x/text/transform"
	"golang.org/x/text/unicode/norm"
)

// oldFold removes accents and lower-cases s.
func oldFold(s string) string {
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

// oldWords calls f with every word of s, folded, in order; stop words and
// overlong words are left out.
func oldWords(s string, f func(word string)) {
	s = oldFold(s)
	start := -1
	for i := 0; i <= len(s); i++ {
		if i < len(s) && (s[i] >= 'a' && s[i] <= 'z' || s[i] >= '0' && s[i] <= '9') {
			if start < 0 {
				start = i
			}
			continue
		}
		if start >= 0 {
			if w := s[start:i]; len(w) <= maxWord && !slices.Contains(Stopwords, w) {
				f(w)
			}
			start = -1
		}
	}
}

// oldTerms returns the distinct stems of the words of s, sorted and joined by
// spaces: what the index keeps of a page's text.
func oldTerms(s string) string {
	seen := map[string]bool{}
	oldWords(s, func(w string) { seen[oldStem(w)] = true })
	out := make([]string, 0, len(seen))
	for t := range seen {
		out = append(out, t)
	}
	slices.Sort(out)
	return strings.Join(out, " ")
}

// oldTermsOfHTML returns Terms of the text of a rendered body: its text
// nodes and the alt text of its pictures, without the markup. A page keeps
// only this string for the index, not its body.
func oldTermsOfHTML(body []byte) string {
	var b strings.Builder
	b.Grow(len(body) / 2)
	// The lexer lower-cases tag names in place: give it a copy.
	l := phtml.NewLexer(parse.NewInputBytes(bytes.Clone(body)))
	skip := false
	for {
		tt, data := l.Next()
		switch tt {
		case phtml.ErrorToken: // the end, or markup past repair: keep what was read
			return oldTerms(b.String())
		case phtml.StartTagToken:
			name := string(l.Text())
			skip = name == "script" || name == "style"
			b.WriteByte(' ')
		case phtml.EndTagToken:
			skip = false
			b.WriteByte(' ')
		case phtml.AttributeToken:
			if string(l.Text()) == "alt" {
				b.WriteString(html.UnescapeString(strings.Trim(string(l.AttrVal()), `"'`)))
				b.WriteByte(' ')
			}
		case phtml.TextToken:
			if !skip {
				b.WriteString(html.UnescapeString(string(data)))
			}
		}
	}
}

func oldStem(w string) string {
	measure := 0
	for i := 0; i < len(w); i++ {
		if isVowel(w[i]) {
			measure++
		}
	}
	if measure <= 2 {
		return w
	}
	// remove_particle
	for _, s := range []string{"kah", "lah", "pun"} {
		if strings.HasSuffix(w, s) {
			w = w[:len(w)-3]
			measure--
			break
		}
	}
	if measure <= 2 {
		return w
	}
	// remove_possessive_pronoun
	for _, s := range []string{"nya", "ku", "mu"} {
		if strings.HasSuffix(w, s) {
			w = w[:len(w)-len(s)]
			measure--
			break
		}
	}
	if measure <= 2 {
		return w
	}
	if rest, cursor, prefix, ok := firstOrderPrefix(w); ok {
		w = rest
		measure--
		// A second-order prefix goes only with a suffix: di-ber-main-kan
		// is main, diberada stays berada.
		if measure > 2 {
			if rest, ok := removeSuffix(w, prefix, cursor); ok {
				w = rest
				measure--
				if measure > 2 {
					w, _, _, _ = secondOrderPrefix(w, cursor, prefix)
				}
			}
		}
		return w
	}
	rest, cursor, prefix, ok := secondOrderPrefix(w, 0, 0)
	if ok {
		w = rest
		measure--
	}
	if measure > 2 {
		if rest, ok := removeSuffix(w, prefix, cursor); ok {
			w = rest
		}
	}
	return w
}
