// Package filelock takes the operating system's exclusive lock on a file
// (flock on Unix), so that two warta processes on one site, say `warta
// serve` and `warta deploy` or `warta users add` in a terminal, do not
// change the same files at once. The system gives the lock back when its
// process ends, even one that crashed, so no stale lock is left behind.
// On systems without flock (Windows) the lock holds within one process
// only.
package filelock

import (
	"context"
	"os"
	"path/filepath"
	"time"
)

// Lock is a held lock; its file stays open while it is held.
type Lock struct{ f *os.File }

// File is the open lock file, for writing who holds it.
func (l *Lock) File() *os.File { return l.f }

// Unlock gives the lock back.
func (l *Lock) Unlock() {
	_ = unlockFile(l.f)
	l.f.Close()
}

// TryLock takes the lock on path (created, with its folder, if missing)
// without waiting: nil and no error when another holds it.
func TryLock(path string) (*Lock, error) {
	if err := os.MkdirAll(filepath.Dir(path), 0o700); err != nil {
		return nil, err
	}
	f, err := os.OpenFile(path, os.O_RDWR|os.O_CREATE, 0o600)
	if err != nil {
		return nil, err
	}
	ok, err := tryLock(f)
	if err != nil || !ok {
		f.Close()
		return nil, err
	}
	return &Lock{f}, nil
}

// Wait takes the lock on path, waiting for it until ctx ends.
func Wait(ctx context.Context, path string) (*Lock, error) {
	for {
		l, err := TryLock(path)
		if l != nil || err != nil {
			return l, err
		}
		select {
		case <-ctx.Done():
			return nil, ctx.Err()
		case <-time.After(100 * time.Millisecond):
		}
	}
}
