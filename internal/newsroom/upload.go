package newsroom

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"image"
	_ "image/gif" // the formats the image pipeline reads
	_ "image/jpeg"
	_ "image/png"
	"io"
	"net/http"
	"net/url"
	"path"
	"strings"

	_ "golang.org/x/image/webp"

	"github.com/dinsos-metro/warta/internal/diag"
)

// Uploads go into the page's folder under a safe name; a single news
// report becomes a bundle folder first (x.md → x/index.md). The type is
// read from the bytes, never the name; pictures must decode (their
// header at least) with the formats the image pipeline reads; HEIC is
// refused with what to do instead. Originals stay as they are in the
// folder: the build publishes only stripped, upright copies.

type uploader struct{ n *Newsroom }

type uploadResult struct {
	File  string `json:"file"`            // the page's file (it may have become a bundle)
	Name  string `json:"name,omitempty"`  // the saved file's name in the page's folder
	URL   string `json:"url,omitempty"`   // where the editor shows it
	Error string `json:"error,omitempty"` // why it was refused
}

func (h uploader) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	n := h.n
	lang := n.lang()
	file, ok := pageFile(r.URL.Query().Get("file"))
	if !ok || !n.exists(file) {
		http.Error(w, "bad file", http.StatusBadRequest)
		return
	}
	limit := int64(n.loadConfig().Newsroom.UploadLimitMB) << 20
	r.Body = http.MaxBytesReader(w, r.Body, 4*limit+(1<<20))
	mr, err := r.MultipartReader()
	if err != nil {
		http.Error(w, "bad upload", http.StatusBadRequest)
		return
	}
	kind, _ := kindOf(file)
	if kind == "section" {
		http.Error(w, "sections take no uploads", http.StatusBadRequest)
		return
	}
	var results []uploadResult
	for {
		part, err := mr.NextPart()
		if err == io.EOF {
			break
		}
		if err != nil {
			results = append(results, uploadResult{File: file, Error: err.Error()})
			break
		}
		if part.FileName() == "" {
			continue
		}
		res := n.receive(file, kind, part, limit, lang)
		file = res.File
		results = append(results, res)
	}
	if len(results) > 0 {
		n.opt.Site.Changed(r.Context(), []string{file})
	}
	if r.Header.Get("X-CSRF-Token") == "" {
		// A form without JavaScript: back to the editor, with what was refused.
		q := url.Values{"file": {file}}
		var refused []string
		for _, res := range results {
			if res.Error != "" {
				refused = append(refused, res.Error)
			}
		}
		if len(refused) > 0 {
			data, err := n.readFile(file)
			if err == nil {
				n.showEditor(w, r, file, data, hashOf(data), strings.Join(refused, " "))
				return
			}
		}
		http.Redirect(w, r, Prefix+"edit?"+q.Encode(), http.StatusSeeOther)
		return
	}
	w.Header().Set("Content-Type", "application/json")
	status := http.StatusOK
	if len(results) == 1 && results[0].Error != "" {
		status = http.StatusUnprocessableEntity
	}
	w.WriteHeader(status)
	_ = json.NewEncoder(w).Encode(results)
}

