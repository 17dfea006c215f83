package search

import (
	"fmt"
	"math/rand/v2"
	"slices"
	"strings"
	"testing"
	"unsafe"

	"github.com/dinsos-metro/warta/internal/corpus"
)

// The Builder is held to referenceBuild, the index as it was built before
// there was a Builder: after any sequence of edits, the same files byte
// for byte.

// sameIndex reports how got differs from want.
func sameIndex(t *testing.T, step string, got, want *Index) {
	t.Helper()
	if got.Version != want.Version || got.Pages != want.Pages || len(got.Files) != len(want.Files) {
		t.Fatalf("%s: version %s, %d pages, %d files; want %s, %d, %d",
			step, got.Version, got.Pages, len(got.Files), want.Version, want.Pages, len(want.Files))
	}
	for name, data := range want.Files {
		if g, ok := got.Files[name]; !ok || string(g) != string(data) {
			t.Fatalf("%s: %s is\n%.300s\nwant\n%.300s", step, name, g, data)
		}
	}
}

// snapshot copies the files of ix, to check later that nobody changed them.
func snapshot(ix *Index) map[string]string {
	m := map[string]string{}
	for name, data := range ix.Files {
		m[name] = string(data)
	}
	return m
}

func unchanged(t *testing.T, step string, ix *Index, snap map[string]string) {
	t.Helper()
	for name, data := range ix.Files {
		if string(data) != snap[name] {
			t.Fatalf("%s: %s of the build before was changed afterwards", step, name)
		}
	}
}

// editor makes random docs and random edits of them.
type editor struct {
	r     *rand.Rand
	vocab []string
	n     int // docs made
}

func newEditor(seed uint64) *editor {
	e := &editor{r: rand.New(rand.NewPCG(seed, 99))}
	forms := wordForms()
	for range 150 {
		e.vocab = append(e.vocab, forms[e.r.IntN(len(forms))])
	}
	e.vocab = append(e.vocab, Stopwords[:6]...)
	e.vocab = append(e.vocab, "Café", "RÉSUMÉ", "naïve", "2025", "SMP", "anak-anak", "x",
		"sangatpanjangsekalikatainitidakakanpernahdicari", `"kutip"`, "</script>", "a\u2028b")
	return e
}

// word draws common words more often than rare ones.
func (e *editor) word() string {
	return e.vocab[int(float64(len(e.vocab))*e.r.Float64()*e.r.Float64())]
}

func (e *editor) text(n int) string {
	words := make([]string, e.r.IntN(n+1))
	for i := range words {
		words[i] = e.word()
	}
	return strings.Join(words, " ")
}

func (e *editor) terms() string {
	if e.r.IntN(20) == 0 { // not from Terms: repeats, odd spaces, unsorted
		return " zz  " + e.word() + "\u00a0aa\tzz " + e.word()
	}
	return Terms(e.text(40))
}

func (e *editor) fields() []string {
	if e.r.IntN(5) == 0 {
		return nil
	}
	fs := make([]string, 1+e.r.IntN(4))
	for i := range fs {
		fs[i] = e.text(3)
	}
	return fs
}

var (
	testKinds  = []string{"news", "news", "news", "module", "gallery", "page", "other", ""}
	testLevels = []string{"paud", "sd", "smp", "tk"}
)

func (e *editor) kind(d *Doc) {
	d.Kind, d.Level = pick(e.r, testKinds), ""
	if d.Kind == "module" || e.r.IntN(30) == 0 {
		d.Level = pick(e.r, testLevels)
	}
}

func (e *editor) doc() Doc {
	e.n++
	d := Doc{URL: fmt.Sprintf("p/%d/", e.n), Title: e.text(6), Label: pick(e.r, []string{"Berita", "Modul · SD", ""}),
		Date: pick(e.r, []string{"", "1 Mei 2026"}), Summary: e.text(12), Fields: e.fields(), Terms: e.terms()}
	e.kind(&d)
	return d
}

func (e *editor) docs(n int) []Doc {
	docs := make([]Doc, n)
	for i := range docs {
		docs[i] = e.doc()
	}
	return docs
}

