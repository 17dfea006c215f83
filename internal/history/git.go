package history

import (
	"errors"
	"fmt"
	"io"
	"path"
	"path/filepath"
	"sort"
	"strings"
	"time"

	"github.com/go-git/go-git/v5"
	"github.com/go-git/go-git/v5/plumbing"
	"github.com/go-git/go-git/v5/plumbing/filemode"
	"github.com/go-git/go-git/v5/plumbing/format/index"
	"github.com/go-git/go-git/v5/plumbing/object"
	"github.com/go-git/go-git/v5/plumbing/storer"

	"github.com/dinsos-metro/warta/internal/diag"
)

// gitRepo commits saves straight into the repository's objects: a tree
// made from HEAD's with only the saved files changed, so other staged or
// unstaged work stays out of the commit (and out of its way).
type gitRepo struct {
	repo   *git.Repository
	prefix string // the site folder inside the work tree, "" at its top
}

func openGit(siteDir string) (*gitRepo, error) {
	repo, err := git.PlainOpenWithOptions(siteDir, &git.PlainOpenOptions{DetectDotGit: true})
	if errors.Is(err, git.ErrRepositoryNotExists) {
		return nil, nil
	}
	if err != nil {
		return nil, fmt.Errorf("%s: reading the git repository: %w", siteDir, err)
	}
	wt, err := repo.Worktree()
	if err != nil {
		return nil, nil // a bare repository: keep history in .warta/
	}
	top, err := filepath.EvalSymlinks(wt.Filesystem.Root())
	if err != nil {
		return nil, err
	}
	site, err := filepath.Abs(siteDir)
	if err == nil {
		site, err = filepath.EvalSymlinks(site)
	}
	if err != nil {
		return nil, err
	}
	prefix, err := filepath.Rel(top, site)
	if err != nil || strings.HasPrefix(prefix, "..") {
		return nil, fmt.Errorf("%s is not inside the git work tree %s", siteDir, top)
	}
	if prefix == "." {
		prefix = ""
	}
	return &gitRepo{repo: repo, prefix: filepath.ToSlash(prefix)}, nil
}

func (g *gitRepo) path(rel string) string { return path.Join(g.prefix, rel) }

// head gives the branch HEAD points at (or HEAD itself when detached) and
// its commit, nil on an unborn branch.
func (g *gitRepo) head() (plumbing.ReferenceName, *object.Commit, error) {
	st := g.repo.Storer
	ref, err := st.Reference(plumbing.HEAD)
	if err != nil {
		return "", nil, err
	}
	name := plumbing.HEAD
	if ref.Type() == plumbing.SymbolicReference {
		name = ref.Target()
		ref, err = st.Reference(name)
		if errors.Is(err, plumbing.ErrReferenceNotFound) {
			return name, nil, nil
		}
		if err != nil {
			return "", nil, err
		}
	}
	c, err := object.GetCommit(st, ref.Hash())
	return name, c, err
}

// commit records files (written) and removed paths as one commit.
func (g *gitRepo) commit(files []File, removed []string, who Author, message string, when time.Time) (string, error) {
	st := g.repo.Storer
	refName, parent, err := g.head()
	if err != nil {
		return "", err
	}
	var tree *object.Tree
	if parent != nil {
		if tree, err = parent.Tree(); err != nil {
			return "", err
		}
	}
	changes := map[string]*plumbing.Hash{} // path in the repo -> blob, nil: remove
	for _, f := range files {
		h, err := g.blob(f.Data)
		if err != nil {
			return "", err
		}
		changes[g.path(f.Rel)] = &h
	}
	for _, rel := range removed {
		changes[g.path(rel)] = nil
	}
	root, err := g.writeTree(tree, "", changes)
	if err != nil {
		return "", err
	}
	if parent != nil && root == parent.TreeHash {
		// Nothing changed for git (bytes saved as they were): no empty commit.
		return parent.Hash.String(), g.updateIndex(files, removed, changes)
	}
	sig := object.Signature{Name: who.Name, Email: who.Email, When: when}
	c := &object.Commit{Author: sig, Committer: sig, Message: message + "\n", TreeHash: root}
	if parent != nil {
		c.ParentHashes = []plumbing.Hash{parent.Hash}
	}
	obj := st.NewEncodedObject()
	if err := c.Encode(obj); err != nil {
		return "", err
	}
	id, err := st.SetEncodedObject(obj)
	if err != nil {
		return "", err
	}
	newRef := plumbing.NewHashReference(refName, id)
	if parent != nil {
		err = st.CheckAndSetReference(newRef, plumbing.NewHashReference(refName, parent.Hash))
	} else {
		err = st.SetReference(newRef)
	}
	if err != nil {
		return "", fmt.Errorf("the branch moved while saving; save again: %w", err)
	}
	return id.String(), g.updateIndex(files, removed, changes)
}

func (g *gitRepo) blob(data []byte) (plumbing.Hash, error) {
	obj := g.repo.Storer.NewEncodedObject()
	obj.SetType(plumbing.BlobObject)
	obj.SetSize(int64(len(data)))
	w, err := obj.Writer()
	if err != nil {
		return plumbing.ZeroHash, err
	}
	if _, err := w.Write(data); err != nil {
		return plumbing.ZeroHash, err
	}
	if err := w.Close(); err != nil {
		return plumbing.ZeroHash, err
	}
	return g.repo.Storer.SetEncodedObject(obj)
}

