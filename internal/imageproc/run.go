package imageproc

import (
	"cmp"
	"context"
	"errors"
	"image"
	"io/fs"
	"slices"
	"sync"
	"sync/atomic"
)

// Deliver receives a finished derivative. It is called from many
// goroutines.
type Deliver func(op Op, data []byte) error

// Run makes every op (duplicates are made once) and hands each to deliver,
// from the cache where possible. It returns one error per source that
// failed (an *Error) and any error deliver returned; the other sources are
// processed all the same.
func (p *Processor) Run(ctx context.Context, ops []Op, deliver Deliver) []error {
	groups := group(ops)
	total := 0
	for _, g := range groups {
		total += len(g.ops)
	}
	var (
		errMu sync.Mutex
		errs  []error
		done  atomic.Int64
		made  atomic.Int64
	)
	stop := p.progress(ctx, total, &done, &made)
	defer stop()

	// Workers take whole sources. A worker that finds no source left helps
	// the others with their encodes (handed over on help, only to a worker
	// waiting for work), so the last few photos of a run, or the one photo
	// an edit changed, still use every core: a WebP encode takes ten times
	// a JPEG's.
	next := make(chan *opGroup)
	help := make(chan func())
	finished := make(chan struct{})
	var inflight, wg sync.WaitGroup
	for range min(p.opt.Workers, max(len(groups), 1)) {
		wg.Go(func() {
			groups := next
			for {
				select {
				case g, ok := <-groups:
					if !ok {
						groups = nil // keep helping until every source is done
						continue
					}
					if err := p.runGroup(g, deliver, help, &done, &made); err != nil {
						errMu.Lock()
						errs = append(errs, err...)
						errMu.Unlock()
					}
					inflight.Done()
				case job := <-help:
					job()
				case <-finished:
					return
				}
			}
		})
	}
feed:
	for _, g := range groups {
		inflight.Add(1)
		select {
		case next <- g:
		case <-ctx.Done():
			inflight.Done()
			break feed
		}
	}
	close(next)
	inflight.Wait()
	close(finished)
	wg.Wait()
	if err := ctx.Err(); err != nil {
		errs = append(errs, err)
	}
	return errs
}

// opGroup is the ops of one source, widest first.
type opGroup struct {
	src *Source
	ops []Op
}

func group(ops []Op) []*opGroup {
	bySrc := map[string]*opGroup{}
	seen := map[string]bool{}
	var groups []*opGroup
	for _, op := range ops {
		k := op.Key()
		if seen[k] {
			continue
		}
		seen[k] = true
		g := bySrc[op.Src.Hash]
		if g == nil {
			g = &opGroup{src: op.Src}
			bySrc[op.Src.Hash] = g
			groups = append(groups, g)
		}
		g.ops = append(g.ops, op)
	}
	for _, g := range groups {
		slices.SortFunc(g.ops, func(a, b Op) int {
			return cmp.Or(cmp.Compare(b.Width, a.Width), cmp.Compare(a.Format, b.Format), cmp.Compare(a.Quality, b.Quality))
		})
	}
	// Biggest pictures first, so the slowest work does not come last.
	slices.SortStableFunc(groups, func(a, b *opGroup) int {
		return cmp.Compare(b.src.Width*b.src.Height, a.src.Width*a.src.Height)
	})
	return groups
}

// runGroup delivers the ops of one source: cached ones from the cache, the
// others from one decode.
func (p *Processor) runGroup(g *opGroup, deliver Deliver, help chan<- func(), done, made *atomic.Int64) []error {
	var errs []error
	var missing []Op
	for _, op := range g.ops {
		data, ok := p.store.get(op.Key(), op.Format.Ext())
		if !ok {
			missing = append(missing, op)
			continue
		}
		p.cached.Add(1)
		if err := p.deliver(op, data, deliver); err != nil {
			errs = append(errs, err)
		}
		done.Add(1)
	}
	if len(missing) == 0 {
		return errs
	}
	outs, err := p.make(g.src, missing, help)
	if err != nil {
		p.failed.Add(1)
		done.Add(int64(len(missing)))
		return append(errs, err)
	}
	for i, op := range missing {
		if err := p.store.put(op.Key(), op.Format.Ext(), outs[i]); err != nil {
			errs = append(errs, &Error{Path: g.src.Path, Kind: ErrWrite, Err: err})
		}
		p.made.Add(1)
		made.Add(1)
		if err := p.deliver(op, outs[i], deliver); err != nil {
			errs = append(errs, err)
		}
		done.Add(1)
	}
	return errs
}

func (p *Processor) deliver(op Op, data []byte, deliver Deliver) error {
	p.mu.Lock()
	first := !p.used[op.Key()]
	p.used[op.Key()] = true
	p.mu.Unlock()
	if first {
		p.delivered.Add(1)
	}
	return deliver(op, data)
}

// make decodes src once, resizes it once per width and encodes every op
// (a JPEG or PNG and its WebP share the resized pixels); ops must be sorted
// widest first. Encodes are offered on help to idle workers and made here
// otherwise.
func (p *Processor) make(src *Source, ops []Op, help chan<- func()) ([][]byte, error) {
	data, err := fs.ReadFile(p.opt.FS, src.Path)
	if err != nil {
		return nil, &Error{Path: src.Path, Kind: ErrRead, Err: err}
	}
	// The bytes may have changed since the probe (serve): check again
	// before trusting the dimensions with memory.
	fresh, err := probe(src.Path, data, p.opt.MaxPixels)
	if err != nil {
		return nil, err
	}
	if fresh.Hash != src.Hash {
		return nil, &Error{Path: src.Path, Kind: ErrRead, Err: errors.New("the file changed during the build")}
	}
	img, err := decodeImage(data)
	p.decoded.Add(1)
	if err != nil {
		return nil, &Error{Path: src.Path, Kind: ErrCorrupt, Err: err}
	}
	data = nil //nolint:ineffassign // let the file's bytes go before resizing
	var sizes []image.Point
	at := make([]int, len(ops)) // index in sizes of each op's pixels
	for i, op := range ops {
		w, h := storedSize(op.Width, op.Height(), src.Orientation)
		if n := len(sizes); n == 0 || sizes[n-1] != image.Pt(w, h) {
			sizes = append(sizes, image.Pt(w, h))
		}
		at[i] = len(sizes) - 1
	}
	imgs := resizeChain(img, sizes)
	img = nil //nolint:ineffassign // one decoded picture per worker: drop it before encoding
	for i := range imgs {
		imgs[i] = orient(imgs[i], src.Orientation)
	}
	out := make([][]byte, len(ops))
	errs := make([]error, len(ops))
	var wg sync.WaitGroup
	for i, op := range ops {
		job := func() { out[i], errs[i] = encode(imgs[at[i]], op.Format, op.Quality) }
		wg.Add(1)
		select {
		case help <- func() { defer wg.Done(); job() }:
		default:
			wg.Done()
			job()
		}
	}
	wg.Wait()
	for _, err := range errs {
		if err != nil {
			return nil, &Error{Path: src.Path, Kind: ErrWrite, Err: err}
		}
	}
	return out, nil
}
