// Package imageproc makes the resized copies ("derivatives") of the photos a
// site publishes, the way a careful person would: upright, without any
// metadata, never wider than the original, once.
//
// # Sources
//
// A Source is an image file of the site, probed without decoding it: its
// format and dimensions come from the header (image.DecodeConfig), its EXIF
// orientation from github.com/bep/imagemeta (the library Hugo uses, fuzzed
// against hostile files), and its identity from a SHA-256 of its bytes.
// Width and Height are upright: a phone photo stored sideways with
// orientation 6 reports the size it is shown at. A file that is not an
// image, an unsupported format (HEIC, TIFF, BMP, ...), a broken header or a
// picture of more than MaxPixels (a decompression bomb) is refused here,
// before any pixel is decoded, with an *Error naming the file.
//
// # Operations
//
// An Op is one derivative: a source, a width, an output format and a JPEG
// quality. Its Key is a hash of the source's content hash and those
// settings (and of the pipeline's version), so the same photo with the same
// settings always gives the same file name and the same bytes, and changing
// a photo or a setting gives new names. Callers collect ops while they render
// pages; Run de-duplicates them, groups them by source and processes the
// groups in parallel, one worker per CPU, each worker holding one decoded
// image at a time.
//
// Processing decodes the source once (image/jpeg, image/png, image/gif,
// golang.org/x/image/webp), then makes every width it needs from the
// largest down: it halves the picture with a 2×2 average while it stays at
// least twice as wide as the target, and finishes with
// golang.org/x/image/draw's ApproxBiLinear, so no step shrinks by more than
// half (bilinear's weakness, aliasing, comes from larger steps). On photos
// this is within 42-47 dB PSNR of Catmull-Rom at a sixth of its cost; the
// budget is to make derivatives in half of Hugo's time. The orientation is applied
// as part of each derivative (resize in the stored frame to the rotated
// size, then rotate or mirror), which gives the same pixels as rotating the
// full picture first at a fraction of the memory. Output is JPEG at the
// op's quality, or PNG for sources that may be transparent, and WebP for
// the copies offered beside them (Op.WebP: lossy at the JPEG's quality,
// lossless beside a PNG), encoded by libwebp compiled to WebAssembly
// (github.com/gen2brain/webp on wazero: no cgo). A JPEG and its WebP share
// the decode and the resized pixels; a worker with no source left helps
// the others with their encodes. The encoders write pixels only: no EXIF,
// GPS, XMP, ICC, comments or thumbnails survive.
//
// # Cache
//
// Finished derivatives are kept in a cache folder (CacheDir), one file per
// key, written to a temporary file and renamed into place, so a crash never
// leaves half a file under a real name. A build that finds every key in the
// cache decodes nothing (Stats.Decoded counts decodes). The cache also
// remembers, per source path, its size, modification time, hash and probe,
// so an unchanged photo is not even read again. Prune removes every cache
// file the processor did not use, after a successful build. Without a
// CacheDir, derivatives live in memory for the Processor's lifetime.
package imageproc
