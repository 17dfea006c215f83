package imageproc

import (
	"bytes"
	"image"
	"image/jpeg"
	"image/png"
)

// encode writes img in format. Go's encoders write the pixels and the
// headers they need, nothing else: no EXIF, GPS, XMP, ICC profile,
// comments or thumbnails, which is exactly what publishing photos of
// children asks for.
func encode(img image.Image, f Format, quality int) ([]byte, error) {
	var buf bytes.Buffer
	b := img.Bounds()
	buf.Grow(b.Dx() * b.Dy() / 4)
	var err error
	if f == PNG {
		enc := png.Encoder{CompressionLevel: png.DefaultCompression}
		err = enc.Encode(&buf, img)
	} else {
		err = jpeg.Encode(&buf, img, &jpeg.Options{Quality: quality})
	}
	return buf.Bytes(), err
}
