package build

import (
	"os"
	"runtime/debug"
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
// pages, unless GOMEMLIMIT says otherwise, and returns what puts the
// previous limit back.
func sizedMemoryLimit(n int) (restore func()) {
	if os.Getenv("GOMEMLIMIT") != "" {
		return func() {}
	}
	prev := debug.SetMemoryLimit(memoryLimitFor(n))
	return func() { debug.SetMemoryLimit(prev) }
}
