package build

import (
	"errors"
	"io/fs"

	"github.com/dinsos-metro/warta/internal/assets"
	"github.com/dinsos-metro/warta/internal/diag"
)

// assetDiagnostic says why the assets could not be read. A file that
// cannot be read is named, and a symbolic link out of the site (which the
// command's os.Root refuses with "path escapes from parent") gets the
// words of every other such link (diag.ReadError).
func assetDiagnostic(err error) diag.Diagnostic {
	var pe *fs.PathError
	if errors.As(err, &pe) && pe.Path != "" {
		return diag.ReadError(pe.Path, err)
	}
	return diag.New(assets.Root, 0, diag.AssetFailed, err)
}
