package diag

import (
	"testing"

	"go.yaml.in/yaml/v3"
)

// Every problem YAMLProblem translates is one the library gives, in its
// exact words (a library upgrade that rewords one fails here), and each
// reads in Indonesian.
func TestYAMLProblem(t *testing.T) {
	inputs := map[string]Code{
		"a: [x, y\n":                    YAMLFlowList,
		"a: {x: 1\n":                    YAMLFlowMap,
		"a:\n  - x\n  y: 2\n":           YAMLDash,
		"a: 1\n- b\n":                   YAMLKey,
		"a: [x, , y]\n":                 YAMLNode,
		"title: Judul: dua titik dua\n": YAMLColon,
		"a: 1\nb\n":                     YAMLNoColon,
		"a: @x\n":                       YAMLBadStart,
		"a: \"x\n":                      YAMLUnclosed,
		"a: \"x\n---\nb: 1\n":           YAMLUnclosed,
		"a: \"C:\\dokumen\"\n":          YAMLEscape,
		"a: *\n":                        YAMLAnchor,
		"title: *Penting* hari ini\n":   YAMLAnchor,
		"a:\n  b: 1\n\tc: 2\n":          YAMLTab,
		"a: \x01\n":                     YAMLControl,
		"a: \xff\n":                     YAMLNotUTF8,
		"a: - b\n":                      YAMLSequenceBad,
	}
	seen := map[Code]bool{}
	for in, code := range inputs {
		var n yaml.Node
		err := yaml.Unmarshal([]byte(in), &n)
		if err == nil {
			t.Errorf("%s: %q parses", code, in)
			continue
		}
		_, problem := YAMLError(err.Error())
		p, ok := YAMLProblem(problem).(Part)
		if !ok || p.Code != code {
			t.Errorf("%q: yaml says %q, which YAMLProblem makes %#v; want %s", in, problem, YAMLProblem(problem), code)
		}
		seen[code] = true
	}
	for problem, code := range yamlProblems {
		if !seen[code] {
			t.Errorf("%s (%q) has no input here", code, problem)
		}
	}
	if got, want := New("data/sekolah.yaml", 2, SchoolsSyntax, YAMLProblem("did not find expected ',' or ']'")).Message("id"),
		"data/sekolah.yaml bukan YAML yang valid: daftar yang dibuka dengan [ tidak ditutup dengan ], atau ada koma yang kurang di antara isiannya"; got != want {
		t.Errorf("id: %s\nwant %s", got, want)
	}
	if got := YAMLProblem("found unknown directive name"); got != "found unknown directive name" {
		t.Errorf("a problem without words of its own: %v", got)
	}
}

