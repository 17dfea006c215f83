package corpus

import (
	"bytes"
	"fmt"
	"math/rand/v2"
	"strings"
)

// text writes Markdown made of generated sentences and counts its words.
type text struct {
	r     *rand.Rand
	b     bytes.Buffer
	words int
}

func pick[T any](r *rand.Rand, xs []T) T { return xs[r.IntN(len(xs))] }

// sentence is one capitalised sentence of 8 to 20 words.
func (t *text) sentence() string {
	r := t.r
	parts := []string{pick(r, subjects), pick(r, verbs), pick(r, nouns)}
	if r.IntN(2) == 0 {
		parts = append(parts, pick(r, adjectives))
	}
	parts = append(parts, pick(r, preps), pick(r, nouns))
	if r.IntN(3) > 0 {
		parts = append(parts, pick(r, adverbs))
	}
	if r.IntN(2) == 0 {
		parts = append(parts, pick(r, conjs), pick(r, nouns), pick(r, verbs), pick(r, nouns), pick(r, adjectives))
	}
	s := strings.Join(parts, " ")
	t.words += strings.Count(s, " ") + 1
	return s + "."
}

func (t *text) sentences(n int) string {
	s := make([]string, n)
	for i := range s {
		s[i] = t.sentence()
	}
	return strings.Join(s, " ")
}

func (t *text) line(format string, args ...any) {
	fmt.Fprintf(&t.b, format, args...)
	t.b.WriteByte('\n')
}

func (t *text) paragraph() { t.line("%s\n", t.sentences(3+t.r.IntN(3))) }

// paragraphWithLink puts one Markdown link in the middle of a paragraph.
func (t *text) paragraphWithLink(l link) {
	t.line("%s Selengkapnya dapat dibaca pada [%s](%s). %s\n", t.sentences(2), l.text, l.url, t.sentences(2))
	t.words += 5 + strings.Count(l.text, " ")
}

func (t *text) heading(h string) {
	t.line("## %s\n", h)
	t.words += strings.Count(h, " ") + 1
}

// phrase is a short list item: a verb and its object.
func (t *text) phrase() string {
	s := fmt.Sprintf("%s %s %s %s", pick(t.r, verbs), pick(t.r, nouns), pick(t.r, preps), pick(t.r, nouns))
	t.words += strings.Count(s, " ") + 1
	return strings.ToUpper(s[:1]) + s[1:]
}

func (t *text) bullets() {
	for range 3 + t.r.IntN(3) {
		t.line("- %s.", t.phrase())
	}
	t.b.WriteByte('\n')
}

func (t *text) numbered() {
	for i := range 3 + t.r.IntN(3) {
		t.line("%d. **%s.** %s", i+1, t.phrase(), t.sentence())
	}
	t.b.WriteByte('\n')
}

func (t *text) table() {
	t.line("| Kegiatan | Peserta | Waktu |")
	t.line("| --- | ---: | --- |")
	for range 3 + t.r.IntN(3) {
		t.line("| %s | %d orang | %d menit |", t.phrase(), 10+t.r.IntN(140), 5*(2+t.r.IntN(12)))
	}
	t.b.WriteByte('\n')
}

func (t *text) quote() {
	said := strings.TrimSuffix(t.sentences(1+t.r.IntN(2)), ".")
	t.line("> \"%s,\" kata %s, %s.\n", said, pick(t.r, people), pick(t.r, roles))
	t.words += 6
}

// link is a Markdown link to another generated page.
type link struct{ text, url string }

// article writes a news body of about want words: a lead, then headed
// sections that hold, somewhere, a bullet list, a numbered list, a table
// and a quote, and a closing "Baca juga" list of links.
func (t *text) article(want int, links []link) {
	t.paragraph()
	specials := []func(){t.bullets, t.numbered, t.table, t.quote}
	t.r.Shuffle(len(specials), func(i, j int) { specials[i], specials[j] = specials[j], specials[i] })
	hs := append([]string(nil), headings...)
	t.r.Shuffle(len(hs), func(i, j int) { hs[i], hs[j] = hs[j], hs[i] })
	inline := true
	for i := 0; i < len(hs) && (len(specials) > 0 || t.words < want-40); i++ {
		t.heading(hs[i])
		if inline && len(links) > 0 {
			t.paragraphWithLink(links[0])
			inline = false
		} else {
			t.paragraph()
		}
		if len(specials) > 0 {
			specials[0]()
			specials = specials[1:]
		}
		if t.words < want-150 {
			t.paragraph()
		}
	}
	t.heading("Baca juga")
	for _, l := range links[min(1, len(links)):] {
		t.line("- [%s](%s)", l.text, l.url)
		t.words += strings.Count(l.text, " ") + 1
	}
}

// lesson writes a module body: opening, steps, closing and notes.
func (t *text) lesson(minutes int) {
	t.paragraph()
	t.heading(fmt.Sprintf("Pembukaan (%d menit)", minutes/6))
	t.paragraph()
	t.heading(fmt.Sprintf("Kegiatan inti (%d menit)", minutes*2/3))
	t.numbered()
	t.paragraph()
	t.heading(fmt.Sprintf("Penutup (%d menit)", minutes/6))
	t.paragraph()
	t.heading("Catatan untuk guru")
	t.bullets()
}

// someWords returns n nouns of the vocabulary, for captions and alt text.
func someWords(r *rand.Rand, n int) string {
	w := make([]string, n)
	for i := range w {
		w[i] = pick(r, nouns)
	}
	return strings.Join(w, " ")
}

// slugify makes a URL part from ASCII text: "SD Negeri 5" → "sd-negeri-5".
func slugify(s string) string {
	var b strings.Builder
	hyphen := false
	for _, c := range strings.ToLower(s) {
		if c >= 'a' && c <= 'z' || c >= '0' && c <= '9' {
			if hyphen && b.Len() > 0 {
				b.WriteByte('-')
			}
			hyphen = false
			b.WriteRune(c)
		} else {
			hyphen = true
		}
	}
	return b.String()
}
