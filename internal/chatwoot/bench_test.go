package chatwoot

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"io"
	"net"
	"net/http"
	"net/http/httptest"
	"strings"
	"sync/atomic"
	"testing"
)

// Benchmarks of the paths one assignment resource takes per operation: read a conversation,
// encode and send an assignment, find a referenced agent in the lookup cache. `make bench` runs
// the end-to-end benchmark (bench/runner); these isolate the client's share of it.
//
//	go test ./internal/chatwoot -run '^$' -bench . -benchmem

// benchConversationJSON is a full conversation as Chatwoot renders it (DESIGN.md §5.2), with an agent
// assignee, a team and one message: the body every refresh decodes.
const benchConversationJSON = `{"meta":{"sender":{"additional_attributes":{},"availability_status":"offline","email":"customer@example.test","id":12,"name":"Customer","phone_number":null,"blocked":false,"identifier":null,"thumbnail":"","custom_attributes":{},"last_activity_at":1718600000,"created_at":1718600000},` +
	`"channel":"Channel::Api","assignee":{"id":7,"account_id":1,"availability_status":"online","auto_offline":true,"confirmed":true,"email":"alice@example.test","provider":"email","available_name":"Alice","name":"Alice","role":"agent","thumbnail":""},` +
	`"assignee_type":"User","team":{"id":3,"name":"support","description":"First line","allow_auto_assign":true,"account_id":1,"is_member":false},"hmac_verified":false},` +
	`"id":42,"messages":[{"id":901,"content":"Hello, my order has not arrived.","account_id":1,"inbox_id":2,"conversation_id":42,"message_type":0,"created_at":1718600000,"updated_at":"2026-06-17T12:34:56.789Z","private":false,"status":"sent","source_id":null,"content_type":"text","content_attributes":{},"sender_type":"Contact","sender_id":12,"external_source_ids":{},"additional_attributes":{},"processed_message_content":"Hello, my order has not arrived.","sentiment":{},"conversation":{"assignee_id":7,"unread_count":1,"last_activity_at":1718600000,"contact_inbox":{"source_id":"abc"}},"sender":{"id":12,"name":"Customer","type":"contact"}}],` +
	`"account_id":1,"uuid":"7f1c6a52-2f4e-4b8e-9a51-0e6f4f0c1d2a","additional_attributes":{},"agent_last_seen_at":0,"assignee_last_seen_at":0,"can_reply":true,"contact_last_seen_at":0,"custom_attributes":{},"inbox_id":2,"labels":["vip","billing"],` +
	`"muted":false,"snoozed_until":null,"status":"open","created_at":1718600000,"updated_at":1718600000.123,"timestamp":1718600000,"first_reply_created_at":0,"unread_count":1,"last_non_activity_message":null,"last_activity_at":1718600000,"priority":null,"waiting_since":1718600000,"sla_policy_id":null}`

// benchAgentEcho is the agent partial the assignment endpoint answers with (DESIGN.md §4.6).
const benchAgentEcho = `{"id":7,"account_id":1,"availability_status":"online","auto_offline":true,"confirmed":true,"email":"alice@example.test","provider":"email","available_name":"Alice","name":"Alice","role":"agent","thumbnail":""}`

func BenchmarkDecodeConversation(b *testing.B) {
	body := []byte(benchConversationJSON)
	b.SetBytes(int64(len(body)))
	b.ReportAllocs()
	for b.Loop() {
		var conv Conversation
		if err := json.Unmarshal(body, &conv); err != nil {
			b.Fatal(err)
		}
		if conv.AssigneeID() != 7 || conv.TeamID() != 3 {
			b.Fatalf("decoded %+v", conv.Meta)
		}
	}
}

func BenchmarkEncodeAssignmentBody(b *testing.B) {
	b.ReportAllocs()
	for b.Loop() {
		if _, err := json.Marshal(map[string]any{"assignee_id": int64(7)}); err != nil {
			b.Fatal(err)
		}
	}
}

// benchCannedTransport answers every request in memory with one body, so that the client's own
// work (URL, headers, body, retries bookkeeping, decoding) is measured without a network.
type benchCannedTransport struct{ body []byte }

func (t benchCannedTransport) RoundTrip(req *http.Request) (*http.Response, error) {
	if req.Body != nil {
		_, _ = io.Copy(io.Discard, req.Body)
		_ = req.Body.Close()
	}
	return &http.Response{
		StatusCode: http.StatusOK,
		Header:     http.Header{"Content-Type": []string{"application/json; charset=utf-8"}},
		Body:       io.NopCloser(bytes.NewReader(t.body)),
		Request:    req,
	}, nil
}

