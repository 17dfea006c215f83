// Package assets publishes the files of assets/: CSS, JS and SVG are
// minified, pictures lose their metadata (internal/scrub, pictures.go),
// and every file gets a fingerprinted name (style.3f2a9c1b.css)
// so that hosts can cache it forever. Templates ask for an asset by its
// plain path and get the fingerprinted URL.
//
// The project's assets/ wins over the built-in theme's file of the same
// path. url() references between assets in CSS are rewritten to the
// fingerprinted names.
package assets

import (
	"crypto/sha256"
	"encoding/hex"
	"io/fs"
	"path"
	"regexp"
	"slices"
	"strings"

	"github.com/dinsos-metro/warta/internal/publish"
)

// Root is the assets folder in the site and in the theme.
const Root = "assets"

// Set maps plain asset paths ("css/style.css") to published paths
// ("assets/css/style.3f2a9c1b.css").
type Set struct {
	published map[string]string
	data      map[string][]byte
}

// Lookup returns the published path of an asset, without leading slash.
func (s *Set) Lookup(name string) (string, bool) {
	p, ok := s.published[strings.TrimPrefix(name, "/")]
	return p, ok
}

// Bytes returns an asset's published bytes (for inlining).
func (s *Set) Bytes(name string) ([]byte, bool) {
	p, ok := s.Lookup(name)
	if !ok {
		return nil, false
	}
	b, ok := s.data[p]
	return b, ok
}

// Files lists published paths with their bytes, sorted by path.
func (s *Set) Files() []string {
	names := make([]string, 0, len(s.data))
	for n := range s.data {
		names = append(names, n)
	}
	slices.Sort(names)
	return names
}

// Data returns a published file's bytes.
func (s *Set) Data(published string) []byte { return s.data[published] }

// Process reads the assets of each layer (first wins), minifies and
// fingerprints them. minify may be nil to keep files as they are.
func Process(layers []fs.FS, minify *publish.Minifier) (*Set, error) {
	sources := map[string][]byte{}
	for _, layer := range layers {
		err := fs.WalkDir(layer, Root, func(p string, d fs.DirEntry, err error) error {
			if err != nil {
				if p == Root {
					return fs.SkipDir // a layer without assets
				}
				return err
			}
			if d.IsDir() || strings.HasPrefix(d.Name(), ".") {
				return nil
			}
			name := strings.TrimPrefix(p, Root+"/")
			if _, seen := sources[name]; seen {
				return nil
			}
			b, err := fs.ReadFile(layer, p)
			if err != nil {
				return err
			}
			sources[name] = b
			return nil
		})
		if err != nil {
			return nil, err
		}
	}
	s := &Set{published: map[string]string{}, data: map[string][]byte{}}
	names := make([]string, 0, len(sources))
	for n := range sources {
		names = append(names, n)
	}
	// CSS last, so the files it references already have their names.
	slices.SortFunc(names, func(a, b string) int {
		ac, bc := path.Ext(a) == ".css", path.Ext(b) == ".css"
		if ac != bc {
			if ac {
				return 1
			}
			return -1
		}
		return strings.Compare(a, b)
	})
	for _, name := range names {
		data := sources[name]
		if path.Ext(name) == ".css" {
			data = s.rewriteURLs(name, data)
		}
		if minify != nil {
			data = minify.Bytes(name, data)
		}
		data, err := publishedPicture(name, data)
		if err != nil {
			return nil, err
		}
		sum := sha256.Sum256(data)
		ext := path.Ext(name)
		pub := Root + "/" + strings.TrimSuffix(name, ext) + "." + hex.EncodeToString(sum[:4]) + ext
		s.published[name] = pub
		s.data[pub] = data
	}
	return s, nil
}

var cssURL = regexp.MustCompile(`url\(\s*(['"]?)([^'")]+)(['"]?)\s*\)`)

// rewriteURLs points url() references at fingerprinted names. References
// are relative to the CSS file; the published CSS sits at the same depth,
// so relative references stay relative.
func (s *Set) rewriteURLs(cssName string, data []byte) []byte {
	dir := path.Dir(cssName)
	return cssURL.ReplaceAllFunc(data, func(m []byte) []byte {
		g := cssURL.FindSubmatch(m)
		ref := string(g[2])
		if strings.Contains(ref, ":") || strings.HasPrefix(ref, "/") || strings.HasPrefix(ref, "#") {
			return m
		}
		target := path.Join(dir, ref)
		pub, ok := s.published[target]
		if !ok {
			return m
		}
		relPub, _ := strings.CutPrefix(pub, Root+"/")
		up := strings.Repeat("../", strings.Count(cssName, "/"))
		return []byte("url(" + string(g[1]) + up + relPub + string(g[3]) + ")")
	})
}
