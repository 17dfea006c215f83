package reach

import (
	"bytes"
	"encoding/csv"
	"encoding/json"
	"strconv"
)

// The open data files: one table each, written as CSV (UTF-8, a header
// row, comma separated) and as JSON (the same columns, in the same order,
// under "data", with the file's metadata beside it). Dates are ISO 8601;
// an empty CSV cell is null in JSON. Column names and order are a
// promise to whoever reuses the files: add columns at the end, never
// rename or reorder them.

// Column describes one column of a data file.
type Column struct {
	Name string
	Type string // string, integer, number, date
	Desc map[string]string
}

// Table is a data file's columns and rows; a cell is a string, an int, a
// float64 or nil (no value).
type Table struct {
	Name    string // file name without extension: kunjungan, sekolah
	Columns []Column
	Rows    [][]any
}

func col(name, typ, id, en string) Column {
	return Column{name, typ, map[string]string{"id": id, "en": en}}
}

var visitColumns = []Column{
	col("tanggal", "date", "tanggal kunjungan (tanggal laporan)", "date of the visit (the report's date)"),
	col("kode_sekolah", "string", "kunci sekolah di data/sekolah.yaml; sama dengan kolom kode_sekolah di sekolah.csv", "the school's key in data/sekolah.yaml; matches kode_sekolah in sekolah.csv"),
	col("nama_sekolah", "string", "nama sekolah", "school name"),
	col("npsn", "string", "Nomor Pokok Sekolah Nasional, bila tercantum", "national school number, when known"),
	col("jenjang", "string", "jenjang: paud, sd, smp, sma, smk, slb", "level: paud, sd, smp, sma, smk, slb"),
	col("kecamatan", "string", "nama kecamatan", "kecamatan name"),
	col("kode_wilayah", "string", "kode wilayah kecamatan (Kemendagri)", "the kecamatan's region code (Ministry of Home Affairs)"),
	col("jenis", "string", "berita atau galeri: halaman yang mencatat kunjungan", "berita (news) or galeri (gallery): the page recording the visit"),
	col("judul", "string", "judul halaman", "title of the page"),
	col("url", "string", "alamat halaman", "address of the page"),
	col("jumlah_sekolah", "integer", "banyaknya sekolah yang disebut halaman itu", "how many schools the page names"),
	col("anak", "integer", "jumlah anak peserta menurut laporan (milik laporan, bukan per sekolah)", "children taking part, the report's total (not per school)"),
	col("guru", "integer", "jumlah guru peserta menurut laporan", "teachers taking part, the report's total"),
	col("orang_tua", "integer", "jumlah orang tua peserta menurut laporan", "parents taking part, the report's total"),
}

var schoolColumns = []Column{
	col("kode_sekolah", "string", "kunci sekolah di data/sekolah.yaml (juga alamat halamannya)", "the school's key in data/sekolah.yaml (also its page's address)"),
	col("nama_sekolah", "string", "nama sekolah", "school name"),
	col("npsn", "string", "Nomor Pokok Sekolah Nasional, bila tercantum", "national school number, when known"),
	col("jenjang", "string", "jenjang: paud, sd, smp, sma, smk, slb", "level: paud, sd, smp, sma, smk, slb"),
	col("kecamatan", "string", "nama kecamatan", "kecamatan name"),
	col("kode_wilayah", "string", "kode wilayah kecamatan (Kemendagri)", "the kecamatan's region code (Ministry of Home Affairs)"),
	col("kelurahan", "string", "nama kelurahan", "kelurahan name"),
	col("lintang", "number", "garis lintang, derajat desimal (WGS 84), bila tercantum", "latitude, decimal degrees (WGS 84), when known"),
	col("bujur", "number", "garis bujur, derajat desimal (WGS 84), bila tercantum", "longitude, decimal degrees (WGS 84), when known"),
	col("jumlah_kunjungan", "integer", "banyaknya kunjungan", "number of visits"),
	col("kunjungan_pertama", "date", "tanggal kunjungan pertama", "date of the first visit"),
	col("kunjungan_terakhir", "date", "tanggal kunjungan terakhir", "date of the latest visit"),
	col("url", "string", "alamat halaman sekolah", "address of the school's page"),
}

