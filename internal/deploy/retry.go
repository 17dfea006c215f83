package deploy

import (
	"context"
	"errors"
	"io/fs"
	"time"
)

// retry runs op until it succeeds, up to tries times, waiting twice as
// long after each failure (a network that drops for a moment, a server
// that is briefly overloaded). It gives up at once when ctx ends or the
// failure cannot pass by itself: a local file gone, one of our own
// messages (a refused host key). onRetry hears of every failure that is
// tried again. It returns the last error and the number of tries made.
func retry(ctx context.Context, tries int, wait time.Duration, op func(context.Context) error, onRetry func(error)) (int, error) {
	for try := 1; ; try++ {
		err := op(ctx)
		if err == nil {
			return try, nil
		}
		if ctx.Err() != nil {
			return try, ctx.Err()
		}
		var own *Error
		if try >= tries || errors.Is(err, fs.ErrNotExist) && isLocal(err) || errors.As(err, &own) {
			return try, err
		}
		if onRetry != nil {
			onRetry(err)
		}
		t := time.NewTimer(wait)
		select {
		case <-ctx.Done():
			t.Stop()
			return try, ctx.Err()
		case <-t.C:
		}
		wait *= 2
	}
}

// localError marks a failure to read the output folder, not the target.
type localError struct{ err error }

func (l localError) Error() string { return l.err.Error() }
func (l localError) Unwrap() error { return l.err }

func isLocal(err error) bool {
	var l localError
	return errors.As(err, &l)
}
