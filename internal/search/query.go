package search

import (
	"bytes"
	"cmp"
	"encoding/json"
	"fmt"
	"slices"
	"sort"
	"strconv"
	"strings"
	"unicode"
)

// Reader answers queries from an index's files the way search.js does:
// the tests use it to check what a query finds and what it loads.
type Reader struct {
	files map[string][]byte
	meta  meta
}

// Hit is one result.
type Hit struct {
	ID      int
	URL     string
	Title   string
	Label   string
	Date    string
	Summary string
	matched int
	score   int
}

// Results of one query.
type Results struct {
	Total int   // pages found
	Hits  []Hit // the first ones, as many as asked for
	// Loaded names the files the query needed, meta.js included.
	Loaded []string
}

// Open reads an index's meta file.
func Open(files map[string][]byte) (*Reader, error) {
	r := &Reader{files: files}
	if err := r.load(MetaFile, &r.meta); err != nil {
		return nil, err
	}
	return r, nil
}

// load unwraps a file written by wrap.
func (r *Reader) load(name string, v any) error {
	data, ok := r.files[name]
	if !ok {
		return fmt.Errorf("search index has no %s", name)
	}
	start := bytes.IndexByte(data, ',')
	end := bytes.LastIndex(data, []byte("]);"))
	if start < 0 || end < start {
		return fmt.Errorf("%s is not an index file", name)
	}
	return json.Unmarshal(data[start+1:end], v)
}

// QueryTerms are the stems a query looks for; prefix is true when its
// last word is still being typed (no space after it) and long enough to
// match as the beginning of stems.
func QueryTerms(q string) (terms []string, prefix bool) {
	Words(q, func(w string) {
		s := Stem(w)
		if !slices.Contains(terms, s) {
			terms = append(terms, s)
		}
	})
	last := []rune(q)
	prefix = len(terms) > 0 && len(last) > 0 && !unicode.IsSpace(last[len(last)-1]) && len(terms[len(terms)-1]) >= 3
	return terms, prefix
}

// shard returns the number of the shard that would hold stem, -1 before
// the first.
func (r *Reader) shard(stem string) int {
	return sort.Search(len(r.meta.Shards), func(i int) bool { return r.meta.Shards[i] > stem }) - 1
}

// Search runs a query; kind and level ("" for any) filter it, and limit
// says how many hits to show.
func (r *Reader) Search(q, kind, level string, limit int) (*Results, error) {
	res := &Results{Loaded: []string{MetaFile}}
	terms, prefix := QueryTerms(q)
	if len(terms) == 0 {
		return res, nil
	}
	shards := map[int]map[string][]int{}
	need := func(i int) error {
		if i < 0 || shards[i] != nil {
			return nil
		}
		var s map[string][]int
		name := "w" + strconv.Itoa(i) + ".min.js"
		if err := r.load(name, &s); err != nil {
			return err
		}
		shards[i] = s
		res.Loaded = append(res.Loaded, name)
		return nil
	}
	for i, t := range terms {
		from, to := r.shard(t), r.shard(t)
		if prefix && i == len(terms)-1 {
			to = r.shard(t + "\x7f")
		}
		for s := max(from, 0); s <= to; s++ {
			if err := need(s); err != nil {
				return nil, err
			}
		}
	}

	lo, hi := 0, r.meta.Pages
	for _, key := range []string{kind, level} {
		if key != "" {
			rg := r.meta.Ranges[key]
			lo, hi = max(lo, rg[0]), min(hi, rg[1])
		}
	}
	found := map[int]*Hit{}
	for i, t := range terms {
		best := map[int]int{}
		add := func(list []int, exact bool) {
			id := 0
			for _, v := range list {
				id += v / 3
				w := v%3 + 1
				if exact {
					w *= 2
				}
				if id >= lo && id < hi && best[id] < w {
					best[id] = w
				}
			}
		}
		for _, s := range shards {
			for stem, list := range s {
				switch {
				case stem == t:
					add(list, true)
				case prefix && i == len(terms)-1 && strings.HasPrefix(stem, t):
					add(list, false)
				}
			}
		}
		for id, w := range best {
			h := found[id]
			if h == nil {
				h = &Hit{ID: id}
				found[id] = h
			}
			h.matched++
			h.score += w
		}
	}
	hits := make([]*Hit, 0, len(found))
	for _, h := range found {
		hits = append(hits, h)
	}
	slices.SortFunc(hits, func(a, b *Hit) int {
		return cmp.Or(cmp.Compare(b.matched, a.matched), cmp.Compare(b.score, a.score), cmp.Compare(a.ID, b.ID))
	})
	res.Total = len(hits)
	frags := map[int][]fragment{}
	for _, h := range hits[:min(limit, len(hits))] {
		g := h.ID / r.meta.Fragment
		if frags[g] == nil {
			name := "f" + strconv.Itoa(g) + ".min.js"
			var f []fragment
			if err := r.load(name, &f); err != nil {
				return nil, err
			}
			frags[g] = f
			res.Loaded = append(res.Loaded, name)
		}
		f := frags[g][h.ID%r.meta.Fragment]
		h.URL, h.Title, h.Label, h.Date, h.Summary = f[0], f[1], f[2], f[3], f[4]
		res.Hits = append(res.Hits, *h)
	}
	return res, nil
}
