package render

import (
	"encoding/binary"
	"hash/maphash"
	"math"
	"sync"
	"time"

	"github.com/dinsos-metro/warta/internal/diag"
)

// State remembers, for each job of the last render, a fingerprint of its
// inputs and the files it wrote. A render given the previous State skips
// every job whose fingerprint did not change: that is the whole of
// incremental rebuilding, and a full build is simply a render with no
// previous State, so the two cannot drift apart.
type State struct {
	mu   sync.Mutex
	jobs map[string]jobState
}

type jobState struct {
	sum     uint64
	outputs []string
}

// NewState returns an empty State (everything renders).
func NewState() *State { return &State{jobs: map[string]jobState{}} }

func (s *State) get(id string) (jobState, bool) {
	if s == nil {
		return jobState{}, false
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	js, ok := s.jobs[id]
	return js, ok
}

func (s *State) put(id string, js jobState) {
	s.mu.Lock()
	s.jobs[id] = js
	s.mu.Unlock()
}

// Outputs lists every file the jobs of this State stand for.
func (s *State) Outputs() map[string]bool {
	s.mu.Lock()
	defer s.mu.Unlock()
	out := map[string]bool{}
	for _, js := range s.jobs {
		for _, o := range js.outputs {
			out[o] = true
		}
	}
	return out
}

// Len counts the jobs.
func (s *State) Len() int {
	s.mu.Lock()
	defer s.mu.Unlock()
	return len(s.jobs)
}

// hasher collects a job's inputs into a fingerprint.
type hasher struct{ h maphash.Hash }

var hashSeed = maphash.MakeSeed()

func newHasher() *hasher {
	h := &hasher{}
	h.h.SetSeed(hashSeed)
	return h
}

func (h *hasher) str(ss ...string) *hasher {
	for _, s := range ss {
		h.u64(uint64(len(s)))
		h.h.WriteString(s)
	}
	return h
}

func (h *hasher) u64(v uint64) *hasher {
	var b [8]byte
	binary.LittleEndian.PutUint64(b[:], v)
	h.h.Write(b[:])
	return h
}

func (h *hasher) int(v int) *hasher { return h.u64(uint64(v)) }

func (h *hasher) float(f float64) *hasher { return h.u64(math.Float64bits(f)) }

func (h *hasher) time(t time.Time) *hasher {
	return h.u64(uint64(t.UnixNano())).str(t.Location().String())
}

func (h *hasher) bool(b bool) *hasher {
	if b {
		return h.u64(1)
	}
	return h.u64(0)
}

func (h *hasher) sum() uint64 { return h.h.Sum64() }

// cached wraps a job: it runs only when the fingerprint of its inputs
// differs from the previous render's, and records what it wrote. tmpl is
// the page template, whose own fingerprint is part of the job's; inputs
// adds everything else the output depends on. id is the job's main output.
func (r *Renderer) cached(id, tmpl string, outputs []string, inputs func(h *hasher), run job) job {
	return func() []diag.Diagnostic {
		h := newHasher().u64(r.gen).u64(r.opt.Theme.Sum(tmpl))
		inputs(h)
		sum := h.sum()
		if prev, ok := r.opt.Prev.get(id); ok && prev.sum == sum {
			r.state.put(id, prev)
			r.skipped.Add(1)
			return nil
		}
		ds := run()
		for _, d := range ds {
			if d.Severity == diag.Error {
				return ds // not recorded: the job runs again next time
			}
		}
		r.state.put(id, jobState{sum: sum, outputs: outputs})
		return ds
	}
}
