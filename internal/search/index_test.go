package search

import (
	"slices"
	"strings"
	"testing"
)

func testDocs() []Doc {
	return []Doc{
		{URL: "berita/perundungan/", Title: "Sosialisasi anti perundungan di SMP Negeri 5", Kind: "news", Label: "Berita",
			Date: "12 Februari 2026", Summary: "Siswa belajar mengenali perundungan.", Fields: []string{"Metro Pusat"},
			Terms: Terms("Para siswa diajak mengenali bentuk kekerasan dan cara melapor.")},
		{URL: "berita/tk/", Title: "Peksos Go To School di TK Negeri 1", Kind: "news", Label: "Berita",
			Date: "29 Juli 2025", Summary: "Anak-anak belajar sentuhan aman.", Fields: []string{"Metro Timur"},
			Terms: Terms("Pekerja sosial mengajarkan lagu tentang bagian tubuh yang boleh disentuh.")},
		{URL: "modul/paud/sentuhan-aman/", Title: "Sentuhan Aman dan Tidak Aman", Kind: "module", Level: "paud", Label: "Modul · PAUD",
			Fields: []string{"sentuhan aman", "tubuh"}, Terms: Terms("Anak mengenali sentuhan yang membuatnya nyaman.")},
		{URL: "modul/sd/kekerasan/", Title: "Mengenal Bentuk Kekerasan", Kind: "module", Level: "sd", Label: "Modul · SD",
			Fields: []string{"kekerasan", "bullying"}, Terms: Terms("Kekerasan fisik, verbal dan perundungan daring.")},
		{URL: "galeri/tk/", Title: "Kunjungan ke TK Negeri 1", Kind: "gallery", Label: "Galeri", Date: "29 Juli 2025",
			Fields: []string{"Anak-anak menyanyikan lagu sentuhan"}},
		{URL: "tentang/", Title: "Tentang Kami", Kind: "page", Label: "Halaman", Terms: Terms("Dinas Sosial melindungi anak.")},
	}
}

func urls(res *Results) []string {
	var out []string
	for _, h := range res.Hits {
		out = append(out, h.URL)
	}
	return out
}

// TestRoundTrip builds an index and queries its files: word forms,
// accents and case, filters, prefixes while typing.
func TestRoundTrip(t *testing.T) {
	ix := Build(testDocs())
	r, err := Open(ix.Files)
	if err != nil {
		t.Fatal(err)
	}
	for _, c := range []struct {
		q, kind, level string
		want           []string
	}{
		// A word form finds the others: kekerasan, kekerasannya, keras.
		{"kekerasannya ", "", "", []string{"modul/sd/kekerasan/", "berita/perundungan/"}},
		// Title first, then the text.
		{"perundungan ", "", "", []string{"berita/perundungan/", "modul/sd/kekerasan/"}},
		// disentuh, sentuhan, menyentuh: one stem; case and accents do not matter.
		{"MENYÉNTUH ", "", "", []string{"modul/paud/sentuhan-aman/", "berita/tk/", "galeri/tk/"}},
		{"sentuhan aman ", "", "", []string{"modul/paud/sentuhan-aman/", "berita/tk/", "galeri/tk/"}},
		// Filters by kind and level.
		{"sentuhan ", "module", "", []string{"modul/paud/sentuhan-aman/"}},
		{"kekerasan ", "module", "sd", []string{"modul/sd/kekerasan/"}},
		{"kekerasan ", "", "paud", nil},
		{"sentuhan ", "gallery", "", []string{"galeri/tk/"}},
		// The last word is a prefix while it is being typed.
		{"bully", "", "", []string{"modul/sd/kekerasan/"}},
		{"bully ", "", "", nil},
		// Stop words alone find nothing.
		{"yang dan di", "", "", nil},
		{"melindungi", "", "", []string{"tentang/"}},
	} {
		res, err := r.Search(c.q, c.kind, c.level, 10)
		if err != nil {
			t.Fatal(err)
		}
		if got := urls(res); !slices.Equal(got, c.want) {
			t.Errorf("Search(%q, %q, %q) = %v, want %v", c.q, c.kind, c.level, got, c.want)
		}
	}
	res, _ := r.Search("perundungan", "", "", 1)
	if res.Total != 2 || len(res.Hits) != 1 || res.Hits[0].Title != "Sosialisasi anti perundungan di SMP Negeri 5" ||
		res.Hits[0].Label != "Berita" || res.Hits[0].Date != "12 Februari 2026" {
		t.Errorf("hit = %+v (of %d)", res.Hits, res.Total)
	}
}

func TestBuildIsDeterministic(t *testing.T) {
	a, b := Build(testDocs()), Build(testDocs())
	if a.Version != b.Version || len(a.Files) != len(b.Files) {
		t.Fatalf("two builds differ: %s %s", a.Version, b.Version)
	}
	for name, data := range a.Files {
		if string(b.Files[name]) != string(data) {
			t.Errorf("%s differs", name)
		}
	}
	docs := testDocs()
	docs[0].Title += " baru"
	if Build(docs).Version == a.Version {
		t.Error("a changed title kept the version")
	}
}

// TestFilesAreSafeScripts checks that text cannot end the script or the
// string it is in.
func TestFilesAreSafeScripts(t *testing.T) {
	docs := testDocs()
	docs[0].Title = `</script><script>alert("x")</script>`
	docs[0].Summary = "a\u2028b"
	ix := Build(docs)
	for name, data := range ix.Files {
		if strings.Contains(string(data), "</script") || strings.Contains(string(data), "\u2028") {
			t.Errorf("%s: %s", name, data)
		}
	}
}
