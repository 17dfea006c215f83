package search

import "testing"

func TestTermsOfHTML(t *testing.T) {
	body := []byte(`<h2 id="x">Kegiatan</h2><p>Anak-anak &amp; <EM>guru</EM> bernyanyi.</p><img src="a.jpg" alt="Siswa menyentuh bola"><script>var x</script>`)
	orig := string(body)
	got := TermsOfHTML(body)
	if want := "anak bola giat guru nyanyi sentuh siswa"; got != want {
		t.Errorf("TermsOfHTML = %q, want %q", got, want)
	}
	if string(body) != orig {
		t.Error("the body was changed")
	}
}
