package build

import (
	"runtime"
	"runtime/debug"
	"testing"
	"time"
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

// gogcFor lets the heap grow to roomShare of the limit, never pacing
// tighter than Go's default nor looser than maxGOGC.
func TestGOGCFor(t *testing.T) {
	const mib = 1 << 20
	for _, tc := range []struct {
		live  uint64
		limit int64
		want  int
	}{
		{0, 400 * mib, maxGOGC},
		{10 * mib, 400 * mib, maxGOGC},           // a small site: as loose as allowed
		{80 * mib, 400 * mib, 250},               // 10k news: 280 MiB of room share, 80 live
		{100 * mib, 400 * mib, 180},              //
		{140 * mib, 400 * mib, 100},              // exactly twice fits
		{515 * mib, memoryLimitFor(58_500), 100}, // 50k news: paced as Go's default
		{985 * mib, memoryLimitFor(117_000), 100},
		{3000 * mib, 400 * mib, 100}, // over the limit: never below the default
	} {
		if got := gogcFor(tc.live, tc.limit); got != tc.want {
			t.Errorf("gogcFor(%d MiB live, %d MiB limit) = %d, want %d", tc.live/mib, tc.limit/mib, got, tc.want)
		}
	}
}

// paceByRoom changes GOGC after collections and puts the previous one
// back when stopped; GOGC in the environment turns it off.
func TestPaceByRoom(t *testing.T) {
	gogc := func() int {
		v := debug.SetGCPercent(100)
		debug.SetGCPercent(v)
		return v
	}
	before := debug.SetGCPercent(77)
	defer debug.SetGCPercent(before)
	defer debug.SetMemoryLimit(debug.SetMemoryLimit(-1))

	// A limit far above this test's heap: after a collection the pace is
	// as loose as allowed.
	stop := paceByRoom(64 << 30)
	debug.SetGCPercent(150) // what the finalizer must overwrite
	deadline := time.Now().Add(10 * time.Second)
	for gogc() != maxGOGC && time.Now().Before(deadline) {
		runtime.GC()
		time.Sleep(10 * time.Millisecond)
	}
	if got := gogc(); got != maxGOGC {
		t.Errorf("GOGC after collections with room to spare = %d, want %d", got, maxGOGC)
	}
	stop()
	if got := gogc(); got != 77 {
		t.Errorf("GOGC after stopping = %d, want the previous 77", got)
	}
	runtime.GC()
	runtime.GC()
	time.Sleep(20 * time.Millisecond)
	if got := gogc(); got != 77 {
		t.Errorf("GOGC changed after stopping: %d", got)
	}

	t.Setenv("GOGC", "100")
	restore := sizedMemoryLimit(1000)
	runtime.GC()
	time.Sleep(20 * time.Millisecond)
	if got := gogc(); got != 77 {
		t.Errorf("GOGC is set in the environment, yet pacing changed it to %d", got)
	}
	restore()
}
