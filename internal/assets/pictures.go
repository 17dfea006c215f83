package assets

import (
	"fmt"

	"github.com/dinsos-metro/warta/internal/scrub"
)

// publishedPicture strips a picture of assets/ as bundle files are
// stripped (internal/scrub): a banner photo or a logo goes out without its
// EXIF, GPS position, XMP, comments or text chunks, and upright. Other
// files come back as they are.
func publishedPicture(name string, data []byte) ([]byte, error) {
	switch scrub.Sniff(name, data[:min(len(data), 1024)]) {
	case scrub.JPEG, scrub.PNG, scrub.GIF, scrub.WebP, scrub.Refused:
		res, err := scrub.Clean(name, data, scrub.Options{})
		if err != nil {
			return nil, fmt.Errorf("%s/%s: %w", Root, name, err)
		}
		return res.Data, nil
	}
	return data, nil
}
