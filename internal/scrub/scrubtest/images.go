// Package scrubtest makes, in Go, the files that carry personal metadata
// which tests of internal/scrub and of whole builds need: a phone photo
// with GPS, owner, serial number and thumbnail, a PNG with text chunks,
// PDFs, Office and OpenDocument files with an author. It also runs the
// independent metadata readers the tests check them with (exiftool,
// github.com/bep/imagemeta, qpdf). Nothing here is copied from elsewhere.
package scrubtest

import (
	"bytes"
	"encoding/binary"
	"hash/crc32"
	"image"
	"image/color"
	"image/jpeg"
	"image/png"
)

// Secrets are the personal values the fixtures hide in their metadata;
// none may appear in a cleaned file.
var Secrets = []string{"Budi Santoso", "SN-4711-0815", "Sari Wulandari", "SD Negeri 99", "Pak Kepala"}

// Picture is a test picture, w×h, with a red block in its top-left corner
// (so a turned copy shows where its top went) on a gradient.
func Picture(w, h int) *image.RGBA {
	img := image.NewRGBA(image.Rect(0, 0, w, h))
	for y := range h {
		for x := range w {
			c := color.RGBA{uint8(40 + 160*x/w), uint8(60 + 150*y/h), 180, 255}
			if x < w/4 && y < h/4 {
				c = color.RGBA{230, 20, 20, 255}
			}
			img.Set(x, y, c)
		}
	}
	return img
}

// PlainJPEG is Picture(w, h) as Go's encoder writes it: no metadata.
func PlainJPEG(w, h int) []byte {
	var buf bytes.Buffer
	if err := jpeg.Encode(&buf, Picture(w, h), &jpeg.Options{Quality: 90}); err != nil {
		panic(err)
	}
	return buf.Bytes()
}

// PhoneJPEG is a w×h picture as a phone saves it: a JFIF header with a
// thumbnail of its own, EXIF with the camera's make and model, the
// owner's name (Artist, CameraOwnerName), the body's serial number, a GPS
// position, the given orientation and an embedded JPEG thumbnail; XMP
// naming the creator; IPTC naming the by-line; a comment; an RGB ICC
// profile; and, after the end of the image, the video of a "motion
// photo".
func PhoneJPEG(w, h, orientation int) []byte {
	return WithPhoneMetadata(PlainJPEG(w, h), orientation)
}

// WithPhoneMetadata puts PhoneJPEG's metadata around a plain JPEG.
func WithPhoneMetadata(plain []byte, orientation int) []byte {
	var out []byte
	out = append(out, 0xFF, 0xD8)
	// JFIF with a 1×1 RGB thumbnail.
	out = appendSegment(out, 0xE0, []byte("JFIF\x00\x01\x02\x01\x00\x48\x00\x48\x01\x01\xff\x00\x00"))
	out = appendSegment(out, 0xE1, append([]byte("Exif\x00\x00"), exifTIFF(orientation, PlainJPEG(16, 12))...))
	out = appendSegment(out, 0xE1, append([]byte("http://ns.adobe.com/xap/1.0/\x00"), []byte(xmpPacket)...))
	out = appendSegment(out, 0xE2, append([]byte("ICC_PROFILE\x00\x01\x01"), iccProfile()...))
	out = appendSegment(out, 0xED, photoshopIPTC())
	out = appendSegment(out, 0xFE, []byte("Difoto oleh Budi Santoso"))
	out = append(out, plain[2:]...)
	return append(out, []byte("\x00\x00\x00\x18ftypmp42 MotionPhoto_Data Budi Santoso")...)
}

const xmpPacket = `<?xpacket begin="" id="W5M0MpCehiHzreSzNTczkc9d"?>
<x:xmpmeta xmlns:x="adobe:ns:meta/"><rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#">
<rdf:Description rdf:about="" xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:xmp="http://ns.adobe.com/xap/1.0/">
<dc:creator><rdf:Seq><rdf:li>Budi Santoso</rdf:li></rdf:Seq></dc:creator>
<xmp:CreatorTool>PhoneCam of Budi Santoso</xmp:CreatorTool>
</rdf:Description></rdf:RDF></x:xmpmeta>
<?xpacket end="w"?>`

func appendSegment(out []byte, marker byte, payload []byte) []byte {
	out = append(out, 0xFF, marker)
	out = binary.BigEndian.AppendUint16(out, uint16(len(payload)+2))
	return append(out, payload...)
}

