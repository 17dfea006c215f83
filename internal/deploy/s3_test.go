package deploy

import (
	"context"
	"io"
	"strings"
	"testing"

	"github.com/minio/minio-go/v7"

	"github.com/dinsos-metro/warta/internal/config"
)

func s3Target_(srv s3Server) config.DeployTarget {
	return config.DeployTarget{Name: "awan", Kind: "s3", Endpoint: srv.Endpoint, Bucket: srv.Bucket, Prefix: "situs",
		Region: "us-east-1", PathStyle: true, AccessKeyEnv: "WARTA_S3_KEY", SecretKeyEnv: "WARTA_S3_SECRET"}
}

func (srv s3Server) env() map[string]string {
	return map[string]string{"WARTA_S3_KEY": srv.Access, "WARTA_S3_SECRET": srv.Secret}
}

// objects reads every object under prefix through the S3 API.
func (srv s3Server) objects(t *testing.T, prefix string) map[string]string {
	t.Helper()
	ctx := context.Background()
	m := map[string]string{}
	for o := range srv.Client.ListObjects(ctx, srv.Bucket, minio.ListObjectsOptions{Prefix: prefix + "/", Recursive: true}) {
		if o.Err != nil {
			t.Fatal(o.Err)
		}
		obj, err := srv.Client.GetObject(ctx, srv.Bucket, o.Key, minio.GetObjectOptions{})
		if err != nil {
			t.Fatal(err)
		}
		data, err := io.ReadAll(obj)
		obj.Close()
		if err != nil {
			t.Fatal(err)
		}
		m[strings.TrimPrefix(o.Key, prefix+"/")] = string(data)
	}
	return m
}

func TestS3Target(t *testing.T) {
	srv := startS3(t)
	scenario(t, s3Target_(srv), srv.env(), func() map[string]string { return srv.objects(t, "situs") })
}

// TestS3Headers checks the headers the server gives back for the objects.
func TestS3Headers(t *testing.T) {
	srv := startS3(t)
	s := newSite(t)
	if _, err := Run(context.Background(), Options{SiteDir: s.dir, Output: s.out, Target: s3Target_(srv),
		Env: func(k string) string { return srv.env()[k] }}); err != nil {
		t.Fatal(err)
	}
	for _, c := range []struct{ name, typ, cache, encoding string }{
		{"assets/css/style.2cdc5435.css", "text/css; charset=utf-8", cacheImmutable, ""},
		{"assets/search/7bc630a34e/f0.min.js", "text/javascript; charset=utf-8", cacheImmutable, ""},
		{"galeri/tk/foto-01-480w-3a5409c0ee.jpg", "image/jpeg", cacheImmutable, ""},
		{"index.html", "text/html; charset=utf-8", cacheShort, ""},
		{"index.html.gz", "text/html; charset=utf-8", cacheShort, "gzip"},
		{"feed.xml", "application/xml; charset=utf-8", cacheShort, ""},
		{"modul/sd/lembar-kerja.pdf", "application/pdf", cacheMedium, ""},
	} {
		info, err := srv.Client.StatObject(context.Background(), srv.Bucket, "situs/"+c.name, minio.StatObjectOptions{})
		if err != nil {
			t.Errorf("HEAD %s: %v", c.name, err)
			continue
		}
		if info.ContentType != c.typ {
			t.Errorf("%s: Content-Type %q, want %q", c.name, info.ContentType, c.typ)
		}
		if got := info.Metadata.Get("Cache-Control"); got != c.cache {
			t.Errorf("%s: Cache-Control %q, want %q", c.name, got, c.cache)
		}
		if got := info.Metadata.Get("Content-Encoding"); got != c.encoding {
			t.Errorf("%s: Content-Encoding %q, want %q", c.name, got, c.encoding)
		}
	}
}

// TestS3WrongSecret: refused credentials end the deploy with a message
// that does not show the secret.
func TestS3WrongSecret(t *testing.T) {
	srv := startS3(t)
	s := newSite(t)
	const wrong = "bukan-rahasia-yang-benar-5521"
	_, err := Run(context.Background(), Options{SiteDir: s.dir, Output: s.out, Target: s3Target_(srv), Tries: 1,
		Env: func(k string) string {
			return map[string]string{"WARTA_S3_KEY": srv.Access, "WARTA_S3_SECRET": wrong}[k]
		}})
	if err == nil {
		t.Fatal("a wrong secret deployed")
	}
	for _, lang := range []string{"en", "id"} {
		if msg := Message(err, lang); strings.Contains(msg, wrong) {
			t.Errorf("the message shows the secret: %s", msg)
		}
	}
	if len(srv.objects(t, "situs")) != 0 {
		t.Error("objects were written with a wrong secret")
	}
}
