package main

import (
	"bytes"
	"errors"
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"strings"
	"testing"
	"time"

	"github.com/dinsos-metro/warta/internal/corpus"
)

// The command's side of faults, with the real binary on a real folder: a
// build interrupted by Ctrl-C (SIGINT) half-way through, and a build whose
// writes fail (a file size limit, as a full disk would). Both leave the
// previous public/ byte for byte as it was, no staging folder behind, and
// say what happened.

// wartaBinary builds the command into a temporary folder.
func wartaBinary(t *testing.T) string {
	t.Helper()
	goTool := filepath.Join(runtime.GOROOT(), "bin", "go")
	if _, err := os.Stat(goTool); err != nil {
		if goTool, err = exec.LookPath("go"); err != nil {
			t.Skip("no go command to build warta with")
		}
	}
	bin := filepath.Join(t.TempDir(), "warta")
	cmd := exec.Command(goTool, "build", "-o", bin, ".")
	if out, err := cmd.CombinedOutput(); err != nil {
		t.Fatalf("go build: %v\n%s", err, out)
	}
	return bin
}

func TestInterruptAndWriteFailureKeepPublic(t *testing.T) {
	if testing.Short() {
		t.Skip("builds a large site with the real binary")
	}
	bin := wartaBinary(t)
	src := filepath.Join(t.TempDir(), "situs")
	if err := corpus.Write(src, corpus.Options{News: 600, Modules: 30, Galleries: 6, Photos: 4, Seed: 8}); err != nil {
		t.Fatal(err)
	}
	public := filepath.Join(src, "public")
	warta := func(prefix ...string) *exec.Cmd {
		args := append(prefix, bin, "build", "--src", src, "--lang", "en", "--quiet")
		cmd := exec.Command(args[0], args[1:]...)
		cmd.Env = append(os.Environ(), "CHROME_PATH=/nonexistent")
		return cmd
	}
	if out, err := warta().CombinedOutput(); err != nil {
		t.Fatalf("first build: %v\n%s", err, out)
	}
	before := digest(t, public)
	// A new title touches every page: the next build renders them all.
	yaml := filepath.Join(src, "site.yaml")
	cfg, err := os.ReadFile(yaml)
	if err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(yaml, bytes.Replace(cfg, []byte("title: "), []byte("title: Baru "), 1), 0o644); err != nil {
		t.Fatal(err)
	}

	t.Run("SIGINT", func(t *testing.T) {
		cmd := warta()
		var stderr bytes.Buffer
		cmd.Stderr = &stderr
		if err := cmd.Start(); err != nil {
			t.Fatal(err)
		}
		// Interrupt once the new site is being written beside public/.
		deadline := time.Now().Add(60 * time.Second)
		for {
			staged, _ := filepath.Glob(filepath.Join(src, ".warta-staging-public-*", "berita", "*"))
			if len(staged) >= 5 {
				break
			}
			if time.Now().After(deadline) {
				_ = cmd.Process.Kill()
				t.Fatal("the build wrote nothing into its staging folder within a minute")
			}
			time.Sleep(5 * time.Millisecond)
		}
		if err := cmd.Process.Signal(os.Interrupt); err != nil {
			t.Fatal(err)
		}
		done := make(chan error, 1)
		go func() { done <- cmd.Wait() }()
		select {
		case err = <-done:
		case <-time.After(30 * time.Second):
			_ = cmd.Process.Kill()
			t.Fatal("the build did not stop within 30 s of SIGINT")
		}
		var exit *exec.ExitError
		if !errors.As(err, &exit) || exit.ExitCode() != 1 {
			t.Errorf("exit: %v, want status 1", err)
		}
		if want := "warta: build interrupted; " + public + " was left as it was\n"; !strings.HasSuffix(stderr.String(), want) {
			t.Errorf("stderr does not end with %q:\n%s", want, stderr.String())
		}
		sameSnapshot(t, before, digest(t, public))
		noStaging(t, src)
	})

	t.Run("write failure", func(t *testing.T) {
		// No output file may grow beyond 4 KB (ulimit -f counts 512-byte
		// blocks in sh): writes fail with EFBIG, as on a full disk. Go
		// ignores SIGXFSZ, so the build sees the error.
		if _, err := exec.LookPath("sh"); err != nil {
			t.Skip("no sh for ulimit")
		}
		cmd := warta("sh", "-c", `ulimit -f 8 && exec "$@"`, "sh")
		var stderr bytes.Buffer
		cmd.Stderr = &stderr
		err := cmd.Run()
		var exit *exec.ExitError
		if !errors.As(err, &exit) || exit.ExitCode() != 1 {
			t.Fatalf("exit: %v, want status 1; stderr:\n%s", err, stderr.String())
		}
		text := stderr.String()
		if !strings.Contains(text, "cannot write the site: ") || !strings.Contains(text, "file too large") {
			t.Errorf("stderr does not say the site could not be written:\n%s", clipped(text))
		}
		if !strings.Contains(text, "warta: build failed with ") || !strings.HasSuffix(text, public+" was left as it was\n") {
			t.Errorf("stderr does not say public/ was left as it was:\n%s", clipped(text))
		}
		sameSnapshot(t, before, digest(t, public))
		noStaging(t, src)
	})
}

func clipped(s string) string {
	if len(s) > 3000 {
		return s[:1500] + "\n…\n" + s[len(s)-1500:]
	}
	return s
}
