package search

import (
	"cmp"
	"crypto/sha256"
	"encoding/binary"
	"encoding/hex"
	"encoding/json"
	"slices"
	"strings"

	"github.com/cespare/xxhash/v2"
)

// Builder builds the index again and again, reusing the work of its
// previous Build for docs that did not change: `warta serve` keeps one
// between rebuilds, so that editing one page costs milliseconds, not a
// whole index.
//
// Whatever came before, Build gives the index that the function Build
// gives for the same docs, byte for byte. It compares the docs with the
// last build's, page by page, and takes the cheapest of three ways:
//
//   - The same number of pages with a few of them changed: it redoes the
//     stems of those pages and the parts of the posting lists they are
//     in. Other changes to a page (its address, date, label) touch only
//     its fragment file.
//   - A few pages added, removed or replaced in one place, such as a new
//     report on top: the pages after them move, which changes one item of
//     every posting list that goes past them, and every fragment after
//     them.
//   - Anything else: it numbers the pages again and encodes every posting
//     list, but reuses the stems of every page whose text it has seen.
//
// Either way, a word shard or fragment file whose bytes would come out the
// same is not made again. A Builder is not safe for concurrent use. It
// keeps the strings of the docs it was given (not the Fields slices,
// which it copies), and never changes the byte slices of an Index it
// returned, so callers may keep them.
type Builder struct {
	gen uint64 // counts builds: a stem's changed field says which one

	docs  []Doc      // the last build's, in page order; Fields are copies
	pages [][]uint32 // by page: stem id<<2 | weight, for each of its stems
	frag  [][]byte   // by page: its fragment, as JSON

	ids    map[string]uint32 // stem → id; an id keeps its stem while the Builder lives
	stems  []stem            // by id
	order  []uint32          // ids of the stems on some page, sorted by stem
	dirty  []uint32          // ids of the stems whose lists change in this build
	shards []shard           // the last build's word shards, in order
	frags  []*file           // the last build's fragments, in order

	weight []uint8 // scratch, by stem id; all zero between uses

	// Tests make these small, for more shards and chunks; 0 means
	// ShardBytes and chunkPages.
	shardBytes, chunkPages int
}

// file is one file of the index and a hash of its bytes.
type file struct {
	name string
	data []byte
	sum  uint64 // xxhash; see version
}

// NewBuilder returns a Builder that has built nothing yet.
func NewBuilder() *Builder {
	return &Builder{ids: map[string]uint32{}}
}

// Build makes the index of docs, as the function Build does.
func (b *Builder) Build(docs []Doc) *Index {
	if b.ids == nil || len(b.stems) > 4096 && len(b.stems) > 2*len(b.order) {
		// Mostly stems no page has any more: start clean.
		*b = Builder{ids: map[string]uint32{}, shardBytes: b.shardBytes, chunkPages: b.chunkPages}
	}
	b.gen++
	b.dirty = b.dirty[:0]
	perm := pageOrder(docs)
	oldFrag := b.frag
	if changed, ok := b.inPlace(docs, perm); ok {
		b.update(docs, perm, changed)
	} else if start, oldEnd, newEnd, ok := b.block(docs, perm); ok {
		b.splice(docs, perm, start, oldEnd, newEnd)
	} else {
		b.rebuild(docs, perm)
	}
	b.encode()

	var files []*file
	m := meta{Pages: len(b.docs), Fragment: FragmentSize, Stopwords: Stopwords, Ranges: b.ranges()}
	b.shards = b.layout()
	for _, s := range b.shards {
		m.Shards = append(m.Shards, b.stems[s.stems[0]].text)
		files = append(files, s.file)
	}
	b.frags = b.fragments(oldFrag)
	files = append(files, b.frags...)
	data, _ := json.Marshal(m)
	files = append(files, newFile(MetaFile, wrap("meta", data)))

	ix := &Index{Version: version(files), Files: make(map[string][]byte, len(files)), Pages: len(b.docs)}
	for _, f := range files {
		ix.Files[f.name] = f.data
	}
	return ix
}

func newFile(name string, data []byte) *file {
	return &file{name: name, data: data, sum: xxhash.Sum64(data)}
}

// version is the sha256 of the name and the hash of every file, so that a
// file made again is hashed once, and one kept is not hashed again. The
// hash of a file is xxhash: one edited page can change every word shard
// (a page added on top moves all the others), and sha256 over them would
// take longer than the rest of the build. The version is ten hex digits,
// 40 bits, so the 64 of xxhash are not what limits it.
func version(files []*file) string {
	files = slices.Clone(files)
	slices.SortFunc(files, func(a, b *file) int { return strings.Compare(a.name, b.name) })
	var buf []byte
	for _, f := range files {
		buf = append(buf, f.name...)
		buf = binary.LittleEndian.AppendUint64(append(buf, 0), f.sum)
	}
	sum := sha256.Sum256(buf)
	return hex.EncodeToString(sum[:])[:10]
}

// pageOrder returns the order of pages: docs[perm[i]] is page i. See
// Build.
func pageOrder(docs []Doc) []int32 {
	rank := map[string]int{}
	for i, k := range Kinds {
		rank[k] = i * 1000
	}
	levels := map[string]int{}
	keys := make([]int, len(docs))
	sorted := true
	kind, level := "", ""
	kindRank, levelRank := 0, 0
	for i := range docs {
		d := &docs[i]
		// Neighbours mostly share their kind and level: look them up
		// once a run.
		if i == 0 || d.Kind != kind {
			kind, kindRank = d.Kind, rank[d.Kind]
		}
		if i == 0 || d.Level != level {
			level = d.Level
			if level != "" && levels[level] == 0 {
				levels[level] = len(levels) + 1
			}
			levelRank = levels[level]
		}
		keys[i] = kindRank + levelRank
		sorted = sorted && (i == 0 || keys[i-1] <= keys[i])
	}
	perm := make([]int32, len(docs))
	for i := range perm {
		perm[i] = int32(i)
	}
	if !sorted {
		slices.SortStableFunc(perm, func(a, b int32) int { return cmp.Compare(keys[a], keys[b]) })
	}
	return perm
}

// ranges gives the pages of every kind and level.
func (b *Builder) ranges() map[string][2]int {
	out := map[string][2]int{}
	for start := 0; start < len(b.docs); {
		d := &b.docs[start]
		end := start + 1
		for end < len(b.docs) && b.docs[end].Kind == d.Kind && b.docs[end].Level == d.Level {
			end++
		}
		for _, key := range []string{d.Kind, d.Level} {
			if key == "" {
				continue
			}
			r, ok := out[key]
			if !ok {
				r[0] = start
			}
			r[1] = end
			out[key] = r
		}
		start = end
	}
	return out
}

// sameText says whether a and b have the same stems and weights.
func sameText(a, b *Doc) bool {
	return a.Terms == b.Terms && a.Stems.Equal(b.Stems) && a.Title == b.Title && a.Summary == b.Summary && slices.Equal(a.Fields, b.Fields)
}

// sameFragment says whether a and b show the same in a result.
func sameFragment(a, b *Doc) bool {
	return a.URL == b.URL && a.Title == b.Title && a.Label == b.Label && a.Date == b.Date && a.Summary == b.Summary
}

func sameDoc(a, b *Doc) bool {
	return sameText(a, b) && sameFragment(a, b) && a.Kind == b.Kind && a.Level == b.Level
}
