package imageproc

import (
	"image"
	"image/draw"

	xdraw "golang.org/x/image/draw"
)

// storedSize is the size a derivative has before orientation: for the
// orientations that turn the picture a quarter (5 to 8), width and height
// swap.
func storedSize(w, h, orientation int) (int, int) {
	if orientation >= 5 {
		return h, w
	}
	return w, h
}

// resizeChain makes the derivatives of img for the given stored sizes,
// largest first. Each size is made from the smallest picture at hand that
// is still at least as large: first halving with a 2×2 average (exact and
// cheap, and it removes the fine detail that would otherwise alias) while
// the picture is at least twice the target, then finishing with
// x/image/draw's ApproxBiLinear, so the last step never shrinks by more
// than half. (Catmull-Rom is sharper on synthetic test patterns but, on
// photos, within 42-47 dB PSNR of this at 5 to 7 times the cost: see
// BenchmarkStages and docs/BENCHMARKS.md.)
func resizeChain(img image.Image, sizes []image.Point) []*image.RGBA {
	return resizeWith(img, sizes, xdraw.ApproxBiLinear)
}

// resizeWith is resizeChain with a given finishing filter.
func resizeWith(img image.Image, sizes []image.Point, finish xdraw.Scaler) []*image.RGBA {
	out := make([]*image.RGBA, len(sizes))
	cur := img
	for i, sz := range sizes {
		for cur.Bounds().Dx() >= 2*sz.X && cur.Bounds().Dy() >= 2*sz.Y {
			cur = halve(cur)
		}
		if cur.Bounds().Dx() == sz.X && cur.Bounds().Dy() == sz.Y {
			out[i] = toRGBA(cur)
			cur = out[i]
			continue
		}
		dst := image.NewRGBA(image.Rect(0, 0, sz.X, sz.Y))
		finish.Scale(dst, dst.Bounds(), cur, cur.Bounds(), xdraw.Src, nil)
		out[i] = dst
		cur = dst
	}
	return out
}

// halve averages every 2×2 block. x/image/draw's ApproxBiLinear at exactly
// half size samples the centre of each block, which is that average.
func halve(img image.Image) image.Image {
	b := img.Bounds()
	dst := image.NewRGBA(image.Rect(0, 0, b.Dx()/2, b.Dy()/2))
	xdraw.ApproxBiLinear.Scale(dst, dst.Bounds(), img, b, xdraw.Src, nil)
	return dst
}

func toRGBA(img image.Image) *image.RGBA {
	if n, ok := img.(*image.RGBA); ok && n.Rect.Min == (image.Point{}) {
		return n
	}
	b := img.Bounds()
	dst := image.NewRGBA(image.Rect(0, 0, b.Dx(), b.Dy()))
	draw.Draw(dst, dst.Bounds(), img, b.Min, draw.Src)
	return dst
}

// orient turns a picture stored with the given EXIF orientation upright.
func orient(src *image.RGBA, orientation int) *image.RGBA {
	if orientation <= 1 || orientation > 8 {
		return src
	}
	w, h := src.Rect.Dx(), src.Rect.Dy()
	W, H := w, h
	if orientation >= 5 {
		W, H = h, w
	}
	dst := image.NewRGBA(image.Rect(0, 0, W, H))
	for Y := range H {
		row := dst.Pix[Y*dst.Stride:]
		for X := range W {
			x, y := storedPixel(X, Y, w, h, orientation)
			s := src.Pix[y*src.Stride+x*4:]
			copy(row[X*4:X*4+4], s[:4])
		}
	}
	return dst
}

// storedPixel maps the upright pixel (X, Y) to where it is stored in a
// w×h picture with the given orientation.
func storedPixel(X, Y, w, h, orientation int) (x, y int) {
	switch orientation {
	case 2: // mirrored
		return w - 1 - X, Y
	case 3: // turned 180°
		return w - 1 - X, h - 1 - Y
	case 4: // mirrored upside down
		return X, h - 1 - Y
	case 5: // mirrored along the main diagonal
		return Y, X
	case 6: // must turn 90° clockwise
		return Y, h - 1 - X
	case 7: // mirrored along the other diagonal
		return w - 1 - Y, h - 1 - X
	case 8: // must turn 90° anticlockwise
		return w - 1 - Y, X
	}
	return X, Y
}
