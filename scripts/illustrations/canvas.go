package main

import (
	"image"
	"image/color"
	"math"
)

// Canvas is an RGB drawing surface that is rendered at ss times the output
// size and box-filtered down on export, which gives smooth edges without any
// anti-aliasing logic in the shape code. All coordinates passed to the drawing
// methods are in output pixels.
type Canvas struct {
	W, H int       // output size
	ss   int       // supersampling factor
	pix  []float32 // RGB, 3 per sample, values 0..1
}

// NewCanvas returns a canvas of w x h output pixels filled with bg.
func NewCanvas(w, h, ss int, bg color.NRGBA) *Canvas {
	c := &Canvas{W: w, H: h, ss: ss, pix: make([]float32, w*h*ss*ss*3)}
	c.Rect(0, 0, float64(w), float64(h), bg)
	return c
}

func clampi(v, lo, hi int) int {
	if v < lo {
		return lo
	}
	if v > hi {
		return hi
	}
	return v
}

// fill calls inside for every sample whose centre lies in the bounding box
// (output coordinates) and blends col where it returns true.
func (c *Canvas) fill(x0, y0, x1, y1 float64, col color.NRGBA, inside func(x, y float64) bool) {
	s := float64(c.ss)
	sw, sh := c.W*c.ss, c.H*c.ss
	ix0 := clampi(int(math.Floor(x0*s)), 0, sw)
	iy0 := clampi(int(math.Floor(y0*s)), 0, sh)
	ix1 := clampi(int(math.Ceil(x1*s)), 0, sw)
	iy1 := clampi(int(math.Ceil(y1*s)), 0, sh)
	a := float32(col.A) / 255
	r, g, b := float32(col.R)/255, float32(col.G)/255, float32(col.B)/255
	for iy := iy0; iy < iy1; iy++ {
		y := (float64(iy) + 0.5) / s
		row := iy * sw * 3
		for ix := ix0; ix < ix1; ix++ {
			x := (float64(ix) + 0.5) / s
			if !inside(x, y) {
				continue
			}
			p := row + ix*3
			c.pix[p] += (r - c.pix[p]) * a
			c.pix[p+1] += (g - c.pix[p+1]) * a
			c.pix[p+2] += (b - c.pix[p+2]) * a
		}
	}
}

// Rect fills an axis-aligned rectangle.
func (c *Canvas) Rect(x0, y0, x1, y1 float64, col color.NRGBA) {
	c.fill(x0, y0, x1, y1, col, func(x, y float64) bool { return true })
}

// RRect fills a rectangle with rounded corners of radius r.
func (c *Canvas) RRect(x0, y0, x1, y1, r float64, col color.NRGBA) {
	r = math.Min(r, math.Min((x1-x0)/2, (y1-y0)/2))
	c.fill(x0, y0, x1, y1, col, func(x, y float64) bool {
		cx := math.Max(x0+r, math.Min(x, x1-r))
		cy := math.Max(y0+r, math.Min(y, y1-r))
		dx, dy := x-cx, y-cy
		return dx*dx+dy*dy <= r*r
	})
}

// RRectOutline draws the outline of a rounded rectangle with stroke width w
// (drawn inside the given bounds) and fills the inside with in (skipped when
// in.A is zero).
func (c *Canvas) RRectOutline(x0, y0, x1, y1, r, w float64, stroke, in color.NRGBA) {
	c.RRect(x0, y0, x1, y1, r, stroke)
	ir := math.Max(r-w, 0)
	if in.A == 0 {
		in = color.NRGBA{255, 255, 255, 255}
	}
	c.RRect(x0+w, y0+w, x1-w, y1-w, ir, in)
}

// Ellipse fills an axis-aligned ellipse.
func (c *Canvas) Ellipse(cx, cy, rx, ry float64, col color.NRGBA) {
	c.fill(cx-rx, cy-ry, cx+rx, cy+ry, col, func(x, y float64) bool {
		dx, dy := (x-cx)/rx, (y-cy)/ry
		return dx*dx+dy*dy <= 1
	})
}

// Circle fills a circle.
func (c *Canvas) Circle(cx, cy, r float64, col color.NRGBA) { c.Ellipse(cx, cy, r, r, col) }

// Ring draws a circle outline of width w centred on radius r.
func (c *Canvas) Ring(cx, cy, r, w float64, col color.NRGBA) {
	ro, ri := r+w/2, r-w/2
	c.fill(cx-ro, cy-ro, cx+ro, cy+ro, col, func(x, y float64) bool {
		d := math.Hypot(x-cx, y-cy)
		return d <= ro && d >= ri
	})
}

// Line draws a segment with round caps.
func (c *Canvas) Line(x0, y0, x1, y1, w float64, col color.NRGBA) {
	r := w / 2
	dx, dy := x1-x0, y1-y0
	l2 := dx*dx + dy*dy
	c.fill(math.Min(x0, x1)-r, math.Min(y0, y1)-r, math.Max(x0, x1)+r, math.Max(y0, y1)+r, col, func(x, y float64) bool {
		t := 0.0
		if l2 > 0 {
			t = ((x-x0)*dx + (y-y0)*dy) / l2
			t = math.Max(0, math.Min(1, t))
		}
		px, py := x0+t*dx-x, y0+t*dy-y
		return px*px+py*py <= r*r
	})
}

// Polyline draws connected round-capped segments.
func (c *Canvas) Polyline(pts []Pt, w float64, col color.NRGBA) {
	for i := 1; i < len(pts); i++ {
		c.Line(pts[i-1].X, pts[i-1].Y, pts[i].X, pts[i].Y, w, col)
	}
}

