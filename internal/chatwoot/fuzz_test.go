package chatwoot

import (
	"bytes"
	"context"
	"errors"
	"io"
	"net/http"
	"strings"
	"testing"
	"unicode/utf8"
)

// cannedTransport answers every request with one status and body, without a network, so that
// fuzzing reaches the decoders thousands of times a second. Seeds live in testdata/fuzz.
type cannedTransport struct {
	status int
	body   []byte
}

func (t cannedTransport) RoundTrip(req *http.Request) (*http.Response, error) {
	return &http.Response{
		StatusCode: t.status,
		Header:     http.Header{"Content-Type": {"application/json"}},
		Body:       io.NopCloser(bytes.NewReader(t.body)),
		Request:    req,
	}, nil
}

func fuzzClient(t *testing.T, status int, body []byte) *Client {
	c, err := New(Config{
		BaseURL:    "https://chatwoot.example.test",
		Token:      testToken,
		HTTPClient: &http.Client{Transport: cannedTransport{status: status, body: body}},
	})
	if err != nil {
		t.Fatal(err)
	}
	return c
}

// FuzzResponseDecoders feeds arbitrary answers to the calls the provider makes. Whatever comes
// back, a call returns a value or a typed error, never panics, and never succeeds on a non-2xx.
func FuzzResponseDecoders(f *testing.F) {
	f.Fuzz(func(t *testing.T, status int, body []byte) {
		if status < 100 || status > 599 {
			status = 200 + (status%400+400)%400
		}
		c := fuzzClient(t, status, body)
		ctx := context.Background()
		calls := map[string]func() error{
			"GetConversation": func() error { _, err := c.GetConversation(ctx, 1, 7); return err },
			"ListAgents":      func() error { _, err := c.ListAgents(ctx, 1); return err },
			"ListTeams":       func() error { _, err := c.ListTeams(ctx, 1); return err },
			"ListAgentBots":   func() error { _, err := c.ListAgentBots(ctx, 1); return err },
			"ListInboxes":     func() error { _, err := c.ListInboxes(ctx, 1); return err },
			"GetProfile":      func() error { _, err := c.GetProfile(ctx); return err },
			"AssignAgent":     func() error { return c.AssignAgent(ctx, 1, 7, 5) },
			"AssignTeam":      func() error { return c.AssignTeam(ctx, 1, 7, 3) },
			"UnassignTeam":    func() error { return c.UnassignTeam(ctx, 1, 7) },
		}
		for name, call := range calls {
			err := call()
			if status < 200 || status > 299 {
				var apiErr *APIError
				if !errors.As(err, &apiErr) || apiErr.StatusCode != status {
					t.Fatalf("%s: HTTP %d gave %v, want an *APIError", name, status, err)
				}
				continue
			}
			if err == nil {
				continue
			}
			var decodeErr *DecodeError
			var mismatch *AssignmentMismatchError
			if !errors.As(err, &decodeErr) && !errors.As(err, &mismatch) {
				t.Fatalf("%s: HTTP %d gave %T %v, want a *DecodeError or *AssignmentMismatchError", name, status, err, err)
			}
			if strings.Contains(err.Error(), testToken) {
				t.Fatalf("%s: the error shows the token", name)
			}
			if !utf8.ValidString(err.Error()) {
				t.Fatalf("%s: the error is not valid UTF-8, which a diagnostic must be: %q", name, err)
			}
		}
	})
}

// FuzzAPIError parses arbitrary error bodies in all of Chatwoot's error shapes.
func FuzzAPIError(f *testing.F) {
	f.Fuzz(func(t *testing.T, status int, body []byte) {
		e := newAPIError("POST", "/api/v1/accounts/1/conversations/7/assignments", status, body)
		msg := e.Error()
		if !strings.HasPrefix(msg, "POST /api/v1/accounts/1/conversations/7/assignments: HTTP ") {
			t.Fatalf("error %q does not name the request", msg)
		}
		if len(e.Body) > maxErrorBodyInReport+len("…") {
			t.Fatalf("body of %d bytes kept in the error", len(e.Body))
		}
		if !utf8.ValidString(msg) {
			t.Fatalf("error %q is not valid UTF-8, which a diagnostic must be", msg)
		}
	})
}
