package chatwootmock

import (
	"encoding/json"
	"math"
	"net/http"
	"strconv"
	"strings"
	"time"
)

// Assignment V2's account-level configuration: assignment policies, their one-per-inbox
// bindings, and (Enterprise) agent capacity policies. No route checks the assignment_v2 or
// advanced_assignment flags; they only decide at assignment time whether this configuration is
// used (assignment_runtime.go).

// assignmentV2 is one account's Assignment V2 state.
type assignmentV2 struct {
	policies []*assignmentPolicy // id order
	bindings map[int64]int64     // inbox id → assignment policy id (inbox_id is unique)
	capacity []*capacityPolicy   // id order
	// fair records, per inbox and agent, the expiry of each conversation's fair-distribution
	// slot: one slot per (inbox, agent, conversation), refreshed on re-assignment.
	fair map[int64]map[int64]map[int64]time.Time
}

// assignV2 returns the account's Assignment V2 state, creating it on first use.
func (a *account) assignV2() *assignmentV2 {
	if a.v2 == nil {
		a.v2 = &assignmentV2{bindings: map[int64]int64{}, fair: map[int64]map[int64]map[int64]time.Time{}}
	}
	return a.v2
}

type assignmentPolicy struct {
	id          int64
	name        string
	description any // string or nil
	order       string
	priority    string
	fairLimit   int64
	fairWindow  int64 // seconds
	// excludeOlderThan is exclude_older_than_hours; nil means no age limit.
	excludeOlderThan *int64
	enabled          bool
	createdAt        time.Time
	updatedAt        time.Time
}

// Chatwoot's column defaults.
const (
	defaultFairLimit        = 100
	defaultFairWindow       = 3600
	defaultExcludeOlderThan = 168
)

func (v2 *assignmentV2) policy(id int64) *assignmentPolicy {
	for _, p := range v2.policies {
		if p.id == id {
			return p
		}
	}
	return nil
}

// boundPolicy returns the policy bound to an inbox, or nil. A binding of an inbox that no
// longer exists is gone with it (Chatwoot destroys it with the inbox).
func (s *Server) boundPolicy(a *account, inboxID int64) *assignmentPolicy {
	if s.state.accountInbox(a, inboxID) == nil {
		return nil
	}
	v2 := a.assignV2()
	id, ok := v2.bindings[inboxID]
	if !ok {
		return nil
	}
	return v2.policy(id)
}

// policyInboxes lists the existing inboxes bound to a policy, in the account's inbox order.
func (s *Server) policyInboxes(a *account, p *assignmentPolicy) []*inbox {
	var out []*inbox
	for _, id := range a.inboxIDs {
		in := s.state.accountInbox(a, id)
		if in != nil && a.assignV2().bindings[id] == p.id {
			out = append(out, in)
		}
	}
	return out
}

func (s *Server) assignmentPolicyJSON(a *account, p *assignmentPolicy) obj {
	o := obj{{"id", p.id}, {"name", p.name}, {"description", p.description}, {"assignment_order", p.order},
		{"conversation_priority", p.priority}, {"fair_distribution_limit", p.fairLimit},
		{"fair_distribution_window", p.fairWindow}}
	if s.versionAtLeast("4.16.0") {
		var h any
		if p.excludeOlderThan != nil {
			h = *p.excludeOlderThan
		}
		o = append(o, field{"exclude_older_than_hours", h})
	}
	return append(o, obj{{"enabled", p.enabled}, {"assigned_inbox_count", len(s.policyInboxes(a, p))},
		{"created_at", p.createdAt.Unix()}, {"updated_at", p.updatedAt.Unix()}}...)
}

// assignmentPolicyColumns are the columns wrap_parameters copies under "assignment_policy".
func (s *Server) assignmentPolicyColumns() []string {
	cols := []string{"id", "account_id", "name", "description", "assignment_order", "conversation_priority",
		"fair_distribution_limit", "fair_distribution_window", "enabled", "created_at", "updated_at"}
	if s.versionAtLeast("4.16.0") {
		cols = append(cols, "exclude_older_than_hours")
	}
	return cols
}

