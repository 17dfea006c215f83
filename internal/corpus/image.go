package corpus

import (
	"bytes"
	"image"
	"image/color"
	"image/jpeg"
	"image/png"
	"math/rand/v2"
)

// photo draws a w×h JPEG: a gradient between two random colours, a random
// block, light noise so that it compresses like a photo rather than a
// drawing, and the bits of id as black and white squares along the top, so
// that no two photos of a corpus are alike.
func photo(r *rand.Rand, id, w, h int) []byte {
	img := image.NewRGBA(image.Rect(0, 0, w, h))
	a, b := randomColor(r), randomColor(r)
	bx, by := r.IntN(w), r.IntN(h)
	bw, bh := 1+r.IntN(w/2), 1+r.IntN(h/2)
	block := randomColor(r)
	noise := r.Uint32() | 1
	for y := range h {
		for x := range w {
			c := mix(a, b, x+y, w+h)
			if x >= bx && x < bx+bw && y >= by && y < by+bh {
				c = block
			}
			noise ^= noise << 13 // xorshift: one rand call per pixel is slow on big photos
			noise ^= noise >> 17
			noise ^= noise << 5
			n := uint8(noise & 15)
			i := img.PixOffset(x, y)
			img.Pix[i], img.Pix[i+1], img.Pix[i+2], img.Pix[i+3] = c.R^n, c.G^n, c.B^n, 255
		}
	}
	stamp(img, id, max(w/32, 2))
	var buf bytes.Buffer
	if err := jpeg.Encode(&buf, img, &jpeg.Options{Quality: 80}); err != nil {
		panic(err) // encoding to memory cannot fail
	}
	return buf.Bytes()
}

// worksheet draws a small A4-shaped PNG with ruled lines, stamped with id.
func worksheet(id int) []byte {
	img := image.NewGray(image.Rect(0, 0, 105, 148))
	for i := range img.Pix {
		img.Pix[i] = 255
	}
	for y := 30; y < 140; y += 10 {
		for x := 10; x < 95; x++ {
			img.SetGray(x, y, color.Gray{Y: 160})
		}
	}
	stamp(img, id, 3)
	var buf bytes.Buffer
	if err := png.Encode(&buf, img); err != nil {
		panic(err)
	}
	return buf.Bytes()
}

// stamp writes 24 bits of id as squares of size s along the top edge.
func stamp(img interface{ Set(x, y int, c color.Color) }, id, s int) {
	for bit := range 24 {
		c := color.Gray{Y: 0}
		if id>>bit&1 == 1 {
			c = color.Gray{Y: 255}
		}
		for y := range s {
			for x := range s {
				img.Set(bit*s+x, y, c)
			}
		}
	}
}

func randomColor(r *rand.Rand) color.RGBA {
	return color.RGBA{uint8(r.IntN(256)), uint8(r.IntN(256)), uint8(r.IntN(256)), 255}
}

func mix(a, b color.RGBA, i, n int) color.RGBA {
	f := func(x, y uint8) uint8 { return uint8((int(x)*(n-i) + int(y)*i) / n) }
	return color.RGBA{f(a.R, b.R), f(a.G, b.G), f(a.B, b.B), 255}
}
