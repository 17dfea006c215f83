package imageproc

import (
	"bytes"
	"cmp"
	"context"
	"errors"
	"image"
	"io/fs"
	"runtime"
	"slices"
	"sync"
	"sync/atomic"
	"time"
)

// Options configure a Processor.
type Options struct {
	// FS holds the sources.
	FS fs.FS
	// CacheDir is the cache folder on disk; "" keeps derivatives in memory.
	CacheDir string
	// Workers bounds parallel processing; 0 is one per CPU.
	Workers int
	// MaxPixels refuses larger pictures; 0 is DefaultMaxPixels.
	MaxPixels int
	// Progress, when set, is called about four times a second while a Run
	// that has lasted more than a second works, with the ops done, the
	// total and an estimate of the time left (0 while unknown), and once
	// more at its end (done == total) if it was called at all.
	Progress func(done, total int, left time.Duration)
}

// Stats counts what a Processor did (since New or Next).
type Stats struct {
	Sources     int // sources probed or found in the manifest
	Derivatives int // distinct derivatives delivered
	Made        int // derivatives made (decoded, resized, encoded)
	Cached      int // derivatives taken from the cache
	Decoded     int // source pictures decoded
	Failed      int // sources that could not be processed
	Pruned      int // cache entries removed
}

// Processor probes sources and makes derivatives. It is safe for
// concurrent use. A Processor serves one build; Next makes the one for the
// next build of the same site.
type Processor struct {
	opt      Options
	store    store
	manifest *manifest

	mu      sync.Mutex
	sources map[string]*probeResult
	used    map[string]bool // keys delivered since the last Prune
	usedSrc map[string]bool // source paths probed since the last Prune

	made, cached, decoded, failed, delivered, pruned atomic.Int64

	progressAfter time.Duration // work shorter than this shows no progress
}

type probeResult struct {
	once sync.Once
	src  *Source
	err  error
}

// New makes a Processor.
func New(opt Options) *Processor {
	if opt.Workers <= 0 {
		opt.Workers = runtime.GOMAXPROCS(0)
	}
	if opt.MaxPixels <= 0 {
		opt.MaxPixels = DefaultMaxPixels
	}
	p := &Processor{
		opt:      opt,
		manifest: loadManifest(opt.CacheDir),
		sources:  map[string]*probeResult{},
		used:     map[string]bool{},
		usedSrc:  map[string]bool{},

		progressAfter: time.Second,
	}
	if opt.CacheDir != "" {
		p.store = &diskStore{dir: opt.CacheDir}
	} else {
		p.store = &memStore{m: map[string][]byte{}}
	}
	return p
}

// CacheDir is the cache folder ("" in memory).
func (p *Processor) CacheDir() string { return p.opt.CacheDir }

// Next returns a Processor for another build of the same site: it shares
// the cache (and, on disk, what is known of unchanged sources) but probes
// every source again and counts afresh.
func (p *Processor) Next() *Processor {
	return &Processor{
		opt: p.opt, store: p.store, manifest: p.manifest,
		sources: map[string]*probeResult{}, used: map[string]bool{}, usedSrc: map[string]bool{},
		progressAfter: p.progressAfter,
	}
}

// Source probes the image at path (a slash path in Options.FS), once per
// path for the life of the Processor. Errors are *Error.
func (p *Processor) Source(path string) (*Source, error) {
	p.mu.Lock()
	r, ok := p.sources[path]
	if !ok {
		r = &probeResult{}
		p.sources[path] = r
	}
	p.usedSrc[path] = true
	p.mu.Unlock()
	r.once.Do(func() { r.src, r.err = p.probe(path) })
	return r.src, r.err
}

func (p *Processor) probe(path string) (*Source, error) {
	info, _ := fs.Stat(p.opt.FS, path)
	if s, ok := p.manifest.lookup(path, info); ok {
		return s, nil
	}
	data, err := fs.ReadFile(p.opt.FS, path)
	if err != nil {
		return nil, &Error{Path: path, Kind: ErrRead, Err: err}
	}
	s, err := probe(path, data, p.opt.MaxPixels)
	if err != nil {
		return nil, err
	}
	p.manifest.remember(s, info)
	return s, nil
}

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

	next := make(chan *opGroup)
	var wg sync.WaitGroup
	for range min(p.opt.Workers, max(len(groups), 1)) {
		wg.Go(func() {
			for g := range next {
				if err := p.runGroup(g, deliver, &done, &made); err != nil {
					errMu.Lock()
					errs = append(errs, err...)
					errMu.Unlock()
				}
			}
		})
	}
feed:
	for _, g := range groups {
		select {
		case next <- g:
		case <-ctx.Done():
			break feed
		}
	}
	close(next)
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
func (p *Processor) runGroup(g *opGroup, deliver Deliver, done, made *atomic.Int64) []error {
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
	outs, err := p.make(g.src, missing)
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

// make decodes src once and encodes every op, which must be sorted widest
// first.
func (p *Processor) make(src *Source, ops []Op) ([][]byte, error) {
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
	img, _, err := image.Decode(bytes.NewReader(data))
	p.decoded.Add(1)
	if err != nil {
		return nil, &Error{Path: src.Path, Kind: ErrCorrupt, Err: err}
	}
	data = nil //nolint:ineffassign // let the file's bytes go before resizing
	sizes := make([]image.Point, len(ops))
	for i, op := range ops {
		w, h := storedSize(op.Width, op.Height(), src.Orientation)
		sizes[i] = image.Pt(w, h)
	}
	imgs := resizeChain(img, sizes)
	img = nil //nolint:ineffassign // one decoded picture per worker: drop it before encoding
	out := make([][]byte, len(ops))
	for i, op := range ops {
		b, err := encode(orient(imgs[i], src.Orientation), op.Format, op.Quality)
		imgs[i] = nil
		if err != nil {
			return nil, &Error{Path: src.Path, Kind: ErrWrite, Err: err}
		}
		out[i] = b
	}
	return out, nil
}

// Stats returns the counts so far.
func (p *Processor) Stats() Stats {
	p.mu.Lock()
	n := len(p.usedSrc)
	p.mu.Unlock()
	return Stats{
		Sources: n, Derivatives: int(p.delivered.Load()),
		Made: int(p.made.Load()), Cached: int(p.cached.Load()), Decoded: int(p.decoded.Load()),
		Failed: int(p.failed.Load()), Pruned: int(p.pruned.Load()),
	}
}

// Prune removes every cache entry not delivered since New (or Next) and
// saves the manifest of the sources used. Call it only
// after a successful build: a failed one may not have asked for everything
// the site needs.
func (p *Processor) Prune() error {
	p.mu.Lock()
	keep := make(map[string]bool, len(p.used))
	for k := range p.used {
		keep[k] = true
	}
	usedSrc := make(map[string]bool, len(p.usedSrc))
	for k := range p.usedSrc {
		usedSrc[k] = true
	}
	p.mu.Unlock()
	n, err := p.store.prune(keep)
	p.pruned.Add(int64(n))
	if p.opt.CacheDir != "" {
		err = errors.Join(err, p.manifest.save(p.opt.CacheDir, usedSrc))
	}
	return err
}

// SaveManifest writes what was learnt about sources without pruning, for
// builds that failed.
func (p *Processor) SaveManifest() error {
	if p.opt.CacheDir == "" {
		return nil
	}
	return p.manifest.save(p.opt.CacheDir, nil)
}

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
