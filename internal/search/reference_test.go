package search

import (
	"bytes"
	"cmp"
	"encoding/json"
	"maps"
	"slices"
	"strconv"
	"strings"
)

type posting struct{ id, weight int }

// referenceBuild is Build as it was before Builder, kept as the oracle the
// Builder's output is held to: the same files, byte for byte. Only the
// Version is computed the new way (over each file's digest).
func referenceBuild(docs []Doc, shardBytes int) *Index {
	docs = slices.Clone(docs)
	rank := map[string]int{}
	for i, k := range Kinds {
		rank[k] = i * 1000
	}
	levels := map[string]int{}
	for _, d := range docs {
		if d.Level != "" && levels[d.Level] == 0 {
			levels[d.Level] = len(levels) + 1
		}
	}
	slices.SortStableFunc(docs, func(a, b Doc) int {
		return cmp.Compare(rank[a.Kind]+levels[a.Level], rank[b.Kind]+levels[b.Level])
	})

	m := meta{Pages: len(docs), Fragment: FragmentSize, Stopwords: Stopwords, Ranges: map[string][2]int{}}
	postings := map[string][]posting{}
	for id, d := range docs {
		for _, key := range []string{d.Kind, d.Level} {
			if key == "" {
				continue
			}
			r, ok := m.Ranges[key]
			if !ok {
				r[0] = id
			}
			r[1] = id + 1
			m.Ranges[key] = r
		}
		weights := map[string]int{}
		add := func(stem string, w int) {
			if stem != "" && weights[stem] < w {
				weights[stem] = w
			}
		}
		for _, t := range strings.Fields(d.Terms) {
			add(t, weightText)
		}
		for _, f := range append([]string{d.Summary}, d.Fields...) {
			Words(f, func(w string) { add(Stem(w), weightFields) })
		}
		Words(d.Title, func(w string) { add(Stem(w), weightTitle) })
		for stem, w := range weights {
			postings[stem] = append(postings[stem], posting{id, w})
		}
	}

	files := map[string][]byte{}
	stems := make([]string, 0, len(postings))
	for s := range postings {
		stems = append(stems, s)
	}
	slices.Sort(stems)
	var shard bytes.Buffer
	flush := func() {
		if shard.Len() == 0 {
			return
		}
		shard.WriteByte('}')
		name := "w" + strconv.Itoa(len(m.Shards)-1)
		files[name+".min.js"] = wrap(name, shard.Bytes())
		shard.Reset()
	}
	for _, s := range stems {
		if shard.Len() >= shardBytes {
			flush()
		}
		if shard.Len() == 0 {
			m.Shards = append(m.Shards, s)
			shard.WriteByte('{')
		} else {
			shard.WriteByte(',')
		}
		ps := postings[s]
		slices.SortFunc(ps, func(a, b posting) int { return cmp.Compare(a.id, b.id) })
		shard.WriteString(`"` + s + `":[`)
		prev := 0
		for i, p := range ps {
			if i > 0 {
				shard.WriteByte(',')
			}
			shard.WriteString(strconv.Itoa((p.id-prev)*3 + p.weight - 1))
			prev = p.id
		}
		shard.WriteByte(']')
	}
	flush()

	for start := 0; start < len(docs); start += FragmentSize {
		var frags []fragment
		for _, d := range docs[start:min(start+FragmentSize, len(docs))] {
			frags = append(frags, fragment{d.URL, d.Title, d.Label, d.Date, d.Summary})
		}
		data, _ := json.Marshal(frags)
		name := "f" + strconv.Itoa(start/FragmentSize)
		files[name+".min.js"] = wrap(name, data)
	}

	data, _ := json.Marshal(m)
	files[MetaFile] = wrap("meta", data)

	return &Index{Version: versionOf(files), Files: files, Pages: len(docs)}
}

// versionOf is Version computed the way Builder does, from the files.
func versionOf(files map[string][]byte) string {
	var fs []*file
	for _, name := range slices.Sorted(maps.Keys(files)) {
		fs = append(fs, newFile(name, files[name]))
	}
	return version(fs)
}
