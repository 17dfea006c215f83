package main

import (
	"bufio"
	"flag"
	"fmt"
	"io"
	"os"
	"os/user"
	"strings"
	"text/tabwriter"

	"golang.org/x/term"

	"github.com/dinsos-metro/warta/internal/auth"
	"github.com/dinsos-metro/warta/internal/diag"
)

// usersInput is where passwords are read from; tests replace it.
var usersInput io.Reader = os.Stdin

// usersParams are the Argon2id costs of new passwords; tests lower them.
var usersParams = auth.Recommended

// runUsers manages the newsroom's accounts in .warta/users.json:
//
//	warta users add NAME --role penulis|penyunting|admin [--display "Full Name"]
//	warta users list
//	warta users passwd NAME
//	warta users remove NAME
//
// Passwords are typed twice without echo, never given on the command line
// (where other people on the computer and the shell history would see
// them). When input is not a terminal, two lines are read from it, so
// scripts and tests can drive the command.
func runUsers(args []string, stdout, stderr io.Writer) int {
	fl := flag.NewFlagSet("users", flag.ContinueOnError)
	fl.SetOutput(stderr)
	src := fl.String("src", ".", "site folder (holds site.yaml; accounts are kept in its .warta/ folder)")
	role := fl.String("role", "", "role of a new account: penulis (writer), penyunting (editor) or admin")
	display := fl.String("display", "", "the person's full name, as the newsroom shows it")
	lang := fl.String("lang", "", "language of messages: id or en")
	// Flags may come before or after the name: "add siti --role admin".
	var pos []string
	rest := args
	for {
		if err := fl.Parse(rest); err != nil {
			return 2
		}
		if fl.NArg() == 0 {
			break
		}
		pos = append(pos, fl.Arg(0))
		rest = fl.Args()[1:]
	}
	l := langOr(*lang)
	say := func(code diag.Code, args ...any) string { return diag.New("", 0, code, args...).Message(l) }
	fail := func(code diag.Code, args ...any) int {
		fmt.Fprintln(stderr, "warta:", say(code, args...))
		return 1
	}
	if len(pos) == 0 {
		fmt.Fprintln(stderr, say(diag.UsersUsage))
		return 2
	}
	cmd, pos := pos[0], pos[1:]
	wantArgs := map[string]int{"add": 1, "passwd": 1, "remove": 1, "list": 0, "role": 2}
	if n, ok := wantArgs[cmd]; !ok || len(pos) != n {
		fmt.Fprintln(stderr, say(diag.UsersUsage))
		return 2
	}
	users, err := auth.OpenUsers(*src, usersParams, nil)
	if err != nil {
		return fail(diag.UsersFailed, err)
	}
	audit := auth.OpenAudit(*src, nil)
	log := func(action, name, detail string) {
		if err := audit.Log(auth.Entry{Who: operator(), Action: action, File: name, Addr: "terminal", Detail: detail}); err != nil {
			fmt.Fprintln(stderr, "warta:", say(diag.UsersFailed, err))
		}
	}
	explain := func(name string, err error) int {
		if code, args, ok := auth.Problem(err, name); ok {
			return fail(code, args...)
		}
		return fail(diag.UsersFailed, err)
	}
	in := bufio.NewReader(usersInput)
	switch cmd {
	case "list":
		list, err := users.List()
		if err != nil {
			return fail(diag.UsersFailed, err)
		}
		if len(list) == 0 {
			fmt.Fprintln(stdout, say(diag.UsersNone))
			return 0
		}
		tw := tabwriter.NewWriter(stdout, 0, 4, 2, ' ', 0)
		fmt.Fprintln(tw, "NAME\tROLE\tDISPLAY\tPASSWORD CHANGED")
		for _, u := range list {
			fmt.Fprintf(tw, "%s\t%s\t%s\t%s\n", u.Name, u.Role, u.Display, u.Changed.Local().Format("2006-01-02 15:04"))
		}
		tw.Flush()
		return 0
	case "add":
		name := pos[0]
		if *role == "" {
			return fail(diag.UsersNoRole)
		}
		r, err := auth.ParseRole(*role)
		if err != nil {
			return fail(diag.UsersBadRole, *role)
		}
		if !auth.ValidName(name) {
			return fail(diag.UsersBadName, name)
		}
		if _, exists := users.Get(name); exists {
			return fail(diag.UsersExists, name, name)
		}
		pw, code := askPassword(in, stderr, say, name)
		if code != 0 {
			return code
		}
		if err := users.Add(name, *display, r, pw); err != nil {
			return explain(name, err)
		}
		log(auth.AuditAccountAdd, name, "role "+string(r))
		fmt.Fprintln(stdout, "warta:", say(diag.UsersAdded, name, r))
	case "passwd":
		name := pos[0]
		if _, ok := users.Get(name); !ok {
			return fail(diag.UsersNoUser, name)
		}
		pw, code := askPassword(in, stderr, say, name)
		if code != 0 {
			return code
		}
		if _, err := users.SetPassword(name, pw); err != nil {
			return explain(name, err)
		}
		log(auth.AuditAccountPasswd, name, "")
		fmt.Fprintln(stdout, "warta:", say(diag.UsersPasswdDone, name))
	case "role":
		name := pos[0]
		r, err := auth.ParseRole(pos[1])
		if err != nil {
			return fail(diag.UsersBadRole, pos[1])
		}
		before, ok := users.Get(name)
		if !ok {
			return fail(diag.UsersNoUser, name)
		}
		if err := users.SetRole(name, r); err != nil {
			return explain(name, err)
		}
		log(auth.AuditAccountRole, name, string(before.Role)+" → "+string(r))
		fmt.Fprintln(stdout, "warta:", say(diag.UsersRoleDone, name, r))
	case "remove":
		name := pos[0]
		if err := users.Remove(name); err != nil {
			return explain(name, err)
		}
		log(auth.AuditAccountRemove, name, "")
		fmt.Fprintln(stdout, "warta:", say(diag.UsersRemoved, name))
	}
	return 0
}

// askPassword reads a new password twice: without echo from a terminal,
// else as two lines of input.
func askPassword(in *bufio.Reader, stderr io.Writer, say func(diag.Code, ...any) string, name string) (string, int) {
	read := func(prompt string) (string, error) {
		if f, ok := usersInput.(*os.File); ok && term.IsTerminal(int(f.Fd())) {
			fmt.Fprint(stderr, prompt)
			b, err := term.ReadPassword(int(f.Fd()))
			fmt.Fprintln(stderr)
			return string(b), err
		}
		line, err := in.ReadString('\n')
		if err == io.EOF && line != "" {
			err = nil
		}
		return strings.TrimRight(line, "\r\n"), err
	}
	first, err := read(say(diag.UsersPrompt, name))
	if err != nil || first == "" {
		fmt.Fprintln(stderr, "warta:", say(diag.UsersNoInput))
		return "", 1
	}
	if err := auth.CheckNewPassword(name, first); err != nil {
		fmt.Fprintln(stderr, "warta:", say(diag.UsersWeak, auth.MinPassword))
		return "", 1
	}
	second, err := read(say(diag.UsersPromptAgain))
	if err != nil && second == "" {
		fmt.Fprintln(stderr, "warta:", say(diag.UsersNoInput))
		return "", 1
	}
	if first != second {
		fmt.Fprintln(stderr, "warta:", say(diag.UsersMismatch))
		return "", 1
	}
	return first, 0
}

// operator names who ran the command, for the audit log.
func operator() string {
	if u, err := user.Current(); err == nil && u.Username != "" {
		return "terminal:" + u.Username
	}
	return "terminal"
}
