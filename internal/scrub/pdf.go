package scrub

import (
	"bytes"
	"cmp"
	"compress/flate"
	"compress/zlib"
	"encoding/binary"
	"fmt"
	"hash/adler32"
	"io"
	"slices"
)

// pdfKept are the keys of the document information dictionary that
// describe the document or the software, not people. Author, Creator
// (the program the document was written in, which some programs fill with
// the user's name) and every key the standard does not define (Company,
// SourceModified, a department's own) are fields to report.
var pdfKept = map[string]bool{
	"Title": true, "Subject": true, "Keywords": true, "Producer": true,
	"CreationDate": true, "ModDate": true, "Trapped": true,
}

// maxInflated bounds what an object stream may inflate to.
const maxInflated = 64 << 20

// cleanPDF reports the fields of a PDF's information dictionaries (every
// revision's), XMP metadata streams and comments that name people and,
// with strip, blanks them in place: overwritten with spaces (a compressed
// stream with a compressed stream of exactly the same length), so every
// offset of the file stays true; see objectStreams for the one exception.
// JPEG pictures of its pages are stripped whatever strip says.
func cleanPDF(data []byte, strip bool) ([]byte, []Field, error) {
	objs, trailers := scanPDF(data)
	if len(trailers) == 0 {
		if len(objs) == 0 {
			return data, nil, nil // no object at all: nothing that could name anyone
		}
		return nil, nil, damaged("PDF", "it has no trailer")
	}
	for _, t := range trailers {
		if _, ok := t.get("Encrypt"); ok {
			return nil, nil, &Error{Kind: Encrypted, Format: "PDF"}
		}
	}
	p := &pdfCleaner{data: data, out: bytes.Clone(data), strip: strip, byRef: map[[2]int64][]*pdfObject{}}
	for _, o := range objs {
		p.byRef[[2]int64{o.num, o.gen}] = append(p.byRef[[2]int64{o.num, o.gen}], o)
	}
	var infos [][2]int64 // in the order of the trailers
	for _, t := range trailers {
		switch info, _ := t.get("Info"); info.kind {
		case 'd':
			p.info(p.data, p.out, info)
		case 'r':
			if ref := [2]int64{info.num, info.gen}; !slices.Contains(infos, ref) {
				infos = append(infos, ref)
			}
		}
	}
	var inStreams []int64
	for _, ref := range infos {
		found := p.byRef[ref]
		for _, o := range found {
			// An information dictionary is never a stream nor a
			// cross-reference dictionary: a broken file whose Info names
			// one (itself, even) keeps it, or blanking it would break the
			// file's structure.
			typ, _ := o.val.get("Type")
			if o.val.kind == 'd' && !o.stream && !typ.isName("XRef") && !typ.isName("ObjStm") {
				p.info(p.data, p.out, o.val)
			}
		}
		if len(found) == 0 && ref[1] == 0 {
			inStreams = append(inStreams, ref[0])
		}
	}
	for _, o := range objs {
		if o.val.kind == 'd' {
			p.annotation(p.data, p.out, o.val)
			p.photo(o)
		}
	}
	if err := p.objectStreams(objs, inStreams); err != nil {
		return nil, nil, err
	}
	for _, o := range objs {
		if err := p.metadata(o); err != nil {
			return nil, nil, err
		}
	}
	return p.out, p.fields, nil
}

type pdfCleaner struct {
	data, out []byte // out: a copy of data, blanked
	strip     bool
	byRef     map[[2]int64][]*pdfObject
	fields    []Field
	seen      map[string]bool
}

func (p *pdfCleaner) field(name string) {
	if p.seen == nil {
		p.seen = map[string]bool{}
	}
	if !p.seen[name] {
		p.seen[name] = true
		p.fields = append(p.fields, Field{Name: name})
	}
}

// info reports and blanks the entries of an information dictionary that
// name people. src holds the dictionary's bytes; dst is where blanking
// goes (the same positions).
func (p *pdfCleaner) info(src, dst []byte, d pval) (blanked bool) {
	for _, e := range d.entries {
		if pdfKept[e.key] {
			continue
		}
		v := e.val
		if v.kind == 'r' {
			// The value is an object of its own: blank that too.
			for _, o := range p.byRef[[2]int64{v.num, v.gen}] {
				if o.val.kind == 's' || o.val.kind == 'h' {
					if !emptyPDFString(p.data[o.val.start:o.val.end]) {
						p.field(e.key)
					}
					if p.strip {
						blank(p.out[o.val.start:o.val.end], "()")
					}
				}
			}
		} else if (v.kind != 's' && v.kind != 'h') || !emptyPDFString(src[v.start:v.end]) {
			p.field(e.key)
		}
		if p.strip {
			blank(dst[e.start:v.end], "")
			blanked = true
		}
	}
	return blanked
}

