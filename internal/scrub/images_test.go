package scrub_test

import (
	"bytes"
	"errors"
	"image"
	"image/color"
	"image/gif"
	"strings"
	"testing"

	"github.com/bep/imagemeta"

	"github.com/dinsos-metro/warta/internal/scrub"
	"github.com/dinsos-metro/warta/internal/scrub/scrubtest"
)

// personalGroups are exiftool's groups (with -G1) that hold what a camera
// or a person wrote about a picture; none may survive.
var personalGroups = []string{"IFD0:", "IFD1:", "ExifIFD:", "GPS:", "XMP", "IPTC:", "Photoshop:", "MakerNotes:", "InteropIFD:", "MPF0:"}

// assertNoMetadata checks a cleaned picture with two readers that are not
// the code under test: exiftool and github.com/bep/imagemeta.
func assertNoMetadata(t *testing.T, name string, data []byte, format imagemeta.ImageFormat) {
	t.Helper()
	if s := scrubtest.ContainsSecret(data); s != "" {
		t.Errorf("%s still holds %q", name, s)
	}
	if tags := scrubtest.ImageMeta(t, data, format); len(tags) > 0 {
		t.Errorf("imagemeta still reads in %s:\n\t%s", name, strings.Join(tags, "\n\t"))
	}
	tags := scrubtest.ExifTool(t, name, data)
	for k := range tags {
		bad := strings.Contains(k, "Thumbnail") || strings.Contains(k, "Comment") || strings.HasSuffix(k, ":Author") ||
			strings.HasSuffix(k, "ModifyDate") || strings.Contains(k, "Trailer")
		for _, g := range personalGroups {
			bad = bad || strings.HasPrefix(k, g)
		}
		if bad {
			t.Errorf("exiftool still reads %s=%s in %s; all it reads:\n\t%s", k, tags[k], name, scrubtest.Keys(tags))
		}
	}
}

func clean(t *testing.T, name string, data []byte) []byte {
	t.Helper()
	res, err := scrub.Clean(name, data, scrub.Options{StripDocuments: true})
	if err != nil {
		t.Fatalf("Clean(%s): %v", name, err)
	}
	if len(res.Fields) > 0 {
		t.Errorf("Clean(%s) reported fields %v; pictures are stripped silently", name, res.Fields)
	}
	return res.Data
}

func TestPhoneJPEGLosesItsMetadataNotAPixel(t *testing.T) {
	src := scrubtest.PhoneJPEG(64, 48, 1)
	out := clean(t, "foto.jpg", src)
	assertNoMetadata(t, "foto.jpg", out, imagemeta.JPEG)
	if d := scrubtest.SamePixels(scrubtest.Pixels(t, src), scrubtest.Pixels(t, out)); d != "" {
		t.Errorf("pixels changed: %s", d)
	}
	if !bytes.Contains(out, []byte("ICC_PROFILE\x00")) {
		t.Error("the ICC colour profile was dropped")
	}
	tags := scrubtest.ExifTool(t, "foto.jpg", out)
	if tags["JFIF:JFIFVersion"] == "" {
		t.Errorf("the JFIF header was dropped; exiftool reads:\n\t%s", scrubtest.Keys(tags))
	}
	if again := clean(t, "foto.jpg", out); !bytes.Equal(again, out) {
		t.Error("cleaning a clean JPEG changed it")
	}
}

// A JPEG with no metadata at all (as Go's encoder writes it) comes out
// byte for byte.
func TestPlainJPEGUnchanged(t *testing.T) {
	src := scrubtest.PlainJPEG(40, 30)
	if out := clean(t, "a.jpg", src); !bytes.Equal(out, src) {
		t.Error("a JPEG without metadata changed")
	}
}

func TestSidewaysJPEGComesOutUpright(t *testing.T) {
	src := scrubtest.PhoneJPEG(64, 48, 6) // stored 64×48, shown 48×64
	out := clean(t, "foto.jpg", src)
	assertNoMetadata(t, "foto.jpg", out, imagemeta.JPEG)
	img := scrubtest.Pixels(t, out)
	if b := img.Bounds(); b.Dx() != 48 || b.Dy() != 64 {
		t.Fatalf("turned picture is %v, want 48×64", b)
	}
	// Orientation 6 turns the stored picture a quarter clockwise: its red
	// top-left corner shows at the top right.
	if !reddish(img, 44, 3) || reddish(img, 3, 3) {
		t.Errorf("the picture is not upright: top right %v, top left %v", img.At(44, 3), img.At(3, 3))
	}
	if !bytes.Contains(out, []byte("ICC_PROFILE\x00")) {
		t.Error("the RGB colour profile was not kept when turning")
	}
}

func reddish(img image.Image, x, y int) bool {
	r, g, b, _ := img.At(x, y).RGBA()
	return r>>8 > 180 && g>>8 < 80 && b>>8 < 80
}

func TestTextPNGLosesItsChunksNotAPixel(t *testing.T) {
	src := scrubtest.TextPNG(64, 48, 1)
	out := clean(t, "lembar.png", src)
	assertNoMetadata(t, "lembar.png", out, imagemeta.PNG)
	if d := scrubtest.SamePixels(scrubtest.Pixels(t, src), scrubtest.Pixels(t, out)); d != "" {
		t.Errorf("pixels changed: %s", d)
	}
	if !bytes.Equal(out, scrubtest.PlainPNG(64, 48)) {
		t.Error("the PNG is not its image chunks, byte for byte")
	}
}

