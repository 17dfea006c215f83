package search

import (
	"bytes"
	"cmp"
	"slices"
	"strconv"
)

// The files a Builder makes: word shards and fragments, each made again
// only when its bytes change.

// shard is a word shard and the stems it was made of.
type shard struct {
	*file
	stems []uint32 // a part of the order it was cut from; never changed
}

// layout cuts the order into word shards, each ending with the first stem
// that takes it to ShardBytes or more, and makes the ones that differ from
// the last build's.
func (b *Builder) layout() []shard {
	limit := cmp.Or(b.shardBytes, ShardBytes)
	var out []shard
	start, size := 0, 0
	for i, id := range b.order {
		if size >= limit {
			out = append(out, b.shard(len(out), b.order[start:i], size+1))
			size = 0
		}
		if size == 0 {
			start, size = i, 1 // {
		} else {
			size++ // ,
		}
		size += b.stems[id].size
	}
	if size > 0 {
		out = append(out, b.shard(len(out), b.order[start:], size+1))
	}
	return out
}

// shard returns word shard n, made of stems, size bytes before wrapping.
func (b *Builder) shard(n int, stems []uint32, size int) shard {
	if n < len(b.shards) && slices.Equal(b.shards[n].stems, stems) &&
		!slices.ContainsFunc(stems, func(id uint32) bool { return b.stems[id].changed == b.gen }) {
		return b.shards[n]
	}
	name := "w" + strconv.Itoa(n)
	data := make([]byte, 0, size+len(name)+wrapSize)
	data = appendWrapStart(data, name)
	for i, id := range stems {
		if i == 0 {
			data = append(data, '{')
		} else {
			data = append(data, ',')
		}
		data = appendEntry(data, &b.stems[id])
	}
	data = appendWrapEnd(append(data, '}'))
	return shard{newFile(name+".min.js", data), stems}
}

// fragments makes the fragment files whose pages show something else
// than the last build's (old) at the same places, and keeps the others.
func (b *Builder) fragments(old [][]byte) []*file {
	n := len(b.frag)
	out := make([]*file, (n+FragmentSize-1)/FragmentSize)
	for g := range out {
		lo, hi := g*FragmentSize, min((g+1)*FragmentSize, n)
		if g < len(b.frags) && min((g+1)*FragmentSize, len(old)) == hi &&
			slices.EqualFunc(b.frag[lo:hi], old[lo:hi], bytes.Equal) {
			out[g] = b.frags[g]
			continue
		}
		name := "f" + strconv.Itoa(g)
		size := len(name) + wrapSize + 2
		for _, f := range b.frag[lo:hi] {
			size += len(f) + 1
		}
		data := append(appendWrapStart(make([]byte, 0, size), name), '[')
		for i, f := range b.frag[lo:hi] {
			if i > 0 {
				data = append(data, ',')
			}
			data = append(data, f...)
		}
		out[g] = newFile(name+".min.js", appendWrapEnd(append(data, ']')))
	}
	return out
}
