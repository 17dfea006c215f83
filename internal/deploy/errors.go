package deploy

import (
	"errors"
	"fmt"
	"strings"

	"github.com/dinsos-metro/warta/internal/diag"
)

// Error is a deploy failure with a message from the catalogue, so that
// the command and the newsroom can show it in the reader's language.
type Error struct {
	Code diag.Code
	Args []any
	Err  error // the cause, for errors.Is (context.Canceled)
}

func (e *Error) Error() string { return e.Message("en") }

// Message is the error in lang (id or en).
func (e *Error) Message(lang string) string {
	return diag.New("", 0, e.Code, e.Args...).Message(lang)
}

func (e *Error) Unwrap() error { return e.Err }

func fail(code diag.Code, args ...any) *Error { return &Error{Code: code, Args: args} }

// Message renders any error of a deploy in lang.
func Message(err error, lang string) string {
	var e *Error
	if errors.As(err, &e) {
		return e.Message(lang)
	}
	return err.Error()
}

// redactor hides secrets from every message a deploy gives out. Servers
// and libraries do not normally repeat a password or key, but a message
// that does must never reach the terminal, a log or the newsroom.
type redactor []string

func (r redactor) text(s string) string {
	for _, secret := range r {
		if len(secret) >= 4 {
			s = strings.ReplaceAll(s, secret, "[secret]")
		}
	}
	return s
}

// err returns err with every secret replaced; an *Error keeps its code,
// its arguments turned into cleaned text.
func (r redactor) err(err error) error {
	if err == nil || len(r) == 0 {
		return err
	}
	var e *Error
	if errors.As(err, &e) {
		c := &Error{Code: e.Code, Err: e.Err}
		for _, a := range e.Args {
			switch a.(type) {
			case int, int64:
				c.Args = append(c.Args, a)
			default:
				c.Args = append(c.Args, r.text(fmt.Sprint(a)))
			}
		}
		return c
	}
	return &cleaned{msg: r.text(err.Error()), err: err}
}

// cleaned is an error whose text had secrets removed; errors.Is still
// sees the cause (context.Canceled), never its text.
type cleaned struct {
	msg string
	err error
}

func (c *cleaned) Error() string { return c.msg }
func (c *cleaned) Unwrap() error { return c.err }
