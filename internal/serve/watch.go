package serve

import (
	"context"
	"io/fs"
	"maps"
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"time"

	"github.com/fsnotify/fsnotify"

	"github.com/dinsos-metro/warta/internal/build"
)

// watcher turns file system events below the site folder into batched
// build.Changes. Editors save in many ways (write twice, write a temporary
// file and rename it over the original), so events are collected until
// the folder has been quiet for the debounce time, and what a path is
// (changed, created, gone) is decided by looking at it then.
type watcher struct {
	fs   *fsnotify.Watcher
	root string
}

// watched are the folders whose changes matter.
var watched = []string{"content", "layouts", "assets", "data"}

func newWatcher(root string) (*watcher, error) {
	w, err := fsnotify.NewWatcher()
	if err != nil {
		return nil, err
	}
	wt := &watcher{fs: w, root: root}
	if err := w.Add(root); err != nil { // site.yaml, and folders created later
		w.Close()
		return nil, err
	}
	for _, dir := range watched {
		wt.addTree(filepath.Join(root, dir))
	}
	return wt, nil
}

// addTree watches a folder and every folder below it.
func (w *watcher) addTree(dir string) {
	_ = filepath.WalkDir(dir, func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			return nil
		}
		if d.IsDir() {
			if p != dir && ignored(d.Name()) {
				return filepath.SkipDir
			}
			_ = w.fs.Add(p)
		}
		return nil
	})
}

// ignored names are editor and system leftovers.
func ignored(name string) bool {
	return strings.HasPrefix(name, ".") || strings.HasSuffix(name, "~") || strings.HasSuffix(name, ".swp") ||
		strings.HasSuffix(name, ".tmp") || name == "4913"
}

func (w *watcher) run(ctx context.Context, debounce time.Duration, rebuild func(build.Change, string)) {
	defer w.fs.Close()
	pending := map[string]bool{}
	timer := time.NewTimer(time.Hour)
	timer.Stop()
	for {
		select {
		case <-ctx.Done():
			return
		case ev, ok := <-w.fs.Events:
			if !ok {
				return
			}
			rel, err := filepath.Rel(w.root, ev.Name)
			if err != nil || ignored(filepath.Base(ev.Name)) {
				continue
			}
			rel = filepath.ToSlash(rel)
			if !relevant(rel) {
				continue
			}
			if ev.Has(fsnotify.Create) {
				if info, err := os.Stat(ev.Name); err == nil && info.IsDir() {
					w.addTree(ev.Name) // a new folder: watch it and what is already in it
				}
			}
			pending[rel] = true
			timer.Reset(debounce)
		case <-w.fs.Errors:
			// A lost event is repaired by the next full look (Rescan).
			pending["content"] = true
			timer.Reset(debounce)
		case <-timer.C:
			ch, what := w.classify(pending)
			pending = map[string]bool{}
			rebuild(ch, what)
		}
	}
}

func relevant(rel string) bool {
	if rel == "site.yaml" {
		return true
	}
	for _, dir := range watched {
		if rel == dir || strings.HasPrefix(rel, dir+"/") {
			return true
		}
	}
	return false
}

// classify decides what a batch of paths means for the build.
func (w *watcher) classify(pending map[string]bool) (build.Change, string) {
	var ch build.Change
	paths := slices.Sorted(maps.Keys(pending))
	for _, rel := range paths {
		switch {
		case rel == "site.yaml", rel == "data" || strings.HasPrefix(rel, "data/"):
			ch.Config = true // data/sekolah.yaml is read with the settings
		case rel == "layouts" || strings.HasPrefix(rel, "layouts/"):
			ch.Layouts = true
		case rel == "assets" || strings.HasPrefix(rel, "assets/"):
			ch.Assets = true
		default:
			info, err := os.Stat(filepath.Join(w.root, filepath.FromSlash(rel)))
			if err != nil || info.IsDir() {
				ch.Rescan = true // gone, or a folder: look at everything again
				continue
			}
			ch.Files = append(ch.Files, rel)
		}
	}
	return ch, describe(paths)
}

func describe(paths []string) string {
	if len(paths) == 0 {
		return ""
	}
	if len(paths) == 1 {
		return paths[0]
	}
	return paths[0] + " +" + strconv.Itoa(len(paths)-1)
}
