package search

import (
	"encoding/json"
	"slices"
)

// The three ways a Builder brings its pages and posting lists up to date:
// update, splice and rebuild (see Builder).

// most is how many pages' text update and splice redo at most; past it,
// making every posting list again costs less.
func most(pages int) int { return max(32, pages/64) }

// inPlace returns the pages whose docs changed, if docs are the last
// build's in the same order with the text of few of them changed.
func (b *Builder) inPlace(docs []Doc, perm []int32) ([]int, bool) {
	if len(perm) != len(b.docs) {
		return nil, false
	}
	var changed []int
	texts := 0
	for i, j := range perm {
		if d, old := &docs[j], &b.docs[i]; !sameDoc(d, old) {
			changed = append(changed, i)
			if !sameText(d, old) {
				if texts++; texts > most(len(perm)) {
					return nil, false
				}
			}
		}
	}
	return changed, true
}

// update redoes the pages in changed.
func (b *Builder) update(docs []Doc, perm []int32, changed []int) {
	b.frag = slices.Clone(b.frag) // Build compares the new fragments with the last build's
	for _, i := range changed {
		d := &docs[perm[i]]
		if !sameText(d, &b.docs[i]) {
			es := b.entries(d)
			b.repage(uint32(i), b.pages[i], es)
			b.pages[i] = es
		}
		b.place(i, d, b.docs, b.frag, i)
	}
}

// block finds the one stretch of pages that changed: the pages before
// start and from oldEnd (from newEnd in docs) on have the same text as
// the last build's. It says whether the stretch is short.
func (b *Builder) block(docs []Doc, perm []int32) (start, oldEnd, newEnd int, ok bool) {
	old := b.docs
	n := min(len(perm), len(old))
	for start < n && sameText(&docs[perm[start]], &old[start]) {
		start++
	}
	end := 0
	for end < n-start && sameText(&docs[perm[len(perm)-1-end]], &old[len(old)-1-end]) {
		end++
	}
	oldEnd, newEnd = len(old)-end, len(perm)-end
	limit := most(len(perm))
	return start, oldEnd, newEnd, oldEnd-start <= limit && newEnd-start <= limit
}

// splice replaces the pages from start to oldEnd with the pages of docs
// from start to newEnd, and moves the pages after them.
func (b *Builder) splice(docs []Doc, perm []int32, start, oldEnd, newEnd int) {
	old, oldPages, oldFrag := b.docs, b.pages, b.frag
	for i := start; i < oldEnd; i++ {
		for _, e := range oldPages[i] {
			b.post(e>>2, uint32(i), 0)
		}
	}
	b.shift(uint32(oldEnd), newEnd-oldEnd)

	n := len(perm)
	b.docs, b.pages, b.frag = make([]Doc, n), make([][]uint32, n), make([][]byte, n)
	copy(b.pages, oldPages[:start])
	copy(b.pages[newEnd:], oldPages[oldEnd:])
	for i := start; i < newEnd; i++ {
		d := &docs[perm[i]]
		k := slices.IndexFunc(old[start:oldEnd], func(o Doc) bool { return o.URL == d.URL && sameText(d, &o) })
		if k >= 0 {
			b.pages[i] = oldPages[start+k] // moved a little
		} else {
			b.pages[i] = b.entries(d)
		}
		for _, e := range b.pages[i] {
			b.post(e>>2, uint32(i), uint8(e&3))
		}
	}
	for i, j := range perm {
		was := i
		switch {
		case i >= newEnd:
			was = i - newEnd + oldEnd
		case i >= start:
			was = -1
		}
		b.place(i, &docs[j], old, oldFrag, was)
	}
}

// rebuild numbers the pages again and makes every posting list, reusing
// the stems of the pages whose text is the last build's (found by address
// when they moved).
func (b *Builder) rebuild(docs []Doc, perm []int32) {
	old, oldPages, oldFrag := b.docs, b.pages, b.frag
	n := len(perm)
	b.docs, b.pages, b.frag = make([]Doc, n), make([][]uint32, n), make([][]byte, n)
	var byURL map[string]int
	for i, j := range perm {
		d := &docs[j]
		was := -1
		if i < len(old) && sameText(d, &old[i]) {
			was = i
		} else {
			if byURL == nil {
				byURL = make(map[string]int, len(old))
				for k := range old {
					byURL[old[k].URL] = k
				}
			}
			if k, ok := byURL[d.URL]; ok {
				was = k
			}
		}
		if was >= 0 && sameText(d, &old[was]) {
			b.pages[i] = oldPages[was]
		} else {
			b.pages[i] = b.entries(d)
		}
		b.place(i, d, old, oldFrag, was)
	}
	b.fill()
}

// place puts d in b.docs as page i, and its fragment in b.frag, reusing
// those of the last build's page was (-1: none) when they are the same.
func (b *Builder) place(i int, d *Doc, old []Doc, oldFrag [][]byte, was int) {
	if was >= 0 && sameDoc(d, &old[was]) {
		b.docs[i], b.frag[i] = old[was], oldFrag[was]
		return
	}
	var f []byte
	if was >= 0 && sameFragment(d, &old[was]) {
		f = oldFrag[was]
	} else {
		f, _ = json.Marshal(fragment{d.URL, d.Title, d.Label, d.Date, d.Summary})
	}
	c := *d
	c.Fields = slices.Clone(d.Fields) // the caller may change its slice
	b.docs[i], b.frag[i] = c, f
}
