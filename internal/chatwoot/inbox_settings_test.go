package chatwoot_test

import (
	"context"
	"encoding/json"
	"io"
	"net/http"
	"net/http/httptest"
	"testing"

	"github.com/chatwoot-community/terraform-provider-chatwoot/internal/chatwoot"
)

func TestInboxAutoAssignmentRoundTrip(t *testing.T) {
	e := newRoutingEnv(t)
	a, inbox := e.sc.Account.ID, e.sc.Inbox.ID
	on, limit := true, int64(4)
	got, err := e.admin.UpdateInboxAutoAssignment(e.ctx, a, inbox, chatwoot.InboxAutoAssignmentUpdate{
		Enabled: &on, SetMaxAssignmentLimit: true, MaxAssignmentLimit: &limit,
	})
	if err != nil || !got.Enabled || got.MaxAssignmentLimit == nil || *got.MaxAssignmentLimit != 4 {
		t.Fatalf("update = %+v, %v", got, err)
	}
	// Clearing the limit replaces the whole hash with {}.
	if got, err = e.admin.UpdateInboxAutoAssignment(e.ctx, a, inbox, chatwoot.InboxAutoAssignmentUpdate{SetMaxAssignmentLimit: true}); err != nil || got.MaxAssignmentLimit != nil {
		t.Fatalf("clearing = %+v, %v", got, err)
	}
	read, err := e.admin.GetInboxAutoAssignment(e.ctx, a, inbox)
	if err != nil || !read.Enabled || read.MaxAssignmentLimit != nil {
		t.Fatalf("read = %+v, %v", read, err)
	}
	zero := int64(0)
	_, err = e.admin.UpdateInboxAutoAssignment(e.ctx, a, inbox, chatwoot.InboxAutoAssignmentUpdate{SetMaxAssignmentLimit: true, MaxAssignmentLimit: &zero})
	if !chatwoot.IsUnprocessable(err) {
		t.Fatalf("a zero limit: %v; want 422", err)
	}
}

// A limit written by another client as a string, or an odd value, must not break reads.
func TestInboxAutoAssignmentLenientDecode(t *testing.T) {
	for raw, want := range map[string]int64{
		`{"enable_auto_assignment":true,"auto_assignment_config":{"max_assignment_limit":"5"}}`: 5,
		`{"enable_auto_assignment":true,"auto_assignment_config":{"max_assignment_limit":7}}`:   7,
		`{"enable_auto_assignment":false,"auto_assignment_config":{}}`:                          0,
		`{"enable_auto_assignment":false,"auto_assignment_config":{"max_assignment_limit":""}}`: 0,
	} {
		srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) { _, _ = io.WriteString(w, raw) }))
		c, _ := chatwoot.New(chatwoot.Config{BaseURL: srv.URL, Token: "t"})
		got, err := c.GetInboxAutoAssignment(context.Background(), 1, 2)
		srv.Close()
		if err != nil {
			t.Fatalf("%s: %v", raw, err)
		}
		gotLimit := int64(0)
		if got.MaxAssignmentLimit != nil {
			gotLimit = *got.MaxAssignmentLimit
		}
		if gotLimit != want {
			t.Errorf("%s: limit %d; want %d", raw, gotLimit, want)
		}
	}
}

// Only the named settings are sent.
func TestUpdateInboxAutoAssignmentBody(t *testing.T) {
	var body map[string]json.RawMessage
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		raw, _ := io.ReadAll(r.Body)
		_ = json.Unmarshal(raw, &body)
		_, _ = io.WriteString(w, `{"enable_auto_assignment":false,"auto_assignment_config":{}}`)
	}))
	defer srv.Close()
	c, _ := chatwoot.New(chatwoot.Config{BaseURL: srv.URL, Token: "t"})
	off := false
	if _, err := c.UpdateInboxAutoAssignment(context.Background(), 1, 2, chatwoot.InboxAutoAssignmentUpdate{Enabled: &off}); err != nil {
		t.Fatal(err)
	}
	if len(body) != 1 || string(body["enable_auto_assignment"]) != "false" {
		t.Fatalf("sent %v", body)
	}
}
