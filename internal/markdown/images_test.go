package markdown

import (
	"strings"
	"testing"
)

type fakeImages struct{ seen []string }

func (f *fakeImages) ResolveImage(dest, alt string, line int) (ImageAttrs, bool) {
	f.seen = append(f.seen, dest+"|"+alt+"|"+string(rune('0'+line)))
	if dest != "foto.jpg" {
		return ImageAttrs{}, false
	}
	return ImageAttrs{Src: "/x/foto-960w.jpg", SrcSet: "/x/foto-480w.jpg 480w, /x/foto-960w.jpg 960w", Sizes: "100vw", Width: 960, Height: 640}, true
}

func TestBundleImages(t *testing.T) {
	src := "Teks.\n\n![Anak *bermain*](foto.jpg \"Judul\")\n\nLagi ![](https://example.org/a.png).\n"
	f := &fakeImages{}
	res, err := New(Options{}).RenderWith([]byte(src), f)
	if err != nil {
		t.Fatal(err)
	}
	got := string(res.HTML)
	for _, want := range []string{
		`<img src="/x/foto-960w.jpg" alt="Anak bermain" title="Judul" srcset="/x/foto-480w.jpg 480w, /x/foto-960w.jpg 960w" sizes="100vw" width="960" height="640" loading="lazy" decoding="async">`,
		`<img src="https://example.org/a.png" alt="">`,
	} {
		if !strings.Contains(got, want) {
			t.Errorf("output lacks %s:\n%s", want, got)
		}
	}
	if want := []string{"foto.jpg|Anak bermain|3", "https://example.org/a.png||5"}; strings.Join(f.seen, ",") != strings.Join(want, ",") {
		t.Errorf("resolver saw %v, want %v", f.seen, want)
	}
	// Render without a resolver leaves images alone.
	res, _ = New(Options{}).Render([]byte(src))
	if !strings.Contains(string(res.HTML), `<img src="foto.jpg"`) {
		t.Errorf("Render changed an image: %s", res.HTML)
	}
}
