package main

import (
	"image/color"
	"math"
	"math/rand/v2"
)

// Worksheets are A4 portrait at 150 dpi (1240x1754), flat colours, with
// lines to write on and large, simple labels.

const (
	wsW      = 1240
	wsH      = 1754
	wsMargin = 90.0
)

var lineCol = hex("#b8c4d4")

// wsFrame draws the header band, the name line and the footer; it returns
// the y coordinate where the body may start.
func wsFrame(c *Canvas, title, sub string, accent color.NRGBA) float64 {
	c.Rect(0, 0, wsW, 210, accent)
	for i := 0; i < 9; i++ {
		c.Circle(60+float64(i)*140, 205, 24, alpha(white, 0.18))
	}
	d := FitDot(title, wsW-2*wsMargin, 9)
	c.TextCenter(wsW/2, 105-3.5*d, d, title, white)
	y := 250.0
	if sub != "" {
		sd := FitDot(sub, wsW-2*wsMargin, 4)
		c.TextCenter(wsW/2, y, sd, sub, inkSoft)
		y += 7*sd + 40
	}
	c.Text(wsMargin, y, 4, "NAMA:", ink)
	c.Line(wsMargin+130, y+28, 720, y+28, 3, lineCol)
	c.Text(760, y, 4, "KELAS:", ink)
	c.Line(760+150, y+28, wsW-wsMargin, y+28, 3, lineCol)
	// footer
	c.Rect(0, wsH-70, wsW, wsH, mix(accent, white, 0.75))
	f := "DINAS SOSIAL KOTA METRO - PEKSOS GO TO SCHOOL"
	c.TextCenter(wsW/2, wsH-35-7.0, 2, f, mix(accent, ink, 0.55))
	return y + 80
}

// writeLines draws n writing lines starting at y with the given gap.
func writeLines(c *Canvas, x0, x1, y float64, n int, gap float64) {
	for i := 0; i < n; i++ {
		c.Line(x0, y+float64(i)*gap, x1, y+float64(i)*gap, 3, lineCol)
	}
}

// labelBox draws a rounded box with a coloured header strip and a label.
func labelBox(c *Canvas, x0, y0, x1, y1 float64, label string, col color.NRGBA) {
	c.RRectOutline(x0, y0, x1, y1, 22, 5, col, white)
	c.RRect(x0, y0, x1, y0+70, 22, col)
	c.Rect(x0, y0+40, x1, y0+70, col)
	d := FitDot(label, x1-x0-50, 4.5)
	c.Text(x0+25, y0+35-3.5*d, d, label, white)
}

