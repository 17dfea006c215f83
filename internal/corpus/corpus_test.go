package corpus

import (
	"bytes"
	"image/jpeg"
	"maps"
	"slices"
	"strings"
	"testing"
	"testing/fstest"
	"unicode"
)

var small = Options{News: 20, Modules: 6, Galleries: 3, Photos: 2, Seed: 1}

func TestSameSeedSameBytes(t *testing.T) {
	a, b := FS(small), FS(small)
	if !slices.Equal(slices.Sorted(maps.Keys(a)), slices.Sorted(maps.Keys(b))) {
		t.Fatal("same options gave different file lists")
	}
	for name, f := range a {
		if !bytes.Equal(f.Data, b[name].Data) {
			t.Errorf("%s differs between two runs with the same seed", name)
		}
	}
}

func TestDifferentSeedDifferentText(t *testing.T) {
	other := small
	other.Seed = 2
	a, b := FS(small), FS(other)
	texts := map[string]bool{}
	for name, f := range b {
		if strings.HasPrefix(name, "content/berita/") {
			texts[string(f.Data)] = true
		}
	}
	same := 0
	for name, f := range a {
		if strings.HasPrefix(name, "content/berita/") && name != "content/berita/_index.md" && texts[string(f.Data)] {
			same++
		}
	}
	if same > 0 {
		t.Errorf("%d news files are identical under seeds 1 and 2", same)
	}
}

func TestContent(t *testing.T) {
	fsys := FS(small)
	if err := fstest.TestFS(fsys, "site.yaml", "content/_index.md", "content/modul/sd/_index.md"); err != nil {
		t.Fatal(err)
	}
	count := func(suffix string) (n int) {
		for name := range fsys {
			if strings.HasSuffix(name, suffix) {
				n++
			}
		}
		return n
	}
	// 20 news, 6 modules, 3 galleries, 9 section and plain pages.
	if got := count(".md"); got != 38 {
		t.Errorf("%d Markdown files, want 38", got)
	}
	// 2 news covers and 3×2 gallery photos, all valid and all different.
	seen := map[string]string{}
	for name, f := range fsys {
		if !strings.HasSuffix(name, ".jpg") {
			continue
		}
		if _, err := jpeg.DecodeConfig(bytes.NewReader(f.Data)); err != nil {
			t.Errorf("%s: %v", name, err)
		}
		if prev, ok := seen[string(f.Data)]; ok {
			t.Errorf("%s and %s are the same photo", prev, name)
		}
		seen[string(f.Data)] = name
	}
	if len(seen) != 8 {
		t.Errorf("%d photos, want 8", len(seen))
	}
}

func TestNewsLength(t *testing.T) {
	for name, f := range FS(small) {
		if !strings.HasPrefix(name, "content/berita/") || strings.HasSuffix(name, "_index.md") || !strings.HasSuffix(name, ".md") {
			continue
		}
		_, body, _ := strings.Cut(string(f.Data)[4:], "\n---\n")
		n := 0
		for _, w := range strings.Fields(body) {
			if strings.ContainsFunc(w, unicode.IsLetter) {
				n++
			}
		}
		if n < 600 || n > 900 {
			t.Errorf("%s has %d words, want about 600-900", name, n)
		}
		for _, want := range []string{"\n## ", "\n- ", "\n1. ", "\n| ", "\n> ", "](/berita/"} {
			if !strings.Contains(body, want) {
				t.Errorf("%s has no %q", name, want)
			}
		}
	}
}

func TestWriteRefusesNonEmptyDir(t *testing.T) {
	dir := t.TempDir()
	if err := Write(dir, Options{News: 2, Seed: 1}); err != nil {
		t.Fatal(err)
	}
	if err := Write(dir, Options{News: 1, Seed: 1}); err == nil {
		t.Fatal("Write over an existing corpus succeeded")
	}
}
