package diag

import (
	"bytes"
	"regexp"
	"strconv"
	"strings"
	"unicode/utf8"
)

// Messages of go.yaml.in/yaml/v3 that staff meet while writing YAML by
// hand (front matter, site.yaml, data/sekolah.yaml), said in plain words:
// YAMLProblem turns the problem of YAMLError into a Part, so that a
// message about a YAML file reads in one language, and names the fix.
const (
	YAMLFlowList     Code = "yaml-flow-list"
	YAMLFlowMap      Code = "yaml-flow-map"
	YAMLDash         Code = "yaml-dash"
	YAMLDashNoSpace  Code = "yaml-dash-no-space"
	YAMLKey          Code = "yaml-key"
	YAMLAfterQuote   Code = "yaml-after-quote"
	YAMLAfterBracket Code = "yaml-after-bracket"
	YAMLNode         Code = "yaml-node"
	YAMLColon        Code = "yaml-colon"
	YAMLColonInValue Code = "yaml-colon-in-value"
	YAMLColonNoSpace Code = "yaml-colon-no-space"
	YAMLNoColon      Code = "yaml-no-colon"
	YAMLBadStart     Code = "yaml-bad-start"
	YAMLUnclosed     Code = "yaml-unclosed-quote"
	YAMLEscape       Code = "yaml-escape"
	YAMLAnchor       Code = "yaml-anchor"
	YAMLTab          Code = "yaml-tab"
	YAMLControl      Code = "yaml-control"
	YAMLNotUTF8      Code = "yaml-not-utf8"
	YAMLSequenceBad  Code = "yaml-sequence-bad"
	YAMLKeyTwice     Code = "yaml-key-twice"

	// A value of the wrong kind, and the kinds of value a setting takes.
	YAMLWrongKind     Code = "yaml-wrong-kind"
	YAMLKindList      Code = "yaml-kind-list"
	YAMLKindMap       Code = "yaml-kind-map"
	YAMLKindWhole     Code = "yaml-kind-whole"
	YAMLKindWholeList Code = "yaml-kind-whole-list"
	YAMLKindBool      Code = "yaml-kind-bool"
	YAMLKindText      Code = "yaml-kind-text"
	YAMLKindMenu      Code = "yaml-kind-menu"
	YAMLKindMenuItem  Code = "yaml-kind-menu-item"
	YAMLKindOther     Code = "yaml-kind-other"
)

// yamlProblems are the library's problems (YAMLError's second result) by
// their exact words.
var yamlProblems = map[string]Code{
	"did not find expected ',' or ']'":                             YAMLFlowList,
	"did not find expected ',' or '}'":                             YAMLFlowMap,
	"did not find expected '-' indicator":                          YAMLDash,
	"did not find expected key":                                    YAMLKey,
	"did not find expected node content":                           YAMLNode,
	"mapping values are not allowed in this context":               YAMLColon,
	"could not find expected ':'":                                  YAMLNoColon,
	"found character that cannot start any token":                  YAMLBadStart,
	"found unexpected end of stream":                               YAMLUnclosed,
	"found unexpected document indicator":                          YAMLUnclosed,
	"found unknown escape character":                               YAMLEscape,
	"did not find expected alphabetic or numeric character":        YAMLAnchor,
	"found a tab character that violates indentation":              YAMLTab,
	"found a tab character where an indentation space is expected": YAMLTab,
	"control characters are not allowed":                           YAMLControl,
	"invalid leading UTF-8 octet":                                  YAMLNotUTF8,
	"invalid trailing UTF-8 octet":                                 YAMLNotUTF8,
	"incomplete UTF-8 octet sequence":                              YAMLNotUTF8,
	"invalid length of a UTF-8 sequence":                           YAMLNotUTF8,
	"invalid Unicode character":                                    YAMLNotUTF8,
	"block sequence entries are not allowed in this context":       YAMLSequenceBad,
}

// unknownAnchor is the decoder's word for *name with no &name: staff
// meet it as a value starting with *, like *Penting* in a title.
var unknownAnchor = regexp.MustCompile(`^unknown anchor '(.*)' referenced$`)

// keyTwice is the decoder's word for a key written twice in a mapping
// (it quotes the key the way Go does).
var keyTwice = regexp.MustCompile(`^mapping key ("(?:[^"\\]|\\.)*") already defined at line (\d+)$`)

// YAMLProblem is a problem of YAMLError as a value for a message: a Part
// for the problems staff commonly make, else the library's own words.
func YAMLProblem(problem string) any {
	if code, ok := yamlProblems[problem]; ok {
		return P(code)
	}
	if unknownAnchor.MatchString(problem) {
		return P(YAMLAnchor)
	}
	if m := keyTwice.FindStringSubmatch(problem); m != nil {
		key, err := strconv.Unquote(m[1])
		line, _ := strconv.Atoi(m[2])
		if err == nil {
			return P(YAMLKeyTwice, key, line)
		}
	}
	return problem
}

