package newsroom

import (
	"net/url"
	"regexp"
	"slices"
	"strings"

	"github.com/dinsos-metro/warta/internal/content"
	"github.com/dinsos-metro/warta/internal/diag"
	"github.com/dinsos-metro/warta/internal/pagefile"
)

// Photos of a page live in its folder. A news report keeps its cover in
// cover/cover_alt and the others in its text as ![alt](file), one
// consent answer for all (consent:); a gallery lists them in photos:,
// each with its caption, alt text and consent.

// photoView is one photo card of the editor.
type photoView struct {
	Name, Alt, Caption, Consent string
	Cover                       bool
	Used                        bool // a news photo shown in the text
}

var bodyImage = regexp.MustCompile(`!\[([^\]\n]*)\]\(\s*<?(?:\./)?([^)\s>]+)>?(?:\s+"[^"]*")?\s*\)`)

// bodyImages maps the bundle pictures the Markdown shows to their alt text.
func bodyImages(body []byte) map[string]string {
	out := map[string]string{}
	for _, m := range bodyImage.FindAllSubmatch(body, -1) {
		name, err := url.PathUnescape(string(m[2]))
		if err != nil {
			name = string(m[2])
		}
		if _, seen := out[name]; !seen {
			out[name] = string(m[1])
		}
	}
	return out
}

// folderImages lists the pictures in a page's folder, by name.
func (n *Newsroom) folderImages(file string) []string {
	var out []string
	for _, name := range n.folderFiles(file) {
		if content.IsImage(name) {
			out = append(out, name)
		}
	}
	return out
}

// photos makes the photo cards of a page.
func (n *Newsroom) photos(file, kind string, doc *pagefile.Doc) []photoView {
	names := n.folderImages(file)
	var out []photoView
	switch kind {
	case "gallery":
		listed := map[string]bool{}
		v, _ := doc.Get("photos")
		list, _ := v.([]any)
		for _, x := range list {
			m, _ := x.(map[string]any)
			name := text(m["file"])
			if name == "" || listed[name] {
				continue
			}
			listed[name] = true
			out = append(out, photoView{Name: name, Alt: text(m["alt"]), Caption: text(m["caption"]), Consent: boolText(m["consent"])})
		}
		for _, name := range names {
			if !listed[name] {
				out = append(out, photoView{Name: name})
			}
		}
		if len(out) > 0 {
			out[0].Cover = true
		}
	case "news", "page", "module":
		cover, _ := doc.Get("cover")
		alt, _ := doc.Get("cover_alt")
		used := bodyImages(doc.Body())
		for _, name := range names {
			p := photoView{Name: name}
			if a, ok := used[name]; ok {
				p.Alt, p.Used = a, true
			}
			if name == text(cover) {
				p.Cover, p.Alt = true, text(alt)
			}
			out = append(out, p)
		}
	}
	return out
}

// photoProblems are the form's rules for photos: each needs alt text
// and a consent answer before the page can go to review.
func photoProblems(pv *page, lang string) []problem {
	var out []problem
	for _, p := range pv.Photos {
		if strings.TrimSpace(p.Alt) == "" {
			out = append(out, problem{Field: "photos", Error: true,
				Text: diag.New("", 0, diag.NewsroomPhotoNoAlt, p.Name).Message(lang)})
		}
		consent := p.Consent
		if pv.Kind != "gallery" || consent == "" {
			consent = pv.Consent
		}
		if consent == "" {
			field := "photos"
			if pv.Kind != "gallery" {
				field = "consent"
			}
			out = append(out, problem{Field: field, Error: true,
				Text: diag.New("", 0, diag.NewsroomPhotoNoConsent, p.Name).Message(lang)})
		}
	}
	return out
}

