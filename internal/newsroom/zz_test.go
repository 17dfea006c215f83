package newsroom_test

import (
	"net/http"
	"strings"
	"testing"
)

func TestZZ(t *testing.T) {
	h := start(t, "site.txtar")
	req, _ := http.NewRequest("GET", h.base+"/_redaksi/", nil)
	req.Host = strings.Replace(strings.TrimPrefix(h.base, "http://"), "127.0.0.1", "localhost", 1)
	resp, _ := h.client.Do(req)
	t.Log(resp.Status, req.Header, h.client.Jar.Cookies(req.URL))
}
