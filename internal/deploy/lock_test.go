package deploy

import (
	"context"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/dinsos-metro/warta/internal/config"
)

// One publish at a time: a second is told who holds the lock, a waiting
// one gets it when the first ends, and a deploy refuses to start while
// another publish holds it (a dry run, which writes nothing, does not).
func TestPublishLock(t *testing.T) {
	s := newSite(t)
	ctx := context.Background()
	unlock, err := Lock(ctx, s.dir, "Terbitkan situs, budi", false)
	if err != nil {
		t.Fatal(err)
	}
	_, err = Lock(ctx, s.dir, "warta deploy", false)
	if !errors.Is(err, ErrBusy) {
		t.Fatalf("second lock: %v, want ErrBusy", err)
	}
	if msg := Message(err, "id"); !strings.Contains(msg, "Terbitkan situs, budi") || !strings.Contains(msg, "sedang berjalan") {
		t.Errorf("message does not say who publishes: %q", msg)
	}

	target := config.DeployTarget{Name: "lokal", Kind: "folder", Path: filepath.Join(t.TempDir(), "www")}
	o := Options{SiteDir: s.dir, Output: s.out, Target: target, Wait: 1}
	if _, err := Run(ctx, o); !errors.Is(err, ErrBusy) {
		t.Errorf("deploy while another publish runs: %v, want ErrBusy", err)
	}
	if _, err := os.Stat(target.Path); err == nil {
		t.Error("the refused deploy wrote the target")
	}
	dry := o
	dry.DryRun = true
	if _, err := Run(ctx, dry); err != nil {
		t.Errorf("a dry run needs no lock: %v", err)
	}

	// A waiting publish starts when the first ends.
	got := make(chan error, 1)
	go func() {
		unlock2, err := Lock(ctx, s.dir, "terjadwal", true)
		if err == nil {
			unlock2()
		}
		got <- err
	}()
	select {
	case err := <-got:
		t.Fatalf("the waiting lock did not wait: %v", err)
	case <-time.After(300 * time.Millisecond):
	}
	unlock()
	select {
	case err := <-got:
		if err != nil {
			t.Fatal(err)
		}
	case <-time.After(10 * time.Second):
		t.Fatal("the waiting lock was not given when the first ended")
	}

	// Free again: a deploy runs, and one that waits gives up with its
	// context.
	if _, err := Run(ctx, o); err != nil {
		t.Fatalf("deploy after the lock was given back: %v", err)
	}
	unlock, _ = Lock(ctx, s.dir, "x", false)
	defer unlock()
	short, cancel := context.WithTimeout(ctx, 300*time.Millisecond)
	defer cancel()
	if _, err := Lock(short, s.dir, "y", true); !errors.Is(err, context.DeadlineExceeded) {
		t.Errorf("waiting past the context: %v", err)
	}
}
