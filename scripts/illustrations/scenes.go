package main

import (
	"image/color"
	"math"
	"math/rand/v2"
	"sort"
)

// ---------------------------------------------------------------- covers

// coverLaunch: a kindergarten with bunting and balloons (1200x675).
func coverLaunch(c *Canvas, rng *rand.Rand) {
	W := float64(c.W)
	c.VGradient(0, 0, W, 540, skyTop, skyBot)
	sun(c, 1070, 190, 48)
	cloud(c, 250, 110, 48)
	cloud(c, 760, 80, 36)
	grassField(c, 520, rng, grassA, grassB)
	tree(c, 90, 560, 150, leaf, green)
	tree(c, 1110, 555, 140, leaf, green)
	kindergarten(c, 600, 560, 560, hex("#fff1d6"), coral, teal)
	bunting(c, 40, 40, 1160, 40, 95, 16, []color.NRGBA{coral, yellow, teal, lilac, blue, pink})
	for i, b := range []struct{ x, y, r float64 }{{230, 250, 38}, {290, 215, 34}, {180, 205, 30}, {960, 240, 38}, {1020, 210, 32}, {905, 195, 30}} {
		col := []color.NRGBA{coral, yellow, blue, lilac, teal, pink}[i]
		anchor := 250.0
		if b.x > 600 {
			anchor = 960
		}
		balloon(c, b.x, b.y, b.r, col, anchor, 470)
	}
	p := randomPerson(rng, 250, 640, 120)
	p.RightArm = armHalf
	p.Draw(c)
	q := randomPerson(rng, 950, 650, 190)
	q.LeftArm = armHalf
	q.Draw(c)
	k := randomPerson(rng, 1040, 650, 115)
	k.LeftArm, k.RightArm = armUp, armUp
	k.Draw(c)
}

// coverSchool: a primary school with a flagpole and trees (1200x675).
func coverSchool(c *Canvas, rng *rand.Rand) {
	W := float64(c.W)
	c.VGradient(0, 0, W, 520, hex("#cde9f7"), hex("#f3fafd"))
	sun(c, 170, 110, 46)
	cloud(c, 560, 95, 40)
	cloud(c, 980, 130, 34)
	for i := 0; i < 5; i++ {
		bush(c, 260+float64(i)*190, 470, 90, hex("#8fcf8a"))
	}
	grassField(c, 470, rng, grassA, grassB)
	schoolBuilding(c, 660, 500, 820, hex("#fdf3df"), red, hex("#4f8fc0"))
	flagpole(c, 150, 560, 360)
	c.Poly([]Pt{{625, 500}, {695, 500}, {780, 675}, {540, 675}}, hex("#e8dcc4"))
	tree(c, 1120, 590, 150, leaf, green)
	tree(c, 330, 600, 95, leaf, green)
	bush(c, 980, 600, 70, hex("#6fbf73"))
	bush(c, 420, 640, 60, hex("#6fbf73"))
}

// coverOnline: a phone with a shield and padlock, among chat bubbles.
func coverOnline(c *Canvas, rng *rand.Rand) {
	W, H := float64(c.W), float64(c.H)
	c.VGradient(0, 0, W, H, hex("#ece6fb"), hex("#dcefff"))
	for i := 0; i < 14; i++ {
		c.Circle(rng.Float64()*W, rng.Float64()*H, 10+rng.Float64()*40, alpha(white, 0.35))
	}
	// phone
	c.RRect(462, 58, 748, 628, 44, alpha(ink, 0.12))
	c.RRect(450, 45, 736, 615, 44, navy)
	c.RRect(468, 90, 718, 575, 20, hex("#f6f9ff"))
	c.RRect(560, 62, 626, 72, 5, hex("#5d7aa3"))
	c.Circle(593, 595, 11, hex("#5d7aa3"))
	shield(c, 593, 300, 88, teal)
	shield(c, 593, 300, 70, hex("#86dccf"))
	// padlock
	c.Ring(593, 282, 28, 12, navy)
	c.RRect(553, 285, 633, 350, 12, navy)
	c.Circle(593, 310, 9, yellow)
	c.Line(593, 312, 593, 332, 8, yellow)
	for i := 0; i < 3; i++ {
		c.RRect(500, 440+float64(i)*38, 690-float64(i)*40, 458+float64(i)*38, 9, hex("#dfe6f3"))
	}
	// chat bubbles
	bubble := func(x, y, w, h float64, col color.NRGBA, left bool) {
		c.RRect(x, y, x+w, y+h, h*0.35, col)
		if left {
			c.Poly([]Pt{{x + 20, y + h - 2}, {x + 50, y + h - 2}, {x + 10, y + h + 24}}, col)
		} else {
			c.Poly([]Pt{{x + w - 50, y + h - 2}, {x + w - 20, y + h - 2}, {x + w - 10, y + h + 24}}, col)
		}
	}
	bubble(120, 110, 250, 90, white, false)
	c.RRect(150, 135, 330, 149, 7, grey)
	c.RRect(150, 163, 280, 177, 7, grey)
	bubble(170, 300, 200, 110, coral, false)
	heart(c, 270, 345, 26, white)
	bubble(820, 140, 240, 100, yellow, true)
	c.Line(885, 192, 915, 218, 14, ink)
	c.Line(915, 218, 985, 160, 14, ink)
	bubble(840, 360, 250, 90, white, true)
	c.RRect(870, 385, 1050, 399, 7, grey)
	c.RRect(870, 413, 990, 427, 7, grey)
	for i, x := range []float64{160, 1000} {
		for k := 0; k < 3; k++ {
			r := 26 + float64(k)*22
			c.Ring(x, 560, r, 9, alpha([]color.NRGBA{teal, lilac}[i], 0.5))
		}
	}
}

