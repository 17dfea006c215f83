package bundle

import (
	"archive/zip"
	"bytes"
	"io"
	"net/url"
	"strings"
	"testing"
	"testing/fstest"
)

func TestZipDeterministic(t *testing.T) {
	pdf := "%PDF-1.4\n" + strings.Repeat("1 0 obj << /Type /Page >> endobj\n", 20)
	html := "<!DOCTYPE html>" + strings.Repeat("<p>Halo, anak-anak.</p>", 20)
	src := fstest.MapFS{"content/x/lembar.pdf": {Data: []byte(pdf)}}
	files := func() []File {
		// Given in a different order each time: the archive sorts.
		return []File{
			{Name: "x/index.html", Data: []byte(html)},
			{Name: "x/gambar.png", Data: []byte("\x89PNG fake fake fake fake fake fake fake fake")},
			{Name: "x/lembar.pdf", Src: src, Path: "content/x/lembar.pdf"},
		}
	}
	a, err := ZipBytes(files())
	if err != nil {
		t.Fatal(err)
	}
	f := files()
	f[0], f[2] = f[2], f[0]
	b, err := ZipBytes(f)
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(a, b) {
		t.Fatal("same files in another order gave different bytes")
	}
	zr, err := zip.NewReader(bytes.NewReader(a), int64(len(a)))
	if err != nil {
		t.Fatal(err)
	}
	var names []string
	for _, e := range zr.File {
		names = append(names, e.Name)
		if !e.Modified.Equal(Epoch) {
			t.Errorf("%s: time %v, want %v", e.Name, e.Modified, Epoch)
		}
		wantMethod := zip.Deflate
		if e.Name == "x/gambar.png" {
			wantMethod = zip.Store
		}
		if e.Method != wantMethod {
			t.Errorf("%s: method %d, want %d", e.Name, e.Method, wantMethod)
		}
		r, _ := e.Open()
		data, _ := io.ReadAll(r)
		r.Close()
		if want := map[string]string{"x/lembar.pdf": pdf, "x/index.html": html}[e.Name]; want != "" && string(data) != want {
			t.Errorf("%s changed in the archive: %q", e.Name, data)
		}
	}
	if got := strings.Join(names, " "); got != "x/gambar.png x/index.html x/lembar.pdf" {
		t.Errorf("entries %s, want them sorted", got)
	}
}

func TestZipRejects(t *testing.T) {
	for _, files := range [][]File{
		{{Name: "../x"}},
		{{Name: "/x"}},
		{{Name: "a//b"}},
		{{Name: "a"}, {Name: "a"}},
	} {
		if _, err := ZipBytes(files); err == nil {
			t.Errorf("%v: want an error", files)
		}
	}
}

func TestWithin(t *testing.T) {
	got := Within("modul-sd", []File{{Name: "x/index.html"}})
	if got[0].Name != "modul-sd/x/index.html" {
		t.Errorf("got %s", got[0].Name)
	}
}

const page = `<!DOCTYPE html>
<html lang="id">
<head>
<link rel="canonical" href="https://dinsos.example.org/dinsos/modul/sd/x/">
<link rel="stylesheet" href="/dinsos/assets/css/style.1234abcd.css">
<link rel="icon" href="/dinsos/assets/img/logo.1234abcd.svg" type="image/svg+xml">
<link rel="alternate" type="application/atom+xml" href="/dinsos/feed.xml">
<script src="/dinsos/assets/js/cari.js"></script>
</head>
<body>
<a class="skip" href="#isi">Langsung ke isi</a>
<img src="/dinsos/assets/img/logo.1234abcd.svg" alt="" width="44">
<a href="/dinsos/modul/sd/">SD</a>
<a href="/dinsos/modul/sd/x/lembar%20kerja.pdf" download>Lembar</a>
<a href="lembar%20kerja.pdf#p2">Lembar hal. 2</a>
<a href="/dinsos/kontak/">Kontak</a>
<a href="https://wa.me/62">WA</a>
<a href="mailto:a@b.c">Surel</a>
<img src="gambar.png" srcset="gambar-480.png 480w" sizes="50vw" alt="Gambar &amp; teks">
<picture><source srcset="/dinsos/x.webp" type="image/webp"><img src="/dinsos/modul/sd/x/gambar.png" alt=""></picture>
<img src="/dinsos/galeri/y/foto.jpg" alt="">
<form action="/dinsos/cari/"><input name="q"></form>
<svg class="qr" viewBox="0 0 3 3"><path d="M0 0h1"/></svg>
</body>
</html>
`

func offline(linksOnline bool) *Offline {
	return &Offline{
		Base: &url.URL{Scheme: "https", Host: "dinsos.example.org", Path: "/dinsos/"},
		Files: map[string]string{
			"/modul/sd/x/":                 "x/index.html",
			"/modul/sd/x/lembar kerja.pdf": "x/lembar kerja.pdf",
			"/modul/sd/x/gambar.png":       "x/gambar.png",
		},
		Asset: func(p string) ([]byte, bool) {
			switch p {
			case "/assets/css/style.1234abcd.css":
				return []byte(`body{color:#000}.logo{background:url(../img/logo.1234abcd.svg)}</style>`), true
			case "/assets/img/logo.1234abcd.svg":
				return []byte(`<svg xmlns="http://www.w3.org/2000/svg"/>`), true
			}
			return nil, false
		},
		LinksOnline: linksOnline,
	}
}

