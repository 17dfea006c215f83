package newsroom_test

import (
	"net/url"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/chromedp/chromedp"
)

// TestKeptTypingConflictAndTrash, in a real browser: typing survives a
// closed tab (the editor offers it back), a save over a file changed on
// disk is refused and both versions are shown, "keep mine" saves it, and
// a deleted page comes back from the trash.
func TestKeptTypingConflictAndTrash(t *testing.T) {
	ctx := browser(t)
	h := start(t, "site.txtar")
	edit := h.base + "/_redaksi/edit?file=" + url.QueryEscape(rapat)
	run(t, ctx, "open", chromedp.Navigate(h.nr.URL()), chromedp.Navigate(edit))
	waitJS(t, ctx, "the editor", `!!document.querySelector('#body')`)
	run(t, ctx, "type", chromedp.Click(chromedp.CSS(`#body`)), chromedp.SendKeys(chromedp.CSS(`#body`), "Tambahan yang belum disimpan."))
	waitJS(t, ctx, "the typing is kept", `Object.keys(localStorage).some(k => k.startsWith('warta-draft:') && localStorage.getItem(k).includes('Tambahan yang belum disimpan.'))`)

	// The tab closes; the page is opened again.
	run(t, ctx, "reopen", chromedp.Navigate("about:blank"), chromedp.Navigate(edit))
	waitJS(t, ctx, "the offer of the kept typing", `!document.querySelector('#draft-offer').hidden`)
	shot(t, ctx, "10-ketikan", "#draft-offer")
	run(t, ctx, "restore the typing", chromedp.Click(chromedp.CSS(`#draft-restore`)))
	waitJS(t, ctx, "the typing is back", `document.querySelector('#body').value.includes('Tambahan yang belum disimpan.')`)

	// Meanwhile someone changes the file by hand.
	byHand := strings.Replace(h.read(rapat), "Rapat membahas", "Rapat (diubah di komputer lain) membahas", 1)
	if err := os.WriteFile(filepath.Join(h.dir, rapat), []byte(byHand), 0o644); err != nil {
		t.Fatal(err)
	}
	submit(t, ctx, "save", `button[value=save]`, `#c-mine`)
	shot(t, ctx, "11-konflik", "")
	if h.read(rapat) != byHand {
		t.Fatal("the refused save wrote the file")
	}
	submit(t, ctx, "keep mine", `button[value=mine]`, `#notice .ok`)
	if got := h.read(rapat); !strings.Contains(got, "Tambahan yang belum disimpan.") {
		t.Errorf("kept mine, the file is:\n%s", got)
	}
	waitJS(t, ctx, "the kept typing is gone after the save", `!Object.keys(localStorage).some(k => k.startsWith('warta-draft:') && localStorage.getItem(k).includes('Tambahan yang belum disimpan.'))`)

	submit(t, ctx, "delete", `form.danger button`, `form[action="/_redaksi/untrash"]`)
	shot(t, ctx, "12-tempat-sampah", "main")
	if _, err := os.Stat(filepath.Join(h.dir, rapat)); err == nil {
		t.Fatal("the deleted page is still there")
	}
	submit(t, ctx, "untrash", `form[action="/_redaksi/untrash"] button`, `#body`)
	if _, err := os.Stat(filepath.Join(h.dir, rapat)); err != nil {
		t.Fatal("the page did not come back")
	}
}
