package main

import (
	"image/color"
	"math"
	"math/rand/v2"
)

// Shared palette: soft, friendly colours.
var (
	white   = hex("#ffffff")
	cream   = hex("#fff7ea")
	ink     = hex("#2f3b52")
	inkSoft = hex("#5b6b85")
	grey    = hex("#c9d1dc")
	coral   = hex("#f28b82")
	peach   = hex("#f7b98b")
	yellow  = hex("#ffd166")
	sunny   = hex("#ffcf5c")
	teal    = hex("#5cc6b8")
	blue    = hex("#6aa9e9")
	navy    = hex("#3d5a80")
	lilac   = hex("#b39ddb")
	pink    = hex("#f4a6c6")
	green   = hex("#7bc67b")
	leaf    = hex("#5fae6a")
	grassA  = hex("#a9d77a")
	grassB  = hex("#92c865")
	brown   = hex("#a47551")
	wood    = hex("#d9a66b")
	red     = hex("#e4534b")
	skyTop  = hex("#bfe1f6")
	skyBot  = hex("#eef8fd")

	shirts = []color.NRGBA{coral, yellow, teal, blue, lilac, pink, green, peach, hex("#ff9f6e"), hex("#7fc8f8")}
	pants  = []color.NRGBA{navy, hex("#4f6d8f"), hex("#6b5b95"), hex("#47705f"), hex("#8a5a44")}
	skins  = []color.NRGBA{hex("#f1c7a1"), hex("#d9a27b"), hex("#b97f5a"), hex("#e8b48f"), hex("#c98e66")}
	hairs  = []color.NRGBA{hex("#3b2a22"), hex("#4a3226"), hex("#2b2b2b"), hex("#5b3a29"), hex("#6b4a35")}
)

// Arm angles, in radians from "hanging straight down", positive outwards.
const (
	armDown = 0.22
	armOut  = 1.45
	armUp   = 2.65
	armHalf = 0.8
)

// Person is a simple, faceless figure made of circles and rounded shapes.
type Person struct {
	X, Ground, H        float64
	Shirt, Pants        color.NRGBA
	Skin, Hair          color.NRGBA
	LeftArm, RightArm   float64
	Skirt, Pigtails     bool
	HeadScarf, Backview bool
}

// randomPerson picks colours deterministically from rng.
func randomPerson(rng *rand.Rand, x, ground, h float64) Person {
	p := Person{
		X: x, Ground: ground, H: h,
		Shirt:   shirts[rng.IntN(len(shirts))],
		Pants:   pants[rng.IntN(len(pants))],
		Skin:    skins[rng.IntN(len(skins))],
		Hair:    hairs[rng.IntN(len(hairs))],
		LeftArm: armDown, RightArm: armDown,
	}
	switch rng.IntN(5) {
	case 0:
		p.Skirt = true
	case 1:
		p.Skirt, p.Pigtails = true, true
	case 2:
		p.HeadScarf = true
		p.Skirt = rng.IntN(2) == 0
	}
	return p
}

// Hands returns the left and right hand positions.
func (p Person) Hands() (Pt, Pt) {
	h := p.H
	bodyTop := p.Ground - h + 0.25*h
	bw := 0.30 * h
	sy := bodyTop + 0.07*h
	l := 0.30 * h
	lx := p.X - (bw/2 - 0.045*h)
	rx := p.X + (bw/2 - 0.045*h)
	return Pt{lx - l*math.Sin(p.LeftArm), sy + l*math.Cos(p.LeftArm)},
		Pt{rx + l*math.Sin(p.RightArm), sy + l*math.Cos(p.RightArm)}
}

