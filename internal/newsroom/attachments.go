package newsroom

import (
	"io/fs"
	"net/url"
	"os"
	"path"
	"slices"
	"strings"

	"github.com/dinsos-metro/warta/internal/content"
	"github.com/dinsos-metro/warta/internal/pagefile"
)

// A module's attachments (worksheets: PDF, Word, pictures) are files in
// its folder listed in attachments: with a title each. The panel shows the
// listed ones first, then the folder's other files, each with a title
// box; a file whose title is left empty is not listed.

// attachmentView is one row of the attachments panel.
type attachmentView struct {
	Name, Title string
	Listed      bool
}

// folderFiles lists the files of a page's folder, index.md aside.
func (n *Newsroom) folderFiles(file string) []string {
	if path.Base(file) != "index.md" {
		return nil
	}
	root, err := os.OpenRoot(n.opt.Dir)
	if err != nil {
		return nil
	}
	defer root.Close()
	entries, err := fs.ReadDir(root.FS(), path.Dir(file))
	if err != nil {
		return nil
	}
	var out []string
	for _, e := range entries {
		if e.Type().IsRegular() && e.Name() != "index.md" && !strings.HasPrefix(e.Name(), ".") && path.Ext(e.Name()) != ".md" {
			out = append(out, e.Name())
		}
	}
	return out
}

func (n *Newsroom) attachments(file string, doc *pagefile.Doc) []attachmentView {
	var out []attachmentView
	seen := map[string]bool{}
	v, _ := doc.Get("attachments")
	list, _ := v.([]any)
	for _, x := range list {
		m, _ := x.(map[string]any)
		name := text(m["file"])
		if name == "" || seen[name] {
			continue
		}
		seen[name] = true
		out = append(out, attachmentView{Name: name, Title: text(m["title"]), Listed: true})
	}
	for _, name := range n.folderFiles(file) {
		if !seen[name] && !content.IsImage(name) {
			out = append(out, attachmentView{Name: name})
		}
	}
	return out
}

// applyAttachments writes attachments: from the panel's rows (att.file
// and att.title repeat once per row, in order).
func applyAttachments(doc *pagefile.Doc, form url.Values, folder []string) error {
	if form.Get("attachments-shown") == "" {
		return nil
	}
	files, titles := form["att.file"], form["att.title"]
	var list []any
	for i, f := range files {
		if _, ok := resourceName(f); !ok || !slices.Contains(folder, f) || i >= len(titles) {
			continue
		}
		title := strings.TrimSpace(titles[i])
		if title == "" {
			continue
		}
		list = append(list, map[string]any{"file": f, "title": title})
	}
	old, had := doc.Get("attachments")
	switch {
	case len(list) == 0 && had:
		return doc.Delete("attachments")
	case len(list) == 0 || (had && equalValue(old, list)):
		return nil
	}
	return doc.Set("attachments", list)
}
