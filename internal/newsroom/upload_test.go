package newsroom_test

import (
	"bytes"
	"encoding/json"
	"image"
	_ "image/jpeg"
	"io"
	"mime/multipart"
	"net/http"
	"net/url"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/dinsos-metro/warta/internal/imageproc/imagetest"
)

type uploaded struct {
	File, Name, URL, Error string
}

// upload sends one file the way the editor's script does.
func (h *harness) upload(file, name string, data []byte) (int, uploaded) {
	h.t.Helper()
	var buf bytes.Buffer
	mw := multipart.NewWriter(&buf)
	w, _ := mw.CreateFormFile("photo", name)
	_, _ = w.Write(data)
	mw.Close()
	req, _ := http.NewRequest(http.MethodPost, h.base+"/_redaksi/upload?file="+url.QueryEscape(file), &buf)
	req.Header.Set("Content-Type", mw.FormDataContentType())
	req.Header.Set("Origin", h.base)
	req.Header.Set("X-CSRF-Token", h.csrf())
	resp, err := h.client.Do(req)
	if err != nil {
		h.t.Fatal(err)
	}
	defer resp.Body.Close()
	b, _ := io.ReadAll(resp.Body)
	var res []uploaded
	if err := json.Unmarshal(b, &res); err != nil || len(res) != 1 {
		h.t.Fatalf("upload answer %s: %s", resp.Status, b)
	}
	return resp.StatusCode, res[0]
}

// heic is the start of an iPhone photo: an ISO box "ftyp" of brand heic.
var heic = append([]byte("\x00\x00\x00\x18ftypheic\x00\x00\x00\x00mif1heic"), make([]byte, 64)...)

func TestUploadRefusals(t *testing.T) {
	h := start(t, "site.txtar")
	file := "content/berita/2025-08-14-rapat-koordinasi.md"
	big := imagetest.Photo(1, 64, 64)
	big = append(big, make([]byte, 26<<20)...) // over the default 25 MB
	cases := []struct {
		name string
		data []byte
		want string
	}{
		{"IMG_0001.HEIC", heic, "Paling Kompatibel"},
		{"foto.jpg", []byte("<html><script>alert(1)</script></html>"), "bukan foto"},
		{"rusak.jpg", []byte("\xff\xd8\xff\xe0 not really a jpeg at all"), "bukan foto"},
		{"besar.jpg", big, "25 MB"},
		{"dokumen.pdf", []byte("%PDF-1.4\n%%EOF\n"), "bukan foto"},
	}
	for _, c := range cases {
		code, res := h.upload(file, c.name, c.data)
		if code != http.StatusUnprocessableEntity || !strings.Contains(res.Error, c.want) {
			t.Errorf("%s: %d %+v, want a refusal saying %q", c.name, code, res, c.want)
		}
	}
	if _, err := os.Stat(filepath.Join(h.dir, "content/berita/2025-08-14-rapat-koordinasi")); err == nil {
		t.Error("a refused upload made the report a bundle folder")
	}
}

