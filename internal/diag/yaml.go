package diag

import (
	"regexp"
	"slices"
	"strconv"
	"strings"
)

var yamlLinePrefix = regexp.MustCompile(`^line (\d+): `)

// yamlParserProblems are the messages of go.yaml.in/yaml/v3's parser, as
// opposed to its scanner. The library reports the line of a parser error
// counted from 0 (only scanner errors are moved to 1-based lines), so an
// unclosed "tags: [a, b" would otherwise be reported on the line above.
var yamlParserProblems = []string{
	"did not find expected ',' or ']'",
	"did not find expected ',' or '}'",
	"did not find expected '-' indicator",
	"did not find expected <document start>",
	"did not find expected <stream-start>",
	"did not find expected key",
	"did not find expected node content",
	"found duplicate %TAG directive",
	"found duplicate %YAML directive",
	"found incompatible YAML document",
	"found undefined tag handle",
}

// YAMLError splits a go.yaml.in/yaml/v3 error message ("yaml: line 3:
// did not find expected key") into the 1-based line it is about and the
// problem. Line is 0 when the message names none.
func YAMLError(msg string) (line int, problem string) {
	problem = strings.TrimPrefix(msg, "yaml: ")
	if m := yamlLinePrefix.FindStringSubmatch(problem); m != nil {
		line, _ = strconv.Atoi(m[1])
		problem = problem[len(m[0]):]
	}
	if slices.Contains(yamlParserProblems, problem) {
		line++ // 0-based; and no "line" at all means line 0, the first
	}
	return line, problem
}
