package scrub

import (
	"bytes"
	"errors"
	"fmt"
	"path"
	"strings"
)

// Version changes whenever the rules would give other bytes for the same
// file: it is part of every cache key and of the fingerprint of every job
// that publishes bundle files.
const Version = "warta-scrub-1"

// UprightQuality is the JPEG quality of a photo turned upright: high, as
// published originals are often worksheets with text.
const UprightQuality = 92

// Kind is what a file is, by its first bytes (and, for zip files, its
// name).
type Kind uint8

const (
	Other   Kind = iota // published as it is
	JPEG                // image/jpeg
	PNG                 // image/png
	GIF                 // image/gif
	WebP                // image/webp
	PDF                 // application/pdf
	OOXML               // docx, xlsx, pptx, ...
	ODF                 // odt, ods, odp, ...
	Legacy              // doc, xls, ppt: OLE compound files
	Refused             // pictures with metadata warta cannot rewrite (HEIC, TIFF, ...)
)

// ooxmlExts and odfExts are the zip-based documents warta cleans.
var (
	ooxmlExts = map[string]bool{".docx": true, ".docm": true, ".dotx": true, ".dotm": true,
		".xlsx": true, ".xlsm": true, ".xltx": true, ".xltm": true,
		".pptx": true, ".pptm": true, ".potx": true, ".potm": true, ".ppsx": true, ".ppsm": true}
	odfExts = map[string]bool{".odt": true, ".ods": true, ".odp": true, ".odg": true,
		".ott": true, ".ots": true, ".otp": true, ".otg": true}
	legacyExts = map[string]bool{".doc": true, ".dot": true, ".xls": true, ".xlt": true, ".ppt": true, ".pot": true, ".pps": true}
)

// Sniff says what a file named name is from its first bytes (512 are
// enough). Pictures are known by their bytes whatever their name; zip and
// OLE files count as documents only under a document's extension, so a
// plain .zip is published as it is.
func Sniff(name string, head []byte) Kind {
	ext := strings.ToLower(path.Ext(name))
	switch {
	case bytes.HasPrefix(head, []byte{0xFF, 0xD8, 0xFF}):
		return JPEG
	case bytes.HasPrefix(head, pngSignature):
		return PNG
	case bytes.HasPrefix(head, []byte("GIF87a")), bytes.HasPrefix(head, []byte("GIF89a")):
		return GIF
	case len(head) >= 12 && string(head[:4]) == "RIFF" && string(head[8:12]) == "WEBP":
		return WebP
	case bytes.Contains(head[:min(len(head), 1024)], []byte("%PDF-")):
		return PDF
	case bytes.HasPrefix(head, []byte("PK\x03\x04")) && ooxmlExts[ext]:
		return OOXML
	case bytes.HasPrefix(head, []byte("PK\x03\x04")) && odfExts[ext]:
		return ODF
	case bytes.HasPrefix(head, oleSignature) && (legacyExts[ext] || ooxmlExts[ext] || odfExts[ext]):
		return Legacy // an encrypted docx is an OLE file too
	case refusedFormat(head) != "":
		return Refused
	}
	return Other
}

var oleSignature = []byte{0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1}

// refusedFormat names the picture formats that carry metadata warta cannot
// take out.
func refusedFormat(head []byte) string {
	switch {
	case len(head) >= 12 && string(head[4:8]) == "ftyp":
		switch string(head[8:12]) {
		case "avif", "avis":
			return "AVIF"
		case "heic", "heix", "hevc", "heim", "heis", "mif1", "msf1":
			return "HEIC"
		}
	case bytes.HasPrefix(head, []byte("II*\x00")), bytes.HasPrefix(head, []byte("MM\x00*")):
		return "TIFF"
	case bytes.HasPrefix(head, []byte("8BPS")):
		return "PSD"
	}
	return ""
}

// Field is a property of a document that names people.
type Field struct {
	Name string // as the file calls it: "Author", "dc:creator", "comments"
}

// Result is a cleaned file.
type Result struct {
	Data []byte // the bytes to publish
	// Fields are the properties that name people: left out of Data when
	// documents are stripped, in it otherwise.
	Fields []Field
}

// ErrorKind says why a file cannot be cleaned.
type ErrorKind uint8

