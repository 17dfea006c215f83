package scrub

import (
	"encoding/binary"

	"github.com/dinsos-metro/warta/internal/imageproc"
)

// gifKeptApps are the application extensions that change how a GIF
// shows: the animation's loop count and its colour profile. Others (XMP,
// Photoshop's and ImageMagick's metadata) go.
var gifKeptApps = map[string]bool{"NETSCAPE2.0": true, "ANIMEXTS1.0": true, "ICCRGBG1012": true}

// StripGIF returns the GIF without comment extensions, unknown application
// extensions and anything after its trailer.
func StripGIF(data []byte) ([]byte, error) {
	const header = 13
	if len(data) < header {
		return nil, damaged("GIF", "it ends inside its header")
	}
	i := header
	if data[10]&0x80 != 0 { // global colour table
		i += 3 << (data[10]&7 + 1)
	}
	if i > len(data) {
		return nil, damaged("GIF", "it ends inside its colour table")
	}
	out := make([]byte, 0, len(data))
	out = append(out, data[:i]...)
	for {
		if i >= len(data) {
			return nil, damaged("GIF", "it has no trailer")
		}
		switch data[i] {
		case 0x3B: // trailer
			return append(out, 0x3B), nil
		case 0x2C: // image: descriptor, colour table, LZW size, data
			start := i
			if i+10 > len(data) {
				return nil, damaged("GIF", "it ends inside an image")
			}
			if data[i+9]&0x80 != 0 {
				i += 3 << (data[i+9]&7 + 1)
			}
			i += 10 + 1
			end, err := gifBlocks(data, i)
			if err != nil {
				return nil, err
			}
			out = append(out, data[start:end]...)
			i = end
		case 0x21: // extension: label, then data sub-blocks
			if i+2 > len(data) {
				return nil, damaged("GIF", "it ends inside an extension")
			}
			start, label := i, data[i+1]
			end, err := gifBlocks(data, i+2)
			if err != nil {
				return nil, err
			}
			keep := label == 0xF9 || label == 0x01 // graphic control, plain text
			if label == 0xFF && i+3 < end && data[i+2] == 11 && i+14 <= end {
				keep = gifKeptApps[string(data[i+3:i+14])]
			}
			if keep {
				out = append(out, data[start:end]...)
			}
			i = end
		default:
			return nil, damaged("GIF", "unknown block %#x at byte %d", data[i], i)
		}
	}
}

// gifBlocks skips the data sub-blocks that start at i and returns the
// index after their terminator.
func gifBlocks(data []byte, i int) (int, error) {
	for {
		if i >= len(data) {
			return 0, damaged("GIF", "it ends inside a data block")
		}
		n := int(data[i])
		i += 1 + n
		if n == 0 {
			return i, nil
		}
	}
}

// webpKept are the RIFF chunks of a WebP picture itself; EXIF, "XMP " and
// unknown chunks go.
var webpKept = map[string]bool{"VP8 ": true, "VP8L": true, "VP8X": true, "ALPH": true, "ANIM": true, "ANMF": true, "ICCP": true}

// StripWebP returns the WebP without EXIF, XMP and unknown chunks, with
// their flags cleared in its VP8X header.
func StripWebP(data []byte) ([]byte, error) {
	if len(data) < 12 || string(data[:4]) != "RIFF" || string(data[8:12]) != "WEBP" {
		return nil, damaged("WebP", "it does not start like a WebP")
	}
	size := int64(binary.LittleEndian.Uint32(data[4:])) + 8
	end := int(min(size, int64(len(data))))
	out := make([]byte, 12, len(data))
	copy(out, data[:12])
	image := false
	for i := 12; i+8 <= end; {
		fourcc := string(data[i : i+4])
		n := int64(binary.LittleEndian.Uint32(data[i+4:]))
		next := int64(i) + 8 + n + n&1
		if int64(i)+8+n > int64(end) {
			return nil, damaged("WebP", "chunk %q runs past the end", fourcc)
		}
		next = min(next, int64(end))
		if webpKept[fourcc] {
			at := len(out)
			out = append(out, data[i:next]...)
			if fourcc == "VP8X" && n >= 1 {
				out[at+8] &^= 0x08 | 0x04 // EXIF and XMP present
			}
			image = image || fourcc == "VP8 " || fourcc == "VP8L" || fourcc == "ANMF"
		}
		i = int(next)
	}
	if !image {
		return nil, damaged("WebP", "it has no image data")
	}
	binary.LittleEndian.PutUint32(out[4:], uint32(len(out)-8))
	return out, nil
}

// uprightWebP strips a WebP; one stored sideways is refused, as warta
// cannot encode WebP.
func uprightWebP(data []byte) ([]byte, error) {
	stripped, err := StripWebP(data)
	if err != nil {
		return nil, err
	}
	if o := imageproc.Orientation(data, "webp"); o > 1 {
		return nil, &Error{Kind: CannotTurn, Format: "WebP", Detail: o}
	}
	return stripped, nil
}
