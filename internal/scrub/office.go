package scrub

import (
	"archive/zip"
	"bytes"
	"encoding/xml"
	"fmt"
	"io"
	"path"
	"strings"
)

// Limits for zip-based documents: a crafted file must not make a build
// inflate gigabytes.
const (
	maxZipEntries = 20000
	maxZipPart    = 256 << 20
)

const dcNamespace = "http://purl.org/dc/elements/1.1/"

// partRules returns what to take out of one part of an Office Open XML
// (kind OOXML) or OpenDocument (ODF) file, or false for parts to leave
// alone. Parts are known by their path; elements by their local names (the
// strict and transitional forms of OOXML differ in namespaces only).
func partRules(kind Kind, name string) (xmlRules, bool) {
	lower := strings.ToLower(name)
	local := func(names map[string]string) func(e xml.StartElement) (string, bool) {
		return func(e xml.StartElement) (string, bool) {
			label, ok := names[e.Name.Local]
			return label, ok
		}
	}
	if kind == ODF {
		switch {
		case lower == "meta.xml":
			return xmlRules{drop: func(e xml.StartElement) (string, bool) {
				switch e.Name.Local {
				case "initial-creator", "printed-by":
					return e.Name.Local, true
				case "creator":
					return "creator", e.Name.Space == dcNamespace
				case "user-defined":
					return fmt.Sprintf("user-defined field %q", attr(e, "name")), true
				}
				return "", false
			}}, true
		case lower == "content.xml", lower == "styles.xml":
			return xmlRules{drop: func(e xml.StartElement) (string, bool) {
				switch e.Name.Local {
				case "annotation":
					return "comments", true
				case "annotation-end":
					return "", true
				case "creator": // of a tracked change (text:creator is a field of the text)
					return "tracked-change authors", e.Name.Space == dcNamespace
				}
				return "", false
			}}, true
		}
		return xmlRules{}, false
	}
	switch {
	case lower == "docprops/core.xml":
		return xmlRules{drop: func(e xml.StartElement) (string, bool) {
			switch e.Name.Local {
			case "creator":
				return "creator", true
			case "lastModifiedBy":
				return "lastModifiedBy", true
			}
			return "", false
		}}, true
	case lower == "docprops/app.xml":
		return xmlRules{drop: local(map[string]string{"Company": "Company", "Manager": "Manager"})}, true
	case lower == "docprops/custom.xml":
		return xmlRules{drop: func(e xml.StartElement) (string, bool) {
			return fmt.Sprintf("custom property %q", attr(e, "name")), e.Name.Local == "property"
		}}, true
	case lower == "word/people.xml":
		return xmlRules{drop: local(map[string]string{"person": "people"})}, true
	case strings.HasPrefix(lower, "word/comments") && path.Ext(lower) == ".xml":
		// comments.xml, commentsExtended.xml, commentsIds.xml,
		// commentsExtensible.xml: the comments and what Word keeps about
		// them.
		return xmlRules{drop: local(map[string]string{
			"comment": "comments", "commentEx": "", "commentId": "", "commentExtensible": "",
		})}, true
	case strings.HasPrefix(lower, "word/") && path.Ext(lower) == ".xml" && !strings.Contains(lower[5:], "/"):
		// The text, headers, footers and notes: the marks that anchor
		// comments, and the names of who made tracked changes.
		return xmlRules{
			drop: local(map[string]string{"commentRangeStart": "", "commentRangeEnd": "", "commentReference": ""}),
			attr: func(_ xml.StartElement, a xml.Attr) (string, bool) {
				return "tracked-change authors", a.Name.Local == "author"
			},
		}, true
	case strings.HasPrefix(lower, "xl/comments") && path.Ext(lower) == ".xml":
		return xmlRules{empty: local(map[string]string{"author": "comment authors"})}, true
	case strings.HasPrefix(lower, "xl/persons/"):
		return xmlRules{attr: attrs("person", "people", "displayName", "userId", "providerId")}, true
	case lower == "ppt/commentauthors.xml":
		return xmlRules{attr: attrs("cmAuthor", "comment authors", "name", "initials")}, true
	case lower == "ppt/authors.xml":
		return xmlRules{attr: attrs("author", "comment authors", "name", "initials", "userId", "providerId")}, true
	}
	return xmlRules{}, false
}

// attrs is a rule emptying the named attributes of elements named elem.
func attrs(elem, label string, names ...string) func(xml.StartElement, xml.Attr) (string, bool) {
	return func(e xml.StartElement, a xml.Attr) (string, bool) {
		if e.Name.Local != elem || a.Name.Space == "xmlns" || a.Name.Local == "xmlns" {
			return "", false
		}
		for _, n := range names {
			if a.Name.Local == n {
				return label, true
			}
		}
		return "", false
	}
}

func attr(e xml.StartElement, local string) string {
	for _, a := range e.Attr {
		if a.Name.Local == local {
			return a.Value
		}
	}
	return ""
}