func wsSentuhan(c *Canvas, rng *rand.Rand) {
	y := wsFrame(c, "LAMPU HIJAU, LAMPU MERAH", "WARNAI LINGKARAN HIJAU ATAU MERAH", hex("#4fb7a6"))
	bw, bh := 500.0, 380.0
	gapX := wsW - 2*wsMargin - 2*bw
	for i := 0; i < 6; i++ {
		col, row := i%2, i/2
		x0 := wsMargin + float64(col)*(bw+gapX)
		y0 := y + float64(row)*(bh+40)
		c.RRectOutline(x0, y0, x0+bw, y0+bh, 24, 5, hex("#9fb3c8"), hex("#fbfdff"))
		c.Circle(x0+40, y0+40, 22, hex("#e6edf5"))
		c.TextCenter(x0+40, y0+40-10.5, 3, string(rune('1'+i)), inkSoft)
		g := y0 + 260
		c.Ellipse(x0+bw/2, g, 170, 12, alpha(ink, 0.07))
		cx := x0 + bw/2
		switch i {
		case 0: // hug
			a := randomPerson(rng, cx-20, g, 210)
			a.RightArm = 1.25
			k := randomPerson(rng, cx+45, g, 130)
			k.LeftArm = 1.7
			a.Draw(c)
			k.Draw(c)
			heart(c, cx+90, y0+70, 18, coral)
		case 1: // high five
			l := randomPerson(rng, cx-65, g, 150)
			r := randomPerson(rng, cx+65, g, 150)
			l.RightArm, r.LeftArm = 2.55, 2.55
			l.Draw(c)
			r.Draw(c)
			star(c, cx, y0+75, 20, yellow)
		case 2: // walking hand in hand
			a := randomPerson(rng, cx-45, g, 210)
			a.RightArm = 0.5
			k := randomPerson(rng, cx+60, g, 135)
			k.LeftArm = 0.95
			a.Draw(c)
			k.Draw(c)
			_, ah := a.Hands()
			kh, _ := k.Hands()
			c.Line(ah.X, ah.Y, kh.X, kh.Y, 9, k.Skin)
		case 3: // saying stop
			a := randomPerson(rng, cx-70, g, 205)
			a.RightArm = 1.3
			k := randomPerson(rng, cx+80, g, 135)
			k.LeftArm, k.RightArm = 2.2, 2.2
			a.Draw(c)
			k.Draw(c)
			c.Circle(cx+150, y0+70, 26, hex("#fde2e0"))
			c.TextCenter(cx+150, y0+70-10.5, 3, "!", red)
		case 4: // a raised hand, about to hit
			a := randomPerson(rng, cx-60, g, 170)
			a.RightArm = 2.45
			k := randomPerson(rng, cx+70, g, 135)
			k.LeftArm, k.RightArm = 2.3, 2.3
			a.Draw(c)
			k.Draw(c)
			c.Circle(cx+150, y0+70, 26, hex("#fde2e0"))
			c.TextCenter(cx+150, y0+70-10.5, 3, "?", red)
		case 5: // doctor with parent present
			d := randomPerson(rng, cx-110, g, 200)
			d.Shirt = white
			d.RightArm = 1.2
			k := randomPerson(rng, cx, g, 125)
			p := randomPerson(rng, cx+110, g, 205)
			p.LeftArm = 0.7
			d.Draw(c)
			c.RRect(cx-125, g-150, cx-95, g-120, 4, hex("#e8eef5"))
			c.Line(cx-110, g-145, cx-110, g-125, 5, red)
			c.Line(cx-120, g-135, cx-100, g-135, 5, red)
			k.Draw(c)
			p.Draw(c)
		}
		// the two circles to colour
		c.Ring(x0+bw/2-70, y0+bh-55, 36, 9, hex("#5cb85c"))
		c.Ring(x0+bw/2+70, y0+bh-55, 36, 9, hex("#e4534b"))
	}
}

func wsTangan(c *Canvas, rng *rand.Rand) {
	y := wsFrame(c, "TANGAN PENOLONGKU", "GAMBAR ORANG DEWASA YANG BISA KUMINTAI TOLONG", hex("#f2994a"))
	_ = rng
	cx, cy := wsW/2.0, y+520
	outline := hex("#e07b39")
	fillC := hex("#fff1e3")
	type finger struct{ x0, y0, x1, y1 float64 }
	fingers := []finger{
		{cx - 150, cy - 60, cx - 185, cy - 330},
		{cx - 50, cy - 80, cx - 55, cy - 420},
		{cx + 55, cy - 80, cx + 65, cy - 400},
		{cx + 155, cy - 60, cx + 185, cy - 300},
		{cx - 200, cy + 90, cx - 400, cy - 90},
	}
	for pass := 0; pass < 2; pass++ {
		col, grow := outline, 16.0
		if pass == 1 {
			col, grow = fillC, 0
		}
		for _, f := range fingers {
			c.Line(f.x0, f.y0, f.x1, f.y1, 100+grow, col)
		}
		c.RRect(cx-235-grow/2, cy-110-grow/2, cx+235+grow/2, cy+300+grow/2, 130, col)
	}
	cols := []color.NRGBA{coral, teal, blue, lilac, yellow}
	for i, f := range fingers {
		c.Circle(f.x1, f.y1+10, 52, white)
		c.Ring(f.x1, f.y1+10, 52, 7, cols[i])
	}
	heart(c, cx, cy+110, 60, alpha(coral, 0.8))
	ly := cy + 380
	for i := 0; i < 5; i++ {
		yy := ly + float64(i)*78
		c.Circle(wsMargin+30, yy-12, 22, cols[i])
		c.TextCenter(wsMargin+30, yy-12-7, 2, string(rune('1'+i)), white)
		c.Line(wsMargin+80, yy, wsW-wsMargin, yy, 3, lineCol)
	}
}

