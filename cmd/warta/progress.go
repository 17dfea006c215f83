package main

import (
	"io"
	"os"
)

// terminal returns w when it is a terminal, for progress lines that are
// rewritten in place; nil otherwise (a log file gets no progress).
func terminal(w io.Writer) io.Writer {
	f, ok := w.(*os.File)
	if !ok {
		return nil
	}
	info, err := f.Stat()
	if err != nil || info.Mode()&os.ModeCharDevice == 0 || os.Getenv("TERM") == "dumb" {
		return nil
	}
	return w
}