// The mistakes staff make most, from the library's error to the line and
// the words they read: where the library's line is wrong or missing, and
// where one library problem is several mistakes with different fixes.
func TestYAMLProblemAt(t *testing.T) {
	for _, tc := range []struct {
		name, src string
		line      int
		en, id    string
	}{
		{"a colon in a title", "title: Judul: Sub\ndate: 2025-07-29\n", 1,
			`the value holds a colon (:), which starts a new field; put the whole value in quotes, like this: title: "Judul: Sub"`,
			`nilainya memuat titik dua (:), yang menandai isian baru; apit seluruh nilai dengan tanda kutip, seperti ini: title: "Judul: Sub"`},
		{"a colon and quotes in a value", "title: Judul\nsummary: Kata: \"kutip\"\n", 2,
			`the value holds a colon (:), which starts a new field; put the whole value in quotes, like this: summary: 'Kata: "kutip"'`,
			`nilainya memuat titik dua (:), yang menandai isian baru; apit seluruh nilai dengan tanda kutip, seperti ini: summary: 'Kata: "kutip"'`},
		{"a line indented too far", "title: Judul\n  date: 2025-07-29\n", 2,
			"there is an unexpected colon (:), or this line is indented further than the field above it; if the value holds a colon, put the value in quotes",
			"ada titik dua (:) yang tidak terduga, atau baris ini menjorok lebih dalam dari isian di atasnya; bila nilainya memuat titik dua, apit nilainya dengan tanda kutip"},
		{"quotes inside quotes", "title: Judul\nsummary: \"Program \"Sekolah Ramah Anak\" dimulai\"\n", 2,
			`the value goes on after its closing quote mark; put the whole value in quotes, and use single quotes (') around a value that holds double quotes ("), like this: summary: 'Program "Sekolah Ramah Anak" dimulai'`,
			`nilainya berlanjut setelah tanda kutip penutup; apit seluruh nilai dengan tanda kutip, dan pakai tanda kutip tunggal (') untuk nilai yang memuat tanda kutip ganda ("), seperti ini: summary: 'Program "Sekolah Ramah Anak" dimulai'`},
		{"an apostrophe in single quotes", "title: 'Hari Anak's'\n", 1,
			`the value goes on after its closing quote mark; put the whole value in quotes, and use single quotes (') around a value that holds double quotes ("), like this: title: "Hari Anak's"`,
			`nilainya berlanjut setelah tanda kutip penutup; apit seluruh nilai dengan tanda kutip, dan pakai tanda kutip tunggal (') untuk nilai yang memuat tanda kutip ganda ("), seperti ini: title: "Hari Anak's"`},
		{"a list item without its space", "title: Judul\ntags:\n-parenting\n-paud\n", 3,
			`a list item needs a space after its dash: write "- parenting", not "-parenting"`,
			`butir daftar memerlukan spasi setelah tanda -: tulis "- parenting", bukan "-parenting"`},
		{"no space after the colon, then a field", "title:Judul\ndate: 2025-07-29\n", 1,
			`a field needs a space after its colon: write "title: Judul", not "title:Judul"`,
			`isian memerlukan spasi setelah titik dua: tulis "title: Judul", bukan "title:Judul"`},
		{"no space after the colon, after a field", "date: 2025-07-29\ntitle:Judul\n", 2,
			`a field needs a space after its colon: write "title: Judul", not "title:Judul"`,
			`isian memerlukan spasi setelah titik dua: tulis "title: Judul", bukan "title:Judul"`},
		{"a title starting with a bracket", "date: 2025-07-29\ntitle: [Berita] Kunjungan\n", 2,
			`a value that starts with [ or { is read as a list or a group of fields, and this one goes on after its closing bracket; put the whole value in quotes, like this: title: "[Berita] Kunjungan"`,
			`nilai yang diawali [ atau { dibaca sebagai daftar atau kelompok isian, dan nilai ini berlanjut setelah kurung penutupnya; apit seluruh nilai dengan tanda kutip, seperti ini: title: "[Berita] Kunjungan"`},
		// The library names the line after a list opened on the first line.
		{"a list never closed, first line", "tags: [parenting, paud\ndate: 2025-07-29\n", 1,
			"a list opened with [ is not closed with ], or a comma is missing between its items",
			"daftar yang dibuka dengan [ tidak ditutup dengan ], atau ada koma yang kurang di antara isiannya"},
		{"a list never closed, later line", "date: 2025-07-29\ntags: [parenting, paud\nsummary: x\n", 2,
			"a list opened with [ is not closed with ], or a comma is missing between its items",
			"daftar yang dibuka dengan [ tidak ditutup dengan ], atau ada koma yang kurang di antara isiannya"},
		{"a line without its colon", "title: Judul\ndate 2025-07-29\n", 2,
			"this line is not written as name: value; add a colon after the field's name, or join the line to the one above",
			"baris ini tidak berbentuk nama: nilai; tambahkan titik dua setelah nama isian, atau gabungkan dengan baris di atasnya"},
		// The library names the end of the text for a quote opened on
		// the first line, the quote's line for any other.
		{"a quote never closed, first line", "title: \"Judul\ndate: 2025-07-29\n", 1,
			"a value opened with a quote mark is never closed; add the closing quote mark at the end of the value",
			"nilai yang dibuka dengan tanda kutip tidak pernah ditutup; tambahkan tanda kutip penutup di akhir nilainya"},
		{"a quote never closed before a line ---", "title: \"Judul\ndate: 2025-07-29\n---\nx: 1\n", 1,
			"a value opened with a quote mark is never closed; add the closing quote mark at the end of the value",
			"nilai yang dibuka dengan tanda kutip tidak pernah ditutup; tambahkan tanda kutip penutup di akhir nilainya"},
		{"a tab inside a group of fields", "title: Judul\ndepartment:\n  name: Dinas\n\taddress: Jl. Merdeka\n", 4,
			"this line is indented with a tab; indent with spaces",
			"baris ini menjorok dengan tab; pakai spasi, bukan tab"},
		{"a quote never closed, later line", "date: 2025-07-29\ntitle: 'Judul\nsummary: x\n", 2,
			"a value opened with a quote mark is never closed; add the closing quote mark at the end of the value",
			"nilai yang dibuka dengan tanda kutip tidak pernah ditutup; tambahkan tanda kutip penutup di akhir nilainya"},
		{"a tab before a list item", "title: Judul\ntags:\n\t- a\n", 3,
			"a value starts with a sign that cannot start one (like @, ` or a tab); put the value in quotes, and indent with spaces, not tabs",
			"ada tanda yang tidak boleh mengawali nilai (seperti @, ` atau tab); apit nilainya dengan tanda kutip, dan menjoroklah dengan spasi, bukan tab"},
		{"a tab before a field", "title: Judul\n\tdate: 2025-07-29\n", 2,
			"this line is indented with a tab; indent with spaces",
			"baris ini menjorok dengan tab; pakai spasi, bukan tab"},
		// Reported by the library without a line.
		{"a control character", "title: Judul\nsummary: a\x08b\n", 2,
			"the file holds an invisible control character on this line; type the line again",
			"berkas memuat karakter kendali yang tidak terlihat di baris ini; ketik ulang baris itu"},
		{"not UTF-8", "title: Judul\nsummary: caf\xe9\n", 2,
			"the file is not UTF-8 text; save it again with UTF-8 encoding",
			"berkas bukan teks UTF-8; simpan ulang dengan pengodean UTF-8"},
		{"a star as in Markdown", "title: Judul\nsummary: *Penting* hari ini\n", 2,
			"a value cannot start with & or * (they mean something else in YAML); if the sign is part of the text, put the value in quotes",
			"nilai tidak boleh diawali & atau * (keduanya punya arti lain dalam YAML); bila tanda itu bagian dari teks, apit nilainya dengan tanda kutip"},
		// A line lined up wrong inside a list: the library names the line
		// the item starts on, which holds nothing wrong itself.
		{"a field of a list item lined up wrong", "photos:\n  - file: \"a.jpg\"\n  caption: Anak\n", 2,
			"a line near here is not lined up with the list items (- ...) above it; start it with as many spaces as they have",
			"sebuah baris di sekitar sini tidak sejajar dengan butir daftar (- ...) di atasnya; awali dengan spasi yang sama banyak"},
		{"a CRLF file", "title: \"Judul\" Sub\r\n", 1,
			`the value goes on after its closing quote mark; put the whole value in quotes, and use single quotes (') around a value that holds double quotes ("), like this: title: '"Judul" Sub'`,
			`nilainya berlanjut setelah tanda kutip penutup; apit seluruh nilai dengan tanda kutip, dan pakai tanda kutip tunggal (') untuk nilai yang memuat tanda kutip ganda ("), seperti ini: title: '"Judul" Sub'`},
	} {
		var n yaml.Node
		err := yaml.Unmarshal([]byte(tc.src), &n)
		if err == nil {
			t.Errorf("%s: parses", tc.name)
			continue
		}
		line, problem := YAMLErrorAt(err.Error(), []byte(tc.src))
		p := YAMLProblemAt(problem, []byte(tc.src), line)
		part, ok := p.(Part)
		if !ok {
			t.Errorf("%s: %q has no words of its own", tc.name, problem)
			continue
		}
		if line != tc.line {
			t.Errorf("%s: line %d, want %d (yaml: %v)", tc.name, line, tc.line, err)
		}
		if got := part.Message("en"); got != tc.en {
			t.Errorf("%s, en:\n got %s\nwant %s", tc.name, got, tc.en)
		}
		if got := part.Message("id"); got != tc.id {
			t.Errorf("%s, id:\n got %s\nwant %s", tc.name, got, tc.id)
		}
	}
}

// Every fix YAMLProblemAt shows is YAML that reads back as the value
// staff meant.
func TestYAMLFixesParse(t *testing.T) {
	for value, want := range map[string]string{
		"Judul: Sub":                   `"Judul: Sub"`,
		`Program "Sekolah Ramah Anak"`: `'Program "Sekolah Ramah Anak"'`,
		`C:\dokumen`:                   `'C:\dokumen'`,
		`Anak's "hari"`:                `'Anak''s "hari"'`,
	} {
		got := quoteYAML(value)
		if got != want {
			t.Errorf("quoteYAML(%q) = %s, want %s", value, got, want)
		}
		var m map[string]string
		if err := yaml.Unmarshal([]byte("title: "+got+"\n"), &m); err != nil || m["title"] != value {
			t.Errorf("title: %s reads back as %q (%v), want %q", got, m["title"], err, value)
		}
	}
}
