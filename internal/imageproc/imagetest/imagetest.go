// Package imagetest makes the pictures the image pipeline's tests need,
// in Go, so that every test says exactly what is in its files: phone-like
// JPEGs carry an EXIF block (an orientation and a GPS position), an XMP
// packet and a comment, all of which must vanish from what is published.
package imagetest

import (
	"bytes"
	"encoding/binary"
	"fmt"
	"hash/crc32"
	"image"
	"image/color"
	"image/jpeg"
	"image/png"
	"math/rand/v2"
	"testing"
	"testing/fstest"
)

// GPSMark is written into the GPS IFD and the comment; no output may
// contain it.
const GPSMark = "WARTA-GPS-SECRET"

// QuadColors are the colours of Quadrants: red top left, green top
// right, blue bottom left, yellow bottom right.
var QuadColors = [4]color.RGBA{{230, 20, 20, 255}, {20, 200, 20, 255}, {20, 20, 230, 255}, {230, 230, 20, 255}}

// Quadrants is an upright w×h test picture in four colours.
func Quadrants(w, h int) *image.RGBA {
	img := image.NewRGBA(image.Rect(0, 0, w, h))
	for y := range h {
		for x := range w {
			i := 0
			if x >= w/2 {
				i++
			}
			if y >= h/2 {
				i += 2
			}
			img.SetRGBA(x, y, QuadColors[i])
		}
	}
	return img
}

// Stored turns an upright picture into what a camera with the given
// orientation tag would have stored.
func Stored(up *image.RGBA, orientation int) *image.RGBA {
	W, H := up.Rect.Dx(), up.Rect.Dy()
	w, h := W, H
	if orientation >= 5 {
		w, h = H, W
	}
	st := image.NewRGBA(image.Rect(0, 0, w, h))
	for Y := range H {
		for X := range W {
			x, y := StoredPixel(X, Y, w, h, orientation)
			st.SetRGBA(x, y, up.RGBAAt(X, Y))
		}
	}
	return st
}

// PhoneJPEG encodes img and inserts after SOI an EXIF APP1 segment with the
// orientation and a GPS IFD, an XMP APP1 segment and a COM segment.
func PhoneJPEG(img image.Image, orientation int) []byte {
	var enc bytes.Buffer
	if err := jpeg.Encode(&enc, img, &jpeg.Options{Quality: 95}); err != nil {
		panic(err)
	}
	raw := enc.Bytes()
	var out bytes.Buffer
	out.Write(raw[:2]) // SOI
	segment(&out, 0xE1, append([]byte("Exif\x00\x00"), exifTIFF(orientation)...))
	segment(&out, 0xE1, []byte("http://ns.adobe.com/xap/1.0/\x00<x:xmpmeta xmlns:x='adobe:ns:meta/'><rdf:RDF><rdf:Description exif:GPSLatitude='5,6.7S'/></rdf:RDF></x:xmpmeta>"))
	segment(&out, 0xFE, []byte("comment: taken at "+GPSMark))
	out.Write(raw[2:])
	return out.Bytes()
}

func segment(w *bytes.Buffer, marker byte, payload []byte) {
	w.Write([]byte{0xFF, marker})
	_ = binary.Write(w, binary.BigEndian, uint16(len(payload)+2))
	w.Write(payload)
}

