package content

import (
	"fmt"
	"io/fs"
	"net/url"
	"path"
	"strings"
	"unicode/utf8"

	"github.com/dinsos-metro/warta/internal/diag"
	"github.com/dinsos-metro/warta/internal/markdown"
)

// MaxPageSize is the largest Markdown file warta reads as a page: 1 MB,
// some 150,000 words, when a long report is a few dozen kilobytes. A page
// that size takes 12 MB of heap to build as prose and 109 MB in the worst
// shape, nothing but short list items with links (goldmark's tree holds
// several nodes per item): TestHugeMarkdown in internal/build; a 20 MB
// paste of such items would take gigabytes.
const MaxPageSize = 1 << 20

// lintBody reports what a page's Markdown holds that would not come out as
// its writer meant: text for other site generators (shown as text, never
// run), pictures that are not there, and lists or quotes nested past
// markdown.MaxNesting. A page nested too deep loses its body, so that
// nothing spends seconds rendering it; the build fails on the error anyway.
func lintBody(fsys fs.FS, p *Page) []diag.Diagnostic {
	var ds []diag.Diagnostic
	at := func(line int) int { return p.BodyLine + line - 1 }
	for _, f := range markdown.Scan(p.Body) {
		switch f.Kind {
		case markdown.FoundShortcode:
			ds = append(ds, diag.Warn(p.File, at(f.Line), diag.ForeignShortcode, short(f.Text)))
		case markdown.FoundLiquid:
			ds = append(ds, diag.Warn(p.File, at(f.Line), diag.ForeignLiquid, short(f.Text)))
		case markdown.FoundComponent:
			ds = append(ds, diag.Warn(p.File, at(f.Line), diag.ForeignMDXComponent, short(f.Text)))
		case markdown.FoundImport:
			ds = append(ds, diag.Warn(p.File, at(f.Line), diag.ForeignMDXImport, short(f.Text)))
		case markdown.FoundImage:
			if target, missing := missingPicture(fsys, p, f.Text); missing {
				ds = append(ds, diag.New(p.File, at(f.Line), diag.ImageMissing, f.Text, target))
			}
		case markdown.FoundTooDeep:
			ds = append(ds, diag.New(p.File, at(f.Line), diag.NestingTooDeep, markdown.MaxNesting))
			p.Body = []byte{}
		}
	}
	return ds
}

// missingPicture reports whether a picture's address names a file of the
// site that is not there: a file of the page's bundle, or a path relative
// to the page's folder. Addresses of other sites and site paths ("/x.png",
// checked by warta check) are not its business.
func missingPicture(fsys fs.FS, p *Page, dest string) (string, bool) {
	if dest == "" || strings.Contains(dest, ":") || strings.HasPrefix(dest, "/") || strings.HasPrefix(dest, "#") {
		return "", false
	}
	name, _, _ := strings.Cut(dest, "#")
	name, _, _ = strings.Cut(name, "?")
	if u, err := url.PathUnescape(name); err == nil {
		name = u
	}
	name = path.Clean(strings.TrimPrefix(name, "./"))
	if p.Bundle {
		if _, ok := p.Resource(name); ok {
			return "", false
		}
	}
	target := path.Join(path.Dir(p.File), name)
	if info, err := fs.Stat(fsys, target); err == nil && !info.IsDir() {
		return "", false
	}
	return target, true
}

// short cuts a long piece of text for a message.
func short(s string) string {
	if utf8.RuneCountInString(s) <= 60 {
		return s
	}
	r := []rune(s)
	return string(r[:57]) + "..."
}

// tooLarge refuses a Markdown file bigger than MaxPageSize.
func tooLarge(src source) *diag.Diagnostic {
	if src.size <= MaxPageSize {
		return nil
	}
	d := diag.New(src.file, 0, diag.PageTooLarge, kilobytes(src.size), kilobytes(MaxPageSize))
	return &d
}

// kilobytes writes a size as a whole number, the same in both languages.
func kilobytes(n int64) string { return fmt.Sprintf("%d KB", (n+1023)/1024) }
