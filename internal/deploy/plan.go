package deploy

import (
	"net/url"
	"os"
	"path"
	"path/filepath"
	"regexp"
	"sort"
	"strings"
)

// Stage is a step of the safe order of a deploy. A reader who opens the
// site in the middle of one must never meet a page whose stylesheet or
// photo is not there yet, nor a link to a page not there yet: so the
// files pages use go first, then the pages, then the pages that list or
// link to new pages (lists, the home page), feeds and the sitemap, and
// only at the end the files the site no longer has.
type Stage int

const (
	StageAssets Stage = iota // stylesheets, scripts, pictures, attachments
	StagePages               // pages that link to no new page
	StageLists               // pages linking to new pages, feeds, the sitemap
	StageDelete              // files the site no longer has
)

func (s Stage) String() string {
	return [...]string{"assets", "pages", "lists", "delete"}[s]
}

// Plan is what a deploy does: the files to send, in order, and the ones
// to delete.
type Plan struct {
	Send      []Step
	Delete    []string
	Unchanged int
	Bytes     int64 // of the files to send
}

// Step is one file to send.
type Step struct {
	File
	Stage Stage
}

// makePlan compares the output with what the target holds. out is the
// output folder (new pages are read for their links); basePath is the
// path of the site's base URL ("/" or "/dinsos/").
func makePlan(local []File, m *Manifest, out, basePath string) Plan {
	var p Plan
	have := map[string]bool{}
	newPages := map[string]bool{}
	for _, f := range local {
		have[f.Name] = true
		if _, ok := m.Files[f.Name]; !ok && isPage(f.Name) {
			newPages[f.Name] = true
		}
	}
	for _, f := range local {
		if e, ok := m.Files[f.Name]; ok && e.Hash == f.Hash && e.Size == f.Size {
			p.Unchanged++
			continue
		}
		p.Send = append(p.Send, Step{File: f})
		p.Bytes += f.Size
	}
	// The stage of a precompressed copy is its original's.
	stage := map[string]Stage{}
	for _, s := range p.Send {
		if stripEncoding(s.Name) == s.Name {
			stage[s.Name] = classify(s.Name, out, basePath, newPages)
		}
	}
	for i, s := range p.Send {
		st, ok := stage[stripEncoding(s.Name)]
		if !ok {
			st = classify(stripEncoding(s.Name), out, basePath, newPages)
		}
		p.Send[i].Stage = st
	}
	sort.SliceStable(p.Send, func(i, j int) bool { return p.Send[i].Stage < p.Send[j].Stage })
	for _, name := range m.Names() {
		if !have[name] {
			p.Delete = append(p.Delete, name)
		}
	}
	// Pages go first, so that no page is left pointing at a picture or a
	// stylesheet already gone.
	sort.SliceStable(p.Delete, func(i, j int) bool { return isPage(p.Delete[i]) && !isPage(p.Delete[j]) })
	return p
}

func isPage(name string) bool { return path.Ext(name) == ".html" }

// lists are files that name other pages by their nature.
var lists = map[string]bool{".xml": true, ".txt": true}

func classify(name, out, basePath string, newPages map[string]bool) Stage {
	switch {
	case lists[path.Ext(name)]:
		return StageLists
	case !isPage(name):
		return StageAssets
	case linksToNew(name, out, basePath, newPages):
		return StageLists
	}
	return StagePages
}

var linkAttr = regexp.MustCompile(`(?i)\bhref\s*=\s*["']?([^"'\s>]+)`)

// linksToNew reports whether the page name links to a page that is new
// in this deploy (other than itself).
func linksToNew(name, out, basePath string, newPages map[string]bool) bool {
	if len(newPages) == 0 || len(newPages) == 1 && newPages[name] {
		return false
	}
	data, err := os.ReadFile(filepath.Join(out, filepath.FromSlash(name)))
	if err != nil {
		return true // unreadable now, will fail when sent; keep it late
	}
	for _, m := range linkAttr.FindAllSubmatch(data, -1) {
		target := resolveLink(string(m[1]), name, basePath)
		if target != "" && target != name && newPages[target] {
			return true
		}
	}
	return false
}

// resolveLink turns an href found in page (a slash path in the output)
// into the output file it points to, or "" when it points elsewhere.
func resolveLink(href, page, basePath string) string {
	u, err := url.Parse(href)
	if err != nil || u.Scheme != "" && u.Scheme != "http" && u.Scheme != "https" {
		return ""
	}
	p := u.Path
	if p == "" {
		return ""
	}
	if strings.HasPrefix(p, "/") {
		rest, ok := strings.CutPrefix(p, basePath)
		if !ok {
			return ""
		}
		p = rest
	} else {
		p = path.Join(path.Dir(page), p)
		if strings.HasSuffix(u.Path, "/") {
			p += "/"
		}
	}
	if p == "." {
		p = ""
	}
	if p == "" || strings.HasSuffix(p, "/") {
		p += "index.html"
	}
	return strings.TrimPrefix(path.Clean("/"+p), "/")
}
