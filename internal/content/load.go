package content

import (
	"bytes"
	"context"
	"errors"
	"io/fs"
	"path"
	"runtime"
	"slices"
	"strings"
	"sync"
	"time"
	"unicode/utf8"

	"github.com/cespare/xxhash/v2"
	"golang.org/x/text/unicode/norm"

	"github.com/dinsos-metro/warta/internal/diag"
	"github.com/dinsos-metro/warta/internal/markdown"
	"github.com/dinsos-metro/warta/internal/slug"
)

// Root is the folder that holds the content, in the site's file system.
const Root = "content"

// Options tune loading.
type Options struct {
	Location       *time.Location // dates without offset; default Asia/Jakarta
	SlugDatePrefix bool           // keep "2025-07-29-" in slugs
	Drafts         bool           // include pages with draft: true
	RequireConsent bool           // gallery photos need consent to be published
	// LeftOut, when set, is told of every draft left out, in file order,
	// so that the build can count and list them.
	LeftOut func(p *Page)
	// DropBodies lets go of each page's Markdown once loading has checked
	// it: Body is then nil (empty text stays empty, not nil) and ReadBody
	// reads it again when the page is rendered. A build holds the fields
	// of every page, not the text of the whole site (at 50,000 reports
	// the text was two thirds of the peak of live memory).
	DropBodies bool
	// DropFields lets go of each page's Fields once loading has read them:
	// Fields is then nil, and Page.Line still gives a field's line.
	DropFields bool
}

// source is a Markdown file found by the walk, before it is read.
type source struct {
	file      string // content/berita/x.md
	size      int64
	modTime   time.Time
	dir       string // folder below content/
	bundle    bool
	section   bool // _index.md
	resources []Resource
}

// Load reads every page below content/ in fsys. Pages come back sorted by
// file; diagnostics cover every file. Drafts are left out (with their
// problems) unless opt.Drafts.
func Load(ctx context.Context, fsys fs.FS, opt Options) ([]*Page, []diag.Diagnostic) {
	return Rescan(ctx, fsys, opt, nil)
}

// Rescan is Load that reuses the pages of an earlier load (by file) whose
// file and bundle did not change in size or time, reading only the rest.
func Rescan(ctx context.Context, fsys fs.FS, opt Options, earlier map[string]*Page) ([]*Page, []diag.Diagnostic) {
	if opt.Location == nil {
		opt.Location, _ = time.LoadLocation("Asia/Jakarta")
	}
	sources, ds := walk(fsys)
	pages := make([]*Page, len(sources))
	perPage := make([][]diag.Diagnostic, len(sources))

	var wg sync.WaitGroup
	next := make(chan int)
	for range runtime.GOMAXPROCS(0) {
		wg.Go(func() {
			for i := range next {
				if old := earlier[sources[i].file]; old != nil && old.src.same(sources[i]) {
					pages[i] = old
					continue
				}
				pages[i], perPage[i] = readPage(fsys, sources[i], opt)
			}
		})
	}
feed:
	for i := range sources {
		select {
		case next <- i:
		case <-ctx.Done():
			break feed
		}
	}
	close(next)
	wg.Wait()
	if err := ctx.Err(); err != nil {
		return nil, append(ds, diag.New("", 0, diag.ReadFailed, err))
	}

	out := pages[:0]
	for i, p := range pages {
		if p != nil && p.Draft && !opt.Drafts {
			if opt.LeftOut != nil {
				opt.LeftOut(p)
			}
			continue
		}
		ds = append(ds, perPage[i]...)
		if p != nil {
			out = append(out, p)
		}
	}
	return out, ds
}

// same reports whether a file and its bundle look unchanged.
func (s source) same(o source) bool {
	if s.file != o.file || s.size != o.size || !s.modTime.Equal(o.modTime) || len(s.resources) != len(o.resources) {
		return false
	}
	for i, r := range s.resources {
		q := o.resources[i]
		if r.Name != q.Name || r.Size != q.Size || !r.ModTime.Equal(q.ModTime) {
			return false
		}
	}
	return true
}

