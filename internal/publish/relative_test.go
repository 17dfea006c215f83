package publish

import (
	"testing"
	"testing/fstest"
)

func TestRelativeURL(t *testing.T) {
	for _, c := range []struct{ name, ref, base, want string }{
		{"berita/x/index.html", "/berita/", "/", "../index.html"},
		{"berita/x/index.html", "/berita/x/", "/", "index.html"},
		{"berita/x/index.html", "/berita/x/#foto-1", "/", "index.html#foto-1"},
		{"berita/x/index.html", "/assets/css/style.1.css", "/", "../../assets/css/style.1.css"},
		{"berita/x/index.html", "/cari/?q=x#y", "/", "../../cari/index.html?q=x#y"},
		{"berita/x/index.html", "/", "/", "../../index.html"},
		{"index.html", "/", "/", "index.html"},
		{"index.html", "/berita/x/cover.jpg", "/", "berita/x/cover.jpg"},
		{"404.html", "/assets/a.css", "/", "assets/a.css"},
		{"assets/css/style.css", "/assets/img/a.svg", "/", "../img/a.svg"},
		{"dinsos-page/index.html", "/dinsos/berita/", "/dinsos/", "../berita/index.html"},
		{"index.html", "/other/", "/dinsos/", "/other/"},
		{"index.html", "https://example.org/", "/", "https://example.org/"},
		{"index.html", "//cdn.example.org/a.js", "/", "//cdn.example.org/a.js"},
		{"index.html", "#isi", "/", "#isi"},
		{"index.html", "mailto:a@b.c", "/", "mailto:a@b.c"},
		{"index.html", "foto.jpg", "/", "foto.jpg"},
	} {
		if got := relativeURL(c.name, c.ref, c.base); got != c.want {
			t.Errorf("relativeURL(%q, %q, %q) = %q, want %q", c.name, c.ref, c.base, got, c.want)
		}
	}
}

func TestRelativeHTML(t *testing.T) {
	in := `<!DOCTYPE html><html><head><link rel="canonical" href="https://example.org/berita/x/"><link rel="stylesheet" href="/assets/s.css">` +
		`<style>.a{background:url(/assets/img/a.png)}</style><script type="application/ld+json">{"url":"/berita/"}</script></head>` +
		`<body><a href="/berita/" class=x>Berita</a> <a href='/tag/a&amp;b/'>t</a> <a href="#isi">isi</a>` +
		`<img src="/berita/x/a-480w.jpg" srcset="/berita/x/a-480w.jpg 480w, /berita/x/a-960w.jpg 960w" alt="/berita/">` +
		`<form action="/cari/" method="get"><input name="q"></form><div style="background-image:url('/assets/b.png')"></div>` +
		`<p>/berita/ stays text</p><script src="/assets/js/s.js" defer></script></body></html>`
	want := `<!DOCTYPE html><html><head><link rel="canonical" href="https://example.org/berita/x/"><link rel="stylesheet" href="../../assets/s.css">` +
		`<style>.a{background:url(../../assets/img/a.png)}</style><script type="application/ld+json">{"url":"/berita/"}</script></head>` +
		`<body><a href="../index.html" class=x>Berita</a> <a href='../../tag/a&amp;b/index.html'>t</a> <a href="#isi">isi</a>` +
		`<img src="a-480w.jpg" srcset="a-480w.jpg 480w, a-960w.jpg 960w" alt="/berita/">` +
		`<form action="../../cari/index.html" method="get"><input name="q"></form><div style="background-image:url('../../assets/b.png')"></div>` +
		`<p>/berita/ stays text</p><script src="../../assets/js/s.js" defer></script></body></html>`
	if got := string(RelativeHTML("berita/x/index.html", []byte(in), "/")); got != want {
		t.Errorf("RelativeHTML:\n got %s\nwant %s", got, want)
	}
}

func TestRelativeSink(t *testing.T) {
	mem := NewMemory()
	s := Relative{Next: mem, Base: "/"}
	_ = s.Write("a/index.html", []byte(`<a href="/b/">b</a>`))
	_ = s.Write("assets/x.css", []byte(`a{background:url(/assets/i.png)}`))
	_ = s.Write("feed.xml", []byte(`<link href="/b/"/>`))
	_ = s.Copy("a/file.html", fstest.MapFS{"f": {Data: []byte(`<a href="/b/">`)}}, "f")
	for name, want := range map[string]string{
		"a/index.html": `<a href="../b/index.html">b</a>`,
		"assets/x.css": `a{background:url(i.png)}`,
		"feed.xml":     `<link href="/b/"/>`,
		"a/file.html":  `<a href="/b/">`, // copied files are the authors' own
	} {
		if got, _ := mem.Get(name); string(got) != want {
			t.Errorf("%s = %s, want %s", name, got, want)
		}
	}
}