func TestOfflineRewrite(t *testing.T) {
	res, err := offline(false).Rewrite([]byte(page), "/modul/sd/x/", "x/index.html")
	if err != nil {
		t.Fatal(err)
	}
	got := string(res.HTML)
	for _, want := range []string{
		`<link rel="canonical" href="https://dinsos.example.org/dinsos/modul/sd/x/">`,
		`<style>body{color:#000}.logo{background:url("data:image/svg+xml;base64,`,
		`<\/style>`,
		`<link rel="icon" href="data:image/svg+xml;base64,PHN2ZyB4bWxucz0iaHR0cDovL3d3dy53My5vcmcvMjAwMC9zdmciLz4=" type="image/svg+xml">`,
		`<link rel="alternate" type="application/atom+xml" href="https://dinsos.example.org/dinsos/feed.xml">`,
		`<a class="skip" href="#isi">`,
		`<img src="data:image/svg+xml;base64,`,
		`<a href="https://dinsos.example.org/dinsos/modul/sd/">SD</a>`,
		`<a href="lembar%20kerja.pdf" download>Lembar</a>`,
		`<a href="lembar%20kerja.pdf#p2">`,
		`<a href="https://dinsos.example.org/dinsos/kontak/">Kontak</a>`,
		`<a href="https://wa.me/62">WA</a>`, `<a href="mailto:a@b.c">`,
		`<img src="gambar.png" alt="Gambar &amp; teks">`,
		`<picture><img src="gambar.png" alt=""></picture>`,
		`<form action="https://dinsos.example.org/dinsos/cari/">`,
		`<svg class="qr" viewBox="0 0 3 3"><path d="M0 0h1"/></svg>`,
	} {
		if !strings.Contains(got, want) {
			t.Errorf("offline page lacks %s", want)
		}
	}
	for _, bad := range []string{"<script", "stylesheet", "srcset", "/dinsos/assets/"} {
		if strings.Contains(got, bad) {
			t.Errorf("offline page still has %s", bad)
		}
	}
	if want := "https://dinsos.example.org/dinsos/galeri/y/foto.jpg"; len(res.Outside) != 1 || res.Outside[0] != want {
		t.Errorf("Outside = %v, want [%s]", res.Outside, want)
	}
}

// For a PDF, links go to the public site even for files in the bundle;
// pictures still come from the bundle.
func TestOfflineLinksOnline(t *testing.T) {
	res, err := offline(true).Rewrite([]byte(page), "/modul/sd/x/", "x/index.html")
	if err != nil {
		t.Fatal(err)
	}
	got := string(res.HTML)
	for _, want := range []string{
		`<a href="https://dinsos.example.org/dinsos/modul/sd/x/lembar%20kerja.pdf" download>`,
		`<a href="https://dinsos.example.org/dinsos/modul/sd/x/lembar%20kerja.pdf#p2">`,
		`<a class="skip" href="#isi">`,
		`<img src="gambar.png" alt="Gambar &amp; teks">`,
	} {
		if !strings.Contains(got, want) {
			t.Errorf("PDF page lacks %s", want)
		}
	}
}

// In a level bundle, a module's page sits one folder down: references
// climb out of it to the level's files.
func TestOfflineNested(t *testing.T) {
	o := offline(false)
	o.Files = map[string]string{
		"/modul/sd/":             "modul-sd/index.html",
		"/modul/sd/x/":           "modul-sd/x/index.html",
		"/modul/sd/x/gambar.png": "modul-sd/x/gambar.png",
	}
	res, err := o.Rewrite([]byte(page), "/modul/sd/x/", "modul-sd/x/index.html")
	if err != nil {
		t.Fatal(err)
	}
	got := string(res.HTML)
	for _, want := range []string{`<a href="../index.html">SD</a>`, `<img src="gambar.png" alt="Gambar &amp; teks">`} {
		if !strings.Contains(got, want) {
			t.Errorf("nested page lacks %s", want)
		}
	}
}

func TestRelative(t *testing.T) {
	for _, c := range []struct{ from, to, want string }{
		{"x/index.html", "x/a.pdf", "a.pdf"},
		{"x/index.html", "x/index.html", "index.html"},
		{"modul-sd/index.html", "modul-sd/x/index.html", "x/index.html"},
		{"modul-sd/x/index.html", "modul-sd/index.html", "../index.html"},
		{"index.html", "x/a b.pdf", "x/a%20b.pdf"},
		{"x/index.html", "x/a:b.pdf", "./a:b.pdf"},
	} {
		if got := relative(c.from, c.to); got != c.want {
			t.Errorf("relative(%s, %s) = %s, want %s", c.from, c.to, got, c.want)
		}
	}
}

func TestReferences(t *testing.T) {
	refs, err := References([]byte(page))
	if err != nil {
		t.Fatal(err)
	}
	var srcset, action bool
	for _, r := range refs {
		srcset = srcset || (r.Attr == "srcset" && r.Value == "gambar-480.png 480w")
		action = action || (r.Tag == "form" && r.Value == "/dinsos/cari/")
	}
	if !srcset || !action || len(refs) < 15 {
		t.Errorf("References missed some: %v", refs)
	}
}
