package deploy

import (
	"context"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"time"

	"github.com/dinsos-metro/warta/internal/diag"
	"github.com/dinsos-metro/warta/internal/filelock"
)

// A site is published by one thing at a time. The newsroom's "Terbitkan
// situs", a scheduled publish of `warta serve --deploy` and `warta deploy`
// in a terminal all build into the same public/ and write the same
// manifest and journal: two at once could send a half-swapped folder, or
// record files the other deleted. Each takes this lock first; it is the
// operating system's lock on a file (flock on Unix), so it also holds
// between processes and ends with the process that held it, even one
// that crashed.

// LockPath is the file the lock is taken on, for the site in siteDir.
func LockPath(siteDir string) string {
	return filepath.Join(siteDir, ".warta", "deploy", "publish.lock")
}

// ErrBusy is wrapped by the error Lock gives when another publish holds
// the lock.
var ErrBusy = errors.New("another publish of this site is running")

// Lock takes the site's publish lock for what ("newsroom budi", "warta
// deploy", "schedule"), written into the lock file so that whoever finds
// it taken can be told who has it. With wait, it waits for the lock until
// ctx ends; without, a lock held elsewhere is an *Error (DeployBusy)
// wrapping ErrBusy. unlock gives it back.
func Lock(ctx context.Context, siteDir, what string, wait bool) (unlock func(), err error) {
	path := LockPath(siteDir)
	var l *filelock.Lock
	if wait {
		l, err = filelock.Wait(ctx, path)
	} else {
		l, err = filelock.TryLock(path)
	}
	if err != nil {
		return nil, err
	}
	if l == nil {
		holder, since := lockHolder(path)
		return nil, &Error{Code: diag.DeployBusy, Args: []any{holder, since}, Err: ErrBusy}
	}
	// Who holds it, for the message of the next one: written through the
	// locked file (the lock is on the file, not its contents).
	f := l.File()
	_ = f.Truncate(0)
	_, _ = f.WriteAt([]byte(fmt.Sprintf("%s\n%s\n%d\n", oneLine(what), time.Now().UTC().Format(time.RFC3339), os.Getpid())), 0)
	return func() {
		_ = f.Truncate(0)
		l.Unlock()
	}, nil
}

// lockHolder reads who holds the lock and since when (in the holder's
// words, "?" when it does not say).
func lockHolder(path string) (what, since string) {
	data, _ := os.ReadFile(path)
	lines := strings.Split(string(data), "\n")
	what, since = "?", "?"
	if len(lines) > 0 && lines[0] != "" {
		what = lines[0]
	}
	if len(lines) > 1 {
		if t, err := time.Parse(time.RFC3339, lines[1]); err == nil {
			since = t.Local().Format("15:04:05")
		}
	}
	return what, since
}

func oneLine(s string) string { return strings.Join(strings.Fields(s), " ") }
