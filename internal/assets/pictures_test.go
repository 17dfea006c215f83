package assets_test

import (
	iofs "io/fs"
	"testing"
	"testing/fstest"

	"github.com/dinsos-metro/warta/internal/assets"
	"github.com/dinsos-metro/warta/internal/scrub/scrubtest"
)

// Issue 12: every published picture, whatever its role, goes out without
// metadata; a photo in assets/ too.
func TestAssetPicturesCarryNoMetadata(t *testing.T) {
	layer := fstest.MapFS{
		"assets/img/kepala-dinas.jpg": {Data: scrubtest.PhoneJPEG(32, 24, 1)},
		"assets/img/banner.png":       {Data: scrubtest.TextPNG(32, 24, 1)},
		"assets/img/logo.svg":         {Data: []byte(`<svg xmlns="http://www.w3.org/2000/svg"/>`)},
	}
	set, err := assets.Process([]iofs.FS{layer}, nil)
	if err != nil {
		t.Fatal(err)
	}
	for _, name := range []string{"img/kepala-dinas.jpg", "img/banner.png"} {
		b, ok := set.Bytes(name)
		if !ok {
			t.Fatalf("%s not published", name)
		}
		if s := scrubtest.ContainsSecret(b); s != "" {
			t.Errorf("%s still holds %q", name, s)
		}
	}
	if _, err := assets.Process([]iofs.FS{fstest.MapFS{"assets/img/foto.heic": {Data: append([]byte("\x00\x00\x00\x18ftypheic"), make([]byte, 40)...)}}}, nil); err == nil {
		t.Error("a HEIC photo in assets/ was published")
	}
}
