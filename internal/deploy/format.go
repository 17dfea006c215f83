package deploy

import (
	"fmt"
	"path/filepath"
	"strings"
	"time"

	"github.com/dinsos-metro/warta/internal/diag"
)

func localPath(out, name string) string { return filepath.Join(out, filepath.FromSlash(name)) }

func joinNames(names []string) string { return strings.Join(names, ", ") }

// Size writes a number of bytes for people: 512 B, 3.4 kB, 12.0 MB.
func Size(n int64) string {
	switch {
	case n < 1000:
		return fmt.Sprintf("%d B", n)
	case n < 1000*1000:
		return fmt.Sprintf("%.1f kB", float64(n)/1000)
	case n < 1000*1000*1000:
		return fmt.Sprintf("%.1f MB", float64(n)/1e6)
	}
	return fmt.Sprintf("%.2f GB", float64(n)/1e9)
}

// Summary is the one line that ends a deploy, in lang.
func (r Result) Summary(lang string, dryRun bool) string {
	p := r.Plan
	switch {
	case dryRun:
		return diag.New("", 0, diag.DeployDryRun, r.Target, len(p.Send), Size(p.Bytes), len(p.Delete), p.Unchanged).Message(lang)
	case len(p.Send)+len(p.Delete) == 0:
		return diag.New("", 0, diag.DeployUpToDate, r.Target, r.Unchanged).Message(lang)
	}
	return diag.New("", 0, diag.DeploySummary, r.Target, r.Sent, Size(r.Bytes), r.Deleted, r.Unchanged, seconds(r.Duration)).Message(lang)
}

// Lines lists what the plan would do, one line per file, in lang.
func (p Plan) Lines(lang string) []string {
	var lines []string
	for _, s := range p.Send {
		lines = append(lines, diag.New("", 0, diag.DeployWouldSend, s.Name, Size(s.Size), s.Stage.String()).Message(lang))
	}
	for _, name := range p.Delete {
		lines = append(lines, diag.New("", 0, diag.DeployWouldDelete, name).Message(lang))
	}
	return lines
}

func seconds(d time.Duration) string {
	if d < time.Second {
		return fmt.Sprintf("%d ms", d.Milliseconds())
	}
	return fmt.Sprintf("%.1f s", d.Seconds())
}