// metadata reports and blanks an XMP metadata stream, and the references
// to metadata streams in a dictionary.
func (p *pdfCleaner) metadata(o *pdfObject) error {
	if o.val.kind != 'd' {
		return nil
	}
	if p.strip {
		blankMetadataRefs(p.out, o.val)
	}
	if t, _ := o.val.get("Type"); !o.stream || !t.isName("Metadata") {
		return nil
	}
	dst := p.out[o.data:o.dEnd]
	f, _ := o.val.get("Filter")
	if blankXMP(p.data[o.data:o.dEnd], f) {
		return nil // blanked before: nothing in it
	}
	if isFlate(f) && len(dst) < 11 {
		// Too short to hold a name once inflated, and too short to hold
		// the smallest compressed blank: neither reported nor changed, so
		// that cleaning a cleaned file finds nothing.
		return nil
	}
	p.field(xmpField)
	if !p.strip {
		return nil
	}
	switch {
	case f.kind == 0:
		blank(dst, "")
	case isFlate(f):
		z, ok := zlibExact(nil, len(dst))
		if !ok {
			return &Error{Kind: Uncleanable, Format: "PDF", Err: errNoRoom}
		}
		copy(dst, z)
	default:
		return &Error{Kind: Uncleanable, Format: "PDF", Err: errXMPCompressed}
	}
	return nil
}

// blankXMP reports whether a metadata stream holds nothing but white
// space (as cleaning leaves it).
func blankXMP(data []byte, filter pval) bool {
	if filter.kind != 0 {
		if !isFlate(filter) {
			return false
		}
		zr, err := zlib.NewReader(bytes.NewReader(data))
		if err != nil {
			return false
		}
		if data, err = io.ReadAll(io.LimitReader(zr, maxInflated)); err != nil {
			return false
		}
	}
	return len(bytes.TrimSpace(data)) == 0
}

func isFlate(f pval) bool {
	if f.kind == 'a' && len(f.items) == 1 {
		f = f.items[0]
	}
	return f.isName("FlateDecode") || f.isName("Fl")
}

// blankMetadataRefs blanks every /Metadata entry in a dictionary and the
// dictionaries inside it.
func blankMetadataRefs(out []byte, d pval) {
	for _, e := range d.entries {
		if e.key == "Metadata" && e.val.kind == 'r' {
			blank(out[e.start:e.val.end], "")
			continue
		}
		if e.val.kind == 'd' {
			blankMetadataRefs(out, e.val)
		}
	}
}

// photo strips a JPEG picture of the page (an image XObject whose only
// filter is DCTDecode) as StripJPEG strips a published photo, whatever the
// setting: what it leaves is padded with zeros after the end of the image,
// which decoders never read, so the stream keeps its length. (A PDF places
// its pictures itself: the EXIF orientation was never used.)
func (p *pdfCleaner) photo(o *pdfObject) {
	if st, _ := o.val.get("Subtype"); !o.stream || !st.isName("Image") {
		return
	}
	f, _ := o.val.get("Filter")
	if f.kind == 'a' && len(f.items) == 1 {
		f = f.items[0]
	}
	if !f.isName("DCTDecode") && !f.isName("DCT") {
		return
	}
	data := p.data[o.data:o.dEnd]
	stripped, err := StripJPEG(data)
	if err != nil || len(stripped) >= len(data) {
		return // not a JPEG warta can read, or nothing to strip: as it is
	}
	dst := p.out[o.data:o.dEnd]
	n := copy(dst, stripped)
	clear(dst[n:])
}

// markupAnnotations are the annotation types that are comments: their /T
// is the name of who wrote them.
var markupAnnotations = map[string]bool{
	"Text": true, "FreeText": true, "Line": true, "Square": true, "Circle": true, "Polygon": true,
	"PolyLine": true, "Highlight": true, "Underline": true, "Squiggly": true, "StrikeOut": true,
	"Stamp": true, "Caret": true, "Ink": true, "FileAttachment": true, "Sound": true, "Redact": true,
}

// annotation reports and blanks what a comment (a markup annotation)
// says and who wrote it: an empty note is left where it was.
func (p *pdfCleaner) annotation(src, dst []byte, d pval) (blanked bool) {
	if st, _ := d.get("Subtype"); st.kind != 'n' || !markupAnnotations[st.name] {
		return false
	}
	if _, ok := d.get("Rect"); !ok {
		return false
	}
	for _, e := range d.entries {
		switch e.key {
		case "T", "Contents", "RC", "Subj":
			if (e.val.kind != 's' && e.val.kind != 'h') || !emptyPDFString(src[e.val.start:e.val.end]) {
				p.field("comments")
			}
			if p.strip {
				blank(dst[e.start:e.val.end], "")
				blanked = true
			}
		}
	}
	return blanked
}

