package build_test

import (
	"encoding/json"
	"html"
	"regexp"
	"strconv"
	"strings"
	"testing"

	"github.com/dinsos-metro/warta/internal/sitetest"
)

var (
	jsonLDRe = regexp.MustCompile(`(?s)<script type="?application/ld\+json"?>(.*?)</script>`)
	metaRe   = regexp.MustCompile(`<meta (?:property|name)="?([a-z:_]+)"? content=(?:"([^"]*)"|'([^']*)')`)
	canonRe  = regexp.MustCompile(`<link rel="?canonical"? href="?([^" >]+)`)
)

// jsonLD parses a page's JSON-LD.
func jsonLD(t *testing.T, s *sitetest.Site, name string) map[string]any {
	t.Helper()
	m := jsonLDRe.FindStringSubmatch(s.File(t, name))
	if m == nil {
		t.Fatalf("%s has no JSON-LD", name)
	}
	var v map[string]any
	if err := json.Unmarshal([]byte(m[1]), &v); err != nil {
		t.Fatalf("%s: JSON-LD does not parse: %v\n%s", name, err, m[1])
	}
	return v
}

// metas returns a page's meta tags by property or name.
func metas(t *testing.T, s *sitetest.Site, name string) map[string]string {
	t.Helper()
	out := map[string]string{}
	page := s.File(t, name)
	for _, m := range metaRe.FindAllStringSubmatch(page, -1) {
		out[m[1]] = html.UnescapeString(m[2] + m[3])
	}
	if c := canonRe.FindStringSubmatch(page); c != nil {
		out["canonical"] = c[1]
	}
	return out
}

// want checks fields of a JSON object: a string value, or "*" for any
// value that is present and not empty.
func want(t *testing.T, where string, v map[string]any, fields map[string]string) {
	t.Helper()
	for key, w := range fields {
		got, ok := v[key]
		switch {
		case !ok || got == "" || got == nil:
			t.Errorf("%s: no %s in %v", where, key, v)
		case w != "*" && got != w:
			t.Errorf("%s: %s = %v, want %q", where, key, got, w)
		}
	}
}

func absolute(t *testing.T, where, u string) {
	t.Helper()
	if !strings.HasPrefix(u, "https://dinsos.example.org/") {
		t.Errorf("%s: %q is not an absolute address of the site", where, u)
	}
}

// TestJSONLD checks the shape of the structured data of each kind of page.
func TestJSONLD(t *testing.T) {
	t.Parallel()
	s := builtFull(t)
	publisher := func(where string, v map[string]any) {
		t.Helper()
		p, _ := v["publisher"].(map[string]any)
		want(t, where+" publisher", p, map[string]string{"@type": "GovernmentOrganization", "name": "*", "url": "https://dinsos.example.org/", "@id": "*"})
	}

	news := jsonLD(t, s, "berita/peksos-tk-negeri-1/index.html")
	want(t, "news", news, map[string]string{
		"@context": "https://schema.org", "@type": "NewsArticle", "headline": "*", "name": "*", "description": "*",
		"url": "https://dinsos.example.org/berita/peksos-tk-negeri-1/", "mainEntityOfPage": "https://dinsos.example.org/berita/peksos-tk-negeri-1/",
		"datePublished": "2025-07-29T00:00:00+07:00", "inLanguage": "id", "author": "*",
	})
	publisher("news", news)
	if img, _ := news["image"].([]any); len(img) != 1 || !strings.Contains(img[0].(string), "cover-") {
		t.Errorf("news image = %v, want its cover", news["image"])
	} else {
		absolute(t, "news image", img[0].(string))
	}

	mod := jsonLD(t, s, "modul/paud/sentuhan-aman/index.html")
	want(t, "module", mod, map[string]string{
		"@context": "https://schema.org", "@type": "LearningResource", "name": "*", "url": "*",
		"educationalLevel": "Pendidikan Anak Usia Dini (PAUD)", "learningResourceType": "*", "inLanguage": "id",
	})
	publisher("module", mod)
	if img, _ := mod["image"].([]any); len(img) != 1 || !strings.Contains(img[0].(string), "/assets/img/share.") {
		t.Errorf("module image = %v, want the site's share picture", mod["image"])
	}

	gal := jsonLD(t, s, "galeri/tk-negeri-1/index.html")
	want(t, "gallery", gal, map[string]string{"@context": "https://schema.org", "@type": "ImageGallery", "name": "*", "datePublished": "*"})
	publisher("gallery", gal)
	photos, _ := gal["associatedMedia"].([]any)
	if len(photos) == 0 {
		t.Fatalf("gallery has no photos in its JSON-LD: %v", gal)
	}
	for _, p := range photos {
		ph := p.(map[string]any)
		want(t, "gallery photo", ph, map[string]string{"@type": "ImageObject", "contentUrl": "*"})
		u := ph["contentUrl"].(string)
		absolute(t, "photo", u)
		if !s.Has(strings.TrimPrefix(u, "https://dinsos.example.org/")) {
			t.Errorf("photo %s is not in the build", u)
		}
	}

	home := jsonLD(t, s, "index.html")
	want(t, "home", home, map[string]string{"@context": "https://schema.org"})
	graph, _ := home["@graph"].([]any)
	types := map[string]map[string]any{}
	for _, g := range graph {
		m := g.(map[string]any)
		types[m["@type"].(string)] = m
	}
	want(t, "organisation", types["GovernmentOrganization"], map[string]string{"name": "*", "url": "https://dinsos.example.org/", "@id": "*"})
	want(t, "site", types["WebSite"], map[string]string{"name": "*", "url": "https://dinsos.example.org/", "potentialAction": "*"})
	if a, _ := types["WebSite"]["potentialAction"].(map[string]any); a["target"] != "https://dinsos.example.org/cari/?q={search_term_string}" {
		t.Errorf("search action = %v", a)
	}

	if strings.Contains(s.File(t, "tentang/index.html"), "application/ld+json") {
		t.Error("a plain page has JSON-LD")
	}
}

