package imageproc

import (
	"fmt"
)

// Orientation reads the EXIF orientation of a picture in format ("jpeg",
// "png", "webp"): 1 to 8, 1 when there is none or it cannot be read.
func Orientation(data []byte, format string) int { return orientation(data, format) }

// WriteAtomic writes data to a temporary file beside name and renames it
// into place, creating the folder: readers see the whole file or none.
// Other caches of derived files (internal/scrub) write through it too.
func WriteAtomic(name string, data []byte) error { return writeAtomic(name, data) }

// Upright decodes a picture stored with the given EXIF orientation and
// encodes it turned upright in format f (quality is for JPEG), with its
// pixels and nothing else, as every derivative is: internal/scrub turns
// published originals with it. Pictures of more than DefaultMaxPixels are
// refused before decoding.
func Upright(data []byte, orientation int, f Format, quality int) ([]byte, error) {
	cfg, _, err := decodeConfig(data)
	if err != nil {
		return nil, err
	}
	if int64(cfg.Width)*int64(cfg.Height) > DefaultMaxPixels {
		return nil, fmt.Errorf("%d×%d pixels is too large", cfg.Width, cfg.Height)
	}
	img, err := decodeImage(data)
	if err != nil {
		return nil, err
	}
	return encode(orient(toRGBA(img), orientation), f, quality)
}