// photoshopIPTC is an APP13 payload: a Photoshop resource 0x0404 holding
// IPTC By-line (2:80) and Copyright (2:116).
func photoshopIPTC() []byte {
	var iptc []byte
	for _, ds := range []struct {
		tag byte
		v   string
	}{{80, "Budi Santoso"}, {116, "Pak Kepala"}} {
		iptc = append(iptc, 0x1C, 2, ds.tag)
		iptc = binary.BigEndian.AppendUint16(iptc, uint16(len(ds.v)))
		iptc = append(iptc, ds.v...)
	}
	out := []byte("Photoshop 3.0\x008BIM\x04\x04\x00\x00")
	out = binary.BigEndian.AppendUint32(out, uint32(len(iptc)))
	out = append(out, iptc...)
	if len(iptc)%2 == 1 {
		out = append(out, 0)
	}
	return out
}

// iccProfile is a small RGB display profile header with no tags: enough
// for readers to see an RGB profile.
func iccProfile() []byte {
	p := make([]byte, 132)
	binary.BigEndian.PutUint32(p[0:], 132)
	copy(p[4:], "none")
	binary.BigEndian.PutUint32(p[8:], 0x02100000)
	copy(p[12:], "mntr")
	copy(p[16:], "RGB ")
	copy(p[20:], "XYZ ")
	copy(p[36:], "acsp")
	return p
}

// tiffEntry is one IFD entry: tag, type (2 ASCII, 3 SHORT, 4 LONG, 5
// RATIONAL, 1 BYTE), count and value bytes (big-endian).
type tiffEntry struct {
	tag   uint16
	typ   uint16
	count uint32
	value []byte
}

func ascii(tag uint16, s string) tiffEntry {
	return tiffEntry{tag, 2, uint32(len(s) + 1), append([]byte(s), 0)}
}

func short(tag uint16, v uint16) tiffEntry {
	return tiffEntry{tag, 3, 1, binary.BigEndian.AppendUint16(nil, v)}
}

func long(tag uint16, v uint32) tiffEntry {
	return tiffEntry{tag, 4, 1, binary.BigEndian.AppendUint32(nil, v)}
}

func rationals(tag uint16, vs ...uint32) tiffEntry {
	var b []byte
	for _, v := range vs {
		b = binary.BigEndian.AppendUint32(b, v)
		b = binary.BigEndian.AppendUint32(b, 1)
	}
	return tiffEntry{tag, 5, uint32(len(vs)), b}
}

// exifTIFF is the TIFF structure of an EXIF block: IFD0 (camera, owner,
// orientation) with an EXIF IFD (owner, serial number) and a GPS IFD,
// and IFD1 holding thumb, the embedded thumbnail.
func exifTIFF(orientation int, thumb []byte) []byte {
	// The layout is computed twice: first to learn where each part
	// lands, then with those offsets (sizes do not depend on them).
	var build func(exifAt, gpsAt, ifd1At, thumbAt uint32) ([]byte, [4]uint32)
	build = func(exifAt, gpsAt, ifd1At, thumbAt uint32) ([]byte, [4]uint32) {
		out := []byte("MM\x00\x2A\x00\x00\x00\x08")
		var at [4]uint32
		ifd0 := []tiffEntry{
			ascii(0x010F, "PhoneCam"), ascii(0x0110, "PhoneCam X1"), short(0x0112, uint16(orientation)),
			ascii(0x013B, "Budi Santoso"), ascii(0x8298, "Pak Kepala"), long(0x8769, exifAt), long(0x8825, gpsAt),
		}
		out = appendIFD(out, ifd0, ifd1At)
		at[0] = uint32(len(out))
		out = appendIFD(out, []tiffEntry{ascii(0xA430, "Budi Santoso"), ascii(0xA431, "SN-4711-0815")}, 0)
		at[1] = uint32(len(out))
		out = appendIFD(out, []tiffEntry{
			{0x0000, 1, 4, []byte{2, 3, 0, 0}}, ascii(0x0001, "S"), rationals(0x0002, 5, 7, 30),
			ascii(0x0003, "E"), rationals(0x0004, 105, 18, 45),
		}, 0)
		at[2] = uint32(len(out))
		out = appendIFD(out, []tiffEntry{short(0x0103, 6), long(0x0201, thumbAt), long(0x0202, uint32(len(thumb)))}, 0)
		at[3] = uint32(len(out))
		return append(out, thumb...), at
	}
	_, at := build(0, 0, 0, 0)
	out, _ := build(at[0], at[1], at[2], at[3])
	return out
}