// TestJSONLDEscapes: text that closes a script element stays inside it.
func TestJSONLDEscapes(t *testing.T) {
	t.Parallel()
	title := `Awas </script><script>alert("x")</script> & <!-- "kutip"`
	s := sitetest.BuildTxtar(t, `
-- site.yaml --
title: Uji
base_url: https://dinsos.example.org/
-- content/berita/2025-07-29-uji.md --
---
title: '`+title+`'
date: 2025-07-29
author: "Tim </script>"
---
Isi.
`, sitetest.Options{})
	s.AssertOK(t)
	// The JSON-LD runs to the first </script>: it parses whole only when
	// no value closed the element early.
	m := jsonLDRe.FindStringSubmatch(s.File(t, "berita/uji/index.html"))
	if m == nil || !strings.Contains(m[1], `\u003c/script\u003e`) {
		t.Fatalf("JSON-LD = %v", m)
	}
	v := jsonLD(t, s, "berita/uji/index.html")
	if v["headline"] != title {
		t.Errorf("headline = %q, want %q", v["headline"], title)
	}
}

// TestShareTags checks the Open Graph and Twitter tags of every page:
// a title, a description, an absolute address equal to the canonical
// one, a 1200 px picture, the locale.
func TestShareTags(t *testing.T) {
	t.Parallel()
	s := builtFull(t)
	pages := 0
	for _, name := range s.Out.Names() {
		if !strings.HasSuffix(name, ".html") || name == "404.html" {
			continue
		}
		pages++
		m := metas(t, s, name)
		for _, key := range []string{"og:title", "og:description", "og:url", "og:type", "og:image", "og:image:width", "og:image:alt",
			"og:site_name", "twitter:card", "twitter:title", "twitter:description", "twitter:image", "description", "canonical"} {
			if m[key] == "" {
				t.Errorf("%s: no %s", name, key)
			}
		}
		// 1200 px wide, or the photo's own width when it is smaller (the
		// fixture's photos are tiny; a photo is never enlarged).
		if w, _ := strconv.Atoi(m["og:image:width"]); m["og:locale"] != "id_ID" || m["twitter:card"] != "summary_large_image" || w < 1 || w > 1200 {
			t.Errorf("%s: locale %q, card %q, image width %q", name, m["og:locale"], m["twitter:card"], m["og:image:width"])
		}
		if m["og:url"] != m["canonical"] {
			t.Errorf("%s: og:url %q, canonical %q", name, m["og:url"], m["canonical"])
		}
		absolute(t, name+" og:url", m["og:url"])
		absolute(t, name+" og:image", m["og:image"])
		if m["twitter:image"] != m["og:image"] {
			t.Errorf("%s: twitter:image %q, og:image %q", name, m["twitter:image"], m["og:image"])
		}
	}
	if pages < 20 {
		t.Errorf("only %d pages checked", pages)
	}
	news := metas(t, s, "berita/peksos-tk-negeri-1/index.html")
	if !strings.Contains(news["og:image"], "/berita/peksos-tk-negeri-1/cover-") || news["og:type"] != "article" {
		t.Errorf("news: og:image %q, og:type %q: want a copy of its cover, article", news["og:image"], news["og:type"])
	}
	if mod := metas(t, s, "modul/sd/mengenal-emosi/index.html"); !strings.Contains(mod["og:image"], "/assets/img/share.") || mod["og:image:height"] != "630" {
		t.Errorf("module without a picture: og:image %q (%s high), want the site's share picture", mod["og:image"], mod["og:image:height"])
	}
}
