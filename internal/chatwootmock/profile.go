package chatwootmock

// ---- GET /api/v1/profile and the self-service endpoints (DESIGN.md §11.8) ----

// effectiveAvailability is availability_status: without websocket presence, an auto_offline
// member is offline whatever their configured availability.
func effectiveAvailability(m *accountUser) string {
	if m == nil || m.autoOffline {
		return "offline"
	}
	return m.availability
}

func (s *Server) profileJSON(u *user) obj {
	var accountID, role any
	if m := s.primaryMembership(u.id); m != nil {
		accountID, role = m.accountID, m.role
	}
	accounts := []any{}
	for _, m := range s.memberships(u.id) {
		a := s.state.accounts[m.accountID]
		item := obj{{"id", a.id}, {"name", a.name}, {"status", a.status},
			{"onboarding_step", nil}, {"active_at", m.activeAt}, {"role", m.role}, {"permissions", []string{m.role}},
			{"availability", m.availability}, {"availability_status", effectiveAvailability(m)},
			{"auto_offline", m.autoOffline}}
		if s.versionAtLeast("4.16.0") {
			item = append(item, field{"api_and_webhooks", a.featureOn("api_and_webhooks")})
		}
		accounts = append(accounts, append(item, field{"custom_role_id", m.customRoleID}, field{"custom_role", nil}))
	}
	token := u.accessToken
	if s.profileHidesToken(u) {
		token = ""
	}
	o := obj{{"access_token", token}, {"account_id", accountID}, {"available_name", u.availableName()},
		{"avatar_url", ""}, {"confirmed", u.confirmed}, {"display_name", u.displayName},
		{"message_signature", u.messageSignature}, {"email", u.email}, {"id", u.id}, {"inviter_id", nil},
		{"name", u.name}, {"provider", "email"}, {"pubsub_token", u.pubsubToken}}
	if len(u.customAttributes) > 0 {
		o = append(o, field{"custom_attributes", u.customAttributes})
	}
	return append(o, obj{{"role", role}, {"ui_settings", orEmptyMap(u.uiSettings)}, {"uid", u.email},
		{"type", nil}, {"accounts", accounts}}...)
}

func (s *Server) showProfile(c *reqCtx) error {
	c.ok(s.profileJSON(c.user))
	return nil
}

// profileMembership finds the caller's membership named by profile.account_id (find_by! → 404).
func (s *Server) profileMembership(c *reqCtx) (map[string]any, *accountUser, error) {
	body, _ := c.p.wrapped("profile", nil)
	id, ok := castInt(body["account_id"])
	a := s.state.accounts[id]
	if !ok || a == nil || a.member(c.user.id) == nil {
		return nil, nil, notFound()
	}
	return body, a.member(c.user.id), nil
}

func (s *Server) profileAvailability(c *reqCtx) error {
	body, m, err := s.profileMembership(c)
	if err != nil {
		return err
	}
	av, _ := strVal(body["availability"])
	if !validAvailability(av) {
		return internalError()
	}
	m.availability = av
	c.ok(s.profileJSON(c.user))
	return nil
}

func (s *Server) profileAutoOffline(c *reqCtx) error {
	body, m, err := s.profileMembership(c)
	if err != nil {
		return err
	}
	v, _ := castBool(body["auto_offline"]) // a missing value means false
	m.autoOffline = v
	c.ok(s.profileJSON(c.user))
	return nil
}

func (s *Server) profileResetToken(c *reqCtx) error {
	c.user.accessToken = newToken()
	c.ok(s.profileJSON(c.user))
	return nil
}

func validAvailability(v string) bool { return v == "online" || v == "offline" || v == "busy" }
