package chatwootmock

import (
	"encoding/json"
	"math"
	"net/http"
	"strings"
	"time"
)

// Agent capacity policies exist only in Chatwoot's Enterprise code: on the community build the
// routes are declared but their controllers are missing, so Rails answers its own 404 before
// any authentication. Unlike assignment policies, authorization runs before the lookup here.

type capacityPolicy struct {
	id             int64
	name           string
	description    any
	exclusionRules map[string]any
	limits         []*inboxCapacityLimit // id order
	createdAt      time.Time
	updatedAt      time.Time
}

type inboxCapacityLimit struct {
	id        int64
	inboxID   int64
	limit     int64
	createdAt time.Time
	updatedAt time.Time
}

func (v2 *assignmentV2) capacityPolicy(id int64) *capacityPolicy {
	for _, p := range v2.capacity {
		if p.id == id {
			return p
		}
	}
	return nil
}

// liveLimits drops limits of deleted inboxes, which Chatwoot destroys with the inbox.
func (s *Server) liveLimits(a *account, p *capacityPolicy) []*inboxCapacityLimit {
	var out []*inboxCapacityLimit
	for _, l := range p.limits {
		if s.state.accountInbox(a, l.inboxID) != nil {
			out = append(out, l)
		}
	}
	return out
}

// capacityMembers lists the account users holding the policy: the single
// account_users.agent_capacity_policy_id column, so a user holds at most one policy.
func capacityMembers(a *account, p *capacityPolicy) []*accountUser {
	var out []*accountUser
	for _, m := range a.members {
		if id, ok := m.agentCapacity.(int64); ok && id == p.id {
			out = append(out, m)
		}
	}
	return out
}

func (s *Server) capacityPolicyJSON(a *account, p *capacityPolicy) obj {
	limits := []any{}
	for _, l := range s.liveLimits(a, p) {
		limits = append(limits, obj{{"id", l.id}, {"inbox_id", l.inboxID}, {"conversation_limit", l.limit}})
	}
	return obj{{"id", p.id}, {"name", p.name}, {"description", p.description},
		{"exclusion_rules", orEmptyMap(p.exclusionRules)}, {"created_at", p.createdAt.Unix()},
		{"updated_at", p.updatedAt.Unix()}, {"account_id", a.id},
		{"assigned_agent_count", len(capacityMembers(a, p))}, {"inbox_capacity_limits", limits}}
}

func (s *Server) fetchCapacityPolicy(c *reqCtx, idVar string) (*capacityPolicy, error) {
	if err := c.requireAdmin(); err != nil {
		return nil, err
	}
	id, ok := c.pathID(idVar)
	if !ok {
		return nil, notFound()
	}
	p := c.acct.assignV2().capacityPolicy(id)
	if p == nil {
		return nil, notFound()
	}
	return p, nil
}

func (s *Server) listCapacityPolicies(c *reqCtx) error {
	if err := c.requireAdmin(); err != nil {
		return err
	}
	out := []any{}
	for _, p := range c.acct.assignV2().capacity {
		out = append(out, s.capacityPolicyJSON(c.acct, p))
	}
	c.ok(out)
	return nil
}

func (s *Server) showCapacityPolicy(c *reqCtx) error {
	p, err := s.fetchCapacityPolicy(c, "id")
	if err != nil {
		return err
	}
	c.ok(s.capacityPolicyJSON(c.acct, p))
	return nil
}

var capacityPolicyColumns = []string{"id", "account_id", "name", "description", "exclusion_rules", "created_at", "updated_at"}

func (s *Server) createCapacityPolicy(c *reqCtx) error {
	if err := c.requireAdmin(); err != nil {
		return err
	}
	body, err := c.p.wrapped("agent_capacity_policy", capacityPolicyColumns)
	if err != nil {
		return err
	}
	next, err := applyCapacityPolicy(&capacityPolicy{exclusionRules: map[string]any{}}, body)
	if err != nil {
		return err
	}
	now := s.now()
	next.id, next.createdAt, next.updatedAt = s.nextID("agent_capacity_policies"), now, now
	v2 := c.acct.assignV2()
	v2.capacity = append(v2.capacity, next)
	c.ok(s.capacityPolicyJSON(c.acct, next))
	return nil
}

