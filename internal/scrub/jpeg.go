package scrub

import (
	"bytes"
	"encoding/binary"

	"github.com/dinsos-metro/warta/internal/imageproc"
)

// JPEG markers.
const (
	mSOI   = 0xD8
	mEOI   = 0xD9
	mSOS   = 0xDA
	mAPP0  = 0xE0
	mAPP2  = 0xE2
	mAPP14 = 0xEE
	mCOM   = 0xFE
)

// StripJPEG returns the JPEG with only the segments decoding needs: the
// JFIF header without its thumbnail, the ICC profile, Adobe's APP14 and
// every frame, table and scan segment, byte for byte. What follows the end
// of the image is dropped. It does not turn the picture: see uprightJPEG.
func StripJPEG(data []byte) ([]byte, error) {
	if len(data) < 4 || data[0] != 0xFF || data[1] != mSOI {
		return nil, damaged("JPEG", "it does not start like a JPEG")
	}
	out := make([]byte, 0, len(data))
	out = append(out, 0xFF, mSOI)
	frame, scan := false, false
	i := 2
	for {
		if i >= len(data) || data[i] != 0xFF {
			if frame && scan && i >= len(data) {
				// Cut off after its last scan, as cameras sometimes
				// leave it: close it, as decoders do.
				return append(out, 0xFF, mEOI), nil
			}
			return nil, damaged("JPEG", "no marker at byte %d", i)
		}
		for i < len(data) && data[i] == 0xFF { // fill bytes
			i++
		}
		if i >= len(data) {
			return nil, damaged("JPEG", "it ends inside a marker")
		}
		m := data[i]
		i++
		switch {
		case m == mEOI:
			if !frame || !scan {
				return nil, damaged("JPEG", "it ends before its image data")
			}
			return append(out, 0xFF, mEOI), nil
		case m == 0x01 || (m >= 0xD0 && m <= 0xD7): // TEM, RSTn: no length
			out = append(out, 0xFF, m)
			continue
		case m == 0x00 || m == mSOI:
			return nil, damaged("JPEG", "unexpected marker %#x at byte %d", m, i-1)
		}
		if i+2 > len(data) {
			return nil, damaged("JPEG", "it ends inside a segment")
		}
		n := int(binary.BigEndian.Uint16(data[i:]))
		if n < 2 || i+n > len(data) {
			return nil, damaged("JPEG", "a segment at byte %d runs past the end", i-2)
		}
		seg := data[i+2 : i+n]
		i += n
		switch {
		case m == mAPP0:
			if jfif := jfifHeader(seg); jfif != nil {
				out = append(out, 0xFF, mAPP0, 0, byte(len(jfif)+2))
				out = append(out, jfif...)
			}
			continue
		case m == mAPP2 && bytes.HasPrefix(seg, []byte("ICC_PROFILE\x00")),
			m == mAPP14 && bytes.HasPrefix(seg, []byte("Adobe")):
			// colours: kept
		case m >= mAPP0 && m <= 0xEF, m == mCOM:
			continue // EXIF, XMP, IPTC, MPF, comments, makers' notes
		case m >= 0xC0 && m <= 0xCF && m != 0xC4 && m != 0xC8 && m != 0xCC:
			frame = true
		}
		out = append(out, 0xFF, m)
		out = append(out, data[i-n:i]...)
		if m != mSOS {
			continue
		}
		scan = true
		// Entropy-coded data runs to the next marker that is not a
		// stuffed 0xFF00 or a restart marker.
		j := i
		for j+1 < len(data) {
			if data[j] != 0xFF {
				j++
				continue
			}
			next := data[j+1]
			if next == 0x00 || (next >= 0xD0 && next <= 0xD7) {
				j += 2
				continue
			}
			if next == 0xFF {
				j++
				continue
			}
			break
		}
		if j+1 >= len(data) {
			j = len(data)
		}
		out = append(out, data[i:j]...)
		i = j
	}
}

// jfifHeader is a JFIF APP0 payload without its thumbnail, or nil for
// other APP0 segments (JFXX holds nothing but a thumbnail).
func jfifHeader(seg []byte) []byte {
	if len(seg) < 14 || !bytes.HasPrefix(seg, []byte("JFIF\x00")) {
		return nil
	}
	h := bytes.Clone(seg[:14])
	h[12], h[13] = 0, 0 // thumbnail width and height
	return h
}

// uprightJPEG strips a JPEG, and turns it upright when its EXIF says it is
// stored otherwise: decoded, turned and encoded again, with its ICC
// profile when that is an RGB one.
func uprightJPEG(data []byte) ([]byte, error) {
	stripped, err := StripJPEG(data)
	if err != nil {
		return nil, err
	}
	o := imageproc.Orientation(data, "jpeg")
	if o <= 1 {
		return stripped, nil
	}
	turned, err := imageproc.Upright(stripped, o, imageproc.JPEG, UprightQuality)
	if err != nil {
		return nil, damaged("JPEG", "%v", err)
	}
	icc := rgbProfile(stripped)
	if icc == nil {
		return turned, nil
	}
	out := make([]byte, 0, len(turned)+len(icc))
	out = append(out, turned[:2]...)
	out = append(out, icc...)
	return append(out, turned[2:]...), nil
}

// rgbProfile returns the APP2 ICC_PROFILE segments of a stripped JPEG,
// markers included, when the profile is for RGB: the picture is encoded
// again as RGB, and a CMYK or grey profile would no longer fit it.
func rgbProfile(data []byte) []byte {
	var out []byte
	for i := 2; i+4 <= len(data) && data[i] == 0xFF; {
		m := data[i+1]
		n := int(binary.BigEndian.Uint16(data[i+2:]))
		if m == mSOS || i+2+n > len(data) {
			break
		}
		seg := data[i+4 : i+2+n]
		if m == mAPP2 && bytes.HasPrefix(seg, []byte("ICC_PROFILE\x00")) {
			// The profile's header (after the 14 bytes of name, number
			// and count) has its colour space at offset 16.
			if len(out) == 0 && (len(seg) < 14+20 || string(seg[14+16:14+20]) != "RGB ") {
				return nil
			}
			out = append(out, data[i:i+2+n]...)
		}
		i += 2 + n
	}
	return out
}
