package build

import (
	"os"
	"runtime"
	"runtime/debug"
	"runtime/metrics"
	"sync"
)

// A build's live memory grows with the site (about 9 KB per source page
// at 50,000 news: the pages' data, the search index's stems, the render
// state), and with Go's default pacing the process holds about twice its
// live heap: 1 GiB of memory for 515 MB live at 50,000 news. A soft limit
// that follows the site's size makes the collector run more often only
// when a large site nears it, so a build of 50,000 news fits in 1 GiB and
// one of 100,000 in 2 GiB; a small site never reaches it, and the limit
// always stays well above the live heap, so the collector never runs
// without pause (docs/BENCHMARKS.md, "Round four").
const (
	memoryBase    = 192 << 20 // the binary, the theme, buffers of the workers
	memoryPerPage = 12 << 10  // per source page: about 1.3 × its live share
)

// memoryLimitFor is the limit for a site of n source pages.
func memoryLimitFor(n int) int64 {
	return memoryBase + int64(n)*memoryPerPage
}

// sizedMemoryLimit sets the soft memory limit for a site of n source
// pages, unless GOMEMLIMIT says otherwise, and paces the collector by the
// room under it (unless GOGC says otherwise). It returns what puts both
// back.
func sizedMemoryLimit(n int) (restore func()) {
	if os.Getenv("GOMEMLIMIT") != "" {
		return func() {}
	}
	limit := memoryLimitFor(n)
	prev := debug.SetMemoryLimit(limit)
	stopPacing := func() {}
	if os.Getenv("GOGC") == "" {
		stopPacing = paceByRoom(limit)
	}
	return func() {
		stopPacing()
		debug.SetMemoryLimit(prev)
	}
}

// Pacing by room. Go collects when the heap has grown by GOGC% over what
// the last collection left live; at 100 a build of 10,000 news spends
// about a fifth of its CPU collecting, while its live heap (about 100 MB)
// is far under the limit. A fixed higher GOGC pays where there is room
// and hurts where there is none: at 100,000 news the heap then grows into
// the limit, and the runtime collects and returns memory without pause
// (GOGC=200 made that build 25% slower, docs/BENCHMARKS.md "Round four").
// So after each collection GOGC is set for the heap to grow up to
// roomShare of the limit, between 100 (Go's default: large sites are paced
// as before) and maxGOGC.
const (
	roomShare = 0.7
	maxGOGC   = 400
)

// gogcFor is the GOGC that lets a heap with live bytes live grow to
// roomShare of limit.
func gogcFor(live uint64, limit int64) int {
	if live == 0 {
		return maxGOGC
	}
	room := roomShare*float64(limit) - float64(live)
	return min(max(int(100*room/float64(live)), 100), maxGOGC)
}

// paceByRoom sets GOGC after every collection from the live heap it left,
// until the returned stop is called, which puts the previous GOGC back.
func paceByRoom(limit int64) (stop func()) {
	var (
		mu      sync.Mutex
		stopped bool
	)
	sample := []metrics.Sample{{Name: "/gc/heap/live:bytes"}}
	prev := debug.SetGCPercent(maxGOGC)
	// A finalizer runs once after the collection that finds its object
	// unreachable; setting it again keeps one running after each.
	var tune func(*gcSentinel)
	tune = func(s *gcSentinel) {
		mu.Lock()
		defer mu.Unlock()
		if stopped {
			return
		}
		metrics.Read(sample)
		if sample[0].Value.Kind() == metrics.KindUint64 {
			debug.SetGCPercent(gogcFor(sample[0].Value.Uint64(), limit))
		}
		runtime.SetFinalizer(s, tune)
	}
	runtime.SetFinalizer(&gcSentinel{}, tune)
	return func() {
		mu.Lock()
		defer mu.Unlock()
		stopped = true
		debug.SetGCPercent(prev)
	}
}

// gcSentinel is an object no one holds, so that each collection finds it.
// It is 16 bytes: the runtime packs smaller objects without pointers
// together and may never run their finalizers.
type gcSentinel struct{ _ [16]byte }