// fetchAssignmentPolicy looks the policy up before any authorization, as Chatwoot's
// before_action order does: an agent learns that an id does not exist.
func (s *Server) fetchAssignmentPolicy(c *reqCtx, idVar string) (*assignmentPolicy, error) {
	id, ok := c.pathID(idVar)
	if !ok {
		return nil, notFound()
	}
	p := c.acct.assignV2().policy(id)
	if p == nil {
		return nil, notFound()
	}
	return p, nil
}

func (s *Server) listAssignmentPolicies(c *reqCtx) error {
	if err := c.requireAdmin(); err != nil {
		return err
	}
	out := []any{}
	for _, p := range c.acct.assignV2().policies {
		out = append(out, s.assignmentPolicyJSON(c.acct, p))
	}
	c.ok(out)
	return nil
}

func (s *Server) showAssignmentPolicy(c *reqCtx) error {
	if c.vars["id"] == "new" {
		return routeNotFound() // `resources` routes it, but the action does not exist
	}
	p, err := s.fetchAssignmentPolicy(c, "id")
	if err != nil {
		return err
	}
	if err := c.requireAdmin(); err != nil {
		return err
	}
	c.ok(s.assignmentPolicyJSON(c.acct, p))
	return nil
}

func (s *Server) createAssignmentPolicy(c *reqCtx) error {
	if err := c.requireAdmin(); err != nil {
		return err
	}
	body, err := c.p.wrapped("assignment_policy", s.assignmentPolicyColumns())
	if err != nil {
		return err
	}
	h := int64(defaultExcludeOlderThan)
	p := &assignmentPolicy{order: "round_robin", priority: "earliest_created", fairLimit: defaultFairLimit,
		fairWindow: defaultFairWindow, excludeOlderThan: &h, enabled: true}
	next, err := s.applyAssignmentPolicy(c, p, body)
	if err != nil {
		return err
	}
	now := s.now()
	next.id, next.createdAt, next.updatedAt = s.nextID("assignment_policies"), now, now
	v2 := c.acct.assignV2()
	v2.policies = append(v2.policies, next)
	c.ok(s.assignmentPolicyJSON(c.acct, next))
	return nil
}

func (s *Server) updateAssignmentPolicy(c *reqCtx) error {
	p, err := s.fetchAssignmentPolicy(c, "id")
	if err != nil {
		return err
	}
	if err := c.requireAdmin(); err != nil {
		return err
	}
	body, err := c.p.wrapped("assignment_policy", s.assignmentPolicyColumns())
	if err != nil {
		return err
	}
	next, err := s.applyAssignmentPolicy(c, p, body)
	if err != nil {
		return err
	}
	next.updatedAt = s.now()
	*p = *next
	c.ok(s.assignmentPolicyJSON(c.acct, p))
	return nil
}