// Draw paints the figure.
func (p Person) Draw(c *Canvas) {
	h, x, g := p.H, p.X, p.Ground
	hr := 0.12 * h
	headCY := g - h + hr
	bodyTop := g - h + 0.25*h
	bodyBot := g - 0.30*h
	bw := 0.30 * h
	shoe := hex("#3a3a48")

	// legs and shoes
	for _, s := range []float64{-1, 1} {
		lx := x + s*0.075*h
		legCol := p.Pants
		if p.Skirt {
			legCol = p.Skin
		}
		c.Line(lx, bodyBot-0.03*h, lx, g-0.035*h, 0.095*h, legCol)
		c.Ellipse(lx+s*0.02*h, g-0.025*h, 0.065*h, 0.03*h, shoe)
	}
	// arms: skin with a short sleeve
	l, aw := 0.30*h, 0.075*h
	sy := bodyTop + 0.07*h
	for i, s := range []float64{-1, 1} {
		ang := p.LeftArm
		if i == 1 {
			ang = p.RightArm
		}
		sx := x + s*(bw/2-0.045*h)
		ex, ey := sx+s*l*math.Sin(ang), sy+l*math.Cos(ang)
		c.Line(sx, sy, ex, ey, aw, p.Skin)
		c.Line(sx, sy, sx+s*0.35*l*math.Sin(ang), sy+0.35*l*math.Cos(ang), aw*1.25, p.Shirt)
		c.Circle(ex, ey, 0.045*h, p.Skin)
	}
	// body
	c.RRect(x-bw/2, bodyTop, x+bw/2, bodyBot, 0.1*h, p.Shirt)
	if p.Skirt {
		c.Poly([]Pt{{x - bw/2, bodyBot - 0.12*h}, {x + bw/2, bodyBot - 0.12*h}, {x + bw/2 + 0.07*h, bodyBot + 0.08*h}, {x - bw/2 - 0.07*h, bodyBot + 0.08*h}}, p.Pants)
	}
	// head
	if p.HeadScarf {
		c.Ellipse(x, headCY+0.02*h, hr*1.22, hr*1.22, p.Pants)
		c.Poly([]Pt{{x - hr*1.15, headCY + 0.04*h}, {x + hr*1.15, headCY + 0.04*h}, {x + hr*0.9, bodyTop + 0.06*h}, {x - hr*0.9, bodyTop + 0.06*h}}, p.Pants)
		if !p.Backview {
			c.Ellipse(x, headCY+0.015*h, hr*0.78, hr*0.85, p.Skin)
		}
		return
	}
	if p.Backview {
		c.Circle(x, headCY, hr, p.Hair)
		return
	}
	c.Circle(x, headCY-0.012*h, hr*1.04, p.Hair)
	c.Ellipse(x, headCY+0.012*h, hr*0.93, hr*0.9, p.Skin)
	if p.Pigtails {
		c.Circle(x-hr*1.05, headCY+0.01*h, hr*0.36, p.Hair)
		c.Circle(x+hr*1.05, headCY+0.01*h, hr*0.36, p.Hair)
	}
}

// seatedBack draws a child sitting on the floor, seen from behind.
func seatedBack(c *Canvas, x, ground, h float64, shirt, hair color.NRGBA) {
	c.Ellipse(x, ground-0.08*h, 0.34*h, 0.1*h, alpha(ink, 0.08))
	c.RRect(x-0.24*h, ground-0.62*h, x+0.24*h, ground, 0.14*h, shirt)
	c.Circle(x, ground-0.78*h, 0.2*h, hair)
}

// tree draws a round tree with its trunk base at (x, ground).
func tree(c *Canvas, x, ground, s float64, dark, light color.NRGBA) {
	c.Ellipse(x, ground, 0.55*s, 0.08*s, alpha(ink, 0.1))
	c.RRect(x-0.09*s, ground-0.9*s, x+0.09*s, ground, 0.05*s, brown)
	c.Line(x, ground-0.55*s, x+0.22*s, ground-0.8*s, 0.07*s, brown)
	c.Circle(x-0.3*s, ground-1.05*s, 0.38*s, dark)
	c.Circle(x+0.32*s, ground-1.0*s, 0.36*s, dark)
	c.Circle(x, ground-1.35*s, 0.46*s, dark)
	c.Circle(x-0.1*s, ground-1.45*s, 0.28*s, light)
	c.Circle(x+0.22*s, ground-1.2*s, 0.2*s, light)
}

