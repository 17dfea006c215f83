package main

import (
	"bytes"
	"fmt"
	"image/color"
	"strings"
)

// A minimal, hand-written PDF 1.4 writer for one-page A4 worksheets. It uses
// the standard Helvetica fonts (no embedding) and uncompressed content, so
// the output is small, deterministic and readable by any PDF viewer.

const (
	pdfW = 595.0
	pdfH = 842.0
)

// PDFPage collects drawing operators; y coordinates are measured from the
// top of the page, as on screen.
type PDFPage struct {
	b bytes.Buffer
}

func (p *PDFPage) op(format string, args ...any) {
	fmt.Fprintf(&p.b, format, args...)
	p.b.WriteByte('\n')
}

func rgb(c color.NRGBA) (float64, float64, float64) {
	return float64(c.R) / 255, float64(c.G) / 255, float64(c.B) / 255
}

// Fill and Stroke set the current colours.
func (p *PDFPage) Fill(c color.NRGBA) {
	r, g, b := rgb(c)
	p.op("%.3f %.3f %.3f rg", r, g, b)
}

func (p *PDFPage) Stroke(c color.NRGBA, w float64) {
	r, g, b := rgb(c)
	p.op("%.3f %.3f %.3f RG %.2f w", r, g, b, w)
}

// pdfEscape escapes a string for a PDF literal; text must be ASCII.
func pdfEscape(s string) string {
	r := strings.NewReplacer(`\`, `\\`, `(`, `\(`, `)`, `\)`)
	return r.Replace(s)
}

// Text draws s with its baseline at (x, y).
func (p *PDFPage) Text(x, y, size float64, bold bool, s string) {
	f := "F1"
	if bold {
		f = "F2"
	}
	p.op("BT /%s %.1f Tf %.2f %.2f Td (%s) Tj ET", f, size, x, pdfH-y, pdfEscape(s))
}

// Para draws wrapped text and returns the y below it. Wrapping uses an
// average Helvetica glyph width, which is good enough for plain prose.
func (p *PDFPage) Para(x, y, width, size float64, bold bool, s string) float64 {
	maxChars := int(width / (size * 0.5))
	var line string
	for _, w := range strings.Fields(s) {
		if line != "" && len(line)+1+len(w) > maxChars {
			p.Text(x, y, size, bold, line)
			y += size * 1.4
			line = ""
		}
		if line != "" {
			line += " "
		}
		line += w
	}
	if line != "" {
		p.Text(x, y, size, bold, line)
		y += size * 1.4
	}
	return y
}

func (p *PDFPage) Line(x0, y0, x1, y1 float64) {
	p.op("%.2f %.2f m %.2f %.2f l S", x0, pdfH-y0, x1, pdfH-y1)
}

// Rect draws a rectangle (top-left corner x, y); mode is "S", "f" or "B".
func (p *PDFPage) Rect(x, y, w, h float64, mode string) {
	p.op("%.2f %.2f %.2f %.2f re %s", x, pdfH-y-h, w, h, mode)
}

// Circle draws a circle from four Bezier curves; mode as for Rect.
func (p *PDFPage) Circle(cx, cy, r float64, mode string) {
	k := 0.5523 * r
	y := pdfH - cy
	p.op("%.2f %.2f m", cx+r, y)
	p.op("%.2f %.2f %.2f %.2f %.2f %.2f c", cx+r, y+k, cx+k, y+r, cx, y+r)
	p.op("%.2f %.2f %.2f %.2f %.2f %.2f c", cx-k, y+r, cx-r, y+k, cx-r, y)
	p.op("%.2f %.2f %.2f %.2f %.2f %.2f c", cx-r, y-k, cx-k, y-r, cx, y-r)
	p.op("%.2f %.2f %.2f %.2f %.2f %.2f c %s", cx+k, y-r, cx+r, y-k, cx+r, y, mode)
}

// Bytes assembles the complete PDF file.
func (p *PDFPage) Bytes(title string) []byte {
	content := p.b.Bytes()
	objs := []string{
		"<< /Type /Catalog /Pages 2 0 R >>",
		"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
		fmt.Sprintf("<< /Type /Page /Parent 2 0 R /MediaBox [0 0 %.0f %.0f] /Resources << /Font << /F1 5 0 R /F2 6 0 R >> >> /Contents 4 0 R >>", pdfW, pdfH),
		fmt.Sprintf("<< /Length %d >>\nstream\n%sendstream", len(content), content),
		"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>",
		"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica-Bold /Encoding /WinAnsiEncoding >>",
		// No /Author: internal/scrub reports it on every build (issue 12).
		fmt.Sprintf("<< /Title (%s) /Producer (warta scripts/illustrations) >>", pdfEscape(title)),
	}
	var out bytes.Buffer
	out.WriteString("%PDF-1.4\n%\xe2\xe3\xcf\xd3\n")
	offsets := make([]int, len(objs))
	for i, o := range objs {
		offsets[i] = out.Len()
		fmt.Fprintf(&out, "%d 0 obj\n%s\nendobj\n", i+1, o)
	}
	xref := out.Len()
	fmt.Fprintf(&out, "xref\n0 %d\n0000000000 65535 f \n", len(objs)+1)
	for _, off := range offsets {
		fmt.Fprintf(&out, "%010d 00000 n \n", off)
	}
	fmt.Fprintf(&out, "trailer\n<< /Size %d /Root 1 0 R /Info 7 0 R >>\nstartxref\n%d\n%%%%EOF\n", len(objs)+1, xref)
	return out.Bytes()
}

// pdfFrame draws the shared header and footer, returning the body's top y.
func pdfFrame(p *PDFPage, title, module string, accent color.NRGBA) float64 {
	p.Fill(accent)
	p.Rect(0, 0, pdfW, 86, "f")
	p.Fill(white)
	p.Text(40, 44, 20, true, title)
	p.Text(40, 68, 11, false, module)
	p.Stroke(lineCol, 0.8)
	p.Fill(ink)
	p.Text(40, 118, 11, true, "Nama:")
	p.Line(80, 120, 330, 120)
	p.Text(350, 118, 11, true, "Kelas:")
	p.Line(390, 120, 555, 120)
	p.Fill(mix(accent, white, 0.8))
	p.Rect(0, pdfH-34, pdfW, 34, "f")
	p.Fill(inkSoft)
	p.Text(40, pdfH-13, 8.5, false, "Dinas Sosial Kota Metro - Peksos Go To School - boleh diperbanyak untuk keperluan pembelajaran")
	return 145
}

func pdfSentuhan() ([]byte, string) {
	title := "Lembar Kerja: Lampu Hijau, Lampu Merah"
	p := &PDFPage{}
	accent := hex("#4fb7a6")
	y := pdfFrame(p, title, "Modul PAUD - Sentuhan Aman dan Tidak Aman (usia 4-6 tahun)", accent)
	p.Fill(ink)
	y = p.Para(40, y, 515, 10.5, false, "Untuk guru atau orang tua: bacakan setiap kalimat dengan tenang. Ajak anak mewarnai lingkaran HIJAU bila sentuhan itu membuatnya nyaman, dan lingkaran MERAH bila membuatnya tidak nyaman. Tidak ada jawaban yang ditertawakan.")
	y += 12
	items := []string{
		"Ibu memelukku sebelum tidur.",
		"Teman mengajakku tos setelah bermain.",
		"Ada orang menyentuh bagian tubuhku yang tertutup baju renang.",
		"Dokter memeriksaku, dan ibu atau ayah ada di sampingku.",
		"Ada yang memukulku karena aku tidak mau berbagi mainan.",
		"Ayah menggandeng tanganku ketika menyeberang jalan.",
		"Ada orang yang memintaku merahasiakan sentuhannya.",
	}
	for i, it := range items {
		rowY := y + float64(i)*62
		p.Stroke(hex("#d5dde8"), 1)
		p.Fill(hex("#f6f9fc"))
		p.Rect(40, rowY, 515, 52, "B")
		p.Fill(ink)
		p.Text(54, rowY+31, 11, true, fmt.Sprintf("%d.", i+1))
		p.Text(74, rowY+31, 11, false, it)
		p.Stroke(hex("#5cb85c"), 3)
		p.Circle(470, rowY+26, 15, "S")
		p.Stroke(hex("#e4534b"), 3)
		p.Circle(517, rowY+26, 15, "S")
	}
	y += float64(len(items))*62 + 18
	p.Fill(ink)
	p.Text(40, y, 12, true, "Tiga langkah menjaga diri")
	y += 20
	for i, s := range []string{"Bilang \"tidak!\" dengan suara lantang.", "Menjauh atau lari dari orang itu.", "Cerita kepada ayah, ibu, guru, atau orang dewasa yang dipercaya."} {
		p.Fill(accent)
		p.Circle(50, y-4, 8, "f")
		p.Fill(white)
		p.Text(47, y, 10, true, fmt.Sprintf("%d", i+1))
		p.Fill(ink)
		p.Text(66, y, 11, false, s)
		y += 22
	}
	y += 10
	p.Fill(inkSoft)
	p.Para(40, y, 515, 9.5, false, "Pesan untuk orang tua: ulangi pesan ini di rumah dengan tenang. Bila anak bercerita tentang sentuhan yang membuatnya tidak nyaman, dengarkan, percayai ceritanya, dan hubungi Dinas Sosial Kota Metro.")
	return p.Bytes(title), title
}

func pdfBentuk() ([]byte, string) {
	title := "Lembar Kerja: Empat Bentuk Kekerasan"
	p := &PDFPage{}
	accent := hex("#5b8fd6")
	y := pdfFrame(p, title, "Modul SD - Mengenal Bentuk-Bentuk Kekerasan (usia 7-12 tahun)", accent)
	p.Fill(ink)
	p.Text(40, y, 12, true, "Bagian A. Tuliskan satu contoh untuk setiap bentuk kekerasan.")
	y += 14
	labels := []string{"Fisik", "Verbal atau psikis", "Seksual", "Penelantaran"}
	hints := []string{"contoh: memukul, mencubit", "contoh: membentak, mengejek", "sentuhan pada bagian tubuh pribadi", "contoh: tidak dirawat saat sakit"}
	cols := []color.NRGBA{hex("#ef8a7e"), hex("#f2b544"), hex("#9b84d4"), hex("#56b6a7")}
	bw, bh := 252.0, 150.0
	for i := range labels {
		x := 40 + float64(i%2)*(bw+11)
		by := y + float64(i/2)*(bh+12)
		p.Stroke(cols[i], 1.5)
		p.Fill(white)
		p.Rect(x, by, bw, bh, "B")
		p.Fill(cols[i])
		p.Rect(x, by, bw, 26, "f")
		p.Fill(white)
		p.Text(x+10, by+18, 12, true, labels[i])
		p.Fill(inkSoft)
		p.Text(x+10, by+42, 8.5, false, hints[i])
		p.Stroke(lineCol, 0.8)
		for l := 0; l < 3; l++ {
			ly := by + 72 + float64(l)*26
			p.Line(x+10, ly, x+bw-10, ly)
		}
	}
	y += 2*(bh+12) + 20
	p.Fill(ink)
	p.Text(40, y, 12, true, "Bagian B. Orang dewasa yang bisa kuhubungi")
	y += 26
	for _, w := range []string{"Di rumah:", "Di sekolah:", "Di lingkungan sekitar:"} {
		p.Text(40, y, 11, false, w)
		p.Stroke(lineCol, 0.8)
		p.Line(170, y+2, 555, y+2)
		y += 30
	}
	y += 16
	p.Fill(mix(accent, white, 0.85))
	p.Rect(40, y, 515, 62, "f")
	p.Fill(ink)
	p.Text(56, y+24, 12, true, "Ucapkan bersama:")
	p.Text(56, y+45, 11.5, false, "Tubuhku milikku. Kekerasan bukan salahku. Aku berhak minta tolong.")
	return p.Bytes(title), title
}

func pdfCekAkun() ([]byte, string) {
	title := "Lembar Kerja: Cek Keamanan Akunku"
	p := &PDFPage{}
	accent := hex("#6c7fd8")
	y := pdfFrame(p, title, "Modul SMP - Aman di Dunia Daring (usia 13-15 tahun)", accent)
	p.Fill(ink)
	y = p.Para(40, y, 515, 10.5, false, "Periksa satu akun media sosial, aplikasi pesan, atau gim yang paling sering kamu pakai. Beri tanda centang pada kolom yang sesuai. Lembar ini untukmu sendiri; kamu tidak wajib menunjukkannya kepada siapa pun.")
	y += 8
	p.Fill(mix(accent, white, 0.8))
	p.Rect(40, y, 515, 24, "f")
	p.Fill(ink)
	p.Text(50, y+16, 10.5, true, "Yang diperiksa")
	p.Text(430, y+16, 10.5, true, "Sudah")
	p.Text(490, y+16, 10.5, true, "Belum")
	y += 24
	items := []string{
		"Akunku diatur privat.",
		"Kata sandiku kuat dan panjang, bukan tanggal lahir.",
		"Kata sandiku tidak kubagikan, termasuk kepada sahabat.",
		"Verifikasi dua langkah sudah aktif.",
		"Hanya teman yang kukenal yang bisa mengirim pesan.",
		"Lokasiku tidak dibagikan secara otomatis.",
		"Aku sudah memeriksa daftar pengikut atau teman.",
		"Aku tahu cara memblokir dan melaporkan akun.",
	}
	for i, it := range items {
		if i%2 == 1 {
			p.Fill(hex("#f5f7fd"))
			p.Rect(40, y, 515, 30, "f")
		}
		p.Fill(ink)
		p.Text(50, y+19, 10.5, false, it)
		p.Stroke(inkSoft, 1)
		p.Rect(438, y+7, 16, 16, "S")
		p.Rect(498, y+7, 16, 16, "S")
		y += 30
	}
	y += 22
	p.Text(40, y, 12, true, "Empat langkah saat ada masalah")
	y += 12
	steps := []string{"Simpan bukti", "Blokir", "Laporkan", "Ceritakan"}
	desc := []string{"tangkapan layar", "akun pengganggu", "ke platform", "ke orang dewasa"}
	cols := []color.NRGBA{hex("#56b6a7"), hex("#f2b544"), hex("#ef8a7e"), hex("#9b84d4")}
	for i, s := range steps {
		x := 40 + float64(i)*131
		p.Fill(cols[i])
		p.Rect(x, y, 122, 58, "f")
		p.Fill(white)
		p.Text(x+10, y+24, 12, true, fmt.Sprintf("%d. %s", i+1, s))
		p.Text(x+10, y+44, 9.5, false, desc[i])
	}
	y += 86
	p.Fill(ink)
	p.Text(40, y, 11, true, "Satu perubahan yang akan kulakukan minggu ini:")
	p.Stroke(lineCol, 0.8)
	p.Line(40, y+28, 555, y+28)
	p.Line(40, y+54, 555, y+54)
	y += 80
	p.Fill(inkSoft)
	p.Para(40, y, 515, 9.5, false, "Jika kamu diancam, diperas, atau dimintai foto pribadi, itu bukan salahmu. Jangan menuruti permintaannya, simpan bukti, dan segera ceritakan kepada orang tua, guru BK, atau orang dewasa lain yang kamu percaya.")
	return p.Bytes(title), title
}
