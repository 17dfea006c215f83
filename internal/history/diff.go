package history

import (
	"fmt"
	"reflect"
	"slices"
	"strings"

	"github.com/sergi/go-diff/diffmatchpatch"

	"github.com/dinsos-metro/warta/internal/pagefile"
)

// DiffLine is one line of a difference: Op is '-' (only in the old
// version), '+' (only in the new) or ' ' (in both).
type DiffLine struct {
	Op   byte
	Text string
}

// Diff compares two versions line by line (Myers' algorithm, on lines).
func Diff(a, b []byte) []DiffLine {
	dmp := diffmatchpatch.New()
	ca, cb, lines := dmp.DiffLinesToChars(string(a), string(b))
	diffs := dmp.DiffCharsToLines(dmp.DiffMain(ca, cb, false), lines)
	var out []DiffLine
	for _, d := range diffs {
		op := byte(' ')
		switch d.Type {
		case diffmatchpatch.DiffDelete:
			op = '-'
		case diffmatchpatch.DiffInsert:
			op = '+'
		}
		for _, l := range strings.SplitAfter(d.Text, "\n") {
			if l != "" {
				out = append(out, DiffLine{op, strings.TrimSuffix(l, "\n")})
			}
		}
	}
	return out
}

// FieldChange is one front matter field that differs between versions.
type FieldChange struct {
	Key      string
	Old, New any // nil: absent
}

// DiffFields compares the front matter of two versions of a page, keys in
// writing order; the body is compared with Diff.
func DiffFields(a, b []byte) []FieldChange {
	da, errA := pagefile.Parse(a)
	db, errB := pagefile.Parse(b)
	if errA != nil || errB != nil {
		return nil
	}
	keys := db.Keys()
	for _, k := range da.Keys() {
		if !slices.Contains(keys, k) {
			keys = append(keys, k)
		}
	}
	var out []FieldChange
	for _, k := range keys {
		va, _ := da.Get(k)
		vb, _ := db.Get(k)
		if !reflect.DeepEqual(va, vb) {
			out = append(out, FieldChange{k, va, vb})
		}
	}
	return out
}

// String writes a difference as text, "-" and "+" before changed lines.
func String(lines []DiffLine) string {
	var b strings.Builder
	for _, l := range lines {
		fmt.Fprintf(&b, "%c %s\n", l.Op, l.Text)
	}
	return b.String()
}
