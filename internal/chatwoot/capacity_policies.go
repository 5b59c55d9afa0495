package chatwoot

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"net/http"
	"strconv"
	"strings"
)

// Agent capacity policies cap how many open conversations an agent holds per inbox. They exist
// only on servers built with Chatwoot's Enterprise code; elsewhere every route answers Rails'
// routing 404 (IsRouteNotFound). Limits apply at assignment time only while the account has
// advanced_assignment; their exclusion rules apply whenever the account routes with V2.

// msgInboxAlreadyLimited is the 422 of a second limit for the same inbox in one policy.
const msgInboxAlreadyLimited = "Inbox has already been assigned to this policy"

// CapacityPolicy is Chatwoot's agent capacity policy JSON.
type CapacityPolicy struct {
	ID int64 `json:"id"`
	// Name is required and not unique.
	Name               string                 `json:"name"`
	Description        *string                `json:"description"`
	ExclusionRules     CapacityExclusionRules `json:"exclusion_rules"`
	AccountID          int64                  `json:"account_id"`
	AssignedAgentCount int64                  `json:"assigned_agent_count"`
	InboxLimits        []InboxCapacityLimit   `json:"inbox_capacity_limits"`
	CreatedAt          int64                  `json:"created_at"` // epoch seconds
	UpdatedAt          int64                  `json:"updated_at"`
}

// CapacityExclusionRules is a capacity policy's exclusion_rules: conversations the V2 run skips
// in the inboxes the policy limits. Chatwoot stores the object as sent ({} by default) and an
// update that sends it replaces it whole.
type CapacityExclusionRules struct {
	// ExcludeOlderThanHours is nil when absent: no age rule.
	ExcludeOlderThanHours *int64
	ExcludedLabels        []string
}

// MarshalJSON sends only the rules that are set; the zero value is {}.
func (r CapacityExclusionRules) MarshalJSON() ([]byte, error) {
	m := map[string]any{}
	if r.ExcludeOlderThanHours != nil {
		m["exclude_older_than_hours"] = *r.ExcludeOlderThanHours
	}
	if r.ExcludedLabels != nil {
		m["excluded_labels"] = r.ExcludedLabels
	}
	return json.Marshal(m)
}

// UnmarshalJSON is lenient: the object is free JSON that another client may have filled with
// strings ("24") or other shapes; anything unreadable counts as absent.
func (r *CapacityExclusionRules) UnmarshalJSON(b []byte) error {
	*r = CapacityExclusionRules{}
	var raw map[string]json.RawMessage
	_ = json.Unmarshal(b, &raw) // a non-object leaves raw nil: no rules
	if raw == nil {
		return nil
	}
	if h, ok := raw["exclude_older_than_hours"]; ok {
		text := strings.Trim(strings.TrimSpace(string(h)), `"`)
		if n, err := strconv.ParseInt(text, 10, 64); err == nil {
			r.ExcludeOlderThanHours = &n
		}
	}
	if l, ok := raw["excluded_labels"]; ok {
		var items []json.RawMessage
		if json.Unmarshal(l, &items) == nil {
			r.ExcludedLabels = []string{}
			for _, it := range items {
				var s string
				if json.Unmarshal(it, &s) == nil {
					r.ExcludedLabels = append(r.ExcludedLabels, s)
				}
			}
		}
	}
	return nil
}

// InboxCapacityLimit is one inbox limit of a capacity policy. The policy JSON embeds only ID,
// InboxID and ConversationLimit; the create and update answers add the policy id, and the
// update answer the inbox's name.
type InboxCapacityLimit struct {
	ID                    int64  `json:"id"`
	InboxID               int64  `json:"inbox_id"`
	InboxName             string `json:"inbox_name,omitempty"`
	AgentCapacityPolicyID int64  `json:"agent_capacity_policy_id,omitempty"`
	// ConversationLimit is >= 0; 0 means these agents never get this inbox's conversations.
	ConversationLimit int64 `json:"conversation_limit"`
}

