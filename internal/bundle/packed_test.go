package bundle

import (
	"bytes"
	"strings"
	"testing"
)

// A file packed ahead (Packed) goes into an archive as the same bytes as
// one packed by Zip, and holds no copy of its text.
func TestPackedAhead(t *testing.T) {
	page := []byte(strings.Repeat("<p>Modul pembelajaran untuk PAUD.</p>\n", 300))
	files := []File{
		{Name: "a/index.html", Data: page},
		{Name: "b/index.html", Data: []byte("x")}, // deflate does not help: stored
		{Name: "c/foto.jpg", Data: []byte("jpeg")},
	}
	want, err := ZipBytes(files)
	if err != nil {
		t.Fatal(err)
	}
	var ahead []File
	for _, f := range files {
		ahead = append(ahead, Packed(f))
	}
	if ahead[0].Data != nil || ahead[1].Data != nil {
		t.Error("a packed file kept its text")
	}
	if ahead[2].Data == nil {
		t.Error("a stored format was packed")
	}
	got, err := ZipBytes(ahead)
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(got, want) {
		t.Error("the archive of files packed ahead differs")
	}
	again, _ := ZipBytes(ahead)
	if !bytes.Equal(again, want) {
		t.Error("a packed file differs the second time")
	}
}