// walk lists the Markdown files and gives each bundle its resources.
func walk(fsys fs.FS) ([]source, []diag.Diagnostic) {
	var ds []diag.Diagnostic
	type file struct {
		path    string
		size    int64
		modTime time.Time
	}
	var files []file
	bundles := map[string]bool{} // folder below content/ -> has index.md
	err := fs.WalkDir(fsys, Root, func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			if p == Root && errors.Is(err, fs.ErrNotExist) {
				ds = append(ds, diag.New(Root, 0, diag.ContentMissing))
				return fs.SkipAll
			}
			ds = append(ds, diag.ReadError(p, err))
			return nil
		}
		name := d.Name()
		if p != Root && (strings.HasPrefix(name, ".") || strings.HasSuffix(name, "~")) {
			if d.IsDir() {
				return fs.SkipDir
			}
			return nil // editor and system files: .DS_Store, .x.swp, x~
		}
		if d.Type()&fs.ModeSymlink != 0 {
			ds = append(ds, symlinkDiagnostic(fsys, p))
			return nil
		}
		if d.IsDir() {
			return nil
		}
		info, err := d.Info()
		if err != nil {
			ds = append(ds, diag.ReadError(p, err))
			return nil
		}
		if name == "index.md" {
			bundles[rel(path.Dir(p))] = true
		}
		files = append(files, file{p, info.Size(), info.ModTime()})
		return nil
	})
	if err != nil {
		ds = append(ds, diag.ReadError(Root, err))
	}

	// A file belongs to the nearest bundle folder above it.
	bundleOf := func(dir string) (string, bool) {
		for d := dir; ; d = path.Dir(d) {
			if bundles[d] {
				return d, true
			}
			if d == "." || d == "" {
				return "", false
			}
		}
	}
	byBundle := map[string][]Resource{}
	var sources []source
	for _, f := range files {
		dir := rel(path.Dir(f.path))
		name := path.Base(f.path)
		b, inBundle := bundleOf(dir)
		switch {
		case inBundle && name == "index.md" && dir == b:
			sources = append(sources, source{file: f.path, size: f.size, modTime: f.modTime, dir: dir, bundle: true})
		case inBundle:
			if strings.HasSuffix(name, ".md") {
				ds = append(ds, diag.Warn(f.path, 0, diag.BundleSwallowed, path.Join(Root, b, "index.md")))
			}
			// Names are kept in NFC, the form text is read in (readSource):
			// a photo saved by macOS (NFD) is found by the name typed in
			// the front matter, published under that name, and clashes
			// with a file whose name differs only in form.
			rname := norm.NFC.String(strings.TrimPrefix(rel(f.path), b+"/"))
			byBundle[b] = append(byBundle[b], Resource{Name: rname, Path: f.path, Size: f.size, ModTime: f.modTime})
		case strings.HasSuffix(name, ".md"):
			sources = append(sources, source{file: f.path, size: f.size, modTime: f.modTime, dir: dir, section: name == "_index.md"})
		default:
			// Files outside bundles are published as they are, by the site.
		}
	}
	for i := range sources {
		if sources[i].bundle {
			res := byBundle[sources[i].dir]
			slices.SortFunc(res, func(a, b Resource) int { return strings.Compare(a.Name, b.Name) })
			sources[i].resources = res
		}
	}
	slices.SortFunc(sources, func(a, b source) int { return strings.Compare(a.file, b.file) })
	return sources, ds
}

// rel turns "content/a/b" into "a/b" and "content" into ".".
func rel(p string) string {
	if p == Root {
		return "."
	}
	return strings.TrimPrefix(p, Root+"/")
}

var bom = []byte("\xef\xbb\xbf")

