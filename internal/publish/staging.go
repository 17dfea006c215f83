package publish

import (
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path"
	"path/filepath"
	"slices"
	"strings"
	"sync"
)

// Staging is a Sink that builds the new site in a temporary folder beside
// the output folder, then swaps it in.
//
// The previous site, swapped out by Commit, is kept beside the output
// folder as a spare (.warta-spare-<out>-<digits>/site) and the next build
// writes into it instead of into an empty folder: its page folders exist
// already and its files are overwritten where they are, which costs a
// fraction of making folders and files anew and of deleting the old tree
// (issue 17). A file there that is a hard link (Carry links the live
// site's files) is unlinked first, never written through; files and
// folders the new build does not make are removed before the swap.
type Staging struct {
	out string // the output folder
	dir string // the folder being written

	mu      sync.Mutex
	made    map[string]bool // folders known to exist, by slash path
	names   map[string]bool // files written, by slash path
	reusing bool            // dir is a previous site (the spare)
	spare   chan tree       // what the spare held, listed in the background

	removals sync.WaitGroup // old sites being removed (Wait)
}

// tree is what a folder holds, as slash paths below it.
type tree struct{ files, dirs []string }

const (
	stagingPrefix = ".warta-staging-" // a site being written
	oldPrefix     = ".warta-old-"     // a replaced site being removed
	sparePrefix   = ".warta-spare-"   // a replaced site kept for the next build
)

// NewStaging prepares a staging folder for out: the spare the previous
// Commit left, or a new folder. Leftovers of builds that were killed
// before they could clean up are removed first: staging folders at once,
// previous sites whose removal an earlier process did not finish (and
// spares beyond the one taken) in the background.
func NewStaging(out string) (*Staging, error) {
	out, err := filepath.Abs(out)
	if err != nil {
		return nil, err
	}
	parent := filepath.Dir(out)
	if err := os.MkdirAll(parent, 0o755); err != nil {
		return nil, err
	}
	prefix := stagingPrefix + filepath.Base(out) + "-"
	for _, o := range leftovers(parent, prefix) {
		_ = os.RemoveAll(o)
	}
	dir, err := os.MkdirTemp(parent, prefix)
	if err != nil {
		return nil, err
	}
	s := &Staging{out: out, dir: dir, made: map[string]bool{".": true}, names: map[string]bool{}}
	spares := leftovers(parent, sparePrefix+filepath.Base(out)+"-")
	if canReuse {
		for i, sp := range spares {
			// Taking it is one rename: of two builds of the same output
			// folder at once, one gets it and the other an empty folder.
			if takeSpare(filepath.Join(sp, "site"), dir) == nil {
				s.reusing = true
				_ = os.Remove(sp)
				spares = slices.Delete(spares, i, i+1)
				break
			}
		}
	}
	if err := os.Chmod(dir, 0o755); err != nil {
		_ = os.RemoveAll(dir)
		return nil, err
	}
	if s.reusing {
		s.spare = make(chan tree, 1)
		go func() { s.spare <- list(dir) }()
	}
	if err := s.Write(Marker, []byte(markerText)); err != nil {
		_ = s.Abort()
		return nil, err
	}
	for _, o := range append(leftovers(parent, oldPrefix+filepath.Base(out)+"-"), spares...) {
		s.removeInBackground(o)
	}
	return s, nil
}

// list walks dir. It runs while the build writes into dir: what the build
// adds or replaces may be listed or not, which does not matter, since only
// what the build did not write is used; what it did not touch is listed.
func list(dir string) tree {
	var t tree
	_ = filepath.WalkDir(dir, func(p string, d fs.DirEntry, err error) error {
		if err != nil || p == dir {
			return nil
		}
		rel, _ := filepath.Rel(dir, p)
		rel = filepath.ToSlash(rel)
		if d.IsDir() {
			t.dirs = append(t.dirs, rel)
		} else {
			t.files = append(t.files, rel)
		}
		return nil
	})
	return t
}

// leftovers are the folders in parent named prefix and the digits
// os.MkdirTemp puts in place of its "*". Other names are left alone: the
// ones of another output folder (".warta-staging-public-2-…" when out is
// "public"), or a user's own.
func leftovers(parent, prefix string) []string {
	entries, err := os.ReadDir(parent)
	if err != nil {
		return nil
	}
	var found []string
	for _, e := range entries {
		rest, ok := strings.CutPrefix(e.Name(), prefix)
		if ok && e.IsDir() && rest != "" && strings.Trim(rest, "0123456789") == "" {
			found = append(found, filepath.Join(parent, e.Name()))
		}
	}
	return found
}

// Dir is the folder being written.
func (s *Staging) Dir() string { return s.dir }

// Out is the output folder.
func (s *Staging) Out() string { return s.out }