// Pt is a point in output coordinates.
type Pt struct{ X, Y float64 }

// Poly fills a polygon (even-odd rule).
func (c *Canvas) Poly(pts []Pt, col color.NRGBA) {
	if len(pts) < 3 {
		return
	}
	minX, minY, maxX, maxY := pts[0].X, pts[0].Y, pts[0].X, pts[0].Y
	for _, p := range pts {
		minX, maxX = math.Min(minX, p.X), math.Max(maxX, p.X)
		minY, maxY = math.Min(minY, p.Y), math.Max(maxY, p.Y)
	}
	c.fill(minX, minY, maxX, maxY, col, func(x, y float64) bool {
		in := false
		j := len(pts) - 1
		for i := range pts {
			pi, pj := pts[i], pts[j]
			if (pi.Y > y) != (pj.Y > y) && x < (pj.X-pi.X)*(y-pi.Y)/(pj.Y-pi.Y)+pi.X {
				in = !in
			}
			j = i
		}
		return in
	})
}

// VGradient fills a rectangle with a vertical gradient from top to bottom.
func (c *Canvas) VGradient(x0, y0, x1, y1 float64, top, bottom color.NRGBA) {
	s := float64(c.ss)
	sw := c.W * c.ss
	iy0 := clampi(int(math.Floor(y0*s)), 0, c.H*c.ss)
	iy1 := clampi(int(math.Ceil(y1*s)), 0, c.H*c.ss)
	ix0 := clampi(int(math.Floor(x0*s)), 0, sw)
	ix1 := clampi(int(math.Ceil(x1*s)), 0, sw)
	for iy := iy0; iy < iy1; iy++ {
		t := float32((float64(iy)/s - y0) / (y1 - y0))
		r := (float32(top.R) + (float32(bottom.R)-float32(top.R))*t) / 255
		g := (float32(top.G) + (float32(bottom.G)-float32(top.G))*t) / 255
		b := (float32(top.B) + (float32(bottom.B)-float32(top.B))*t) / 255
		for ix := ix0; ix < ix1; ix++ {
			p := (iy*sw + ix) * 3
			c.pix[p], c.pix[p+1], c.pix[p+2] = r, g, b
		}
	}
}

// RotRect fills a rectangle of size w x h centred on (cx, cy) and rotated by
// angle radians, with rounded corners of radius r.
func (c *Canvas) RotRect(cx, cy, w, h, angle, r float64, col color.NRGBA) {
	sin, cos := math.Sincos(angle)
	ext := math.Hypot(w, h) / 2
	hw, hh := w/2, h/2
	r = math.Min(r, math.Min(hw, hh))
	c.fill(cx-ext, cy-ext, cx+ext, cy+ext, col, func(x, y float64) bool {
		dx, dy := x-cx, y-cy
		lx := dx*cos + dy*sin
		ly := -dx*sin + dy*cos
		qx := math.Max(math.Abs(lx)-(hw-r), 0)
		qy := math.Max(math.Abs(ly)-(hh-r), 0)
		if math.Abs(lx) > hw || math.Abs(ly) > hh {
			return false
		}
		return qx*qx+qy*qy <= r*r
	})
}

// Image box-filters the supersampled canvas down to the output size.
func (c *Canvas) Image() *image.RGBA {
	img := image.NewRGBA(image.Rect(0, 0, c.W, c.H))
	n := float32(c.ss * c.ss)
	sw := c.W * c.ss
	for y := 0; y < c.H; y++ {
		for x := 0; x < c.W; x++ {
			var r, g, b float32
			for sy := 0; sy < c.ss; sy++ {
				p := ((y*c.ss+sy)*sw + x*c.ss) * 3
				for sx := 0; sx < c.ss; sx++ {
					r += c.pix[p]
					g += c.pix[p+1]
					b += c.pix[p+2]
					p += 3
				}
			}
			o := img.PixOffset(x, y)
			img.Pix[o] = to8(r / n)
			img.Pix[o+1] = to8(g / n)
			img.Pix[o+2] = to8(b / n)
			img.Pix[o+3] = 255
		}
	}
	return img
}

func to8(v float32) uint8 {
	v = v*255 + 0.5
	if v < 0 {
		return 0
	}
	if v > 255 {
		return 255
	}
	return uint8(v)
}

// hex parses "#rrggbb" into an opaque colour.
func hex(s string) color.NRGBA {
	var v [3]uint8
	for i := 0; i < 3; i++ {
		v[i] = unhex(s[1+2*i])<<4 | unhex(s[2+2*i])
	}
	return color.NRGBA{v[0], v[1], v[2], 255}
}

func unhex(b byte) uint8 {
	switch {
	case b >= '0' && b <= '9':
		return b - '0'
	case b >= 'a' && b <= 'f':
		return b - 'a' + 10
	case b >= 'A' && b <= 'F':
		return b - 'A' + 10
	}
	panic("bad hex digit")
}

// alpha returns col with the given opacity (0..1).
func alpha(col color.NRGBA, a float64) color.NRGBA {
	col.A = uint8(math.Round(a * 255))
	return col
}

// mix blends two colours, t=0 gives a, t=1 gives b.
func mix(a, b color.NRGBA, t float64) color.NRGBA {
	f := func(x, y uint8) uint8 { return uint8(math.Round(float64(x) + (float64(y)-float64(x))*t)) }
	return color.NRGBA{f(a.R, b.R), f(a.G, b.G), f(a.B, b.B), 255}
}