// objectStreams blanks information dictionaries (the objects nums) and
// comments that are stored in
// compressed object streams (PDF 1.5): the stream is inflated, blanked and
// deflated again into exactly its old length. When it no longer fits
// (blanks compress no better than names, and Go's deflate is not zlib's),
// every object of that stream is written anew, uncompressed and blanked,
// in a revision appended to the file (as any PDF editor saves a change),
// and the old stream is overwritten with a stream of spaces: nothing of
// the names is left in the file.
func (p *pdfCleaner) objectStreams(objs []*pdfObject, nums []int64) error {
	found, unread := 0, 0
	var moved []movedObject
	var emptied []int64
	for _, o := range objs {
		if t, _ := o.val.get("Type"); !o.stream || !t.isName("ObjStm") {
			continue
		}
		unread++ // until read below
		f, _ := o.val.get("Filter")
		if f.kind != 0 && !isFlate(f) {
			continue
		}
		if _, ok := o.val.get("DecodeParms"); ok {
			continue
		}
		first, _ := o.val.get("First")
		count, _ := o.val.get("N")
		if first.kind != 'i' || count.kind != 'i' || first.num < 0 || count.num < 0 || count.num > 1<<20 {
			continue
		}
		buf := p.data[o.data:o.dEnd]
		if f.kind != 0 {
			zr, err := zlib.NewReader(bytes.NewReader(buf))
			if err != nil {
				continue
			}
			buf, err = io.ReadAll(io.LimitReader(zr, maxInflated))
			if err != nil {
				continue
			}
		}
		unread--
		orig := bytes.Clone(buf)
		l := &pdfLexer{data: orig}
		hit := false
		var inside []movedObject // every object of the stream, where it starts
		for range count.num {
			num, err1 := l.value()
			off, err2 := l.value()
			if err1 != nil || err2 != nil || num.kind != 'i' || off.kind != 'i' {
				break
			}
			at := first.num + off.num
			if at < 0 || at >= int64(len(orig)) {
				continue
			}
			inside = append(inside, movedObject{num: num.num, at: int(at)})
			ol := &pdfLexer{data: orig, pos: int(at)}
			v, err := ol.value()
			switch {
			case err != nil || v.kind != 'd':
			case slices.Contains(nums, num.num):
				hit = p.info(orig, buf, v) || hit
				found++
			default:
				hit = p.annotation(orig, buf, v) || hit
			}
		}
		if !hit || !p.strip {
			continue
		}
		dst := p.out[o.data:o.dEnd]
		if f.kind == 0 {
			copy(dst, buf)
			continue
		}
		if z, ok := zlibExact(buf, len(dst)); ok {
			copy(dst, z)
			continue
		}
		z, ok := zlibExact(nil, len(dst))
		if !ok {
			return &Error{Kind: Uncleanable, Format: "PDF", Err: errNoRoom}
		}
		copy(dst, z)
		slices.SortFunc(inside, func(a, b movedObject) int { return a.at - b.at })
		for i, m := range inside {
			end := len(buf)
			if i+1 < len(inside) {
				end = inside[i+1].at
			}
			m.text = bytes.TrimSpace(buf[m.at:end])
			moved = append(moved, m)
		}
		emptied = append(emptied, o.num)
	}
	if len(nums) > 0 && found == 0 && unread > 0 {
		// It may be in a stream warta cannot read: not checked is not clean.
		return &Error{Kind: Uncleanable, Format: "PDF", Err: errInfoUnread}
	}
	if len(moved) > 0 {
		out, err := appendRevision(p.data, p.out, moved, emptied)
		if err != nil {
			return err
		}
		p.out = out
	}
	return nil
}

// movedObject is an object taken out of an object stream.
type movedObject struct {
	num  int64
	at   int    // where it starts in the stream
	text []byte // its value
}