// applyAssignmentPolicy returns a copy of p with the permitted keys of body applied, or the
// error Chatwoot answers: an enum it cannot cast (or a null in a NOT NULL column) is an
// unrescued 500 raised before validation; validation failures are one 422.
func (s *Server) applyAssignmentPolicy(c *reqCtx, p *assignmentPolicy, body map[string]any) (*assignmentPolicy, error) {
	next := *p
	if v, ok := body["assignment_order"]; ok {
		allowed := []string{"round_robin"}
		if s.enterpriseBuild() {
			allowed = append(allowed, "balanced")
		}
		name, ok := castEnum(v, allowed)
		if !ok {
			return nil, internalError()
		}
		next.order = name
	}
	if v, ok := body["conversation_priority"]; ok {
		name, ok := castEnum(v, []string{"earliest_created", "longest_waiting"})
		if !ok {
			return nil, internalError()
		}
		next.priority = name
	}
	if v, ok := body["enabled"]; ok {
		b, ok := castBool(v)
		if !ok {
			return nil, internalError() // NOT NULL
		}
		next.enabled = b
	}
	if v, ok := body["name"]; ok {
		next.name, _ = strVal(v)
	}
	if v, ok := body["description"]; ok {
		next.description = nullableStr(v)
	}
	val := &validation{}
	if strings.TrimSpace(next.name) == "" {
		val.add("name", "Name can't be blank")
	} else {
		for _, other := range c.acct.assignV2().policies {
			if other != p && other.name == next.name {
				val.add("name", "Name has already been taken")
				break
			}
		}
	}
	val.checkLength("name", "Name", next.name, 255)
	if d, ok := next.description.(string); ok {
		val.checkLength("description", "Description", d, 20000)
	}
	if v, ok := body["fair_distribution_limit"]; ok {
		next.fairLimit = positiveInt(val, "fair_distribution_limit", "Fair distribution limit", v, p.fairLimit)
	}
	if v, ok := body["fair_distribution_window"]; ok {
		next.fairWindow = positiveInt(val, "fair_distribution_window", "Fair distribution window", v, p.fairWindow)
	}
	if v, ok := body["exclude_older_than_hours"]; ok && s.versionAtLeast("4.16.0") {
		next.excludeOlderThan = optionalPositiveInteger(val, "exclude_older_than_hours", "Exclude older than hours", v)
	}
	if err := val.err(); err != nil {
		return nil, err
	}
	return &next, nil
}

// castEnum is Rails' enum cast: a value's name, or its integer index given as a JSON integer.
// Anything else (an unknown name, the string "0", null) raises ArgumentError in Chatwoot.
func castEnum(v any, names []string) (string, bool) {
	switch x := v.(type) {
	case string:
		if containsString(names, x) {
			return x, true
		}
	case json.Number:
		if n, err := x.Int64(); err == nil && n >= 0 && n < int64(len(names)) {
			return names[n], true
		}
	}
	return "", false
}

// numberOf is numericality's reading of a raw value: JSON numbers and numeric strings.
func numberOf(v any) (float64, bool) {
	switch x := v.(type) {
	case json.Number:
		f, err := x.Float64()
		return f, err == nil && !math.IsInf(f, 0) && !math.IsNaN(f)
	case string:
		f, err := strconv.ParseFloat(strings.TrimSpace(x), 64)
		return f, err == nil && !math.IsInf(f, 0) && !math.IsNaN(f)
	}
	return 0, false
}

// positiveInt validates `numericality: { greater_than: 0 }` on an integer column and returns
// the stored (truncated) value; old is kept when the value is invalid.
func positiveInt(val *validation, attr, label string, v any, old int64) int64 {
	f, ok := numberOf(v)
	switch {
	case !ok:
		val.add(attr, label+" is not a number")
	case f <= 0:
		val.add(attr, label+" must be greater than 0")
	default:
		return int64(f)
	}
	return old
}

// optionalPositiveInteger validates `numericality: { only_integer: true, greater_than: 0,
// allow_nil: true }`; nil (or "") means no limit.
func optionalPositiveInteger(val *validation, attr, label string, v any) *int64 {
	if v == nil || v == "" {
		return nil
	}
	f, ok := numberOf(v)
	switch {
	case !ok:
		val.add(attr, label+" is not a number")
	case f != math.Trunc(f):
		val.add(attr, label+" must be an integer")
	case f <= 0:
		val.add(attr, label+" must be greater than 0")
	default:
		n := int64(f)
		return &n
	}
	return nil
}

// deleteAssignmentPolicy destroys the policy and, in the same request, every inbox binding
// to it; the inboxes then fall back to the no-policy defaults.
func (s *Server) deleteAssignmentPolicy(c *reqCtx) error {
	p, err := s.fetchAssignmentPolicy(c, "id")
	if err != nil {
		return err
	}
	if err := c.requireAdmin(); err != nil {
		return err
	}
	v2 := c.acct.assignV2()
	kept := v2.policies[:0:0]
	for _, x := range v2.policies {
		if x != p {
			kept = append(kept, x)
		}
	}
	v2.policies = kept
	for inboxID, policyID := range v2.bindings {
		if policyID == p.id {
			delete(v2.bindings, inboxID)
		}
	}
	c.okEmpty()
	return nil
}

