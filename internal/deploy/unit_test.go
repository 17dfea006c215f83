package deploy

import (
	"context"
	"errors"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"
)

func TestHeaders(t *testing.T) {
	for _, c := range []struct {
		name, typ, cache, enc string
	}{
		{"assets/css/style.2cdc5435.css", "text/css; charset=utf-8", cacheImmutable, ""},
		{"assets/css/style.2cdc5435.css.br", "text/css; charset=utf-8", cacheImmutable, "br"},
		{"assets/js/search.2d1c096a.js", "text/javascript; charset=utf-8", cacheImmutable, ""},
		{"assets/img/logo.ff66e947.svg", "image/svg+xml", cacheImmutable, ""},
		{"assets/search/7bc630a34e/meta.min.js", "text/javascript; charset=utf-8", cacheImmutable, ""},
		{"galeri/tk/foto-03-480w-40001393e0.jpg", "image/jpeg", cacheImmutable, ""},
		{"berita/x/index.html", "text/html; charset=utf-8", cacheShort, ""},
		{"berita/x/index.html.gz", "text/html; charset=utf-8", cacheShort, "gzip"},
		{"feed.xml", "application/xml; charset=utf-8", cacheShort, ""},
		{"robots.txt", "text/plain; charset=utf-8", cacheShort, ""},
		{"modul/sd/lembar.pdf", "application/pdf", cacheMedium, ""},
		// A date in a name chosen by staff is not a hash.
		{"unduhan/laporan-20261204.pdf", "application/pdf", cacheMedium, ""},
		{"berkas/tanpa-jenis", "application/octet-stream", cacheShort, ""},
	} {
		h := Headers(c.name)
		if h.ContentType != c.typ || h.CacheControl != c.cache || h.ContentEncoding != c.enc {
			t.Errorf("%s: got %+v, want %s / %s / %s", c.name, h, c.typ, c.cache, c.enc)
		}
	}
}

func TestResolveLink(t *testing.T) {
	for _, c := range []struct{ href, page, base, want string }{
		{"/berita/satu/", "index.html", "/", "berita/satu/index.html"},
		{"https://dinsos.example.go.id/berita/satu/", "index.html", "/", "berita/satu/index.html"},
		{"/dinsos/berita/satu/", "index.html", "/dinsos/", "berita/satu/index.html"},
		{"/lain/berita/", "index.html", "/dinsos/", ""},
		{"../dua/", "berita/satu/index.html", "/", "berita/dua/index.html"},
		{"./", "berita/index.html", "/", "berita/index.html"},
		{"/", "berita/index.html", "/", "index.html"},
		{"#atas", "index.html", "/", ""},
		{"mailto:dinsos@example.go.id", "index.html", "/", ""},
		{"/feed.xml?x=1", "index.html", "/", "feed.xml"},
	} {
		if got := resolveLink(c.href, c.page, c.base); got != c.want {
			t.Errorf("resolveLink(%q, %q, %q) = %q, want %q", c.href, c.page, c.base, got, c.want)
		}
	}
}

func FuzzResolveLink(f *testing.F) {
	f.Add("../dua/", "berita/satu/index.html", "/")
	f.Add("https://x/%zz", "index.html", "/dinsos/")
	f.Fuzz(func(t *testing.T, href, page, base string) {
		got := resolveLink(href, page, base)
		if strings.HasPrefix(got, "/") || slices.Contains(strings.Split(got, "/"), "..") {
			t.Errorf("resolveLink(%q, %q, %q) = %q: not a path inside the output", href, page, base, got)
		}
	})
}

// TestJournalReplay: a deploy killed mid-write leaves a torn journal
// line; the next load keeps every whole line and ignores the torn one.
func TestJournalReplay(t *testing.T) {
	p := filepath.Join(t.TempDir(), ".warta", "deploy", "x.json")
	m, err := LoadManifest(p, "folder:/www")
	if err != nil {
		t.Fatal(err)
	}
	m.record("a.html", &Entry{Hash: "aa", Size: 1})
	if err := m.Save(); err != nil {
		t.Fatal(err)
	}
	if err := m.openJournal(); err != nil {
		t.Fatal(err)
	}
	m.record("b.html", &Entry{Hash: "bb", Size: 2})
	m.record("a.html", nil)
	m.closeJournal()
	f, _ := os.OpenFile(journalPath(p), os.O_APPEND|os.O_WRONLY, 0)
	f.WriteString(`{"op":"put","name":"c.ht`)
	f.Close()
	m2, err := LoadManifest(p, "folder:/www")
	if err != nil {
		t.Fatal(err)
	}
	if len(m2.Files) != 1 || m2.Files["b.html"].Hash != "bb" {
		t.Errorf("after replay: %v, want only b.html", m2.Files)
	}
	// A manifest and journal for another destination say nothing about
	// this one.
	if m3, _ := LoadManifest(p, "folder:/lain"); len(m3.Files) != 0 {
		t.Errorf("a manifest of another destination was used: %v", m3.Files)
	}
}

func TestRetry(t *testing.T) {
	calls := 0
	tries, err := retry(context.Background(), 3, time.Millisecond, func(context.Context) error {
		calls++
		if calls < 3 {
			return errors.New("connection reset")
		}
		return nil
	}, nil)
	if err != nil || tries != 3 {
		t.Errorf("retry: %d tries, %v", tries, err)
	}
	tries, err = retry(context.Background(), 5, time.Millisecond, func(context.Context) error {
		return localError{os.ErrNotExist}
	}, nil)
	if tries != 1 || err == nil {
		t.Errorf("a missing local file was tried %d times", tries)
	}
}

func TestRedact(t *testing.T) {
	r := redactor{"s3cr3t-Value"}
	err := r.err(fail("deploy-connect", "host", errors.New("denied for s3cr3t-Value")))
	if strings.Contains(Message(err, "en"), "s3cr3t") || strings.Contains(err.Error(), "s3cr3t") {
		t.Errorf("secret in %q", err)
	}
	if e := r.err(context.Canceled); !errors.Is(e, context.Canceled) {
		t.Error("redaction lost the cause")
	}
}
