package newsroom

import (
	"path"
	"strings"
	"unicode"

	"golang.org/x/text/unicode/norm"

	"github.com/dinsos-metro/warta/internal/slug"
)

// Every path the newsroom gets from a request is checked here before it
// touches the disk, and every file operation then goes through an
// os.Root of the site folder (which refuses symbolic links and ".." that
// leave it) or through internal/history.

// pageFile accepts a page's file: a clean slash path below content/ that
// ends in .md, with no "..", backslash, control character or leading
// slash or dot in any part.
func pageFile(p string) (string, bool) {
	if p == "" || len(p) > 512 || !strings.HasPrefix(p, "content/") || !strings.HasSuffix(p, ".md") {
		return "", false
	}
	if strings.ContainsAny(p, "\\:") || path.Clean(p) != p {
		return "", false
	}
	parts := strings.Split(p, "/")
	if path.Base(p) == "index.md" && len(parts) < 3 {
		return "", false // a bundle is a folder below content/, never content/ itself
	}
	for _, part := range parts {
		if part == "" || part == "." || part == ".." || strings.HasPrefix(part, ".") {
			return "", false
		}
		for _, r := range part {
			if unicode.IsControl(r) || r == unicode.ReplacementChar {
				return "", false
			}
		}
	}
	return p, true
}

// bundleDir is the folder of a page's own files: the bundle folder of an
// index.md, or the folder a single page becomes when it gets its first
// photo ("content/berita/x.md" → "content/berita/x").
func bundleDir(file string) string {
	if path.Base(file) == "index.md" {
		return path.Dir(file)
	}
	return strings.TrimSuffix(file, ".md")
}

// resourceName accepts the name of a file in a page's folder: one part,
// no slash, no leading dot, no control character.
func resourceName(name string) (string, bool) {
	if name == "" || len(name) > 200 || strings.ContainsAny(name, "/\\:") || strings.HasPrefix(name, ".") {
		return "", false
	}
	for _, r := range name {
		if unicode.IsControl(r) || r == unicode.ReplacementChar {
			return "", false
		}
	}
	return name, true
}

// safeName turns an uploaded file's name into one that is safe on every
// system and in a URL: lower case letters, digits and hyphens, with the
// extension of the type read from the bytes. Empty stems become "foto".
func safeName(upload, ext string) string {
	stem := strings.TrimSuffix(path.Base(strings.ReplaceAll(upload, "\\", "/")), path.Ext(upload))
	stem = norm.NFKD.String(strings.ToLower(stem))
	var b strings.Builder
	dash := false
	for _, r := range stem {
		switch {
		case r >= 'a' && r <= 'z' || r >= '0' && r <= '9':
			b.WriteRune(r)
			dash = false
		case unicode.Is(unicode.Mn, r):
			// an accent split off by NFKD: drop it (é → e)
		default:
			if !dash && b.Len() > 0 {
				b.WriteByte('-')
				dash = true
			}
		}
		if b.Len() >= 60 {
			break
		}
	}
	s := strings.Trim(b.String(), "-")
	if s == "" {
		s = "foto"
	}
	return s + ext
}

// slugify makes a file name from a title, the way `warta new` names pages.
func slugify(title string) string {
	if s := slug.Make(title); s != "" {
		return s
	}
	return "tanpa-judul"
}
