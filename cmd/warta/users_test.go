package main

import (
	"bytes"
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/dinsos-metro/warta/internal/auth"
)

// users runs `warta users ...` with input as what is typed.
func users(t *testing.T, input string, args ...string) (int, string, string) {
	t.Helper()
	usersInput = strings.NewReader(input)
	defer func() { usersInput = os.Stdin }()
	var out, errb bytes.Buffer
	code := run(append([]string{"users"}, args...), &out, &errb)
	return code, out.String(), errb.String()
}

func TestUsersCommand(t *testing.T) {
	usersParams = auth.Params{Memory: 64, Time: 1, Threads: 1, SaltLen: 16, KeyLen: 32}
	defer func() { usersParams = auth.Recommended }()
	dir := t.TempDir()
	src := "--src=" + dir

	code, out, _ := users(t, "", "list", src, "--lang=en")
	if code != 0 || !strings.Contains(out, "no accounts yet") {
		t.Fatalf("empty list: %d %q", code, out)
	}
	code, out, errs := users(t, "kopi-tubruk-pagi\nkopi-tubruk-pagi\n", "add", "siti", "--role", "admin", "--display", "Siti Rahma", src)
	if code != 0 || !strings.Contains(out, "siti") {
		t.Fatalf("add: %d %q %q", code, out, errs)
	}
	if strings.Contains(out+errs, "kopi-tubruk-pagi") {
		t.Fatal("the password was printed")
	}
	// Flags before the name work too.
	if code, _, errs := users(t, "teh-manis-hangat-1\nteh-manis-hangat-1\n", "add", "--role=penulis", src, "budi"); code != 0 {
		t.Fatalf("add budi: %d %s", code, errs)
	}
	refusals := []struct {
		input string
		args  []string
		want  string
	}{
		{"a-long-password-1\na-long-password-2\n", []string{"add", "rina", "--role", "penulis"}, "tidak sama"},
		{"pendek\npendek\n", []string{"add", "rina", "--role", "penulis"}, "terlalu pendek"},
		{"", []string{"add", "rina", "--role", "penulis"}, "tidak ada kata sandi"},
		{"x-long-password-1\nx-long-password-1\n", []string{"add", "rina"}, "--role"},
		{"x-long-password-1\nx-long-password-1\n", []string{"add", "rina", "--role", "editor"}, `"editor" bukan peran`},
		{"x-long-password-1\nx-long-password-1\n", []string{"add", "Rina!", "--role", "penulis"}, "tidak dapat menjadi nama akun"},
		{"x-long-password-1\nx-long-password-1\n", []string{"add", "siti", "--role", "penulis"}, "sudah ada akun bernama siti"},
		{"", []string{"remove", "siti"}, "admin terakhir"},
		{"", []string{"remove", "tidak-ada"}, "tidak ada akun bernama tidak-ada"},
		{"x-long-password-1\nx-long-password-1\n", []string{"passwd", "tidak-ada"}, "tidak ada akun"},
		{"", []string{"role", "siti", "penulis"}, "admin terakhir dan tetap admin"},
		{"", []string{"role", "budi", "editor"}, `"editor" bukan peran`},
		{"", []string{"role", "tidak-ada", "penulis"}, "tidak ada akun bernama tidak-ada"},
	}
	for _, r := range refusals {
		code, _, errs := users(t, r.input, append(r.args, src)...)
		if code != 1 || !strings.Contains(errs, r.want) {
			t.Errorf("users %v: %d %q, want %q", r.args, code, errs, r.want)
		}
	}
	if code, _, _ := users(t, "", "frobnicate", src); code != 2 {
		t.Errorf("unknown subcommand: %d", code)
	}
	// The password was never given on the command line: there is no flag for it.
	if code, _, _ := users(t, "", "add", "rina", "--role", "penulis", "--password", "x", src); code != 2 {
		t.Error("a --password flag was accepted")
	}

	code, out, _ = users(t, "", "list", src)
	if code != 0 || !strings.Contains(out, "siti") || !strings.Contains(out, "Siti Rahma") || !strings.Contains(out, "penulis") || strings.Contains(out, "argon2") {
		t.Fatalf("list: %d %q", code, out)
	}

	u, _ := auth.OpenUsers(dir, usersParams, nil)
	if _, ok := u.Verify("siti", "kopi-tubruk-pagi"); !ok {
		t.Fatal("siti's password does not work")
	}
	if code, _, errs := users(t, "sandi-baru-untuk-siti\r\nsandi-baru-untuk-siti\r\n", "passwd", "siti", src); code != 0 {
		t.Fatalf("passwd: %s", errs)
	}
	if _, ok := u.Verify("siti", "sandi-baru-untuk-siti"); !ok {
		t.Fatal("the new password does not work (CRLF input)")
	}
	if _, ok := u.Verify("siti", "kopi-tubruk-pagi"); ok {
		t.Fatal("the old password still works")
	}
	// budi becomes an editor, then may be made admin, and siti, no longer
	// the last admin, can step down.
	if code, out, errs := users(t, "", "role", "budi", "penyunting", src, "--lang=en"); code != 0 || !strings.Contains(out, "budi now has the role penyunting") {
		t.Fatalf("role: %d %q %q", code, out, errs)
	}
	if x, _ := u.Get("budi"); x.Role != auth.Penyunting {
		t.Fatalf("budi's role: %s", x.Role)
	}
	if code, _, errs := users(t, "", "role", "budi", "admin", src); code != 0 {
		t.Fatalf("role admin: %s", errs)
	}
	if code, _, errs := users(t, "", "role", "siti", "penyunting", src); code != 0 {
		t.Fatalf("siti steps down: %s", errs)
	}
	if code, _, errs := users(t, "", "role", "siti", "admin", src); code != 0 {
		t.Fatalf("siti back to admin: %s", errs)
	}
	if code, _, _ := users(t, "", "remove", "budi", src); code != 0 {
		t.Fatal("remove budi")
	}
	if _, ok := u.Get("budi"); ok {
		t.Fatal("budi is still there")
	}

	// Every account change is in the audit log, without passwords.
	data, err := os.ReadFile(filepath.Join(dir, ".warta", "audit.log"))
	if err != nil {
		t.Fatal(err)
	}
	var actions []string
	for _, line := range strings.Split(strings.TrimSpace(string(data)), "\n") {
		var e auth.Entry
		if err := json.Unmarshal([]byte(line), &e); err != nil {
			t.Fatal(err)
		}
		actions = append(actions, e.Action+" "+e.File)
	}
	want := "account-add siti,account-add budi,account-passwd siti,account-role budi,account-role budi,account-role siti,account-role siti,account-remove budi"
	if got := strings.Join(actions, ","); got != want {
		t.Fatalf("audit: %s, want %s", got, want)
	}
	if strings.Contains(string(data), "sandi") || strings.Contains(string(data), "kopi") {
		t.Fatal("a password reached the audit log")
	}
	for _, f := range []string{"users.json", "audit.log"} {
		if info, _ := os.Stat(filepath.Join(dir, ".warta", f)); info.Mode().Perm() != 0o600 {
			t.Errorf("%s mode %v", f, info.Mode())
		}
	}
}
