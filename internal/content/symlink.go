package content

import (
	"io/fs"
	"path"

	"github.com/dinsos-metro/warta/internal/diag"
)

// symlinkDiagnostic says why a symbolic link below content/ is left out.
// Links are never followed: one could bring in a file from outside the
// site (the command reads the site through os.Root, which refuses that
// anyway), and a link to a folder above could make the walk endless. The
// message tells which case it is, so that staff know what to do: a link
// out of the site, a link that leads nowhere (a missing file or a loop),
// or a link to a file of the site that should be there itself.
func symlinkDiagnostic(fsys fs.FS, name string) diag.Diagnostic {
	rl, ok := fsys.(fs.ReadLinkFS)
	if !ok {
		return diag.New(name, 0, diag.SymlinkOutside)
	}
	target, err := rl.ReadLink(name)
	if err != nil {
		return diag.New(name, 0, diag.SymlinkOutside)
	}
	to := path.Join(path.Dir(name), target)
	if path.IsAbs(target) || !fs.ValidPath(to) {
		return diag.New(name, 0, diag.SymlinkOutside)
	}
	if _, err := fs.Stat(fsys, name); err != nil {
		return diag.New(name, 0, diag.SymlinkBroken, to)
	}
	return diag.New(name, 0, diag.SymlinkInside, to)
}
