package scrub

import (
	"strings"

	"github.com/dinsos-metro/warta/internal/diag"
)

// reason is why a readable file cannot be cleaned (Uncleanable): a code of
// the catalogue, so that staff read it in their own language. Its Error is
// the English, which is also what the cache keeps.
type reason diag.Code

func (r reason) Error() string { return diag.P(diag.Code(r)).String() }

var (
	errNoRoom        = reason(diag.ScrubWhyNoRoom) // the blanked stream did not compress into its old length
	errXMPCompressed = reason(diag.ScrubWhyXMPCompressed)
	errInfoUnread    = reason(diag.ScrubWhyInfoUnread)
	errNoStartxref   = reason(diag.ScrubWhyNoStartxref)
	errStartxref     = reason(diag.ScrubWhyStartxref)
	errXrefTable     = reason(diag.ScrubWhyXrefTable)
	errXrefUnread    = reason(diag.ScrubWhyXrefUnread)
)

// reasons are every reason, to find one again from the English that a
// cache written before reasons were codes holds.
var reasons = []reason{errNoRoom, errXMPCompressed, errInfoUnread, errNoStartxref, errStartxref, errXrefTable, errXrefUnread}

// reasonOf is the reason a cache entry names by code or, failing that, by
// its English; nil when it names none.
func reasonOf(code, english string) error {
	for _, r := range reasons {
		if (code != "" && string(r) == code) || (code == "" && r.Error() == english) {
			return r
		}
	}
	return nil
}

// xmpField is the field name of a PDF's XMP metadata stream, which has no
// name of its own in the file.
const xmpField = "XMP metadata"

// Label is the field as a message names it: as the file calls it, but
// for the XMP stream, which is described in the reader's language.
func (f Field) Label() any {
	if f.Name == xmpField {
		return diag.P(diag.ScrubXMPField)
	}
	return f.Name
}

// Diagnostic says why file cannot be published, in the catalogue's words.
func (e *Error) Diagnostic(file string) diag.Diagnostic {
	format := e.Format
	if format == strings.ToLower(format) && e.Kind != OldOffice {
		format = strings.ToUpper(format) // an extension, "docx": written as the names PDF and WebP are
	}
	switch e.Kind {
	case Encrypted:
		return diag.New(file, 0, diag.ScrubEncrypted, format)
	case Unsupported:
		return diag.New(file, 0, diag.ScrubUnsupported, format)
	case CannotTurn:
		return diag.New(file, 0, diag.ScrubCannotTurn, format, e.Detail)
	case OldOffice:
		return diag.New(file, 0, diag.ScrubOldOffice, format)
	case Uncleanable:
		var why any = ""
		if r, ok := e.Err.(reason); ok {
			why = diag.P(diag.Code(r))
		} else if e.Err != nil {
			why = e.Err.Error()
		}
		return diag.New(file, 0, diag.ScrubCannotClean, format, why)
	}
	// Damaged: what to do in plain words, then the reader's own error
	// (Go's zip reader, the parsers here) for whoever looks further.
	var fix diag.Part
	switch format {
	case "PDF":
		fix = diag.P(diag.ScrubFixPDF)
	case "JPEG", "PNG", "GIF", "WebP":
		fix = diag.P(diag.ScrubFixPicture, format)
	default:
		fix = diag.P(diag.ScrubFixDocument, format)
	}
	var tech any = ""
	if e.Err != nil {
		tech = diag.P(diag.ScrubTechnical, e.Err.Error())
	}
	return diag.New(file, 0, diag.ScrubDamaged, format, format, fix, tech)
}