// receive checks and saves one uploaded file.
func (n *Newsroom) receive(file, kind string, part io.Reader, limit int64, lang string) uploadResult {
	name := "?"
	if p, ok := part.(interface{ FileName() string }); ok {
		name = path.Base(strings.ReplaceAll(p.FileName(), "\\", "/"))
	}
	refuse := func(code diag.Code, args ...any) uploadResult {
		return uploadResult{File: file, Error: diag.New("", 0, code, args...).Message(lang)}
	}
	data, err := io.ReadAll(io.LimitReader(part, limit+1))
	if err != nil {
		return uploadResult{File: file, Error: err.Error()}
	}
	if int64(len(data)) > limit {
		_, _ = io.Copy(io.Discard, part) // on to the next file
		return refuse(diag.NewsroomUploadTooBig, name, limit>>20)
	}
	ext, what := sniff(data)
	switch {
	case what == "heic":
		return refuse(diag.NewsroomUploadHEIC, name)
	case ext == "" && kind == "module":
		return refuse(diag.NewsroomUploadType, name, what)
	case ext == "":
		return refuse(diag.NewsroomUploadNotImage, name, what)
	case !isPicture(ext) && kind != "module":
		return refuse(diag.NewsroomUploadNotImage, name, what)
	}
	if path.Base(file) != "index.md" {
		f, err := n.makeBundle(file)
		if err != nil {
			return uploadResult{File: file, Error: err.Error()}
		}
		file = f
	}
	dir := path.Dir(file)
	saved := safeName(name, ext)
	for i := 2; n.exists(dir + "/" + saved); i++ {
		saved = strings.TrimSuffix(safeName(name, ext), ext) + fmt.Sprintf("-%d", i) + ext
	}
	if err := n.saveFiles(map[string][]byte{dir + "/" + saved: data}, "unggah: "+dir+"/"+saved); err != nil {
		return uploadResult{File: file, Error: err.Error()}
	}
	return uploadResult{File: file, Name: saved, URL: photoURL(file, saved)}
}

func photoURL(file, name string) string {
	return Prefix + "photo?" + url.Values{"file": {file}, "name": {name}}.Encode()
}

func isPicture(ext string) bool {
	switch ext {
	case ".jpg", ".png", ".gif", ".webp":
		return true
	}
	return false
}

// sniff reads a file's type from its bytes: the extension it is saved
// with ("" when refused) and what it is, for messages.
func sniff(data []byte) (ext, what string) {
	if isHEIF(data) {
		return "", "heic"
	}
	ct := http.DetectContentType(data)
	switch ct {
	case "image/jpeg", "image/png", "image/gif", "image/webp":
		if _, _, err := image.DecodeConfig(bytes.NewReader(data)); err != nil {
			return "", ct + " (rusak/broken)"
		}
		return map[string]string{"image/jpeg": ".jpg", "image/png": ".png", "image/gif": ".gif", "image/webp": ".webp"}[ct], ct
	case "application/pdf":
		return ".pdf", ct
	case "application/zip":
		if bytes.Contains(data[:min(len(data), 4096)], []byte("word/")) {
			return ".docx", "docx"
		}
	}
	return "", ct
}

// isHEIF recognises HEIC/HEIF (an ISO box file whose brand is one of
// Apple's or the HEIF standard's).
func isHEIF(data []byte) bool {
	if len(data) < 12 || string(data[4:8]) != "ftyp" {
		return false
	}
	switch string(data[8:12]) {
	case "heic", "heix", "hevc", "hevx", "heim", "heis", "mif1", "msf1", "avif":
		return string(data[8:12]) != "avif"
	}
	return false
}

type photo struct{ n *Newsroom }

// photo serves a picture of a page's folder to the editor (thumbnails).
func (h photo) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	file, ok := pageFile(r.FormValue("file"))
	name, ok2 := resourceName(r.FormValue("name"))
	if !ok || !ok2 || path.Base(file) != "index.md" {
		http.NotFound(w, r)
		return
	}
	rel := path.Dir(file) + "/" + name
	// The small copy first: from the cache it costs no read of the
	// original (megabytes), and the pipeline takes only pictures it can
	// decode. Else the original, as long as it is a picture.
	data, err := h.n.thumbnail(r.Context(), rel)
	if err != nil {
		if data, err = h.n.readFile(rel); err != nil {
			http.NotFound(w, r)
			return
		}
		if ext, _ := sniff(data); !isPicture(ext) {
			http.NotFound(w, r)
			return
		}
	}
	w.Header().Set("Content-Type", http.DetectContentType(data))
	_, _ = w.Write(data)
}

var _ = errors.New
