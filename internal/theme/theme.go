// Package theme loads the site's html/template layouts in layers: a file in
// the project's layouts/ replaces the built-in theme's file of the same
// path, so a site overrides one template without copying the rest.
//
// The layout of a theme:
//
//	layouts/baseof.html      the page skeleton; calls {{block "main" .}}
//	layouts/partials/*.html  pieces, called as {{template "partials/x.html" .}}
//	layouts/<kind>.html      one per page kind (home, news, module, ...),
//	                         each defining "main" (and "title" if it wants)
//
// Templates are named by their path, so parse and execution errors carry
// layouts/<file>:<line>.
package theme

import (
	"bytes"
	"crypto/sha256"
	"encoding/binary"
	"html/template"
	"io"
	"io/fs"
	"maps"
	"path"
	"regexp"
	"slices"
	"strconv"
	"strings"

	"github.com/dinsos-metro/warta/internal/diag"
)

// Root is the layouts folder in the site and in the built-in theme.
const Root = "layouts"

// Base is the skeleton every page template is executed through.
const Base = "baseof.html"

// Theme holds one parsed template set per page kind.
type Theme struct {
	sets map[string]*template.Template
	sums map[string]uint64
}

// Load parses the layouts of each layer (first wins).
func Load(layers []fs.FS, funcs template.FuncMap) (*Theme, []diag.Diagnostic) {
	files := map[string][]byte{}
	var unread []diag.Diagnostic
	for _, layer := range layers {
		_ = fs.WalkDir(layer, Root, func(p string, d fs.DirEntry, err error) error {
			if err != nil || d.IsDir() || path.Ext(p) != ".html" {
				return nil
			}
			name := strings.TrimPrefix(p, Root+"/")
			if _, seen := files[name]; !seen {
				b, err := fs.ReadFile(layer, p)
				if err != nil {
					// Not silently replaced by the built-in file: the site
					// meant its own (a link out of the site, no permission).
					unread = append(unread, diag.ReadError(p, err))
					files[name] = nil
					return nil
				}
				files[name] = b
			}
			return nil
		})
	}
	if len(unread) > 0 {
		return nil, unread
	}
	var ds []diag.Diagnostic
	baseSrc, ok := files[Base]
	if !ok {
		return nil, []diag.Diagnostic{diag.New(Root+"/"+Base, 0, diag.TemplateMissing, Base, Base)}
	}
	base := template.New(Base).Funcs(funcs)
	if _, err := base.Parse(string(baseSrc)); err != nil {
		return nil, []diag.Diagnostic{templateDiagnostic(err, Base)}
	}
	names := slices.Sorted(maps.Keys(files))
	for _, n := range names {
		if strings.HasPrefix(n, "partials/") {
			if _, err := base.New(n).Parse(string(files[n])); err != nil {
				ds = append(ds, templateDiagnostic(err, n))
			}
		}
	}
	if len(ds) > 0 {
		return nil, ds
	}
	t := &Theme{sets: map[string]*template.Template{}, sums: map[string]uint64{}}
	// A page template's fingerprint covers the skeleton, every partial and
	// itself: change one, and exactly the pages that use it render again.
	shared := sha256.New()
	for _, n := range names {
		if n == Base || strings.HasPrefix(n, "partials/") {
			shared.Write([]byte(n))
			shared.Write(files[n])
		}
	}
	for _, n := range names {
		if n == Base || strings.HasPrefix(n, "partials/") {
			continue
		}
		set, err := base.Clone()
		if err == nil {
			_, err = set.New(n).Parse(string(files[n]))
		}
		if err != nil {
			ds = append(ds, templateDiagnostic(err, n))
			continue
		}
		memoizeCards(set, string(files[n]), n)
		t.sets[n] = set
		h := sha256.New()
		h.Write(shared.Sum(nil))
		h.Write(files[n])
		t.sums[n] = binary.LittleEndian.Uint64(h.Sum(nil))
	}
	return t, ds
}

// Sum is the fingerprint of a page template and everything it includes;
// 0 for an unknown name.
func (t *Theme) Sum(name string) uint64 { return t.sums[name] }

// Has reports whether a page template exists.
func (t *Theme) Has(name string) bool { _, ok := t.sets[name]; return ok }

// Execute renders the page template name through the skeleton into w.
func (t *Theme) Execute(w io.Writer, name string, data any) error {
	set, ok := t.sets[name]
	if !ok {
		return diag.New(Root+"/"+name, 0, diag.TemplateMissing, name, name)
	}
	// Render into a buffer first: a template that fails half-way must not
	// leave half a page behind. A caller's buffer is used as it is (no
	// copy), and cut back on failure.
	if buf, ok := w.(*bytes.Buffer); ok {
		n := buf.Len()
		err := set.ExecuteTemplate(buf, Base, data)
		if err != nil {
			buf.Truncate(n)
			return innermost(err)
		}
		return nil
	}
	var buf bytes.Buffer
	if err := set.ExecuteTemplate(&buf, Base, data); err != nil {
		return innermost(err)
	}
	_, err := w.Write(buf.Bytes())
	return err
}

// html/template's escaper writes "html/template:partials/x.html:1:19: ..."
// (no space), text/template "template: news.html:3:2: ...".
var templatePos = regexp.MustCompile(`template: ?([^:]+):(\d+)(?::\d+)?: (.*)`)

// templateDiagnostic turns an html/template error into layouts/<file>:<line>.
func templateDiagnostic(err error, fallback string) diag.Diagnostic {
	msg := err.Error()
	if m := templatePos.FindStringSubmatch(msg); m != nil {
		line, _ := strconv.Atoi(m[2])
		return diag.New(Root+"/"+m[1], line, diag.TemplateParse, m[3])
	}
	return diag.New(Root+"/"+fallback, 0, diag.TemplateParse, strings.TrimPrefix(msg, "template: "))
}

// ExecError turns an execution error into a diagnostic for the template,
// naming the page being rendered.
func ExecError(err error, name, pageURL string) diag.Diagnostic {
	var d diag.Diagnostic
	if errorsAs(err, &d) {
		return d
	}
	msg := err.Error()
	if m := templatePos.FindStringSubmatch(msg); m != nil {
		line, _ := strconv.Atoi(m[2])
		return diag.New(Root+"/"+m[1], line, diag.TemplateExec, m[1], pageURL, m[3])
	}
	return diag.New(Root+"/"+name, 0, diag.TemplateExec, name, pageURL, msg)
}

func errorsAs(err error, d *diag.Diagnostic) bool {
	if v, ok := err.(diag.Diagnostic); ok {
		*d = v
		return true
	}
	return false
}
