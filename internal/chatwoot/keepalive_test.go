package chatwoot

import (
	"context"
	"net"
	"net/http"
	"net/http/httptest"
	"sync"
	"sync/atomic"
	"testing"
	"time"
)

// Ten concurrent requests at a time, as Terraform's default parallelism sends, must reuse their
// connections round after round instead of re-dialling (each dial is a TCP and TLS handshake
// against a real Chatwoot).
func TestClientReusesConnectionsUnderTerraformParallelism(t *testing.T) {
	t.Parallel()
	var dials atomic.Int64
	srv := httptest.NewUnstartedServer(http.HandlerFunc(func(w http.ResponseWriter, _ *http.Request) {
		time.Sleep(5 * time.Millisecond) // keep the ten requests of a round in flight together
		w.Header().Set("Content-Type", "application/json")
		_, _ = w.Write([]byte(`{"id":1,"meta":{}}`))
	}))
	srv.Config.ConnState = func(_ net.Conn, state http.ConnState) {
		if state == http.StateNew {
			dials.Add(1)
		}
	}
	srv.Start()
	t.Cleanup(srv.Close)

	c, err := New(Config{BaseURL: srv.URL, Token: "t"})
	if err != nil {
		t.Fatal(err)
	}
	const parallelism, rounds = 10, 5
	for round := 0; round < rounds; round++ {
		var wg sync.WaitGroup
		for i := 0; i < parallelism; i++ {
			wg.Add(1)
			go func() {
				defer wg.Done()
				if _, err := c.GetConversation(context.Background(), 1, 1); err != nil {
					t.Error(err)
				}
			}()
		}
		wg.Wait()
	}
	// The first round opens up to ten connections; later rounds should find them idle.
	if n := dials.Load(); n > 2*parallelism {
		t.Fatalf("%d rounds of %d concurrent requests opened %d connections; want at most %d (connections are not kept alive)",
			rounds, parallelism, n, 2*parallelism)
	}
}