func (s *Server) listAssignmentPolicyInboxes(c *reqCtx) error {
	p, err := s.fetchAssignmentPolicy(c, "assignment_policy_id")
	if err != nil {
		return err
	}
	if err := c.requireAdmin(); err != nil {
		return err
	}
	out := []any{}
	for _, in := range s.policyInboxes(c.acct, p) {
		out = append(out, s.inboxJSON(c, in, true))
	}
	c.ok(obj{{"inboxes", out}})
	return nil
}

// policyNotBound is the binding endpoints' own 404 body for an inbox without a policy.
func policyNotBound() *apiError {
	return errorBody(http.StatusNotFound, "Assignment policy not found")
}

func (s *Server) bindingInbox(c *reqCtx) (*inbox, error) {
	id, ok := c.pathID("inbox_id")
	if !ok {
		return nil, notFound()
	}
	in := s.state.accountInbox(c.acct, id)
	if in == nil {
		return nil, notFound()
	}
	return in, nil
}

func (s *Server) showInboxAssignmentPolicy(c *reqCtx) error {
	in, err := s.bindingInbox(c)
	if err != nil {
		return err
	}
	if err := c.requireAdmin(); err != nil {
		return err
	}
	p := s.boundPolicy(c.acct, in.id)
	if p == nil {
		return policyNotBound()
	}
	c.ok(s.assignmentPolicyJSON(c.acct, p))
	return nil
}

// setInboxAssignmentPolicy replaces the inbox's binding. It assigns nothing: binding is not
// an assignment trigger.
func (s *Server) setInboxAssignmentPolicy(c *reqCtx) error {
	in, err := s.bindingInbox(c)
	if err != nil {
		return err
	}
	var p *assignmentPolicy
	if id, ok := castInt(c.p.get("assignment_policy_id")); ok {
		p = c.acct.assignV2().policy(id)
	}
	if p == nil {
		return notFound()
	}
	if err := c.requireAdmin(); err != nil {
		return err
	}
	c.acct.assignV2().bindings[in.id] = p.id
	c.ok(s.assignmentPolicyJSON(c.acct, p))
	return nil
}

func (s *Server) deleteInboxAssignmentPolicy(c *reqCtx) error {
	in, err := s.bindingInbox(c)
	if err != nil {
		return err
	}
	if err := c.requireAdmin(); err != nil {
		return err
	}
	if s.boundPolicy(c.acct, in.id) == nil {
		return policyNotBound()
	}
	delete(c.acct.assignV2().bindings, in.id)
	c.okEmpty()
	return nil
}

func init() {
	const get, post, del = http.MethodGet, http.MethodPost, http.MethodDelete
	routes = append(routes,
		app(get, "assignment_policies", (*Server).listAssignmentPolicies),
		app(post, "assignment_policies", (*Server).createAssignmentPolicy),
		app(get, "assignment_policies/:id", (*Server).showAssignmentPolicy),
		app(del, "assignment_policies/:id", (*Server).deleteAssignmentPolicy),
		app(get, "assignment_policies/:assignment_policy_id/inboxes", (*Server).listAssignmentPolicyInboxes),
		app(get, "inboxes/:inbox_id/assignment_policy", (*Server).showInboxAssignmentPolicy),
		app(post, "inboxes/:inbox_id/assignment_policy", (*Server).setInboxAssignmentPolicy),
		app(del, "inboxes/:inbox_id/assignment_policy", (*Server).deleteInboxAssignmentPolicy),
	)
	routes = append(routes, both(app, "assignment_policies/:id", (*Server).updateAssignmentPolicy)...)
}
