package build_test

import (
	"fmt"
	"os"
	"strings"
	"testing"

	"github.com/dinsos-metro/warta/internal/sitetest"
)

func TestProbe(t *testing.T) {
	b, _ := os.ReadFile("/tmp/probe/site.txtar")
	for i, a := range strings.Split(string(b), "=====\n") {
		s := sitetest.BuildTxtar(t, a, sitetest.Options{})
		fmt.Printf("## case %d\n%s\n", i, strings.Join(s.Diagnostics(), "\n"))
	}
}