// bush draws a rounded shrub standing on ground.
func bush(c *Canvas, x, ground, s float64, col color.NRGBA) {
	c.Circle(x-0.35*s, ground-0.25*s, 0.32*s, col)
	c.Circle(x+0.35*s, ground-0.25*s, 0.3*s, col)
	c.Circle(x, ground-0.42*s, 0.4*s, col)
	c.Rect(x-0.65*s, ground-0.25*s, x+0.62*s, ground, col)
}

func cloud(c *Canvas, x, y, s float64) {
	col := alpha(white, 0.92)
	c.RRect(x-1.1*s, y-0.35*s, x+1.1*s, y+0.35*s, 0.35*s, col)
	c.Circle(x-0.45*s, y-0.35*s, 0.45*s, col)
	c.Circle(x+0.25*s, y-0.5*s, 0.6*s, col)
}

func sun(c *Canvas, x, y, r float64) {
	c.Circle(x, y, r*1.9, alpha(sunny, 0.18))
	c.Circle(x, y, r*1.45, alpha(sunny, 0.25))
	c.Circle(x, y, r, sunny)
}

// balloon draws a balloon whose string ends at (sx, sy).
func balloon(c *Canvas, x, y, r float64, col color.NRGBA, sx, sy float64) {
	pts := []Pt{}
	for i := 0; i <= 12; i++ {
		t := float64(i) / 12
		px := x + (sx-x)*t + math.Sin(t*math.Pi*3)*r*0.18
		pts = append(pts, Pt{px, y + r*1.2 + (sy-y-r*1.2)*t})
	}
	c.Polyline(pts, math.Max(1.5, r*0.05), alpha(inkSoft, 0.7))
	c.Poly([]Pt{{x, y + r*1.12}, {x - r*0.16, y + r*1.3}, {x + r*0.16, y + r*1.3}}, col)
	c.Ellipse(x, y, r, r*1.18, col)
	c.Ellipse(x-r*0.35, y-r*0.45, r*0.22, r*0.32, alpha(white, 0.45))
}

// bunting draws a string of pennants between two points, sagging by sag.
func bunting(c *Canvas, x0, y0, x1, y1, sag float64, n int, cols []color.NRGBA) {
	at := func(t float64) Pt {
		return Pt{x0 + (x1-x0)*t, y0 + (y1-y0)*t + sag*4*t*(1-t)}
	}
	var rope []Pt
	for i := 0; i <= 30; i++ {
		rope = append(rope, at(float64(i)/30))
	}
	c.Polyline(rope, 3, inkSoft)
	size := (x1 - x0) / float64(n) * 0.8
	for i := 0; i < n; i++ {
		a, b := at((float64(i)+0.1)/float64(n)), at((float64(i)+0.9)/float64(n))
		m := Pt{(a.X + b.X) / 2, (a.Y+b.Y)/2 + size*0.95}
		c.Poly([]Pt{a, b, m}, cols[i%len(cols)])
	}
}

// note draws a music note.
func note(c *Canvas, x, y, s float64, col color.NRGBA) {
	c.Ellipse(x, y, 0.32*s, 0.24*s, col)
	c.Line(x+0.28*s, y, x+0.28*s, y-1.1*s, 0.12*s, col)
	c.Line(x+0.28*s, y-1.1*s, x+0.7*s, y-0.8*s, 0.12*s, col)
}

// heart draws a heart centred on (x, y) of width about 2s.
func heart(c *Canvas, x, y, s float64, col color.NRGBA) {
	c.Circle(x-0.5*s, y-0.2*s, 0.55*s, col)
	c.Circle(x+0.5*s, y-0.2*s, 0.55*s, col)
	c.Poly([]Pt{{x - 1.03*s, y - 0.05*s}, {x + 1.03*s, y - 0.05*s}, {x, y + 1.05*s}}, col)
}