// Written counts the files written so far (each name once).
func (s *Staging) Written() int {
	s.mu.Lock()
	defer s.mu.Unlock()
	n := len(s.names)
	if s.names[Marker] {
		n-- // not one of the site's files
	}
	return n
}

func (s *Staging) prepare(name string) (string, error) {
	if err := CheckName(name); err != nil {
		return "", err
	}
	if err := s.mkdir(path.Dir(name)); err != nil {
		return "", err
	}
	return filepath.Join(s.dir, filepath.FromSlash(name)), nil
}

// mkdir makes the folder dir (a slash path) and its missing parents, each
// once per build. Almost every page has a folder of its own, and by the
// time it is made its parent is known to exist: one mkdir call instead of
// MkdirAll's stat, stat of the parent and mkdir. In a spare most folders
// exist: one lstat says so, and that it is a folder, not a link.
func (s *Staging) mkdir(dir string) error {
	s.mu.Lock()
	made := s.made[dir]
	s.mu.Unlock()
	if made {
		return nil
	}
	if err := s.mkdir(path.Dir(dir)); err != nil {
		return err
	}
	full := filepath.Join(s.dir, filepath.FromSlash(dir))
	if s.reusing {
		info, err := os.Lstat(full)
		switch {
		case err == nil && info.IsDir():
			s.noteDir(dir)
			return nil
		case err == nil && !s.wrote(dir):
			// A file (or a link) of the previous site where this one has
			// a folder: the name is removed, what a link points to stays.
			if err := os.Remove(full); err != nil && !errors.Is(err, fs.ErrNotExist) {
				return err
			}
		}
	}
	if err := os.Mkdir(full, 0o755); err != nil {
		// Made just now by another writer is fine; a file (or a link)
		// in the way is not.
		info, lerr := os.Lstat(full)
		if !errors.Is(err, fs.ErrExist) || lerr != nil || !info.IsDir() {
			return err
		}
	}
	s.noteDir(dir)
	return nil
}

func (s *Staging) noteDir(dir string) {
	s.mu.Lock()
	s.made[dir] = true
	s.mu.Unlock()
}

func (s *Staging) wrote(name string) bool {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.names[name]
}

func (s *Staging) Write(name string, data []byte) error {
	full, err := s.prepare(name)
	if err != nil {
		return err
	}
	f, size, err := s.open(name, full)
	if err != nil {
		return err
	}
	if _, err := f.Write(data); err != nil {
		f.Close()
		return err
	}
	return s.finish(name, f, size, int64(len(data)))
}

// finish cuts an overwritten file to the n bytes just written and closes
// it.
func (s *Staging) finish(name string, f *os.File, size, n int64) error {
	if size > n {
		if err := f.Truncate(n); err != nil {
			f.Close()
			return err
		}
	}
	if err := f.Close(); err != nil {
		return err
	}
	s.count(name)
	return nil
}

// open opens the file name (at full) for writing from its start, and
// says how long it was. In a spare, the previous site's file is
// overwritten where it is when it is a plain file with no other name: no
// new directory entry, inode or blocks. One with another name (a hard
// link into the site online, made by Carry) is unlinked and made anew:
// no write ever reaches the site that is online before Commit. Anything
// else in the way (a folder, a symbolic link) is removed, unless this
// build made it.
func (s *Staging) open(name, full string) (*os.File, int64, error) {
	if s.reusing {
		f, err := openExisting(full)
		if err == nil {
			info, err := f.Stat()
			if err == nil && info.Mode().IsRegular() && links(info) == 1 {
				return f, info.Size(), nil
			}
			f.Close()
		}
		if !errors.Is(err, fs.ErrNotExist) {
			s.mu.Lock()
			ours := s.made[name]
			s.mu.Unlock()
			if ours {
				return nil, 0, fmt.Errorf("%s: a folder of this build is in the way", name)
			}
			if err := os.RemoveAll(full); err != nil {
				return nil, 0, err
			}
		}
	}
	f, err := create(full)
	return f, 0, err
}

// create makes a new file at full. A file already there may be a hard link
// into the output folder (see Carry: a job whose carrying failed half-way
// runs after all, two jobs may share an output): it is unlinked first, so
// that no write ever reaches the site that is online before Commit.
func create(full string) (*os.File, error) {
	f, err := os.OpenFile(full, os.O_WRONLY|os.O_CREATE|os.O_EXCL, 0o644)
	if errors.Is(err, fs.ErrExist) {
		if err := os.Remove(full); err != nil {
			return nil, err
		}
		f, err = os.OpenFile(full, os.O_WRONLY|os.O_CREATE|os.O_EXCL, 0o644)
	}
	return f, err
}

