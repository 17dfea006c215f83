package reach_test

import (
	"bytes"
	"encoding/csv"
	"encoding/json"
	"os"
	"reflect"
	"strings"
	"testing"
	"testing/fstest"

	"github.com/dinsos-metro/warta/internal/sitetest"
)

func fixture(t testing.TB) fstest.MapFS {
	t.Helper()
	b, err := os.ReadFile("testdata/sites/reach.txtar")
	if err != nil {
		t.Fatal(err)
	}
	return sitetest.Files(string(b))
}

// golden are the files the golden test compares: the reach pages, one
// school, the data files, and the blocks reach adds to other pages.
func golden(name string) bool {
	switch {
	case strings.HasPrefix(name, "jangkauan/"), strings.HasPrefix(name, "data/"),
		name == "sekolah/tk-negeri-1-metro-pusat/index.html", name == "sekolah/smp-negeri-8-metro/index.html",
		name == "kecamatan/metro-pusat/index.html", name == "program/peksos-go-to-school/index.html":
		return true
	}
	return false
}

// TestGoldenReach builds testdata/sites/reach.txtar and compares the
// reach's pages and files with testdata/golden/reach/. Rewrite them after
// an intended change with go test ./internal/reach -run TestGolden -update
func TestGoldenReach(t *testing.T) {
	s := sitetest.Build(t, fixture(t), sitetest.Options{NoMinify: true})
	s.AssertOK(t)
	s.AssertGolden(t, "reach", golden)
	for _, name := range []string{"sekolah/sd-negeri-1-metro-pusat/index.html", "sekolah/tk-pertiwi-metro-timur/index.html"} {
		if !s.Has(name) {
			t.Errorf("%s missing: every school has a page", name)
		}
	}
	// Drafts and future reports are no visits; the home page links the reach.
	s.AssertFile(t, "index.html", `href="/jangkauan/"`, "4</strong>")
	s.AssertFile(t, "data/kunjungan.csv", "2025-09-10,sd-negeri-1-metro-pusat")
	s.AssertFile(t, "sitemap.xml", "<loc>https://dinsos.example.org/jangkauan/</loc>", "<loc>https://dinsos.example.org/sekolah/slb-negeri-metro/</loc>", "<loc>https://dinsos.example.org/data/</loc>")
	if strings.Contains(s.File(t, "data/kunjungan.csv"), "smp-negeri-8-metro") {
		t.Error("a draft or a future report counted as a visit")
	}
}

// TestWithoutSchools: a site without data/sekolah.yaml gets no reach pages
// and no reach block, and a report naming a school is an error.
func TestWithoutSchools(t *testing.T) {
	fsys := fixture(t)
	delete(fsys, "data/sekolah.yaml")
	s := sitetest.Build(t, fsys, sitetest.Options{})
	s.AssertFailed(t)
	got := strings.Join(s.Diagnostics(), "\n")
	if !strings.Contains(got, `content/berita/2025-07-29-tk-negeri-1.md:6: school "tk-negeri-1-metro-pusat" is not in data/sekolah.yaml; correct the key, or add`) {
		t.Errorf("want an error naming the school, got:\n%s", got)
	}
	for _, f := range []string{"content/berita/2025-09-10-dua-sekolah.md", "content/berita/2025-10-21-tk-lagi.md"} {
		delete(fsys, f)
	}
	for name := range fsys {
		if strings.HasPrefix(name, "content/") && strings.Contains(string(fsys[name].Data), "school") {
			fsys[name].Data = []byte(strings.NewReplacer("schools: [tk-negeri-1-metro-pusat]\n", "", "schools: [smp-negeri-8-metro]\n", "",
				"school: tk-negeri-1-metro-pusat\n", "", "school: slb-negeri-metro\n", "").Replace(string(fsys[name].Data)))
		}
	}
	s = sitetest.Build(t, fsys, sitetest.Options{})
	s.AssertOK(t)
	for _, name := range []string{"jangkauan/index.html", "data/kunjungan.csv", "data/index.html"} {
		s.AssertNoFile(t, name)
	}
	if strings.Contains(s.File(t, "index.html"), "/jangkauan/") {
		t.Error("the home page links a reach page that does not exist")
	}
}

