package build

import (
	"path/filepath"

	"github.com/dinsos-metro/warta/internal/scrub"
)

// scrubber returns the Cleaner of this run (internal/scrub): one cache for
// the Session's life, on disk in .cache/warta/scrub/ when the site has a
// folder, else in memory; every run reads the files afresh.
func (s *Session) scrubber() *scrub.Cleaner {
	opt := scrub.Options{StripDocuments: s.cfg.Privacy.StripDocuments()}
	if s.scrub == nil {
		dir := ""
		if s.opt.Dir != "" {
			dir = filepath.Join(s.opt.Dir, ".cache", "warta", "scrub")
		}
		s.scrub = scrub.NewCleaner(scrub.CleanerOptions{Options: opt, FS: s.opt.Source, CacheDir: dir})
		return s.scrub
	}
	s.scrub = s.scrub.Next(opt)
	return s.scrub
}

// pruneScrub removes the cleaned files no page asked for, after a
// complete build (one that rendered every job: a skipped job does not ask
// for its files).
func (s *Session) pruneScrub(complete bool) {
	if complete && s.scrub != nil {
		_ = s.scrub.Prune() // a cache left unpruned only costs disk space
	}
}
