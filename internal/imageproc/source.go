package imageproc

import (
	"bytes"
	"crypto/sha256"
	"encoding/binary"
	"encoding/hex"
	"errors"
	"fmt"
	"image"
	"image/color"
	_ "image/gif" // decoders register themselves with package image
	_ "image/jpeg"
	_ "image/png"

	"github.com/bep/imagemeta"
	xwebp "golang.org/x/image/webp"
)

// DefaultMaxPixels refuses pictures larger than 100 megapixels: a phone
// photo has 12 to 50, and a 50000×50000 "photo" of a few kilobytes is a
// decompression bomb that would need 10 GB to decode.
const DefaultMaxPixels = 100_000_000

// Source is an image file of the site, probed but not decoded.
type Source struct {
	Path   string // slash path in the site's file system
	Hash   string // hex SHA-256 of the file's bytes
	Format string // jpeg, png, gif, webp
	// Width and Height are upright: the orientation is applied.
	Width, Height int
	// Orientation is the EXIF orientation, 1 to 8 (1: stored upright).
	Orientation int
	// Alpha is true when the picture may have transparent pixels.
	Alpha bool
}

// Output is the derivative format for s: PNG when it may be transparent,
// else JPEG.
func (s *Source) Output() Format {
	if s.Alpha {
		return PNG
	}
	return JPEG
}

// ErrorKind says what is wrong with an image.
type ErrorKind int

const (
	ErrRead        ErrorKind = iota // the file cannot be read
	ErrNotImage                     // the bytes are no image at all
	ErrUnsupported                  // an image in a format warta cannot decode
	ErrTooLarge                     // more pixels than MaxPixels
	ErrCorrupt                      // truncated or damaged
	ErrWrite                        // the cache or output could not be written
)

// Error is a problem with one image file.
type Error struct {
	Path   string
	Kind   ErrorKind
	Format string // ErrUnsupported: the format found
	Width  int    // ErrTooLarge: the dimensions found
	Height int
	Err    error
}

func (e *Error) Error() string {
	switch e.Kind {
	case ErrNotImage:
		return e.Path + ": not an image"
	case ErrUnsupported:
		return fmt.Sprintf("%s: unsupported image format %s", e.Path, e.Format)
	case ErrTooLarge:
		return fmt.Sprintf("%s: %d×%d pixels is too large", e.Path, e.Width, e.Height)
	}
	return fmt.Sprintf("%s: %v", e.Path, e.Err)
}

func (e *Error) Unwrap() error { return e.Err }

// probe identifies data as an image without decoding its pixels.
func probe(path string, data []byte, maxPixels int) (*Source, error) {
	sum := sha256.Sum256(data)
	cfg, format, err := decodeConfig(data)
	if err != nil {
		if errors.Is(err, image.ErrFormat) {
			if f := sniffUnsupported(data); f != "" {
				return nil, &Error{Path: path, Kind: ErrUnsupported, Format: f, Err: err}
			}
			return nil, &Error{Path: path, Kind: ErrNotImage, Err: err}
		}
		return nil, &Error{Path: path, Kind: ErrCorrupt, Err: err}
	}
	if cfg.Width <= 0 || cfg.Height <= 0 {
		return nil, &Error{Path: path, Kind: ErrCorrupt, Err: fmt.Errorf("image has no pixels (%d×%d)", cfg.Width, cfg.Height)}
	}
	if int64(cfg.Width)*int64(cfg.Height) > int64(maxPixels) {
		return nil, &Error{Path: path, Kind: ErrTooLarge, Width: cfg.Width, Height: cfg.Height}
	}
	s := &Source{
		Path:        path,
		Hash:        hex.EncodeToString(sum[:]),
		Format:      format,
		Width:       cfg.Width,
		Height:      cfg.Height,
		Orientation: orientation(data, format),
		Alpha:       mayBeTransparent(data, format, cfg.ColorModel),
	}
	if s.Orientation >= 5 {
		s.Width, s.Height = s.Height, s.Width
	}
	return s, nil
}