func benchInMemoryClient(b *testing.B, body string) *Client {
	b.Helper()
	c, err := New(Config{
		BaseURL:    "https://chatwoot.example.test",
		Token:      "bench-token",
		HTTPClient: &http.Client{Transport: benchCannedTransport{body: []byte(body)}},
		MaxRetries: 5,
	})
	if err != nil {
		b.Fatal(err)
	}
	return c
}

// BenchmarkAssignAgentRequest is one assignment POST through the client: encode the body, build
// the request and its headers, read and check the echo.
func BenchmarkAssignAgentRequest(b *testing.B) {
	c := benchInMemoryClient(b, benchAgentEcho)
	ctx := context.Background()
	b.ReportAllocs()
	for b.Loop() {
		if err := c.AssignAgent(ctx, 1, 42, 7); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkGetConversationRequest is one refresh through the client: build the request, read and
// decode the conversation.
func BenchmarkGetConversationRequest(b *testing.B) {
	c := benchInMemoryClient(b, benchConversationJSON)
	ctx := context.Background()
	b.ReportAllocs()
	for b.Loop() {
		if _, err := c.GetConversation(ctx, 1, 42); err != nil {
			b.Fatal(err)
		}
	}
}

// benchAgentList is an account with agents agents.
func benchAgentList(agents int) string {
	parts := make([]string, agents)
	for i := range parts {
		parts[i] = fmt.Sprintf(`{"id":%d,"account_id":1,"availability_status":"offline","auto_offline":true,"confirmed":true,"email":"agent%d@example.test","available_name":"Agent %d","name":"Agent %d","role":"agent","thumbnail":""}`, i+1, i, i, i)
	}
	return "[" + strings.Join(parts, ",") + "]"
}

// BenchmarkFindAgentCacheHit is the reference check every create and update makes once the
// account's agents are cached: it must cost no request and no lock held across a wait.
func BenchmarkFindAgentCacheHit(b *testing.B) {
	for _, agents := range []int{3, 100} {
		b.Run(fmt.Sprintf("agents=%d", agents), func(b *testing.B) {
			c := benchInMemoryClient(b, benchAgentList(agents))
			ctx := context.Background()
			if _, err := Agents.Get(ctx, c, 1, 1); err != nil { // warm the cache
				b.Fatal(err)
			}
			b.ReportAllocs()
			for b.Loop() {
				a, err := Agents.Get(ctx, c, 1, int64(agents))
				if err != nil || a == nil {
					b.Fatalf("Agents.Get: %v, %v", a, err)
				}
			}
		})
	}
}

// BenchmarkFindAgentCacheHitParallel runs the cache hit from many goroutines, as Terraform's
// parallel resource operations do: ns/op falling with GOMAXPROCS shows that hits do not queue
// behind one another.
func BenchmarkFindAgentCacheHitParallel(b *testing.B) {
	c := benchInMemoryClient(b, benchAgentList(3))
	ctx := context.Background()
	if _, err := Agents.Get(ctx, c, 1, 1); err != nil {
		b.Fatal(err)
	}
	b.ReportAllocs()
	b.SetParallelism(5) // 5 × GOMAXPROCS goroutines, about Terraform's 10 on 2 cores
	b.RunParallel(func(pb *testing.PB) {
		for pb.Next() {
			if a, err := Agents.Get(ctx, c, 1, 3); err != nil || a == nil {
				b.Errorf("Agents.Get: %v, %v", a, err)
				return
			}
		}
	})
}

// BenchmarkAssignAgentLoopbackParallel sends assignment POSTs over real loopback HTTP from
// Terraform's 10 parallel operations and reports how many TCP connections the client opened per
// request: above ~0 means connections are closed and re-dialled instead of kept alive, which
// against a real Chatwoot costs a TCP and TLS handshake each time.
func BenchmarkAssignAgentLoopbackParallel(b *testing.B) {
	var conns atomic.Int64
	srv := httptest.NewUnstartedServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		_, _ = io.Copy(io.Discard, r.Body)
		w.Header().Set("Content-Type", "application/json; charset=utf-8")
		_, _ = io.WriteString(w, benchAgentEcho)
	}))
	srv.Config.ConnState = func(_ net.Conn, s http.ConnState) {
		if s == http.StateNew {
			conns.Add(1)
		}
	}
	srv.Start()
	defer srv.Close()
	c, err := New(Config{BaseURL: srv.URL, Token: "bench-token", MaxRetries: 5})
	if err != nil {
		b.Fatal(err)
	}
	ctx := context.Background()
	b.ReportAllocs()
	b.SetParallelism(5)
	b.RunParallel(func(pb *testing.PB) {
		for pb.Next() {
			if err := c.AssignAgent(ctx, 1, 42, 7); err != nil {
				b.Errorf("AssignAgent: %v", err)
				return
			}
		}
	})
	b.ReportMetric(float64(conns.Load())/float64(b.N), "conns/op")
}