// YAMLProblemAt is YAMLProblem for a problem found on line (1-based) of
// src: the library words some common mistakes like others, and the line
// tells them apart, so that the message can show the line as it should be.
func YAMLProblemAt(problem string, src []byte, line int) any {
	p := YAMLProblem(problem)
	part, ok := p.(Part)
	if !ok {
		return p
	}
	text := strings.TrimSpace(lineOf(src, line))
	if part.Code == YAMLNoColon || part.Code == YAMLColon {
		// "-item": a list item without its space reads as text, followed
		// by more text or by a colon inside it; so does "title:Judul".
		if len(text) > 1 && text[0] == '-' && text[1] != ' ' && text[1] != '-' {
			return P(YAMLDashNoSpace, "- "+text[1:], text)
		}
		if m := noSpace.FindStringSubmatch(text); m != nil {
			return P(YAMLColonNoSpace, m[1]+": "+m[2], text)
		}
	}
	switch part.Code {
	case YAMLKey:
		// title: "Kata "kutip"": text after the closing quote.
		if key, value, ok := field(text); ok && afterQuote(value) {
			if len(value) > 1 && value[len(value)-1] == value[0] {
				value = value[1 : len(value)-1]
			}
			return P(YAMLAfterQuote, key+": "+quoteYAML(value))
		}
		// title: [Berita] Kunjungan: text after the closing bracket.
		if key, value, ok := field(text); ok && afterBracket(value) {
			return P(YAMLAfterBracket, key+": "+quoteYAML(value))
		}
	case YAMLColon:
		// title: Judul: Sub
		if key, value, ok := field(text); ok && value[0] != '"' && value[0] != '\'' &&
			(strings.Contains(value, ": ") || strings.HasSuffix(value, ":")) {
			return P(YAMLColonInValue, key+": "+quoteYAML(value))
		}
	}
	return p
}

// noSpace matches "title:Judul", a field without the space after its
// colon, which YAML reads as text rather than as a field.
var noSpace = regexp.MustCompile(`^([\p{L}\p{N}_-]+):([^\s:/].*)$`)

// fieldLine matches "key: value" with a plain key.
var fieldLine = regexp.MustCompile(`^(?:- )?([\p{L}\p{N}_-]+):\s+(\S.*)$`)

// field splits a line "key: value" (or "- key: value").
func field(text string) (key, value string, ok bool) {
	m := fieldLine.FindStringSubmatch(text)
	if m == nil {
		return "", "", false
	}
	return m[1], strings.TrimSpace(m[2]), true
}

// afterQuote reports whether a quoted value goes on after its closing
// quote (other than with a comment).
func afterQuote(value string) bool {
	q := value[0]
	if q != '"' && q != '\'' {
		return false
	}
	for i := 1; i < len(value); i++ {
		switch {
		case q == '"' && value[i] == '\\':
			i++ // an escape, \" among them
		case value[i] == q && q == '\'' && i+1 < len(value) && value[i+1] == q:
			i++ // '' is a quote inside single quotes
		case value[i] == q:
			rest := strings.TrimSpace(value[i+1:])
			return rest != "" && rest[0] != '#'
		}
	}
	return false
}

// afterBracket reports whether a value starting with [ or { goes on
// after its closing bracket, as in "[Berita] Kunjungan".
func afterBracket(value string) bool {
	if value[0] != '[' && value[0] != '{' {
		return false
	}
	depth := 0
	for i, c := range value {
		switch c {
		case '[', '{':
			depth++
		case ']', '}':
			if depth--; depth == 0 {
				rest := strings.TrimSpace(value[i+1:])
				return rest != "" && rest[0] != '#' && rest[0] != ','
			}
		}
	}
	return false
}

