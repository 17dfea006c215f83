package sitetest

import (
	"bytes"
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
