package chatwootmock

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"io"
	"net/http"
	"strings"
	"testing"

	"github.com/chatwoot-community/terraform-provider-chatwoot/internal/fixture"
)

const testPlatformToken = "platform-secret"

// harness drives a mock over real HTTP, the way the provider and the fixture package do.
type harness struct {
	t    *testing.T
	srv  *Server
	base string
	fx   *fixture.Client
}

func newHarness(t *testing.T) *harness {
	t.Helper()
	srv, base := StartTest(t, Options{PlatformToken: testPlatformToken})
	return &harness{t: t, srv: srv, base: base, fx: fixture.New(base, testPlatformToken)}
}

type reply struct {
	status int
	header http.Header
	body   []byte
}

// call sends body as JSON unless it is a string (sent verbatim as JSON) or nil (no body).
func (h *harness) call(method, path, token string, body any) reply {
	h.t.Helper()
	return h.callWith(method, path, body, map[string]string{"api_access_token": token})
}

func (h *harness) callWith(method, path string, body any, headers map[string]string) reply {
	h.t.Helper()
	var rdr io.Reader
	switch b := body.(type) {
	case nil:
	case string:
		rdr = strings.NewReader(b)
	default:
		raw, err := json.Marshal(b)
		if err != nil {
			h.t.Fatal(err)
		}
		rdr = bytes.NewReader(raw)
	}
	req, err := http.NewRequestWithContext(h.t.Context(), method, h.base+path, rdr)
	if err != nil {
		h.t.Fatal(err)
	}
	if rdr != nil {
		req.Header.Set("Content-Type", "application/json")
	}
	for k, v := range headers {
		if v != "" {
			req.Header[k] = []string{v} // raw key: keep the exact spelling on the wire
		}
	}
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		h.t.Fatalf("%s %s: %v", method, path, err)
	}
	defer resp.Body.Close()
	raw, _ := io.ReadAll(resp.Body)
	return reply{status: resp.StatusCode, header: resp.Header, body: raw}
}

func (r reply) obj(t *testing.T) map[string]any {
	t.Helper()
	var m map[string]any
	if err := json.Unmarshal(r.body, &m); err != nil {
		t.Fatalf("body %q is not an object: %v", r.body, err)
	}
	return m
}

func (r reply) arr(t *testing.T) []any {
	t.Helper()
	var a []any
	if err := json.Unmarshal(r.body, &a); err != nil {
		t.Fatalf("body %q is not an array: %v", r.body, err)
	}
	return a
}

// expect checks the status and, unless want is "", the exact body bytes.
func (r reply) expect(t *testing.T, status int, want string) {
	t.Helper()
	if r.status != status {
		t.Fatalf("status = %d, want %d; body %s", r.status, status, r.body)
	}
	if want != "" && string(r.body) != want {
		t.Fatalf("body = %s\nwant   %s", r.body, want)
	}
}

// seed builds a fixture account through the public APIs.
func (h *harness) seed(opts fixture.SeedOptions) *fixture.Scenario {
	h.t.Helper()
	sc, err := h.fx.Seed(context.Background(), opts)
	if err != nil {
		h.t.Fatal(err)
	}
	return sc
}

func acctPath(sc *fixture.Scenario, rest string, args ...any) string {
	return fmt.Sprintf("/api/v1/accounts/%d/", sc.Account.ID) + fmt.Sprintf(rest, args...)
}

func num(v any) int64 {
	f, _ := v.(float64)
	return int64(f)
}

// asObj, asArr and asStr read a JSON value decoded into any as an object, an
// array or a string, and fail the test when it has another shape, so tests can
// walk a decoded body without unchecked type assertions.
func asObj(t *testing.T, v any) map[string]any {
	t.Helper()
	m, ok := v.(map[string]any)
	if !ok {
		t.Fatalf("want a JSON object, got %T: %v", v, v)
	}
	return m
}

func asArr(t *testing.T, v any) []any {
	t.Helper()
	a, ok := v.([]any)
	if !ok {
		t.Fatalf("want a JSON array, got %T: %v", v, v)
	}
	return a
}

func asStr(t *testing.T, v any) string {
	t.Helper()
	s, ok := v.(string)
	if !ok {
		t.Fatalf("want a JSON string, got %T: %v", v, v)
	}
	return s
}

// keysOf lists an object's keys in wire order.
func keysOf(t *testing.T, raw []byte) []string {
	t.Helper()
	dec := json.NewDecoder(bytes.NewReader(raw))
	if tok, err := dec.Token(); err != nil || tok != json.Delim('{') {
		t.Fatalf("not an object: %s", raw)
	}
	var keys []string
	for dec.More() {
		tok, err := dec.Token()
		if err != nil {
			t.Fatal(err)
		}
		keys = append(keys, asStr(t, tok))
		var skip json.RawMessage
		if err := dec.Decode(&skip); err != nil {
			t.Fatal(err)
		}
	}
	return keys
}

func (h *harness) conversation(sc *fixture.Scenario, id int64) map[string]any {
	h.t.Helper()
	r := h.call("GET", acctPath(sc, "conversations/%d", id), sc.AdminToken, nil)
	r.expect(h.t, 200, "")
	return r.obj(h.t)
}

// meta is a conversation's "meta" object.
func meta(t *testing.T, cv map[string]any) map[string]any {
	t.Helper()
	return asObj(t, cv["meta"])
}

func jsonBody(s string) io.Reader { return strings.NewReader(s) }

// newHarnessWith starts a mock with options (version, edition, delays) on top of the platform token.
func newHarnessWith(t *testing.T, opts Options) *harness {
	t.Helper()
	opts.PlatformToken = testPlatformToken
	srv, base := StartTest(t, opts)
	return &harness{t: t, srv: srv, base: base, fx: fixture.New(base, testPlatformToken)}
}
