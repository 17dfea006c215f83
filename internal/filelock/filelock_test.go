package filelock

import (
	"context"
	"errors"
	"os"
	"os/exec"
	"path/filepath"
	"testing"
	"time"
)

func TestTryLockAndWait(t *testing.T) {
	path := filepath.Join(t.TempDir(), "a", "x.lock")
	l, err := TryLock(path)
	if err != nil || l == nil {
		t.Fatalf("first lock: %v %v", l, err)
	}
	if l2, err := TryLock(path); l2 != nil || err != nil {
		t.Fatalf("second lock while the first is held: %v %v", l2, err)
	}
	short, cancel := context.WithTimeout(context.Background(), 200*time.Millisecond)
	defer cancel()
	if _, err := Wait(short, path); !errors.Is(err, context.DeadlineExceeded) {
		t.Errorf("waiting past the context: %v", err)
	}
	go func() {
		time.Sleep(200 * time.Millisecond)
		l.Unlock()
	}()
	l3, err := Wait(context.Background(), path)
	if err != nil || l3 == nil {
		t.Fatalf("waiting for the lock: %v", err)
	}
	l3.Unlock()
}

// The lock holds between processes, and a process that dies gives it
// back: this test runs itself again as the holder.
func TestLockAcrossProcesses(t *testing.T) {
	if path := os.Getenv("WARTA_LOCK_HOLDER"); path != "" {
		if l, err := TryLock(path); err != nil || l == nil {
			os.Exit(3)
		}
		os.Stdout.WriteString("held\n")
		time.Sleep(time.Hour) // until killed
		return
	}
	path := filepath.Join(t.TempDir(), "x.lock")
	cmd := exec.Command(os.Args[0], "-test.run=^TestLockAcrossProcesses$")
	cmd.Env = append(os.Environ(), "WARTA_LOCK_HOLDER="+path)
	out, err := cmd.StdoutPipe()
	if err != nil {
		t.Fatal(err)
	}
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	buf := make([]byte, 5)
	if _, err := out.Read(buf); err != nil || string(buf) != "held\n" {
		cmd.Process.Kill()
		t.Fatalf("holder: %q %v", buf, err)
	}
	if l, err := TryLock(path); l != nil || err != nil {
		t.Errorf("lock held by another process was taken: %v %v", l, err)
	}
	cmd.Process.Kill()
	cmd.Wait()
	l, err := TryLock(path)
	if err != nil || l == nil {
		t.Fatalf("after the holder died: %v %v", l, err)
	}
	l.Unlock()
}