// edit changes docs the way a site changes between two builds, mostly one
// page at a time.
func (e *editor) edit(docs []Doc, op int) ([]Doc, string) {
	r := e.r
	if len(docs) == 0 && op != 15 {
		op = 12
	}
	i := r.IntN(max(len(docs), 1))
	switch op {
	case 0: // a word more or less
		ts := strings.Fields(docs[i].Terms)
		if len(ts) > 0 && r.IntN(2) == 0 {
			k := r.IntN(len(ts))
			ts = slices.Delete(ts, k, k+1)
		} else {
			ts = append(ts, Stem(strings.ToLower(e.word())))
			slices.Sort(ts)
		}
		docs[i].Terms = strings.Join(ts, " ")
		return docs, "terms"
	case 1:
		docs[i].Terms = e.terms()
		return docs, "new terms"
	case 2:
		docs[i].Summary = e.text(12)
		return docs, "summary"
	case 3:
		docs[i].Title = e.text(6)
		return docs, "title"
	case 4:
		docs[i].Fields = e.fields()
		return docs, "fields"
	case 5: // the caller changes the slice it gave before
		if len(docs[i].Fields) > 0 {
			docs[i].Fields[r.IntN(len(docs[i].Fields))] = e.text(3)
		}
		return docs, "fields in place"
	case 6:
		switch r.IntN(3) {
		case 0:
			docs[i].URL = fmt.Sprintf("q/%d/", r.IntN(1000))
		case 1:
			docs[i].Label = e.text(1)
		default:
			docs[i].Date = e.text(2)
		}
		return docs, "fragment"
	case 7:
		e.kind(&docs[i])
		return docs, "kind"
	case 8:
		j := r.IntN(len(docs))
		docs[i], docs[j] = docs[j], docs[i]
		return docs, "swap"
	case 9:
		d := docs[i]
		docs = slices.Delete(docs, i, i+1)
		return slices.Insert(docs, r.IntN(len(docs)+1), d), "move"
	case 10:
		return slices.Delete(docs, i, i+1), "delete"
	case 11: // the same docs, made again: equal strings in other memory
		docs = slices.Clone(docs)
		for k := range docs {
			d := &docs[k]
			d.URL, d.Title, d.Summary, d.Terms = strings.Clone(d.URL), strings.Clone(d.Title), strings.Clone(d.Summary), strings.Clone(d.Terms)
			d.Fields = slices.Clone(d.Fields)
			for f := range d.Fields {
				d.Fields[f] = strings.Clone(d.Fields[f])
			}
		}
		return docs, "same, copied"
	case 12:
		return slices.Insert(docs, r.IntN(len(docs)+1), e.doc()), "insert"
	case 13: // a second page at the same address
		return slices.Insert(docs, r.IntN(len(docs)+1), docs[i]), "duplicate"
	case 14: // many pages at once
		for range 20 + r.IntN(60) {
			docs, _ = e.edit(docs, r.IntN(8))
		}
		return docs, "many"
	case 15:
		if r.IntN(4) == 0 {
			return nil, "empty"
		}
		return docs, "nothing"
	case 16: // a new report on top
		return slices.Insert(docs, 0, e.doc()), "insert first"
	case 17:
		return docs[1:], "delete first"
	case 18:
		at := r.IntN(len(docs) + 1)
		for range 1 + r.IntN(5) {
			docs = slices.Insert(docs, at, e.doc())
		}
		return docs, "insert some"
	case 19:
		return slices.Delete(docs, i, min(i+1+r.IntN(5), len(docs))), "delete some"
	case 20: // one page for another
		docs[i] = e.doc()
		return docs, "replace"
	}
	return docs, "nothing"
}

const editOps = 21

// TestBuildMatchesReference holds the function Build to the old one.
func TestBuildMatchesReference(t *testing.T) {
	docs := smallCorpus(t)
	sameIndex(t, "corpus", Build(docs), referenceBuild(docs, ShardBytes))
	sameIndex(t, "test docs", Build(testDocs()), referenceBuild(testDocs(), ShardBytes))
	sameIndex(t, "no docs", Build(nil), referenceBuild(nil, ShardBytes))
	sameIndex(t, "empty docs", Build([]Doc{{}}), referenceBuild([]Doc{{}}, ShardBytes))
}