func (s *Server) updateCapacityPolicy(c *reqCtx) error {
	p, err := s.fetchCapacityPolicy(c, "id")
	if err != nil {
		return err
	}
	body, err := c.p.wrapped("agent_capacity_policy", capacityPolicyColumns)
	if err != nil {
		return err
	}
	next, err := applyCapacityPolicy(p, body)
	if err != nil {
		return err
	}
	next.updatedAt = s.now()
	*p = *next
	c.ok(s.capacityPolicyJSON(c.acct, p))
	return nil
}

// applyCapacityPolicy applies the permitted keys. exclusion_rules is replaced as a whole, keeping
// only its two permitted keys; names are not unique.
func applyCapacityPolicy(p *capacityPolicy, body map[string]any) (*capacityPolicy, error) {
	next := *p
	if v, ok := body["name"]; ok {
		next.name, _ = strVal(v)
	}
	if v, ok := body["description"]; ok {
		next.description = nullableStr(v)
	}
	if v, ok := body["exclusion_rules"].(map[string]any); ok {
		rules := map[string]any{}
		if h, ok := v["exclude_older_than_hours"]; ok && permittedScalar(h) {
			rules["exclude_older_than_hours"] = h
		}
		if list, ok := v["excluded_labels"].([]any); ok {
			labels := []any{}
			for _, x := range list {
				if permittedScalar(x) {
					labels = append(labels, x)
				}
			}
			rules["excluded_labels"] = labels
		}
		next.exclusionRules = rules
	}
	val := &validation{}
	if strings.TrimSpace(next.name) == "" {
		val.add("name", "Name can't be blank")
	}
	val.checkLength("name", "Name", next.name, 255)
	if d, ok := next.description.(string); ok {
		val.checkLength("description", "Description", d, 20000)
	}
	if err := val.err(); err != nil {
		return nil, err
	}
	return &next, nil
}

// permittedScalar is what strong parameters keep for a scalar key.
func permittedScalar(v any) bool {
	switch v.(type) {
	case nil, string, json.Number, bool:
		return true
	}
	return false
}

// deleteCapacityPolicy destroys the policy with its inbox limits and releases its members.
func (s *Server) deleteCapacityPolicy(c *reqCtx) error {
	p, err := s.fetchCapacityPolicy(c, "id")
	if err != nil {
		return err
	}
	for _, m := range capacityMembers(c.acct, p) {
		m.agentCapacity = nil
	}
	v2 := c.acct.assignV2()
	kept := v2.capacity[:0:0]
	for _, x := range v2.capacity {
		if x != p {
			kept = append(kept, x)
		}
	}
	v2.capacity = kept
	c.okEmpty()
	return nil
}

// The users endpoints render each user with the profile JSON, access token included.

func (s *Server) listCapacityPolicyUsers(c *reqCtx) error {
	p, err := s.fetchCapacityPolicy(c, "agent_capacity_policy_id")
	if err != nil {
		return err
	}
	out := []any{}
	for _, m := range capacityMembers(c.acct, p) {
		if u := s.state.users[m.userID]; u != nil {
			out = append(out, s.profileJSON(u))
		}
	}
	c.ok(out)
	return nil
}

// addCapacityPolicyUser moves the user onto this policy from whatever policy they held.
func (s *Server) addCapacityPolicyUser(c *reqCtx) error {
	p, err := s.fetchCapacityPolicy(c, "agent_capacity_policy_id")
	if err != nil {
		return err
	}
	id, _ := castInt(c.p.get("user_id"))
	m := c.acct.member(id)
	u := s.state.users[id]
	if m == nil || u == nil {
		return notFound()
	}
	m.agentCapacity = p.id
	m.updatedAt = s.now()
	c.ok(s.profileJSON(u))
	return nil
}

// removeCapacityPolicyUser clears the user's policy, whichever policy that is.
func (s *Server) removeCapacityPolicyUser(c *reqCtx) error {
	if _, err := s.fetchCapacityPolicy(c, "agent_capacity_policy_id"); err != nil {
		return err
	}
	id, _ := c.pathID("user_id")
	m := c.acct.member(id)
	if m == nil {
		return notFound()
	}
	m.agentCapacity = nil
	m.updatedAt = s.now()
	c.okEmpty()
	return nil
}

func inboxLimitJSON(p *capacityPolicy, l *inboxCapacityLimit, inboxName any) obj {
	o := obj{{"id", l.id}, {"inbox_id", l.inboxID}}
	if inboxName != nil {
		o = append(o, field{"inbox_name", inboxName})
	}
	return append(o, obj{{"agent_capacity_policy_id", p.id}, {"conversation_limit", l.limit},
		{"created_at", l.createdAt.Unix()}, {"updated_at", l.updatedAt.Unix()}}...)
}

