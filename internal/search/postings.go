package search

import (
	"cmp"
	"slices"
	"strings"
)

// Posting lists, as the Builder keeps them.
//
// A stem's list is cut into chunks of about chunkPages pages, each with
// its part of the list's encoding, so that a change to one page encodes
// one chunk again, not the whole list. An item counts from the page
// before it, so pages that all move by the same number (a page added or
// removed before them) keep their items, except the first.

// chunkPages is how many pages a chunk is cut to; one grows to twice as
// many before it is split.
const chunkPages = 128

// stem is what the Builder keeps of one stem.
type stem struct {
	text    string
	chunks  []chunk
	size    int    // bytes of its entry in a word shard
	changed uint64 // the build that last changed its entry
	listed  bool   // in the order
}

type chunk struct {
	pages []uint32 // page<<2 | weight, by page
	enc   []byte   // its items; the first counts from the last page of the chunk before
	stale bool     // enc must be made again
}

// entries returns the stems of d with their weights, as id<<2 | weight,
// in no particular order.
func (b *Builder) entries(d *Doc) []uint32 {
	var touched []uint32
	add := func(s string, w uint8) {
		if s == "" {
			return
		}
		id := b.intern(s)
		if b.weight[id] == 0 {
			touched = append(touched, id)
		}
		b.weight[id] = max(b.weight[id], w)
	}
	for t := range strings.FieldsSeq(d.Terms) {
		add(t, weightText)
	}
	d.Stems.Each(func(t string) { add(t, weightText) })
	addWords := func(s string, w uint8) { Words(s, func(word string) { add(Stem(word), w) }) }
	addWords(d.Summary, weightFields)
	for _, f := range d.Fields {
		addWords(f, weightFields)
	}
	addWords(d.Title, weightTitle)
	for i, id := range touched {
		touched[i] = id<<2 | uint32(b.weight[id])
		b.weight[id] = 0
	}
	return slices.Clip(touched)
}

// intern returns the id of stem s.
func (b *Builder) intern(s string) uint32 {
	if id, ok := b.ids[s]; ok {
		return id
	}
	id := uint32(len(b.stems))
	s = strings.Clone(s) // not a piece of a page's whole text
	b.ids[s] = id
	b.stems = append(b.stems, stem{text: s})
	b.weight = append(b.weight, 0)
	return id
}

// repage moves page p in the posting lists from its old stems to its new
// ones.
func (b *Builder) repage(p uint32, old, new []uint32) {
	for _, e := range old {
		b.weight[e>>2] = uint8(e & 3)
	}
	for _, e := range new {
		id := e >> 2
		if w := uint8(e & 3); b.weight[id] != w {
			b.post(id, p, w)
		}
		b.weight[id] = 0
	}
	for _, e := range old {
		if id := e >> 2; b.weight[id] != 0 {
			b.weight[id] = 0
			b.post(id, p, 0)
		}
	}
}

// post gives page p weight w in the posting list of stem id; 0 takes it
// out.
func (b *Builder) post(id, p uint32, w uint8) {
	st := &b.stems[id]
	c := chunkOf(st.chunks, p)
	if c == len(st.chunks) { // after the last page
		if w == 0 {
			return
		}
		if c == 0 {
			st.chunks = append(st.chunks, chunk{})
		} else {
			c--
		}
	}
	ch := &st.chunks[c]
	i := searchPage(ch.pages, p)
	has := i < len(ch.pages) && ch.pages[i]>>2 == p
	switch {
	case w == 0 && !has:
		return
	case w == 0:
		ch.pages = slices.Delete(ch.pages, i, i+1)
	case has:
		ch.pages[i] = p<<2 | uint32(w)
	default:
		ch.pages = slices.Insert(ch.pages, i, p<<2|uint32(w))
	}
	b.mark(id)
	ch.stale = true
	if i >= len(ch.pages)-1 && c+1 < len(st.chunks) {
		// The last page changed (or went): the next chunk's first item
		// counts from another page.
		st.chunks[c+1].stale = true
	}
	switch limit := cmp.Or(b.chunkPages, chunkPages); {
	case len(ch.pages) == 0:
		st.chunks = slices.Delete(st.chunks, c, c+1)
	case len(ch.pages) > 2*limit:
		half := len(ch.pages) / 2
		rest := chunk{pages: slices.Clone(ch.pages[half:]), stale: true}
		ch.pages = ch.pages[:half]
		st.chunks = slices.Insert(st.chunks, c+1, rest)
	}
}

// shift moves the pages from page from on by d in every posting list.
func (b *Builder) shift(from uint32, d int) {
	if d == 0 {
		return
	}
	add := uint32(d) << 2
	for _, id := range b.order { // the stems that have pages
		st := &b.stems[id]
		c := chunkOf(st.chunks, from)
		if c == len(st.chunks) {
			continue
		}
		ps := st.chunks[c].pages
		for i := searchPage(ps, from); i < len(ps); i++ {
			ps[i] += add
		}
		for _, ch := range st.chunks[c+1:] {
			for i := range ch.pages {
				ch.pages[i] += add
			}
		}
		st.chunks[c].stale = true // the first page that moved counts from one that did not
		b.mark(id)
	}
}

