package render

import (
	"encoding/binary"
	"encoding/gob"
	"fmt"
	"io"
	"math"
	"sync"
	"time"

	"github.com/cespare/xxhash/v2"

	"github.com/dinsos-metro/warta/internal/diag"
	"github.com/dinsos-metro/warta/internal/publish"
	"github.com/dinsos-metro/warta/internal/site"
)

// State remembers, for each job of the last render, a fingerprint of its
// inputs and the files it wrote. A render given the previous State skips
// every job whose fingerprint did not change: that is the whole of
// incremental rebuilding, and a full build is simply a render with no
// previous State, so the two cannot drift apart.
type State struct {
	mu   sync.Mutex
	jobs map[string]jobState

	search searchState // the stems of every page's text (search.go)
}

type jobState struct {
	sum     uint64
	outputs []string
	summary string // a single page's summary, which lists show
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

func (s *State) remove(id string) {
	s.mu.Lock()
	delete(s.jobs, id)
	s.mu.Unlock()
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

// hasher collects a job's inputs into a fingerprint. xxhash is stable
// across runs and machines, so fingerprints can be saved with the State
// and compared by the next `warta build`.
type hasher struct {
	h     *xxhash.Digest
	deps  []string // files of the pages named by dep, when tracking
	shown []string // files of the pages named by shows, when tracking
	keep  bool     // whether to collect deps and shown
}

func newHasher() *hasher { return &hasher{h: xxhash.New()} }

// dep names a page whose body shows in the output (see inputs.go).
func (h *hasher) dep(p *site.Page) *hasher {
	if h.keep && p.File != "" {
		h.deps = append(h.deps, p.File)
	}
	return h
}

// shows names a page whose title, date or place in the site shows in the
// output without its body: a link to it, its sitemap entry (see inputs.go).
func (h *hasher) shows(p *site.Page) *hasher {
	if h.keep && p.File != "" {
		h.shown = append(h.shown, p.File)
	}
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
	return r.cachedOutputs(id, tmpl, inputs, func() ([]string, []diag.Diagnostic) { return outputs, run() })
}

// cachedOutputs is cached for a job that knows what it writes only once it
// has run (the search index, whose folder is named by its content).
func (r *Renderer) cachedOutputs(id, tmpl string, inputs func(h *hasher), run func() ([]string, []diag.Diagnostic)) job {
	j := func() []diag.Diagnostic {
		h := newHasher().u64(r.gen).u64(r.opt.Theme.Sum(tmpl))
		h.keep = r.track.recording
		inputs(h)
		sum := h.sum()
		if h.keep {
			r.track.depend(id, h.deps, h.shown)
		}
		leaf := r.leafByID[id]
		if prev, ok := r.opt.Prev.get(id); ok && prev.sum == sum && r.carry(prev.outputs) {
			if leaf != nil && leaf.Summary == "" {
				leaf.Summary = prev.summary // lists need it; the body was not rendered
			}
			r.state.put(id, prev)
			r.skipped.Add(1)
			return nil
		}
		outputs, ds := run()
		for _, d := range ds {
			if d.Severity == diag.Error {
				r.state.remove(id) // not recorded: the job runs again next time
				return ds
			}
		}
		js := jobState{sum: sum, outputs: outputs}
		if leaf != nil {
			js.summary = leaf.Summary
		}
		if prev, ok := r.opt.Prev.get(id); ok && r.track.on {
			r.track.drop(prev.outputs, outputs)
		}
		r.state.put(id, js)
		return ds
	}
	r.track.register(id, j)
	return j
}

// carry keeps a skipped job's files in the output. A sink that builds a
// new folder (publish.Staging) links them from the previous one; when that
// fails (a file was deleted by hand), the job runs after all.
func (r *Renderer) carry(outputs []string) bool {
	c, ok := r.opt.Sink.(publish.Carrier)
	if !ok {
		return true // the sink keeps what it has (serve's memory)
	}
	return c.Carry(outputs) == nil
}

// stateFormat changes whenever the saved form of State changes.
const stateFormat = 1

type savedState struct {
	Format        int
	Jobs          map[string]savedJob
	SearchTerms   map[string]string
	SearchVersion string
}

type savedJob struct {
	Sum     uint64
	Outputs []string
	Summary string
}

// Save writes the State for the next run of `warta build`.
func (s *State) Save(w io.Writer) error {
	s.mu.Lock()
	out := savedState{Format: stateFormat, Jobs: make(map[string]savedJob, len(s.jobs))}
	for id, js := range s.jobs {
		out.Jobs[id] = savedJob{Sum: js.sum, Outputs: js.outputs, Summary: js.summary}
	}
	s.mu.Unlock()
	s.search.mu.Lock()
	out.SearchTerms, out.SearchVersion = s.search.texts(), s.search.version
	err := gob.NewEncoder(w).Encode(out)
	s.search.mu.Unlock()
	return err
}

// LoadState reads a State saved by Save; a State of another format is an
// error (the caller then builds everything).
func LoadState(r io.Reader) (*State, error) {
	var in savedState
	if err := gob.NewDecoder(r).Decode(&in); err != nil {
		return nil, err
	}
	if in.Format != stateFormat {
		return nil, fmt.Errorf("render state format %d, want %d", in.Format, stateFormat)
	}
	s := NewState()
	for id, j := range in.Jobs {
		s.jobs[id] = jobState{sum: j.Sum, outputs: j.Outputs, summary: j.Summary}
	}
	s.search.load(in.SearchTerms)
	s.search.version = in.SearchVersion
	return s, nil
}