// TestBuilderRandomEdits edits random sites at random, with shards small
// enough that their boundaries move, and compares every build.
func TestBuilderRandomEdits(t *testing.T) {
	steps := 150
	if testing.Short() {
		steps = 60
	}
	for seed := range uint64(16) {
		e := newEditor(seed)
		shardBytes := []int{40, 300, 2000, ShardBytes}[seed%4]
		b := &Builder{shardBytes: shardBytes, chunkPages: []int{1, 2, 5, 0, 3, 0}[seed%6]}
		docs := e.docs(20 + e.r.IntN(100))
		var prev *Index
		var snap map[string]string
		for step := range steps {
			var what string
			docs, what = e.edit(docs, e.r.IntN(editOps))
			name := fmt.Sprintf("seed %d step %d (%s, %d docs)", seed, step, what, len(docs))
			got := b.Build(docs)
			sameIndex(t, name, got, referenceBuild(docs, shardBytes))
			if prev != nil {
				unchanged(t, name, prev, snap)
			}
			prev, snap = got, snapshot(got)
		}
	}
}

// TestBuilderCorpusEdits edits pages of a generated site one at a time.
func TestBuilderCorpusEdits(t *testing.T) {
	docs := smallCorpus(t)
	e := newEditor(1)
	b := NewBuilder()
	for step := range 52 {
		var what string
		docs, what = e.edit(docs, []int{0, 0, 1, 2, 3, 4, 12, 10, 16, 17, 18, 19, 20}[step%13])
		sameIndex(t, fmt.Sprintf("step %d (%s)", step, what), b.Build(docs), referenceBuild(docs, ShardBytes))
	}
}

// TestBuilderReusesFiles checks that one edited page leaves most files as
// they were, in the same memory.
func TestBuilderReusesFiles(t *testing.T) {
	docs := smallCorpus(t)
	b := NewBuilder()
	before := b.Build(docs)
	docs[5].Terms = strings.Replace(docs[5].Terms, " anak ", " ", 1) + " zzz"
	after := b.Build(docs)
	same := 0
	for name, data := range after.Files {
		if old := before.Files[name]; len(old) > 0 && unsafe.SliceData(old) == unsafe.SliceData(data) {
			same++
		}
	}
	// What changes: meta.js, the fragment is the same, the shards of anak and zzz.
	if changed := len(after.Files) - same; changed > 3 {
		t.Errorf("%d of %d files made again for one page's text", changed, len(after.Files))
	}
	if after.Version == before.Version {
		t.Error("the version did not change")
	}
}

func smallCorpus(t testing.TB) []Doc {
	t.Helper()
	return docsOf(corpus.FS(corpus.Options{News: 150, Modules: 40, Galleries: 6, Photos: 2, Seed: 3}))
}

// FuzzBuilder applies the edits the fuzzer chooses, one byte each.
func FuzzBuilder(f *testing.F) {
	f.Add(uint64(1), []byte{0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17, 18, 19, 20})
	f.Add(uint64(2), []byte{12, 12, 0, 10, 9, 9, 5, 11, 0})
	f.Add(uint64(3), []byte{15, 12, 12, 13, 7, 7, 14, 0})
	f.Fuzz(func(t *testing.T, seed uint64, ops []byte) {
		if len(ops) > 64 {
			ops = ops[:64]
		}
		e := newEditor(seed)
		shardBytes := []int{40, 300, 2000}[seed%3]
		b := &Builder{shardBytes: shardBytes, chunkPages: int(seed % 4)}
		docs := e.docs(int(seed % 40))
		sameIndex(t, "start", b.Build(docs), referenceBuild(docs, shardBytes))
		for i, op := range ops {
			var what string
			docs, what = e.edit(docs, int(op)%editOps)
			sameIndex(t, fmt.Sprintf("op %d (%s)", i, what), b.Build(docs), referenceBuild(docs, shardBytes))
		}
	})
}

// TestBuilderForgetsStems checks that a Builder does not keep every stem
// it ever saw: a long serve session would grow without end.
func TestBuilderForgetsStems(t *testing.T) {
	b := NewBuilder()
	for round := range 8 {
		docs := make([]Doc, 50)
		for i := range docs {
			var ts []string
			for k := range 40 {
				ts = append(ts, fmt.Sprintf("r%dd%dk%d", round, i, k))
			}
			docs[i] = Doc{URL: fmt.Sprint(i), Kind: "news", Terms: strings.Join(ts, " ")}
		}
		sameIndex(t, fmt.Sprint("round ", round), b.Build(docs), referenceBuild(docs, ShardBytes))
	}
	if n := len(b.stems); n > 3*50*40 {
		t.Errorf("%d stems kept for %d in use", n, 50*40)
	}
}
