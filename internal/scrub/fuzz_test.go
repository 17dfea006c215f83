package scrub_test

import (
	"bytes"
	"testing"

	"github.com/dinsos-metro/warta/internal/scrub"
	"github.com/dinsos-metro/warta/internal/scrub/scrubtest"
)

// FuzzStripImage runs the JPEG, PNG, GIF and WebP segment parsers on
// strange input: they must not panic or loop, what they return must not
// grow past the input (plus the end marker a cut-off file gets), and
// stripping it again must change nothing.
func FuzzStripImage(f *testing.F) {
	f.Add(scrubtest.PhoneJPEG(16, 12, 1))
	f.Add(scrubtest.PhoneJPEG(16, 12, 6)[:400])
	f.Add(scrubtest.PlainJPEG(8, 8))
	f.Add(scrubtest.TextPNG(8, 6, 1))
	f.Add(scrubtest.PlainPNG(4, 4))
	f.Add([]byte("GIF89a\x01\x00\x01\x00\x80\x00\x00\x00\x00\x00\xff\xff\xff!\xfe\x03abc\x00,\x00\x00\x00\x00\x01\x00\x01\x00\x00\x02\x02D\x01\x00;"))
	f.Add([]byte("RIFF\x1c\x00\x00\x00WEBPVP8X\x0a\x00\x00\x00\x0c\x00\x00\x00\x00\x00\x00\x00\x00\x00"))
	f.Add([]byte{0xFF, 0xD8, 0xFF, 0xDA, 0x00, 0x02, 0xFF, 0xFF})
	strips := []func([]byte) ([]byte, error){scrub.StripJPEG, scrub.StripPNG, scrub.StripGIF, scrub.StripWebP}
	f.Fuzz(func(t *testing.T, data []byte) {
		for i, strip := range strips {
			out, err := strip(data)
			if err != nil {
				continue
			}
			if len(out) > len(data)+12 {
				t.Fatalf("parser %d: %d bytes grew to %d", i, len(data), len(out))
			}
			again, err := strip(out)
			if err != nil {
				t.Fatalf("parser %d: its own output is refused: %v", i, err)
			}
			if !bytes.Equal(again, out) {
				t.Fatalf("parser %d: stripping twice changed the result", i)
			}
		}
	})
}

// FuzzStripPDF runs the PDF reader on strange input: no panic, no loop,
// and a cleaned file cleans again without a field to report.
func FuzzStripPDF(f *testing.F) {
	f.Add(scrubtest.PDF(scrubtest.PDFOptions{}))
	f.Add(scrubtest.PDF(scrubtest.PDFOptions{ObjectStreams: true, CompressedXMP: true}))
	f.Add([]byte("%PDF-1.4\n1 0 obj << /A [1 0 R (x\\)y) <00> /B << >> >> stream\nendobj trailer << /Info 1 0 R >>"))
	f.Fuzz(func(t *testing.T, data []byte) {
		res, err := scrub.Clean("x.pdf", data, scrub.Options{StripDocuments: true})
		if err != nil || scrub.Sniff("x.pdf", data) != scrub.PDF {
			return
		}
		again, err := scrub.Clean("x.pdf", res.Data, scrub.Options{StripDocuments: true})
		if err != nil || len(again.Fields) > 0 {
			t.Fatalf("cleaning the cleaned file: fields %v, %v", again.Fields, err)
		}
	})
}
