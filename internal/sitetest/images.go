package sitetest

import (
	"bytes"
	"encoding/binary"
	"image"
	"image/color"
	"image/jpeg"
	"image/png"
	"testing/fstest"
)

// PNG returns a valid w×h PNG: a two-colour gradient, the same bytes every
// time, for bundles that need a picture (txtar holds text only).
func PNG(w, h int) []byte {
	var b bytes.Buffer
	if err := png.Encode(&b, picture(w, h)); err != nil {
		panic(err) // encoding an in-memory RGBA image cannot fail
	}
	return b.Bytes()
}

// JPEG returns a valid w×h JPEG, the same bytes every time.
func JPEG(w, h int) []byte {
	var b bytes.Buffer
	if err := jpeg.Encode(&b, picture(w, h), &jpeg.Options{Quality: 60}); err != nil {
		panic(err)
	}
	return b.Bytes()
}

func picture(w, h int) image.Image {
	img := image.NewRGBA(image.Rect(0, 0, w, h))
	for y := range h {
		for x := range w {
			img.Set(x, y, color.RGBA{uint8(40 + 200*x/max(w, 1)), 90, uint8(40 + 200*y/max(h, 1)), 255})
		}
	}
	return img
}

// Add puts a file with the given bytes into fsys, for files txtar cannot
// hold; it returns fsys for chaining.
func Add(fsys fstest.MapFS, name string, data []byte) fstest.MapFS {
	fsys[name] = &fstest.MapFile{Data: data, Mode: 0o644}
	return fsys
}

// WithEXIF inserts an EXIF block into a JPEG: an orientation (1-8), an
// image description and a GPS latitude reference, the kind of metadata a
// phone writes and a published photo must not carry.
func WithEXIF(jpg []byte, orientation uint16, description string) []byte {
	desc := append([]byte(description), 0)
	be := binary.BigEndian
	var t bytes.Buffer
	w16 := func(v uint16) { _ = binary.Write(&t, be, v) }
	w32 := func(v uint32) { _ = binary.Write(&t, be, v) }
	const ifd0, gpsIFD = 8, 8 + 2 + 3*12 + 4
	const descAt = gpsIFD + 2 + 12 + 4
	t.WriteString("MM")
	w16(42)
	w32(ifd0)
	w16(3)
	w16(0x010e) // ImageDescription
	w16(2)
	w32(uint32(len(desc)))
	w32(descAt)
	w16(0x0112) // Orientation
	w16(3)
	w32(1)
	w16(orientation)
	w16(0)
	w16(0x8825) // GPS IFD
	w16(4)
	w32(1)
	w32(gpsIFD)
	w32(0)
	w16(1)
	w16(0x0001) // GPSLatitudeRef
	w16(2)
	w32(2)
	t.WriteString("S\x00\x00\x00")
	w32(0)
	t.Write(desc)

	payload := append([]byte("Exif\x00\x00"), t.Bytes()...)
	seg := []byte{0xff, 0xe1, byte((len(payload) + 2) >> 8), byte(len(payload) + 2)}
	out := append([]byte{}, jpg[:2]...) // SOI
	out = append(out, seg...)
	out = append(out, payload...)
	return append(out, jpg[2:]...)
}
