package render

import (
	"fmt"
	"html/template"
	"strings"
	"time"

	"github.com/dinsos-metro/warta/internal/assets"
	"github.com/dinsos-metro/warta/internal/config"
	"github.com/dinsos-metro/warta/internal/i18n"
)

// Funcs are the functions templates may call:
//
//	t "key"              an interface string in the site's language
//	tf "key" args...     the same, with fmt verbs filled in
//	date .Date           "Selasa, 29 Juli 2025" ("..., 24 Februari 2019 (WITA)" when written in another zone)
//	shortdate .Date      "29 Juli 2025"
//	isodate .Date        "2025-07-29T00:00:00+07:00", for <time datetime>
//	asset "css/x.css"    the fingerprinted URL of an asset
//	url "/berita/"       a site path with the site's base path in front
//	abs "/berita/"       the absolute URL of a site path
//	bytes 1234567        "1,2 MB"
//	add 1 2              3
func Funcs(cfg *config.Config, set *assets.Set) template.FuncMap {
	lang := i18n.Lang(cfg.Language)
	urls := NewURLs(cfg.Base)
	return template.FuncMap{
		"t": lang.T,
		"tf": func(key string, args ...any) string {
			return fmt.Sprintf(lang.T(key), args...)
		},
		// A date keeps the day of the place it was written in; when that
		// is not the site's zone, the zone is named ("(WITA)").
		"date":      withZone(lang.LongDate, cfg.Location),
		"shortdate": withZone(lang.Date, cfg.Location),
		"isodate": func(t time.Time) string {
			if t.IsZero() {
				return ""
			}
			return t.Format(time.RFC3339)
		},
		"asset": func(name string) (string, error) {
			p, ok := set.Lookup(name)
			if !ok {
				return "", fmt.Errorf("no asset %q in assets/", name)
			}
			return urls.Rel(p), nil
		},
		"url":   urls.Rel,
		"abs":   urls.Abs,
		"bytes": lang.Bytes,
		"add":   func(a, b int) int { return a + b },
		"upper": strings.ToUpper,
		"lower": strings.ToLower,
	}
}

func withZone(format func(time.Time) string, site *time.Location) func(time.Time) string {
	return func(t time.Time) string {
		if z := i18n.ZoneNote(t, site); z != "" {
			return format(t) + " (" + z + ")"
		}
		return format(t)
	}
}
