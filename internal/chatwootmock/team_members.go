package chatwootmock

// ---- /teams/{team_id}/team_members (DESIGN.md §6.3) ----

func (s *Server) listTeamMembers(c *reqCtx) error {
	t, err := s.fetchTeam(c, "team_id")
	if err != nil {
		return err
	}
	c.ok(s.agentsJSON(c.acct, t.memberIDs))
	return nil
}

// teamMemberParams fetches the team, authorizes, and validates user_ids the way the controller
// does: `user_ids.map(&:to_i) - account.user_ids` must be empty, else 401 "Invalid User IDs".
func (s *Server) teamMemberParams(c *reqCtx) (*team, []any, error) {
	t, err := s.fetchTeam(c, "team_id")
	if err != nil {
		return nil, nil, err
	}
	if err := c.requireAdmin(); err != nil {
		return nil, nil, err
	}
	ids, ok := c.p.get("user_ids").([]any)
	if !ok {
		return nil, nil, internalError() // nil.map
	}
	for _, v := range ids {
		if c.acct.member(rubyToI(v)) == nil {
			return nil, nil, unauthorized("Invalid User IDs")
		}
	}
	return t, ids, nil
}

// notIn is Ruby's array difference: only JSON integers can equal the stored integer ids.
func intsNotIn(values []any, current []int64) []any {
	var out []any
	for _, v := range values {
		if n, ok := jsonInt(v); ok && containsID(current, n) {
			continue
		}
		out = append(out, v)
	}
	return out
}

// addTeamMember is team.add_member: find_or_create, returning the user.
func (s *Server) addTeamMember(t *team, v any) int64 {
	id, _ := castInt(v)
	if !t.hasMember(id) {
		t.memberIDs = append(t.memberIDs, id)
	}
	return id
}

// addTeamMembers answers with the newly added agents only.
func (s *Server) addTeamMembers(c *reqCtx) error {
	t, ids, err := s.teamMemberParams(c)
	if err != nil {
		return err
	}
	added := []int64{}
	for _, v := range intsNotIn(ids, t.memberIDs) {
		added = append(added, s.addTeamMember(t, v))
	}
	c.ok(s.agentsJSON(c.acct, added))
	return nil
}

// setTeamMembers makes user_ids the complete set and answers with all members.
func (s *Server) setTeamMembers(c *reqCtx) error {
	t, ids, err := s.teamMemberParams(c)
	if err != nil {
		return err
	}
	before := append([]int64(nil), t.memberIDs...)
	for _, v := range intsNotIn(ids, before) {
		s.addTeamMember(t, v)
	}
	for _, id := range before {
		keep := false
		for _, v := range ids {
			if n, ok := jsonInt(v); ok && n == id {
				keep = true
			}
		}
		if !keep {
			t.memberIDs = removeID(t.memberIDs, id)
		}
	}
	c.ok(s.agentsJSON(c.acct, t.memberIDs))
	return nil
}

func (s *Server) removeTeamMembers(c *reqCtx) error {
	t, ids, err := s.teamMemberParams(c)
	if err != nil {
		return err
	}
	for _, v := range ids {
		if id, ok := castInt(v); ok {
			t.memberIDs = removeID(t.memberIDs, id)
		}
	}
	c.okEmpty()
	return nil
}
