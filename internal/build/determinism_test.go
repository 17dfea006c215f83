package build_test

import (
	"bytes"
	"slices"
	"testing"

	"github.com/dinsos-metro/warta/internal/sitetest"
)

// TestDeterministic: the same site gives the same bytes in every file,
// however many workers render it and however the goroutines are scheduled.
func TestDeterministic(t *testing.T) {
	t.Parallel()
	for _, opt := range []sitetest.Options{{}, {NoMinify: true, Drafts: true, Future: true}} {
		first := sitetest.Build(t, fullSite(t), withWorkers(opt, 1))
		first.AssertOK(t)
		for _, workers := range []int{1, 4} {
			again := sitetest.Build(t, fullSite(t), withWorkers(opt, workers))
			again.AssertOK(t)
			sameFiles(t, first, again)
		}
	}
}

func withWorkers(opt sitetest.Options, n int) sitetest.Options {
	opt.Workers = n
	return opt
}

func sameFiles(t *testing.T, a, b *sitetest.Site) {
	t.Helper()
	an, bn := a.Out.Names(), b.Out.Names()
	if !slices.Equal(an, bn) {
		t.Fatalf("file lists differ:\n%v\n%v", an, bn)
	}
	for _, n := range an {
		x, _ := a.Out.Get(n)
		y, _ := b.Out.Get(n)
		if !bytes.Equal(x, y) {
			t.Errorf("%s differs between builds:\n%s", n, sitetest.Diff(string(x), string(y)))
		}
	}
}

// TestDeterministicDiagnostics: problems come out in the same order on
// every run, sorted by file and line.
func TestDeterministicDiagnostics(t *testing.T) {
	t.Parallel()
	broken := `
-- content/berita/a.md --
---
date: kemarin
---
-- content/berita/b.md --
---
title: [B
---
-- content/modul/smp/m/index.md --
---
title: M
level: sd
attachments: [a.pdf, b.pdf]
---
-- content/galeri/g/index.md --
---
title: G
---
`
	want := sitetest.BuildTxtar(t, broken, sitetest.Options{Workers: 1}).Diagnostics()
	if len(want) < 4 {
		t.Fatalf("want at least 4 diagnostics, got %v", want)
	}
	for range 5 {
		got := sitetest.BuildTxtar(t, broken, sitetest.Options{Workers: 4}).Diagnostics()
		if !slices.Equal(got, want) {
			t.Fatalf("diagnostics changed between runs:\n%v\n%v", want, got)
		}
	}
}
