package build_test

import (
	"bytes"
	"context"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"testing"

	warta "github.com/dinsos-metro/warta"
	"github.com/dinsos-metro/warta/internal/build"
	"github.com/dinsos-metro/warta/internal/publish"
	"github.com/dinsos-metro/warta/internal/sitetest"
)

// writeOnly is a Sink that cannot take a stream: level zips are made in
// memory and written whole.
type writeOnly struct{ *publish.Memory }

func (w writeOnly) Write(name string, data []byte) error { return w.Memory.Write(name, data) }
func (w writeOnly) Copy(name string, src fs.FS, p string) error {
	return w.Memory.Copy(name, src, p)
}

// TestLevelZipStreamed: a level's zip written as a stream while the
// modules render (into memory, into a staging folder, into a spare of
// the previous output) has the same bytes as one made whole at the end,
// and leaves no part file behind.
func TestLevelZipStreamed(t *testing.T) {
	levels := []string{"modul/sd/modul-sd.zip", "modul/smp/modul-smp.zip"}
	streamed := sitetest.Build(t, modulesFS(t), sitetest.Options{Workers: 4})
	if streamed.Err != nil {
		t.Fatalf("build: %v\n%s", streamed.Err, strings.Join(streamed.Diagnostics(), "\n"))
	}

	whole := writeOnly{publish.NewMemory()}
	if res, err := build.Build(context.Background(), build.Options{Source: modulesFS(t), Theme: warta.Theme, Sink: whole, Now: sitetest.Now, Workers: 4}); err != nil {
		t.Fatalf("build: %v\n%s", err, res.Diags.Format("en"))
	}
	for _, name := range levels {
		a, _ := streamed.Out.Get(name)
		b, ok := whole.Get(name)
		if !ok || len(a) == 0 || !bytes.Equal(a, b) {
			t.Errorf("%s: streamed %d bytes, made whole %d bytes (written: %v): they differ", name, len(a), len(b), ok)
		}
	}

	out := filepath.Join(t.TempDir(), "public")
	for round := range 3 { // the third reuses the first's folder as its spare
		st, err := publish.NewStaging(out)
		if err != nil {
			t.Fatal(err)
		}
		res, err := build.Build(context.Background(), build.Options{Source: modulesFS(t), Theme: warta.Theme, Sink: st, Now: sitetest.Now, Workers: 2})
		if err != nil {
			t.Fatalf("round %d: build: %v\n%s", round, err, res.Diags.Format("en"))
		}
		if err := st.Commit(); err != nil {
			t.Fatal(err)
		}
		st.Wait()
		for _, name := range levels {
			a, _ := streamed.Out.Get(name)
			b, err := os.ReadFile(filepath.Join(out, filepath.FromSlash(name)))
			if err != nil || !bytes.Equal(a, b) {
				t.Errorf("round %d: %s on disk differs from the one in memory (%v)", round, name, err)
			}
		}
		filepath.WalkDir(filepath.Dir(out), func(p string, d fs.DirEntry, err error) error {
			if err == nil && strings.HasPrefix(d.Name(), ".part-") {
				t.Errorf("round %d: part file left: %s", round, p)
			}
			return nil
		})
	}
}