// exifTIFF builds a little-endian TIFF block: IFD0 with Orientation and a
// GPSInfo pointer; the GPS IFD with GPSLatitudeRef and GPSMapDatum.
func exifTIFF(orientation int) []byte {
	le := binary.LittleEndian
	var b []byte
	b = append(b, 'I', 'I', 42, 0)
	b = le.AppendUint32(b, 8) // IFD0 offset
	entry := func(tag, typ uint16, count, value uint32) {
		b = le.AppendUint16(b, tag)
		b = le.AppendUint16(b, typ)
		b = le.AppendUint32(b, count)
		b = le.AppendUint32(b, value)
	}
	// IFD0 at 8: 2 entries (2+24 bytes) and the next-IFD offset (4).
	const gpsIFD = 8 + 2 + 2*12 + 4
	b = le.AppendUint16(b, 2)
	entry(0x0112, 3, 1, uint32(orientation)) // SHORT, value in the low bytes
	entry(0x8825, 4, 1, gpsIFD)              // LONG offset of the GPS IFD
	b = le.AppendUint32(b, 0)
	// GPS IFD: 2 entries, then the datum text after it.
	datum := GPSMark + "\x00"
	datumAt := gpsIFD + 2 + 2*12 + 4
	b = le.AppendUint16(b, 2)
	entry(0x0001, 2, 2, uint32('S'))                      // GPSLatitudeRef "S\0" inline
	entry(0x0012, 2, uint32(len(datum)), uint32(datumAt)) // GPSMapDatum
	b = le.AppendUint32(b, 0)
	return append(b, datum...)
}

// PNGBomb is a valid PNG header claiming w×h pixels, with a tiny body.
func PNGBomb(w, h uint32) []byte {
	var buf bytes.Buffer
	_ = png.Encode(&buf, image.NewGray(image.Rect(0, 0, 1, 1)))
	b := buf.Bytes()
	// IHDR data starts at 16: width, height; its CRC covers type and data.
	binary.BigEndian.PutUint32(b[16:], w)
	binary.BigEndian.PutUint32(b[20:], h)
	binary.BigEndian.PutUint32(b[29:], crc32.ChecksumIEEE(b[12:29]))
	return b
}

// TransparentPNG has a transparent hole in the middle.
func TransparentPNG(w, h int) []byte {
	img := image.NewNRGBA(image.Rect(0, 0, w, h))
	for y := range h {
		for x := range w {
			a := uint8(255)
			if x > w/4 && x < 3*w/4 && y > h/4 && y < 3*h/4 {
				a = 0
			}
			img.SetNRGBA(x, y, color.NRGBA{200, 100, 50, a})
		}
	}
	var buf bytes.Buffer
	_ = png.Encode(&buf, img)
	return buf.Bytes()
}

// Add puts a file into fsys.
func Add(fsys fstest.MapFS, name string, data []byte) {
	fsys[name] = &fstest.MapFile{Data: data, Mode: 0o644}
}

// StoredPixel maps the upright pixel (X, Y) to where a camera stores it in
// a w×h picture with the given EXIF orientation (the definition the
// pipeline is tested against, written out independently of it).
func StoredPixel(X, Y, w, h, orientation int) (x, y int) {
	switch orientation {
	case 2:
		return w - 1 - X, Y
	case 3:
		return w - 1 - X, h - 1 - Y
	case 4:
		return X, h - 1 - Y
	case 5:
		return Y, X
	case 6:
		return Y, h - 1 - X
	case 7:
		return w - 1 - Y, h - 1 - X
	case 8:
		return w - 1 - Y, X
	}
	return X, Y
}

// AssertClean fails when data carries metadata: the GPS mark, an EXIF
// block or an XMP packet anywhere; in a JPEG, any APP1-APP15 or COM
// segment; in a PNG, a text, time, ICC or eXIf chunk; in a WebP, any chunk
// but the picture's own (VP8, VP8L, VP8X, ALPH). Images are walked
// segment by segment, since short names like "GPS" turn up by chance in
// compressed pixels.
func AssertClean(t testing.TB, name string, data []byte) {
	t.Helper()
	for _, m := range Metadata(data) {
		t.Errorf("%s has %s", name, m)
	}
}

