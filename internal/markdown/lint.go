package markdown

import (
	"bytes"
	"regexp"
	"strings"
)

// MaxNesting is how deep lists and block quotes may be nested. goldmark's
// time grows with the cube of the depth (a list nested 1,000 deep takes
// seconds); no real page goes past a handful of levels.
const MaxNesting = 100

// FindingKind says what Scan found.
type FindingKind int

const (
	FoundShortcode FindingKind = iota // {{< youtube id >}}, {{% note %}}: Hugo
	FoundLiquid                       // {% include x.html %}, {% raw %}: Jekyll, Hexo
	FoundComponent                    // <Chart data={x} />: MDX
	FoundImport                       // import X from "y": MDX
	FoundImage                        // ![alt](dest): Text is dest
	FoundTooDeep                      // nesting deeper than MaxNesting
)

// Finding is one thing Scan found, on a line of the body (1-based).
type Finding struct {
	Kind FindingKind
	Line int
	Text string
}

var (
	shortcode = regexp.MustCompile(`\{\{[<%].*?[>%]\}\}`)
	liquid    = regexp.MustCompile(`\{%-?\s*[A-Za-z_].*?-?%\}`)
	component = regexp.MustCompile(`<[A-Z][A-Za-z0-9_.]*(\s[^<>]*)?/?>`)
	mdxImport = regexp.MustCompile(`^(import\s+[\w{}*,\s]+\s+from\s+['"][^'"]+['"]|import\s+['"][^'"]+['"]|export\s+(const|default|function|let)\b)`)
	image     = regexp.MustCompile(`!\[[^\]]*\]\(\s*(<[^>]*>|[^)\s]+)`)
)

// Scan reads a page's Markdown line by line, without parsing it, and
// reports what warta shows as text although its writer meant it for
// another site generator (Hugo shortcodes, Liquid tags, MDX components
// and imports), the pictures it names, and the first line nested deeper
// than MaxNesting (after which it stops: such a page is not rendered).
// Code (fenced, indented, or between backticks) is skipped: there the
// text is meant as it is.
func Scan(src []byte) []Finding { return scan(src, true) }

func scan(src []byte, texts bool) []Finding {
	var out []Finding
	var fence string     // the open fence, "```" or "~~~~", or ""
	var stack []int      // content columns of the open list items
	indented := false    // inside an indented code block
	prevBlank := true    // the line before was blank (or the start)
	listContext := false // the last line at the left margin was a list item
	n := 0
	for line := range strings.SplitSeq(string(src), "\n") {
		n++
		text := strings.TrimRight(line, " \t\r")
		trimmed := strings.TrimLeft(text, " \t")
		col := indentOf(text)
		if fence != "" {
			if strings.HasPrefix(trimmed, fence[:3]) && len(strings.TrimLeft(trimmed, fence[:1])) == 0 && len(trimmed) >= len(fence) {
				fence = ""
			}
			continue
		}
		if trimmed == "" {
			prevBlank = true
			continue
		}
		if indented && col >= 4 {
			continue
		}
		indented = false
		if col >= 4 && prevBlank && !listContext && len(stack) == 0 {
			indented = true
			prevBlank = false
			continue
		}
		prevBlank = false
		if f := fenceOf(trimmed); f != "" {
			fence = f
			continue
		}
		// Nesting: pop the list items this line is not inside of, then
		// count the quote and list markers it opens.
		for len(stack) > 0 && col < stack[len(stack)-1] {
			stack = stack[:len(stack)-1]
		}
		quotes, opened := markers(text, &stack)
		if col < 4 {
			listContext = opened
		}
		if len(stack)+quotes > MaxNesting {
			return append(out, Finding{FoundTooDeep, n, ""})
		}
		if texts {
			out = append(out, scanText(codeless(text), n)...)
		}
	}
	return out
}

// TooDeep returns the first line of src nested deeper than MaxNesting, or 0.
func TooDeep(src []byte) int {
	if !bytes.ContainsAny(src, "-*+>0123456789") {
		return 0
	}
	for _, f := range scan(src, false) {
		if f.Kind == FoundTooDeep {
			return f.Line
		}
	}
	return 0
}

