// Package pdf prints self-contained HTML pages to A4 PDF files with a local
// headless Chromium, driven through the DevTools protocol by
// github.com/chromedp/chromedp.
//
// The rules:
//
//   - The page is printed as a person would print it from the browser: the
//     page's own print stylesheet and @page rules decide the layout
//     (A4, margins, what is hidden), with no browser header or footer.
//   - Pages are served to Chromium by an HTTP server inside this process,
//     listening on 127.0.0.1 only, and Chromium resolves no other host: a
//     page that tries to load anything from outside gets nothing.
//   - Every PDF is cached on disk by a hash of everything it is made from
//     (the page's HTML with its inlined CSS, its pictures and the print
//     settings). An unchanged page is never printed again, and Chromium is
//     started only when a page must be printed.
//   - The PDF's creation and modification dates are set to a fixed date, so
//     the same page gives the same bytes.
//   - Chromium is found in CHROME_PATH, else as chromium, chromium-browser,
//     google-chrome or google-chrome-stable on the PATH. Without it, Find
//     fails with ErrNoBrowser and the build goes on without PDFs.
package pdf

import (
	"context"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"fmt"
	"maps"
	"net"
	"net/http"
	"os"
	"os/exec"
	"path"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"sync"
	"sync/atomic"
	"time"

	"github.com/chromedp/chromedp"
)

// ErrNoBrowser means no Chromium was found, or it would not start.
var ErrNoBrowser = errors.New("no Chromium or Chrome found")

// settings is part of every cache key: change it when the way pages are
// printed changes, so that old PDFs are printed again.
const settings = "warta-pdf/1 A4 prefer-css-page-size outline"

// Timeout bounds the printing of one page.
const Timeout = 90 * time.Second

// Find returns the Chromium to use.
func Find() (string, error) {
	if p := os.Getenv("CHROME_PATH"); p != "" {
		if _, err := os.Stat(p); err != nil {
			return "", fmt.Errorf("%w: CHROME_PATH is %s: %v", ErrNoBrowser, p, err)
		}
		return p, nil
	}
	for _, name := range []string{"chromium", "chromium-browser", "google-chrome", "google-chrome-stable"} {
		if p, err := exec.LookPath(name); err == nil {
			return p, nil
		}
	}
	return "", ErrNoBrowser
}

// Options set up a Printer.
type Options struct {
	// Browser is the Chromium executable (see Find).
	Browser string
	// CacheDir holds the cached PDFs; "" keeps them in memory only.
	CacheDir string
	// Tabs is how many pages print at once (default 2).
	Tabs int
}

// Printer prints pages. It is safe for concurrent use; Close it when done.
type Printer struct {
	opt Options
	ctx context.Context // the build's

	startOnce sync.Once
	startErr  error
	browser   context.Context // a Chromium tab context, parent of every page's
	stop      []func()
	srv       *http.Server
	addr      string
	tabs      chan struct{}

	mu    sync.Mutex
	pages map[string]map[string][]byte // served folder → files
	mem   map[string][]byte            // the cache without CacheDir
	used  map[string]bool              // cache keys of this build

	printed, reused atomic.Int64
	printTime       atomic.Int64 // nanoseconds spent printing
}

// New returns a Printer; Chromium starts with the first page to print.
// ctx ends every print (and Chromium) when it is cancelled.
func New(ctx context.Context, opt Options) *Printer {
	if opt.Tabs <= 0 {
		opt.Tabs = 2
	}
	return &Printer{
		opt: opt, ctx: ctx,
		tabs:  make(chan struct{}, opt.Tabs),
		pages: map[string]map[string][]byte{},
		mem:   map[string][]byte{},
		used:  map[string]bool{},
	}
}

// Key is the cache key of a page: a hash of its files and the settings.
func Key(files map[string][]byte, entry string) string {
	h := sha256.New()
	h.Write([]byte(settings + "\x00" + entry + "\x00"))
	for _, name := range slices.Sorted(maps.Keys(files)) {
		fmt.Fprintf(h, "%s\x00%d\x00", name, len(files[name]))
		h.Write(files[name])
	}
	return hex.EncodeToString(h.Sum(nil))
}

