// Package config reads site.yaml: the site's settings, with defaults for
// everything, so that a folder holding only content/ still builds.
//
// Every key is documented in the README. Unknown keys are errors with their
// line, because a misspelt setting that is silently ignored is worse than a
// failed build.
package config

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"net/url"
	"path/filepath"
	"regexp"
	"strings"
	"time"
	_ "time/tzdata" // Asia/Jakarta must resolve on machines without a zoneinfo database

	"go.yaml.in/yaml/v3"

	"github.com/dinsos-metro/warta/internal/diag"
)

// File is the name of the configuration file in the site folder.
const File = "site.yaml"

// Config is the site's configuration after defaults and validation.
type Config struct {
	Title          string         `yaml:"title"`
	Description    string         `yaml:"description"`
	BaseURL        string         `yaml:"base_url"`
	Language       string         `yaml:"language"`
	Timezone       string         `yaml:"timezone"`
	Department     Department     `yaml:"department"`
	Menu           []MenuItem     `yaml:"menu"`
	Pagination     int            `yaml:"pagination"`
	Markup         Markup         `yaml:"markup"`
	Images         Images         `yaml:"images"`
	Privacy        Privacy        `yaml:"privacy"`
	Modules        Modules        `yaml:"modules"`
	Minify         *bool          `yaml:"minify"`
	SlugDatePrefix bool           `yaml:"slug_date_prefix"`
	Params         map[string]any `yaml:"params"`
	RelativeURLs   bool           `yaml:"relative_urls"` // links relative to each page, for file:// (like --relative)
	// Districts are the city's kecamatan, in display order (districts.go).
	Districts []District `yaml:"districts"`
	// OpenData describes the open data files (reach.go).
	OpenData OpenData `yaml:"open_data"`
	// Deploy lists where warta deploy publishes the site (deploy.go).
	Deploy []DeployTarget `yaml:"deploy"`
	// Newsroom tunes the web editor of warta serve (newsroom.go).
	Newsroom Newsroom `yaml:"newsroom"`

	// Location is Timezone resolved.
	Location *time.Location `yaml:"-"`
	// Base is BaseURL parsed; its path always ends in "/".
	Base *url.URL `yaml:"-"`
}

// Department describes the organisation behind the site.
type Department struct {
	Name    string   `yaml:"name"`
	Address string   `yaml:"address"`
	Phone   string   `yaml:"phone"`
	Email   string   `yaml:"email"`
	Logo    string   `yaml:"logo"`
	Social  []Social `yaml:"social"`
}

// Social is one link to the department's account elsewhere.
type Social struct {
	Name string `yaml:"name"`
	URL  string `yaml:"url"`
}

// MenuItem is one entry of the main navigation.
type MenuItem struct {
	Title string `yaml:"title"`
	URL   string `yaml:"url"`
}

// Markup holds Markdown settings.
type Markup struct {
	// UnsafeHTML lets raw HTML in Markdown through; off, it is escaped.
	UnsafeHTML bool `yaml:"unsafe_html"`
}

// Images holds image pipeline settings.
type Images struct {
	Widths           []int `yaml:"widths"`
	Quality          int   `yaml:"quality"`
	PublishOriginals bool  `yaml:"publish_originals"`
	// Cache is the folder of resized copies, relative to the site folder.
	Cache string `yaml:"cache"`
}

// Privacy holds the rules that protect the people in photos.
type Privacy struct {
	RequireConsent *bool `yaml:"require_consent"`
	// StripDocumentMetadata removes author, company and comment fields from
	// published PDF and Office files (default yes); off, they are reported.
	StripDocumentMetadata *bool `yaml:"strip_document_metadata"`
}

// Modules holds settings of the lesson modules.
type Modules struct {
	// PDF prints every module page to an A4 PDF (needs Chromium), like
	// warta build --pdf.
	PDF bool `yaml:"pdf"`
}

// ConsentRequired reports whether photos need consent (default yes).
func (p Privacy) ConsentRequired() bool { return p.RequireConsent == nil || *p.RequireConsent }

// StripDocuments reports whether document metadata is removed (default yes).
func (p Privacy) StripDocuments() bool {
	return p.StripDocumentMetadata == nil || *p.StripDocumentMetadata
}

// MinifyOutput reports whether output is minified (default yes).
func (c *Config) MinifyOutput() bool { return c.Minify == nil || *c.Minify }

