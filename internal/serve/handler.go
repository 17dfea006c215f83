package serve

import (
	"bytes"
	"fmt"
	"html/template"
	"mime"
	"net/http"
	"path"
	"strings"
	"sync"

	"github.com/dinsos-metro/warta/internal/diag"
)

// EventsPath is where browsers listen for reload events.
const EventsPath = "/_warta/events"

// reloadScript reconnects by itself when the server restarts.
const reloadScript = `<script>new EventSource("` + EventsPath + `").onmessage=function(){location.reload()}</script>`

// Handler serves the built site from memory. It does not use ServeMux,
// which answers "/a/../b" with a redirect: a path that is not exactly a
// file of the site is a 404, nothing else.
func (s *Server) Handler() http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if r.URL.Path == EventsPath {
			s.serveEvents(w, r)
			return
		}
		if h := s.mounted(r.URL.Path); h != nil {
			h.ServeHTTP(w, r)
			return
		}
		s.serveFile(w, r)
	})
}

var extraTypes = map[string]string{
	".txt": "text/plain; charset=utf-8", ".zip": "application/zip", ".ico": "image/x-icon",
	".webmanifest": "application/manifest+json", ".xml": "application/xml; charset=utf-8",
	".docx": "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
	".html": "text/html; charset=utf-8", ".css": "text/css; charset=utf-8",
	".js": "text/javascript; charset=utf-8", ".svg": "image/svg+xml", ".json": "application/json",
	".pdf": "application/pdf", ".png": "image/png", ".jpg": "image/jpeg", ".jpeg": "image/jpeg",
	".webp": "image/webp", ".gif": "image/gif", ".avif": "image/avif",
}

func contentType(name string) string {
	ext := strings.ToLower(path.Ext(name))
	if t, ok := extraTypes[ext]; ok {
		return t
	}
	if t := mime.TypeByExtension(ext); t != "" {
		return t
	}
	return "application/octet-stream"
}

// resolve maps a request path to a stored file: "/" and "/x/" to their
// index.html; "/x" to a redirect when "/x/" exists. Paths with "..", a
// backslash or a NUL never match.
func (s *Server) resolve(urlPath string) (name string, redirect bool, ok bool) {
	if !strings.HasPrefix(urlPath, "/") || strings.Contains(urlPath, "..") || strings.ContainsAny(urlPath, "\\\x00") {
		return "", false, false
	}
	name = strings.TrimPrefix(urlPath, "/")
	if name == "" || strings.HasSuffix(name, "/") {
		name += "index.html"
	}
	if path.Clean(name) != name || hidden(name) {
		return "", false, false
	}
	if _, found := s.read(name); found {
		return name, false, true
	}
	if _, found := s.read(name + "/index.html"); found {
		return name + "/", true, true
	}
	return "", false, false
}

func (s *Server) serveFile(w http.ResponseWriter, r *http.Request) {
	if r.Method != http.MethodGet && r.Method != http.MethodHead {
		w.Header().Set("Allow", "GET, HEAD")
		http.Error(w, "method not allowed", http.StatusMethodNotAllowed)
		return
	}
	w.Header().Set("Cache-Control", "no-store")
	errs := s.Errors()
	name, redirect, ok := s.resolve(r.URL.Path)
	isPage := !ok || strings.HasSuffix(name, ".html") || redirect
	if len(errs) > 0 && isPage {
		s.serveOverlay(w, errs)
		return
	}
	if redirect {
		http.Redirect(w, r, "/"+name, http.StatusMovedPermanently)
		return
	}
	status := http.StatusOK
	if !ok {
		status, name = http.StatusNotFound, "404.html"
	}
	data, found := s.read(name)
	if !found {
		http.NotFound(w, r)
		return
	}
	if strings.HasSuffix(name, ".html") {
		data = inject(data)
	}
	w.Header().Set("Content-Type", contentType(name))
	w.Header().Set("X-Content-Type-Options", "nosniff")
	w.Header().Set("Content-Length", fmt.Sprint(len(data)))
	w.WriteHeader(status)
	if r.Method != http.MethodHead {
		_, _ = w.Write(data)
	}
}