// coverCircle: colourful figures holding hands in a circle.
func coverCircle(c *Canvas, rng *rand.Rand) {
	W := float64(c.W)
	c.VGradient(0, 0, W, 470, hex("#fdebd3"), hex("#fff8ee"))
	sun(c, 600, 120, 60)
	for i := 0; i < 18; i++ {
		x := rng.Float64() * W
		y := 30 + rng.Float64()*250
		c.RotRect(x, y, 14, 24, rng.Float64()*math.Pi, 4, alpha(shirts[rng.IntN(len(shirts))], 0.8))
	}
	c.Ellipse(600, 700, 760, 290, hex("#b5dd8a"))
	c.Ellipse(600, 560, 460, 110, hex("#a3d37a"))
	n := 9
	type fig struct {
		p Person
		a float64
	}
	var figs []fig
	for i := 0; i < n; i++ {
		a := float64(i)/float64(n)*2*math.Pi + 0.3
		x := 600 + 400*math.Cos(a)
		y := 560 + 95*math.Sin(a)
		scale := 1 + 0.18*math.Sin(a)
		p := randomPerson(rng, x, y, 190*scale)
		p.LeftArm, p.RightArm = 1.2, 1.2
		figs = append(figs, fig{p, a})
	}
	order := make([]int, n)
	for i := range order {
		order[i] = i
	}
	sort.Slice(order, func(i, j int) bool { return figs[order[i]].p.Ground < figs[order[j]].p.Ground })
	// back half, hands, front half
	for _, i := range order[:n/2] {
		figs[i].p.Draw(c)
	}
	for i := 0; i < n; i++ {
		a, b := figs[i].p, figs[(i+1)%n].p
		_, ar := a.Hands()
		bl, _ := b.Hands()
		if a.X > b.X {
			ar, _ = a.Hands()
			_, bl = b.Hands()
		}
		c.Line(ar.X, ar.Y, bl.X, bl.Y, 12, a.Skin)
	}
	for _, i := range order[n/2:] {
		figs[i].p.Draw(c)
	}
}

// coverMap: a simple stylised map of five districts with stars.
func coverMap(c *Canvas, rng *rand.Rand) {
	W, H := float64(c.W), float64(c.H)
	c.Rect(0, 0, W, H, hex("#f6f1e7"))
	for x := 0.0; x < W; x += 60 {
		c.Line(x, 0, x, H, 1.5, hex("#ebe3d3"))
	}
	for y := 0.0; y < H; y += 60 {
		c.Line(0, y, W, y, 1.5, hex("#ebe3d3"))
	}
	cx, cy := 640.0, 370.0
	rOuter := func(a float64) float64 { return 1 + 0.07*math.Sin(3*a+0.5) + 0.05*math.Cos(5*a) }
	outer := func(a float64) Pt {
		r := rOuter(a)
		return Pt{cx + 390*r*math.Cos(a), cy + 250*r*math.Sin(a)}
	}
	c.Ellipse(cx+10, cy+16, 420, 280, alpha(ink, 0.08))
	cols := []color.NRGBA{hex("#8fd3c7"), hex("#f7c59f"), hex("#c5b3e6"), hex("#a8d5f2")}
	for q := 0; q < 4; q++ {
		a0 := -3*math.Pi/4 + float64(q)*math.Pi/2
		pts := []Pt{{cx, cy}}
		for i := 0; i <= 24; i++ {
			pts = append(pts, outer(a0+float64(i)/24*math.Pi/2))
		}
		c.Poly(pts, cols[q])
	}
	var inner []Pt
	for i := 0; i < 48; i++ {
		a := float64(i) / 48 * 2 * math.Pi
		r := 1 + 0.09*math.Sin(4*a+1)
		inner = append(inner, Pt{cx + 150*r*math.Cos(a), cy + 100*r*math.Sin(a)})
	}
	for q := 0; q < 4; q++ {
		a := -3*math.Pi/4 + float64(q)*math.Pi/2
		p := outer(a)
		c.Line(cx, cy, p.X, p.Y, 7, hex("#f6f1e7"))
	}
	c.Poly(inner, hex("#f7a8a0"))
	c.Polyline(append(inner, inner[0]), 7, hex("#f6f1e7"))
	// river
	var river []Pt
	for i := 0; i <= 40; i++ {
		t := float64(i) / 40
		river = append(river, Pt{180 + t*900, 120 + t*460 + 30*math.Sin(t*9)})
	}
	c.Polyline(river, 12, alpha(hex("#7cc0ea"), 0.8))
	// stars
	for _, p := range []Pt{{cx, cy}, {cx, cy - 175}, {cx + 270, cy}, {cx, cy + 180}, {cx - 270, cy}} {
		c.Ellipse(p.X, p.Y+30, 30, 8, alpha(ink, 0.12))
		star(c, p.X, p.Y, 36, white)
		star(c, p.X, p.Y, 27, hex("#ffb938"))
	}
	// legend
	c.RRect(40, 440, 200, 640, 18, white)
	for i, col := range []color.NRGBA{hex("#f7a8a0"), cols[0], cols[1], cols[2], cols[3]} {
		y := 475 + float64(i)*34
		c.Circle(70, y, 11, col)
		c.RRect(92, y-6, 92+60+float64((i*37)%50), y+6, 6, hex("#d9d1c2"))
	}
	bunting(c, 20, 20, 1180, 20, 50, 18, []color.NRGBA{coral, yellow, teal, lilac, blue})
	_ = rng
}