// ImageCacheDir is the folder of resized pictures for the site in siteDir
// (images.cache, relative to the site folder unless absolute): the build
// and the newsroom's editor share it. "" when siteDir is unknown (a site
// in memory): the copies stay in memory too.
func (c *Config) ImageCacheDir(siteDir string) string {
	dir := c.Images.Cache
	if dir == "" || filepath.IsAbs(dir) {
		return dir
	}
	if siteDir == "" {
		return ""
	}
	return filepath.Join(siteDir, filepath.FromSlash(dir))
}

// Default returns the configuration of a site without site.yaml.
func Default() *Config {
	c := &Config{}
	c.applyDefaults()
	return c
}

func (c *Config) applyDefaults() {
	if c.Title == "" {
		c.Title = "Dinas Sosial"
	}
	if c.Language == "" {
		c.Language = "id"
	}
	if c.Timezone == "" {
		c.Timezone = "Asia/Jakarta"
	}
	if c.BaseURL == "" {
		c.BaseURL = "http://localhost:1313/"
	}
	if c.Pagination == 0 {
		c.Pagination = 10
	}
	if len(c.Images.Widths) == 0 {
		c.Images.Widths = []int{480, 960, 1600}
	}
	if c.Images.Quality == 0 {
		c.Images.Quality = 80
	}
	if c.Images.Cache == "" {
		c.Images.Cache = ".cache/warta/images"
	}
	if c.Department.Name == "" {
		c.Department.Name = c.Title
	}
	if c.Params == nil {
		c.Params = map[string]any{}
	}
}

// Load reads site.yaml from fsys. A missing file gives the defaults. All
// problems are returned together; the Config is usable whenever there are
// no error diagnostics.
func Load(fsys fs.FS) (*Config, []diag.Diagnostic) {
	data, err := fs.ReadFile(fsys, File)
	if errors.Is(err, fs.ErrNotExist) {
		c := Default()
		return c, c.resolve(nil)
	}
	if err != nil {
		return Default(), []diag.Diagnostic{diag.ReadError(File, err)}
	}
	return Parse(data)
}

// Parse reads the configuration from the bytes of site.yaml.
func Parse(data []byte) (*Config, []diag.Diagnostic) {
	c := &Config{}
	var ds []diag.Diagnostic
	dec := yaml.NewDecoder(bytes.NewReader(data))
	dec.KnownFields(true)
	// io.EOF: an empty site.yaml is an empty configuration.
	if err := dec.Decode(c); err != nil && !errors.Is(err, io.EOF) {
		var te *yaml.TypeError
		if errors.As(err, &te) {
			for _, msg := range te.Errors {
				ds = append(ds, yamlDiagnostic(msg, data))
			}
		} else {
			ds = append(ds, yamlDiagnostic(err.Error(), data))
		}
	}
	c.applyDefaults()
	ds = append(ds, c.resolve(data)...)
	return c, ds
}

func yamlDiagnostic(msg string, data []byte) diag.Diagnostic {
	line, problem := diag.YAMLErrorAt(msg, data)
	if f := unknownField.FindStringSubmatch(problem); f != nil {
		return diag.New(File, line, diag.ConfigUnknownKey, f[1])
	}
	if t := wrongType.FindStringSubmatch(problem); t != nil {
		// Valid YAML, wrong kind of value: say which value and what it must be.
		kind, ok := kinds[t[3]]
		if !ok {
			kind = diag.YAMLKindOther
		}
		switch t[1] {
		case "seq":
			return diag.New(File, line, diag.YAMLWrongKind, diag.P(diag.YAMLKindList), diag.P(kind))
		case "map":
			return diag.New(File, line, diag.YAMLWrongKind, diag.P(diag.YAMLKindMap), diag.P(kind))
		}
		return diag.New(File, line, diag.ConfigWrongType, fullValue(t[2], data, line), diag.P(kind))
	}
	return diag.New(File, line, diag.ConfigSyntax, diag.YAMLProblemAt(problem, data, line))
}

// fullValue is the value yaml.v3 shortened ("Dinas S...") as it is
// written on its line, so that staff recognise it.
func fullValue(value string, data []byte, line int) string {
	prefix, short := strings.CutSuffix(value, "...")
	lines := strings.Split(string(data), "\n")
	if !short || line < 1 || line > len(lines) {
		return value
	}
	_, v, ok := strings.Cut(strings.TrimSpace(lines[line-1]), ": ")
	if v = strings.Trim(strings.TrimSpace(v), `"'`); ok && strings.HasPrefix(v, prefix) {
		return v
	}
	return value
}

