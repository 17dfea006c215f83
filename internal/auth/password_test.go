package auth

import (
	"strings"
	"testing"
)

func TestHashRecommendedParameters(t *testing.T) {
	if testing.Short() {
		t.Skip("a 64 MiB hash")
	}
	h, err := HashPassword("kopi tubruk di pagi hari", Recommended)
	if err != nil {
		t.Fatal(err)
	}
	if !strings.HasPrefix(h, "$argon2id$v=19$m=65536,t=3,p=4$") {
		t.Fatalf("hash %q does not carry RFC 9106's second option", h)
	}
	p, salt, key, err := ParseHash(h)
	if err != nil {
		t.Fatal(err)
	}
	if p.Memory != 64*1024 || p.Time != 3 || p.Threads != 4 || len(salt) != 16 || len(key) != 32 {
		t.Fatalf("parsed %+v salt %d key %d", p, len(salt), len(key))
	}
	if !CheckPassword(h, "kopi tubruk di pagi hari") {
		t.Fatal("the right password is refused")
	}
	// The costs are at or above OWASP's floor (19 MiB, 2 passes, 1 lane).
	if p.Memory < 19*1024 || p.Time < 2 {
		t.Fatalf("costs %+v below OWASP's minimum", p)
	}
}

func TestCheckPassword(t *testing.T) {
	h, err := HashPassword("sandi-yang-panjang", fast)
	if err != nil {
		t.Fatal(err)
	}
	h2, _ := HashPassword("sandi-yang-panjang", fast)
	if h == h2 {
		t.Fatal("two hashes of one password are equal: the salt is not random")
	}
	for pw, want := range map[string]bool{
		"sandi-yang-panjang":               true,
		"sandi-yang-panjanG":               false,
		"sandi-yang-panjang ":              false,
		"":                                 false,
		strings.Repeat("x", MaxPassword+1): false,
	} {
		if got := CheckPassword(h, pw); got != want {
			t.Errorf("CheckPassword(%q) = %v, want %v", pw, got, want)
		}
	}
}

func TestParseHashRefuses(t *testing.T) {
	good, _ := HashPassword("sandi-yang-panjang", fast)
	parts := strings.Split(good, "$")
	salt, key := parts[4], parts[5]
	for _, bad := range []string{
		"",
		"plain text",
		"$argon2i$v=19$m=64,t=1,p=1$" + salt + "$" + key,      // not the id variant
		"$argon2id$v=16$m=64,t=1,p=1$" + salt + "$" + key,     // old version
		"$argon2id$v=19$t=1,m=64,p=1$" + salt + "$" + key,     // order
		"$argon2id$v=19$m=64,t=1$" + salt + "$" + key,         // missing p
		"$argon2id$v=19$m=64,t=1,p=1,x=2$" + salt + "$" + key, // extra
		"$argon2id$v=19$m=0,t=1,p=1$" + salt + "$" + key,
		"$argon2id$v=19$m=064,t=1,p=1$" + salt + "$" + key,     // leading zero
		"$argon2id$v=19$m=4194304,t=1,p=1$" + salt + "$" + key, // 4 GiB
		"$argon2id$v=19$m=64,t=99,p=1$" + salt + "$" + key,
		"$argon2id$v=19$m=64,t=1,p=200$" + salt + "$" + key,
		"$argon2id$v=19$m=8,t=1,p=4$" + salt + "$" + key, // m < 8p
		"$argon2id$v=19$m=64,t=1,p=1$" + salt + "=$" + key,
		"$argon2id$v=19$m=64,t=1,p=1$" + salt + "$" + key + "$",
		"$argon2id$v=19$m=64,t=1,p=1$" + "c2FsdA" + "$" + key, // salt too short
		"$argon2id$v=19$m=64,t=1,p=1$" + salt + "$" + "a2V5",
	} {
		if _, _, _, err := ParseHash(bad); err == nil {
			t.Errorf("ParseHash(%q) accepted", bad)
		}
		if CheckPassword(bad, "sandi-yang-panjang") {
			t.Errorf("CheckPassword accepted the hash %q", bad)
		}
	}
}
