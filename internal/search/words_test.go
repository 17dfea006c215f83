package search

import (
	"slices"
	"strings"
	"testing"
)

func TestIsStop(t *testing.T) {
	words := append(wordForms(), "", "a", "ad", "adal", "adalahh", "Yang", "dan ", "untu")
	for _, w := range Stopwords {
		words = append(words, w, w[:len(w)-1], w+"s")
	}
	for _, w := range words {
		if got, want := isStop(w), slices.Contains(Stopwords, w); got != want {
			t.Errorf("isStop(%q) = %v, want %v", w, got, want)
		}
	}
}

// wordsOf is Words as a list, or nil.
func wordsOf(words func(string, func(string)), s string) []string {
	var out []string
	words(s, func(w string) { out = append(out, w) })
	return out
}

// tricky texts for the word rules: accents composed and not, marks after
// spaces and punctuation, letters that fold to punctuation (≠ is = and a
// mark), other scripts, broken UTF-8.
var tricky = []string{
	"Café résumé naïve", "Cafe\u0301 re\u0301sume\u0301", "anak \u0301e \u0301\u0301x", "a=\u0338b <\u0338c ≠d",
	"Ṣẹ́nà İstanbul ǅemal ﬁnal ｆｕｌｌ", "한국어 가\u11a8 ক\u09be\u09d7", "\xe2 anak \xff\xfeguru\xc3", "“guru” – anák… SD·SMP",
	"ÅNGSTRÖM Å Ω K", "x" + strings.Repeat("\u0301", 40) + "y" + strings.Repeat("\u0903", 40) + "z",
	"000000\xf3é 0", "kekerasan, di SEKOLAH!", "anak-anak bermain 2025/07/29", "",
}

func TestWordsMatchOld(t *testing.T) {
	for _, s := range append(tricky, string(pagesHTML()[1])) {
		if got, want := wordsOf(Words, s), wordsOf(oldWords, s); !slices.Equal(got, want) {
			t.Errorf("Words(%q) = %q, want %q", s, got, want)
		}
		if got, want := Terms(s), oldTerms(s); got != want {
			t.Errorf("Terms(%q) = %q, want %q", s, got, want)
		}
	}
	for _, page := range pagesHTML() {
		if got, want := TermsOfHTML(page), oldTermsOfHTML(page); got != want {
			t.Errorf("TermsOfHTML:\n%s\nwant\n%s", got, want)
		}
	}
}

// FuzzWords holds Words, Terms and TermsOfHTML to what they were before
// they were made faster.
func FuzzWords(f *testing.F) {
	for _, s := range tricky {
		f.Add(s)
	}
	f.Add(`<p>Anak &amp; <EM>gúru</EM></p><img alt="Siswa menyentuh"><script>x</script>`)
	f.Fuzz(func(t *testing.T, s string) {
		if got, want := wordsOf(Words, s), wordsOf(oldWords, s); !slices.Equal(got, want) {
			t.Fatalf("Words(%q) = %q, want %q", s, got, want)
		}
		if got, want := Terms(s), oldTerms(s); got != want {
			t.Fatalf("Terms(%q) = %q, want %q", s, got, want)
		}
		if got, want := TermsOfHTML([]byte(s)), oldTermsOfHTML([]byte(s)); got != want {
			t.Fatalf("TermsOfHTML(%q) = %q, want %q", s, got, want)
		}
	})
}
