// Package diag carries the problems a build finds to the person who must fix
// them.
//
// Every problem is a Diagnostic: a position (file and line, relative to the
// site folder), a severity, a message and, where there is an obvious one, a
// fix. Stages never stop at the first problem: they add to a List, and the
// build prints the whole List sorted by file and line, so that staff see
// everything that is wrong in one go.
//
// Messages are not written inline. Each has a Code and lives in the
// catalogue (catalog.go) in Indonesian and English; the List renders them in
// the language the site or the command line asks for.
package diag

import (
	"cmp"
	"fmt"
	"slices"
	"strings"
	"sync"
)

// Severity says whether a problem stops the build.
type Severity int

const (
	Error Severity = iota
	Warning
)

// Diagnostic is one problem at one place.
type Diagnostic struct {
	File     string   // slash path relative to the site folder; "" for the site as a whole
	Line     int      // 1-based; 0 when the whole file is meant
	Severity Severity //
	Code     Code     // what went wrong, a key of the catalogue
	Args     []any    // values for the catalogue's format
}

// New makes an error diagnostic.
func New(file string, line int, code Code, args ...any) Diagnostic {
	return Diagnostic{File: file, Line: line, Severity: Error, Code: code, Args: args}
}

// Warn makes a warning diagnostic.
func Warn(file string, line int, code Code, args ...any) Diagnostic {
	return Diagnostic{File: file, Line: line, Severity: Warning, Code: code, Args: args}
}

// Position renders "file:line" (or the English/Indonesian variant) the way
// editors and terminals recognise it.
func (d Diagnostic) Position() string {
	switch {
	case d.File == "":
		return ""
	case d.Line > 0:
		return fmt.Sprintf("%s:%d", d.File, d.Line)
	default:
		return d.File
	}
}

// Message renders the diagnostic's text in lang ("id" or "en").
func (d Diagnostic) Message(lang string) string {
	return catalogue.render(lang, d.Code, d.Args)
}

// Format renders the whole line: "file:line: message".
func (d Diagnostic) Format(lang string) string {
	var b strings.Builder
	if pos := d.Position(); pos != "" {
		b.WriteString(pos)
		b.WriteString(": ")
	}
	if d.Severity == Warning {
		b.WriteString(catalogue.render(lang, WarningPrefix, nil))
		b.WriteString(": ")
	}
	b.WriteString(d.Message(lang))
	return b.String()
}

// Error lets a single Diagnostic travel as an error (English).
func (d Diagnostic) Error() string { return d.Format("en") }

// List collects diagnostics from many goroutines.
type List struct {
	mu    sync.Mutex
	items []Diagnostic
}

// Add records diagnostics.
func (l *List) Add(ds ...Diagnostic) {
	if len(ds) == 0 {
		return
	}
	l.mu.Lock()
	l.items = append(l.items, ds...)
	l.mu.Unlock()
}

// Reset empties the list.
func (l *List) Reset() {
	l.mu.Lock()
	l.items = nil
	l.mu.Unlock()
}

// Merge adds every diagnostic of other.
func (l *List) Merge(other *List) { l.Add(other.Items()...) }

// Items returns the diagnostics sorted by file, line and message, so the
// output does not depend on goroutine scheduling.
func (l *List) Items() []Diagnostic {
	l.mu.Lock()
	out := slices.Clone(l.items)
	l.mu.Unlock()
	slices.SortStableFunc(out, func(a, b Diagnostic) int {
		return cmp.Or(
			cmp.Compare(a.File, b.File),
			cmp.Compare(a.Line, b.Line),
			cmp.Compare(a.Severity, b.Severity),
			cmp.Compare(a.Message("en"), b.Message("en")),
		)
	})
	return slices.CompactFunc(out, func(a, b Diagnostic) bool {
		return a.File == b.File && a.Line == b.Line && a.Message("en") == b.Message("en")
	})
}

// Errors counts the diagnostics that stop a build.
func (l *List) Errors() int {
	l.mu.Lock()
	defer l.mu.Unlock()
	n := 0
	for _, d := range l.items {
		if d.Severity == Error {
			n++
		}
	}
	return n
}

// Len counts all diagnostics.
func (l *List) Len() int {
	l.mu.Lock()
	defer l.mu.Unlock()
	return len(l.items)
}

// Err returns nil when there are no errors, else an error that lists them all.
func (l *List) Err() error {
	if l.Errors() == 0 {
		return nil
	}
	return &Failed{List: l}
}

// Failed is the error a build returns when its List holds errors.
type Failed struct{ List *List }

func (f *Failed) Error() string { return f.List.Format("en") }

// Format renders every diagnostic, one per line, sorted.
func (l *List) Format(lang string) string {
	var b strings.Builder
	for _, d := range l.Items() {
		b.WriteString(d.Format(lang))
		b.WriteByte('\n')
	}
	return b.String()
}