func (s *Staging) Copy(name string, src fs.FS, srcPath string) error {
	full, err := s.prepare(name)
	if err != nil {
		return err
	}
	r, err := src.Open(srcPath)
	if err != nil {
		return err
	}
	defer r.Close()
	f, size, err := s.open(name, full)
	if err != nil {
		return err
	}
	n, err := io.Copy(f, r)
	if err != nil {
		f.Close()
		return err
	}
	return s.finish(name, f, size, n)
}

func (s *Staging) count(name string) {
	s.mu.Lock()
	s.names[name] = true
	s.mu.Unlock()
}

// removeStale removes from a spare what the previous site had and this
// build did not write, so that the swap puts exactly this build's files
// online.
func (s *Staging) removeStale() error {
	if !s.reusing {
		return nil
	}
	old := <-s.spare
	s.spare <- old // Commit may be called again after a failure
	s.mu.Lock()
	defer s.mu.Unlock()
	// A folder this build did not make goes whole; its parent, if made,
	// stays. One whose parent is not made went with an ancestor.
	for _, d := range old.dirs {
		if s.made[d] || s.names[d] || !s.made[path.Dir(d)] {
			continue // made, now a file, or gone with an ancestor
		}
		if err := os.RemoveAll(filepath.Join(s.dir, filepath.FromSlash(d))); err != nil {
			return err
		}
	}
	for _, f := range old.files {
		if s.names[f] || s.made[f] || !s.made[path.Dir(f)] {
			continue // written, now a folder, or gone with its folder
		}
		if err := os.Remove(filepath.Join(s.dir, filepath.FromSlash(f))); err != nil && !errors.Is(err, fs.ErrNotExist) {
			return err
		}
	}
	return nil
}

// Commit puts the staged site in place of the output folder. On Linux
// the swap is a single atomic rename. The previous site is kept as the
// next build's spare where files can be overwritten in place (canReuse),
// and removed in the background elsewhere (Wait waits for it).
func (s *Staging) Commit() error {
	if err := s.removeStale(); err != nil {
		return err
	}
	info, err := os.Lstat(s.out)
	switch {
	case errors.Is(err, fs.ErrNotExist):
		return os.Rename(s.dir, s.out)
	case err != nil:
		return err
	case !info.IsDir():
		return fmt.Errorf("%s exists and is not a folder", s.out)
	}
	if err := exchange(s.dir, s.out); err != nil {
		return err
	}
	// s.dir now holds the previous site. It goes into a folder of its own
	// beside the output folder, .warta-spare-<out>-<digits>/site (or
	// .warta-old-… to be removed): MkdirTemp makes that name fresh, so no
	// other build touches it until it is complete. Removing it costs
	// nearly as much as writing it, and the build is done, so a removal
	// runs in the background; no later build touches it while this
	// process removes it: NewStaging's clean-up of leftovers skips the
	// removals this process has running (removing). If the process ends
	// first (the command exits right after Commit), the next NewStaging
	// for the same output folder removes the rest. If the rename fails,
	// the old site is removed here.
	prefix := oldPrefix
	if canReuse {
		prefix = sparePrefix
	}
	old, err := os.MkdirTemp(filepath.Dir(s.out), prefix+filepath.Base(s.out)+"-")
	if err == nil {
		if err = os.Rename(s.dir, filepath.Join(old, "site")); err != nil {
			_ = os.Remove(old)
		}
	}
	if err != nil {
		return os.RemoveAll(s.dir)
	}
	if !canReuse {
		s.removeInBackground(old)
	}
	return nil
}

// removing are the folders that removals in this process are working on.
// It is shared by every Staging: a removal outlives the build that began
// it.
var removing sync.Map

// removeInBackground removes dir, unless a removal of it is running
// already. What cannot be removed is left for the next build to try.
func (s *Staging) removeInBackground(dir string) {
	if _, busy := removing.LoadOrStore(dir, true); busy {
		return
	}
	s.removals.Go(func() {
		_ = os.RemoveAll(dir)
		removing.Delete(dir)
	})
}

// Wait waits for the removals this Staging began: the previous site
// after Commit, and leftovers of earlier builds found by NewStaging.
func (s *Staging) Wait() { s.removals.Wait() }

// Abort removes the staging folder; the output folder is untouched.
func (s *Staging) Abort() error { return os.RemoveAll(s.dir) }

// renameSwap exchanges two folders with two renames, for systems without
// an atomic exchange. The previous site is restored if the second fails.
func renameSwap(staged, out string) error {
	old := staged + ".old"
	if err := os.Rename(out, old); err != nil {
		return err
	}
	if err := os.Rename(staged, out); err != nil {
		_ = os.Rename(old, out)
		return err
	}
	return os.Rename(old, staged)
}

// isInside reports whether p is dir or below it.
func isInside(p, dir string) bool {
	rel, err := filepath.Rel(dir, p)
	return err == nil && rel != ".." && !strings.HasPrefix(rel, ".."+string(filepath.Separator))
}
