package markdown

import (
	"fmt"
	"slices"
	"strings"
	"testing"
)

// Text written for other generators is found with its line, outside code.
func TestScanForeignText(t *testing.T) {
	src := strings.Join([]string{
		"import Chart from '../components/Chart'", // 1
		"",
		"Pembukaan {{< youtube abc123 >}} dan {{% catatan %}}.", // 3
		"",
		"{% include kepala.html %}", // 5
		"",
		"<Chart data={angka} />", // 7
		"",
		"Kode `{{< bukan >}}` dan `{% bukan %}` tetap kode.", // 9
		"",
		"```",
		"{{< youtube xyz >}}",
		"{% raw %}",
		"<Peta />",
		"```",
		"",
		"    {% indentasi %}", // 17: an indented code block
		"",
		"![Foto kegiatan](foto.jpg) dan ![lain](<dua kata.png>)", // 19
		"- butir {% raw %}",                          // 20
		"export const meta = {}",                     // 21
		"<div>biasa</div> dan <https://example.org>", // 22
	}, "\n")
	var got []string
	for _, f := range Scan([]byte(src)) {
		got = append(got, fmt.Sprintf("%d %d %s", f.Line, f.Kind, f.Text))
	}
	want := []string{
		fmt.Sprintf("1 %d import Chart from '../components/Chart'", FoundImport),
		fmt.Sprintf("3 %d {{< youtube abc123 >}}", FoundShortcode),
		fmt.Sprintf("3 %d {{%% catatan %%}}", FoundShortcode),
		fmt.Sprintf("5 %d {%% include kepala.html %%}", FoundLiquid),
		fmt.Sprintf("7 %d <Chart data={angka} />", FoundComponent),
		fmt.Sprintf("19 %d foto.jpg", FoundImage),
		fmt.Sprintf("19 %d dua kata.png", FoundImage),
		fmt.Sprintf("20 %d {%% raw %%}", FoundLiquid),
		fmt.Sprintf("21 %d export const meta = {}", FoundImport),
	}
	if !slices.Equal(got, want) {
		t.Errorf("found:\n%s\nwant:\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
}

// Regression (issue 12): a list nested 1,000 deep took seconds to render
// (goldmark's time grows with the cube of the depth). Past MaxNesting the
// page is refused at the line where it goes too deep.
func TestNestingCap(t *testing.T) {
	nested := func(n int, line func(i int) string) []byte {
		var b strings.Builder
		b.WriteString("Teks.\n\n")
		for i := range n {
			b.WriteString(line(i) + "\n")
		}
		return []byte(b.String())
	}
	deep := map[string]func(i int) string{
		"indented list": func(i int) string { return strings.Repeat("  ", i) + "- butir" },
		"one line":      func(i int) string { return strings.Repeat("- ", 1000) + "x" },
		"quotes":        func(i int) string { return strings.Repeat(">", i+1) + " kutip" },
		"ordered":       func(i int) string { return strings.Repeat("   ", i) + "1. butir" },
	}
	r := New(Options{})
	for name, line := range deep {
		src := nested(1000, line)
		at := TooDeep(src)
		if at == 0 {
			t.Errorf("%s: 1,000 deep is not refused", name)
			continue
		}
		if _, err := r.Render(src); err == nil || !strings.Contains(err.Error(), "nested more than 100 deep") {
			t.Errorf("%s: Render gave %v, want the nesting error", name, err)
		}
	}
	// A real page's depth passes, and so does a long flat list.
	for name, src := range map[string][]byte{
		"ten deep":  nested(10, deep["indented list"]),
		"99 quotes": nested(99, deep["quotes"]),
		"flat":      nested(5000, func(int) string { return "- butir" }),
		"rules":     nested(200, func(int) string { return "* * *" }),
	} {
		if at := TooDeep(src); at != 0 {
			t.Errorf("%s: refused at line %d", name, at)
		}
	}
	if at := TooDeep(nested(101, deep["quotes"])); at != 103 {
		t.Errorf("101 quotes: refused at line %d, want 103 (the 101st level)", at)
	}
}

// FuzzScan: any text is scanned without a panic, findings are on lines of
// the text, and a page Scan lets through is not nested past the cap when
// goldmark reads it (so rendering it stays fast).
func FuzzScan(f *testing.F) {
	for _, s := range []string{
		"{{< youtube x >}}\n{% raw %}\n<Foo />\nimport x from 'y'\n",
		"```\n{{< x >}}\n```\n    {% y %}\n",
		"- - - - x\n> > > y\n1. 2. 3. z\n",
		"![a](b.jpg) `![c](d.jpg)` ``e`` ![f](<g h.png>)\n",
		"\t- a\n\t\t- b\n   * c\n",
	} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		n := strings.Count(s, "\n") + 1
		for _, fd := range Scan([]byte(s)) {
			if fd.Line < 1 || fd.Line > n {
				t.Fatalf("finding %+v outside the %d lines", fd, n)
			}
		}
		if len(s) < 4096 && TooDeep([]byte(s)) == 0 {
			if _, err := New(Options{}).Render([]byte(s)); err != nil {
				t.Fatalf("Render: %v", err)
			}
		}
	})
}