// readPage reads and checks one Markdown file.
func readPage(fsys fs.FS, src source, opt Options) (*Page, []diag.Diagnostic) {
	if d := tooLarge(src); d != nil {
		return nil, []diag.Diagnostic{*d}
	}
	data, d := readSource(fsys, src.file)
	if d != nil {
		if _, err := fs.Stat(fsys, src.file); errors.Is(err, fs.ErrNotExist) {
			// Deleted between the walk and the read (warta serve while
			// files are moved): the page is simply gone.
			return nil, nil
		}
		return nil, []diag.Diagnostic{*d}
	}
	if d := tooLarge(source{file: src.file, size: int64(len(data))}); d != nil {
		return nil, []diag.Diagnostic{*d} // grew since the walk
	}
	fields, body, bodyLine, err := splitFrontMatter(data)
	var broken []diag.Diagnostic
	if err != nil {
		broken = []diag.Diagnostic{frontMatterDiagnostic(src.file, data, err)}
		if body == nil {
			return nil, broken
		}
		// The fields cannot be read but the body can: the page stays,
		// without fields, so that its links and pictures are checked in
		// the same run and links to it do not break as well.
		fields = Fields{}
	}
	p := &Page{
		File:       src.file,
		Dir:        src.dir,
		Bundle:     src.bundle,
		Fields:     fields,
		Body:       body,
		BodyLine:   bodyLine,
		Resources:  src.resources,
		Params:     make(map[string]any, len(fields)),
		Sum:        xxhash.Sum64(data),
		FrontSum:   xxhash.Sum64(data[:max(len(data)-len(body), 0)]),
		LinksFiles: bytes.Contains(body, []byte(".md")),
		Size:       src.size,
		ModTime:    src.modTime,
		src:        src,
		bodyAt:     -1,
	}
	if err == nil && bytes.HasSuffix(data, body) {
		p.bodyAt = len(data) - len(body)
	}
	for k, f := range fields {
		p.Params[k] = f.Value
	}
	r := &reader{file: src.file, fields: fields, loc: opt.Location}
	classify(p, src)
	fillCommon(p, r, opt)
	switch p.Kind {
	case KindNews:
		fillNews(p, r)
	case KindModule:
		fillModule(p, r)
	case KindGallery:
		fillGallery(p, r, opt.RequireConsent)
	}
	checkImages(p, r, opt.RequireConsent)
	checkBundleUnused(p, r)
	if broken != nil {
		r.ds = broken // what the empty fields would add is not news
	}
	ds := append(r.ds, lintBody(fsys, p)...)
	if opt.DropBodies && len(p.Body) > 0 {
		p.Body = nil
	}
	if opt.DropFields {
		p.dropFields()
	}
	return p, ds
}

// readSource reads a Markdown file as UTF-8 text in Unicode NFC, with LF
// line endings and no byte order mark.
func readSource(fsys fs.FS, file string) ([]byte, *diag.Diagnostic) {
	data, err := fs.ReadFile(fsys, file)
	if err != nil {
		d := diag.ReadError(file, err)
		return nil, &d
	}
	if !utf8.Valid(data) {
		d := diag.New(file, firstInvalidLine(data), diag.NotUTF8)
		return nil, &d
	}
	data = bytes.TrimPrefix(data, bom)
	if bytes.Contains(data, []byte("\r\n")) {
		data = bytes.ReplaceAll(data, []byte("\r\n"), []byte("\n"))
	}
	if !norm.NFC.IsNormal(data) {
		// Text pasted from macOS may hold decomposed accents (NFD); read in
		// NFC, names and values compare equal whichever way they were typed.
		data = norm.NFC.Bytes(data)
	}
	return data, nil
}

// Reload reads a page's file again, for a file that changed on disk. When
// its bytes did not change, the old page comes back as it was (with the
// summary its rendering found).
func Reload(fsys fs.FS, old *Page, opt Options) (*Page, []diag.Diagnostic) {
	if opt.Location == nil {
		opt.Location, _ = time.LoadLocation("Asia/Jakarta")
	}
	p, ds := readPage(fsys, old.src, opt)
	if p != nil && p.Sum == old.Sum && len(ds) == 0 {
		return old, nil
	}
	return p, ds
}

// ReadBody reads a page's Markdown again, for rendering a page whose body
// was already let go of.
func ReadBody(fsys fs.FS, p *Page) ([]byte, error) {
	data, d := readSource(fsys, p.File)
	if d != nil {
		return nil, d
	}
	if p.bodyAt >= 0 && p.bodyAt <= len(data) && xxhash.Sum64(data) == p.Sum {
		// The file is as it was loaded: its body starts where it did.
		body := data[p.bodyAt:]
		if markdown.TooDeep(body) > 0 {
			body = []byte{}
		}
		return body, nil
	}
	_, body, _, err := splitFrontMatter(data)
	if body != nil {
		err = nil // reported when the page was loaded
	}
	if markdown.TooDeep(body) > 0 {
		body = []byte{} // refused when the page was loaded
	}
	return body, err
}