// fill makes every posting list from b.pages.
func (b *Builder) fill() {
	count := make([]int, len(b.stems))
	total := 0
	for _, es := range b.pages {
		for _, e := range es {
			count[e>>2]++
		}
		total += len(es)
	}
	// One array for all lists: chunk slices end where their space does,
	// so a chunk that grows moves out.
	all := make([]uint32, total)
	lists := make([][]uint32, len(b.stems))
	for id, n := range count {
		lists[id], all = all[:0:n], all[n:]
	}
	for p, es := range b.pages {
		for _, e := range es {
			lists[e>>2] = append(lists[e>>2], uint32(p)<<2|e&3)
		}
	}
	size := cmp.Or(b.chunkPages, chunkPages)
	for id, list := range lists {
		st := &b.stems[id]
		if len(list) == 0 && !st.listed {
			continue
		}
		st.chunks = st.chunks[:0]
		for start := 0; start < len(list); start += size {
			end := min(start+size, len(list))
			st.chunks = append(st.chunks, chunk{pages: list[start:end:end], stale: true})
		}
		b.mark(uint32(id))
	}
}

// mark notes that the list of stem id changes in this build.
func (b *Builder) mark(id uint32) {
	if st := &b.stems[id]; st.changed != b.gen {
		st.changed = b.gen
		b.dirty = append(b.dirty, id)
	}
}

// encode encodes the stale chunks of the lists that changed and puts
// the stems that gained their first page or lost their last in or out of
// the order.
func (b *Builder) encode() {
	for _, id := range b.dirty {
		st := &b.stems[id]
		st.size = len(`"":[]`) + len(st.text) + max(len(st.chunks)-1, 0)
		prev := uint32(0)
		for c := range st.chunks {
			ch := &st.chunks[c]
			if ch.stale {
				ch.enc = appendItems(ch.enc[:0], prev, ch.pages)
				ch.stale = false
			}
			st.size += len(ch.enc)
			prev = ch.pages[len(ch.pages)-1] >> 2
		}
	}
	b.relist(b.dirty)
}

// appendItems appends the items of pages, comma separated: each is the
// distance from the page before times 3, plus the weight less 1.
func appendItems(dst []byte, prev uint32, pages []uint32) []byte {
	for i, p := range pages {
		if i > 0 {
			dst = append(dst, ',')
		}
		id := p >> 2
		v := uint64(id-prev)*3 + uint64(p&3) - 1
		prev = id
		switch {
		case v < 10:
			dst = append(dst, byte('0'+v))
		case v < 100:
			dst = append(dst, byte('0'+v/10), byte('0'+v%10))
		default:
			var buf [20]byte
			n := len(buf)
			for ; v > 0; v /= 10 {
				n--
				buf[n] = byte('0' + v%10)
			}
			dst = append(dst, buf[n:]...)
		}
	}
	return dst
}

// appendEntry appends the entry of a stem in a word shard.
func appendEntry(dst []byte, st *stem) []byte {
	dst = append(dst, '"')
	dst = append(dst, st.text...)
	dst = append(dst, `":[`...)
	for c, ch := range st.chunks {
		if c > 0 {
			dst = append(dst, ',')
		}
		dst = append(dst, ch.enc...)
	}
	return append(dst, ']')
}

// chunkOf returns the first chunk whose last page is p or later.
func chunkOf(chunks []chunk, p uint32) int {
	lo, hi := 0, len(chunks)
	for lo < hi {
		mid := int(uint(lo+hi) >> 1)
		if ps := chunks[mid].pages; ps[len(ps)-1]>>2 < p {
			lo = mid + 1
		} else {
			hi = mid
		}
	}
	return lo
}

// searchPage returns where page p is or would be in pages.
func searchPage(pages []uint32, p uint32) int {
	lo, hi := 0, len(pages)
	for lo < hi {
		mid := int(uint(lo+hi) >> 1)
		if pages[mid]>>2 < p {
			lo = mid + 1
		} else {
			hi = mid
		}
	}
	return lo
}

// relist puts the stems in ids that gained their first page in the
// order, and takes out those that lost their last. The order is made
// anew, not changed: the last build's shards hold parts of it.
func (b *Builder) relist(ids []uint32) {
	var added []uint32
	removed := false
	for _, id := range ids {
		st := &b.stems[id]
		switch live := len(st.chunks) > 0; {
		case live && !st.listed:
			st.listed = true
			added = append(added, id)
		case !live && st.listed:
			st.listed = false
			removed = true
		}
	}
	if !removed && len(added) == 0 {
		return
	}
	order := make([]uint32, 0, len(b.order)+len(added))
	for _, id := range b.order {
		if b.stems[id].listed {
			order = append(order, id)
		}
	}
	byText := func(x, y uint32) int { return strings.Compare(b.stems[x].text, b.stems[y].text) }
	slices.SortFunc(added, byText)
	b.order = merge(order, added, byText)
}

// merge merges two sorted lists into a new one.
func merge(a, b []uint32, cmp func(x, y uint32) int) []uint32 {
	out := make([]uint32, 0, len(a)+len(b))
	for len(a) > 0 && len(b) > 0 {
		if cmp(a[0], b[0]) <= 0 {
			out, a = append(out, a[0]), a[1:]
		} else {
			out, b = append(out, b[0]), b[1:]
		}
	}
	return append(append(out, a...), b...)
}
