package search

import (
	"encoding/json"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strings"
	"testing"
)

// The word rules and the ranking exist twice, here and in search.js; these
// tests run search.js in Node.js and compare. Without node they skip (CI
// machines have it).

const searchJS = "../../assets/js/search.js"

// node runs script with the given input on stdin and decodes its JSON
// output into out.
func node(t *testing.T, script string, input, out any) {
	t.Helper()
	bin, err := exec.LookPath("node")
	if err != nil {
		t.Skip("node is not installed: search.js is not compared with the Go side")
	}
	in, _ := json.Marshal(input)
	cmd := exec.Command(bin, "-e", script, searchJS)
	cmd.Stdin = strings.NewReader(string(in))
	cmd.Stderr = os.Stderr
	data, err := cmd.Output()
	if err != nil {
		t.Fatalf("node: %v", err)
	}
	if err := json.Unmarshal(data, out); err != nil {
		t.Fatalf("node said %s: %v", data, err)
	}
}

// wordForms makes every prefix and suffix combination of some bases.
func wordForms() []string {
	bases := []string{"ajar", "baca", "sentuh", "keras", "rundung", "lindung", "main", "kerja", "didik",
		"anak", "sekolah", "aman", "lapor", "beri", "tahan", "lihat", "ada", "guru", "lagu", "suara", "asuh", "ikut"}
	prefixes := []string{"", "me", "mem", "men", "meng", "meny", "di", "ter", "ke", "pe", "pem", "pen", "peng",
		"peny", "per", "ber", "be", "pel", "bel", "memper", "diper", "keber", "se"}
	suffixes := []string{"", "kan", "an", "i", "nya", "lah", "kah", "pun", "ku", "mu", "kannya", "annya", "inya"}
	var out []string
	for _, b := range bases {
		for _, p := range prefixes {
			for _, s := range suffixes {
				out = append(out, p+b+s)
			}
		}
	}
	return append(out, "pelajaran", "belajar", "bekerja", "menyanyi", "memukul", "bullying", "2025", "si", "ii")
}

func TestStemMatchesSearchJS(t *testing.T) {
	forms := wordForms()
	var got []string
	node(t, `const s = require(process.argv[1]);
let input = ''; process.stdin.on('data', d => input += d).on('end', () =>
  console.log(JSON.stringify(JSON.parse(input).map(s.stem))));`, forms, &got)
	if len(got) != len(forms) {
		t.Fatalf("%d stems for %d words", len(got), len(forms))
	}
	bad := 0
	for i, w := range forms {
		if want := Stem(w); got[i] != want && bad < 20 {
			bad++
			t.Errorf("search.js stems %q to %q, Stem to %q", w, got[i], want)
		}
	}
}

func TestWordsMatchSearchJS(t *testing.T) {
	texts := []string{"Kekerasan, di SEKOLAH!", "Pendidikan Anak Usia Dini – Ceria", "Café résumé naïve",
		"anak-anak bermain 2025/07/29", "yang dan di ke", "Ṣẹ́nà İstanbul", "  spasi  ", "sangatpanjangsekalikatainitidakakanpernahdicari x"}
	var got [][]string
	node(t, `const s = require(process.argv[1]);
let input = ''; process.stdin.on('data', d => input += d).on('end', () => {
  const stop = {}; for (const w of `+stopJSON()+`) stop[w] = 1;
  console.log(JSON.stringify(JSON.parse(input).map(t => s.words(t, stop))));
});`, texts, &got)
	for i, text := range texts {
		var want []string
		Words(text, func(w string) { want = append(want, w) })
		if !slices.Equal(got[i], want) && !(len(got[i]) == 0 && len(want) == 0) {
			t.Errorf("words of %q: search.js %q, Go %q", text, got[i], want)
		}
	}
}

func stopJSON() string {
	b, _ := json.Marshal(Stopwords)
	return string(b)
}

// TestRankMatchesSearchJS runs queries in search.js over the index files
// and compares the order of the pages with Reader's.
func TestRankMatchesSearchJS(t *testing.T) {
	docs := testDocs()
	for i := range 60 {
		d := testDocs()[i%len(testDocs())]
		d.URL += string(rune('a'+i%26)) + "/"
		d.Terms = Terms(d.Title + " " + wordForms()[i*37%len(wordForms())])
		docs = append(docs, d)
	}
	ix := Build(docs)
	dir := t.TempDir()
	for name, data := range ix.Files {
		if err := os.WriteFile(filepath.Join(dir, name), data, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	type query struct{ Q, Kind, Level string }
	queries := []query{{"kekerasan", "", ""}, {"sentuhan aman", "", ""}, {"ajar", "module", ""}, {"keras", "module", "sd"},
		{"peks", "", ""}, {"anak negeri", "news", ""}, {"bermain sekolah", "", ""}, {"tubuh", "", "paud"}}
	var got [][]int
	node(t, `const fs = require('fs'), path = require('path'), s = require(process.argv[1]);
const parts = {}; global.self = {wartaSearch: {push: it => parts[it[0]] = it[1]}};
const dir = `+jsString(dir)+`;
for (const f of fs.readdirSync(dir)) eval(fs.readFileSync(path.join(dir, f), 'utf8'));
const meta = parts.meta, stop = {}; meta.stop.forEach(w => stop[w] = 1);
let input = ''; process.stdin.on('data', d => input += d).on('end', () => {
  console.log(JSON.stringify(JSON.parse(input).map(q => {
    const [t, pre] = s.terms(q.Q, stop);
    let lo = 0, hi = meta.n;
    for (const k of [q.Kind, q.Level]) if (k) { const r = meta.k[k]; lo = Math.max(lo, r[0]); hi = Math.min(hi, r[1]); }
    return s.rank(s.need(meta, t, pre).map(n => parts['w' + n]), t, pre, lo, hi, meta.n);
  })));
});`, queries, &got)
	r, err := Open(ix.Files)
	if err != nil {
		t.Fatal(err)
	}
	for i, q := range queries {
		res, err := r.Search(q.Q, q.Kind, q.Level, len(docs))
		if err != nil {
			t.Fatal(err)
		}
		var want []int
		for _, h := range res.Hits {
			want = append(want, h.ID)
		}
		if len(want) == 0 {
			t.Errorf("%q finds nothing", q.Q)
		}
		if !slices.Equal(got[i], want) && !(len(got[i]) == 0 && len(want) == 0) {
			t.Errorf("%+v: search.js %v, Go %v", q, got[i], want)
		}
	}
}

func jsString(s string) string {
	b, _ := json.Marshal(s)
	return string(b)
}
