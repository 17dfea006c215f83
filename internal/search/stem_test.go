package search

import "testing"

// TestStem checks stems that libstemmer 2.2 (Snowball's C library) gives
// for the same words.
func TestStem(t *testing.T) {
	for _, c := range []struct{ in, want string }{
		{"kekerasan", "keras"},
		{"menyentuh", "sentuh"},
		{"sentuhan", "sentuh"},
		{"bersentuhan", "sentuh"},
		{"disentuh", "sentuh"},
		{"perundungan", "undung"},
		{"memukul", "pukul"},
		{"membaca", "baca"},
		{"bacaan", "baca"},
		{"pembacaan", "baca"},
		{"pelajaran", "ajar"},
		{"belajar", "ajar"},
		{"pelajar", "ajar"},
		{"bekerja", "kerja"},
		{"mengajarkan", "ajar"},
		{"pendidikan", "didik"},
		{"anaknya", "anak"},
		{"bukunya", "buku"},
		{"sekolah", "seko"},
		{"apakah", "apa"},
		{"anak", "anak"},
		{"mereka", "reka"},
		{"perlindungan", "lindung"},
		{"dilindungi", "lindung"},
		{"menyanyi", "sanyi"},
		{"bullying", "bullying"},
		{"2025", "2025"},
		{"dipermainkan", "main"},
		{"diberada", "berada"},
		{"dibekerja", "bekerja"},
		{"keberadaan", "ada"},
		{"mempelajari", "ajar"},
		{"memperlihatkan", "lihat"},
		{"ketidakadilan", "tidakadil"},
	} {
		if got := Stem(c.in); got != c.want {
			t.Errorf("Stem(%q) = %q, want %q", c.in, got, c.want)
		}
	}
}