// inject adds the live-reload script before </body>.
func inject(page []byte) []byte {
	i := bytes.LastIndex(page, []byte("</body>"))
	if i < 0 {
		return append(bytes.Clone(page), reloadScript...)
	}
	out := make([]byte, 0, len(page)+len(reloadScript))
	out = append(out, page[:i]...)
	out = append(out, reloadScript...)
	return append(out, page[i:]...)
}

var overlay = template.Must(template.New("overlay").Parse(`<!DOCTYPE html>
<html lang="{{.Lang}}"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>{{.Title}}</title>
<style>body{font:1rem/1.5 system-ui,sans-serif;margin:0;background:#fff4f2;color:#1c2430}
main{max-width:60rem;margin:0 auto;padding:1.5rem}h1{color:#8a1c00;font-size:1.5rem}
ol{padding-left:1.25rem}li{background:#fff;border:1px solid #e8c4bb;border-left:6px solid #b3261e;border-radius:8px;padding:.75rem 1rem;margin:.75rem 0;list-style-position:inside}
code{font:600 .95rem ui-monospace,monospace;color:#8a1c00;word-break:break-all}p.hint{color:#4a5563}</style>
</head><body><main><h1>{{.Title}}</h1><p>{{.Intro}}</p><ol>
{{range .Items}}<li>{{with .Pos}}<code>{{.}}</code><br>{{end}}{{.Text}}</li>{{end}}
</ol><p class="hint">{{.Hint}}</p></main>` + reloadScript + `</body></html>`))

type overlayItem struct{ Pos, Text string }

func (s *Server) serveOverlay(w http.ResponseWriter, errs []diag.Diagnostic) {
	s.mu.RLock()
	lang := s.lang
	s.mu.RUnlock()
	var items []overlayItem
	for _, d := range errs {
		items = append(items, overlayItem{Pos: d.Position(), Text: d.Message(lang)})
	}
	w.Header().Set("Content-Type", "text/html; charset=utf-8")
	w.WriteHeader(http.StatusInternalServerError)
	_ = overlay.Execute(w, map[string]any{
		"Lang":  lang,
		"Title": msg(lang, diag.ServeOverlayTitle),
		"Intro": msg(lang, diag.ServeOverlayIntro, len(items)),
		"Hint":  msg(lang, diag.ServeOverlayHint),
		"Items": items,
	})
}

// broker fans reload events out to every open browser tab.
type broker struct {
	mu     sync.Mutex
	subs   map[chan string]bool
	closed bool
}

func newBroker() *broker { return &broker{subs: map[chan string]bool{}} }

func (b *broker) subscribe() chan string {
	b.mu.Lock()
	defer b.mu.Unlock()
	ch := make(chan string, 1)
	if b.closed {
		close(ch)
		return ch
	}
	b.subs[ch] = true
	return ch
}

func (b *broker) unsubscribe(ch chan string) {
	b.mu.Lock()
	defer b.mu.Unlock()
	if b.subs[ch] {
		delete(b.subs, ch)
		close(ch)
	}
}

func (b *broker) publish(event string) {
	b.mu.Lock()
	defer b.mu.Unlock()
	for ch := range b.subs {
		select {
		case ch <- event:
		default: // a reload is already pending for this tab
		}
	}
}

func (b *broker) close() {
	b.mu.Lock()
	defer b.mu.Unlock()
	b.closed = true
	for ch := range b.subs {
		delete(b.subs, ch)
		close(ch)
	}
}

func (s *Server) serveEvents(w http.ResponseWriter, r *http.Request) {
	flusher, ok := w.(http.Flusher)
	if !ok {
		http.Error(w, "streaming unsupported", http.StatusInternalServerError)
		return
	}
	w.Header().Set("Content-Type", "text/event-stream")
	w.Header().Set("Cache-Control", "no-store")
	ch := s.events.subscribe()
	defer s.events.unsubscribe(ch)
	_, _ = fmt.Fprint(w, ": warta\n\n")
	flusher.Flush()
	for {
		select {
		case <-r.Context().Done():
			return
		case ev, open := <-ch:
			if !open {
				return
			}
			_, _ = fmt.Fprintf(w, "data: %s\n\n", ev)
			flusher.Flush()
		}
	}
}
