package main

import (
	"crypto/sha256"
	"encoding/hex"
	"io"
	"os"
	"path/filepath"
	"sync"

	"github.com/dinsos-metro/warta/internal/publish"
	"github.com/dinsos-metro/warta/internal/render"
)

// The render state of the last successful build of an output folder is
// kept in the site's cache folder, so that the next `warta build` carries
// unchanged pages over (hard links, no re-rendering, no rewriting) instead
// of making them again.

// statePath is the state file of one output folder.
func statePath(src, out string) string {
	abs, err := filepath.Abs(out)
	if err != nil {
		abs = out
	}
	sum := sha256.Sum256([]byte(abs))
	return filepath.Join(src, ".cache", "warta", "render-"+hex.EncodeToString(sum[:6])+".state")
}

// loadState returns the saved state, or nil when there is none, it cannot
// be read, or the output folder it describes is gone.
func loadState(src, out string) *render.State {
	if _, err := os.Stat(out); err != nil {
		return nil
	}
	f, err := os.Open(statePath(src, out))
	if err != nil {
		return nil
	}
	defer f.Close()
	st, err := render.LoadState(f)
	if err != nil {
		return nil
	}
	return st
}

// saveState writes the state atomically; failing to save only costs the
// next build its speed, so errors are ignored.
func saveState(src, out string, st *render.State) {
	if st == nil {
		return
	}
	p := statePath(src, out)
	if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
		return
	}
	tmp, err := os.CreateTemp(filepath.Dir(p), ".render-*.tmp")
	if err != nil {
		return
	}
	if err := st.Save(tmp); err != nil || tmp.Close() != nil {
		os.Remove(tmp.Name())
		return
	}
	if err := os.Rename(tmp.Name(), p); err != nil {
		os.Remove(tmp.Name())
	}
}

// forgetState removes the state, for builds whose output is not the
// previous output plus the state's promises.
func forgetState(src, out string) { os.Remove(statePath(src, out)) }

var toolOnce = sync.OnceValue(func() string {
	// The binary's own hash: a rebuilt warta may render differently, so
	// its fingerprints must not match an older binary's.
	exe, err := os.Executable()
	if err != nil {
		return "unknown"
	}
	f, err := os.Open(exe)
	if err != nil {
		return "unknown"
	}
	defer f.Close()
	h := sha256.New()
	if _, err := io.Copy(h, f); err != nil {
		return "unknown"
	}
	return hex.EncodeToString(h.Sum(nil)[:12])
})

// ownsOutput reports whether a build may replace the output folder without
// --force: it is missing or empty, or a warta build made it. Builds leave
// publish.Marker in it; a folder built before the marker existed is known
// by its saved render state.
func ownsOutput(src, out string) bool {
	if publish.CheckOwned(out) == nil {
		return true
	}
	_, err := os.Stat(statePath(src, out))
	return err == nil
}