// star draws a five-pointed star.
func star(c *Canvas, x, y, r float64, col color.NRGBA) {
	var pts []Pt
	for i := 0; i < 10; i++ {
		rr := r
		if i%2 == 1 {
			rr = r * 0.45
		}
		a := -math.Pi/2 + float64(i)*math.Pi/5
		pts = append(pts, Pt{x + rr*math.Cos(a), y + rr*math.Sin(a)})
	}
	c.Poly(pts, col)
}

// shield draws a shield outline shape centred on (x, y), height about 2.4s.
func shield(c *Canvas, x, y, s float64, col color.NRGBA) {
	var pts []Pt
	pts = append(pts, Pt{x, y - 1.2*s}, Pt{x + s, y - 0.8*s}, Pt{x + s, y - 0.1*s})
	for i := 0; i <= 10; i++ {
		t := float64(i) / 10
		a := t * math.Pi / 2
		pts = append(pts, Pt{x + s*math.Cos(a), y - 0.1*s + 1.3*s*math.Sin(a)})
	}
	for i := 10; i >= 0; i-- {
		t := float64(i) / 10
		a := t * math.Pi / 2
		pts = append(pts, Pt{x - s*math.Cos(a), y - 0.1*s + 1.3*s*math.Sin(a)})
	}
	pts = append(pts, Pt{x - s, y - 0.1*s}, Pt{x - s, y - 0.8*s})
	c.Poly(pts, col)
}

// palm draws an open hand (palm and fingers) centred on (x, y).
func palm(c *Canvas, x, y, s float64, col color.NRGBA) {
	c.RRect(x-0.55*s, y-0.4*s, x+0.55*s, y+0.75*s, 0.35*s, col)
	for i, fx := range []float64{-0.4, -0.13, 0.14, 0.41} {
		top := []float64{0.95, 1.15, 1.1, 0.85}[i]
		c.Line(x+fx*s, y-0.2*s, x+fx*s, y-top*s, 0.26*s, col)
	}
	c.Line(x-0.45*s, y+0.3*s, x-0.95*s, y-0.15*s, 0.28*s, col)
}

// grassField fills the ground from y to the bottom with soft tufts.
func grassField(c *Canvas, y float64, rng *rand.Rand, base, tuft color.NRGBA) {
	c.Rect(0, y, float64(c.W), float64(c.H), base)
	for i := 0; i < 40; i++ {
		tx := rng.Float64() * float64(c.W)
		ty := y + 20 + rng.Float64()*(float64(c.H)-y-20)
		w := 14 + rng.Float64()*26
		c.Ellipse(tx, ty, w, w*0.28, alpha(tuft, 0.7))
	}
}

// window draws a framed window with a cross.
func window(c *Canvas, x0, y0, x1, y1 float64, frame color.NRGBA) {
	c.RRect(x0, y0, x1, y1, 6, frame)
	c.RRect(x0+6, y0+6, x1-6, y1-6, 4, hex("#d8efff"))
	c.Poly([]Pt{{x0 + 6, y1 - 6}, {x0 + (x1-x0)*0.55, y0 + 6}, {x0 + (x1-x0)*0.75, y0 + 6}, {x0 + 6 + (x1-x0)*0.2, y1 - 6}}, alpha(white, 0.5))
	c.Line((x0+x1)/2, y0+6, (x0+x1)/2, y1-6, 5, frame)
	c.Line(x0+6, (y0+y1)/2, x1-6, (y0+y1)/2, 5, frame)
}

