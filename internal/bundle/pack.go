package bundle

import (
	"archive/zip"
	"bytes"
	"hash/crc32"
	"io"
	"slices"
	"sync"
	"time"
	"unicode/utf8"

	"github.com/klauspost/compress/flate"
)

// maxPacked is the longest file packed in memory. Longer ones (videos,
// mostly) are streamed into each archive and compressed there.
const maxPacked = 8 << 20

// deflateLevel 6 of klauspost/compress's deflate makes module zips 1.4%
// larger than the standard library's level 5 (archive/zip's choice) in
// 0.6 of its time. Level 7 saved those bytes but took 2.5 times as long
// on a module's offline page (26 KB: 184 µs against 73), which every
// module's zip and its level's zip deflate: 5% of a build's CPU for about
// 150 bytes a page (docs/BENCHMARKS.md, "Round five").
const deflateLevel = 6

// packed is a file as it goes into an archive: its bytes compressed (or
// not), with the checksum and sizes the entry's header needs.
type packed struct {
	method  uint16
	crc     uint32
	size    uint64 // uncompressed
	raw     []byte // as written into the archive
	scratch []*bytes.Buffer
}

// done gives back the buffers raw may be in, once the archive that
// packed p has written it. (A kept packing has none.)
func (p *packed) done() {
	for _, b := range p.scratch {
		release(b)
	}
}

// kept is p without buffers that go back to the pool.
func (p *packed) kept() *packed {
	return &packed{method: p.method, crc: p.crc, size: p.size, raw: bytes.Clone(p.raw)}
}

// pack reads and compresses f. For a file in Src that is stored, or
// longer than maxPacked, it returns the open file instead, for the caller
// to stream and close: packing it would only hold it in memory.
func pack(f File) (*packed, io.ReadCloser, error) {
	if f.Data != nil || f.Src == nil {
		return packBytes(f.Name, f.Data), nil, nil
	}
	r, err := f.Src.Open(f.Path)
	if err != nil {
		return nil, nil, err
	}
	info, err := r.Stat()
	if err != nil {
		r.Close()
		return nil, nil, err
	}
	if info.Size() > maxPacked || method(f.Name) == zip.Store {
		return nil, r, nil
	}
	buf := buffer(int(info.Size()) + bytes.MinRead)
	_, err = buf.ReadFrom(r)
	r.Close()
	if err != nil {
		release(buf)
		return nil, nil, err
	}
	p := packBytes(f.Name, buf.Bytes())
	p.scratch = append(p.scratch, buf)
	return p, nil, nil
}

func packBytes(name string, data []byte) *packed {
	p := &packed{method: zip.Store, crc: crc32.ChecksumIEEE(data), size: uint64(len(data)), raw: data}
	if method(name) == zip.Store {
		return p
	}
	buf := buffer(len(data)) // what a deflate that helps needs at most
	fw, _ := flateWriters.Get().(*flate.Writer)
	if fw == nil {
		fw, _ = flate.NewWriter(buf, deflateLevel)
	} else {
		fw.Reset(buf)
	}
	_, _ = fw.Write(data) // writing to a bytes.Buffer does not fail
	_ = fw.Close()
	flateWriters.Put(fw)
	p.scratch = append(p.scratch, buf)
	if buf.Len() < len(data) {
		p.method, p.raw = zip.Deflate, buf.Bytes()
	}
	return p
}

// deflater is the zip compressor of streamed entries: the same deflate.
func deflater(w io.Writer) (io.WriteCloser, error) { return flate.NewWriter(w, deflateLevel) }

// flateWriters are reused: a flate.Writer allocates about 1 MB.
var flateWriters sync.Pool

// scratch holds buffers for reading and deflating files, up to
// maxScratch bytes each.
var scratch sync.Pool

const maxScratch = 1 << 20

func release(b *bytes.Buffer) {
	if b.Cap() <= maxScratch {
		scratch.Put(b)
	}
}

