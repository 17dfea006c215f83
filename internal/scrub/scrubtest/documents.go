package scrubtest

import (
	"archive/zip"
	"bytes"
	"compress/zlib"
	"encoding/binary"
	"fmt"
	"math/rand/v2"
	"strings"
	"time"
)

// PDFOptions shape a test PDF.
type PDFOptions struct {
	// CompressedXMP deflates the XMP stream.
	CompressedXMP bool
	// ObjectStreams writes a PDF 1.5 file: a cross-reference stream, and
	// the catalog and information dictionary in a compressed object
	// stream.
	ObjectStreams bool
	// Encrypted adds an /Encrypt entry to the trailer (the dictionary is
	// a standard RC4 one; no string is really encrypted).
	Encrypted bool
	// Padding adds an incompressible image of this many bytes (for
	// benchmarks of large files).
	Padding int
	// Photo makes the page's picture a phone photo (PhoneJPEG, with its
	// EXIF), as some programs embed them.
	Photo bool
}

// PDF is a one-page PDF whose information dictionary names its author
// (Author, Creator, and a custom Company key), with an XMP metadata
// stream naming its creator, written the way word processors write them.
func PDF(o PDFOptions) []byte {
	info := "<< /Title (Lembar Kerja Perasaan) /Author (Budi Santoso) /Creator (Microsoft Word untuk Budi Santoso) " +
		"/Producer (warta tests) /Company <FEFF005300440020004E0065006700650072006900200039003900> /CreationDate (D:20250729093000+07'00') >>"
	xmp := []byte(xmpPacket)
	xmpDict := "/Type /Metadata /Subtype /XML"
	if o.CompressedXMP {
		xmp = deflate(xmp)
		xmpDict += " /Filter /FlateDecode"
	}
	content := []byte("BT /F1 24 Tf 72 720 Td (Lembar Kerja: Termometer Perasaan) Tj ET")
	objs := map[int]string{
		1: "<< /Type /Catalog /Pages 2 0 R /Metadata 5 0 R >>",
		2: "<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
		3: "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /Font << /F1 6 0 R >> /XObject << /Im1 8 0 R >> >> /Contents 4 0 R >>",
		4: stream("", content),
		5: stream(xmpDict, xmp),
		6: "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
		7: info,
	}
	noise := make([]byte, max(o.Padding, 3))
	r := rand.New(rand.NewPCG(1, 2))
	for i := range noise {
		noise[i] = byte(r.Uint32())
	}
	objs[8] = stream(fmt.Sprintf("/Type /XObject /Subtype /Image /Width %d /Height 1 /ColorSpace /DeviceRGB /BitsPerComponent 8", len(noise)/3), noise[:len(noise)/3*3])
	if o.Photo {
		objs[8] = stream("/Type /XObject /Subtype /Image /Width 32 /Height 24 /ColorSpace /DeviceRGB /BitsPerComponent 8 /Filter /DCTDecode", PhoneJPEG(32, 24, 1))
	}
	trailerExtra := ""
	if o.Encrypted {
		objs[9] = "<< /Filter /Standard /V 1 /R 2 /O <00112233445566778899AABBCCDDEEFF00112233445566778899AABBCCDDEEFF> /U <00112233445566778899AABBCCDDEEFF00112233445566778899AABBCCDDEEFF> /P -44 >>"
		trailerExtra = " /Encrypt 9 0 R"
	}
	id := " /ID [<0123456789ABCDEF0123456789ABCDEF> <0123456789ABCDEF0123456789ABCDEF>]"
	var buf bytes.Buffer
	if !o.ObjectStreams {
		buf.WriteString("%PDF-1.4\n%\xE2\xE3\xCF\xD3\n")
		n := len(objs)
		offsets := make([]int, n+1)
		for i := 1; i <= n; i++ {
			offsets[i] = buf.Len()
			fmt.Fprintf(&buf, "%d 0 obj\n%s\nendobj\n", i, objs[i])
		}
		xref := buf.Len()
		fmt.Fprintf(&buf, "xref\n0 %d\n0000000000 65535 f \n", n+1)
		for i := 1; i <= n; i++ {
			fmt.Fprintf(&buf, "%010d 00000 n \n", offsets[i])
		}
		fmt.Fprintf(&buf, "trailer\n<< /Size %d /Root 1 0 R /Info 7 0 R%s%s >>\nstartxref\n%d\n%%%%EOF\n", n+1, id, trailerExtra, xref)
		return buf.Bytes()
	}
	// PDF 1.5: objects 1 and 7 go into object stream 10; the
	// cross-reference stream is object 11.
	buf.WriteString("%PDF-1.5\n%\xE2\xE3\xCF\xD3\n")
	inStream := []int{1, 7}
	var header, body bytes.Buffer
	for _, n := range inStream {
		fmt.Fprintf(&header, "%d %d ", n, body.Len())
		body.WriteString(objs[n] + "\n")
	}
	objStm := append(header.Bytes(), body.Bytes()...)
	objs[10] = stream(fmt.Sprintf("/Type /ObjStm /N %d /First %d /Filter /FlateDecode", len(inStream), header.Len()), deflate(objStm))
	type xent struct{ typ, f2, f3 int }
	xrefs := map[int]xent{0: {0, 0, 65535}}
	for i := 1; i <= 10; i++ {
		if objs[i] == "" {
			xrefs[i] = xent{0, 0, 0}
			continue
		}
		if i == 1 || i == 7 {
			idx := 0
			if i == 7 {
				idx = 1
			}
			xrefs[i] = xent{2, 10, idx}
			continue
		}
		xrefs[i] = xent{1, buf.Len(), 0}
		fmt.Fprintf(&buf, "%d 0 obj\n%s\nendobj\n", i, objs[i])
	}
	xrefAt := buf.Len()
	xrefs[11] = xent{1, xrefAt, 0}
	var rows []byte
	for i := 0; i <= 11; i++ {
		e := xrefs[i]
		rows = append(rows, byte(e.typ))
		rows = binary.BigEndian.AppendUint32(rows, uint32(e.f2))
		rows = binary.BigEndian.AppendUint16(rows, uint16(e.f3))
	}
	fmt.Fprintf(&buf, "11 0 obj\n%s\nendobj\nstartxref\n%d\n%%%%EOF\n",
		stream(fmt.Sprintf("/Type /XRef /Size 12 /W [1 4 2] /Root 1 0 R /Info 7 0 R%s%s /Filter /FlateDecode", id, trailerExtra), deflate(rows)), xrefAt)
	return buf.Bytes()
}

