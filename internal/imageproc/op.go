package imageproc

import (
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"slices"
)

// version changes whenever the pipeline would make different bytes for the
// same op (resampler, encoder settings), so old cache entries are not
// reused and get pruned.
const version = "warta-images-1"

// Format is an output format.
type Format uint8

const (
	JPEG Format = iota + 1
	PNG
	// WebP is the lighter copy served beside a JPEG or PNG (in a
	// <picture>): lossy for photos, lossless for pictures that may be
	// transparent, whose fallback is a lossless PNG.
	WebP
)

// Ext is the file extension of the format, with its dot.
func (f Format) Ext() string {
	switch f {
	case PNG:
		return ".png"
	case WebP:
		return ".webp"
	}
	return ".jpg"
}

// Op is one derivative of a source.
type Op struct {
	Src     *Source
	Width   int // upright width in pixels; never more than Src.Width
	Format  Format
	Quality int // JPEG or WebP quality, 1-100; 0 for a lossless WebP
}

// NewOp makes the op for a derivative of src at width (clamped to the
// source's width) in the source's natural output format.
func NewOp(src *Source, width, quality int) Op {
	return Op{Src: src, Width: min(width, src.Width), Format: src.Output(), Quality: quality}
}

// WebP is the WebP copy of op, a JPEG or PNG derivative: the same picture
// at the same width. Beside a JPEG it is lossy at the JPEG's quality: with
// libwebp's method 2, the same number gives about the same faithfulness
// (luma SSIM of real photos, at 70 and at 80) in about four fifths of
// the bytes, far less on smooth pictures (BenchmarkQuality;
// docs/BENCHMARKS.md, "Images"). Beside a PNG, kept for pictures that may
// be transparent (drawings, logos, screenshots), it is lossless (Quality
// 0) like the PNG, where lossy WebP would blur edges and text.
func (o Op) WebP() Op {
	q := 0
	if o.Format != PNG {
		q = o.Quality
	}
	return Op{Src: o.Src, Width: o.Width, Format: WebP, Quality: q}
}

// Height is the derivative's upright height, keeping the aspect ratio.
func (o Op) Height() int {
	if o.Width == o.Src.Width {
		return o.Src.Height
	}
	return max(1, (o.Src.Height*o.Width+o.Src.Width/2)/o.Src.Width)
}

// Key names the derivative: a hash of the source's content and every
// setting that changes the output.
func (o Op) Key() string {
	q := o.Quality
	if o.Format == PNG {
		q = 0 // PNG is lossless; quality must not split the cache
	}
	sum := sha256.Sum256(fmt.Appendf(nil, "%s|%s|%d|%d|%d", version, o.Src.Hash, o.Width, o.Format, q))
	return hex.EncodeToString(sum[:16])
}

// Widths picks the derivative widths of a source w pixels wide from the
// configured widths: each one narrower than the source, and the source's
// own width when it is narrower than the widest configured one, so a small
// photo is never blown up and still gets a derivative. The result is sorted
// ascending and never empty.
func Widths(configured []int, w int) []int {
	var out []int
	widest := 0
	for _, c := range configured {
		widest = max(widest, c)
		if c < w {
			out = append(out, c)
		}
	}
	if w <= widest || len(out) == 0 {
		out = append(out, w)
	}
	slices.Sort(out)
	return slices.Compact(out)
}
