package markdown

import (
	"bytes"
	"errors"
	"fmt"
	"testing"
	"time"
)

// FuzzRender: rendering never fails (but for nesting past MaxNesting,
// refused with ErrTooDeep) or panics, and with raw HTML off no
// script element or javascript: link ever reaches the output, whatever the
// author typed.
func FuzzRender(f *testing.F) {
	for _, s := range []string{
		"# Judul\n\nParagraf.",
		"<script>alert(1)</script>",
		"<SCRIPT>x</SCRIPT>",
		"a <script\n>x",
		"[a](javascript:alert(1))",
		"<javascript:alert(1)>",
		"| a |\n|---|\n| <script> |",
		"[^1]\n\n[^1]: <script>",
		"- [x] <b>x</b>",
		"```\n<script>\n```",
		"`<script>`",
		"<div>\n\n<script>\n\n</div>",
		"&lt;script&gt;",
		"<scr<script>ipt>",
		"[x]: javascript:alert(1)\n\n[x]",
	} {
		f.Add(s)
	}
	safe, unsafe := New(Options{}), New(Options{UnsafeHTML: true})
	f.Fuzz(func(t *testing.T, src string) {
		done := make(chan struct{})
		defer close(done)
		go func() {
			select {
			case <-done:
			case <-time.After(10 * time.Second):
				panic(fmt.Sprintf("Render(%q) takes more than 10 s: too slow for a build", src))
			}
		}()
		res, err := safe.Render([]byte(src))
		if TooDeep([]byte(src)) > 0 {
			// Refused by design (content reports it with the line).
			if !errors.Is(err, ErrTooDeep) {
				t.Fatalf("Render(%q) nested past %d: got %v, want ErrTooDeep", src, MaxNesting, err)
			}
			return
		}
		if err != nil {
			t.Fatalf("Render(%q): %v", src, err)
		}
		low := bytes.ToLower(res.HTML)
		if bytes.Contains(low, []byte("<script")) {
			t.Fatalf("Render(%q) let a script through:\n%s", src, res.HTML)
		}
		if bytes.Contains(low, []byte(`href="javascript:`)) || bytes.Contains(low, []byte(`src="javascript:`)) {
			t.Fatalf("Render(%q) kept a javascript: link:\n%s", src, res.HTML)
		}
		if _, err := unsafe.Render([]byte(src)); err != nil {
			t.Fatalf("unsafe Render(%q): %v", src, err)
		}
	})
}