// ------------------------------------------------ gallery: TK Negeri 1

func galStage(c *Canvas, rng *rand.Rand) {
	W := float64(c.W)
	c.VGradient(0, 0, W, 480, hex("#d7ecf8"), hex("#f4fbff"))
	grassField(c, 480, rng, grassA, grassB)
	// tent canopy with scalloped edge
	c.Rect(0, 0, W, 70, hex("#fff4df"))
	for i := 0; i < 12; i++ {
		col := []color.NRGBA{coral, cream}[i%2]
		c.Rect(float64(i)*100, 0, float64(i+1)*100, 70, col)
		c.Circle(float64(i)*100+50, 70, 50, col)
	}
	c.Rect(60, 110, 80, 520, grey)
	c.Rect(1120, 110, 1140, 520, grey)
	// stage and banner
	c.Rect(150, 440, 1050, 520, wood)
	c.Rect(150, 440, 1050, 455, mix(wood, white, 0.3))
	c.RRect(230, 130, 970, 265, 20, teal)
	c.RRect(245, 145, 955, 250, 14, hex("#78d3c7"))
	txt := "ONE DAY FOR CHILDREN"
	d := FitDot(txt, 640, 7)
	c.TextCenter(600, 200-3.5*d, d, txt, white)
	for i := 0; i < 5; i++ {
		star(c, 275+float64(i)*162, 162, 9, yellow)
	}
	a := randomPerson(rng, 470, 445, 165)
	a.RightArm = armUp
	a.Draw(c)
	b := randomPerson(rng, 760, 445, 162)
	b.Draw(c)
	for _, x := range []float64{190, 1010} {
		c.RRect(x-28, 400, x+28, 445, 8, coral)
		bush(c, x, 402, 45, leaf)
	}
	// audience from behind
	for row := 0; row < 2; row++ {
		y := 690 + float64(row)*110
		h := 120 + float64(row)*25
		for i := 0; i < 7; i++ {
			x := 120 + float64(i)*160 + float64(row%2)*80
			seatedBack(c, x, y, h, shirts[rng.IntN(len(shirts))], hairs[rng.IntN(len(hairs))])
		}
	}
}

func galSenam(c *Canvas, rng *rand.Rand) {
	W := float64(c.W)
	c.VGradient(0, 0, W, 560, hex("#ffe3c4"), hex("#fff7ec"))
	sun(c, 160, 140, 60)
	cloud(c, 900, 110, 45)
	tree(c, 1080, 560, 180, leaf, green)
	tree(c, 70, 560, 130, leaf, green)
	grassField(c, 540, rng, hex("#b3dc86"), grassB)
	bunting(c, 300, 60, 1200, 90, 60, 12, []color.NRGBA{teal, yellow, coral, lilac})
	xs := []float64{180, 320, 450, 600, 750, 880, 1020}
	hs := []float64{190, 300, 180, 210, 310, 175, 200}
	for i, x := range xs {
		p := randomPerson(rng, x, 700+float64(i%2)*30, hs[i])
		if i%2 == 0 {
			p.LeftArm, p.RightArm = armUp, armUp
		} else {
			p.LeftArm, p.RightArm = armOut, armOut
		}
		p.Draw(c)
	}
	for i := 0; i < 6; i++ {
		note(c, 250+float64(i)*150+rng.Float64()*40, 230+rng.Float64()*120, 26+rng.Float64()*10, alpha([]color.NRGBA{navy, coral, teal}[i%3], 0.75))
	}
}