// Metadata lists the metadata AssertClean looks for that data carries.
func Metadata(data []byte) []string {
	var found []string
	for _, bad := range []string{GPSMark, "Exif\x00\x00", "http://ns.adobe.com/xap/1.0/", "<x:xmpmeta"} {
		if bytes.Contains(data, []byte(bad)) {
			found = append(found, fmt.Sprintf("%q", bad))
		}
	}
	switch {
	case bytes.HasPrefix(data, []byte{0xFF, 0xD8}):
		for i := 2; i+4 <= len(data); {
			if data[i] != 0xFF {
				return append(found, fmt.Sprintf("a bad JPEG segment at %d", i))
			}
			m := data[i+1]
			if m == 0xDA { // start of scan: the headers end
				break
			}
			if (m >= 0xE1 && m <= 0xEF) || m == 0xFE {
				found = append(found, fmt.Sprintf("a metadata segment FF%02X", m))
			}
			i += 2 + int(data[i+2])<<8 + int(data[i+3])
		}
	case bytes.HasPrefix(data, []byte("\x89PNG\r\n\x1a\n")):
		for i := 8; i+8 <= len(data); {
			n := int(binary.BigEndian.Uint32(data[i:]))
			switch typ := string(data[i+4 : i+8]); typ {
			case "tEXt", "zTXt", "iTXt", "eXIf", "iCCP", "tIME":
				found = append(found, "a PNG "+typ+" chunk")
			}
			i += 12 + n
		}
	case len(data) >= 12 && string(data[:4]) == "RIFF" && string(data[8:12]) == "WEBP":
		for i := 12; i+8 <= len(data); {
			n := int(binary.LittleEndian.Uint32(data[i+4:]))
			switch typ := string(data[i : i+4]); typ {
			case "VP8 ", "VP8L", "ALPH":
			case "VP8X": // its flags announce ICC (0x20), EXIF (0x08) and XMP (0x04) chunks
				if i+8 < len(data) && data[i+8]&0x2c != 0 {
					found = append(found, fmt.Sprintf("WebP VP8X flags %#x", data[i+8]))
				}
			default:
				found = append(found, "a WebP "+typ+" chunk")
			}
			i += 8 + n + n&1
		}
	}
	return found
}

// Photo is a w×h JPEG (quality 90) that compresses like a photograph:
// smooth light, a few large shapes, fine grain, different for every seed.
// Benchmarks use it to stand for phone photos.
func Photo(seed uint64, w, h int) []byte {
	r := rand.New(rand.NewPCG(seed, seed^0x9e3779b97f4a7c15))
	img := image.NewRGBA(image.Rect(0, 0, w, h))
	type disc struct {
		x, y, rad int
		c         color.RGBA
	}
	var discs []disc
	for range 6 {
		discs = append(discs, disc{r.IntN(w), r.IntN(h), h/10 + r.IntN(h/3), color.RGBA{uint8(r.IntN(256)), uint8(r.IntN(256)), uint8(r.IntN(256)), 255}})
	}
	top := color.RGBA{uint8(100 + r.IntN(150)), uint8(120 + r.IntN(130)), uint8(150 + r.IntN(100)), 255}
	grain := r.Uint32() | 1
	for y := range h {
		for x := range w {
			c := top
			c.R = uint8(int(c.R) * (2*h - y) / (2 * h))
			c.G = uint8(int(c.G) * (2*h - y) / (2 * h))
			for _, d := range discs {
				if dx, dy := x-d.x, y-d.y; dx*dx+dy*dy < d.rad*d.rad {
					c = d.c
				}
			}
			grain ^= grain << 13
			grain ^= grain >> 17
			grain ^= grain << 5
			n := int(grain&15) - 8
			i := img.PixOffset(x, y)
			img.Pix[i], img.Pix[i+1], img.Pix[i+2], img.Pix[i+3] = clamp(int(c.R)+n), clamp(int(c.G)+n), clamp(int(c.B)+n), 255
		}
	}
	var buf bytes.Buffer
	if err := jpeg.Encode(&buf, img, &jpeg.Options{Quality: 90}); err != nil {
		panic(err)
	}
	return buf.Bytes()
}

func clamp(v int) uint8 { return uint8(min(max(v, 0), 255)) }