func scanText(text string, n int) []Finding {
	var out []Finding
	if strings.Contains(text, "{{") {
		for _, m := range shortcode.FindAllString(text, -1) {
			out = append(out, Finding{FoundShortcode, n, m})
		}
	}
	if strings.Contains(text, "{%") {
		for _, m := range liquid.FindAllStringIndex(text, -1) {
			if m[0] > 0 && text[m[0]-1] == '{' {
				continue // {{% x %}} is Hugo's, found above
			}
			out = append(out, Finding{FoundLiquid, n, text[m[0]:m[1]]})
		}
	}
	if strings.Contains(text, "<") {
		for _, m := range component.FindAllString(text, -1) {
			out = append(out, Finding{FoundComponent, n, m})
		}
	}
	if t := strings.TrimSpace(text); strings.HasPrefix(t, "import") || strings.HasPrefix(t, "export") {
		if mdxImport.MatchString(t) {
			out = append(out, Finding{FoundImport, n, t})
		}
	}
	if strings.Contains(text, "![") {
		for _, m := range image.FindAllStringSubmatch(text, -1) {
			out = append(out, Finding{FoundImage, n, strings.Trim(m[1], "<>")})
		}
	}
	return out
}

// markers counts the block quote markers of a line and pushes the list
// items it opens ("- - x" opens two), returning the quotes and whether it
// opened a list item.
func markers(line string, stack *[]int) (quotes int, opened bool) {
	col := 0
	i := 0
	for i < len(line) {
		for i < len(line) && (line[i] == ' ' || line[i] == '\t') {
			col += width(line[i], col)
			i++
		}
		if i >= len(line) {
			break
		}
		switch c := line[i]; {
		case c == '>':
			quotes++
			i++
			col++
			continue
		case c == '-' || c == '*' || c == '+':
			if i+1 < len(line) && (line[i+1] == ' ' || line[i+1] == '\t') {
				*stack = append(*stack, col+2)
				opened = true
				i++
				col++
				continue
			}
		case c >= '0' && c <= '9':
			j := i
			for j < len(line) && j-i < 9 && line[j] >= '0' && line[j] <= '9' {
				j++
			}
			if j+1 < len(line) && (line[j] == '.' || line[j] == ')') && (line[j+1] == ' ' || line[j+1] == '\t') {
				col += j + 1 - i
				*stack = append(*stack, col+1)
				opened = true
				i = j + 1
				continue
			}
		}
		break
	}
	return quotes, opened
}

func width(c byte, col int) int {
	if c == '\t' {
		return 4 - col%4
	}
	return 1
}

func indentOf(line string) int {
	col := 0
	for i := 0; i < len(line) && (line[i] == ' ' || line[i] == '\t'); i++ {
		col += width(line[i], col)
	}
	return col
}

// fenceOf returns the fence a line opens ("```", "~~~~"), or "".
func fenceOf(trimmed string) string {
	for _, c := range []string{"`", "~"} {
		if strings.HasPrefix(trimmed, c+c+c) {
			n := len(trimmed) - len(strings.TrimLeft(trimmed, c))
			if c == "`" && strings.Contains(trimmed[n:], "`") {
				return "" // ``` followed by a backtick is text, not a fence
			}
			return trimmed[:n]
		}
	}
	return ""
}

// codeless blanks out the code spans of a line (`x`, “x“).
func codeless(line string) string {
	if !strings.Contains(line, "`") {
		return line
	}
	var b strings.Builder
	for i := 0; i < len(line); {
		if line[i] != '`' {
			b.WriteByte(line[i])
			i++
			continue
		}
		j := i
		for j < len(line) && line[j] == '`' {
			j++
		}
		run := line[i:j]
		end := strings.Index(line[j:], run)
		if end < 0 {
			b.WriteString(run)
			i = j
			continue
		}
		b.WriteString(strings.Repeat(" ", len(run)*2+end))
		i = j + end + len(run)
	}
	return b.String()
}
