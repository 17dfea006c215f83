package auth

import (
	"crypto/rand"
	"crypto/subtle"
	"encoding/base64"
	"errors"
	"fmt"
	"strconv"
	"strings"

	"golang.org/x/crypto/argon2"
)

// Params are Argon2id's costs. Memory is in KiB.
type Params struct {
	Memory  uint32
	Time    uint32
	Threads uint8
	SaltLen int
	KeyLen  int
}

// Recommended is RFC 9106's second recommended option (section 4):
// 64 MiB, 3 passes, 4 lanes, 128-bit salt, 256-bit tag. It is above
// OWASP's floor (19 MiB, 2 passes, 1 lane); logins are a few a day on one
// office machine, so the stronger setting costs nothing anyone notices,
// and hashes makes at most two at a time so a flood of logins cannot take
// more than 128 MiB. See the README, "Accounts and HTTPS".
var Recommended = Params{Memory: 64 * 1024, Time: 3, Threads: 4, SaltLen: 16, KeyLen: 32}

// Limits on the costs read from a stored hash: a hash edited by hand (or
// a fuzzer) must not make the server allocate gigabytes.
const (
	maxMemory  = 1 << 20 // KiB: 1 GiB
	maxTime    = 16
	maxThreads = 16
	// MaxPassword bounds what is hashed, in bytes.
	MaxPassword = 1024
)

// hashes lets two Argon2id computations run at once; the rest wait.
var hashes = make(chan struct{}, 2)

func derive(password []byte, salt []byte, p Params) []byte {
	hashes <- struct{}{}
	defer func() { <-hashes }()
	return argon2.IDKey(password, salt, p.Time, p.Memory, p.Threads, uint32(p.KeyLen))
}

var b64 = base64.RawStdEncoding

// HashPassword returns the PHC string of password with a fresh random
// salt: $argon2id$v=19$m=65536,t=3,p=4$salt$hash.
func HashPassword(password string, p Params) (string, error) {
	if len(password) > MaxPassword {
		return "", errors.New("password too long")
	}
	salt := make([]byte, p.SaltLen)
	if _, err := rand.Read(salt); err != nil {
		return "", err
	}
	key := derive([]byte(password), salt, p)
	return fmt.Sprintf("$argon2id$v=%d$m=%d,t=%d,p=%d$%s$%s",
		argon2.Version, p.Memory, p.Time, p.Threads, b64.EncodeToString(salt), b64.EncodeToString(key)), nil
}

// ErrBadHash is a stored hash that is not an Argon2id PHC string warta
// can check.
var ErrBadHash = errors.New("not an Argon2id hash in PHC form")

// ParseHash reads a PHC string back into its costs, salt and tag.
func ParseHash(phc string) (p Params, salt, key []byte, err error) {
	parts := strings.Split(phc, "$")
	// "", "argon2id", "v=19", "m=..,t=..,p=..", salt, hash
	if len(parts) != 6 || parts[0] != "" || parts[1] != "argon2id" || parts[2] != "v="+strconv.Itoa(argon2.Version) {
		return p, nil, nil, ErrBadHash
	}
	seen := 0
	for _, kv := range strings.Split(parts[3], ",") {
		k, v, ok := strings.Cut(kv, "=")
		if !ok {
			return p, nil, nil, ErrBadHash
		}
		n, err := strconv.ParseUint(v, 10, 32)
		if err != nil || n == 0 || v != strconv.FormatUint(n, 10) {
			return p, nil, nil, ErrBadHash
		}
		switch {
		case k == "m" && seen == 0 && n <= maxMemory:
			p.Memory = uint32(n)
		case k == "t" && seen == 1 && n <= maxTime:
			p.Time = uint32(n)
		case k == "p" && seen == 2 && n <= maxThreads:
			p.Threads = uint8(n)
		default:
			return p, nil, nil, ErrBadHash
		}
		seen++
	}
	if seen != 3 || p.Memory < 8*uint32(p.Threads) {
		return p, nil, nil, ErrBadHash
	}
	salt, err = b64.Strict().DecodeString(parts[4])
	if err != nil || len(salt) < 8 || len(salt) > 64 {
		return p, nil, nil, ErrBadHash
	}
	key, err = b64.Strict().DecodeString(parts[5])
	if err != nil || len(key) < 16 || len(key) > 64 {
		return p, nil, nil, ErrBadHash
	}
	p.SaltLen, p.KeyLen = len(salt), len(key)
	return p, salt, key, nil
}

// CheckPassword reports whether password matches the PHC string, comparing
// in constant time.
func CheckPassword(phc, password string) bool {
	p, salt, key, err := ParseHash(phc)
	if err != nil || len(password) > MaxPassword {
		return false
	}
	got := derive([]byte(password), salt, p)
	return subtle.ConstantTimeCompare(got, key) == 1
}