// small icons for the "who can I contact" rows
func iconHouse(c *Canvas, x, y float64, col color.NRGBA) {
	c.Poly([]Pt{{x - 34, y}, {x, y - 32}, {x + 34, y}}, col)
	c.Rect(x-24, y-2, x+24, y+30, col)
	c.Rect(x-7, y+10, x+7, y+30, white)
}

func iconSchool(c *Canvas, x, y float64, col color.NRGBA) {
	c.Rect(x-36, y-8, x+36, y+30, col)
	c.Poly([]Pt{{x - 42, y - 6}, {x, y - 34}, {x + 42, y - 6}}, col)
	c.Rect(x-26, y+2, x-12, y+14, white)
	c.Rect(x+12, y+2, x+26, y+14, white)
	c.Rect(x-6, y+10, x+6, y+30, white)
}

func iconTree(c *Canvas, x, y float64, col color.NRGBA) {
	c.Rect(x-5, y+5, x+5, y+30, col)
	c.Circle(x, y-6, 24, col)
	c.Circle(x-16, y+6, 14, col)
	c.Circle(x+16, y+6, 14, col)
}

func wsBentuk(c *Canvas, rng *rand.Rand) {
	_ = rng
	y := wsFrame(c, "EMPAT BENTUK KEKERASAN", "TULIS ATAU GAMBAR SATU CONTOH DI SETIAP KOTAK", hex("#5b8fd6"))
	labels := []string{"FISIK", "VERBAL / PSIKIS", "SEKSUAL", "PENELANTARAN"}
	cols := []color.NRGBA{hex("#ef8a7e"), hex("#f2b544"), hex("#9b84d4"), hex("#56b6a7")}
	bw, bh := 510.0, 420.0
	gapX := wsW - 2*wsMargin - 2*bw
	for i := range labels {
		x0 := wsMargin + float64(i%2)*(bw+gapX)
		y0 := y + float64(i/2)*(bh+40)
		labelBox(c, x0, y0, x0+bw, y0+bh, labels[i], cols[i])
		writeLines(c, x0+30, x0+bw-30, y0+170, 4, 70)
	}
	y2 := y + 2*(bh+40) + 10
	c.Text(wsMargin, y2, 4, "ORANG DEWASA YANG BISA KUHUBUNGI:", ink)
	icons := []func(*Canvas, float64, float64, color.NRGBA){iconHouse, iconSchool, iconTree}
	for i, ic := range icons {
		yy := y2 + 110 + float64(i)*95
		ic(c, wsMargin+45, yy-28, cols[(i+1)%4])
		c.Line(wsMargin+110, yy, wsW-wsMargin, yy, 3, lineCol)
	}
}

