package chatwootmock

import (
	"sort"
	"strings"
)

// agentJSON is app/views/api/v1/models/_agent.json.jbuilder (Enterprise build: custom_role_id).
func (s *Server) agentJSON(a *account, u *user) obj {
	m := a.member(u.id)
	var autoOffline any = true
	var role any
	var customRole any
	if m != nil {
		autoOffline, role, customRole = m.autoOffline, m.role, m.customRoleID
	}
	o := obj{{"id", u.id}, {"account_id", a.id}, {"availability_status", effectiveAvailability(m)},
		{"auto_offline", autoOffline}, {"confirmed", u.confirmed}, {"email", u.email}, {"provider", "email"},
		{"available_name", u.availableName()}}
	if len(u.customAttributes) > 0 {
		o = append(o, field{"custom_attributes", u.customAttributes})
	}
	return append(o, obj{{"name", u.name}, {"role", role}, {"thumbnail", ""}, {"custom_role_id", customRole}}...)
}

// agentsJSON renders users (skipping those that no longer exist) in the given order.
func (s *Server) agentsJSON(a *account, userIDs []int64) []any {
	out := []any{}
	for _, id := range userIDs {
		if u := s.state.users[id]; u != nil {
			out = append(out, s.agentJSON(a, u))
		}
	}
	return out
}

func (s *Server) listAgents(c *reqCtx) error {
	members := append([]*accountUser(nil), c.acct.members...)
	sort.SliceStable(members, func(i, j int) bool {
		return strings.ToLower(s.state.users[members[i].userID].name) < strings.ToLower(s.state.users[members[j].userID].name)
	})
	ids := make([]int64, 0, len(members))
	for _, m := range members {
		ids = append(ids, m.userID)
	}
	c.ok(s.agentsJSON(c.acct, ids))
	return nil
}

// agentLimitReached is the Enterprise usage limit behind render_payment_required.
func agentLimitReached(a *account) bool {
	lim, _ := a.limits.(map[string]any)
	limit, ok := castInt(lim["agents"])
	return ok && int64(len(a.members)) >= limit
}

func paymentRequired() *apiError {
	return errorBody(402, "Account limit exceeded. Please purchase more licenses")
}

// membershipEnums checks role/availability/auto_offline; an invalid enum string is ArgumentError (500).
func membershipEnums(body map[string]any) (role, availability string, autoOffline *bool, err error) {
	if v := body["role"]; v != nil {
		role, _ = strVal(v)
		if role != "agent" && role != "administrator" {
			return "", "", nil, internalError()
		}
	}
	if v := body["availability"]; v != nil {
		availability, _ = strVal(v)
		if !validAvailability(availability) {
			return "", "", nil, internalError()
		}
	}
	if b, ok := castBool(body["auto_offline"]); ok {
		autoOffline = &b
	}
	return role, availability, autoOffline, nil
}

func (s *Server) createAgent(c *reqCtx) error {
	if err := c.requireAdmin(); err != nil {
		return err
	}
	if agentLimitReached(c.acct) {
		return paymentRequired()
	}
	body, err := c.p.wrapped("agent", nil)
	if err != nil {
		return err
	}
	role, availability, autoOffline, err := membershipEnums(body)
	if err != nil {
		return err
	}
	u, err := s.findOrBuildAgentUser(body["email"], body["name"])
	if err != nil {
		return err
	}
	if c.acct.member(u.id) != nil {
		return recordInvalid("user_id", "User has already been taken")
	}
	if u.id == 0 {
		if !s.reserveInvitationEmail(c.acct) {
			return dailyEmailLimitReached()
		}
		s.insertUser(u)
	}
	m := s.addMember(c.acct, u, "agent")
	applyMembership(m, role, availability, autoOffline)
	m.inviterID = c.user.id
	if !s.keepsCustomRole(c) {
		m.customRoleID = c.p.get("custom_role_id") // Enterprise: always written, nil clears
	}
	c.ok(s.agentJSON(c.acct, u))
	return nil
}