// writeTree writes tree (nil: empty) at dir with changes applied below it.
func (g *gitRepo) writeTree(tree *object.Tree, dir string, changes map[string]*plumbing.Hash) (plumbing.Hash, error) {
	entries := map[string]object.TreeEntry{}
	if tree != nil {
		for _, e := range tree.Entries {
			entries[e.Name] = e
		}
	}
	sub := map[string]bool{} // child folders with changes
	for p, h := range changes {
		rest, ok := strings.CutPrefix(p, dir)
		if !ok {
			continue
		}
		if name, _, deeper := strings.Cut(rest, "/"); deeper {
			sub[name] = true
		} else if h == nil {
			delete(entries, name)
		} else {
			mode := filemode.Regular
			if e, ok := entries[name]; ok && e.Mode == filemode.Executable {
				mode = e.Mode
			}
			entries[name] = object.TreeEntry{Name: name, Mode: mode, Hash: *h}
		}
	}
	for name := range sub {
		var child *object.Tree
		if e, ok := entries[name]; ok && e.Mode == filemode.Dir {
			t, err := object.GetTree(g.repo.Storer, e.Hash)
			if err != nil {
				return plumbing.ZeroHash, err
			}
			child = t
		}
		h, err := g.writeTree(child, dir+name+"/", changes)
		if err != nil {
			return plumbing.ZeroHash, err
		}
		if h == emptyTree {
			delete(entries, name)
			continue
		}
		entries[name] = object.TreeEntry{Name: name, Mode: filemode.Dir, Hash: h}
	}
	t := &object.Tree{}
	for _, e := range entries {
		t.Entries = append(t.Entries, e)
	}
	sort.Sort(object.TreeEntrySorter(t.Entries))
	if len(t.Entries) == 0 && dir != "" {
		return emptyTree, nil
	}
	obj := g.repo.Storer.NewEncodedObject()
	if err := t.Encode(obj); err != nil {
		return plumbing.ZeroHash, err
	}
	return g.repo.Storer.SetEncodedObject(obj)
}

// emptyTree marks a folder left with nothing: git keeps no empty folders.
var emptyTree = plumbing.NewHash("4b825dc642cb6eb9a060e54bf8d69288fbee4904")

// updateIndex makes the index agree with the commit for the saved paths
// only, so `git status` shows them clean and nothing else changes.
func (g *gitRepo) updateIndex(files []File, removed []string, changes map[string]*plumbing.Hash) error {
	st := g.repo.Storer
	idx, err := st.Index()
	if err != nil {
		return err
	}
	wt, _ := g.repo.Worktree()
	for p, h := range changes {
		if h == nil {
			_, _ = idx.Remove(p)
			continue
		}
		e, err := idx.Entry(p)
		if errors.Is(err, index.ErrEntryNotFound) {
			e = idx.Add(p)
		} else if err != nil {
			return err
		}
		e.Hash, e.Mode = *h, filemode.Regular
		e.Stage = 0 // git's "normal" (go-git's Merged constant is 1, the ancestor stage)
		if info, err := wt.Filesystem.Lstat(p); err == nil {
			e.Size, e.ModifiedAt, e.CreatedAt = uint32(info.Size()), info.ModTime(), info.ModTime()
			fillStat(e, info)
		}
	}
	sort.Slice(idx.Entries, func(i, j int) bool { return idx.Entries[i].Name < idx.Entries[j].Name })
	return st.SetIndex(idx)
}

// headFile reads rel as HEAD has it.
func (g *gitRepo) headFile(rel string) ([]byte, bool, error) {
	_, c, err := g.head()
	if err != nil || c == nil {
		return nil, false, err
	}
	return fileAt(c, g.path(rel))
}

func fileAt(c *object.Commit, p string) ([]byte, bool, error) {
	f, err := c.File(p)
	if errors.Is(err, object.ErrFileNotFound) || errors.Is(err, plumbing.ErrObjectNotFound) {
		return nil, false, nil
	}
	if err != nil {
		return nil, false, err
	}
	r, err := f.Reader()
	if err != nil {
		return nil, false, err
	}
	defer r.Close()
	data, err := io.ReadAll(r)
	return data, err == nil, err
}

// versions lists the commits that changed rel, newest first.
func (g *gitRepo) versions(rel string) ([]Version, error) {
	_, c, err := g.head()
	if err != nil || c == nil {
		return nil, err
	}
	p := g.path(rel)
	iter, err := g.repo.Log(&git.LogOptions{From: c.Hash, FileName: &p})
	if err != nil {
		return nil, err
	}
	var out []Version
	err = iter.ForEach(func(c *object.Commit) error {
		_, present, err := fileAt(c, p)
		if err != nil {
			return err
		}
		out = append(out, Version{
			ID: c.Hash.String(), Time: c.Author.When, Author: Author{c.Author.Name, c.Author.Email},
			Message: strings.TrimSpace(c.Message), Deleted: !present,
		})
		if len(out) >= 500 {
			return storer.ErrStop
		}
		return nil
	})
	return out, err
}

func (g *gitRepo) read(rel, id string) ([]byte, error) {
	if len(id) != 40 || strings.Trim(id, "0123456789abcdef") != "" {
		return nil, diag.New(rel, 0, diag.VersionMissing, rel, id)
	}
	c, err := g.repo.CommitObject(plumbing.NewHash(id))
	if err != nil {
		return nil, diag.New(rel, 0, diag.VersionMissing, rel, short(id))
	}
	data, ok, err := fileAt(c, g.path(rel))
	if err == nil && !ok {
		err = diag.New(rel, 0, diag.VersionMissing, rel, short(id))
	}
	return data, err
}