// Print returns the PDF of the page entry ("index.html") among files, a
// self-contained folder (paths → bytes) that the page may refer to.
func (p *Printer) Print(files map[string][]byte, entry string) ([]byte, error) {
	key := Key(files, entry)
	p.mu.Lock()
	p.used[key] = true
	p.mu.Unlock()
	if data, ok := p.cached(key); ok {
		p.reused.Add(1)
		return data, nil
	}
	if err := p.start(); err != nil {
		return nil, err
	}
	select {
	case p.tabs <- struct{}{}:
	case <-p.ctx.Done():
		return nil, p.ctx.Err()
	}
	defer func() { <-p.tabs }()

	t := time.Now()
	data, err := p.print(key, files, entry)
	if err != nil {
		return nil, err
	}
	p.printTime.Add(int64(time.Since(t)))
	p.printed.Add(1)
	data = Normalize(data)
	p.store(key, data)
	return data, nil
}

func (p *Printer) print(key string, files map[string][]byte, entry string) ([]byte, error) {
	folder := key[:16]
	p.mu.Lock()
	p.pages[folder] = files
	p.mu.Unlock()
	defer func() {
		p.mu.Lock()
		delete(p.pages, folder)
		p.mu.Unlock()
	}()
	tab, cancel := chromedp.NewContext(p.browser)
	defer cancel()
	tab, cancelTime := context.WithTimeout(tab, Timeout)
	defer cancelTime()
	pageURL := "http://" + p.addr + "/" + folder + "/" + entry
	if err := chromedp.Do(tab, chromedp.Navigate(pageURL)); err != nil {
		return nil, fmt.Errorf("opening the page in Chromium: %w", err)
	}
	data, err := chromedp.Run(tab, chromedp.PrintToPDF(
		chromedp.PDFPaper(chromedp.PaperA4),
		chromedp.PDFPreferCSSPageSize(),
		chromedp.PDFOutlineAndTagged(),
	))
	if err != nil {
		return nil, fmt.Errorf("printing the page in Chromium: %w", err)
	}
	return data, nil
}

// start launches the server and Chromium, once.
func (p *Printer) start() error {
	p.startOnce.Do(func() {
		ln, err := net.Listen("tcp", "127.0.0.1:0")
		if err != nil {
			p.startErr = fmt.Errorf("%w: serving pages to it: %v", ErrNoBrowser, err)
			return
		}
		p.addr = ln.Addr().String()
		p.srv = &http.Server{Handler: http.HandlerFunc(p.serve), ReadHeaderTimeout: 10 * time.Second}
		go p.srv.Serve(ln) //nolint:errcheck // ends with Close
		opts := append(slices.Clone(chromedp.DefaultExecAllocatorOptions[:]),
			chromedp.ExecPath(p.opt.Browser),
			chromedp.NoSandbox, // Chromium refuses its sandbox as root (CI, containers)
			chromedp.Flag("disable-extensions", true),
			chromedp.Flag("disable-background-networking", true),
			chromedp.Flag("disable-component-update", true),
			chromedp.Flag("disable-sync", true),
			chromedp.Flag("no-first-run", true),
			chromedp.Flag("mute-audio", true),
			// Only the loopback server resolves: nothing leaves the machine.
			chromedp.Flag("host-resolver-rules", "MAP * ~NOTFOUND, EXCLUDE 127.0.0.1"),
		)
		alloc, cancelAlloc := chromedp.NewExecAllocator(p.ctx, opts...)
		browser, cancelBrowser := chromedp.NewContext(alloc)
		p.stop = []func(){cancelBrowser, cancelAlloc}
		if err := chromedp.Do(browser); err != nil {
			p.startErr = fmt.Errorf("%w: starting %s: %v", ErrNoBrowser, p.opt.Browser, err)
			return
		}
		p.browser = browser
	})
	return p.startErr
}

