package slug

import "testing"

func TestMake(t *testing.T) {
	for _, tc := range []struct{ in, want string }{
		{"Peksos Go To School di TK Negeri 1 Metro Pusat", "peksos-go-to-school-di-tk-negeri-1-metro-pusat"},
		{"Pendidikan Anak Usia Dini – Ceria", "pendidikan-anak-usia-dini-ceria"},
		{"Rapat Koordinasi: Dinas Sosial & Dinas Pendidikan", "rapat-koordinasi-dinas-sosial-dinas-pendidikan"},
		{"Kunjungan ke SD Negeri 5 (Metro Timur)", "kunjungan-ke-sd-negeri-5-metro-timur"},
		{"Anak-anak belajar, bermain & bernyanyi!", "anak-anak-belajar-bermain-bernyanyi"},
		{"Café Anak Ceria — édition spéciale", "cafe-anak-ceria-edition-speciale"},
		{"Über Straße", "uber-stra-e"}, // ß has no ASCII form: it separates like a space
		{"  --Spasi   dan---tanda--  ", "spasi-dan-tanda"},
		{"2025-07-29-peksos-tk", "2025-07-29-peksos-tk"},
		{"PAUD", "paud"},
		{"Hari Anak Nasional 2025", "hari-anak-nasional-2025"},
		{"modul_sd/emosi.md", "modul-sd-emosi-md"},
		{"", ""},
		{"???", ""},
		{"  ", ""},
		{"日本語", ""},
	} {
		if got := Make(tc.in); got != tc.want {
			t.Errorf("Make(%q) = %q, want %q", tc.in, got, tc.want)
		}
	}
}

func TestSplitDatePrefix(t *testing.T) {
	for _, tc := range []struct{ in, date, rest string }{
		{"2025-07-29-peksos-tk", "2025-07-29", "peksos-tk"},
		{"2025-07-29", "", "2025-07-29"},
		{"2025-7-29-x", "", "2025-7-29-x"},
		{"peksos-2025-07-29-tk", "", "peksos-2025-07-29-tk"},
		{"2025-07-29-", "2025-07-29", ""},
	} {
		date, rest := SplitDatePrefix(tc.in)
		if date != tc.date || rest != tc.rest {
			t.Errorf("SplitDatePrefix(%q) = %q, %q; want %q, %q", tc.in, date, rest, tc.date, tc.rest)
		}
	}
}
