package imageproc

import (
	"errors"
	"io/fs"
	"runtime"
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
	used    map[string]bool // keys delivered
	kept    map[string]bool // keys kept without delivery (Keep)
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
		kept:     map[string]bool{},
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
		sources: map[string]*probeResult{}, used: map[string]bool{}, kept: map[string]bool{}, usedSrc: map[string]bool{},
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

// Keep marks cache entries as in use without delivering them: the
// derivatives of pages a build did not render again (their files are
// carried over from the previous output) must survive Prune.
func (p *Processor) Keep(keys ...string) {
	p.mu.Lock()
	for _, k := range keys {
		p.kept[k] = true
	}
	p.mu.Unlock()
}

// Prune removes every cache entry not delivered or kept since New (or
// Next) and saves the manifest of the sources used. Call it only
// after a successful build: a failed one may not have asked for everything
// the site needs.
func (p *Processor) Prune() error {
	p.mu.Lock()
	keep := make(map[string]bool, len(p.used)+len(p.kept))
	for k := range p.used {
		keep[k] = true
	}
	for k := range p.kept {
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
