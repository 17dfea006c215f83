package newsroom_test

import (
	"context"
	"flag"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/chromedp"

	"github.com/dinsos-metro/warta/internal/pdf"
)

var update = flag.Bool("update", false, "rewrite the golden files")

// browser starts a headless Chromium for one test, or skips the test
// loudly on a machine without one (CI=true makes that a failure: CI
// installs Chromium).
func browser(t *testing.T) context.Context {
	t.Helper()
	exe, err := pdf.Find()
	if err != nil {
		if os.Getenv("CI") == "true" {
			t.Fatalf("CI=true and no Chromium: %v", err)
		}
		t.Skipf("SKIPPED, NO BROWSER: %v; install Chromium (apt-get install chromium) or set CHROME_PATH", err)
	}
	opts := append(chromedp.DefaultExecAllocatorOptions[:],
		chromedp.ExecPath(exe),
		chromedp.NoSandbox, // Chromium refuses its sandbox as root (CI, containers)
		chromedp.WindowSize(1280, 1000),
	)
	actx, cancelAlloc := chromedp.NewExecAllocator(context.Background(), opts...)
	ctx, cancel := chromedp.NewContext(actx)
	ctx, cancelTime := context.WithTimeout(ctx, 90*time.Second)
	t.Cleanup(func() {
		cancelTime()
		cancel()
		cancelAlloc()
	})
	if err := chromedp.Do(ctx); err != nil {
		t.Fatal(err)
	}
	return ctx
}

// run runs browser actions, failing the test with what was being done.
// Each action is tried again (up to 5 times) when it fails because the
// page it looked at was just replaced by the next one (chromedp still
// held a node of the old document): the lookup failed before the action
// did anything, so trying again is safe.
func run(t *testing.T, ctx context.Context, what string, actions ...chromedp.Action[chromedp.Void]) {
	t.Helper()
	for _, a := range actions {
		var err error
		for try := 0; try < 5; try++ {
			if err = chromedp.Do(ctx, a); err == nil || !strings.Contains(err.Error(), "Could not find node") {
				break
			}
			time.Sleep(300 * time.Millisecond)
		}
		if err != nil {
			t.Fatalf("%s: %v", what, err)
		}
	}
}

// waitJS polls a JavaScript condition until it holds.
func waitJS(t *testing.T, ctx context.Context, what, cond string) {
	t.Helper()
	deadline := time.Now().Add(30 * time.Second)
	for {
		ok, err := chromedp.Run(ctx, chromedp.Evaluate[bool](cond))
		if err == nil && ok {
			return
		}
		if err != nil && ctx.Err() != nil {
			t.Fatalf("%s: %v", what, err)
		}
		// An error while the next page loads (its context not there yet)
		// is asked again.
		if time.Now().After(deadline) {
			page, _ := chromedp.Run(ctx, chromedp.OuterHTML(chromedp.CSS("main")))
			t.Fatalf("%s: still not true after 30 s: %s\n%s", what, cond, page)
		}
		time.Sleep(100 * time.Millisecond)
	}
}

// golden compares got with testdata/name, or rewrites it with -update.
func golden(t *testing.T, name, got string) {
	t.Helper()
	p := filepath.Join("testdata", name)
	if *update {
		if err := os.WriteFile(p, []byte(got), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	want, err := os.ReadFile(p)
	if err != nil {
		t.Fatalf("%v (run go test -update to write it)", err)
	}
	if got != string(want) {
		t.Errorf("%s differs:\n--- got\n%s\n--- want\n%s", name, got, want)
	}
}

func contains(t *testing.T, what, s string, wants ...string) {
	t.Helper()
	for _, w := range wants {
		if !strings.Contains(s, w) {
			t.Errorf("%s lacks %q", what, w)
		}
	}
}

// shot saves a screenshot for docs/panduan-redaksi.md when
// WARTA_GUIDE_SHOTS names a folder (the guide's pictures are made so:
// WARTA_GUIDE_SHOTS=$PWD/docs/img/redaksi go test -run TestWriteSeedReport
// ./internal/newsroom/, then pngquant). sel "" takes the window.
func shot(t *testing.T, ctx context.Context, name, sel string) {
	t.Helper()
	dir := os.Getenv("WARTA_GUIDE_SHOTS")
	if dir == "" {
		return
	}
	var png []byte
	var err error
	if sel == "" {
		png, err = chromedp.Run(ctx, chromedp.CaptureScreenshot())
	} else {
		png, err = chromedp.Run(ctx, chromedp.Screenshot(chromedp.CSS(sel)))
	}
	if err != nil {
		t.Fatalf("screenshot %s: %v", name, err)
	}
	if err := os.WriteFile(filepath.Join(dir, name+".png"), png, 0o644); err != nil {
		t.Fatal(err)
	}
}

// submit clicks what leads to another page and waits for an element of it.
func submit(t *testing.T, ctx context.Context, what, click, then string) {
	t.Helper()
	// Mark this page, so that what follows is looked for on the next one.
	if _, err := chromedp.Run(ctx, chromedp.Evaluate[bool]("window.wartaOld = true")); err != nil {
		t.Fatal(err)
	}
	for try := 0; ; try++ {
		err := chromedp.Do(ctx, chromedp.Click(chromedp.CSS(click)))
		if err == nil || strings.Contains(err.Error(), "navigated or closed") {
			break // the click led on before chromedp heard back: it was made
		}
		if try == 4 || !strings.Contains(err.Error(), "Could not find node") {
			t.Fatalf("%s: %v", what, err)
		}
		time.Sleep(300 * time.Millisecond)
	}
	waitJS(t, ctx, what, "!window.wartaOld && !!document.querySelector("+jsString(then)+")")
}