var unknownField = regexp.MustCompile(`^field (\S+) not found in type`)

// wrongType matches yaml's "cannot unmarshal !!str `sepuluh` into int",
// and "cannot unmarshal !!seq into string" for a list or group of fields.
var wrongType = regexp.MustCompile("^cannot unmarshal !!(\\w+)(?: `([^`]*)`)? into (\\S+)")

// kinds names the Go types of settings in staff's words.
var kinds = map[string]diag.Code{
	"int": diag.YAMLKindWhole, "bool": diag.YAMLKindBool, "string": diag.YAMLKindText,
	"[]int": diag.YAMLKindWholeList, "[]config.MenuItem": diag.YAMLKindMenu, "config.MenuItem": diag.YAMLKindMenuItem,
}

// resolve validates values that YAML cannot check by type.
func (c *Config) resolve(data []byte) []diag.Diagnostic {
	var ds []diag.Diagnostic
	bad := func(key, format string, args ...any) {
		ds = append(ds, diag.New(File, keyLine(data, key), diag.ConfigInvalid, key, fmt.Sprintf(format, args...)))
	}
	loc, err := time.LoadLocation(c.Timezone)
	if err != nil {
		bad("timezone", "%q is not a time zone; use a name like Asia/Jakarta", c.Timezone)
		loc, _ = time.LoadLocation("Asia/Jakarta")
	}
	c.Location = loc
	if d := c.SetBaseURL(c.BaseURL); d != nil {
		d.Line = keyLine(data, "base_url")
		ds = append(ds, *d)
	}
	if c.Language != "id" && c.Language != "en" {
		bad("language", "%q is not supported; use id (Indonesian) or en (English)", c.Language)
		c.Language = "id"
	}
	if c.Pagination < 1 {
		bad("pagination", "must be a whole number of at least 1, not %d", c.Pagination)
		c.Pagination = 10
	}
	if c.Images.Quality < 1 || c.Images.Quality > 100 {
		bad("quality", "must be between 1 and 100, not %d", c.Images.Quality)
		c.Images.Quality = 80
	}
	for _, w := range c.Images.Widths {
		if w < 16 || w > 8192 {
			bad("widths", "%d is not a sensible image width; use widths between 16 and 8192 pixels", w)
		}
	}
	ds = append(ds, c.resolveDistricts(data)...)
	ds = append(ds, c.resolveDeploy(data)...)
	ds = append(ds, c.resolveNewsroom(data)...)
	for i, m := range c.Menu {
		if m.Title == "" || m.URL == "" {
			bad("menu", "entry %d needs both title and url", i+1)
		}
	}
	return ds
}

// keyLine finds the line of the first "key:" in the YAML text, for messages
// about values that parsed but do not make sense. 0 when not found.
func keyLine(data []byte, key string) int {
	for i, line := range strings.Split(string(data), "\n") {
		t := strings.TrimSpace(line)
		if strings.HasPrefix(t, key+":") {
			return i + 1
		}
	}
	return 0
}

// SetBaseURL sets and checks the base URL (from site.yaml or the command
// line). An invalid URL leaves a local one in place.
func (c *Config) SetBaseURL(raw string) *diag.Diagnostic {
	c.BaseURL = raw
	u, err := url.Parse(raw)
	var bad *diag.Diagnostic
	if err != nil || (u.Scheme != "http" && u.Scheme != "https") || u.Host == "" {
		d := diag.New(File, 0, diag.ConfigInvalid, "base_url",
			fmt.Sprintf("%q is not a full web address; write it like https://dinsos.metrokota.go.id/", raw))
		bad = &d
		u, _ = url.Parse("http://localhost:1313/")
	}
	if !strings.HasSuffix(u.Path, "/") {
		u.Path += "/"
	}
	u.RawQuery, u.Fragment = "", ""
	c.Base = u
	c.BaseURL = u.String()
	return bad
}

type diagnostic = diag.Diagnostic

// invalid is a ConfigInvalid diagnostic at the line of key.
func invalid(data []byte, key, problem string) diagnostic {
	return diag.New(File, keyLine(data, key), diag.ConfigInvalid, key, problem)
}
