package search

import (
	"bytes"
	"cmp"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"maps"
	"slices"
	"strconv"
	"strings"
)

// ShardBytes is about how large a word shard grows before the next one
// starts (before compression). A stem's pages are never split, so a very
// common stem may make a larger shard on its own.
const ShardBytes = 24 << 10

// FragmentSize is how many pages share a fragment file.
const FragmentSize = 8

// Kinds are the kinds of page, in the order pages are numbered. Module
// levels follow the modules' own order (content.Levels).
var Kinds = []string{"news", "module", "gallery", "page"}

// Weights of the places a word is found.
const (
	weightText   = 1
	weightFields = 2
	weightTitle  = 3
)

// Doc is a page as the index sees it.
type Doc struct {
	URL     string // site path without the leading slash: "berita/judul/"
	Title   string
	Kind    string // one of Kinds
	Level   string // a module's level: paud, sd, smp
	Label   string // what a result says the page is: "Berita", "Modul · SD"
	Date    string // as shown: "29 Juli 2025"; may be empty
	Summary string
	// Fields are short texts found with the weight of a summary: topics,
	// tags, district, location, photo captions.
	Fields []string
	// Terms are the stems of the page's text, from Terms.
	Terms string
}

// Index is the built index: its files, by name within its folder.
type Index struct {
	Version string // hash of every file: the name of the folder
	Files   map[string][]byte
	Pages   int
}

// File names and the call each file makes. Files are named *.min.js: they
// are as small as they get, and the minifier leaves them alone.
const (
	MetaFile = "meta.min.js"
	// Callback is the array every index file pushes its part onto;
	// search.js reads it.
	Callback = "wartaSearch"
)

// meta is meta.js's data.
type meta struct {
	Pages     int               `json:"n"`
	Fragment  int               `json:"g"`
	Stopwords []string          `json:"stop"`
	Shards    []string          `json:"w"` // first stem of each shard
	Ranges    map[string][2]int `json:"k"` // kind or level: first page, end
}

// fragment is what a result shows of one page.
type fragment [5]string // url, title, label, date, summary

type posting struct{ id, weight int }

// Build makes the index of docs. Pages are numbered by kind in the order
// of Kinds, then of levels as they first appear, keeping the order docs
// come in within each; give news newest first.
func Build(docs []Doc) *Index {
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
		if shard.Len() >= ShardBytes {
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

	h := sha256.New()
	for _, name := range slices.Sorted(maps.Keys(files)) {
		h.Write([]byte(name))
		h.Write(files[name])
	}
	return &Index{Version: hex.EncodeToString(h.Sum(nil))[:10], Files: files, Pages: len(docs)}
}

// wrap makes data a script that hands it to search.js.
func wrap(name string, data []byte) []byte {
	var b bytes.Buffer
	b.Grow(len(data) + 64)
	b.WriteString("(self." + Callback + "=self." + Callback + "||[]).push([\"" + name + "\",")
	b.Write(data)
	b.WriteString("]);\n")
	return b.Bytes()
}