// applyPhotos writes the photo cards of the form into the page: cover,
// cover_alt and the text's pictures for a report, photos: for a gallery.
// Cards come in form order: photo.file, photo.alt, photo.caption and
// photo.consent repeat once per card.
func applyPhotos(doc *pagefile.Doc, kind string, form url.Values, folder []string) error {
	files := form["photo.file"]
	alts, caps, cons := form["photo.alt"], form["photo.caption"], form["photo.consent"]
	at := func(list []string, i int) string {
		if i < len(list) {
			return strings.TrimSpace(list[i])
		}
		return ""
	}
	var cards []photoView
	for i, f := range files {
		if _, ok := resourceName(f); !ok || !slices.Contains(folder, f) {
			continue
		}
		cards = append(cards, photoView{Name: f, Alt: at(alts, i), Caption: at(caps, i), Consent: at(cons, i)})
	}
	if form["photo.file"] == nil && form.Get("photos-shown") == "" {
		return nil // a form without the photo panel: leave photos alone
	}
	switch kind {
	case "gallery":
		var list []any
		for _, c := range cards {
			m := map[string]any{"file": c.Name}
			if c.Caption != "" {
				m["caption"] = c.Caption
			}
			if c.Alt != "" {
				m["alt"] = c.Alt
			}
			switch c.Consent {
			case "true":
				m["consent"] = true
			case "false":
				m["consent"] = false
			}
			list = append(list, m)
		}
		old, had := doc.Get("photos")
		if len(list) == 0 {
			if had {
				return doc.Delete("photos")
			}
			return nil
		}
		if had && equalValue(old, list) {
			return nil
		}
		return doc.Set("photos", list)
	default:
		cover := form.Get("cover")
		body := doc.Body()
		used := bodyImages(body)
		var coverCard *photoView
		for i := range cards {
			c := &cards[i]
			if c.Name == cover {
				coverCard = c
				continue
			}
			if _, ok := used[c.Name]; ok {
				body = setBodyAlt(body, c.Name, c.Alt)
			} else if c.Alt != "" {
				// A photo that is neither the cover nor in the text goes at
				// the end of the text, so that it is shown and its alt kept.
				if len(body) == 0 && doc.Format() != "" {
					body = []byte("\n") // the blank line after the front matter
				} else if len(body) > 0 && !strings.HasSuffix(string(body), "\n\n") {
					if !strings.HasSuffix(string(body), "\n") {
						body = append(body, '\n')
					}
					body = append(body, '\n')
				}
				body = append(body, []byte("!["+escapeAlt(c.Alt)+"]("+c.Name+")\n")...)
			}
		}
		doc.SetBody(body)
		if err := setText(doc, "cover", func() string {
			if coverCard != nil {
				return coverCard.Name
			}
			return ""
		}()); err != nil {
			return err
		}
		alt := ""
		if coverCard != nil {
			alt = coverCard.Alt
		}
		return setText(doc, "cover_alt", alt)
	}
}

// setText sets a text field when it changes, and removes it when empty.
func setText(doc *pagefile.Doc, key, v string) error {
	old, had := doc.Get(key)
	if v == "" {
		if had && text(old) != "" {
			return doc.Delete(key)
		}
		return nil
	}
	if had && text(old) == v {
		return nil
	}
	return doc.Set(key, v)
}

// setBodyAlt rewrites the alt text of the pictures of name in the Markdown.
func setBodyAlt(body []byte, name, alt string) []byte {
	return bodyImage.ReplaceAllFunc(body, func(m []byte) []byte {
		sub := bodyImage.FindSubmatch(m)
		dest, err := url.PathUnescape(string(sub[2]))
		if err != nil {
			dest = string(sub[2])
		}
		if dest != name || string(sub[1]) == alt {
			return m
		}
		return []byte(strings.Replace(string(m), "!["+string(sub[1])+"]", "!["+escapeAlt(alt)+"]", 1))
	})
}

// escapeAlt keeps alt text inside its brackets.
func escapeAlt(s string) string {
	s = strings.NewReplacer("\n", " ", "\r", " ", "[", `\[`, "]", `\]`).Replace(s)
	return s
}