// CapacityPolicyFields are the writable fields of a capacity policy; nil fields are not sent.
type CapacityPolicyFields struct {
	Name        *string
	Description *string
	// ClearDescription sends description: null (Description is then ignored).
	ClearDescription bool
	// ExclusionRules, when set, replaces the policy's rules whole.
	ExclusionRules *CapacityExclusionRules
}

func (f CapacityPolicyFields) body() map[string]any {
	m := map[string]any{}
	setField(m, "name", f.Name)
	setClearable(m, "description", f.Description, f.ClearDescription)
	setField(m, "exclusion_rules", f.ExclusionRules)
	return map[string]any{"agent_capacity_policy": m}
}

// CapacityPolicyMember is a user holding a capacity policy. Chatwoot renders each user with
// their profile, access token included; the client decodes only these fields and never keeps
// the rest of the body.
type CapacityPolicyMember struct {
	ID    int64  `json:"id"`
	Name  string `json:"name"`
	Email string `json:"email"`
}

// ListCapacityPolicies returns every capacity policy of the account (administrators only).
func (c *Client) ListCapacityPolicies(ctx context.Context, accountID int64) ([]CapacityPolicy, error) {
	return listOf[CapacityPolicy](ctx, c, call{method: http.MethodGet, path: accountPath(accountID, "/agent_capacity_policies"), idempotent: true})
}

// GetCapacityPolicy reads one capacity policy (administrators only).
func (c *Client) GetCapacityPolicy(ctx context.Context, accountID, policyID int64) (*CapacityPolicy, error) {
	return objectOf[CapacityPolicy](ctx, c, call{method: http.MethodGet, path: capacityPath(accountID, policyID, ""), idempotent: true})
}

// CreateCapacityPolicy creates a capacity policy (administrators only). It is never retried
// after an unknown outcome.
func (c *Client) CreateCapacityPolicy(ctx context.Context, accountID int64, fields CapacityPolicyFields) (*CapacityPolicy, error) {
	defer c.lookups.invalidate(accountID, CapacityPolicies.Kind)
	return objectOf[CapacityPolicy](ctx, c, call{method: http.MethodPost, path: accountPath(accountID, "/agent_capacity_policies"), body: fields.body()})
}

// UpdateCapacityPolicy changes the fields that are set (administrators only).
func (c *Client) UpdateCapacityPolicy(ctx context.Context, accountID, policyID int64, fields CapacityPolicyFields) (*CapacityPolicy, error) {
	defer c.lookups.invalidate(accountID, CapacityPolicies.Kind)
	return objectOf[CapacityPolicy](ctx, c, call{method: http.MethodPatch, path: capacityPath(accountID, policyID, ""), body: fields.body(), idempotent: true})
}

// DeleteCapacityPolicy deletes a capacity policy with its inbox limits and releases its members
// (administrators only).
func (c *Client) DeleteCapacityPolicy(ctx context.Context, accountID, policyID int64) error {
	defer c.lookups.invalidate(accountID, CapacityPolicies.Kind)
	_, err := c.do(ctx, call{method: http.MethodDelete, path: capacityPath(accountID, policyID, ""), idempotent: true}, nil)
	return err
}

// ListCapacityPolicyMembers returns the users holding the policy (administrators only).
func (c *Client) ListCapacityPolicyMembers(ctx context.Context, accountID, policyID int64) ([]CapacityPolicyMember, error) {
	cl := call{method: http.MethodGet, path: capacityPath(accountID, policyID, "/users"), idempotent: true}
	var out []CapacityPolicyMember
	err := c.doWithoutSecrets(ctx, cl, &out)
	return out, err
}

// AddCapacityPolicyMember puts a user of the account on the policy (administrators only). A
// user holds at most one capacity policy: one on another policy is moved silently. A user who
// is not a member of the account is IsNotFound. It sets a value, so it is retried.
func (c *Client) AddCapacityPolicyMember(ctx context.Context, accountID, policyID, userID int64) (*CapacityPolicyMember, error) {
	defer c.lookups.invalidate(accountID, CapacityPolicies.Kind)
	cl := call{method: http.MethodPost, path: capacityPath(accountID, policyID, "/users"), body: map[string]any{"user_id": userID}, idempotent: true}
	var m CapacityPolicyMember
	if err := c.doWithoutSecrets(ctx, cl, &m); err != nil {
		return nil, err
	}
	return &m, nil
}

