package publish

import (
	"fmt"
	"path/filepath"
	"testing"
)

// benchPages is how many pages, each in a folder of its own as a site's
// pages are, the staging benchmarks write.
const benchPages = 2000

func stageSite(b *testing.B, out string) *Staging {
	s, err := NewStaging(out)
	if err != nil {
		b.Fatal(err)
	}
	page := make([]byte, 12<<10)
	for i := range benchPages {
		if err := s.Write(fmt.Sprintf("berita/%d/halaman-%d/index.html", i%20, i), page); err != nil {
			b.Fatal(err)
		}
	}
	return s
}

// wait waits for background removals, where Staging has them.
func wait(s *Staging) {
	if w, ok := any(s).(interface{ Wait() }); ok {
		w.Wait()
	}
}

// BenchmarkStaging/write is writing a site's pages into the staging
// folder; /commit is how long Commit keeps the build waiting when it
// replaces a site of the same size.
func BenchmarkStaging(b *testing.B) {
	b.Run("write", func(b *testing.B) {
		out := filepath.Join(b.TempDir(), "public")
		for b.Loop() {
			s := stageSite(b, out)
			b.StopTimer()
			s.Abort()
			b.StartTimer()
		}
	})
	b.Run("commit", func(b *testing.B) {
		out := filepath.Join(b.TempDir(), "public")
		s := stageSite(b, out)
		if err := s.Commit(); err != nil {
			b.Fatal(err)
		}
		b.ResetTimer()
		for range b.N {
			b.StopTimer()
			wait(s)
			s = stageSite(b, out)
			b.StartTimer()
			if err := s.Commit(); err != nil {
				b.Fatal(err)
			}
		}
		b.StopTimer()
		wait(s)
	})
}