// orientation reads the EXIF orientation tag; 1 when there is none or the
// metadata cannot be read (a damaged EXIF block does not make a bad photo).
func orientation(data []byte, format string) int {
	var f imagemeta.ImageFormat
	switch format {
	case "jpeg":
		f = imagemeta.JPEG
	case "png":
		f = imagemeta.PNG
	case "webp":
		f = imagemeta.WebP
	default:
		return 1
	}
	o := 1
	_, _ = imagemeta.Decode(imagemeta.Options{
		R:           bytes.NewReader(data),
		ImageFormat: f,
		Sources:     imagemeta.EXIF,
		ShouldHandleTag: func(ti imagemeta.TagInfo) bool {
			return ti.Tag == "Orientation" && ti.Namespace == "IFD0"
		},
		HandleTag: func(ti imagemeta.TagInfo) error {
			if v, ok := ti.Value.(uint16); ok && v >= 1 && v <= 8 {
				o = int(v)
			}
			return imagemeta.ErrStopWalking
		},
	})
	return o
}

// mayBeTransparent decides from the header whether the picture can hold
// transparent pixels. For PNG it also looks for a tRNS chunk, which
// image.DecodeConfig does not report.
func mayBeTransparent(data []byte, format string, m color.Model) bool {
	if format == "png" {
		return pngAlpha(data)
	}
	switch m {
	case color.RGBAModel, color.RGBA64Model, color.NRGBAModel, color.NRGBA64Model,
		color.AlphaModel, color.Alpha16Model, color.NYCbCrAModel:
		return true
	}
	if p, ok := m.(color.Palette); ok {
		for _, c := range p {
			if _, _, _, a := c.RGBA(); a != 0xffff {
				return true
			}
		}
	}
	return false
}

// pngAlpha reads the colour type in the IHDR chunk (4 and 6 carry alpha)
// and walks the chunks before the image data for a tRNS chunk (a
// transparent palette entry or colour).
func pngAlpha(data []byte) bool {
	const sigLen, colourType = 8, 8 + 8 + 9
	if len(data) > colourType && (data[colourType] == 4 || data[colourType] == 6) {
		return true
	}
	for i := sigLen; i+8 <= len(data); {
		n := int(binary.BigEndian.Uint32(data[i:]))
		typ := string(data[i+4 : i+8])
		switch typ {
		case "tRNS":
			return true
		case "IDAT", "IEND":
			return false
		}
		if n < 0 || n > len(data) {
			return false
		}
		i += 12 + n
	}
	return false
}

// sniffUnsupported names formats people put in bundles that warta cannot
// decode, so the message can say "this is a HEIC photo" rather than "not an
// image".
func sniffUnsupported(data []byte) string {
	switch {
	case len(data) >= 12 && string(data[4:8]) == "ftyp":
		switch string(data[8:12]) {
		case "avif", "avis":
			return "AVIF"
		case "heic", "heix", "hevc", "heim", "heis", "mif1", "msf1":
			return "HEIC"
		}
	case bytes.HasPrefix(data, []byte("II*\x00")), bytes.HasPrefix(data, []byte("MM\x00*")):
		return "TIFF"
	case bytes.HasPrefix(data, []byte("BM")) && len(data) > 26:
		return "BMP"
	case bytes.HasPrefix(data, []byte("8BPS")):
		return "PSD"
	case bytes.Contains(data[:min(len(data), 512)], []byte("<svg")):
		return "SVG"
	}
	return ""
}

// decodeConfig and decodeImage read WebP sources with golang.org/x/image/webp
// whatever else registered the format with package image: the WebAssembly
// libwebp linked in for encoding (github.com/gen2brain/webp) registers a
// decoder too, which would compile its module for a header and report
// every WebP as possibly transparent.
func decodeConfig(data []byte) (image.Config, string, error) {
	if isWebP(data) {
		cfg, err := xwebp.DecodeConfig(bytes.NewReader(data))
		return cfg, "webp", err
	}
	return image.DecodeConfig(bytes.NewReader(data))
}

func decodeImage(data []byte) (image.Image, error) {
	if isWebP(data) {
		return xwebp.Decode(bytes.NewReader(data))
	}
	img, _, err := image.Decode(bytes.NewReader(data))
	return img, err
}

func isWebP(data []byte) bool {
	return len(data) >= 16 && string(data[:4]) == "RIFF" && string(data[8:15]) == "WEBPVP8"
}
