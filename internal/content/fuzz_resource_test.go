package content

import (
	"path"
	"strings"
	"testing"
	"time"

	"github.com/dinsos-metro/warta/internal/diag"
)

// FuzzCheckResource: whatever name the front matter gives for a cover,
// photo or attachment, checkResource never panics and accepts it only when
// it is one of the files of the page's own folder; a name that leaves the
// folder (absolute, "..", a backslash) is always refused as outside.
func FuzzCheckResource(f *testing.F) {
	for _, s := range []string{
		"cover.jpg", "./cover.jpg", "img/detail.png", "img/../cover.jpg", "../cover.jpg", "../../../etc/passwd",
		"/etc/passwd", `..\..\x.jpg`, "img\\detail.png", "", ".", "..", "img/", "caf\u00e9.jpg", "cafe\u0301.jpg",
		"Foto Sekolah.JPG", "foto sekolah.jpg", "cover.jpg/..", "//cover.jpg", "img//detail.png", "\x00", "c:/x.jpg",
	} {
		f.Add(s, true)
	}
	f.Add("cover.jpg", false)
	f.Fuzz(func(t *testing.T, name string, bundle bool) {
		file := "content/berita/2025-07-29-x/index.md"
		if !bundle {
			file = "content/berita/x.md"
		}
		folder := path.Dir(file) + "/"
		p := &Page{File: file, Bundle: bundle}
		if bundle {
			for _, n := range []string{"Foto Sekolah.JPG", "caf\u00e9.jpg", "cover.jpg", "img/detail.png"} {
				p.Resources = append(p.Resources, Resource{Name: n, Path: folder + n, Size: 1, ModTime: time.Unix(0, 0)})
			}
		}
		r := &reader{file: file, fields: Fields{"cover": {Value: name, Line: 4}}}
		res, ok := checkResource(p, r, "cover", -1, name)
		clean := path.Clean(name)
		leaves := path.IsAbs(name) || clean == ".." || strings.HasPrefix(clean, "../") || strings.Contains(name, `\`)
		switch {
		case ok && leaves:
			t.Fatalf("%q leaves the page's folder but was accepted as %+v", name, res)
		case ok && (!strings.HasPrefix(res.Path, folder) || !bundle):
			t.Fatalf("%q accepted as %+v, not a file of %s", name, res, folder)
		case ok && len(r.ds) > 0:
			t.Fatalf("%q accepted with diagnostics %v", name, r.ds)
		case !ok && len(r.ds) != 1:
			t.Fatalf("%q refused with %d diagnostics", name, len(r.ds))
		}
		for _, d := range r.ds {
			if d.File != file || d.Line != 4 {
				t.Fatalf("%q: diagnostic at %s:%d", name, d.File, d.Line)
			}
			if leaves && name != "" && d.Code != diag.ResourceOutside {
				t.Fatalf("%q leaves the folder but is reported as %s", name, d.Code)
			}
			_ = d.Format("id")
		}
	})
}
