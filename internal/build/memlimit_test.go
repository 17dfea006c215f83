package build

import (
	"runtime/debug"
	"testing"
)

// TestSizedMemoryLimit: the limit follows the site's size, stays above
// what a build of that size holds live (about 9 KB per source page at
// 50,000 news, 515 MB), is put back afterwards, and GOMEMLIMIT wins.
func TestSizedMemoryLimit(t *testing.T) {
	for _, tc := range []struct {
		sources int
		atLeast int64 // live heap measured (or extrapolated) × 1.5
	}{
		{11_700, 150 << 20},   // 10k news: 95 MB live
		{58_500, 772 << 20},   // 50k news: 515 MB live
		{117_000, 1545 << 20}, // 100k news: linear growth
	} {
		if got := memoryLimitFor(tc.sources); got < tc.atLeast {
			t.Errorf("limit for %d source pages is %d MiB, below 1.5 × their live heap (%d MiB)", tc.sources, got>>20, tc.atLeast>>20)
		}
	}
	if memoryLimitFor(58_500) > 1<<30-100<<20 {
		t.Errorf("limit for 50k news is %d MiB: no room under 1 GiB for what the runtime does not count", memoryLimitFor(58_500)>>20)
	}

	before := debug.SetMemoryLimit(-1)
	restore := sizedMemoryLimit(1000)
	if got := debug.SetMemoryLimit(-1); got != memoryLimitFor(1000) {
		t.Errorf("limit while building %d, want %d", got, memoryLimitFor(1000))
	}
	restore()
	if got := debug.SetMemoryLimit(-1); got != before {
		t.Errorf("limit after the build %d, want the previous %d", got, before)
	}

	t.Setenv("GOMEMLIMIT", "4GiB")
	restore = sizedMemoryLimit(1000)
	if got := debug.SetMemoryLimit(-1); got != before {
		t.Errorf("GOMEMLIMIT is set, yet the limit changed to %d", got)
	}
	restore()
}
