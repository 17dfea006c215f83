package diag

import "slices"

// Part is a piece of a message that lives in the catalogue itself: a
// detail passed as a value of another message ("why", "what kind"), so
// that it is read in the same language as the message around it rather
// than in the English of the code that found it. Like a Diagnostic, a Part
// is not comparable: compare what it renders.
type Part struct {
	Code Code
	Args []any
}

// P makes a Part.
func P(code Code, args ...any) Part { return Part{Code: code, Args: args} }

// Message renders the part in lang ("id" or "en").
func (p Part) Message(lang string) string { return catalogue.render(lang, p.Code, p.Args) }

// String is the English text, for logs and errors outside a message.
func (p Part) String() string { return p.Message("en") }

// localize renders the Parts among args in lang; args without one come
// back as they are, not copied.
func localize(lang string, args []any) []any {
	out, copied := args, false
	for i, a := range args {
		p, ok := a.(Part)
		if !ok {
			continue
		}
		if !copied { // the caller's args stay as they are
			out, copied = slices.Clone(args), true
		}
		out[i] = p.Message(lang)
	}
	return out
}
