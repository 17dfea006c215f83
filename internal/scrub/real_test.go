package scrub_test

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/dinsos-metro/warta/internal/scrub"
	"github.com/dinsos-metro/warta/internal/scrub/scrubtest"
)

// Files written by real programs (testdata/real/README.md says how): each
// comes out without a name in it, as exiftool reads it and as its bytes
// (and inflated streams and zip parts) hold it, and every PDF passes
// qpdf --check.
func TestRealFiles(t *testing.T) {
	names, err := filepath.Glob("testdata/real/*.*")
	if err != nil {
		t.Fatal(err)
	}
	for _, file := range names {
		name := filepath.Base(file)
		if name == "README.md" {
			continue
		}
		t.Run(name, func(t *testing.T) {
			src, err := os.ReadFile(file)
			if err != nil {
				t.Fatal(err)
			}
			res, err := scrub.Clean(name, src, scrub.Options{StripDocuments: true})
			if err != nil {
				t.Fatal(err)
			}
			if len(res.Fields) == 0 {
				t.Error("no field reported; each of these files names someone")
			}
			out := res.Data
			if strings.HasSuffix(name, ".pdf") {
				if s := scrubtest.ContainsSecret(inflated(out)); s != "" {
					t.Errorf("still holds %q", s)
				}
				scrubtest.QPDFCheck(t, out)
			} else {
				_, ps := parts(t, out)
				for part, b := range ps {
					if s := scrubtest.ContainsSecret(b); s != "" {
						t.Errorf("%s still holds %q", part, s)
					}
				}
			}
			for k, v := range scrubtest.ExifTool(t, name, out) {
				if scrubtest.ContainsSecret([]byte(v)) != "" || strings.HasSuffix(k, ":Author") || k == "XMP-dc:Creator" || k == "XML:LastModifiedBy" {
					t.Errorf("exiftool reads %s=%s", k, v)
				}
			}
			if again, err := scrub.Clean(name, out, scrub.Options{StripDocuments: true}); err != nil || len(again.Fields) > 0 || !bytes.Equal(again.Data, out) {
				t.Errorf("cleaning the cleaned file: fields %v, err %v", again.Fields, err)
			}
		})
	}
}