// findOrBuildAgentUser is AgentBuilder: reuse a user by email (its name wins) or build an
// unconfirmed one, named after the email's local part when no name is given. A new user has id 0.
func (s *Server) findOrBuildAgentUser(emailParam, nameParam any) (*user, error) {
	email, _ := strVal(emailParam)
	email = strings.ToLower(strings.TrimSpace(email))
	if u := s.userByEmail(email); email != "" && u != nil {
		return u, nil
	}
	name, _ := strVal(nameParam)
	if strings.TrimSpace(name) == "" {
		if email == "" {
			return nil, internalError() // nil.split in the builder
		}
		name, _, _ = strings.Cut(email, "@")
	}
	v := &validation{}
	v.checkLength("name", "Name", name, 255)
	if email == "" {
		v.add("email", "Email can't be blank")
	} else if !userEmailFormat.MatchString(email) {
		v.add("email", "Email is invalid")
	}
	if err := v.err(); err != nil {
		return nil, err
	}
	return &user{name: name, email: email, customAttributes: map[string]any{}, uiSettings: map[string]any{}}, nil
}

func applyMembership(m *accountUser, role, availability string, autoOffline *bool) {
	if role != "" {
		m.role = role
	}
	if availability != "" {
		m.availability = availability
	}
	if autoOffline != nil {
		m.autoOffline = *autoOffline
	}
}

// fetchAgent runs before authorization: a user outside the account is 404 even for agents.
func (s *Server) fetchAgent(c *reqCtx) (*user, error) {
	id, ok := c.pathID("id")
	if !ok || c.acct.member(id) == nil || s.state.users[id] == nil {
		return nil, notFound()
	}
	return s.state.users[id], nil
}

func (s *Server) updateAgent(c *reqCtx) error {
	u, err := s.fetchAgent(c)
	if err != nil {
		return err
	}
	if err := c.requireAdmin(); err != nil {
		return err
	}
	body, err := c.p.wrapped("agent", nil)
	if err != nil {
		return err
	}
	role, availability, autoOffline, err := membershipEnums(body)
	if err != nil {
		return err
	}
	if name, ok := strVal(body["name"]); ok {
		v := &validation{}
		if strings.TrimSpace(name) == "" {
			v.add("name", "Name can't be blank")
		}
		v.checkLength("name", "Name", name, 255)
		if err := v.err(); err != nil {
			return err
		}
		u.name = name
	}
	m := c.acct.member(u.id)
	applyMembership(m, role, availability, autoOffline)
	if !s.keepsCustomRole(c) {
		m.customRoleID = c.p.get("custom_role_id") // Enterprise: an update without it clears it
	}
	m.updatedAt = s.now()
	c.ok(s.agentJSON(c.acct, u))
	return nil
}

// deleteAgent removes the membership; Agents::DestroyJob and DeleteObjectJob (user without
// accounts) run immediately here instead of asynchronously.
func (s *Server) deleteAgent(c *reqCtx) error {
	u, err := s.fetchAgent(c)
	if err != nil {
		return err
	}
	if err := c.requireAdmin(); err != nil {
		return err
	}
	s.removeMember(c.acct, u.id)
	if len(s.memberships(u.id)) == 0 {
		s.destroyUser(u.id)
	}
	c.okEmpty()
	return nil
}

// bulkCreateAgents invites each email as an agent; failures are silently skipped.
func (s *Server) bulkCreateAgents(c *reqCtx) error {
	if err := c.requireAdmin(); err != nil {
		return err
	}
	if agentLimitReached(c.acct) {
		return paymentRequired()
	}
	emails, _ := c.p.get("emails").([]any)
	overBudget := false
	for _, e := range emails {
		u, err := s.findOrBuildAgentUser(e, nil)
		if err != nil || c.acct.member(u.id) != nil {
			continue
		}
		if u.id == 0 {
			if !s.reserveInvitationEmail(c.acct) {
				overBudget = true // the others are still added, then the answer is a 429
				continue
			}
			s.insertUser(u)
		}
		s.addMember(c.acct, u, "agent").inviterID = c.user.id
	}
	if overBudget {
		return dailyEmailLimitReached()
	}
	c.okEmpty()
	return nil
}
