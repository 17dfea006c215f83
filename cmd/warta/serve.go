package main

import (
	"context"
	"flag"
	"fmt"
	"io"
	"net"
	"os"
	"os/exec"
	"os/signal"
	"path/filepath"
	"runtime"
	"strconv"
	"syscall"

	"github.com/dinsos-metro/warta"
	"github.com/dinsos-metro/warta/internal/build"
	"github.com/dinsos-metro/warta/internal/diag"
	"github.com/dinsos-metro/warta/internal/newsroom"
	"github.com/dinsos-metro/warta/internal/serve"
)

// runServe previews the site with live reload until Ctrl-C, with the
// newsroom at /_redaksi/ on a loopback address.
func runServe(args []string, stdout, stderr io.Writer) int {
	fl := flag.NewFlagSet("serve", flag.ContinueOnError)
	fl.SetOutput(stderr)
	src := fl.String("src", ".", "site folder (holds site.yaml and content/)")
	port := fl.Int("port", 1313, "port to listen on")
	bind := fl.String("bind", "127.0.0.1", "address to listen on (loopback: this computer only; any other address serves the office network and needs an account (warta users) and HTTPS: --tls-auto, --tls-cert/--tls-key or --behind-proxy)")
	drafts := fl.Bool("drafts", true, "include pages marked draft: true")
	future := fl.Bool("future", true, "include pages dated in the future")
	lang := fl.String("lang", "", "language of messages: id or en (default: the site's)")
	open := fl.Bool("open", false, "open the newsroom in the default browser")
	deployTo := fl.String("deploy", "", "at the time of each page dated in the future, build public/ and deploy it to this target of site.yaml")
	tf := teamFlagsOn(fl) // serve_team.go: accounts and HTTPS on the office network
	if err := fl.Parse(args); err != nil {
		return 2
	}
	root, err := os.OpenRoot(*src)
	if err != nil {
		fmt.Fprintln(stderr, "warta:", err)
		return 1
	}
	defer root.Close()
	addr := net.JoinHostPort(*bind, strconv.Itoa(*port))
	dir, _ := filepath.Abs(*src)
	l := langOr(*lang)
	// Off loopback: accounts and HTTPS, or nothing listens (serve_team.go).
	tm, err := openTeam(tf, dir, addr, l, stdout)
	if err != nil {
		fmt.Fprintln(stderr, "warta:", diag.New("", 0, diag.TeamServeFailed, teamRefusal(err, l)).Message(l))
		return 1
	}
	defer tm.Auth.Close()
	addr = tm.Addr
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	defer stop()
	schedule, err := scheduleFor(*src, *deployTo, *future, *lang, stdout)
	if err != nil {
		fmt.Fprintln(stderr, "warta:", err)
		return 1
	}

	srv, err := serve.New(ctx, serve.Options{
		Build: build.Options{
			Source: root.FS(), Theme: warta.Theme, Drafts: *drafts, Future: *future,
			BaseURL: tm.siteURL(addr), NoMinify: true, Dir: *src,
		},
		Dir: *src, Addr: addr, Lang: *lang, Log: stdout, Schedule: schedule,
		TLS: tm.TLS, Gate: tm.gate,
	})
	if err != nil {
		fmt.Fprintln(stderr, "warta:", err)
		return 1
	}
	// The newsroom always runs behind auth (serve_team.go): on this
	// computer without accounts with the run's secret, else with a login.
	nr, err := newsroom.New(newsroom.Options{Dir: dir, Addr: addr, Secret: newsroom.NewSecret(), Site: srv, Lang: *lang})
	if err != nil {
		fmt.Fprintln(stderr, "warta:", err)
		return 1
	}
	defer nr.Close()
	tm.mount(srv, nr)
	err = srv.Serve(ctx, func(a string) {
		fmt.Fprintln(stdout, "warta:", diag.New("", 0, diag.ServeListening, tm.siteURL(a)).Message(l))
		nr.SetAddr(a)
		entry, said := tm.entry(a), diag.NewsroomListening
		if !tm.Auth.OpenMode() {
			said = diag.TeamListening
		}
		fmt.Fprintln(stdout, "warta:", diag.New("", 0, said, entry).Message(l))
		if *open {
			if err := openBrowser(entry); err != nil {
				fmt.Fprintln(stderr, "warta:", diag.New("", 0, diag.NewsroomOpenFailed, err, entry).Message(l))
			}
		}
	})
	if err != nil {
		fmt.Fprintln(stderr, "warta:", err)
		return 1
	}
	fmt.Fprintln(stdout, "warta:", diag.New("", 0, diag.ServeStopped).Message(l))
	return 0
}

// openBrowser opens url in the system's default browser.
func openBrowser(url string) error {
	var cmd *exec.Cmd
	switch runtime.GOOS {
	case "windows":
		cmd = exec.Command("rundll32", "url.dll,FileProtocolHandler", url)
	case "darwin":
		cmd = exec.Command("open", url)
	default:
		cmd = exec.Command("xdg-open", url)
	}
	if err := cmd.Start(); err != nil {
		return err
	}
	go func() { _ = cmd.Wait() }()
	return nil
}