// conversationLimit validates `presence` and `numericality: { only_integer: true,
// greater_than_or_equal_to: 0 }`.
func conversationLimit(val *validation, v any) int64 {
	const attr, label = "conversation_limit", "Conversation limit"
	if !present(v) {
		val.add(attr, label+" can't be blank")
		val.add(attr, label+" is not a number")
		return 0
	}
	f, ok := numberOf(v)
	switch {
	case !ok:
		val.add(attr, label+" is not a number")
	case f != math.Trunc(f):
		val.add(attr, label+" must be an integer")
	case f < 0:
		val.add(attr, label+" must be greater than or equal to 0")
	}
	return int64(f)
}

func (s *Server) createInboxLimit(c *reqCtx) error {
	p, err := s.fetchCapacityPolicy(c, "agent_capacity_policy_id")
	if err != nil {
		return err
	}
	id, _ := castInt(c.p.get("inbox_id"))
	in := s.state.accountInbox(c.acct, id)
	if in == nil {
		return notFound()
	}
	for _, l := range s.liveLimits(c.acct, p) {
		if l.inboxID == in.id {
			return couldNotCreate("Inbox has already been assigned to this policy")
		}
	}
	val := &validation{}
	n := conversationLimit(val, c.p.get("conversation_limit"))
	if err := val.err(); err != nil {
		return err
	}
	now := s.now()
	l := &inboxCapacityLimit{id: s.nextID("inbox_capacity_limits"), inboxID: in.id, limit: n, createdAt: now, updatedAt: now}
	p.limits = append(p.limits, l)
	c.ok(inboxLimitJSON(p, l, nil))
	return nil
}

func (s *Server) fetchInboxLimit(c *reqCtx) (*capacityPolicy, *inboxCapacityLimit, error) {
	p, err := s.fetchCapacityPolicy(c, "agent_capacity_policy_id")
	if err != nil {
		return nil, nil, err
	}
	id, _ := c.pathID("id")
	for _, l := range s.liveLimits(c.acct, p) {
		if l.id == id {
			return p, l, nil
		}
	}
	return nil, nil, notFound()
}

func (s *Server) updateInboxLimit(c *reqCtx) error {
	p, l, err := s.fetchInboxLimit(c)
	if err != nil {
		return err
	}
	if c.p.has("conversation_limit") {
		val := &validation{}
		n := conversationLimit(val, c.p.get("conversation_limit"))
		if err := val.err(); err != nil {
			return err
		}
		l.limit = n
		l.updatedAt = s.now()
	}
	c.ok(inboxLimitJSON(p, l, s.state.inboxes[l.inboxID].name))
	return nil
}

func (s *Server) deleteInboxLimit(c *reqCtx) error {
	p, l, err := s.fetchInboxLimit(c)
	if err != nil {
		return err
	}
	kept := p.limits[:0:0]
	for _, x := range p.limits {
		if x != l {
			kept = append(kept, x)
		}
	}
	p.limits = kept
	c.resp = emptyResponse(http.StatusNoContent)
	return nil
}

func init() {
	const get, post, del = http.MethodGet, http.MethodPost, http.MethodDelete
	ent := func(rs ...route) {
		for _, r := range rs {
			r.enterpriseOnly = true
			routes = append(routes, r)
		}
	}
	const base = "agent_capacity_policies"
	ent(app(get, base, (*Server).listCapacityPolicies),
		app(post, base, (*Server).createCapacityPolicy),
		app(get, base+"/:id", (*Server).showCapacityPolicy),
		app(del, base+"/:id", (*Server).deleteCapacityPolicy),
		app(get, base+"/:agent_capacity_policy_id/users", (*Server).listCapacityPolicyUsers),
		app(post, base+"/:agent_capacity_policy_id/users", (*Server).addCapacityPolicyUser),
		app(del, base+"/:agent_capacity_policy_id/users/:user_id", (*Server).removeCapacityPolicyUser),
		app(post, base+"/:agent_capacity_policy_id/inbox_limits", (*Server).createInboxLimit),
		app(del, base+"/:agent_capacity_policy_id/inbox_limits/:id", (*Server).deleteInboxLimit))
	ent(both(app, base+"/:id", (*Server).updateCapacityPolicy)...)
	ent(both(app, base+"/:agent_capacity_policy_id/inbox_limits/:id", (*Server).updateInboxLimit)...)
}
