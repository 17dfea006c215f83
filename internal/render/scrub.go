package render

import (
	"errors"

	"github.com/dinsos-metro/warta/internal/diag"
	"github.com/dinsos-metro/warta/internal/scrub"
)

// Bundle files published as they are (module attachments, documents
// beside a page) go out through internal/scrub: r.published is the site's
// file system with every such file cleaned, and copying, zipping and
// printing read from it. scrubCheck runs first, so that what the cleaning
// found is said: a warning for each field of a document that names
// people, an error (and the file left out) for one that cannot be
// published safely.

// cleaner returns the Options' Cleaner or, without one, one in memory
// with the site's setting.
func cleaner(opt Options) *scrub.Cleaner {
	if opt.Scrub != nil {
		return opt.Scrub
	}
	return scrub.NewCleaner(scrub.CleanerOptions{
		FS:      opt.Source,
		Options: scrub.Options{StripDocuments: opt.Site.Config.Privacy.StripDocuments()},
	})
}

// scrubCheck cleans a bundle file and reports what it found; false means
// the file must not be published.
func (r *Renderer) scrubCheck(srcPath string) ([]diag.Diagnostic, bool) {
	fields, err := r.scrub.Check(srcPath)
	if err != nil {
		return []diag.Diagnostic{scrubDiag(srcPath, err)}, false
	}
	code := diag.ScrubFieldRemoved
	if !r.opt.Site.Config.Privacy.StripDocuments() {
		code = diag.ScrubFieldKept
	}
	var ds []diag.Diagnostic
	for _, f := range fields {
		ds = append(ds, diag.Warn(srcPath, 0, code, f.Label()))
	}
	return ds, true
}

// scrubDiag turns a cleaning error into a message about the file.
func scrubDiag(file string, err error) diag.Diagnostic {
	var e *scrub.Error
	if !errors.As(err, &e) {
		return diag.New(file, 0, diag.ReadFailed, err)
	}
	return e.Diagnostic(file)
}

// scrubInputs adds the cleaning rules and the setting to the fingerprint
// of a job that publishes bundle files.
func (r *Renderer) scrubInputs(h *hasher) {
	h.str(scrub.Version).bool(r.opt.Site.Config.Privacy.StripDocuments())
}