func buffer(n int) *bytes.Buffer {
	b, _ := scratch.Get().(*bytes.Buffer)
	if b == nil {
		b = new(bytes.Buffer)
	}
	b.Reset()
	b.Grow(n)
	return b
}

// Shared returns a copy of files, each to be read and compressed once: the
// first archive that holds a file packs it, later ones copy the
// compressed bytes (Within keeps the mark). It is for files that go into
// several archives, like a module's files in its own zip and in its
// level's. Only the packing of files that deflate was tried on is kept (a
// stored format is read again: that costs no more than keeping it), so
// the memory held is their compressed size, or their size where deflate
// did not help. A failed read is not kept: the next archive tries again.
func Shared(files []File) []File {
	out := slices.Clone(files)
	for i := range out {
		if out[i].once == nil {
			out[i].once = &packOnce{}
		}
	}
	return out
}

// packOnce is a shared file's packing, made by the first archive that
// needs it; archives made at the same time wait for it rather than do it
// again.
type packOnce struct {
	mu sync.Mutex
	p  *packed
}

func (o *packOnce) get(f File) (*packed, io.ReadCloser, error) {
	o.mu.Lock()
	defer o.mu.Unlock()
	if o.p != nil {
		return o.p, nil, nil
	}
	p, r, err := pack(f)
	if p != nil && method(f.Name) == zip.Deflate {
		o.p = p.kept() // deflate was tried, whether it helped or not
	}
	return p, r, err
}

// header is the entry header for p, the same as the one zip.Writer's
// CreateHeader makes for a header with Epoch and mode 0644, except that
// the checksum and sizes are known before the data, so there is no data
// descriptor after it.
func (p *packed) header(name string) *zip.FileHeader {
	h := &zip.FileHeader{
		Name:               name,
		Method:             p.method,
		Modified:           Epoch,
		Extra:              extendedTime(),
		CRC32:              p.crc,
		CompressedSize64:   uint64(len(p.raw)),
		UncompressedSize64: p.size,
		ReaderVersion:      zipVersion20,
	}
	h.ModifiedDate, h.ModifiedTime = msDosTime(Epoch)
	h.SetMode(0o644)
	h.CreatorVersion = h.CreatorVersion&0xff00 | zipVersion20
	if needsUTF8(name) {
		h.Flags |= 0x800
	}
	return h
}

const zipVersion20 = 20 // 2.0: deflate, folders

func msDosTime(t time.Time) (date, tm uint16) {
	return uint16(t.Day() + int(t.Month())<<5 + (t.Year()-1980)<<9),
		uint16(t.Second()/2 + t.Minute()<<5 + t.Hour()<<11)
}

// extendedTime is the "extended timestamp" extra field (Info-ZIP's
// 0x5455) with Epoch as the modification time, as CreateHeader adds it.
func extendedTime() []byte {
	t := uint32(Epoch.Unix())
	return []byte{0x55, 0x54, 5, 0, 1, byte(t), byte(t >> 8), byte(t >> 16), byte(t >> 24)}
}

// needsUTF8 is CreateHeader's rule for the UTF-8 flag: set it for a valid
// UTF-8 name that is not safe as CP-437, the zip format's old encoding
// (control characters, backslash, tilde and everything past ASCII).
func needsUTF8(name string) bool {
	require := false
	for i := 0; i < len(name); {
		r, size := utf8.DecodeRuneInString(name[i:])
		i += size
		if r < 0x20 || r > 0x7d || r == 0x5c {
			if r == utf8.RuneError && size == 1 {
				return false // not UTF-8: leave the flag clear
			}
			require = true
		}
	}
	return require
}

// Packed returns f, given as Data, compressed now for an archive made
// later, without its bytes: an archive of many pages (a level's zip of
// every module) then holds each page as it will be written while the
// others are made, not whole. The archive's bytes are the same.
func Packed(f File) File {
	if f.Data == nil || f.once != nil || method(f.Name) != zip.Deflate {
		return f
	}
	p := packBytes(f.Name, f.Data)
	f.once = &packOnce{p: p.kept()}
	p.done()
	f.Data = nil
	return f
}