func galCircleTop(c *Canvas, rng *rand.Rand) {
	W, H := float64(c.W), float64(c.H)
	c.Rect(0, 0, W, H, hex("#a6d57a"))
	for i := 0; i < 70; i++ {
		x, y := rng.Float64()*W, rng.Float64()*H
		w := 18 + rng.Float64()*30
		c.Ellipse(x, y, w, w*0.4, alpha(hex("#93c968"), 0.8))
	}
	for i := 0; i < 14; i++ {
		x, y := rng.Float64()*W, rng.Float64()*H
		if math.Hypot(x-600, y-400) < 330 {
			continue
		}
		col := []color.NRGBA{white, yellow, pink}[i%3]
		for k := 0; k < 5; k++ {
			a := float64(k) / 5 * 2 * math.Pi
			c.Circle(x+9*math.Cos(a), y+9*math.Sin(a), 7, col)
		}
		c.Circle(x, y, 5, sunny)
	}
	c.Ellipse(600, 400, 285, 285, alpha(hex("#8fc462"), 0.6))
	n := 10
	R := 240.0
	type top struct {
		x, y, a float64
		p       Person
	}
	var tops []top
	for i := 0; i < n; i++ {
		a := float64(i)/float64(n)*2*math.Pi + 0.2
		tops = append(tops, top{600 + R*math.Cos(a), 400 + R*math.Sin(a), a, randomPerson(rng, 0, 0, 0)})
	}
	for i := range tops {
		a, b := tops[i], tops[(i+1)%n]
		c.Line(a.x, a.y, b.x, b.y, 14, a.p.Skin)
	}
	for _, t := range tops {
		c.Ellipse(t.x+6, t.y+8, 46, 46, alpha(ink, 0.12))
		c.RotRect(t.x, t.y, 92, 50, t.a+math.Pi/2, 24, t.p.Shirt)
		c.Circle(t.x, t.y, 27, t.p.Hair)
	}
	// ball
	c.Circle(606, 408, 48, alpha(ink, 0.12))
	c.Circle(600, 400, 48, white)
	c.Poly([]Pt{{600, 352}, {648, 400}, {600, 448}}, coral)
	c.Poly([]Pt{{600, 352}, {552, 400}, {600, 448}}, blue)
	c.Circle(600, 400, 16, yellow)
}

// kancil draws a small mouse-deer for the story book.
func kancil(c *Canvas, x, y, s float64) {
	body := hex("#c98a55")
	c.Line(x-0.5*s, y+0.3*s, x-0.55*s, y+1.0*s, 0.14*s, body)
	c.Line(x+0.5*s, y+0.3*s, x+0.55*s, y+1.0*s, 0.14*s, body)
	c.Ellipse(x, y+0.2*s, 0.8*s, 0.42*s, body)
	c.Line(x+0.6*s, y, x+0.8*s, y-0.45*s, 0.22*s, body)
	c.Ellipse(x+0.95*s, y-0.55*s, 0.3*s, 0.22*s, body)
	c.Ellipse(x+0.75*s, y-0.85*s, 0.08*s, 0.2*s, body)
	c.Ellipse(x+0.1*s, y+0.28*s, 0.45*s, 0.18*s, hex("#e8c39a"))
}

func galStory(c *Canvas, rng *rand.Rand) {
	W, H := float64(c.W), float64(c.H)
	c.Rect(0, 0, W, 540, hex("#fde8d3"))
	c.Rect(0, 540, W, H, hex("#e9c89f"))
	for y := 580.0; y < H; y += 50 {
		c.Line(0, y, W, y, 2, hex("#dcb98d"))
	}
	// bookshelf
	c.RRect(60, 180, 300, 540, 10, brown)
	for s := 0; s < 3; s++ {
		y0 := 200 + float64(s)*112
		c.Rect(78, y0, 282, y0+96, hex("#f3dcc0"))
		x := 84.0
		for x < 270 {
			w := 16 + rng.Float64()*14
			h := 60 + rng.Float64()*30
			c.Rect(x, y0+96-h, x+w, y0+96, shirts[rng.IntN(len(shirts))])
			x += w + 3
		}
	}
	window(c, 900, 120, 1120, 330, hex("#f2a65a"))
	c.Rect(890, 330, 1130, 345, hex("#f2a65a"))
	// storyteller
	p := randomPerson(rng, 600, 560, 380)
	p.Shirt = teal
	p.LeftArm, p.RightArm = 1.1, 1.1
	p.Draw(c)
	// big open book held in front
	c.Poly([]Pt{{600, 330}, {420, 300}, {420, 470}, {600, 500}}, white)
	c.Poly([]Pt{{600, 330}, {780, 300}, {780, 470}, {600, 500}}, cream)
	c.Line(600, 330, 600, 500, 4, grey)
	c.Poly([]Pt{{412, 296}, {420, 300}, {420, 470}, {412, 474}}, coral)
	c.Poly([]Pt{{788, 296}, {780, 300}, {780, 470}, {788, 474}}, coral)
	kancil(c, 510, 390, 55)
	c.Circle(700, 360, 26, sunny)
	tree(c, 700, 470, 55, leaf, green)
	for _, hx := range []float64{420, 780} {
		c.Circle(hx, 420, 17, p.Skin)
	}
	for i := 0; i < 6; i++ {
		x := 140 + float64(i)*185
		seatedBack(c, x, 790, 150+float64(i%2)*12, shirts[rng.IntN(len(shirts))], hairs[rng.IntN(len(hairs))])
	}
}

