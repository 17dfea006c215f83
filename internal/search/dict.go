package search

import (
	"encoding/binary"
	"strings"
	"sync"
)

// Dict numbers stems, so that the stems of many pages are kept as small
// numbers, not as text: a build keeps every page's stems from the first
// wave, when its body is rendered, to the second, when the index is
// built. At 50,000 reports a page's stems were about 1.1 KB of text, and
// about a third of that as numbers. A Dict is safe for concurrent use; it
// only grows.
type Dict struct {
	mu    sync.RWMutex
	ids   map[string]uint32
	stems []string // by id
}

// NewDict returns an empty Dict.
func NewDict() *Dict { return &Dict{ids: map[string]uint32{}} }

// Stems are the stems of a page's text as Terms gives them, in the same
// order, kept as the numbers of a Dict. The zero value has no stems.
type Stems struct {
	dict *Dict
	ids  string // uvarints; the first stems of a site get the one-byte numbers
}

// Pack keeps terms, as Terms returns them (stems joined by spaces), as
// numbers of d.
func (d *Dict) Pack(terms string) Stems {
	if terms == "" {
		return Stems{}
	}
	var buf []byte
	var missing []string
	d.mu.RLock()
	for t := range strings.FieldsSeq(terms) {
		if id, ok := d.ids[t]; ok {
			buf = binary.AppendUvarint(buf, uint64(id))
		} else {
			missing = append(missing, t)
			buf = nil // done again below, under the write lock
			break
		}
	}
	d.mu.RUnlock()
	if missing == nil {
		return Stems{dict: d, ids: string(buf)}
	}
	d.mu.Lock()
	defer d.mu.Unlock()
	for t := range strings.FieldsSeq(terms) {
		id, ok := d.ids[t]
		if !ok {
			id = uint32(len(d.stems))
			t = strings.Clone(t) // not a piece of the page's whole text
			d.ids[t] = id
			d.stems = append(d.stems, t)
		}
		buf = binary.AppendUvarint(buf, uint64(id))
	}
	return Stems{dict: d, ids: string(buf)}
}

// Len is how many stems d numbers.
func (d *Dict) Len() int {
	d.mu.RLock()
	defer d.mu.RUnlock()
	return len(d.stems)
}

// Each calls f with every stem of s, in order. f must not Pack into the
// same Dict.
func (s Stems) Each(f func(stem string)) {
	if s.ids == "" {
		return
	}
	s.dict.mu.RLock()
	defer s.dict.mu.RUnlock()
	for i := 0; i < len(s.ids); {
		id, n := uvarint(s.ids[i:])
		i += n
		f(s.dict.stems[id])
	}
}

// uvarint is binary.Uvarint over a string, without copying it.
func uvarint(s string) (uint64, int) {
	var x uint64
	var shift uint
	for i := 0; i < len(s); i++ {
		c := s[i]
		if c < 0x80 {
			return x | uint64(c)<<shift, i + 1
		}
		x |= uint64(c&0x7f) << shift
		shift += 7
	}
	return x, len(s) // cut short: cannot happen, Pack wrote it
}

// String returns the stems as Terms returns them.
func (s Stems) String() string {
	var b strings.Builder
	s.Each(func(t string) {
		if b.Len() > 0 {
			b.WriteByte(' ')
		}
		b.WriteString(t)
	})
	return b.String()
}

// Equal says whether s and t hold the same stems, from the same Dict or
// not.
func (s Stems) Equal(t Stems) bool {
	if s.ids == "" || t.ids == "" || s.dict == t.dict {
		return s.ids == t.ids
	}
	return s.String() == t.String()
}
