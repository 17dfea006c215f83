package content

import (
	"bytes"
	"path"

	"github.com/dinsos-metro/warta/internal/diag"
)

// checkUnused finds the files of a module's bundle that are neither listed
// in attachments nor used by the page's text (a picture or a link in the
// Markdown): they are left out of the site and of the download, and each is
// reported, since a worksheet that was forgotten in the list is as likely
// as a stray file that should not be public.
func checkUnused(p *Page, r *reader, m *Module) {
	listed := map[string]bool{}
	for _, a := range m.Attachments {
		listed[path.Clean(a.File)] = true
	}
	line := r.line("attachments")
	if line == 0 {
		line = 1
	}
	for _, res := range p.Resources {
		if listed[res.Name] || path.Ext(res.Name) == ".md" || bytes.Contains(p.Body, []byte(res.Name)) {
			continue
		}
		m.Unused = append(m.Unused, res.Name)
		r.ds = append(r.ds, diag.Warn(p.File, line, diag.AttachmentUnlisted, res.Name, res.Name))
	}
}