func galCards(c *Canvas, rng *rand.Rand) {
	W, H := float64(c.W), float64(c.H)
	c.Rect(0, 0, W, H, hex("#dcecf7"))
	c.Rect(0, 660, W, H, hex("#c9dbe8"))
	// cork board
	c.RRect(110, 90, 1090, 610, 22, brown)
	c.RRect(130, 110, 1070, 590, 14, hex("#e3b77f"))
	for i := 0; i < 120; i++ {
		c.Circle(140+rng.Float64()*920, 120+rng.Float64()*460, 2+rng.Float64()*2, alpha(hex("#c99a5f"), 0.6))
	}
	cards := []struct {
		x, a float64
		col  color.NRGBA
	}{{300, -0.05, coral}, {600, 0.03, teal}, {900, -0.02, hex("#f48fb1")}}
	for i, cd := range cards {
		c.RotRect(cd.x+8, 360, 230, 300, cd.a, 16, alpha(ink, 0.15))
		c.RotRect(cd.x, 350, 230, 300, cd.a, 16, white)
		c.RotRect(cd.x, 350-120, 200, 36, cd.a, 10, alpha(cd.col, 0.35))
		switch i {
		case 0:
			palm(c, cd.x, 360, 70, cd.col)
		case 1:
			shield(c, cd.x, 350, 70, cd.col)
			c.Line(cd.x-28, 350, cd.x-6, 376, 14, white)
			c.Line(cd.x-6, 376, cd.x+32, 324, 14, white)
		case 2:
			heart(c, cd.x, 340, 62, cd.col)
		}
		c.Circle(cd.x, 212, 13, []color.NRGBA{yellow, red, blue}[i])
		c.Circle(cd.x-4, 208, 4, alpha(white, 0.7))
	}
	for i := 0; i < 6; i++ {
		star(c, 160+float64(i)*180, 680+float64(i%2)*50, 22, []color.NRGBA{yellow, pink, teal}[i%3])
	}
}

func galParentChild(c *Canvas, rng *rand.Rand) {
	W := float64(c.W)
	c.VGradient(0, 0, W, 600, hex("#d4eefc"), hex("#f1fbff"))
	sun(c, 1040, 120, 50)
	cloud(c, 820, 170, 40)
	grassField(c, 590, rng, grassA, grassB)
	tree(c, 380, 650, 300, hex("#4e9e5c"), hex("#78c06f"))
	c.RRect(90, 600, 300, 616, 6, wood)
	c.Rect(110, 616, 122, 660, brown)
	c.Rect(268, 616, 280, 660, brown)
	adult := randomPerson(rng, 700, 720, 340)
	adult.RightArm = 0.45
	child := randomPerson(rng, 820, 720, 205)
	child.LeftArm = 0.85
	adult.Draw(c)
	child.Draw(c)
	_, ar := adult.Hands()
	cl, _ := child.Hands()
	c.Line(ar.X, ar.Y, cl.X, cl.Y, 13, child.Skin)
	c.Circle(cl.X, cl.Y, 9, child.Skin)
	for _, b := range []Pt{{560, 280}, {960, 380}} {
		c.Ellipse(b.X-12, b.Y, 13, 18, alpha(pink, 0.9))
		c.Ellipse(b.X+12, b.Y, 13, 18, alpha(yellow, 0.9))
		c.Line(b.X, b.Y-10, b.X, b.Y+12, 4, ink)
	}
	for i := 0; i < 8; i++ {
		x := 880 + rng.Float64()*280
		y := 640 + rng.Float64()*130
		c.Circle(x, y, 7, []color.NRGBA{white, yellow, pink}[i%3])
	}
}

func galBalloons(c *Canvas, rng *rand.Rand) {
	W := float64(c.W)
	c.VGradient(0, 0, W, 700, hex("#c6e6fb"), hex("#f8fcff"))
	cloud(c, 180, 150, 50)
	cloud(c, 1000, 90, 40)
	grassField(c, 700, rng, grassA, grassB)
	kindergarten(c, 600, 760, 520, hex("#fff1d6"), hex("#6aa9e9"), coral)
	cols := []color.NRGBA{coral, yellow, teal, lilac, blue, pink, green, peach}
	for i := 0; i < 13; i++ {
		x := 100 + float64(i)*85 + rng.Float64()*30
		y := 150 + rng.Float64()*230
		if x > 440 && x < 760 {
			y -= 60
		}
		r := 30 + rng.Float64()*14
		balloon(c, x, y, r, cols[i%len(cols)], x+(rng.Float64()-0.5)*40, y+r+130+rng.Float64()*60)
	}
}

