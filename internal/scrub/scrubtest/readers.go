package scrubtest

import (
	"bytes"
	"encoding/json"
	"fmt"
	"image"
	_ "image/jpeg" // decoders for Pixels
	_ "image/png"
	"os"
	"os/exec"
	"path/filepath"
	"sort"
	"strings"
	"testing"

	"github.com/bep/imagemeta"
)

// need finds a command, or fails the test under CI=true (.ci/setup-scrub.sh
// installs it there) and skips it, loudly, elsewhere.
func need(t testing.TB, cmd, pkg string) string {
	t.Helper()
	p, err := exec.LookPath(cmd)
	if err == nil {
		return p
	}
	msg := fmt.Sprintf("%s is not installed (Debian package %s; .ci/setup-scrub.sh installs it): the independent check of cleaned files did not run", cmd, pkg)
	if os.Getenv("CI") == "true" {
		t.Fatal(msg)
	}
	t.Log("SKIPPED: " + msg)
	t.Skip(msg)
	return ""
}

// ExifTool reads every tag exiftool finds in data (saved as a file named
// name), as "Group:Tag" → value, leaving out exiftool's own file facts
// (System, File, ExifTool groups and the Composite tags it computes).
func ExifTool(t testing.TB, name string, data []byte) map[string]string {
	t.Helper()
	exe := need(t, "exiftool", "libimage-exiftool-perl")
	file := filepath.Join(t.TempDir(), name)
	if err := os.WriteFile(file, data, 0o644); err != nil {
		t.Fatal(err)
	}
	out, err := exec.Command(exe, "-j", "-a", "-u", "-G1", "-ee", "-n", file).Output()
	if err != nil {
		t.Fatalf("exiftool %s: %v\n%s", name, err, out)
	}
	var list []map[string]any
	if err := json.Unmarshal(out, &list); err != nil || len(list) != 1 {
		t.Fatalf("exiftool %s: cannot read its output (%v):\n%s", name, err, out)
	}
	tags := map[string]string{}
	for k, v := range list[0] {
		group, _, _ := strings.Cut(k, ":")
		switch group {
		case "SourceFile", "System", "File", "ExifTool", "Composite":
			continue
		}
		tags[k] = fmt.Sprint(v)
	}
	return tags
}

// Keys lists a tag map's keys, sorted, for messages.
func Keys(tags map[string]string) string {
	var ks []string
	for k, v := range tags {
		ks = append(ks, k+"="+v)
	}
	sort.Strings(ks)
	return strings.Join(ks, "\n\t")
}

// ImageMeta lists the EXIF, IPTC and XMP tags github.com/bep/imagemeta
// reads in a JPEG, PNG or WebP.
func ImageMeta(t testing.TB, data []byte, format imagemeta.ImageFormat) []string {
	t.Helper()
	var tags []string
	_, err := imagemeta.Decode(imagemeta.Options{
		R:           bytes.NewReader(data),
		ImageFormat: format,
		Sources:     imagemeta.EXIF | imagemeta.IPTC | imagemeta.XMP,
		HandleTag: func(ti imagemeta.TagInfo) error {
			tags = append(tags, fmt.Sprintf("%s %s=%v", ti.Source, ti.Tag, ti.Value))
			return nil
		},
	})
	if err != nil {
		t.Errorf("imagemeta cannot read the file: %v", err)
	}
	return tags
}

// Pixels decodes a picture.
func Pixels(t testing.TB, data []byte) image.Image {
	t.Helper()
	img, _, err := image.Decode(bytes.NewReader(data))
	if err != nil {
		t.Fatalf("cannot decode the picture: %v", err)
	}
	return img
}

// SamePixels reports the first pixel where a and b differ, or "".
func SamePixels(a, b image.Image) string {
	if a.Bounds() != b.Bounds() {
		return fmt.Sprintf("sizes %v and %v", a.Bounds(), b.Bounds())
	}
	r := a.Bounds()
	for y := r.Min.Y; y < r.Max.Y; y++ {
		for x := r.Min.X; x < r.Max.X; x++ {
			r1, g1, b1, a1 := a.At(x, y).RGBA()
			r2, g2, b2, a2 := b.At(x, y).RGBA()
			if r1 != r2 || g1 != g2 || b1 != b2 || a1 != a2 {
				return fmt.Sprintf("pixel (%d,%d): %v and %v", x, y, a.At(x, y), b.At(x, y))
			}
		}
	}
	return ""
}

// QPDFCheck runs qpdf --check on a PDF: its structure, cross-reference
// table and streams must be sound.
func QPDFCheck(t testing.TB, data []byte) {
	t.Helper()
	exe := need(t, "qpdf", "qpdf")
	file := filepath.Join(t.TempDir(), "check.pdf")
	if err := os.WriteFile(file, data, 0o644); err != nil {
		t.Fatal(err)
	}
	out, err := exec.Command(exe, "--check", file).CombinedOutput()
	if err != nil || bytes.Contains(out, []byte("WARNING")) {
		t.Errorf("qpdf --check: %v\n%s", err, out)
	}
}
