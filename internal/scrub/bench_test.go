package scrub_test

import (
	"testing"

	"github.com/dinsos-metro/warta/internal/scrub"
	"github.com/dinsos-metro/warta/internal/scrub/scrubtest"
)

// The cost of cleaning one file: a 5 MB phone photo (segments copied, or
// decoded, turned and encoded again when it is stored sideways) and a 1 MB
// PDF (blanked in place).
//
//	go test -run '^$' -bench . -benchmem ./internal/scrub

var photo5MB = func() []byte { return scrubtest.NoisyJPEG(2200, 2000) }

func benchClean(b *testing.B, name string, data []byte) {
	b.SetBytes(int64(len(data)))
	b.ReportAllocs()
	for b.Loop() {
		if _, err := scrub.Clean(name, data, scrub.Options{StripDocuments: true}); err != nil {
			b.Fatal(err)
		}
	}
	b.ReportMetric(float64(len(data))/1e6, "MB")
}

func BenchmarkCleanJPEG5MB(b *testing.B) {
	benchClean(b, "foto.jpg", scrubtest.WithPhoneMetadata(photo5MB(), 1))
}

func BenchmarkCleanJPEG5MBSideways(b *testing.B) {
	benchClean(b, "foto.jpg", scrubtest.WithPhoneMetadata(photo5MB(), 6))
}

func BenchmarkCleanPDF1MB(b *testing.B) {
	benchClean(b, "lembar.pdf", scrubtest.PDF(scrubtest.PDFOptions{Padding: 1 << 20}))
}
