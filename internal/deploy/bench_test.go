package deploy

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/dinsos-metro/warta"
	"github.com/dinsos-metro/warta/internal/build"
	"github.com/dinsos-metro/warta/internal/config"
	"github.com/dinsos-metro/warta/internal/corpus"
	"github.com/dinsos-metro/warta/internal/publish"
)

// TestDeployCorpus measures deploys of a generated corpus to the test
// SFTP and S3 servers: the first deploy, then one after one edited news
// report. Not a regular test (minutes of work): it runs only with
// WARTA_BENCH_DEPLOY set to the number of news reports, for
// docs/BENCHMARKS.md:
//
//	WARTA_BENCH_DEPLOY=10000 go test ./internal/deploy -run DeployCorpus -v -timeout 60m
func TestDeployCorpus(t *testing.T) {
	news, _ := strconv.Atoi(os.Getenv("WARTA_BENCH_DEPLOY"))
	if news <= 0 {
		t.Skip("a benchmark: set WARTA_BENCH_DEPLOY=10000 to run it")
	}
	sshSrv, s3Srv := startSSHD(t), startS3(t)
	dir := t.TempDir()
	opt := corpus.Options{News: news, Modules: news * 15 / 100, Galleries: max(news/50, 1), Photos: 6, Seed: 1}
	if err := corpus.Write(dir, opt); err != nil {
		t.Fatal(err)
	}
	out := filepath.Join(dir, "public")
	buildSite := func() {
		t.Helper()
		start := time.Now()
		root, err := os.OpenRoot(dir)
		if err != nil {
			t.Fatal(err)
		}
		defer root.Close()
		st, err := publish.NewStaging(out)
		if err != nil {
			t.Fatal(err)
		}
		if _, err := build.Build(context.Background(), build.Options{Source: root.FS(), Theme: warta.Theme, Sink: st, Dir: dir}); err != nil {
			t.Fatal(err)
		}
		if err := st.Commit(); err != nil {
			t.Fatal(err)
		}
		st.Wait()
		t.Logf("build: %s", time.Since(start).Round(time.Millisecond))
	}
	buildSite()
	targets := []struct {
		tgt config.DeployTarget
		env map[string]string
	}{
		{sftpTarget_(sshSrv, filepath.Join(t.TempDir(), "www")), nil},
		{s3Target_(s3Srv), s3Srv.env()},
	}
	deployAll := func(step string) {
		for _, c := range targets {
			res, err := Run(context.Background(), Options{SiteDir: dir, Output: out, Target: c.tgt, Workers: 8,
				Env: func(k string) string { return c.env[k] }})
			if err != nil {
				t.Fatal(err)
			}
			t.Logf("| %s | %s | %d | %s | %d | %d | %.1f s |", c.tgt.Kind, step, res.Sent, Size(res.Bytes), res.Deleted, res.Unchanged, res.Duration.Seconds())
			if step == "one edit" && c.tgt.Kind == "s3" {
				search := 0
				var others []string
				for _, s := range res.Plan.Send {
					if strings.HasPrefix(s.Name, "assets/search/") {
						search++
					} else {
						others = append(others, s.Name)
					}
				}
				t.Logf("sent after one edit: %d files of the search index, and %v", search, others)
			}
		}
	}
	t.Log("| target | deploy | files sent | bytes sent | deleted | unchanged | time |")
	deployAll("first")
	first := corpus.FirstNews(corpus.FS(opt))
	f, err := os.OpenFile(filepath.Join(dir, first), os.O_APPEND|os.O_WRONLY, 0)
	if err != nil {
		t.Fatal(err)
	}
	fmt.Fprintln(f, "\nSatu kalimat tambahan untuk mengukur deploy setelah satu suntingan.")
	f.Close()
	buildSite()
	deployAll("one edit")
	deployAll("no change")
}