func TestUploadNamesStayInTheFolder(t *testing.T) {
	h := start(t, "site.txtar")
	file := "content/berita/2025-08-14-rapat-koordinasi.md"
	photo := imagetest.Photo(2, 80, 60)
	for _, name := range []string{"../../../site.yaml", `..\..\evil.jpg`, "/etc/passwd", ".hidden.jpg", "con.jpg", "a\x00b.jpg", "Foto Ibu Ani (1).PNG"} {
		code, res := h.upload(file, name, photo)
		if code != http.StatusOK {
			if strings.Contains(name, "\x00") {
				continue // the multipart reader refuses it: refused is safe too
			}
			t.Fatalf("%q: %d %+v", name, code, res)
		}
		file = res.File
		if strings.ContainsAny(res.Name, `/\`) || strings.HasPrefix(res.Name, ".") || !strings.HasSuffix(res.Name, ".jpg") {
			t.Errorf("%q saved as %q", name, res.Name)
		}
		if _, err := os.Stat(filepath.Join(h.dir, filepath.Dir(file), res.Name)); err != nil {
			t.Errorf("%q: not in the page's folder: %v", name, err)
		}
	}
	if file != "content/berita/2025-08-14-rapat-koordinasi/index.md" {
		t.Errorf("the report did not become a bundle: %s", file)
	}
	if got := h.read("site.yaml"); !strings.Contains(got, "Dinas Sosial") {
		t.Error("site.yaml changed")
	}
	// Reading photos: only pictures of a page's own folder.
	for _, q := range []string{
		"file=" + url.QueryEscape(file) + "&name=../../../site.yaml",
		"file=" + url.QueryEscape(file) + "&name=" + url.QueryEscape("index.md"),
		"file=content/../site.yaml&name=x.jpg",
	} {
		if code, body := h.get("/_redaksi/photo?" + q); code == http.StatusOK {
			t.Errorf("photo?%s answered: %.80s", q, body)
		}
	}
}

// TestModuleAttachment: a worksheet uploaded to a module and given a
// title is listed in attachments:.
func TestModuleAttachment(t *testing.T) {
	h := start(t, "site.txtar")
	resp, body := h.post("/_redaksi/new", url.Values{"csrf": {h.csrf()}, "kind": {"module"}, "level": {"sd"}, "title": {"Mengenal Emosi"}})
	if resp.StatusCode != http.StatusSeeOther {
		t.Fatalf("new module: %s\n%s", resp.Status, body)
	}
	file := "content/modul/sd/mengenal-emosi/index.md"
	code, res := h.upload(file, "Lembar Kerja.pdf", []byte("%PDF-1.4\n1 0 obj <<>> endobj\n%%EOF\n"))
	if code != http.StatusOK || res.Name != "lembar-kerja.pdf" {
		t.Fatalf("upload: %d %+v", code, res)
	}
	code, res = h.upload(file, "program.exe", []byte("MZ\x90\x00\x03\x00\x00\x00"))
	if code != http.StatusUnprocessableEntity || !strings.Contains(res.Error, "tidak dapat dilampirkan") {
		t.Errorf("an executable: %d %+v", code, res)
	}
	form := editForm(t, h, file)
	if form.Get("att.file") != "lembar-kerja.pdf" {
		t.Fatalf("the attachments panel lists %q", form["att.file"])
	}
	form.Set("att.title", "Lembar kerja termometer perasaan")
	if resp, body := h.post("/_redaksi/save", form); resp.StatusCode != http.StatusSeeOther {
		t.Fatalf("save: %s\n%s", resp.Status, body)
	}
	got := h.read(file)
	if !strings.Contains(got, "attachments:\n  - file: lembar-kerja.pdf\n    title: Lembar kerja termometer perasaan\n") {
		t.Errorf("the module:\n%s", got)
	}
}

// TestGalleryPhotos: a gallery's photos are listed in the order the
// editor gives them, each with its alt text, caption and consent, and a
// photo without an answer keeps the gallery from going to review.
func TestGalleryPhotos(t *testing.T) {
	h := start(t, "site.txtar")
	resp, body := h.post("/_redaksi/new", url.Values{"csrf": {h.csrf()}, "kind": {"gallery"}, "title": {"Kunjungan TK"}, "date": {"2025-07-29"}})
	if resp.StatusCode != http.StatusSeeOther {
		t.Fatalf("new gallery: %s\n%s", resp.Status, body)
	}
	file := "content/galeri/2025-07-29-kunjungan-tk/index.md"
	for i, name := range []string{"satu.jpg", "dua.jpg"} {
		if code, res := h.upload(file, name, imagetest.Photo(uint64(i), 64, 48)); code != http.StatusOK {
			t.Fatalf("upload %s: %+v", name, res)
		}
	}
	form := editForm(t, h, file)
	form["photo.file"] = []string{"dua.jpg", "satu.jpg"} // moved up, as the Up button does
	form["photo.alt"] = []string{"Dua anak menggambar", "Satu kelas bernyanyi"}
	form["photo.caption"] = []string{"Menggambar bersama", ""}
	form["photo.consent"] = []string{"true", ""}
	form.Set("action", "review")
	resp, page := h.post("/_redaksi/save", form)
	if resp.StatusCode != http.StatusUnprocessableEntity || !strings.Contains(page, "perlu jawaban izin") {
		t.Fatalf("to review with a photo without consent: %s", resp.Status)
	}
	got := h.read(file)
	want := "photos:\n  - file: dua.jpg\n    caption: Menggambar bersama\n    alt: Dua anak menggambar\n    consent: true\n  - file: satu.jpg\n    alt: Satu kelas bernyanyi\n"
	if !strings.Contains(got, want) || strings.Contains(got, "review: true") {
		t.Errorf("the gallery:\n%s\nwant it to hold:\n%s(and stay a draft)", got, want)
	}
}

// The editor shows a photo as a small copy made by the image pipeline
// (a phone's photo is megabytes), the same copy again from the cache,
// and a new one when the photo is replaced under its name.
func TestPhotoThumbnail(t *testing.T) {
	const thumbWidth = 320 // thumbs.go
	h := start(t, "site.txtar")
	file := "content/berita/2025-08-14-rapat-koordinasi.md"
	big := imagetest.Photo(3, 1600, 1200)
	code, res := h.upload(file, "besar.jpg", big)
	if code != http.StatusOK {
		t.Fatalf("upload: %d %+v", code, res)
	}
	q := "/_redaksi/photo?file=" + url.QueryEscape(res.File) + "&name=" + url.QueryEscape(res.Name)
	thumb := func() image.Config {
		t.Helper()
		code, body := h.get(q)
		if code != http.StatusOK {
			t.Fatalf("photo: %d", code)
		}
		cfg, format, err := image.DecodeConfig(strings.NewReader(body))
		if err != nil || format != "jpeg" {
			t.Fatalf("photo is not a JPEG: %v %s", err, format)
		}
		if len(body) >= len(big)/4 {
			t.Errorf("the editor's copy is %d bytes, the original %d", len(body), len(big))
		}
		return cfg
	}
	if cfg := thumb(); cfg.Width != thumbWidth || cfg.Height != thumbWidth*3/4 {
		t.Errorf("the editor's copy is %d×%d, want %d wide, 4:3", cfg.Width, cfg.Height, thumbWidth)
	}
	thumb() // again, from the cache
	// Replaced under the same name by a portrait photo: a new copy.
	saved := filepath.Join(h.dir, filepath.Dir(res.File), res.Name)
	if err := os.WriteFile(saved, imagetest.Photo(4, 900, 1200), 0o644); err != nil {
		t.Fatal(err)
	}
	later := time.Now().Add(time.Minute)
	os.Chtimes(saved, later, later)
	if cfg := thumb(); cfg.Width != thumbWidth || cfg.Height != 427 { // 320 × 1200/900, rounded
		t.Errorf("after the photo was replaced the copy is %d×%d", cfg.Width, cfg.Height)
	}
	if _, err := os.Stat(filepath.Join(h.dir, ".cache", "warta", "images")); err != nil {
		t.Errorf("the copies are not in the build's image cache: %v", err)
	}
}
