// Package scrub takes the personal metadata out of the files of a bundle
// that a site publishes as they are: module attachments, and any other
// file of a page's folder copied to the output or into a module's or a
// level's zip. A phone photo used as a worksheet must not carry its GPS
// position, its owner's name or the camera's serial number to the public,
// and a worksheet written in Word must not name the teacher who wrote it.
//
// # What is kept and what goes
//
// Pictures lose everything but what decoding needs, always:
//
//   - JPEG: EXIF (APP1, with its embedded thumbnail and GPS), XMP, IPTC and
//     Photoshop data (APP13), comments (COM), every other APPn segment, the
//     thumbnail of a JFIF header, and whatever follows the end of the image
//     (the second pictures of MPF files, the videos of "motion photos").
//     Kept: the JFIF header, the ICC colour profile (APP2 ICC_PROFILE) and
//     Adobe's APP14 (which says how colours were transformed). The
//     segments are copied, not re-encoded, so the pixels are exactly the
//     source's; only a photo stored sideways (EXIF orientation 2 to 8) is
//     decoded, turned upright and encoded again (internal/imageproc, JPEG
//     quality UprightQuality), keeping its RGB colour profile.
//   - PNG: only the critical chunks and those that say how to show the
//     pixels (tRNS, gAMA, cHRM, sRGB, iCCP, sBIT, pHYs, bKGD, cICP, the HDR
//     chunks and the animation chunks of APNG); text (tEXt, zTXt, iTXt),
//     eXIf, tIME and every other chunk go. A PNG with an EXIF orientation
//     other than 1 is turned upright (losslessly).
//   - GIF: comment extensions and application extensions other than the
//     animation loop (NETSCAPE2.0, ANIMEXTS1.0) and the colour profile.
//   - WebP: the EXIF and XMP chunks (and unknown ones), with their flags in
//     the VP8X header. warta cannot encode WebP, so a WebP stored sideways
//     is refused (save it upright, or as JPEG).
//   - HEIC, AVIF, TIFF and Photoshop files carry the same metadata and
//     warta cannot rewrite them: they are refused, with the advice to save
//     them as JPEG or PNG.
//
// Documents name people in their properties. Each such field is reported
// as a warning naming the file and the field; with
// privacy.strip_document_metadata on (the default) the published copy
// leaves it out, off it is published as it is:
//
//   - PDF: in the document information dictionary, Author, Creator and any
//     key the standard does not define (Title, Subject, Keywords, Producer,
//     the dates and Trapped describe the document or the software, and
//     stay); the XMP metadata streams, which repeat the author; comments
//     (markup annotations: who wrote them and what they say; an empty note
//     stays in place). Fields are blanked in place (overwritten with
//     spaces, a compressed stream with a stream of the same length), so
//     every byte offset of the file and its cross-reference table stays
//     true and nothing else is touched. When a compressed object stream,
//     blanked, no longer fits its room, its objects are written again,
//     blanked, in a revision appended to the file, and the old stream is
//     overwritten with spaces. An encrypted PDF (its fields cannot be read)
//     and a damaged one are refused. pdfcpu, the PDF library of Go, is not
//     used: it writes the whole file again, with the time of the run in
//     its information dictionary and ID, so a build would no longer give
//     the same bytes twice.
//   - Office Open XML (docx, xlsx, pptx and their macro and template
//     forms): docProps/core.xml creator and lastModifiedBy,
//     docProps/app.xml Company and Manager, every custom property; in Word
//     files the comments (word/comments.xml and the marks that anchor them
//     in the text) and the names of who made tracked changes and of the
//     people list; in Excel and PowerPoint files the names of comment
//     authors.
//   - OpenDocument (odt, ods, odp, odg): meta.xml initial-creator, creator,
//     printed-by and user-defined fields; comments (office:annotation) and
//     the authors of tracked changes.
//   - Pictures inside Office and OpenDocument files, and JPEG pictures of
//     PDF pages, are stripped as above (without turning: the document
//     places them), whatever the setting; in a PDF the stripped picture is
//     padded with zeros after its end, so the file keeps its offsets.
//   - Old binary Office files (doc, xls, ppt) and encrypted Office files
//     cannot be cleaned and are refused while the setting is on.
//
// XML parts are edited by cutting byte ranges found with encoding/xml's
// offsets, so everything else of a part stays byte for byte; the zip is
// written again with the same entries in the same order, unchanged entries
// copied without recompressing, and no archive comment.
//
// Any other file (text, SVG, audio, video, zip) is published as it is.
//
// # Cache
//
// A Cleaner cleans each file once per build and keeps the result in a
// cache by a hash of the file's bytes, the rules' Version and the setting,
// on disk (.cache/warta/scrub/ of the site) or in memory; Prune removes
// what a complete build did not use. FS gives the cleaned files as an
// fs.FS, so the publishing code copies and zips them like any file.
package scrub
