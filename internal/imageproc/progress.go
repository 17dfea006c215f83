package imageproc

import (
	"context"
	"sync"
	"sync/atomic"
	"time"
)

// progress reports Run's progress until the returned function is called.
func (p *Processor) progress(ctx context.Context, total int, done, made *atomic.Int64) func() {
	if p.opt.Progress == nil || total == 0 {
		return func() {}
	}
	start := time.Now()
	reported := false
	report := func() {
		if time.Since(start) < p.progressAfter {
			return
		}
		reported = true
		d, m := min(int(done.Load()), total-1), made.Load()
		var left time.Duration
		if m > 0 && d < total {
			// Cached ops cost nothing: the estimate follows the ops made.
			per := time.Since(start) / time.Duration(m)
			left = per * time.Duration(total-d)
		}
		p.opt.Progress(d, total, left)
	}
	tick := time.NewTicker(250 * time.Millisecond)
	quit := make(chan struct{})
	var wg sync.WaitGroup
	wg.Go(func() {
		for {
			select {
			case <-tick.C:
				report()
			case <-quit:
				return
			case <-ctx.Done():
				return
			}
		}
	})
	return func() {
		tick.Stop()
		close(quit)
		wg.Wait()
		if reported || time.Since(start) >= p.progressAfter {
			p.opt.Progress(total, total, 0)
		}
	}
}