// ---------------------------------------------- gallery: SD Metro Timur

func galArrival(c *Canvas, rng *rand.Rand) {
	W := float64(c.W)
	c.VGradient(0, 0, W, 560, hex("#ffd7b0"), hex("#fff4e6"))
	sun(c, 160, 300, 70)
	cloud(c, 520, 120, 40)
	for i := 0; i < 6; i++ {
		bush(c, 80+float64(i)*220, 520, 100, hex("#9ccf8f"))
	}
	grassField(c, 520, rng, hex("#b6dc8a"), grassB)
	schoolBuilding(c, 790, 560, 700, hex("#fdf3df"), hex("#d9574d"), hex("#4f8fc0"))
	flagpole(c, 400, 590, 380)
	// gate
	c.Poly([]Pt{{200, 800}, {330, 800}, {420, 590}, {370, 590}}, hex("#e8dcc4"))
	for _, x := range []float64{120, 430} {
		c.RRect(x-22, 430, x+22, 720, 6, hex("#e6e0d4"))
		c.RRect(x-30, 418, x+30, 440, 6, hex("#c8bfae"))
	}
	c.Line(120, 470, 430, 470, 12, hex("#4f8fc0"))
	for i := 0; i < 7; i++ {
		x := 150 + float64(i)*42
		c.Line(x, 480, x, 700, 7, alpha(hex("#4f8fc0"), 0.85))
	}
	for i, x := range []float64{590, 700} {
		p := randomPerson(rng, x, 760+float64(i)*10, 260)
		p.Shirt = []color.NRGBA{teal, hex("#4cb3a4")}[i]
		p.RightArm = armHalf * 0.6
		p.Draw(c)
	}
	k := randomPerson(rng, 960, 780, 170)
	k.LeftArm = armUp
	k.Draw(c)
}

func galClassroom(c *Canvas, rng *rand.Rand) {
	W, H := float64(c.W), float64(c.H)
	c.Rect(0, 0, W, 500, hex("#e6f2dd"))
	c.Rect(0, 500, W, H, hex("#d9c2a0"))
	c.RRect(230, 70, 930, 380, 12, hex("#9aa5b4"))
	c.RRect(245, 85, 915, 365, 8, white)
	// doodles on the board: a figure, a house and a heart
	c.Ring(380, 170, 30, 7, blue)
	c.Line(380, 200, 380, 280, 7, blue)
	c.Line(380, 225, 340, 255, 7, blue)
	c.Line(380, 225, 420, 255, 7, blue)
	c.Line(380, 280, 350, 330, 7, blue)
	c.Line(380, 280, 410, 330, 7, blue)
	c.Polyline([]Pt{{520, 330}, {520, 230}, {590, 170}, {660, 230}, {660, 330}, {520, 330}}, 7, coral)
	c.Rect(575, 270, 605, 330, alpha(coral, 0.6))
	heart(c, 790, 230, 45, alpha(hex("#e57373"), 0.85))
	c.Rect(300, 380, 860, 392, hex("#b0b9c6"))
	c.Circle(1080, 120, 48, white)
	c.Ring(1080, 120, 48, 8, navy)
	c.Line(1080, 120, 1080, 90, 6, ink)
	c.Line(1080, 120, 1102, 132, 6, ink)
	t := randomPerson(rng, 1010, 560, 330)
	t.Shirt = teal
	t.LeftArm = 1.9
	t.Draw(c)
	for row := 0; row < 3; row++ {
		y := 560 + float64(row)*95
		scale := 1 + float64(row)*0.22
		for i := 0; i < 4; i++ {
			x := 180 + float64(i)*250 + float64(row%2)*40
			if row == 0 && i == 3 {
				continue
			}
			seatedBack(c, x, y+28*scale, 95*scale, shirts[rng.IntN(len(shirts))], hairs[rng.IntN(len(hairs))])
			c.RRect(x-95*scale, y+25*scale, x+95*scale, y+48*scale, 6, wood)
			c.Rect(x-85*scale, y+48*scale, x-75*scale, y+90*scale, brown)
			c.Rect(x+75*scale, y+48*scale, x+85*scale, y+90*scale, brown)
		}
	}
}

