package deploy

import (
	"path"
	"regexp"
	"strings"
)

// Header is what an object store is told about a file; a folder or SFTP
// target has no headers of its own (the web server decides), and the
// README gives the server settings that match these.
type Header struct {
	ContentType     string
	CacheControl    string
	ContentEncoding string // gzip or br for the precompressed copies
}

// Cache lifetimes. A fingerprinted name changes whenever its bytes do, so
// a browser may keep it for a year without asking; a page or feed keeps
// its name while its content changes and must be asked for again soon.
const (
	cacheImmutable = "public, max-age=31536000, immutable"
	cacheShort     = "public, max-age=300"
	cacheMedium    = "public, max-age=3600"
)

// types is a fixed table rather than mime.TypeByExtension, whose answers
// depend on the machine's /etc/mime.types: the same site must get the same
// headers from every machine that deploys it.
var types = map[string]string{
	".html": "text/html; charset=utf-8", ".htm": "text/html; charset=utf-8",
	".css": "text/css; charset=utf-8", ".js": "text/javascript; charset=utf-8", ".mjs": "text/javascript; charset=utf-8",
	".json": "application/json", ".xml": "application/xml; charset=utf-8", ".txt": "text/plain; charset=utf-8",
	".svg": "image/svg+xml", ".png": "image/png", ".jpg": "image/jpeg", ".jpeg": "image/jpeg", ".gif": "image/gif",
	".webp": "image/webp", ".avif": "image/avif", ".ico": "image/x-icon",
	".pdf": "application/pdf", ".zip": "application/zip", ".csv": "text/csv; charset=utf-8",
	".woff": "font/woff", ".woff2": "font/woff2", ".ttf": "font/ttf", ".wasm": "application/wasm",
	".mp4": "video/mp4", ".webm": "video/webm", ".mp3": "audio/mpeg",
	".doc": "application/msword", ".docx": "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
	".xls": "application/vnd.ms-excel", ".xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
	".ppt": "application/vnd.ms-powerpoint", ".pptx": "application/vnd.openxmlformats-officedocument.presentationml.presentation",
	".odt": "application/vnd.oasis.opendocument.text", ".ods": "application/vnd.oasis.opendocument.spreadsheet",
}

var encodings = map[string]string{".gz": "gzip", ".br": "br"}

// fingerprinted matches the names warta gives files whose name carries a
// hash of their bytes: assets/css/style.2cdc5435.css, photo derivatives
// like foto-01-480w-3a5409c0ee.jpg, and files in a folder named by a hash
// (assets/search/7bc630a34e/f0.min.js).
var (
	hashedName   = regexp.MustCompile(`[.-]([0-9a-f]{8,})\.[a-z0-9]+$`)
	hashedFolder = regexp.MustCompile(`(?:^|/)([0-9a-f]{8,})/`)
)

// Fingerprinted reports whether name carries a hash of its content.
func Fingerprinted(name string) bool {
	name = stripEncoding(name)
	return hexWithLetter(hashedName.FindStringSubmatch(path.Base(name))) ||
		hexWithLetter(hashedFolder.FindStringSubmatch(name))
}

// hexWithLetter: a run of digits alone is more likely a date or a number
// in a name chosen by staff (laporan-20261204.pdf) than a hash; treating
// a real hash of digits alone as unhashed only shortens its cache life.
func hexWithLetter(m []string) bool {
	return m != nil && strings.ContainsAny(m[1], "abcdef")
}

// stripEncoding drops the .gz or .br of a precompressed copy.
func stripEncoding(name string) string {
	if _, ok := encodings[path.Ext(name)]; ok {
		return strings.TrimSuffix(name, path.Ext(name))
	}
	return name
}

// Headers gives the headers of the file name (a slash path).
func Headers(name string) Header {
	var h Header
	if enc, ok := encodings[path.Ext(name)]; ok {
		h.ContentEncoding = enc
		name = strings.TrimSuffix(name, path.Ext(name))
	}
	ext := strings.ToLower(path.Ext(name))
	h.ContentType = types[ext]
	if h.ContentType == "" {
		h.ContentType = "application/octet-stream"
	}
	switch {
	case Fingerprinted(name):
		h.CacheControl = cacheImmutable
	case ext == ".html" || ext == ".xml" || ext == ".json" || ext == ".txt" || ext == "":
		h.CacheControl = cacheShort
	default:
		h.CacheControl = cacheMedium
	}
	return h
}