// serve hands Chromium the files of the pages being printed, and nothing
// else.
func (p *Printer) serve(w http.ResponseWriter, r *http.Request) {
	folder, name, _ := strings.Cut(strings.TrimPrefix(r.URL.Path, "/"), "/")
	p.mu.Lock()
	data, ok := p.pages[folder][name]
	p.mu.Unlock()
	if !ok {
		http.NotFound(w, r)
		return
	}
	if typ := contentType(name); typ != "" {
		w.Header().Set("Content-Type", typ)
	}
	w.Write(data) //nolint:errcheck // Chromium went away: the print fails by itself
}

func contentType(name string) string {
	switch strings.ToLower(path.Ext(name)) {
	case ".html":
		return "text/html; charset=utf-8"
	case ".svg":
		return "image/svg+xml"
	case ".png":
		return "image/png"
	case ".jpg", ".jpeg":
		return "image/jpeg"
	case ".webp":
		return "image/webp"
	case ".gif":
		return "image/gif"
	}
	return ""
}

func (p *Printer) cached(key string) ([]byte, bool) {
	if p.opt.CacheDir == "" {
		p.mu.Lock()
		defer p.mu.Unlock()
		data, ok := p.mem[key]
		return data, ok
	}
	data, err := os.ReadFile(filepath.Join(p.opt.CacheDir, key+".pdf"))
	return data, err == nil && len(data) > 0
}

// store writes a PDF to the cache through a temporary file and a rename,
// so that an interrupted build never leaves half a PDF behind. A cache
// that cannot be written only costs a print next time.
func (p *Printer) store(key string, data []byte) {
	if p.opt.CacheDir == "" {
		p.mu.Lock()
		p.mem[key] = data
		p.mu.Unlock()
		return
	}
	if err := os.MkdirAll(p.opt.CacheDir, 0o755); err != nil {
		return
	}
	f, err := os.CreateTemp(p.opt.CacheDir, ".tmp-*.pdf")
	if err != nil {
		return
	}
	_, werr := f.Write(data)
	cerr := f.Close()
	if werr == nil && cerr == nil {
		werr = os.Chmod(f.Name(), 0o644) // CreateTemp makes it private
	}
	if werr != nil || cerr != nil || os.Rename(f.Name(), filepath.Join(p.opt.CacheDir, key+".pdf")) != nil {
		os.Remove(f.Name())
	}
}

// Prune removes cached PDFs that no page of this build asked for: call it
// after a build that printed every page.
func (p *Printer) Prune() error {
	if p.opt.CacheDir == "" {
		return nil
	}
	entries, err := os.ReadDir(p.opt.CacheDir)
	if errors.Is(err, os.ErrNotExist) {
		return nil
	}
	if err != nil {
		return err
	}
	p.mu.Lock()
	defer p.mu.Unlock()
	for _, e := range entries {
		name := e.Name()
		key, isPDF := strings.CutSuffix(name, ".pdf")
		if e.IsDir() || !isPDF || p.used[key] {
			continue
		}
		if err := os.Remove(filepath.Join(p.opt.CacheDir, name)); err != nil {
			return err
		}
	}
	return nil
}

// Stats tells how many pages were printed and how many came from the
// cache, and the time spent printing.
func (p *Printer) Stats() (printed, reused int, printing time.Duration) {
	return int(p.printed.Load()), int(p.reused.Load()), time.Duration(p.printTime.Load())
}

// Close stops Chromium and the server.
func (p *Printer) Close() error {
	for _, f := range p.stop {
		f()
	}
	if p.srv != nil {
		return p.srv.Close()
	}
	return nil
}

var pdfDate = regexp.MustCompile(`/(CreationDate|ModDate) \(D:[0-9]{14}[^)]*\)`)

// fixedDate replaces the print time; the same length keeps the PDF's
// cross-reference offsets true.
const fixedDate = "D:20250101000000"

// Normalize sets the creation and modification dates of a PDF written by
// Chromium to a fixed date, so that the same page gives the same bytes.
func Normalize(data []byte) []byte {
	return pdfDate.ReplaceAllFunc(data, func(m []byte) []byte {
		i := strings.Index(string(m), "(D:")
		out := []byte(string(m[:i+1]) + fixedDate + string(m[i+1+len(fixedDate):]))
		return out
	})
}