// tables are the open data files of the reach; abs makes a site path an
// absolute URL.
func (r *Reach) tables(abs func(string) string) []Table {
	visits := Table{Name: "kunjungan", Columns: visitColumns}
	byKey := map[string][]Visit{}
	for _, v := range r.Visits {
		s := v.School
		kind := "berita"
		if v.Page.Gallery != nil {
			kind = "galeri"
		}
		row := []any{isoDate(v), s.Key, s.Name, opt(s.NPSN), s.Level, s.District, opt(r.code(s.District)),
			kind, v.Page.Title, abs(v.Page.URL), v.Shared, nil, nil, nil}
		if p := v.Participants; p != nil {
			for i, n := range []int{p.Children, p.Teachers, p.Parents} {
				if n >= 0 {
					row[11+i] = n
				}
			}
		}
		visits.Rows = append(visits.Rows, row)
		byKey[s.Key] = append(byKey[s.Key], v)
	}
	schools := Table{Name: "sekolah", Columns: schoolColumns}
	for _, s := range r.Schools {
		vs := byKey[s.Key]
		var first, last any
		if len(vs) > 0 {
			first, last = isoDate(vs[0]), isoDate(vs[len(vs)-1])
		}
		schools.Rows = append(schools.Rows, []any{s.Key, s.Name, opt(s.NPSN), s.Level, s.District, opt(r.code(s.District)),
			opt(s.Kelurahan), optFloat(s.Lat), optFloat(s.Lon), len(vs), first, last, abs(schoolURL(s.Key))})
	}
	return []Table{visits, schools}
}

func isoDate(v Visit) string { return v.Date.Format("2006-01-02") }

func opt(s string) any {
	if s == "" {
		return nil
	}
	return s
}

func optFloat(f *float64) any {
	if f == nil {
		return nil
	}
	return *f
}

func (r *Reach) code(district string) string {
	d, _ := r.Site.Config.District(district)
	return d.Code
}

// cell is a value as CSV writes it.
func cell(v any) string {
	switch x := v.(type) {
	case nil:
		return ""
	case string:
		return x
	case int:
		return strconv.Itoa(x)
	case float64:
		return strconv.FormatFloat(x, 'f', -1, 64)
	}
	panic("reach: cell of unknown type")
}

// CSV writes the table with its header row.
func (t Table) CSV() []byte {
	var b bytes.Buffer
	w := csv.NewWriter(&b)
	header := make([]string, len(t.Columns))
	for i, c := range t.Columns {
		header[i] = c.Name
	}
	w.Write(header)
	rec := make([]string, len(t.Columns))
	for _, row := range t.Rows {
		for i, v := range row {
			rec[i] = cell(v)
		}
		w.Write(rec)
	}
	w.Flush()
	return b.Bytes()
}

// columnMeta is a column as the JSON file describes it, keys in this order.
type columnMeta struct {
	Nama       string `json:"nama"`
	Tipe       string `json:"tipe"`
	Keterangan string `json:"keterangan"`
}

// Meta is what the JSON file says about itself.
type Meta struct {
	Title, Description, Publisher, Licence, LicenceURL, Source string
}

// JSON writes the table's metadata, columns and rows; each row is an
// object whose keys are the columns, in their order.
func (t Table) JSON(m Meta, lang string) []byte {
	var b bytes.Buffer
	put := func(v any) {
		out, err := json.Marshal(v)
		if err != nil {
			panic(err) // strings, numbers and nil only
		}
		b.Write(out)
	}
	b.WriteString("{\n")
	for _, kv := range [][2]string{{"judul", m.Title}, {"deskripsi", m.Description}, {"penerbit", m.Publisher},
		{"lisensi", m.Licence}, {"url_lisensi", m.LicenceURL}, {"sumber", m.Source}} {
		b.WriteString("  ")
		put(kv[0])
		b.WriteString(": ")
		put(kv[1])
		b.WriteString(",\n")
	}
	b.WriteString(`  "kolom": [`)
	for i, c := range t.Columns {
		if i > 0 {
			b.WriteString(",")
		}
		b.WriteString("\n    ")
		put(columnMeta{c.Name, c.Type, c.Desc[lang]})
	}
	b.WriteString("\n  ],\n  \"data\": [")
	for i, row := range t.Rows {
		if i > 0 {
			b.WriteString(",")
		}
		b.WriteString("\n    {")
		for j, v := range row {
			if j > 0 {
				b.WriteString(", ")
			}
			put(t.Columns[j].Name)
			b.WriteString(": ")
			put(v)
		}
		b.WriteString("}")
	}
	b.WriteString("\n  ]\n}\n")
	return b.Bytes()
}
