package scrub

import (
	"bytes"
	"encoding/binary"
	"hash/crc32"

	"github.com/dinsos-metro/warta/internal/imageproc"
)

var pngSignature = []byte("\x89PNG\r\n\x1a\n")

// pngKept are the ancillary chunks that say how to show the pixels. Every
// critical chunk (its type starts with a capital) is kept too: a decoder
// must refuse a file with one it does not know, so dropping it would
// change what the file is.
var pngKept = map[string]bool{
	"tRNS": true, "gAMA": true, "cHRM": true, "sRGB": true, "iCCP": true, "sBIT": true,
	"pHYs": true, "bKGD": true, "cICP": true, "mDCV": true, "mDCv": true, "cLLI": true, "cLLi": true,
	"acTL": true, "fcTL": true, "fdAT": true, // APNG
}

// StripPNG returns the PNG with only its critical chunks and the ones in
// pngKept, each byte for byte, up to IEND; text, eXIf, tIME and every
// other chunk go.
func StripPNG(data []byte) ([]byte, error) {
	if !bytes.HasPrefix(data, pngSignature) {
		return nil, damaged("PNG", "it does not start like a PNG")
	}
	out := make([]byte, 0, len(data))
	out = append(out, pngSignature...)
	first, idat := true, false
	for i := len(pngSignature); ; {
		if i+8 > len(data) {
			if idat {
				return append(out, pngIEND...), nil // cut off after its pixels
			}
			return nil, damaged("PNG", "it ends before its image data")
		}
		n := int64(binary.BigEndian.Uint32(data[i:]))
		typ := data[i+4 : i+8]
		if n > 1<<31-1 || int64(i)+12+n > int64(len(data)) {
			return nil, damaged("PNG", "chunk %q runs past the end", typ)
		}
		if !isChunkType(typ) || (first && string(typ) != "IHDR") {
			return nil, damaged("PNG", "no valid chunk at byte %d", i)
		}
		first = false
		end := i + 12 + int(n)
		if typ[0]&0x20 == 0 || pngKept[string(typ)] {
			out = append(out, data[i:end]...)
		}
		switch string(typ) {
		case "IDAT":
			idat = true
		case "IEND":
			if !idat {
				return nil, damaged("PNG", "it has no image data")
			}
			return out, nil
		}
		i = end
	}
}

// pngIEND is the whole IEND chunk.
var pngIEND = func() []byte {
	b := []byte{0, 0, 0, 0, 'I', 'E', 'N', 'D', 0, 0, 0, 0}
	binary.BigEndian.PutUint32(b[8:], crc32.ChecksumIEEE(b[4:8]))
	return b
}()

func isChunkType(t []byte) bool {
	for _, c := range t {
		if (c < 'A' || c > 'Z') && (c < 'a' || c > 'z') {
			return false
		}
	}
	return true
}

// uprightPNG strips a PNG and turns it upright when its eXIf chunk says
// it is stored otherwise (PNG is lossless: the turned pixels are exact).
func uprightPNG(data []byte) ([]byte, error) {
	stripped, err := StripPNG(data)
	if err != nil {
		return nil, err
	}
	o := imageproc.Orientation(data, "png")
	if o <= 1 {
		return stripped, nil
	}
	turned, err := imageproc.Upright(stripped, o, imageproc.PNG, 0)
	if err != nil {
		return nil, damaged("PNG", "%v", err)
	}
	return turned, nil
}