// cleanZipDocument reports and, with strip, removes the fields of an
// Office Open XML or OpenDocument file that name people, and strips the
// pictures inside it whatever strip says. format is its extension, for
// messages.
func cleanZipDocument(kind Kind, format string, data []byte, strip bool) ([]byte, []Field, error) {
	zr, err := zip.NewReader(bytes.NewReader(data), int64(len(data)))
	if err != nil {
		return nil, nil, damaged(format, "%v", err)
	}
	if len(zr.File) > maxZipEntries {
		return nil, nil, damaged(format, "it holds %d files", len(zr.File))
	}
	var (
		fields  []Field
		seen    = map[string]bool{}
		changed = map[string][]byte{}
	)
	known := false
	for _, f := range zr.File {
		switch f.Name {
		case "[Content_Types].xml":
			known = known || kind == OOXML
		case "mimetype":
			known = known || kind == ODF
		case "META-INF/manifest.xml":
			if kind == ODF {
				manifest, err := readPart(f)
				if err != nil {
					return nil, nil, damaged(format, "%s: %v", f.Name, err)
				}
				if bytes.Contains(manifest, []byte("encryption-data")) {
					return nil, nil, &Error{Kind: Encrypted, Format: format}
				}
			}
		}
	}
	if !known {
		return nil, nil, damaged(format, "it is a zip file, but not a %s document", format)
	}
	for _, f := range zr.File {
		rules, ok := partRules(kind, f.Name)
		if !ok {
			if out, err := stripPicture(f); err != nil {
				return nil, nil, damaged(format, "%s: %v", f.Name, err)
			} else if out != nil {
				changed[f.Name] = out
			}
			continue
		}
		part, err := readPart(f)
		if err != nil {
			return nil, nil, damaged(format, "%s: %v", f.Name, err)
		}
		out, labels, err := editXML(part, rules)
		if err != nil {
			return nil, nil, damaged(format, "%s: %v", f.Name, err)
		}
		for _, l := range labels {
			if !seen[l] {
				seen[l] = true
				fields = append(fields, Field{Name: l})
			}
		}
		if strip && out != nil {
			changed[f.Name] = out
		}
	}
	if len(changed) == 0 {
		return data, fields, nil
	}
	out, err := rewriteZip(zr, changed)
	if err != nil {
		return nil, nil, damaged(format, "%v", err)
	}
	return out, fields, nil
}

// readPart reads one entry, refusing more than maxZipPart bytes.
func readPart(f *zip.File) ([]byte, error) {
	if f.UncompressedSize64 > maxZipPart {
		return nil, fmt.Errorf("%d bytes is too large", f.UncompressedSize64)
	}
	r, err := f.Open()
	if err != nil {
		return nil, err
	}
	defer r.Close()
	b, err := io.ReadAll(io.LimitReader(r, maxZipPart+1))
	if err == nil && len(b) > maxZipPart {
		err = fmt.Errorf("more than %d bytes", maxZipPart)
	}
	return b, err
}

// stripPicture strips a picture inside a document (not turned: the
// document says how it is placed), or returns nil for any other entry or a
// picture that had nothing to strip.
func stripPicture(f *zip.File) ([]byte, error) {
	if strings.HasSuffix(f.Name, "/") || f.UncompressedSize64 < 8 {
		return nil, nil
	}
	r, err := f.Open()
	if err != nil {
		return nil, err
	}
	head := make([]byte, 16)
	n, _ := io.ReadFull(r, head)
	r.Close()
	var strip func([]byte) ([]byte, error)
	switch Sniff(f.Name, head[:n]) {
	case JPEG:
		strip = StripJPEG
	case PNG:
		strip = StripPNG
	case GIF:
		strip = StripGIF
	case WebP:
		strip = StripWebP
	default:
		return nil, nil
	}
	data, err := readPart(f)
	if err != nil {
		return nil, err
	}
	out, err := strip(data)
	if err != nil || bytes.Equal(out, data) {
		return nil, err
	}
	return out, nil
}

// rewriteZip writes the archive again with the same entries in the same
// order: changed ones compressed as before, the others copied as they
// are, without extra fields, comments or an archive comment.
func rewriteZip(zr *zip.Reader, changed map[string][]byte) ([]byte, error) {
	var buf bytes.Buffer
	zw := zip.NewWriter(&buf)
	for _, f := range zr.File {
		if data, ok := changed[f.Name]; ok {
			h := &zip.FileHeader{Name: f.Name, Method: f.Method, NonUTF8: f.NonUTF8,
				ModifiedDate: f.ModifiedDate, ModifiedTime: f.ModifiedTime}
			h.SetMode(0o644)
			w, err := zw.CreateHeader(h)
			if err != nil {
				return nil, err
			}
			if _, err := w.Write(data); err != nil {
				return nil, err
			}
			continue
		}
		h := f.FileHeader
		h.Extra, h.Comment = nil, ""
		w, err := zw.CreateRaw(&h)
		if err != nil {
			return nil, err
		}
		r, err := f.OpenRaw()
		if err != nil {
			return nil, err
		}
		if _, err := io.Copy(w, r); err != nil {
			return nil, err
		}
	}
	if err := zw.Close(); err != nil {
		return nil, err
	}
	return buf.Bytes(), nil
}
