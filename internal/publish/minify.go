package publish

import (
	"io/fs"
	"path"
	"regexp"
	"strings"

	"github.com/tdewolff/minify/v2"
	"github.com/tdewolff/minify/v2/css"
	"github.com/tdewolff/minify/v2/html"
	"github.com/tdewolff/minify/v2/js"
	"github.com/tdewolff/minify/v2/json"
	"github.com/tdewolff/minify/v2/svg"
	"github.com/tdewolff/minify/v2/xml"
)

// Minifier minifies text files by their extension.
type Minifier struct{ m *minify.M }

// NewMinifier sets up tdewolff/minify for every media type warta writes.
func NewMinifier() *Minifier {
	m := minify.New()
	m.Add("text/html", &html.Minifier{KeepDocumentTags: true, KeepEndTags: true, KeepQuotes: true})
	m.AddFunc("text/css", css.Minify)
	m.AddFunc("image/svg+xml", svg.Minify)
	m.AddFuncRegexp(regexp.MustCompile("^(application|text)/(x-)?(java|ecma)script$"), js.Minify)
	m.AddFuncRegexp(regexp.MustCompile("[/+]json$"), json.Minify)
	m.AddFuncRegexp(regexp.MustCompile("[/+]xml$"), xml.Minify)
	return &Minifier{m: m}
}

var mediaTypes = map[string]string{
	".html": "text/html", ".css": "text/css", ".js": "application/javascript",
	".svg": "image/svg+xml", ".json": "application/json", ".webmanifest": "application/manifest+json",
	".xml": "application/xml",
}

// MediaType returns the type minify knows a file by, or "".
func MediaType(name string) string { return mediaTypes[strings.ToLower(path.Ext(name))] }

// Bytes minifies data of the given file name; files of other types, files
// named *.min.js (minified already: the search index, vendored scripts)
// and files that fail to minify come back unchanged (minifying is an
// optimisation, never a reason to lose a file).
func (mf *Minifier) Bytes(name string, data []byte) []byte {
	mt := MediaType(name)
	if mt == "" || strings.HasSuffix(name, ".min.js") {
		return data
	}
	out, err := mf.m.Bytes(mt, data)
	if err != nil {
		return data
	}
	return out
}

// Minify is a Sink that minifies what it writes, then hands it on.
type Minify struct {
	Next Sink
	M    *Minifier
}

func (m Minify) Write(name string, data []byte) error {
	return m.Next.Write(name, m.M.Bytes(name, data))
}

func (m Minify) Copy(name string, src fs.FS, srcPath string) error {
	return m.Next.Copy(name, src, srcPath)
}