func stream(dict string, data []byte) string {
	return fmt.Sprintf("<< %s /Length %d >>\nstream\n%s\nendstream", dict, len(data), data)
}

func deflate(b []byte) []byte {
	var buf bytes.Buffer
	w := zlib.NewWriter(&buf)
	_, _ = w.Write(b)
	_ = w.Close()
	return buf.Bytes()
}

// zipFile is one entry of a test document.
type zipFile struct {
	name  string
	data  string
	store bool
}

func writeZip(files []zipFile) []byte {
	var buf bytes.Buffer
	zw := zip.NewWriter(&buf)
	for _, f := range files {
		h := &zip.FileHeader{Name: f.name, Method: zip.Deflate, Modified: time.Date(2025, 7, 29, 9, 30, 0, 0, time.UTC)}
		if f.store {
			h.Method = zip.Store
		}
		w, err := zw.CreateHeader(h)
		if err != nil {
			panic(err)
		}
		_, _ = w.Write([]byte(f.data))
	}
	if err := zw.Close(); err != nil {
		panic(err)
	}
	return buf.Bytes()
}

// DOCX is a Word document written by Budi Santoso, last saved by Sari
// Wulandari, at "SD Negeri 99" (Company) managed by "Pak Kepala", with a
// comment by Budi anchored in its text, a tracked insertion by Sari, a
// list of people, and a phone photo (with its EXIF) placed in the text.
func DOCX() []byte {
	const w = `xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"`
	return writeZip([]zipFile{
		{name: "[Content_Types].xml", data: `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Default Extension="jpeg" ContentType="image/jpeg"/><Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/><Override PartName="/word/comments.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.comments+xml"/><Override PartName="/word/people.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.people+xml"/><Override PartName="/docProps/core.xml" ContentType="application/vnd.openxmlformats-package.core-properties+xml"/><Override PartName="/docProps/app.xml" ContentType="application/vnd.openxmlformats-officedocument.extended-properties+xml"/></Types>`},
		{name: "_rels/.rels", data: `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId3" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/extended-properties" Target="docProps/app.xml"/><Relationship Id="rId2" Type="http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties" Target="docProps/core.xml"/><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/></Relationships>`},
		{name: "word/_rels/document.xml.rels", data: `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/comments" Target="comments.xml"/><Relationship Id="rId2" Type="http://schemas.microsoft.com/office/2011/relationships/people" Target="people.xml"/><Relationship Id="rId3" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/image" Target="media/image1.jpeg"/></Relationships>`},
		{name: "word/document.xml", data: `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<w:document ` + w + `><w:body><w:p><w:commentRangeStart w:id="0"/><w:r><w:t>Lembar kerja: termometer perasaan.</w:t></w:r><w:commentRangeEnd w:id="0"/><w:r><w:rPr><w:rStyle w:val="CommentReference"/></w:rPr><w:commentReference w:id="0"/></w:r></w:p><w:p><w:ins w:id="1" w:author="Sari Wulandari" w:date="2025-07-29T09:30:00Z"><w:r><w:t>Warnai sesuai perasaanmu.</w:t></w:r></w:ins></w:p><w:sectPr/></w:body></w:document>`},
		{name: "word/comments.xml", data: `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<w:comments ` + w + `><w:comment w:id="0" w:author="Budi Santoso" w:date="2025-07-29T09:00:00Z" w:initials="BS"><w:p><w:r><w:t>Pak Kepala minta foto diganti.</w:t></w:r></w:p></w:comment></w:comments>`},
		{name: "word/people.xml", data: `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<w15:people xmlns:w15="http://schemas.microsoft.com/office/word/2012/wordml"><w15:person w15:author="Budi Santoso"><w15:presenceInfo w15:providerId="None" w15:userId="Budi Santoso"/></w15:person></w15:people>`},
		{name: "word/media/image1.jpeg", data: string(PhoneJPEG(32, 24, 1))},
		{name: "docProps/core.xml", data: `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:dcterms="http://purl.org/dc/terms/" xmlns:dcmitype="http://purl.org/dc/dcmitype/" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"><dc:title>Termometer Perasaan</dc:title><dc:creator>Budi Santoso</dc:creator><cp:lastModifiedBy>Sari Wulandari</cp:lastModifiedBy><cp:revision>3</cp:revision><dcterms:created xsi:type="dcterms:W3CDTF">2025-07-29T09:00:00Z</dcterms:created></cp:coreProperties>`},
		{name: "docProps/app.xml", data: `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/extended-properties" xmlns:vt="http://schemas.openxmlformats.org/officeDocument/2006/docPropsVTypes"><Template>Normal.dotm</Template><Pages>1</Pages><Company>SD Negeri 99</Company><Manager>Pak Kepala</Manager><Application>Microsoft Office Word</Application></Properties>`},
	})
}

