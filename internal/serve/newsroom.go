package serve

import (
	"context"
	"net/http"
	"slices"
	"strings"

	"github.com/dinsos-metro/warta/internal/build"
	"github.com/dinsos-metro/warta/internal/diag"
	"github.com/dinsos-metro/warta/internal/publish"
)

// What the newsroom (internal/newsroom) needs of the preview server: a
// place below the site's URLs to answer, the last build's problems, a
// preview of an unsaved page, and a rebuild when it wrote files.

// mount is a handler answering every path below prefix.
type mount struct {
	prefix string
	h      http.Handler
}

// Mount makes h answer every request whose path starts with prefix
// ("/_redaksi/"), before the site's files.
func (s *Server) Mount(prefix string, h http.Handler) {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.mounts = append(s.mounts, mount{prefix, h})
}

// mounted finds the handler of a path, if one is mounted there.
func (s *Server) mounted(path string) http.Handler {
	s.mu.RLock()
	defer s.mu.RUnlock()
	for _, m := range s.mounts {
		if strings.HasPrefix(path, m.prefix) || path+"/" == m.prefix {
			return m.h
		}
	}
	return nil
}

// Problems returns every diagnostic of the last build, warnings included.
func (s *Server) Problems() []diag.Diagnostic {
	s.mu.RLock()
	defer s.mu.RUnlock()
	return slices.Clone(s.all)
}

// Preview renders file with data as its bytes, as it would be published
// (build.Session.Preview), between rebuilds. The pictures it shows are
// kept in memory and served until the next preview.
func (s *Server) Preview(ctx context.Context, file string, data []byte) ([]byte, []diag.Diagnostic, error) {
	s.busy.Lock()
	defer s.busy.Unlock()
	mem := publish.NewMemory()
	page, ds, err := s.session.Preview(ctx, file, data, mem)
	s.mu.Lock()
	s.previews = mem
	s.mu.Unlock()
	return page, ds, err
}

// Changed rebuilds now after files were written by the newsroom (the
// watcher's own rebuild follows and finds nothing more to do).
func (s *Server) Changed(ctx context.Context, files []string) {
	s.Rebuild(ctx, build.Change{Files: files}, strings.Join(files, ", "))
}

// previewFile reads a picture of the last preview.
func (s *Server) previewFile(name string) ([]byte, bool) {
	s.mu.RLock()
	mem := s.previews
	s.mu.RUnlock()
	if mem == nil {
		return nil, false
	}
	return mem.Get(name)
}