func wsJanji(c *Canvas, rng *rand.Rand) {
	_ = rng
	accent := hex("#e5739b")
	c.RRect(40, 40, wsW-40, wsH-40, 40, accent)
	c.RRect(70, 70, wsW-70, wsH-70, 24, hex("#fff8fb"))
	for _, p := range []Pt{{110, 110}, {wsW - 110, 110}, {110, wsH - 110}, {wsW - 110, wsH - 110}} {
		star(c, p.X, p.Y, 42, yellow)
	}
	title := "JANJI TEMAN BAIK"
	d := FitDot(title, wsW-340, 11)
	c.TextCenter(wsW/2, 170, d, title, accent)
	for i := 0; i < 5; i++ {
		heart(c, 380+float64(i)*120, 300, 20, []color.NRGBA{coral, yellow, teal, lilac, blue}[i])
	}
	x0, x1 := 150.0, wsW-150.0
	y := 400.0
	c.Text(x0, y, 4.5, "AKU,", ink)
	c.Line(x0+140, y+30, x1, y+30, 3, lineCol)
	y += 120
	c.Text(x0, y, 4, "JIKA MELIHAT TEMAN DIRUNDUNG,", ink)
	c.Text(x0, y+45, 4, "AKU AKAN:", ink)
	writeLines(c, x0, x1, y+160, 3, 80)
	y += 420
	c.Text(x0, y, 4, "AKU AKAN BERCERITA KEPADA:", ink)
	writeLines(c, x0, x1, y+110, 2, 80)
	y += 330
	c.RRectOutline(x0, y, x0+520, y+300, 20, 4, hex("#d7b7c7"), white)
	c.Text(x0+30, y+30, 3, "TANDA TANGAN", inkSoft)
	c.Circle(x1-160, y+150, 120, hex("#f7e3ec"))
	c.Ring(x1-160, y+150, 120, 5, hex("#d7b7c7"))
	c.TextCenter(x1-160, y+140, 3, "CAP JARI", inkSoft)
}

func wsTermometer(c *Canvas, rng *rand.Rand) {
	_ = rng
	y := wsFrame(c, "TERMOMETER PERASAANKU", "WARNAI SETINGGI PERASAANMU", hex("#ef7d57"))
	tx := 290.0
	top, bot := y+40, y+950
	outline := hex("#7a8aa3")
	c.RRect(tx-78, top-8, tx+78, bot+8, 78, outline)
	c.Circle(tx, bot+120, 150, outline)
	c.RRect(tx-70, top, tx+70, bot, 70, white)
	c.Circle(tx, bot+120, 142, hex("#fde3d9"))
	bands := 5
	tints := []color.NRGBA{hex("#eaf7ec"), hex("#f3f9e3"), hex("#fff6dc"), hex("#ffe9d9"), hex("#ffdfdf")}
	bandH := (bot - top - 40) / float64(bands)
	for i := 0; i < bands; i++ {
		y0 := bot - float64(i+1)*bandH
		c.Rect(tx-62, y0+4, tx+62, y0+bandH-4, tints[i])
		c.Line(tx-70, y0, tx+70, y0, 5, outline)
		c.Circle(tx-140, y0+bandH/2, 30, mix(tints[i], outline, 0.25))
		c.TextCenter(tx-140, y0+bandH/2-10.5, 3, string(rune('1'+i)), ink)
	}
	x0 := 520.0
	x1 := wsW - wsMargin
	yy := y + 40
	c.Text(x0, yy, 4, "PERASAANKU:", ink)
	writeLines(c, x0, x1, yy+110, 1, 80)
	yy += 220
	c.Text(x0, yy, 4, "KEJADIANNYA:", ink)
	writeLines(c, x0, x1, yy+110, 4, 80)
	yy += 460
	c.Text(x0, yy, 4, "CARA MENENANGKAN", ink)
	c.Text(x0, yy+45, 4, "DIRIKU:", ink)
	writeLines(c, x0, x1, yy+160, 3, 80)
}

