package qrcode

import (
	"image"
	"image/color"
	"regexp"
	"strconv"
	"strings"
	"testing"

	qr "github.com/piglig/go-qr"
)

var cmdRE = regexp.MustCompile(`([Mmh])(\d+)(?: (\d+)(\.5)?)?`)

// rasterize paints the path of an SVG made by Code.SVG back into an image,
// scale pixels per module, so that a decoder reads what a printer would
// print. It knows the three commands Path writes: M x y.5, m dx 0, h w.
func rasterize(t *testing.T, svg string, scale int) image.Image {
	t.Helper()
	vb := regexp.MustCompile(`viewBox="0 0 (\d+) (\d+)"`).FindStringSubmatch(svg)
	d := regexp.MustCompile(` d="([^"]*)"`).FindStringSubmatch(svg)
	if vb == nil || d == nil {
		t.Fatalf("no viewBox or path in %s", svg)
	}
	n, _ := strconv.Atoi(vb[1])
	img := image.NewGray(image.Rect(0, 0, n*scale, n*scale))
	for i := range img.Pix {
		img.Pix[i] = 0xff
	}
	cmds := cmdRE.FindAllStringSubmatch(d[1], -1)
	if got := len(cmdRE.ReplaceAllString(d[1], "")); got != 0 {
		t.Fatalf("path has %d characters that are not M, m or h commands", got)
	}
	x, y := 0, 0
	for _, m := range cmds {
		v, _ := strconv.Atoi(m[2])
		switch m[1] {
		case "M":
			x = v
			y, _ = strconv.Atoi(m[3])
		case "m":
			x += v
		case "h":
			for px := x * scale; px < (x+v)*scale; px++ {
				for py := y * scale; py < (y+1)*scale; py++ {
					img.SetGray(px, py, color.Gray{})
				}
			}
			x += v
		}
	}
	return img
}

func TestSVGDecodes(t *testing.T) {
	for _, text := range []string{
		"https://dinsos.metrokota.go.id/modul/sd/mengenal-bentuk-kekerasan/",
		"https://example.org/dinsos/modul/paud/sentuhan-aman-dan-tidak-aman/",
		"http://localhost:1313/modul/smp/x/",
	} {
		svg, err := SVG(text, "Kode QR")
		if err != nil {
			t.Fatal(err)
		}
		got, err := qr.Decode(rasterize(t, svg, 4))
		if err != nil {
			t.Fatalf("%s: the drawn code does not decode: %v", text, err)
		}
		if got != text {
			t.Errorf("decoded %q, want %q", got, text)
		}
	}
}

func TestSVGMarkup(t *testing.T) {
	svg, err := SVG("https://example.org/", `Kode QR "modul" & <alamat>`)
	if err != nil {
		t.Fatal(err)
	}
	for _, want := range []string{
		`role="img"`, `aria-label="Kode QR &#34;modul&#34; &amp; &lt;alamat&gt;"`,
		`class="qr"`, `stroke="#000"`, `viewBox="0 0 33 33"`, `<rect width="33" height="33" fill="#fff"/>`,
	} {
		if !strings.Contains(svg, want) {
			t.Errorf("svg lacks %s:\n%s", want, svg)
		}
	}
	if strings.Contains(svg, `<svg width=`) || strings.Contains(svg, `" width=`) {
		t.Error("the svg element must not fix its size; CSS does")
	}
	again, _ := SVG("https://example.org/", `Kode QR "modul" & <alamat>`)
	if again != svg {
		t.Error("same text, different SVG")
	}
	// A module URL stays small enough to inline in every module page.
	long, _ := SVG("https://dinsos.metrokota.go.id/modul/smp/perundungan-dan-peran-saksi/", "Kode QR")
	if len(long) > 3000 {
		t.Errorf("svg of a module URL is %d bytes; want it under 3 KB", len(long))
	}
}

func TestDarkOutside(t *testing.T) {
	c, err := Encode("x")
	if err != nil {
		t.Fatal(err)
	}
	if c.Size() != 21 {
		t.Errorf("size %d, want 21 (version 1)", c.Size())
	}
	if c.Dark(-1, 0) || c.Dark(0, c.Size()) {
		t.Error("modules outside the symbol must be light")
	}
	if !c.Dark(0, 0) {
		t.Error("the top left finder pattern starts dark")
	}
}
