package auth

import (
	"errors"
	"strings"
	"testing"

	"github.com/dinsos-metro/warta/internal/diag"
)

func TestCheckBind(t *testing.T) {
	cert := TLSChoice{CertFile: "c.pem", KeyFile: "k.pem"}
	for _, tc := range []struct {
		addr     string
		accounts int
		tls      TLSChoice
		want     diag.Code // "" for allowed
	}{
		{"127.0.0.1:1313", 0, TLSChoice{}, ""},
		{"localhost:1313", 0, TLSChoice{}, ""},
		{"[::1]:1313", 0, TLSChoice{}, ""},
		{"127.0.0.1:8443", 2, TLSChoice{Auto: true}, ""},
		{"0.0.0.0:8443", 0, TLSChoice{Auto: true}, diag.BindNoAccounts},
		{":8443", 0, cert, diag.BindNoAccounts},
		{"0.0.0.0:8443", 1, TLSChoice{}, diag.BindNoTLS},
		{"192.168.1.10:1313", 3, TLSChoice{}, diag.BindNoTLS},
		{"[::]:8443", 1, TLSChoice{}, diag.BindNoTLS},
		{"0.0.0.0:8443", 1, TLSChoice{Auto: true}, ""},
		{"0.0.0.0:8443", 1, cert, ""},
		{"0.0.0.0:8080", 1, TLSChoice{BehindProxy: true, Proxies: "192.168.1.2"}, ""},
		{"127.0.0.1:8080", 0, TLSChoice{BehindProxy: true, Proxies: "127.0.0.1"}, diag.BindNoAccounts},
		{"127.0.0.1:8080", 1, TLSChoice{BehindProxy: true, Proxies: "127.0.0.1"}, ""},
		{"0.0.0.0:8080", 1, TLSChoice{BehindProxy: true}, diag.BindProxyNoList},
		{"127.0.0.1:8080", 1, TLSChoice{BehindProxy: true, Proxies: "bukan alamat"}, diag.BindProxyNoList},
		{"0.0.0.0:8443", 1, TLSChoice{CertFile: "c.pem"}, diag.BindHalfTLS},
		{"127.0.0.1:8443", 1, TLSChoice{KeyFile: "k.pem"}, diag.BindHalfTLS},
		{"0.0.0.0:8443", 1, TLSChoice{CertFile: "c", KeyFile: "k", Auto: true}, diag.BindTLSTwice},
		{"0.0.0.0", 1, TLSChoice{Auto: true}, diag.BindBadAddress},
		{"", 1, TLSChoice{Auto: true}, diag.BindBadAddress},
	} {
		err := CheckBind(tc.addr, tc.accounts, tc.tls)
		var be *BindError
		switch {
		case tc.want == "" && err != nil:
			t.Errorf("CheckBind(%q, %d, %+v) = %v, want allowed", tc.addr, tc.accounts, tc.tls, err)
		case tc.want != "" && (!errors.As(err, &be) || be.Code != tc.want):
			t.Errorf("CheckBind(%q, %d, %+v) = %v, want %s", tc.addr, tc.accounts, tc.tls, err, tc.want)
		}
		if be != nil && (strings.Contains(be.Message("id"), "%!") || be.Message("id") == be.Message("en")) {
			t.Errorf("message of %s: %q", be.Code, be.Message("id"))
		}
	}
	// The refusal says what to type.
	err := CheckBind("0.0.0.0:8443", 0, TLSChoice{})
	if !strings.Contains(err.Error(), "warta users add") {
		t.Errorf("no accounts: %v", err)
	}
	err = CheckBind("0.0.0.0:8443", 1, TLSChoice{})
	if !strings.Contains(err.Error(), "--tls-auto") {
		t.Errorf("no TLS: %v", err)
	}
}

func TestLoopbackOnly(t *testing.T) {
	if !LoopbackOnly("127.0.0.1:1313", TLSChoice{}) || !LoopbackOnly("[::1]:1313", TLSChoice{}) {
		t.Error("loopback not recognised")
	}
	if LoopbackOnly("127.0.0.1:1313", TLSChoice{BehindProxy: true, Proxies: "127.0.0.1"}) {
		t.Error("a proxied loopback server counts as this computer only: it would run without accounts")
	}
	if LoopbackOnly("0.0.0.0:1313", TLSChoice{}) || LoopbackOnly("192.168.1.5:1313", TLSChoice{}) {
		t.Error("a network address counts as loopback")
	}
}

func TestHostsFor(t *testing.T) {
	h := HostsFor("127.0.0.1:1313")
	for _, want := range []string{"127.0.0.1:1313", "localhost:1313", "[::1]:1313"} {
		if !contains(h, want) {
			t.Errorf("loopback hosts %v lack %s", h, want)
		}
	}
	h = HostsFor("0.0.0.0:8443", "Redaksi.Kantor", "proxy.example:443")
	for _, want := range []string{"127.0.0.1:8443", "redaksi.kantor", "redaksi.kantor:8443", "proxy.example:443"} {
		if !contains(h, want) {
			t.Errorf("office hosts %v lack %s", h, want)
		}
	}
	if contains(HostsFor("127.0.0.1:1313"), "evil.example:1313") {
		t.Error("a foreign name is allowed")
	}
}

func contains(list []string, s string) bool {
	for _, x := range list {
		if x == s {
			return true
		}
	}
	return false
}
