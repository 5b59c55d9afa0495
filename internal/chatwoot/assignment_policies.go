package chatwoot

import (
	"context"
	"encoding/json"
	"net/http"
)

// Assignment V2 routes new conversations with account-level assignment policies, each inbox
// bound to at most one. No endpoint checks the account's assignment_v2 flag: the configuration
// is stored either way and used only while the flag is on.

// Values of AssignmentPolicy.AssignmentOrder and ConversationPriority. Chatwoot answers any
// other value, and balanced on a server built without its Enterprise code, with a 500.
const (
	AssignmentOrderRoundRobin           = "round_robin"
	AssignmentOrderBalanced             = "balanced"
	ConversationPriorityEarliestCreated = "earliest_created"
	ConversationPriorityLongestWaiting  = "longest_waiting"
)

// Chatwoot's defaults for a new policy, and what an inbox without a policy gets at assignment
// time.
const (
	DefaultFairDistributionLimit   = 100
	DefaultFairDistributionWindow  = 3600 // seconds
	DefaultExcludeOlderThanHours   = 168
	NoPolicyFairDistributionLimit  = 5
	NoPolicyFairDistributionWindow = 300 // seconds
	NoPolicyExcludeOlderThanHours  = 168
)

// msgPolicyNotBound is the 404 message of the binding endpoints for an inbox without a policy.
const msgPolicyNotBound = "Assignment policy not found"

// AssignmentPolicy is Chatwoot's assignment policy JSON.
type AssignmentPolicy struct {
	ID int64 `json:"id"`
	// Name is unique per account, compared case-sensitively.
	Name string `json:"name"`
	// Description is nil when Chatwoot holds null.
	Description            *string `json:"description"`
	AssignmentOrder        string  `json:"assignment_order"`
	ConversationPriority   string  `json:"conversation_priority"`
	FairDistributionLimit  int64   `json:"fair_distribution_limit"`
	FairDistributionWindow int64   `json:"fair_distribution_window"`
	// ExcludeOlderThanHours is nil for "no age limit". Servers before 4.16.0 have no such
	// field; HasExcludeOlderThanHours tells that apart from null.
	ExcludeOlderThanHours    *int64 `json:"exclude_older_than_hours"`
	HasExcludeOlderThanHours bool   `json:"-"`
	// Enabled is stored and echoed, but Chatwoot's assignment code never reads it.
	Enabled            bool  `json:"enabled"`
	AssignedInboxCount int64 `json:"assigned_inbox_count"`
	CreatedAt          int64 `json:"created_at"` // epoch seconds
	UpdatedAt          int64 `json:"updated_at"`
}

// UnmarshalJSON records whether exclude_older_than_hours was present.
func (p *AssignmentPolicy) UnmarshalJSON(b []byte) error {
	type plain AssignmentPolicy
	var keys map[string]json.RawMessage
	if err := json.Unmarshal(b, &keys); err != nil {
		return err
	}
	var v plain
	if err := json.Unmarshal(b, &v); err != nil {
		return err
	}
	_, v.HasExcludeOlderThanHours = keys["exclude_older_than_hours"]
	*p = AssignmentPolicy(v)
	return nil
}

// AssignmentPolicyFields are the writable fields of a policy. Nil fields are not sent, so an
// update changes only what it names; Chatwoot answers a body without any field with a 422.
type AssignmentPolicyFields struct {
	Name        *string
	Description *string
	// ClearDescription sends description: null (Description is then ignored).
	ClearDescription       bool
	AssignmentOrder        *string
	ConversationPriority   *string
	FairDistributionLimit  *int64
	FairDistributionWindow *int64
	// ExcludeOlderThanHours is accepted from Chatwoot 4.16.0; older servers drop it silently.
	ExcludeOlderThanHours *int64
	// NoAgeLimit sends exclude_older_than_hours: null (ExcludeOlderThanHours is then ignored).
	NoAgeLimit bool
	Enabled    *bool
}

func (f AssignmentPolicyFields) body() map[string]any {
	m := map[string]any{}
	setField(m, "name", f.Name)
	setClearable(m, "description", f.Description, f.ClearDescription)
	setField(m, "assignment_order", f.AssignmentOrder)
	setField(m, "conversation_priority", f.ConversationPriority)
	setField(m, "fair_distribution_limit", f.FairDistributionLimit)
	setField(m, "fair_distribution_window", f.FairDistributionWindow)
	setClearable(m, "exclude_older_than_hours", f.ExcludeOlderThanHours, f.NoAgeLimit)
	setField(m, "enabled", f.Enabled)
	// The nested form: Chatwoot reads the wrapper and ignores top-level keys beside it.
	return map[string]any{"assignment_policy": m}
}

// ListAssignmentPolicies returns every policy of the account (administrators only; not
// paginated, in no guaranteed order).
func (c *Client) ListAssignmentPolicies(ctx context.Context, accountID int64) ([]AssignmentPolicy, error) {
	return listOf[AssignmentPolicy](ctx, c, call{method: http.MethodGet, path: accountPath(accountID, "/assignment_policies"), idempotent: true})
}

