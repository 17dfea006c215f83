package deploy

import (
	"context"
	"os"
	"path/filepath"

	"github.com/dinsos-metro/warta/internal/config"
	"github.com/dinsos-metro/warta/internal/diag"
	"github.com/dinsos-metro/warta/internal/publish"
)

// folder is a web root on this machine (a mounted share, the folder a
// local web server serves). It is replaced the way warta build replaces
// public/: the new site is put together in a folder beside it, unchanged
// files as hard links to the ones already there (no copying), then
// swapped in at once. Readers never see half a deploy; a deploy that
// stops leaves the web root exactly as it was.
type folder struct {
	out     string // the output folder, for files the web root lost
	staging *publish.Staging
	done    bool
}

func openFolder(t config.DeployTarget, o Options) (Target, error) {
	dest := t.Path
	if !filepath.IsAbs(dest) {
		dest = filepath.Join(o.SiteDir, dest) // site.yaml's paths are the site folder's
	}
	dest, err := filepath.Abs(dest)
	if err != nil {
		return nil, fail(diag.DeployFolderUnsafe, t.Path, err)
	}
	if err := publish.CheckOutput(o.SiteDir, dest); err != nil {
		return nil, fail(diag.DeployFolderUnsafe, t.Path, err)
	}
	if out, err := filepath.Abs(o.Output); err == nil && out == dest {
		return nil, fail(diag.DeployFolderUnsafe, t.Path, "it is the output folder itself")
	}
	if err := publish.CheckOwned(dest); err != nil {
		return nil, fail(diag.DeployFolderForeign, t.Path)
	}
	s, err := publish.NewStaging(dest)
	if err != nil {
		return nil, fail(diag.DeployFolderUnsafe, t.Path, err)
	}
	return &folder{out: o.Output, staging: s}, nil
}

func (f *folder) Put(ctx context.Context, name, local string, size int64, h Header) error {
	if err := ctx.Err(); err != nil {
		return err
	}
	if _, err := os.Stat(local); err != nil {
		return localError{err}
	}
	return f.staging.Copy(name, os.DirFS(filepath.Dir(local)), filepath.Base(local))
}

// Delete has nothing to do: a file not carried over is gone after Commit.
func (f *folder) Delete(ctx context.Context, name string) error { return ctx.Err() }

func (f *folder) Commit(ctx context.Context, unchanged []string) error {
	if err := f.staging.Carry(unchanged); err != nil {
		// Some file was removed from the web root by hand: carry one by
		// one and copy what is missing from the output.
		for _, name := range unchanged {
			if f.staging.Carry([]string{name}) != nil {
				local := localPath(f.out, name)
				if err := f.staging.Copy(name, os.DirFS(filepath.Dir(local)), filepath.Base(local)); err != nil {
					return err
				}
			}
		}
	}
	if err := ctx.Err(); err != nil {
		return err
	}
	if err := f.staging.Commit(); err != nil {
		return err
	}
	f.done = true
	f.staging.Wait()
	return nil
}

func (f *folder) Close() error {
	if !f.done {
		return f.staging.Abort()
	}
	return nil
}
