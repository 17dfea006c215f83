package main

import (
	"context"
	"flag"
	"fmt"
	"io"
	"net"
	"os"
	"os/signal"
	"strconv"
	"syscall"

	"github.com/dinsos-metro/warta"
	"github.com/dinsos-metro/warta/internal/build"
	"github.com/dinsos-metro/warta/internal/diag"
	"github.com/dinsos-metro/warta/internal/serve"
)

// runServe previews the site with live reload until Ctrl-C.
func runServe(args []string, stdout, stderr io.Writer) int {
	fl := flag.NewFlagSet("serve", flag.ContinueOnError)
	fl.SetOutput(stderr)
	src := fl.String("src", ".", "site folder (holds site.yaml and content/)")
	port := fl.Int("port", 1313, "port to listen on")
	bind := fl.String("bind", "127.0.0.1", "address to listen on (loopback unless you need another device to see the preview)")
	drafts := fl.Bool("drafts", true, "include pages marked draft: true")
	future := fl.Bool("future", true, "include pages dated in the future")
	lang := fl.String("lang", "", "language of messages: id or en (default: the site's)")
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

	srv, err := serve.New(ctx, serve.Options{
		Build: build.Options{
			Source: root.FS(), Theme: warta.Theme, Drafts: *drafts, Future: *future,
			BaseURL: "http://" + addr + "/", NoMinify: true, Dir: *src,
		},
		Dir: *src, Addr: addr, Lang: *lang, Log: stdout,
	})
	if err != nil {
		fmt.Fprintln(stderr, "warta:", err)
		return 1
	}
	l := langOr(*lang)
	err = srv.Serve(ctx, func(a string) {
		fmt.Fprintln(stdout, "warta:", diag.New("", 0, diag.ServeListening, "http://"+a+"/").Message(l))
	})
	if err != nil {
		fmt.Fprintln(stderr, "warta:", err)
		return 1
	}
	fmt.Fprintln(stdout, "warta:", diag.New("", 0, diag.ServeStopped).Message(l))
	return 0
}
