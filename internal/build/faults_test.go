package build_test

import (
	"context"
	"errors"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"syscall"
	"testing"

	"github.com/dinsos-metro/warta"
	"github.com/dinsos-metro/warta/internal/build"
	"github.com/dinsos-metro/warta/internal/publish"
	"github.com/dinsos-metro/warta/internal/render"
	"github.com/dinsos-metro/warta/internal/sitetest"
)

// Faults during a build: a disk that fills up half-way, a build that is
// interrupted. Either way the output folder stays exactly as the previous
// build left it, nothing is left beside it, and the error says what
// happened. (The command's side, with a real SIGINT and a real write
// limit, is in cmd/warta/faults_test.go.)

// faultySink passes writes to a Staging folder until it has taken limit of
// them, then calls fault for each further write.
type faultySink struct {
	next  *publish.Staging
	limit int
	fault func() error

	mu    sync.Mutex
	count int
}

func (f *faultySink) take() error {
	f.mu.Lock()
	defer f.mu.Unlock()
	f.count++
	if f.count > f.limit {
		return f.fault()
	}
	return nil
}

func (f *faultySink) Write(name string, data []byte) error {
	if err := f.take(); err != nil {
		return err
	}
	return f.next.Write(name, data)
}

func (f *faultySink) Copy(name string, src fs.FS, srcPath string) error {
	if err := f.take(); err != nil {
		return err
	}
	return f.next.Copy(name, src, srcPath)
}

// Carry lets unchanged files of the previous build be linked over, as the
// command's Staging does; carrying writes nothing.
func (f *faultySink) Carry(names []string) error { return f.next.Carry(names) }

var errNoSpace = &fs.PathError{Op: "write", Path: "public/x", Err: syscall.ENOSPC}

// previousBuild builds the full fixture into dir/public, as `warta build`
// does, and returns the site, its state and a snapshot of the output.
func previousBuild(t *testing.T, dir string) (map[string]string, *render.State, map[string]string) {
	t.Helper()
	site := fullSite(t)
	out := filepath.Join(dir, "public")
	st, err := publish.NewStaging(out)
	if err != nil {
		t.Fatal(err)
	}
	res, err := build.Build(context.Background(), build.Options{Source: site, Theme: warta.Theme, Sink: st, Now: sitetest.Now})
	if err != nil {
		t.Fatalf("first build: %v\n%s", err, res.Diags.Format("en"))
	}
	if err := st.Commit(); err != nil {
		t.Fatal(err)
	}
	files := map[string]string{}
	for name, f := range site {
		files[name] = string(f.Data)
	}
	return files, res.State, snapshotDir(t, out)
}

// snapshotDir reads every file below dir.
func snapshotDir(t *testing.T, dir string) map[string]string {
	t.Helper()
	files := map[string]string{}
	err := filepath.WalkDir(dir, func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		b, err := os.ReadFile(p)
		rel, _ := filepath.Rel(dir, p)
		files[rel] = string(b)
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
	return files
}

func assertUnchanged(t *testing.T, dir string, before map[string]string) {
	t.Helper()
	after := snapshotDir(t, filepath.Join(dir, "public"))
	for name, v := range before {
		if a, ok := after[name]; !ok {
			t.Errorf("public/%s disappeared", name)
		} else if a != v {
			t.Errorf("public/%s changed", name)
		}
	}
	for name := range after {
		if _, ok := before[name]; !ok {
			t.Errorf("public/%s appeared", name)
		}
	}
	if left, _ := filepath.Glob(filepath.Join(dir, ".warta-staging-*")); len(left) > 0 {
		t.Errorf("staging folders left behind: %v", left)
	}
}

// secondBuild edits the site and builds it through sink, then aborts the
// staging folder as the command does on failure. With the previous
// build's state, most outputs are carried over as hard links and the
// edited report's are written again; without, everything is written.
func secondBuild(ctx context.Context, t *testing.T, files map[string]string, state *render.State, sink func(*publish.Staging) publish.Sink, dir string) (*build.Result, error) {
	t.Helper()
	site := sitetest.Files("")
	for name, text := range files {
		sitetest.Add(site, name, []byte(text))
	}
	const edited = "content/berita/2025-09-10-sd-negeri-5.md"
	site[edited].Data = append(site[edited].Data, []byte("\nParagraf tambahan.\n")...)
	st, err := publish.NewStaging(filepath.Join(dir, "public"))
	if err != nil {
		t.Fatal(err)
	}
	res, err := build.Build(ctx, build.Options{Source: site, Theme: warta.Theme, Sink: sink(st), Now: sitetest.Now, State: state})
	if err == nil {
		t.Fatalf("the build succeeded, writing %d files", res.Files)
	}
	if err := st.Abort(); err != nil {
		t.Fatal(err)
	}
	return res, err
}

// faultCases: when the fault strikes (after how many files written), in an
// incremental build (6 files written, the rest carried over) and a full
// one (about sixty).
var faultCases = []struct {
	limit int
	carry bool
}{{0, true}, {2, true}, {5, true}, {0, false}, {20, false}, {45, false}}

// TestDiskFullMidBuild: writes start failing after some files; the build
// fails naming the problem, and the previous output is untouched.
func TestDiskFullMidBuild(t *testing.T) {
	t.Parallel()
	for _, tc := range faultCases {
		limit := tc.limit
		dir := t.TempDir()
		files, state, before := previousBuild(t, dir)
		if !tc.carry {
			state = nil
		}
		res, _ := secondBuild(context.Background(), t, files, state, func(st *publish.Staging) publish.Sink {
			return &faultySink{next: st, limit: limit, fault: func() error { return errNoSpace }}
		}, dir)
		report := res.Diags.Format("en")
		if !strings.Contains(report, "cannot write the site: write public/x: no space left on device") {
			t.Errorf("after %d writes: the report does not say the disk is full:\n%s", limit, report)
		}
		if res.State != nil {
			t.Errorf("after %d writes: a failed build returned a state for the next one", limit)
		}
		assertUnchanged(t, dir, before)
	}
}

// TestInterruptedMidBuild: the build is cancelled (Ctrl-C) while it
// renders; it stops with context.Canceled and the output is untouched.
func TestInterruptedMidBuild(t *testing.T) {
	t.Parallel()
	for _, tc := range faultCases {
		limit := tc.limit
		dir := t.TempDir()
		files, state, before := previousBuild(t, dir)
		if !tc.carry {
			state = nil
		}
		ctx, cancel := context.WithCancel(context.Background())
		_, err := secondBuild(ctx, t, files, state, func(st *publish.Staging) publish.Sink {
			return &faultySink{next: st, limit: limit, fault: func() error { cancel(); return context.Canceled }}
		}, dir)
		cancel()
		if !errors.Is(err, context.Canceled) {
			t.Errorf("cancelled after %d writes: error %v, want context.Canceled", limit, err)
		}
		assertUnchanged(t, dir, before)
	}
}
