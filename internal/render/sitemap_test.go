package render

import (
	"bytes"
	"encoding/xml"
	"testing"
)

// TestSitemapXML checks that the sitemap's own writer gives the bytes
// encoding/xml gives, escapes included.
func TestSitemapXML(t *testing.T) {
	for _, urls := range [][]sitemapURL{
		nil,
		{{Loc: "https://dinsos.example/"}},
		{
			{Loc: "https://dinsos.example/", LastMod: "2026-11-28"},
			{Loc: "https://dinsos.example/berita/a&b/", LastMod: "2025-07-29"},
			{Loc: "https://dinsos.example/cari/?q=<\"x\">'\t\n\r"},
			{Loc: "https://dinsos.example/profil/café-ñ/\x01\uFFFE", LastMod: "x<y"},
		},
	} {
		var want bytes.Buffer
		want.WriteString(xml.Header)
		enc := xml.NewEncoder(&want)
		enc.Indent("", " ")
		if err := enc.Encode(urlSet{URLs: urls}); err != nil {
			t.Fatal(err)
		}
		want.WriteByte('\n')
		if got := sitemapXML(urls); !bytes.Equal(got, want.Bytes()) {
			t.Errorf("%d urls:\nencoding/xml: %q\nsitemapXML:   %q", len(urls), want.String(), got)
		}
	}
}
