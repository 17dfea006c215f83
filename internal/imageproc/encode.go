package imageproc

import (
	"bytes"
	"image"
	"image/draw"
	"image/jpeg"
	"image/png"

	"github.com/gen2brain/webp"
)

// webpMethod is libwebp's effort, 0 (fastest) to 6 (smallest). 2, Hugo's
// default too, takes a third of the time of libwebp's own default 4 for
// files 2-10% larger (BenchmarkEncode; docs/BENCHMARKS.md, "Images").
const webpMethod = 2

// encode writes img in format. Go's encoders write the pixels and the
// headers they need, nothing else: no EXIF, GPS, XMP, ICC profile,
// comments or thumbnails, which is exactly what publishing photos of
// children asks for. libwebp is given raw pixels only, so its files carry
// a VP8/VP8L bitstream (and, with alpha, the VP8X and ALPH chunks) and no
// metadata chunk either. quality 0 asks WebP for lossless.
func encode(img *image.RGBA, f Format, quality int) ([]byte, error) {
	var buf bytes.Buffer
	b := img.Bounds()
	buf.Grow(b.Dx() * b.Dy() / 4)
	var err error
	switch f {
	case PNG:
		enc := png.Encoder{CompressionLevel: png.DefaultCompression}
		err = enc.Encode(&buf, img)
	case WebP:
		err = encodeWebP(&buf, img, quality)
	default:
		err = jpeg.Encode(&buf, img, &jpeg.Options{Quality: quality})
	}
	return buf.Bytes(), err
}

// encodeWebP hands the pixels to libwebp (compiled to WebAssembly, run by
// wazero: no cgo, and the same bytes on every machine). libwebp reads
// straight (not premultiplied) RGBA with a stride of 4×width, so a
// transparent picture is converted first; an opaque one is the same
// either way.
func encodeWebP(buf *bytes.Buffer, img *image.RGBA, quality int) error {
	var px image.Image = img
	if quality == 0 || img.Stride != 4*img.Rect.Dx() || !img.Opaque() {
		n := image.NewNRGBA(image.Rect(0, 0, img.Rect.Dx(), img.Rect.Dy()))
		draw.Draw(n, n.Rect, img, img.Rect.Min, draw.Src)
		px = n
	}
	opt := webp.Options{Quality: quality, Method: webpMethod}
	if quality == 0 {
		opt = webp.Options{Lossless: true, Method: webpMethod}
	}
	return webp.Encode(buf, px, opt)
}
