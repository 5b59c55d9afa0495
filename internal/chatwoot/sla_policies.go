package chatwoot

import (
	"context"
	"net/http"
	"time"
)

// SLAPolicy is an SLA policy (Enterprise). Thresholds are seconds, stored as floats; nil is no
// threshold.
type SLAPolicy struct {
	ID                         int64    `json:"id"`
	Name                       string   `json:"name"`
	Description                string   `json:"description"`
	FirstResponseTimeThreshold *float64 `json:"first_response_time_threshold"`
	NextResponseTimeThreshold  *float64 `json:"next_response_time_threshold"`
	ResolutionTimeThreshold    *float64 `json:"resolution_time_threshold"`
	OnlyDuringBusinessHours    bool     `json:"only_during_business_hours"`
}

// SLAPolicyInput is the body of a create or update; every field is sent, nil as null.
type SLAPolicyInput struct {
	Name                       string   `json:"name"`
	Description                *string  `json:"description"`
	FirstResponseTimeThreshold *float64 `json:"first_response_time_threshold"`
	NextResponseTimeThreshold  *float64 `json:"next_response_time_threshold"`
	ResolutionTimeThreshold    *float64 `json:"resolution_time_threshold"`
	OnlyDuringBusinessHours    bool     `json:"only_during_business_hours"`
}

type slaBody struct {
	SLAPolicy SLAPolicyInput `json:"sla_policy"`
}

// ListSLAPolicies returns the account's SLA policies (any member). The Community build answers
// every SLA request with 404, and from Chatwoot 4.17 an account without the sla feature gets 401.
func (c *Client) ListSLAPolicies(ctx context.Context, accountID int64) ([]SLAPolicy, error) {
	return payloadListOf[SLAPolicy](ctx, c, call{method: http.MethodGet, path: accountPath(accountID, "/sla_policies"), idempotent: true})
}

// GetSLAPolicy reads one policy. An unknown id, which Chatwoot answers with a 500, gives
// *NotFoundError once the list confirms it.
func (c *Client) GetSLAPolicy(ctx context.Context, accountID, policyID int64) (*SLAPolicy, error) {
	p, err := payloadOf[SLAPolicy](ctx, c, call{method: http.MethodGet, path: accountPath(accountID, "/sla_policies/%d", policyID), idempotent: true})
	if err != nil {
		return nil, c.confirmSLAMissing(ctx, accountID, policyID, err)
	}
	return p, nil
}

// CreateSLAPolicy creates a policy (administrators only); a blank name is a 422 naming "name".
// Not retried after an unknown outcome.
func (c *Client) CreateSLAPolicy(ctx context.Context, accountID int64, in SLAPolicyInput) (*SLAPolicy, error) {
	defer c.lookups.invalidate(accountID, SLAPolicies.Kind) // the cached list is what Read sees
	return payloadOf[SLAPolicy](ctx, c, call{method: http.MethodPost, path: accountPath(accountID, "/sla_policies"), body: slaBody{in}})
}

// UpdateSLAPolicy replaces a policy's fields (administrators only). An unknown id gives
// *NotFoundError.
func (c *Client) UpdateSLAPolicy(ctx context.Context, accountID, policyID int64, in SLAPolicyInput) (*SLAPolicy, error) {
	defer c.lookups.invalidate(accountID, SLAPolicies.Kind)
	p, err := payloadOf[SLAPolicy](ctx, c, call{method: http.MethodPatch, path: accountPath(accountID, "/sla_policies/%d", policyID), body: slaBody{in}, idempotent: true})
	if err != nil {
		return nil, c.confirmSLAMissing(ctx, accountID, policyID, err)
	}
	return p, nil
}

// DeleteSLAPolicy asks Chatwoot to delete a policy (administrators only). Chatwoot answers 200
// at once, for an unknown id too, and deletes the policy later in a job: use
// WaitSLAPolicyDeleted to know when it is gone.
func (c *Client) DeleteSLAPolicy(ctx context.Context, accountID, policyID int64) error {
	defer c.lookups.invalidate(accountID, SLAPolicies.Kind)
	_, err := c.do(ctx, call{method: http.MethodDelete, path: accountPath(accountID, "/sla_policies/%d", policyID), idempotent: true}, nil)
	return err
}

// SLAPolicyListed reports whether the account's list still holds the policy. After a deletion
// the list is the only reliable check: reading a deleted policy is a 500, not a 404.
func (c *Client) SLAPolicyListed(ctx context.Context, accountID, policyID int64) (bool, error) {
	list, err := c.ListSLAPolicies(ctx, accountID)
	if err != nil {
		return false, err
	}
	for _, p := range list {
		if p.ID == policyID {
			return true, nil
		}
	}
	return false, nil
}

// WaitSLAPolicyDeleted lists the policies every interval until the policy is gone or ctx ends.
func (c *Client) WaitSLAPolicyDeleted(ctx context.Context, accountID, policyID int64, interval time.Duration) error {
	for {
		listed, err := c.SLAPolicyListed(ctx, accountID, policyID)
		if err != nil || !listed {
			return err
		}
		if err := sleepContext(ctx, interval); err != nil {
			return err
		}
	}
}

// confirmSLAMissing turns a 500 into *NotFoundError when the list lacks the policy.
func (c *Client) confirmSLAMissing(ctx context.Context, accountID, policyID int64, err error) error {
	apiErr, ok := asAPIError(err)
	if !ok || apiErr.StatusCode != http.StatusInternalServerError {
		return err
	}
	if listed, listErr := c.SLAPolicyListed(ctx, accountID, policyID); listErr == nil && !listed {
		return &NotFoundError{Kind: "SLA policy", AccountID: accountID, ID: policyID, Cause: err}
	}
	return err
}