func firstInvalidLine(data []byte) int {
	line := 1
	for i := 0; i < len(data); {
		r, n := utf8.DecodeRune(data[i:])
		if r == utf8.RuneError && n <= 1 {
			return line
		}
		if r == '\n' {
			line++
		}
		i += n
	}
	return line
}

func frontMatterDiagnostic(file string, data []byte, err error) diag.Diagnostic {
	var fe *FrontMatterError
	switch {
	case errors.Is(err, errUnclosed):
		open := firstLine(data)
		return diag.New(file, 1, diag.FrontMatterUnclosed, open, open)
	case errors.As(err, &fe) && fe.Msg == "notmap":
		return diag.New(file, fe.Line, diag.FrontMatterScalar)
	case errors.As(err, &fe) && fe.Msg == "noopen":
		open := firstLine(data)
		return diag.New(file, 1, diag.FrontMatterNoOpening, open, fe.Line, open)
	case errors.As(err, &fe) && fe.Problem != nil:
		return diag.New(file, fe.Line, diag.FrontMatterSyntax, fe.Format, fe.Problem)
	case errors.As(err, &fe):
		return diag.New(file, fe.Line, diag.FrontMatterSyntax, fe.Format, fe.Msg)
	}
	return diag.New(file, 1, diag.ReadFailed, err)
}

// classify sets Kind, Section and Path from where the file is.
func classify(p *Page, src source) {
	name := strings.TrimSuffix(path.Base(src.file), ".md")
	switch {
	case src.section && src.dir == ".":
		p.Kind, p.Path = KindHome, ""
	case src.section:
		p.Kind, p.Path = KindSection, src.dir
	case src.bundle:
		p.Path = src.dir
	case src.dir == ".":
		p.Path = name
	default:
		p.Path = src.dir + "/" + name
	}
	p.Section, _, _ = strings.Cut(p.Path, "/")
	if p.Kind == KindHome || p.Kind == KindSection {
		return
	}
	switch p.Section {
	case "berita":
		p.Kind = KindNews
	case "modul":
		p.Kind = KindModule
	case "galeri":
		p.Kind = KindGallery
	default:
		p.Kind = KindPage
	}
}

func fillCommon(p *Page, r *reader, opt Options) {
	r.kind = p.Kind.String() // required fields and types: internal/schema
	p.Title = r.textField("title")
	last := path.Base(p.Path)
	date, rest := slug.SplitDatePrefix(last)
	if opt.SlugDatePrefix {
		rest = last
	}
	if p.Title == "" && p.Kind != KindHome {
		p.Title = humanize(rest)
	}
	// A date in the file name ("2025-07-29-kunjungan.md") stands in for a
	// missing date: field.
	p.Date = r.date("date", r.spec("date").Required && date == "")
	if p.Date.IsZero() && date != "" && !hasField(r, "date") {
		p.Date, _ = parseDate(date, opt.Location)
	}
	p.Summary = r.text("summary", false, "")
	if p.Summary == "" {
		p.Summary = r.text("description", false, "")
	}
	p.Draft = r.boolField("draft")
	p.Review = r.boolField("review")
	if w, ok := r.fields["weight"].Value.(int64); ok {
		p.Weight = int(w)
	}
	s := r.text("slug", false, "")
	if s == "" {
		s = rest
	}
	p.Slug = slug.Make(s)
	if p.Slug == "" && p.Kind != KindHome {
		r.fail("slug", diag.SlugEmpty, s)
		p.Slug = "halaman"
	}
}

func hasField(r *reader, key string) bool { _, ok := r.fields[key]; return ok }

// humanize makes a title from a file name: "kontak-kami" → "Kontak kami".
func humanize(name string) string {
	s := strings.ReplaceAll(name, "-", " ")
	if s == "" {
		return s
	}
	return strings.ToUpper(s[:1]) + s[1:]
}

func fillNews(p *Page, r *reader) {
	n := &News{
		Location: r.textField("location"),
		District: r.textField("district"),
		Program:  r.textField("program"),
		Tags:     r.listField("tags"),
		Cover:    r.textField("cover"),
		CoverAlt: r.textField("cover_alt"),
		Gallery:  strings.Trim(r.textField("gallery"), "/"),
		Author:   r.textField("author"),
	}
	if v, ok := optionalBool(r.fields["consent"].Value); ok {
		n.Consent = &v
	}
	if n.Cover != "" {
		checkResource(p, r, "cover", -1, n.Cover)
	}
	p.News = n
	p.Visit = readVisit(r, "schools") // visits.go
}

