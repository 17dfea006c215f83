package deploy

import (
	"context"
	"sync"

	"github.com/dinsos-metro/warta/internal/diag"
)

// runner sends the steps of a plan and keeps count.
type runner struct {
	o Options
	m *Manifest
	t Target

	mu                    sync.Mutex
	done, total           int
	sent, deleted         int
	doneBytes, totalBytes int64
	failures              []error
}

func (r *runner) emit(e Event) {
	if r.o.Progress == nil {
		return
	}
	r.mu.Lock()
	defer r.mu.Unlock()
	r.emitLocked(e)
}

func (r *runner) emitLocked(e Event) {
	if r.o.Progress == nil {
		return
	}
	e.Done, e.Total, e.DoneBytes, e.TotalBytes = r.done, r.total, r.doneBytes, r.totalBytes
	r.o.Progress(e)
}

// steps runs the stages in order, each only after the previous one fully
// succeeded, then the deletions.
func (r *runner) steps(ctx context.Context, plan Plan) error {
	for lo := 0; lo < len(plan.Send); {
		hi := lo
		for hi < len(plan.Send) && plan.Send[hi].Stage == plan.Send[lo].Stage {
			hi++
		}
		if err := r.stage(ctx, len(plan.Send[lo:hi]), func(i int) func(context.Context) (string, error) {
			return r.put(plan.Send[lo+i])
		}); err != nil {
			return err
		}
		lo = hi
	}
	// Pages are deleted before what they used, and every page before
	// anything else (plan.Delete is in that order): two rounds.
	split := 0
	for split < len(plan.Delete) && isPage(plan.Delete[split]) {
		split++
	}
	for _, names := range [][]string{plan.Delete[:split], plan.Delete[split:]} {
		if err := r.stage(ctx, len(names), func(i int) func(context.Context) (string, error) {
			return r.del(names[i])
		}); err != nil {
			return err
		}
	}
	return nil
}

// stage runs n operations on the workers and waits for them all.
func (r *runner) stage(ctx context.Context, n int, op func(int) func(context.Context) (string, error)) error {
	if n == 0 {
		return nil
	}
	ctx, cancel := context.WithCancel(ctx)
	defer cancel()
	next := make(chan int)
	var wg sync.WaitGroup
	failed := 0
	for range min(r.o.Workers, n) {
		wg.Go(func() {
			for i := range next {
				f := op(i)
				name, err := f(ctx)
				if err != nil && ctx.Err() == nil {
					r.mu.Lock()
					failed++
					r.failures = append(r.failures, err)
					r.emitLocked(Event{Kind: Failed, File: name, Err: err})
					r.mu.Unlock()
				}
			}
		})
	}
feed:
	for i := range n {
		select {
		case next <- i:
		case <-ctx.Done():
			break feed
		}
	}
	close(next)
	wg.Wait()
	if ctx.Err() != nil {
		return &Error{Code: diag.DeployInterrupted, Args: []any{r.o.Target.Name, r.done, r.total}, Err: context.Cause(ctx)}
	}
	if failed > 0 {
		return fail(diag.DeployStopped, r.o.Target.Name, failed)
	}
	return nil
}

func (r *runner) put(s Step) func(context.Context) (string, error) {
	return func(ctx context.Context) (string, error) {
		local := localPath(r.o.Output, s.Name)
		h := Headers(s.Name)
		tries, err := retry(ctx, r.o.Tries, r.o.Wait, func(ctx context.Context) error {
			return r.t.Put(ctx, s.Name, local, s.Size, h)
		}, func(err error) { r.emit(Event{Kind: Retrying, File: s.Name, Err: err}) })
		if err != nil {
			return s.Name, fail(diag.DeployFileFailed, s.Name, tries, err)
		}
		if err := r.m.record(s.Name, &Entry{Hash: s.Hash, Size: s.Size}); err != nil {
			return s.Name, err
		}
		r.mu.Lock()
		r.done++
		r.sent++
		r.doneBytes += s.Size
		r.emitLocked(Event{Kind: Sent, File: s.Name, Bytes: s.Size})
		r.mu.Unlock()
		return s.Name, nil
	}
}

func (r *runner) del(name string) func(context.Context) (string, error) {
	return func(ctx context.Context) (string, error) {
		tries, err := retry(ctx, r.o.Tries, r.o.Wait, func(ctx context.Context) error {
			return r.t.Delete(ctx, name)
		}, func(err error) { r.emit(Event{Kind: Retrying, File: name, Err: err}) })
		if err != nil {
			return name, fail(diag.DeployDeleteFailed, name, tries, err)
		}
		if _, atomic := r.t.(committer); !atomic {
			if err := r.m.record(name, nil); err != nil {
				return name, err
			}
		}
		r.mu.Lock()
		r.done++
		r.deleted++
		r.emitLocked(Event{Kind: Deleted, File: name})
		r.mu.Unlock()
		return name, nil
	}
}
