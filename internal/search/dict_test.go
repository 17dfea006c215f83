package search

import (
	"fmt"
	"slices"
	"sync"
	"testing"
)

func TestStemsKeepTerms(t *testing.T) {
	d := NewDict()
	e := newEditor(7)
	for i := range 300 {
		terms := Terms(e.text(60))
		s := d.Pack(terms)
		if got := s.String(); got != terms {
			t.Fatalf("%d: %q packed and back is %q", i, terms, got)
		}
		if !s.Equal(d.Pack(terms)) || !s.Equal(NewDict().Pack(terms)) {
			t.Fatalf("%d: %q not equal to itself", i, terms)
		}
		if other := Terms(e.text(60)); other != terms && s.Equal(d.Pack(other)) {
			t.Fatalf("%d: %q equal to %q", i, terms, other)
		}
	}
	var zero Stems
	if zero.String() != "" || !zero.Equal(d.Pack("")) || zero.Equal(d.Pack("anak")) || d.Pack("anak").Equal(zero) {
		t.Error("no stems: wrong")
	}
}

// TestStemsSmaller checks what Stems are for: a site's stems take much
// less memory as numbers than as text.
func TestStemsSmaller(t *testing.T) {
	d := NewDict()
	text, packed := 0, 0
	for _, doc := range smallCorpus(t) {
		text += len(doc.Terms)
		packed += len(d.Pack(doc.Terms).ids)
	}
	if packed*2 > text {
		t.Errorf("stems take %d bytes as numbers, %d as text", packed, text)
	}
}

// TestBuilderStems holds a Builder given Stems (from two Dicts, and
// mixed with Terms) to the index of the same docs given as Terms.
func TestBuilderStems(t *testing.T) {
	for seed := range uint64(6) {
		e := newEditor(seed)
		dicts := []*Dict{NewDict(), NewDict()}
		b := &Builder{shardBytes: []int{40, 300, ShardBytes}[seed%3], chunkPages: int(seed % 4)}
		docs := e.docs(20 + e.r.IntN(60))
		for step := range 80 {
			var what string
			docs, what = e.edit(docs, e.r.IntN(editOps))
			packed := slices.Clone(docs)
			for i := range packed {
				if e.r.IntN(4) != 0 {
					packed[i].Stems = dicts[e.r.IntN(2)].Pack(packed[i].Terms)
					packed[i].Terms = ""
				}
			}
			sameIndex(t, fmt.Sprintf("seed %d step %d (%s)", seed, step, what), b.Build(packed), referenceBuild(docs, b.shardBytes))
		}
	}
}

// TestDictConcurrent packs from many goroutines at once, as render's
// workers do (run with -race).
func TestDictConcurrent(t *testing.T) {
	d := NewDict()
	docs := smallCorpus(t)
	got := make([]Stems, len(docs))
	var wg sync.WaitGroup
	for w := range 4 {
		wg.Go(func() {
			for i := w; i < len(docs); i += 4 {
				got[i] = d.Pack(docs[i].Terms)
				_ = got[i].String()
			}
		})
	}
	wg.Wait()
	for i, s := range got {
		if s.String() != docs[i].Terms {
			t.Fatalf("%s: stems changed", docs[i].URL)
		}
	}
}
