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
	bind := fl.String("bind", "127.0.0.1", "address to listen on (loopback unless you need another device to see the preview; the newsroom is served on loopback only)")
	drafts := fl.Bool("drafts", true, "include pages marked draft: true")
	future := fl.Bool("future", true, "include pages dated in the future")
	lang := fl.String("lang", "", "language of messages: id or en (default: the site's)")
	open := fl.Bool("open", false, "open the newsroom in the default browser")
	deployTo := fl.String("deploy", "", "at the time of each page dated in the future, build public/ and deploy it to this target of site.yaml")
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
			BaseURL: "http://" + addr + "/", NoMinify: true, Dir: *src,
		},
		Dir: *src, Addr: addr, Lang: *lang, Log: stdout, Schedule: schedule,
	})
	if err != nil {
		fmt.Fprintln(stderr, "warta:", err)
		return 1
	}
	l := langOr(*lang)
	var nr *newsroom.Newsroom
	if ip := net.ParseIP(*bind); (ip != nil && ip.IsLoopback()) || *bind == "localhost" {
		dir, _ := filepath.Abs(*src)
		nr, err = newsroom.New(newsroom.Options{Dir: dir, Addr: addr, Secret: newsroom.NewSecret(), Site: srv, Lang: *lang})
		if err != nil {
			fmt.Fprintln(stderr, "warta:", err)
			return 1
		}
		srv.Mount(newsroom.Prefix, nr)
	} else {
		// Until accounts exist (issue 14), nobody else on the network may write.
		fmt.Fprintln(stdout, "warta:", diag.New("", 0, diag.NewsroomNoBind, *bind).Message(l))
	}
	err = srv.Serve(ctx, func(a string) {
		fmt.Fprintln(stdout, "warta:", diag.New("", 0, diag.ServeListening, "http://"+a+"/").Message(l))
		if nr == nil {
			return
		}
		nr.SetAddr(a)
		fmt.Fprintln(stdout, "warta:", diag.New("", 0, diag.NewsroomListening, nr.URL()).Message(l))
		if *open {
			if err := openBrowser(nr.URL()); err != nil {
				fmt.Fprintln(stderr, "warta:", diag.New("", 0, diag.NewsroomOpenFailed, err, nr.URL()).Message(l))
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
