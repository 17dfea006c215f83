package diag

import (
	"regexp"
	"strconv"
	"strings"
)

// Messages of github.com/BurntSushi/toml and encoding/json for the
// mistakes people make in TOML (+++) and JSON front matter, which pages
// brought over from Hugo may have, said in plain words like the YAML ones
// (catalog_yaml.go): TOMLProblem and JSONProblem turn the library's words
// into a Part, or give them back as they are when they are not known.
const (
	TOMLNeedsQuotes   Code = "toml-needs-quotes"
	TOMLColon         Code = "toml-colon"
	TOMLNewline       Code = "toml-newline-in-text"
	TOMLKeyTwice      Code = "toml-key-twice"
	TOMLList          Code = "toml-list"
	TOMLDate          Code = "toml-date"
	TOMLAfterValue    Code = "toml-after-value"
	TOMLBlankKey      Code = "toml-blank-key"
	JSONTrailingComma Code = "json-trailing-comma"
	JSONKeyQuotes     Code = "json-key-quotes"
	JSONSingleQuotes  Code = "json-single-quotes"
	JSONMissingComma  Code = "json-missing-comma"
	JSONMissingColon  Code = "json-missing-colon"
	JSONUnclosed      Code = "json-unclosed"
	JSONNewline       Code = "json-newline-in-text"
)

var (
	tomlNeedsQuotes = regexp.MustCompile(`^expected value but found "(.*)" instead$`)
	tomlKeyTwice    = regexp.MustCompile(`^Key '(.*)' has already been defined\.$`)
	tomlDate        = regexp.MustCompile(`^invalid datetime: "(.*)"$`)
	jsonInvalid     = regexp.MustCompile(`^invalid character '(.+)' (.*)$`)
)

// TOMLProblemAt is a toml.ParseError's message about line (1-based) of
// src as a value for a message: a Part for the common mistakes, else the
// library's own words.
func TOMLProblemAt(msg string, src []byte, line int) any {
	switch {
	case tomlNeedsQuotes.MatchString(msg):
		// The library names only the first word of the text; the fix
		// quotes all of it.
		word := tomlNeedsQuotes.FindStringSubmatch(msg)[1]
		fix := strconv.Quote(word)
		if key, value, ok := strings.Cut(strings.TrimSpace(lineOf(src, line)), "="); ok && word != "" &&
			strings.HasPrefix(strings.TrimSpace(value), word) { // not inside a list: [a, b]
			fix = strings.TrimSpace(key) + " = " + strconv.Quote(strings.TrimSpace(value))
		}
		return P(TOMLNeedsQuotes, fix)
	case strings.HasPrefix(msg, "expected '.' or '=', but got ':'"):
		return P(TOMLColon)
	case msg == "strings cannot contain newlines":
		return P(TOMLNewline)
	case tomlKeyTwice.MatchString(msg):
		return P(TOMLKeyTwice, tomlKeyTwice.FindStringSubmatch(msg)[1])
	case strings.HasPrefix(msg, "expected a comma (',') or array terminator (']')"):
		return P(TOMLList)
	case tomlDate.MatchString(msg):
		return P(TOMLDate, tomlDate.FindStringSubmatch(msg)[1])
	case strings.HasPrefix(msg, "expected a top-level item to end with a newline"):
		return P(TOMLAfterValue)
	case strings.HasSuffix(msg, "key name appears blank"):
		return P(TOMLBlankKey)
	}
	return msg
}

// JSONProblem is an encoding/json error's text as a value for a message:
// a Part for the common mistakes, else the library's own words.
func JSONProblem(msg string) any {
	if msg == "unexpected EOF" || msg == "unexpected end of JSON input" {
		return P(JSONUnclosed)
	}
	m := jsonInvalid.FindStringSubmatch(msg)
	if m == nil {
		return msg
	}
	char, where := m[1], m[2]
	switch {
	case where == "in string literal" && char == `\n`:
		return P(JSONNewline)
	case char == `\'`:
		return P(JSONSingleQuotes)
	case (char == "}" && where == "looking for beginning of object key string") ||
		(char == "]" && where == "looking for beginning of value"):
		return P(JSONTrailingComma)
	case where == "looking for beginning of object key string":
		return P(JSONKeyQuotes)
	case where == "after object key":
		return P(JSONMissingColon)
	case where == "after object key:value pair" || where == "after array element":
		return P(JSONMissingComma)
	}
	return msg
}

func init() {
	register(messages{
		TOMLNeedsQuotes: {"text in TOML is written in double quotes: %s",
			"teks di TOML ditulis di dalam tanda kutip ganda: %s"},
		TOMLColon: {`TOML fields take = and not a colon, as title = "Judul"; a colon is YAML: then open and close the front matter with --- instead of +++`,
			`isian TOML memakai = dan bukan titik dua, seperti title = "Judul"; titik dua adalah YAML: bila begitu, buka dan tutup front matter dengan --- sebagai ganti +++`},
		TOMLNewline: {`a text in quotes must end on the same line: add the closing quote mark, or write text of several lines between """ and """`,
			`teks di dalam tanda kutip harus berakhir di baris yang sama: tambahkan tanda kutip penutup, atau tulis teks beberapa baris di antara """ dan """`},
		TOMLKeyTwice: {"%q is written twice; keep one of them",
			"%q ditulis dua kali; simpan salah satunya saja"},
		TOMLList: {"a list opened with [ is not closed with ], or a comma is missing between its items",
			"daftar yang dibuka dengan [ tidak ditutup dengan ], atau ada koma yang kurang di antara isiannya"},
		TOMLDate: {"%q is not a date; write it as 2025-07-23 or 2025-07-23T09:00:00+07:00",
			"%q bukan tanggal; tulis seperti 2025-07-23 atau 2025-07-23T09:00:00+07:00"},
		TOMLAfterValue: {"there is more after the value on this line; write one field per line, and text with spaces inside its quotes",
			"ada tulisan lain setelah nilai di baris ini; tulis satu isian per baris, dan teks berspasi di dalam tanda kutipnya"},
		TOMLBlankKey: {"a line starts with = and has no field name before it",
			"sebuah baris dimulai dengan = tanpa nama isian di depannya"},
		JSONTrailingComma: {"there is a comma after the last field or item; remove it",
			"ada koma setelah isian atau butir terakhir; hapus koma itu"},
		JSONKeyQuotes: {`field names in JSON are written in double quotes, as "title": "Judul"`,
			`nama isian di JSON ditulis di dalam tanda kutip ganda, seperti "title": "Judul"`},
		JSONSingleQuotes: {`text in JSON is written in double quotes "...", not single quotes`,
			`teks di JSON ditulis di dalam tanda kutip ganda "...", bukan tanda kutip tunggal`},
		JSONMissingComma: {"a comma is missing between two fields or two items (or a } or ] is missing before this)",
			"ada koma yang kurang di antara dua isian atau dua butir (atau } atau ] yang kurang sebelum ini)"},
		JSONMissingColon: {`a colon is missing after a field name, as in "title": "Judul"`,
			`titik dua kurang setelah nama isian, seperti "title": "Judul"`},
		JSONUnclosed: {"a { or [ or a quote mark is opened and never closed",
			"ada { atau [ atau tanda kutip yang dibuka dan tidak pernah ditutup"},
		JSONNewline: {`a text in quotes must end on the same line; write \n for a line break`,
			`teks di dalam tanda kutip harus berakhir di baris yang sama; tulis \n untuk pindah baris`},
	})
}