// RemoveCapacityPolicyMember clears the user's capacity policy (administrators only). Chatwoot
// clears it whichever policy the user holds, not only policyID: callers check membership first
// when that matters.
func (c *Client) RemoveCapacityPolicyMember(ctx context.Context, accountID, policyID, userID int64) error {
	defer c.lookups.invalidate(accountID, CapacityPolicies.Kind)
	_, err := c.do(ctx, call{method: http.MethodDelete, path: capacityPath(accountID, policyID, "/users/%d", userID), idempotent: true}, nil)
	return err
}

// CreateInboxCapacityLimit adds a limit for an inbox to the policy (administrators only). A
// second limit for the same inbox is a 422 (IsInboxAlreadyLimited); an unknown inbox is
// IsNotFound. It is never retried after an unknown outcome.
func (c *Client) CreateInboxCapacityLimit(ctx context.Context, accountID, policyID, inboxID, conversationLimit int64) (*InboxCapacityLimit, error) {
	defer c.lookups.invalidate(accountID, CapacityPolicies.Kind)
	return objectOf[InboxCapacityLimit](ctx, c, call{method: http.MethodPost, path: capacityPath(accountID, policyID, "/inbox_limits"),
		body: map[string]any{"inbox_id": inboxID, "conversation_limit": conversationLimit}})
}

// UpdateInboxCapacityLimit changes a limit's conversation_limit; limits are addressed by their
// own id.
func (c *Client) UpdateInboxCapacityLimit(ctx context.Context, accountID, policyID, limitID, conversationLimit int64) (*InboxCapacityLimit, error) {
	defer c.lookups.invalidate(accountID, CapacityPolicies.Kind)
	return objectOf[InboxCapacityLimit](ctx, c, call{method: http.MethodPatch, path: capacityPath(accountID, policyID, "/inbox_limits/%d", limitID),
		body: map[string]any{"conversation_limit": conversationLimit}, idempotent: true})
}

// DeleteInboxCapacityLimit removes a limit (Chatwoot answers 204).
func (c *Client) DeleteInboxCapacityLimit(ctx context.Context, accountID, policyID, limitID int64) error {
	defer c.lookups.invalidate(accountID, CapacityPolicies.Kind)
	_, err := c.do(ctx, call{method: http.MethodDelete, path: capacityPath(accountID, policyID, "/inbox_limits/%d", limitID), idempotent: true}, nil)
	return err
}

// IsInboxAlreadyLimited reports the 422 of a second limit for one inbox in one policy.
func IsInboxAlreadyLimited(err error) bool {
	e, ok := asAPIError(err)
	return ok && e.StatusCode == http.StatusUnprocessableEntity && e.Message == msgInboxAlreadyLimited
}

// IsRouteNotFound reports Rails' routing 404 ({"status":404,"error":"Not Found"}), which is
// what every capacity-policy route answers on a server built without the Enterprise code. It
// differs from a missing record's 404.
func IsRouteNotFound(err error) bool {
	e, ok := asAPIError(err)
	return ok && e.StatusCode == http.StatusNotFound && e.Message == "Not Found"
}

func capacityPath(accountID, policyID int64, rest string, args ...any) string {
	return accountPath(accountID, "/agent_capacity_policies/%d", policyID) + fmt.Sprintf(rest, args...)
}

// errWithheldBody stands in for a body that carries other users' access tokens.
var errWithheldBody = errors.New("the body is withheld: it carries access tokens")

// doWithoutSecrets decodes a body that carries access tokens into out without letting any of it
// into an error or a log.
func (c *Client) doWithoutSecrets(ctx context.Context, cl call, out any) error {
	raw, err := c.do(ctx, cl, nil)
	if err != nil {
		return err
	}
	if len(bytes.TrimSpace(raw)) == 0 || isJSONNull(raw) {
		return nil
	}
	if json.Unmarshal(raw, out) != nil {
		return &DecodeError{Method: cl.method, Path: cl.path, StatusCode: http.StatusOK, Err: errWithheldBody, Snippet: "(withheld)"}
	}
	return nil
}