func fillModule(p *Page, r *reader) {
	written := r.textField("level")
	m := &Module{
		Level:      strings.ToLower(written),
		Ages:       r.textField("ages"),
		Duration:   r.textField("duration"),
		Topics:     r.listField("topics"),
		Objectives: r.listField("objectives"),
		Materials:  r.listField("materials"),
	}
	parts := strings.Split(p.Path, "/")
	folder := ""
	if len(parts) >= 3 {
		folder = parts[1]
	}
	switch {
	case !slices.Contains(Levels, folder):
		r.ds = append(r.ds, diag.New(p.File, 1, diag.ModuleOutsideLevel))
	case m.Level != "" && !slices.Contains(Levels, m.Level):
		r.fail("level", diag.LevelUnknown, written) // as the author wrote it
	case m.Level != "" && m.Level != folder:
		r.fail("level", diag.LevelMismatch, m.Level, folder, folder, m.Level)
	}
	if m.Level == "" || !slices.Contains(Levels, m.Level) {
		m.Level = folder
	}
	for i, e := range r.entriesField("attachments") {
		a := Attachment{File: str(e, "file"), Title: str(e, "title")}
		if a.Title == "" {
			a.Title = a.File
		}
		if res, ok := checkResource(p, r, "attachments", i, a.File); ok {
			a.Size = res.Size
		}
		m.Attachments = append(m.Attachments, a)
	}
	checkUnused(p, r, m)
	p.Module = m
}

var imageExts = []string{".jpg", ".jpeg", ".png", ".webp", ".gif"}

// IsImage reports whether a resource name looks like a picture.
func IsImage(name string) bool {
	return slices.Contains(imageExts, strings.ToLower(path.Ext(name)))
}

func fillGallery(p *Page, r *reader, requireConsent bool) {
	g := &Gallery{
		Location:       r.textField("location"),
		District:       r.textField("district"),
		Consent:        r.boolField("consent"),
		RequireConsent: requireConsent,
	}
	entries := r.entriesField("photos")
	if _, listed := r.fields["photos"]; !listed {
		for _, res := range p.Resources {
			if IsImage(res.Name) {
				g.Photos = append(g.Photos, Photo{File: res.Name, Line: r.line("consent")})
			}
		}
	}
	for i, e := range entries {
		ph := Photo{File: str(e, "file"), Caption: str(e, "caption"), Alt: str(e, "alt")}
		if lines := r.fields["photos"].ItemLines; i < len(lines) {
			ph.Line = lines[i]
		}
		if v, ok := optionalBool(e["consent"]); ok {
			ph.Consent = &v
		}
		if _, ok := checkResource(p, r, "photos", i, ph.File); ok {
			g.Photos = append(g.Photos, ph)
		}
	}
	// A photo nobody consented to is an error, not a silent omission: the
	// person who added it must decide.
	for _, ph := range g.Photos {
		if ph.Consent == nil && !g.Published(ph) {
			r.ds = append(r.ds, diag.New(p.File, max(ph.Line, 1), diag.PhotoNoConsent, ph.File))
		}
	}
	p.Gallery = g
	p.Visit = readVisit(r, "school") // visits.go
}

// checkResource checks that name is a file inside the page's bundle.
func checkResource(p *Page, r *reader, key string, item int, name string) (Resource, bool) {
	folder := path.Dir(p.File) + "/"
	if name == "" {
		r.failItem(key, item, diag.FieldRequired, key+": file", key+": [{file: nama-berkas.jpg}]")
		return Resource{}, false
	}
	clean := path.Clean(name)
	if path.IsAbs(name) || clean == ".." || strings.HasPrefix(clean, "../") || strings.Contains(name, `\`) {
		r.failItem(key, item, diag.ResourceOutside, key, name, folder)
		return Resource{}, false
	}
	if !p.Bundle {
		r.failItem(key, item, diag.ResourceNotBundle, key, name, p.File, strings.TrimSuffix(p.File, ".md"))
		return Resource{}, false
	}
	res, ok := p.Resource(clean)
	if !ok {
		r.failItem(key, item, diag.ResourceMissing, key, name, folder)
	}
	return res, ok
}
