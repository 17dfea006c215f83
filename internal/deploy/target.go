package deploy

import (
	"context"
	"fmt"
	"net"
	"strconv"

	"github.com/dinsos-metro/warta/internal/config"
)

// Target is a place the site is published to.
//
// Put sends the file local (a path on this machine) as name (a slash
// path inside the site); a reader of the target sees either the old file
// or the whole new one, never a part. Delete removes name; a file that is
// not there is not an error. Both may be called from several goroutines.
type Target interface {
	Put(ctx context.Context, name, local string, size int64, h Header) error
	Delete(ctx context.Context, name string) error
	Close() error
}

// committer is a target that changes nothing until Commit, then replaces
// the whole site at once (a folder). unchanged are the files it keeps
// from what it held.
type committer interface {
	Commit(ctx context.Context, unchanged []string) error
}

// Where names the destination of t, so that a manifest is never used for
// another one (the path or the bucket changed in site.yaml).
func Where(t config.DeployTarget) string {
	switch t.Kind {
	case "sftp":
		return fmt.Sprintf("sftp://%s@%s%s", t.User, net.JoinHostPort(t.Host, strconv.Itoa(t.Port)), t.Path)
	case "s3":
		return fmt.Sprintf("s3:%s/%s/%s", t.Endpoint, t.Bucket, t.Prefix)
	}
	return t.Kind + ":" + t.Path
}

// open connects to the target t. Secrets read on the way are added to r.
func open(ctx context.Context, t config.DeployTarget, o Options, s *secrets) (Target, error) {
	switch t.Kind {
	case "folder":
		return openFolder(t, o)
	case "sftp":
		return openSFTP(ctx, t, s)
	case "s3":
		return openS3(ctx, t, s)
	}
	return nil, fmt.Errorf("deploy target %s: kind %q is not known", t.Name, t.Kind)
}