// quoteYAML writes s as a quoted YAML value: in double quotes, or in
// single quotes when s holds a double quote or a backslash (which double
// quotes would read as an escape).
func quoteYAML(s string) string {
	if !strings.ContainsAny(s, `"\`) {
		return `"` + s + `"`
	}
	return "'" + strings.ReplaceAll(s, "'", "''") + "'"
}

// lineOf is line n (1-based) of src, without its line end; "" past the end.
func lineOf(src []byte, n int) string {
	for i := 1; len(src) > 0; i++ {
		l, rest, _ := bytes.Cut(src, []byte("\n"))
		if i == n {
			return strings.TrimSuffix(strings.TrimPrefix(string(l), "\ufeff"), "\r")
		}
		src = rest
	}
	return ""
}

// YAMLErrorAt is YAMLError for a message about src, with the line made
// true where the library gives none or a wrong one: a problem on the
// first line (the library leaves out line 0), a quote opened on the first
// line and never closed (the library names the end of the text), and
// problems of the characters themselves or of a *name, which it reports
// without a position. Line is at least 1.
func YAMLErrorAt(msg string, src []byte) (line int, problem string) {
	line, problem = YAMLError(msg)
	switch code := yamlProblems[problem]; {
	case code == YAMLNotUTF8 || code == YAMLControl:
		if at := badCharacter(src, code); at >= 0 {
			line = bytes.Count(src[:at], []byte("\n")) + 1
		}
	case unknownAnchor.MatchString(problem):
		name := unknownAnchor.FindStringSubmatch(problem)[1]
		if at := bytes.Index(src, []byte("*"+name)); at >= 0 {
			line = bytes.Count(src[:at], []byte("\n")) + 1
		}
	case code == YAMLUnclosed:
		// The library names the quote's line unless it is the first; then
		// it names where the text ends: its end, or a line --- or ....
		if end := lineOf(src, line); line > bytes.Count(src, []byte("\n")) ||
			strings.HasPrefix(end, "---") || strings.HasPrefix(end, "...") {
			line = 1
		}
	case code == YAMLFlowList || code == YAMLFlowMap:
		// The library names the line of the [ or {, unless it is the first.
		if opener := map[Code]string{YAMLFlowList: "[", YAMLFlowMap: "{"}[code]; !strings.Contains(lineOf(src, line), opener) {
			line = 1
		}
	case code == YAMLColon:
		// "title:Judul" is text that runs on into the next line, and the
		// library names that line.
		if line > 1 && !noSpace.MatchString(strings.TrimSpace(lineOf(src, line))) &&
			noSpace.MatchString(strings.TrimSpace(lineOf(src, line-1))) {
			line--
		}
	case code == YAMLTab:
		// The library may name the line of the block the tab is in.
		lines := strings.Split(string(src), "\n")
		for n := max(line, 1); n <= len(lines); n++ {
			l := lines[n-1]
			if indent := l[:len(l)-len(strings.TrimLeft(l, " \t"))]; strings.Contains(indent, "\t") {
				line = n
				break
			}
		}
	}
	return max(line, 1), problem
}

// badCharacter is the offset of the first byte that is not UTF-8 (code
// YAMLNotUTF8) or not a character YAML allows in a file, -1 if none.
func badCharacter(src []byte, code Code) int {
	for i := 0; i < len(src); {
		r, n := utf8.DecodeRune(src[i:])
		if r == utf8.RuneError && n <= 1 {
			if code == YAMLNotUTF8 {
				return i
			}
		} else if code == YAMLControl && !yamlPrintable(r) {
			return i
		}
		i += n
	}
	return -1
}

// yamlPrintable is the YAML 1.1 set of characters a file may hold, as the
// library's reader checks it.
func yamlPrintable(r rune) bool {
	return r == 0x09 || r == 0x0A || r == 0x0D || (r >= 0x20 && r <= 0x7E) || r == 0x85 ||
		(r >= 0xA0 && r <= 0xD7FF) || (r >= 0xE000 && r <= 0xFFFD) || (r >= 0x10000 && r <= 0x10FFFF)
}

func init() {
	register(messages{
		YAMLFlowList: {"a list opened with [ is not closed with ], or a comma is missing between its items",
			"daftar yang dibuka dengan [ tidak ditutup dengan ], atau ada koma yang kurang di antara isiannya"},
		YAMLFlowMap: {"a group of fields opened with { is not closed with }, or a comma is missing between its fields",
			"kelompok isian yang dibuka dengan { tidak ditutup dengan }, atau ada koma yang kurang di antara isiannya"},
		YAMLDash: {"a line near here is not lined up with the list items (- ...) above it; start it with as many spaces as they have",
			"sebuah baris di sekitar sini tidak sejajar dengan butir daftar (- ...) di atasnya; awali dengan spasi yang sama banyak"},
		YAMLDashNoSpace: {"a list item needs a space after its dash: write %q, not %q",
			"butir daftar memerlukan spasi setelah tanda -: tulis %q, bukan %q"},
		YAMLKey: {"a line near here is not lined up with the fields above it; start it with as many spaces as they have",
			"sebuah baris di sekitar sini tidak sejajar dengan isian di atasnya; awali dengan spasi yang sama banyak"},
		YAMLAfterQuote: {"the value goes on after its closing quote mark; put the whole value in quotes, and use single quotes (') around a value that holds double quotes (\"), like this: %s",
			"nilainya berlanjut setelah tanda kutip penutup; apit seluruh nilai dengan tanda kutip, dan pakai tanda kutip tunggal (') untuk nilai yang memuat tanda kutip ganda (\"), seperti ini: %s"},
		YAMLAfterBracket: {"a value that starts with [ or { is read as a list or a group of fields, and this one goes on after its closing bracket; put the whole value in quotes, like this: %s",
			"nilai yang diawali [ atau { dibaca sebagai daftar atau kelompok isian, dan nilai ini berlanjut setelah kurung penutupnya; apit seluruh nilai dengan tanda kutip, seperti ini: %s"},
		YAMLNode: {"a value is missing here: two commas in a row, a comma at the end, or a [ not closed with ]",
			"ada nilai yang hilang di sini: koma ganda, koma di akhir, atau [ yang tidak ditutup dengan ]"},
		YAMLColon: {"there is an unexpected colon (:), or this line is indented further than the field above it; if the value holds a colon, put the value in quotes",
			"ada titik dua (:) yang tidak terduga, atau baris ini menjorok lebih dalam dari isian di atasnya; bila nilainya memuat titik dua, apit nilainya dengan tanda kutip"},
		YAMLColonInValue: {"the value holds a colon (:), which starts a new field; put the whole value in quotes, like this: %s",
			"nilainya memuat titik dua (:), yang menandai isian baru; apit seluruh nilai dengan tanda kutip, seperti ini: %s"},
		YAMLColonNoSpace: {"a field needs a space after its colon: write %q, not %q",
			"isian memerlukan spasi setelah titik dua: tulis %q, bukan %q"},
		YAMLNoColon: {"this line is not written as name: value; add a colon after the field's name, or join the line to the one above",
			"baris ini tidak berbentuk nama: nilai; tambahkan titik dua setelah nama isian, atau gabungkan dengan baris di atasnya"},
		YAMLBadStart: {"a value starts with a sign that cannot start one (like @, ` or a tab); put the value in quotes, and indent with spaces, not tabs",
			"ada tanda yang tidak boleh mengawali nilai (seperti @, ` atau tab); apit nilainya dengan tanda kutip, dan menjoroklah dengan spasi, bukan tab"},
		YAMLUnclosed: {"a value opened with a quote mark is never closed; add the closing quote mark at the end of the value",
			"nilai yang dibuka dengan tanda kutip tidak pernah ditutup; tambahkan tanda kutip penutup di akhir nilainya"},
		YAMLEscape: {"there is a backslash (\\) inside double quotes; use single quotes ' instead",
			"ada garis miring terbalik (\\) di dalam tanda kutip ganda; pakai tanda kutip tunggal ' sebagai gantinya"},
		YAMLAnchor: {"a value cannot start with & or * (they mean something else in YAML); if the sign is part of the text, put the value in quotes",
			"nilai tidak boleh diawali & atau * (keduanya punya arti lain dalam YAML); bila tanda itu bagian dari teks, apit nilainya dengan tanda kutip"},
		YAMLTab: {"this line is indented with a tab; indent with spaces",
			"baris ini menjorok dengan tab; pakai spasi, bukan tab"},
		YAMLControl: {"the file holds an invisible control character on this line; type the line again",
			"berkas memuat karakter kendali yang tidak terlihat di baris ini; ketik ulang baris itu"},
		YAMLNotUTF8: {"the file is not UTF-8 text; save it again with UTF-8 encoding",
			"berkas bukan teks UTF-8; simpan ulang dengan pengodean UTF-8"},
		YAMLSequenceBad: {"a dash (list item) cannot be here; write each item on a line of its own under the field's name, or put the value in quotes",
			"tanda - (butir daftar) tidak boleh berada di sini; tulis setiap butir di baris baru di bawah nama isiannya, atau apit nilainya dengan tanda kutip"},
		YAMLKeyTwice: {"%q is written twice (first on line %d); keep one",
			"%q ditulis dua kali (pertama di baris %d); sisakan satu"},
		YAMLWrongKind: {"%s is not the right kind of value here; write %s",
			"%s bukan jenis nilai yang tepat di sini; tulis %s"},
		YAMLKindList:      {"a list", "daftar"},
		YAMLKindMap:       {"a group of fields", "kelompok isian"},
		YAMLKindWhole:     {"a whole number", "bilangan bulat"},
		YAMLKindWholeList: {"a list of whole numbers", "daftar bilangan bulat"},
		YAMLKindBool:      {"true or false", "true atau false"},
		YAMLKindText:      {"text", "teks"},
		YAMLKindMenu:      {"a list of {title, url}", "daftar {title, url}"},
		YAMLKindMenuItem:  {"an entry like {title: Berita, url: /berita/}", "isian seperti {title: Berita, url: /berita/}"},
		YAMLKindOther: {"a value of the kind the README shows for this setting",
			"nilai berjenis seperti yang ditunjukkan README untuk pengaturan ini"},
	})
}