func TestSidewaysPNGComesOutUpright(t *testing.T) {
	out := clean(t, "lembar.png", scrubtest.TextPNG(64, 48, 6))
	assertNoMetadata(t, "lembar.png", out, imagemeta.PNG)
	img := scrubtest.Pixels(t, out)
	src := scrubtest.Picture(64, 48)
	if b := img.Bounds(); b.Dx() != 48 || b.Dy() != 64 {
		t.Fatalf("turned picture is %v, want 48×64", b)
	}
	for Y := range 64 {
		for X := range 48 {
			// Upright (X, Y) is stored at (Y, h-1-X).
			r1, g1, b1, _ := img.At(X, Y).RGBA()
			r2, g2, b2, _ := src.At(Y, 47-X).RGBA()
			if r1 != r2 || g1 != g2 || b1 != b2 {
				t.Fatalf("upright pixel (%d,%d) is %v, want stored (%d,%d) %v", X, Y, img.At(X, Y), Y, 47-X, src.At(Y, 47-X))
			}
		}
	}
}

func TestGIFLosesCommentsAndXMP(t *testing.T) {
	var buf bytes.Buffer
	pal := image.NewPaletted(image.Rect(0, 0, 8, 8), color.Palette{color.Black, color.White})
	if err := gif.Encode(&buf, pal, nil); err != nil {
		t.Fatal(err)
	}
	plain := buf.Bytes()
	at := 13 + 3*2 // header and a two-colour table
	var src []byte
	src = append(src, plain[:at]...)
	src = append(src, 0x21, 0xFE, 12)
	src = append(src, "Budi Santoso"...)
	src = append(src, 0)
	src = append(src, 0x21, 0xFF, 11)
	src = append(src, "XMP DataXMP"...)
	src = append(src, 12)
	src = append(src, "Budi Santoso"...)
	src = append(src, 0)
	src = append(src, 0x21, 0xFF, 11)
	src = append(src, "NETSCAPE2.0"...)
	src = append(src, 3, 1, 0, 0, 0)
	src = append(src, plain[at:]...)
	out := clean(t, "a.gif", src)
	if s := scrubtest.ContainsSecret(out); s != "" {
		t.Errorf("the GIF still holds %q", s)
	}
	if !bytes.Contains(out, []byte("NETSCAPE2.0")) {
		t.Error("the animation's loop extension was dropped")
	}
	if _, err := gif.Decode(bytes.NewReader(out)); err != nil {
		t.Errorf("cleaned GIF does not decode: %v", err)
	}
	tags := scrubtest.ExifTool(t, "a.gif", out)
	for k := range tags {
		if strings.Contains(k, "Comment") || strings.HasPrefix(k, "XMP") {
			t.Errorf("exiftool still reads %s in the GIF", k)
		}
	}
}

// webp builds a WebP container around a made-up VP8L payload: the
// chunks are what is tested, not the pixels.
func webp(chunks ...string) []byte {
	var body []byte
	for _, c := range chunks {
		fourcc, data, _ := strings.Cut(c, "=")
		n := len(data)
		body = append(body, fourcc...)
		body = append(body, byte(n), byte(n>>8), byte(n>>16), byte(n>>24))
		body = append(body, data...)
		if n%2 == 1 {
			body = append(body, 0)
		}
	}
	n := len(body) + 4
	out := append([]byte("RIFF"), byte(n), byte(n>>8), byte(n>>16), byte(n>>24))
	out = append(out, "WEBP"...)
	return append(out, body...)
}

func TestWebPLosesEXIFAndXMP(t *testing.T) {
	src := webp("VP8X=\x0c\x00\x00\x00\x00\x00\x00\x00\x00\x00", "VP8L=/fake-bitstream", "EXIF=Budi Santoso", "XMP =Budi Santoso")
	out, err := scrub.StripWebP(src)
	if err != nil {
		t.Fatal(err)
	}
	want := webp("VP8X=\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00", "VP8L=/fake-bitstream")
	if !bytes.Equal(out, want) {
		t.Errorf("got\n%q\nwant\n%q", out, want)
	}
}

func TestSidewaysWebPIsRefused(t *testing.T) {
	_, err := scrub.Clean("foto.webp", scrubtest.SidewaysWebP(6), scrub.Options{})
	var e *scrub.Error
	if !errors.As(err, &e) || e.Kind != scrub.CannotTurn || e.Detail != 6 {
		t.Errorf("error %v; want CannotTurn with orientation 6", err)
	}
	if _, err := scrub.Clean("foto.webp", scrubtest.SidewaysWebP(1), scrub.Options{}); err != nil {
		t.Errorf("an upright WebP: %v", err)
	}
}

func TestDamagedPicturesAreRefused(t *testing.T) {
	for name, data := range map[string][]byte{
		"cut.jpg":    scrubtest.PhoneJPEG(64, 48, 1)[:300], // inside its EXIF
		"cut.png":    scrubtest.TextPNG(64, 48, 1)[:60],
		"photo.heic": append([]byte("\x00\x00\x00\x18ftypheic"), make([]byte, 40)...),
	} {
		_, err := scrub.Clean(name, data, scrub.Options{})
		if err == nil {
			t.Errorf("%s: cleaned; want an error", name)
		}
	}
}