// GetAssignmentPolicy reads one policy (administrators only); an unknown id is IsNotFound.
func (c *Client) GetAssignmentPolicy(ctx context.Context, accountID, policyID int64) (*AssignmentPolicy, error) {
	return objectOf[AssignmentPolicy](ctx, c, call{method: http.MethodGet, path: accountPath(accountID, "/assignment_policies/%d", policyID), idempotent: true})
}

// CreateAssignmentPolicy creates a policy (administrators only). A taken name is a 422 naming
// "name"; an invalid enum is a 500 and saves nothing. It is never retried after an unknown
// outcome.
func (c *Client) CreateAssignmentPolicy(ctx context.Context, accountID int64, fields AssignmentPolicyFields) (*AssignmentPolicy, error) {
	defer c.lookups.invalidate(accountID, AssignmentPolicies.Kind)
	return objectOf[AssignmentPolicy](ctx, c, call{method: http.MethodPost, path: accountPath(accountID, "/assignment_policies"), body: fields.body()})
}

// UpdateAssignmentPolicy changes the fields that are set (administrators only).
func (c *Client) UpdateAssignmentPolicy(ctx context.Context, accountID, policyID int64, fields AssignmentPolicyFields) (*AssignmentPolicy, error) {
	defer c.lookups.invalidate(accountID, AssignmentPolicies.Kind)
	return objectOf[AssignmentPolicy](ctx, c, call{method: http.MethodPatch, path: accountPath(accountID, "/assignment_policies/%d", policyID), body: fields.body(), idempotent: true})
}

// DeleteAssignmentPolicy deletes a policy (administrators only). Chatwoot unbinds it from every
// inbox in the same request; those inboxes fall back to the no-policy defaults.
func (c *Client) DeleteAssignmentPolicy(ctx context.Context, accountID, policyID int64) error {
	defer c.lookups.invalidate(accountID, AssignmentPolicies.Kind)
	_, err := c.do(ctx, call{method: http.MethodDelete, path: accountPath(accountID, "/assignment_policies/%d", policyID), idempotent: true}, nil)
	return err
}

// ListAssignmentPolicyInboxes returns the inboxes bound to a policy (administrators only).
func (c *Client) ListAssignmentPolicyInboxes(ctx context.Context, accountID, policyID int64) ([]Inbox, error) {
	var body struct {
		Inboxes []Inbox `json:"inboxes"`
	}
	_, err := c.do(ctx, call{method: http.MethodGet, path: accountPath(accountID, "/assignment_policies/%d/inboxes", policyID), idempotent: true}, &body)
	return body.Inboxes, err
}

// GetInboxAssignmentPolicy reads the policy bound to an inbox (administrators only). An inbox
// without a binding, including one whose policy was deleted, is IsNotFound and
// IsPolicyNotBound; an unknown inbox is IsNotFound only.
func (c *Client) GetInboxAssignmentPolicy(ctx context.Context, accountID, inboxID int64) (*AssignmentPolicy, error) {
	return objectOf[AssignmentPolicy](ctx, c, call{method: http.MethodGet, path: accountPath(accountID, "/inboxes/%d/assignment_policy", inboxID), idempotent: true})
}

// SetInboxAssignmentPolicy binds a policy to an inbox, replacing any other binding in the same
// request, and returns the bound policy (administrators only). Binding assigns nothing by
// itself: the backlog waits for the next conversation event or periodic run. An unknown inbox
// or policy is IsNotFound. Repeating it is harmless, so it is retried.
func (c *Client) SetInboxAssignmentPolicy(ctx context.Context, accountID, inboxID, policyID int64) (*AssignmentPolicy, error) {
	defer c.lookups.invalidate(accountID, AssignmentPolicies.Kind) // assigned_inbox_count changes
	return objectOf[AssignmentPolicy](ctx, c, call{method: http.MethodPost, path: accountPath(accountID, "/inboxes/%d/assignment_policy", inboxID),
		body: map[string]any{"assignment_policy_id": policyID}, idempotent: true})
}

// DeleteInboxAssignmentPolicy unbinds the inbox's policy (administrators only). An inbox
// without a binding is IsNotFound and IsPolicyNotBound.
func (c *Client) DeleteInboxAssignmentPolicy(ctx context.Context, accountID, inboxID int64) error {
	defer c.lookups.invalidate(accountID, AssignmentPolicies.Kind)
	_, err := c.do(ctx, call{method: http.MethodDelete, path: accountPath(accountID, "/inboxes/%d/assignment_policy", inboxID), idempotent: true}, nil)
	return err
}

// IsPolicyNotBound reports the binding endpoints' 404 for an inbox without a policy, as opposed
// to the generic 404 of an unknown inbox.
func IsPolicyNotBound(err error) bool {
	e, ok := asAPIError(err)
	return ok && e.StatusCode == http.StatusNotFound && e.Message == msgPolicyNotBound
}