// appendIFD writes an IFD at the end of out, its values longer than four
// bytes right after it.
func appendIFD(out []byte, entries []tiffEntry, next uint32) []byte {
	start := uint32(len(out))
	dataAt := start + 2 + 12*uint32(len(entries)) + 4
	var data []byte
	out = binary.BigEndian.AppendUint16(out, uint16(len(entries)))
	for _, e := range entries {
		out = binary.BigEndian.AppendUint16(out, e.tag)
		out = binary.BigEndian.AppendUint16(out, e.typ)
		out = binary.BigEndian.AppendUint32(out, e.count)
		if len(e.value) <= 4 {
			v := make([]byte, 4)
			copy(v, e.value)
			out = append(out, v...)
			continue
		}
		out = binary.BigEndian.AppendUint32(out, dataAt+uint32(len(data)))
		data = append(data, e.value...)
		if len(data)%2 == 1 {
			data = append(data, 0)
		}
	}
	out = binary.BigEndian.AppendUint32(out, next)
	return append(out, data...)
}

// NoisyJPEG is a plain JPEG of w×h random pixels: about 2.7 bytes a
// pixel at quality 95, the size of a phone photo for its dimensions.
func NoisyJPEG(w, h int) []byte {
	img := image.NewRGBA(image.Rect(0, 0, w, h))
	seed := uint32(1)
	for i := range img.Pix {
		seed = seed*1664525 + 1013904223
		img.Pix[i] = byte(seed >> 24)
		if i%4 == 3 {
			img.Pix[i] = 255
		}
	}
	var buf bytes.Buffer
	if err := jpeg.Encode(&buf, img, &jpeg.Options{Quality: 95}); err != nil {
		panic(err)
	}
	return buf.Bytes()
}

// PlainPNG is Picture(w, h) as Go's encoder writes it.
func PlainPNG(w, h int) []byte {
	var buf bytes.Buffer
	if err := png.Encode(&buf, Picture(w, h)); err != nil {
		panic(err)
	}
	return buf.Bytes()
}

// TextPNG is a w×h PNG with a tEXt Author, a zTXt-free iTXt holding XMP
// that names the creator, an eXIf chunk (owner, serial, GPS, the given
// orientation), a tIME chunk and a tEXt Comment after the image data.
func TextPNG(w, h, orientation int) []byte {
	plain := PlainPNG(w, h)
	ihdrEnd := 8 + 12 + 13
	var out []byte
	out = append(out, plain[:ihdrEnd]...)
	out = appendChunk(out, "tEXt", []byte("Author\x00Budi Santoso"))
	out = appendChunk(out, "iTXt", append([]byte("XML:com.adobe.xmp\x00\x00\x00\x00\x00"), xmpPacket...))
	out = appendChunk(out, "eXIf", exifTIFF(orientation, nil))
	out = appendChunk(out, "tIME", []byte{0x07, 0xE9, 7, 29, 9, 30, 0})
	out = append(out, plain[ihdrEnd:len(plain)-12]...)
	out = appendChunk(out, "tEXt", []byte("Comment\x00Difoto oleh Sari Wulandari"))
	return append(out, plain[len(plain)-12:]...)
}

// SidewaysWebP is a WebP container with an EXIF chunk saying the picture
// is stored turned (orientation), around a made-up VP8L payload: enough
// for readers of its metadata, not for a decoder.
func SidewaysWebP(orientation int) []byte {
	var body []byte
	chunk := func(fourcc string, data []byte) {
		body = append(body, fourcc...)
		body = binary.LittleEndian.AppendUint32(body, uint32(len(data)))
		body = append(body, data...)
		if len(data)%2 == 1 {
			body = append(body, 0)
		}
	}
	chunk("VP8X", []byte{0x08, 0, 0, 0, 15, 0, 0, 11, 0, 0})
	chunk("VP8L", []byte("/made-up"))
	chunk("EXIF", exifTIFF(orientation, nil))
	out := append([]byte("RIFF"), binary.LittleEndian.AppendUint32(nil, uint32(len(body)+4))...)
	out = append(out, "WEBP"...)
	return append(out, body...)
}

func appendChunk(out []byte, typ string, data []byte) []byte {
	out = binary.BigEndian.AppendUint32(out, uint32(len(data)))
	body := append([]byte(typ), data...)
	out = append(out, body...)
	return binary.BigEndian.AppendUint32(out, crc32.ChecksumIEEE(body))
}