// ODT is an OpenDocument text written by Budi Santoso (initial creator),
// saved by Sari Wulandari, printed by "Pak Kepala", with a user-defined
// field, a comment by Budi and a tracked change by Sari.
func ODT() []byte {
	const ns = `xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0" xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:meta="urn:oasis:names:tc:opendocument:xmlns:meta:1.0" office:version="1.3"`
	return writeZip([]zipFile{
		{name: "mimetype", data: "application/vnd.oasis.opendocument.text", store: true},
		{name: "META-INF/manifest.xml", data: `<?xml version="1.0" encoding="UTF-8"?>
<manifest:manifest xmlns:manifest="urn:oasis:names:tc:opendocument:xmlns:manifest:1.0" manifest:version="1.3"><manifest:file-entry manifest:full-path="/" manifest:media-type="application/vnd.oasis.opendocument.text"/><manifest:file-entry manifest:full-path="content.xml" manifest:media-type="text/xml"/><manifest:file-entry manifest:full-path="meta.xml" manifest:media-type="text/xml"/><manifest:file-entry manifest:full-path="Pictures/foto.png" manifest:media-type="image/png"/></manifest:manifest>`},
		{name: "content.xml", data: `<?xml version="1.0" encoding="UTF-8"?>
<office:document-content ` + ns + `><office:body><office:text><text:tracked-changes><text:changed-region text:id="ct1"><text:insertion><office:change-info><dc:creator>Sari Wulandari</dc:creator><dc:date>2025-07-29T09:30:00</dc:date></office:change-info></text:insertion></text:changed-region></text:tracked-changes><text:p>Lembar kerja<office:annotation office:name="c1"><dc:creator>Budi Santoso</dc:creator><dc:date>2025-07-29T09:00:00</dc:date><text:p>Pak Kepala minta foto diganti.</text:p></office:annotation>: termometer<office:annotation-end office:name="c1"/> perasaan. <text:initial-creator/></text:p></office:text></office:body></office:document-content>`},
		{name: "meta.xml", data: `<?xml version="1.0" encoding="UTF-8"?>
<office:document-meta ` + ns + `><office:meta><dc:title>Termometer Perasaan</dc:title><meta:initial-creator>Budi Santoso</meta:initial-creator><dc:creator>Sari Wulandari</dc:creator><meta:printed-by>Pak Kepala</meta:printed-by><meta:user-defined meta:name="Sekolah">SD Negeri 99</meta:user-defined><meta:generator>LibreOffice/7.4</meta:generator></office:meta></office:document-meta>`},
		{name: "Pictures/foto.png", data: string(TextPNG(16, 12, 1))},
	})
}

// Corrupt returns the first half of a document: what a broken download
// leaves.
func Corrupt(doc []byte) []byte { return doc[:len(doc)/2] }

// ContainsSecret reports the first of Secrets that b holds, as text or
// in UTF-16 (PDF strings, XMP), or "".
func ContainsSecret(b []byte) string {
	for _, s := range Secrets {
		if bytes.Contains(b, []byte(s)) {
			return s
		}
		var u16 []byte
		for _, c := range s {
			u16 = append(u16, 0, byte(c))
		}
		if bytes.Contains(bytes.ToUpper(b), []byte(strings.ToUpper(fmt.Sprintf("%X", u16)))) {
			return s + " (UTF-16 hex)"
		}
	}
	return ""
}