func wsCekAkun(c *Canvas, rng *rand.Rand) {
	_ = rng
	accent := hex("#6c7fd8")
	y := wsFrame(c, "CEK KEAMANAN AKUNKU", "BERI TANDA PADA KOLOM YANG SESUAI", accent)
	items := []string{
		"AKUN DIATUR PRIVAT",
		"KATA SANDI KUAT DAN PANJANG",
		"KATA SANDI TIDAK DIBAGIKAN",
		"VERIFIKASI DUA LANGKAH AKTIF",
		"HANYA TEMAN YANG BISA KIRIM PESAN",
		"LOKASI TIDAK DIBAGIKAN OTOMATIS",
		"DAFTAR PENGIKUT SUDAH DICEK",
		"AKU TAHU CARA BLOKIR DAN LAPOR",
	}
	colA, colB := 900.0, 1070.0
	c.RRect(wsMargin, y, wsW-wsMargin, y+70, 16, mix(accent, white, 0.8))
	c.TextCenter(colA, y+24, 3, "SUDAH", ink)
	c.TextCenter(colB, y+24, 3, "BELUM", ink)
	rowH := 84.0
	for i, it := range items {
		ry := y + 90 + float64(i)*rowH
		if i%2 == 1 {
			c.RRect(wsMargin, ry, wsW-wsMargin, ry+rowH, 12, hex("#f5f7fd"))
		}
		c.Text(wsMargin+25, ry+rowH/2-10.5, 3, it, ink)
		for _, cx := range []float64{colA, colB} {
			c.RRectOutline(cx-26, ry+rowH/2-26, cx+26, ry+rowH/2+26, 8, 5, inkSoft, white)
		}
	}
	y2 := y + 90 + float64(len(items))*rowH + 50
	c.Text(wsMargin, y2, 4, "EMPAT LANGKAH SAAT ADA MASALAH:", ink)
	steps := []string{"SIMPAN BUKTI", "BLOKIR", "LAPORKAN", "CERITAKAN"}
	cols := []color.NRGBA{hex("#56b6a7"), hex("#f2b544"), hex("#ef8a7e"), hex("#9b84d4")}
	bw := (wsW - 2*wsMargin - 3*20) / 4
	for i, s := range steps {
		x0 := wsMargin + float64(i)*(bw+20)
		c.RRect(x0, y2+70, x0+bw, y2+250, 20, cols[i])
		c.TextCenter(x0+bw/2, y2+100, 6, string(rune('1'+i)), white)
		d := FitDot(s, bw-30, 3)
		c.TextCenter(x0+bw/2, y2+190, d, s, white)
	}
	c.Text(wsMargin, y2+300, 3.5, "SATU PERUBAHAN MINGGU INI:", ink)
	writeLines(c, wsMargin, wsW-wsMargin, y2+400, 1, 80)
}

func wsStudiKasus(c *Canvas, rng *rand.Rand) {
	_ = rng
	accent := hex("#3f9c8f")
	y := wsFrame(c, "STUDI KASUS: PERAN SAKSI", "PETAKAN PERAN, LALU JAWAB PERTANYAAN", accent)
	cx, cy := wsW/2.0, y+230
	roles := []string{"PELAKU", "PENGIKUT", "IKUT TERTAWA", "DIAM SAJA", "PEMBELA"}
	cols := []color.NRGBA{hex("#ef8a7e"), hex("#f7b267"), hex("#f2d16b"), hex("#a9b8cc"), hex("#6cc3a0")}
	for i := range roles {
		a := -math.Pi/2 + float64(i)/5*2*math.Pi
		px, py := cx+380*math.Cos(a), cy+170*math.Sin(a)
		c.Line(cx, cy, px, py, 4, hex("#d5dde8"))
	}
	c.Circle(cx, cy, 85, mix(accent, white, 0.75))
	c.Ring(cx, cy, 85, 6, accent)
	c.TextCenter(cx, cy-10.5, 3, "KORBAN", ink)
	for i, r := range roles {
		a := -math.Pi/2 + float64(i)/5*2*math.Pi
		px, py := cx+380*math.Cos(a), cy+170*math.Sin(a)
		c.RRect(px-115, py-38, px+115, py+38, 38, cols[i])
		d := FitDot(r, 200, 3)
		c.TextCenter(px, py-3.5*d, d, r, ink)
	}
	qs := []string{"1. BENTUK PERUNDUNGAN", "2. PERASAAN KORBAN", "3. MENGAPA SAKSI DIAM?", "4. TINDAKAN AMAN SAKSI"}
	y2 := y + 470
	bh := 180.0
	for i, q := range qs {
		y0 := y2 + float64(i)*(bh+16)
		labelBox(c, wsMargin, y0, wsW-wsMargin, y0+bh, q, []color.NRGBA{hex("#ef8a7e"), hex("#9b84d4"), hex("#f2a541"), accent}[i])
		writeLines(c, wsMargin+30, wsW-wsMargin-30, y0+110, 2, 48)
	}
}
