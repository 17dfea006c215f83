package search

// ShardBytes is about how large a word shard grows before the next one
// starts (before compression). A stem's pages are never split, so a very
// common stem may make a larger shard on its own.
const ShardBytes = 24 << 10

// FragmentSize is how many pages share a fragment file.
const FragmentSize = 8

// Kinds are the kinds of page, in the order pages are numbered. Module
// levels follow the modules' own order (content.Levels).
var Kinds = []string{"news", "module", "gallery", "page"}

// Weights of the places a word is found.
const (
	weightText   = 1
	weightFields = 2
	weightTitle  = 3
)

// Doc is a page as the index sees it.
type Doc struct {
	URL     string // site path without the leading slash: "berita/judul/"
	Title   string
	Kind    string // one of Kinds
	Level   string // a module's level: paud, sd, smp
	Label   string // what a result says the page is: "Berita", "Modul · SD"
	Date    string // as shown: "29 Juli 2025"; may be empty
	Summary string
	// Fields are short texts found with the weight of a summary: topics,
	// tags, district, location, photo captions.
	Fields []string
	// Terms are the stems of the page's text, from Terms; or Stems, the
	// same kept as numbers (a page may give either, or both).
	Terms string
	Stems Stems
}

// Index is the built index: its files, by name within its folder. The
// bytes of a file are never changed once returned, and must not be: a
// Builder hands the same slice out again while the file stays the same.
type Index struct {
	Version string // hash of every file (see version): the name of the folder
	Files   map[string][]byte
	Pages   int
}

// File names and the call each file makes. Files are named *.min.js: they
// are as small as they get, and the minifier leaves them alone.
const (
	MetaFile = "meta.min.js"
	// Callback is the array every index file pushes its part onto;
	// search.js reads it.
	Callback = "wartaSearch"
)

// meta is meta.js's data.
type meta struct {
	Pages     int               `json:"n"`
	Fragment  int               `json:"g"`
	Stopwords []string          `json:"stop"`
	Shards    []string          `json:"w"` // first stem of each shard
	Ranges    map[string][2]int `json:"k"` // kind or level: first page, end
}

// fragment is what a result shows of one page.
type fragment [5]string // url, title, label, date, summary

// Build makes the index of docs. Pages are numbered by kind in the order
// of Kinds, then of levels as they first appear, keeping the order docs
// come in within each; give news newest first. It is a Builder's first
// Build: a Builder kept between builds gives the same index for the same
// docs, sooner.
func Build(docs []Doc) *Index {
	return NewBuilder().Build(docs)
}

// wrap makes data a script that hands it to search.js.
func wrap(name string, data []byte) []byte {
	b := make([]byte, 0, len(data)+len(name)+wrapSize)
	return appendWrapEnd(append(appendWrapStart(b, name), data...))
}

// wrapSize is how many bytes wrap adds, besides the name.
const wrapSize = len(wrapStart1+"=self."+wrapStart2+`",`+wrapEnd) + 2*len(Callback)

const (
	wrapStart1 = "(self."
	wrapStart2 = "||[]).push([\""
	wrapEnd    = "]);\n"
)

func appendWrapStart(dst []byte, name string) []byte {
	dst = append(dst, wrapStart1+Callback+"=self."+Callback+wrapStart2...)
	dst = append(dst, name...)
	return append(dst, `",`...)
}

func appendWrapEnd(dst []byte) []byte { return append(dst, wrapEnd...) }