// appendRevision appends to out (the file data, edited in place) a
// revision that defines moved as plain objects and frees the emptied
// object streams, with a cross-reference stream that continues the file's
// last one.
func appendRevision(data, out []byte, moved []movedObject, emptied []int64) ([]byte, error) {
	last := &pdfLexer{data: data}
	i := bytes.LastIndex(data, []byte("startxref"))
	if i < 0 {
		return nil, &Error{Kind: Uncleanable, Format: "PDF", Err: errNoStartxref}
	}
	last.pos = i + len("startxref")
	last.skip()
	prev, ok := last.integer()
	if !ok || prev >= int64(len(data)) {
		return nil, &Error{Kind: Uncleanable, Format: "PDF", Err: errStartxref}
	}
	last.pos = int(prev)
	xref := last.object()
	if xref == nil {
		return nil, &Error{Kind: Uncleanable, Format: "PDF", Err: errXrefTable}
	}
	size, _ := xref.val.get("Size")
	if t, _ := xref.val.get("Type"); !t.isName("XRef") || size.kind != 'i' {
		return nil, &Error{Kind: Uncleanable, Format: "PDF", Err: errXrefUnread}
	}
	var b bytes.Buffer
	b.Grow(len(out) + 1024)
	b.Write(out)
	b.WriteString("\n")
	type row struct {
		num int64
		typ byte
		off int
		gen uint16
	}
	var rows []row
	for _, m := range moved {
		rows = append(rows, row{num: m.num, typ: 1, off: b.Len()})
		fmt.Fprintf(&b, "%d 0 obj\n%s\nendobj\n", m.num, m.text)
	}
	for _, n := range emptied {
		rows = append(rows, row{num: n, typ: 0, gen: 1})
	}
	self, selfAt := size.num, b.Len()
	rows = append(rows, row{num: self, typ: 1, off: selfAt})
	slices.SortFunc(rows, func(a, b row) int { return cmp.Compare(a.num, b.num) })
	var index, table []byte
	for _, r := range rows {
		index = fmt.Appendf(index, "%d 1 ", r.num)
		table = append(table, r.typ)
		table = binary.BigEndian.AppendUint32(table, uint32(r.off))
		table = binary.BigEndian.AppendUint16(table, r.gen)
	}
	fmt.Fprintf(&b, "%d 0 obj\n<< /Type /XRef /Size %d /W [1 4 2] /Index [%s] /Prev %d", self, self+1, bytes.TrimSpace(index), prev)
	for _, key := range []string{"Root", "Info", "ID"} {
		if e, ok := dictEntry(xref.val, key); ok {
			b.WriteString(" ")
			b.Write(data[e.start:e.val.end])
		}
	}
	fmt.Fprintf(&b, " /Length %d >>\nstream\n", len(table))
	b.Write(table)
	fmt.Fprintf(&b, "\nendstream\nendobj\nstartxref\n%d\n%%%%EOF\n", selfAt)
	return b.Bytes(), nil
}

// dictEntry returns the entry of a dictionary with its key.
func dictEntry(d pval, key string) (pentry, bool) {
	for _, e := range d.entries {
		if e.key == key {
			return e, true
		}
	}
	return pentry{}, false
}

// blank overwrites b with spaces after put.
func blank(b []byte, put string) {
	n := copy(b, put)
	for i := n; i < len(b); i++ {
		b[i] = ' '
	}
}

// emptyPDFString reports whether a string literal or hex string holds no
// text (a byte order mark at most).
func emptyPDFString(s []byte) bool {
	s = bytes.TrimSpace(s[1 : len(s)-1])
	return len(s) == 0 || bytes.EqualFold(s, []byte("FEFF")) || bytes.Equal(s, []byte(`\376\377`))
}

// zlibExact compresses content into a zlib stream of exactly n bytes: the
// deflated content, then a stored block of spaces to make up the length
// (white space after the last object is nothing to a PDF reader, and an
// XMP packet of white space is an empty one). It fails when deflate
// cannot make content small enough.
func zlibExact(content []byte, n int) ([]byte, bool) {
	var buf bytes.Buffer
	buf.Write([]byte{0x78, 0xDA})
	fw, _ := flate.NewWriter(&buf, flate.BestCompression)
	_, _ = fw.Write(content)
	_ = fw.Flush() // byte-aligned, not final
	sum := adler32.New()
	sum.Write(content)
	rest := n - buf.Len() - 4 // what the stored blocks may take
	if rest < 5 {
		return nil, false
	}
	stored := func(final bool, k int) {
		h := []byte{0, byte(k), byte(k >> 8), ^byte(k), ^byte(k >> 8)}
		if final {
			h[0] = 1
		}
		buf.Write(h)
		spaces := bytes.Repeat([]byte{' '}, k)
		buf.Write(spaces)
		sum.Write(spaces)
	}
	for rest-5 > 0xFFFF {
		k := min(0xFFFF, rest-10)
		stored(false, k)
		rest -= 5 + k
	}
	stored(true, rest-5)
	buf.Write(binary.BigEndian.AppendUint32(nil, sum.Sum32()))
	return buf.Bytes(), buf.Len() == n
}