// TestDataParsesBack reads the published CSV and JSON files back with
// encoding/csv and encoding/json: both hold the same rows, in the same
// column order, and the rows are the fixture's visits and schools.
func TestDataParsesBack(t *testing.T) {
	s := sitetest.Build(t, fixture(t), sitetest.Options{}) // minified, as published
	s.AssertOK(t)
	wantVisits := [][]string{
		{"tanggal", "kode_sekolah", "nama_sekolah", "npsn", "jenjang", "kecamatan", "kode_wilayah", "jenis", "judul", "url", "jumlah_sekolah", "anak", "guru", "orang_tua"},
		{"2025-07-29", "tk-negeri-1-metro-pusat", "TK Negeri 1 Metro Pusat", "10800001", "paud", "Metro Pusat", "18.72.01", "berita", "Peksos Go To School di TK Negeri 1 Metro Pusat", "https://dinsos.example.org/berita/tk-negeri-1/", "1", "60", "4", "20"},
		{"2025-09-10", "sd-negeri-1-metro-pusat", "SD Negeri 1 Metro Pusat", "", "sd", "Metro Pusat", "18.72.01", "berita", "Dua Sekolah di Metro Utara & Pusat", "https://dinsos.example.org/berita/dua-sekolah/", "2", "80", "", ""},
		{"2025-09-10", "sd-negeri-2-metro-utara", "SD Negeri 2 Metro Utara", "", "sd", "Metro Utara", "18.72.02", "berita", "Dua Sekolah di Metro Utara & Pusat", "https://dinsos.example.org/berita/dua-sekolah/", "2", "80", "", ""},
		{"2025-10-21", "tk-negeri-1-metro-pusat", "TK Negeri 1 Metro Pusat", "10800001", "paud", "Metro Pusat", "18.72.01", "berita", "Kembali ke TK Negeri 1 Metro Pusat", "https://dinsos.example.org/berita/tk-lagi/", "1", "", "", ""},
		{"2025-11-02", "slb-negeri-metro", "SLB Negeri Metro", "", "slb", "Metro Timur", "18.72.04", "galeri", "Foto SLB Negeri Metro", "https://dinsos.example.org/galeri/slb/", "1", "", "", ""},
	}
	checkTable(t, s, "kunjungan", wantVisits)
	schools := readCSV(t, s, "data/sekolah.csv")
	if len(schools) != 7 || strings.Join(schools[1], ",") != "tk-negeri-1-metro-pusat,TK Negeri 1 Metro Pusat,10800001,paud,Metro Pusat,18.72.01,Imopuro,-5.1131,105.3067,2,2025-07-29,2025-10-21,https://dinsos.example.org/sekolah/tk-negeri-1-metro-pusat/" {
		t.Errorf("sekolah.csv: got %q", schools)
	}
	checkTable(t, s, "sekolah", schools)
}

func readCSV(t *testing.T, s *sitetest.Site, name string) [][]string {
	t.Helper()
	rows, err := csv.NewReader(strings.NewReader(s.File(t, name))).ReadAll()
	if err != nil {
		t.Fatalf("%s: %v", name, err)
	}
	return rows
}

// checkTable compares name.csv with want and name.json with name.csv.
func checkTable(t *testing.T, s *sitetest.Site, name string, want [][]string) {
	t.Helper()
	got := readCSV(t, s, "data/"+name+".csv")
	if !reflect.DeepEqual(got, want) {
		t.Errorf("%s.csv:\n got %q\nwant %q", name, got, want)
	}
	raw := []byte(s.File(t, "data/"+name+".json"))
	var doc struct {
		Lisensi string
		Kolom   []struct{ Nama, Tipe, Keterangan string }
		Data    []json.RawMessage
	}
	if err := json.Unmarshal(raw, &doc); err != nil {
		t.Fatalf("%s.json: %v", name, err)
	}
	if doc.Lisensi != "CC BY 4.0" || len(doc.Kolom) != len(want[0]) {
		t.Errorf("%s.json: licence %q, %d columns", name, doc.Lisensi, len(doc.Kolom))
	}
	if len(doc.Data) != len(want)-1 {
		t.Fatalf("%s.json: %d rows, want %d", name, len(doc.Data), len(want)-1)
	}
	for i, msg := range doc.Data {
		// Keys in column order, values equal to the CSV's cells.
		dec := json.NewDecoder(bytes.NewReader(msg))
		dec.UseNumber()
		if _, err := dec.Token(); err != nil {
			t.Fatal(err)
		}
		for j := 0; dec.More(); j++ {
			key, _ := dec.Token()
			var v any
			if err := dec.Decode(&v); err != nil {
				t.Fatal(err)
			}
			cell := ""
			if v != nil {
				cell = strings.TrimSpace(strings.Trim(string(mustJSON(v)), `"`))
			}
			if key != want[0][j] || cell != want[i+1][j] {
				t.Errorf("%s.json row %d column %d: %v = %q, CSV has %s = %q", name, i+1, j, key, cell, want[0][j], want[i+1][j])
			}
		}
	}
}

func mustJSON(v any) []byte {
	if n, ok := v.(json.Number); ok {
		return []byte(n.String())
	}
	if s, ok := v.(string); ok {
		return []byte(s)
	}
	b, _ := json.Marshal(v)
	return b
}
