package content

import (
	"strings"
	"testing"
)

// firstLine cuts the file itself instead of a string copy of it; it must
// still answer as splitting the first eight pieces did.
func TestFirstLineAsSplitN(t *testing.T) {
	oracle := func(src string) string {
		for _, l := range strings.SplitN(src, "\n", 8) {
			if t := strings.TrimSpace(l); t != "" {
				return t
			}
		}
		return ""
	}
	cases := []string{
		"", "\n", "---\ntitle: x\n---\n", "\n\n  ---  \n", "+++\n", " \t\r\n;;;\n",
		strings.Repeat("\n", 6) + "late", strings.Repeat("\n", 7) + "later\nand more",
		strings.Repeat(" \n", 7) + "  rest\n  of it  ", strings.Repeat("\n", 12),
		"no newline at all", "\r\n---\r\n",
	}
	for _, c := range cases {
		if got, want := firstLine([]byte(c)), oracle(c); got != want {
			t.Errorf("firstLine(%q) = %q, want %q", c, got, want)
		}
	}
}