func galSorting(c *Canvas, rng *rand.Rand) {
	W, H := float64(c.W), float64(c.H)
	c.Rect(0, 0, W, H, hex("#e2b27a"))
	for y := 0.0; y < H; y += 100 {
		c.Line(0, y, W, y, 4, hex("#cf9d63"))
		for x := math.Mod(y*1.7, 300); x < W; x += 300 {
			c.Line(x, y, x, y+100, 3, hex("#d6a46b"))
		}
	}
	for i, bx := range []float64{330, 870} {
		col := []color.NRGBA{hex("#6cc070"), hex("#ef7b72")}[i]
		c.RRect(bx-190, 470, bx+190, 760, 18, alpha(ink, 0.15))
		c.RRect(bx-200, 455, bx+190, 745, 18, col)
		c.RRect(bx-175, 480, bx+165, 720, 12, mix(col, white, 0.35))
		if i == 0 {
			c.Line(bx-40, 600, bx-5, 640, 18, white)
			c.Line(bx-5, 640, bx+60, 560, 18, white)
		} else {
			c.Line(bx-45, 555, bx+40, 650, 18, white)
			c.Line(bx+40, 555, bx-45, 650, 18, white)
		}
	}
	icons := []color.NRGBA{coral, teal, blue, yellow, lilac, pink, green}
	for i := 0; i < 9; i++ {
		x := 130 + float64(i)*115 + rng.Float64()*30
		y := 130 + rng.Float64()*200
		a := (rng.Float64() - 0.5) * 0.6
		c.RotRect(x+5, y+7, 120, 160, a, 12, alpha(ink, 0.15))
		c.RotRect(x, y, 120, 160, a, 12, white)
		col := icons[i%len(icons)]
		switch i % 3 {
		case 0:
			heart(c, x, y, 22, col)
		case 1:
			c.Circle(x, y, 26, col)
		case 2:
			star(c, x, y, 30, col)
		}
	}
	for _, h := range []struct{ x0, y0, x1, y1 float64 }{{-20, 360, 150, 300}, {1220, 330, 1040, 260}} {
		col := skins[rng.IntN(len(skins))]
		c.Line(h.x0, h.y0, h.x1, h.y1, 50, col)
		c.Circle(h.x1, h.y1, 34, col)
	}
}

// rotated line helper for objects drawn on a tilted sheet.
func rotPt(cx, cy, x, y, a float64) Pt {
	s, co := math.Sincos(a)
	dx, dy := x-cx, y-cy
	return Pt{cx + dx*co - dy*s, cy + dx*s + dy*co}
}

func galWriting(c *Canvas, rng *rand.Rand) {
	W, H := float64(c.W), float64(c.H)
	c.Rect(0, 0, W, H, hex("#c8e0ef"))
	for i := 0; i < 30; i++ {
		c.Circle(rng.Float64()*W, rng.Float64()*H, 4+rng.Float64()*5, alpha(white, 0.35))
	}
	cx, cy, a := 520.0, 400.0, -0.06
	c.RotRect(cx+12, cy+14, 560, 700, a, 10, alpha(ink, 0.15))
	c.RotRect(cx, cy, 560, 700, a, 10, white)
	for i := 0; i < 3; i++ {
		y := cy - 220 + float64(i)*130
		p := rotPt(cx, cy, cx-200, y, a)
		c.Circle(p.X, p.Y, 26, []color.NRGBA{coral, teal, yellow}[i])
		l0, l1 := rotPt(cx, cy, cx-150, y+18, a), rotPt(cx, cy, cx+230, y+18, a)
		c.Line(l0.X, l0.Y, l1.X, l1.Y, 4, hex("#9fb3c8"))
		if i < 2 {
			w0, w1 := rotPt(cx, cy, cx-140, y-6, a), rotPt(cx, cy, cx+60+float64(i)*70, y-6, a)
			c.Line(w0.X, w0.Y, w1.X, w1.Y, 8, alpha(inkSoft, 0.6))
		}
	}
	for i := 0; i < 3; i++ {
		y := cy + 200 + float64(i)*45
		l0, l1 := rotPt(cx, cy, cx-230, y, a), rotPt(cx, cy, cx+230, y, a)
		c.Line(l0.X, l0.Y, l1.X, l1.Y, 4, hex("#9fb3c8"))
	}
	// pencil
	pa := 0.55
	pc := Pt{880, 300}
	corner := func(x, y float64) Pt { return rotPt(pc.X, pc.Y, pc.X+x, pc.Y+y, pa) }
	c.Poly([]Pt{corner(-170, -18), corner(150, -18), corner(150, 18), corner(-170, 18)}, yellow)
	c.Poly([]Pt{corner(-170, -6), corner(150, -6), corner(150, 6), corner(-170, 6)}, hex("#f7c14b"))
	c.Poly([]Pt{corner(150, -18), corner(210, 0), corner(150, 18)}, hex("#f3d3a6"))
	c.Poly([]Pt{corner(190, -6), corner(210, 0), corner(190, 6)}, ink)
	c.Poly([]Pt{corner(-215, -18), corner(-170, -18), corner(-170, 18), corner(-215, 18)}, pink)
	c.Poly([]Pt{corner(-178, -19), corner(-165, -19), corner(-165, 19), corner(-178, 19)}, grey)
	// crayons
	for i, col := range []color.NRGBA{red, blue, green, hex("#ff9f43"), lilac} {
		cc := Pt{900 + float64(i)*50, 520 + float64(i%2)*40}
		ang := 1.2 + float64(i)*0.08
		k := func(x, y float64) Pt { return rotPt(cc.X, cc.Y, cc.X+x, cc.Y+y, ang) }
		c.Poly([]Pt{k(-110, -17), k(90, -17), k(90, 17), k(-110, 17)}, col)
		c.Poly([]Pt{k(90, -14), k(130, -4), k(130, 4), k(90, 14)}, mix(col, ink, 0.15))
		c.Poly([]Pt{k(-40, -17), k(30, -17), k(30, 17), k(-40, 17)}, alpha(white, 0.35))
	}
}

