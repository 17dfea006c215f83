package slug

import (
	"strings"
	"testing"
)

// FuzzMake: whatever the title, a slug is lower-case ASCII letters and
// digits joined by single hyphens, and making it again changes nothing.
func FuzzMake(f *testing.F) {
	for _, s := range []string{"Peksos Go To School", "Café – Ceria!", "", "---", "a--b", "日本語 2025", "\xff\xfe", "ǅemal Ǉubljana", "ﬁ ligature", "İstanbul"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		got := Make(s)
		for _, r := range got {
			if !(r >= 'a' && r <= 'z' || r >= '0' && r <= '9' || r == '-') {
				t.Fatalf("Make(%q) = %q has %q", s, got, r)
			}
		}
		if strings.HasPrefix(got, "-") || strings.HasSuffix(got, "-") || strings.Contains(got, "--") {
			t.Fatalf("Make(%q) = %q has a stray hyphen", s, got)
		}
		if again := Make(got); again != got {
			t.Fatalf("Make(Make(%q)) = %q, not %q", s, again, got)
		}
	})
}