// kindergarten draws a small, colourful school building standing on ground.
func kindergarten(c *Canvas, cx, ground, w float64, wall, roof, trim color.NRGBA) {
	h := w * 0.42
	x0, x1 := cx-w/2, cx+w/2
	top := ground - h
	c.Ellipse(cx, ground, w*0.58, 14, alpha(ink, 0.1))
	c.Rect(x0, top, x1, ground, wall)
	c.Rect(x0, ground-h*0.12, x1, ground, mix(wall, ink, 0.12))
	// roof: a friendly gable with overhang
	c.Poly([]Pt{{x0 - w*0.06, top + 4}, {cx, top - h*0.62}, {x1 + w*0.06, top + 4}}, roof)
	c.Poly([]Pt{{x0 - w*0.06, top + 4}, {x1 + w*0.06, top + 4}, {x1 + w*0.04, top + 18}, {x0 - w*0.04, top + 18}}, mix(roof, ink, 0.2))
	c.Circle(cx, top-h*0.25, h*0.13, cream)
	c.Circle(cx, top-h*0.25, h*0.09, trim)
	// windows and door
	ww := w * 0.17
	for _, wx := range []float64{x0 + w*0.08, x0 + w*0.28, x1 - w*0.28 - ww, x1 - w*0.08 - ww} {
		if wx+ww > cx-w*0.09 && wx < cx+w*0.09 {
			continue
		}
		window(c, wx, top+h*0.22, wx+ww, top+h*0.22+ww*0.85, trim)
	}
	dw := w * 0.13
	c.RRect(cx-dw/2, ground-h*0.62, cx+dw/2, ground-h*0.04, dw*0.5, trim)
	c.RRect(cx-dw/2+7, ground-h*0.62+7, cx+dw/2-7, ground-h*0.04, dw*0.45, mix(trim, white, 0.35))
	c.Circle(cx+dw*0.25, ground-h*0.3, 4, ink)
	c.Rect(cx-dw*0.8, ground-h*0.04, cx+dw*0.8, ground, mix(wall, ink, 0.25))
}

// schoolBuilding draws a long one-storey primary school with a red roof.
func schoolBuilding(c *Canvas, cx, ground, w float64, wall, roof, trim color.NRGBA) {
	h := w * 0.26
	x0, x1 := cx-w/2, cx+w/2
	top := ground - h
	c.Ellipse(cx, ground, w*0.55, 14, alpha(ink, 0.1))
	c.Rect(x0, top, x1, ground, wall)
	c.Rect(x0, ground-h*0.16, x1, ground, mix(wall, ink, 0.1))
	c.Poly([]Pt{{x0 - w*0.04, top + 6}, {x0 + w*0.06, top - h*0.48}, {x1 - w*0.06, top - h*0.48}, {x1 + w*0.04, top + 6}}, roof)
	c.Poly([]Pt{{x0 - w*0.04, top + 6}, {x1 + w*0.04, top + 6}, {x1 + w*0.03, top + 18}, {x0 - w*0.03, top + 18}}, mix(roof, ink, 0.25))
	// pillars and windows
	n := 6
	seg := w / float64(n)
	for i := 0; i < n; i++ {
		sx := x0 + float64(i)*seg
		if i == n/2 || i == n/2-1 {
			continue
		}
		window(c, sx+seg*0.2, top+h*0.25, sx+seg*0.8, top+h*0.25+seg*0.45, trim)
	}
	c.Rect(x0+seg*(float64(n/2)-0.6), top+h*0.12, x0+seg*(float64(n/2)+0.6), top+h*0.2, cream)
	dw := seg * 0.8
	c.RRect(cx-dw/2, ground-h*0.68, cx+dw/2, ground-h*0.04, 8, trim)
	c.Line(cx, ground-h*0.66, cx, ground-h*0.06, 5, mix(trim, ink, 0.3))
	c.Rect(cx-dw*0.75, ground-h*0.05, cx+dw*0.75, ground, mix(wall, ink, 0.25))
}

// flagpole with the red-and-white national flag.
func flagpole(c *Canvas, x, ground, h float64) {
	c.Rect(x-18, ground-10, x+18, ground, grey)
	c.Line(x, ground-8, x, ground-h, 6, hex("#9aa5b4"))
	c.Circle(x, ground-h, 6, sunny)
	fw, fh := h*0.3, h*0.2
	c.Rect(x+3, ground-h+8, x+3+fw, ground-h+8+fh/2, red)
	c.Rect(x+3, ground-h+8+fh/2, x+3+fw, ground-h+8+fh, white)
	c.Line(x+3, ground-h+8+fh, x+3+fw, ground-h+8+fh, 1.5, alpha(ink, 0.15))
}