func galMessageBox(c *Canvas, rng *rand.Rand) {
	W, H := float64(c.W), float64(c.H)
	c.Rect(0, 0, W, H, hex("#f5e6d6"))
	for row := 0; row*50 < 640; row++ {
		off := float64(row%2) * 60
		for x := -60 + off; x < W; x += 120 {
			tone := mix(hex("#f0d7bf"), hex("#e9c9aa"), rng.Float64())
			c.RRect(x+4, float64(row)*50+4, x+116, float64(row)*50+46, 6, tone)
		}
	}
	c.Rect(0, 640, W, H, hex("#c7b299"))
	c.Rect(0, 630, W, 645, hex("#a89073"))
	// the box
	c.RRect(440, 230, 780, 560, 24, alpha(ink, 0.15))
	c.RRect(425, 215, 765, 545, 24, hex("#5b9bd5"))
	c.RRect(425, 215, 765, 280, 24, hex("#4a86bf"))
	c.RRect(505, 238, 685, 256, 9, navy)
	heart(c, 595, 400, 48, coral)
	c.RRect(470, 480, 720, 510, 10, alpha(white, 0.5))
	// envelopes flying in
	for i, e := range []struct{ x, y, a float64 }{{300, 170, -0.3}, {860, 150, 0.25}, {240, 380, 0.15}, {950, 360, -0.2}} {
		c.RotRect(e.x+6, e.y+8, 150, 100, e.a, 8, alpha(ink, 0.12))
		c.RotRect(e.x, e.y, 150, 100, e.a, 8, []color.NRGBA{white, cream, hex("#fff0f5"), white}[i])
		l := rotPt(e.x, e.y, e.x-70, e.y-45, e.a)
		m := rotPt(e.x, e.y, e.x, e.y+10, e.a)
		r := rotPt(e.x, e.y, e.x+70, e.y-45, e.a)
		c.Polyline([]Pt{l, m, r}, 5, grey)
		h := rotPt(e.x, e.y, e.x+45, e.y+25, e.a)
		c.Circle(h.X, h.Y, 9, []color.NRGBA{coral, teal, yellow, lilac}[i])
	}
	// plant
	c.Poly([]Pt{{980, 560}, {1100, 560}, {1085, 660}, {995, 660}}, hex("#e07b54"))
	for i := 0; i < 5; i++ {
		a := -math.Pi/2 + (float64(i)-2)*0.35
		c.Line(1040, 560, 1040+110*math.Cos(a), 560+130*math.Sin(a), 26, []color.NRGBA{leaf, green}[i%2])
	}
	c.RRect(110, 520, 330, 640, 10, hex("#8c6a4a"))
	c.RRect(122, 532, 318, 640, 6, hex("#e3c49a"))
	for i := 0; i < 3; i++ {
		c.RRect(140, 550+float64(i)*28, 290-float64(i)*30, 564+float64(i)*28, 7, alpha(ink, 0.25))
	}
}

func galGroup(c *Canvas, rng *rand.Rand) {
	W := float64(c.W)
	c.VGradient(0, 0, W, 520, hex("#cfeafa"), hex("#f3fbff"))
	cloud(c, 980, 90, 42)
	schoolBuilding(c, 330, 480, 620, hex("#fdf3df"), red, hex("#4f8fc0"))
	tree(c, 760, 480, 150, leaf, green)
	tree(c, 930, 470, 120, hex("#4e9e5c"), green)
	tree(c, 1110, 490, 160, leaf, green)
	grassField(c, 470, rng, grassA, grassB)
	c.Ellipse(600, 700, 560, 80, alpha(hex("#92c865"), 0.8))
	for i := 0; i < 6; i++ {
		p := randomPerson(rng, 290+float64(i)*125, 640, 230)
		p.Draw(c)
	}
	for _, x := range []float64{130, 1070} {
		p := randomPerson(rng, x, 720, 320)
		p.Shirt = teal
		if x > 600 {
			p.LeftArm = armHalf
		} else {
			p.RightArm = armHalf
		}
		p.Draw(c)
	}
	for i := 0; i < 5; i++ {
		p := randomPerson(rng, 350+float64(i)*125, 740, 200)
		if i == 2 {
			p.LeftArm, p.RightArm = armUp, armUp
		}
		p.Draw(c)
	}
}
