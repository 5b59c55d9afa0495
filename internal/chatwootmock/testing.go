package chatwootmock

import (
	"net"
	"net/http/httptest"
	"testing"
)

// StartTest serves a new mock on a random 127.0.0.1 port for the duration of a test and returns
// it with its base URL (no trailing slash).
func StartTest(t testing.TB, opts Options) (srv *Server, baseURL string) {
	t.Helper()
	srv = New(opts)
	ln, err := (&net.ListenConfig{}).Listen(t.Context(), "tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatalf("chatwootmock: listen on loopback: %v", err)
	}
	ts := httptest.NewUnstartedServer(srv)
	_ = ts.Listener.Close()
	ts.Listener = ln
	ts.Start()
	t.Cleanup(ts.Close)
	return srv, ts.URL
}