const (
	Damaged     ErrorKind = iota + 1 // not what its format says it is
	Encrypted                        // protected: its fields cannot be read
	Unsupported                      // a format warta cannot rewrite
	CannotTurn                       // a picture stored sideways in a format warta cannot encode
	OldOffice                        // doc, xls, ppt
	Uncleanable                      // readable, but its metadata cannot be blanked in place
)

// Error is a file that cannot be published safely.
type Error struct {
	Kind   ErrorKind
	Format string // "PDF", "docx", "HEIC", ...
	Detail int    // CannotTurn: the orientation
	Err    error
}

func (e *Error) Error() string {
	switch e.Kind {
	case Encrypted:
		return fmt.Sprintf("the %s is encrypted: its metadata cannot be removed", e.Format)
	case Unsupported:
		return fmt.Sprintf("%s files keep metadata warta cannot remove", e.Format)
	case CannotTurn:
		return fmt.Sprintf("the %s picture is stored sideways (orientation %d) and cannot be turned", e.Format, e.Detail)
	case OldOffice:
		return fmt.Sprintf("old Office files (%s) keep author fields warta cannot remove", e.Format)
	case Uncleanable:
		return fmt.Sprintf("the metadata of the %s cannot be removed: %v", e.Format, e.Err)
	}
	return fmt.Sprintf("damaged %s: %v", e.Format, e.Err)
}

func (e *Error) Unwrap() error { return e.Err }

func damaged(format string, f string, args ...any) error {
	return &Error{Kind: Damaged, Format: format, Err: fmt.Errorf(f, args...)}
}

// Options say what to clean.
type Options struct {
	// StripDocuments removes the fields of documents that name people
	// (privacy.strip_document_metadata); without it they are only
	// reported. Pictures are always stripped.
	StripDocuments bool
}

// Clean returns the bytes to publish for a file named name (its extension
// matters for zip and OLE files only). A file of kind Other comes back as
// it is. A file that cannot be published safely is an *Error.
func Clean(name string, data []byte, opt Options) (Result, error) {
	kind := Sniff(name, data[:min(len(data), 1024)])
	return clean(kind, name, data, opt)
}

func clean(kind Kind, name string, data []byte, opt Options) (Result, error) {
	var (
		out    []byte
		fields []Field
		err    error
	)
	switch kind {
	case JPEG:
		out, err = uprightJPEG(data)
	case PNG:
		out, err = uprightPNG(data)
	case GIF:
		out, err = StripGIF(data)
	case WebP:
		out, err = uprightWebP(data)
	case PDF:
		out, fields, err = cleanPDF(data, opt.StripDocuments)
	case OOXML, ODF:
		out, fields, err = cleanZipDocument(kind, strings.TrimPrefix(strings.ToLower(path.Ext(name)), "."), data, opt.StripDocuments)
	case Legacy:
		format := strings.TrimPrefix(strings.ToLower(path.Ext(name)), ".")
		if !legacyExts["."+format] {
			// A docx that is an OLE file is an encrypted one.
			err = &Error{Kind: Encrypted, Format: format}
		} else {
			err = &Error{Kind: OldOffice, Format: format}
		}
		if !opt.StripDocuments {
			return Result{Data: data}, nil
		}
	case Refused:
		err = &Error{Kind: Unsupported, Format: refusedFormat(data)}
	default:
		return Result{Data: data}, nil
	}
	if err != nil {
		var e *Error
		if !errors.As(err, &e) {
			err = &Error{Kind: Damaged, Format: kindName(kind, name), Err: err}
		}
		if !opt.StripDocuments && isDocument(kind) && e != nil && e.Kind == Encrypted {
			return Result{Data: data}, nil // not asked to clean: published as it is
		}
		return Result{}, err
	}
	return Result{Data: out, Fields: fields}, nil
}

func isDocument(k Kind) bool { return k == PDF || k == OOXML || k == ODF || k == Legacy }

// kindName names a kind in messages.
func kindName(k Kind, name string) string {
	switch k {
	case JPEG:
		return "JPEG"
	case PNG:
		return "PNG"
	case GIF:
		return "GIF"
	case WebP:
		return "WebP"
	case PDF:
		return "PDF"
	}
	return strings.TrimPrefix(strings.ToLower(path.Ext(name)), ".")
}
