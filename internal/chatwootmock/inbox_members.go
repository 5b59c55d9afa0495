package chatwootmock

// ---- /inbox_members (DESIGN.md §6.5): inbox_id travels in the body for POST, PATCH and DELETE ----

// membersPayload renders inbox members, filtered to users of the current account.
func (s *Server) membersPayload(c *reqCtx, in *inbox) obj {
	var ids []int64
	for _, id := range in.memberIDs {
		if c.acct.member(id) != nil {
			ids = append(ids, id)
		}
	}
	return obj{{"payload", s.agentsJSON(c.acct, ids)}}
}

func (s *Server) showInboxMembers(c *reqCtx) error {
	id, ok := c.pathID("inbox_id")
	in := s.state.accountInbox(c.acct, id)
	if !ok || in == nil {
		return notFound()
	}
	if !c.canSeeInbox(in) {
		return notAuthorized()
	}
	c.ok(s.membersPayload(c, in))
	return nil
}

// inboxMemberParams looks up the body's inbox (404), authorizes, and reads user_ids (nil → 500).
func (s *Server) inboxMemberParams(c *reqCtx) (*inbox, []any, error) {
	id, ok := castInt(c.p.get("inbox_id"))
	in := s.state.accountInbox(c.acct, id)
	if !ok || in == nil {
		return nil, nil, notFound()
	}
	if err := c.requireAdmin(); err != nil {
		return nil, nil, err
	}
	ids, isList := c.p.get("user_ids").([]any)
	if !isList {
		return nil, nil, internalError()
	}
	return in, ids, nil
}

// addInboxMembersTx creates members with create!: any user of the installation is accepted, a
// missing user or a duplicate fails the whole transaction.
func (s *Server) addInboxMembersTx(in *inbox, values []any) ([]int64, error) {
	members := append([]int64(nil), in.memberIDs...)
	for _, v := range intsNotIn(values, in.memberIDs) {
		id, ok := castInt(v)
		if !ok || s.state.users[id] == nil {
			return nil, recordInvalid("user", "User must exist")
		}
		if containsID(members, id) {
			return nil, recordInvalid("user_id", "User has already been taken")
		}
		members = append(members, id)
	}
	return members, nil
}

func (s *Server) addInboxMembers(c *reqCtx) error {
	in, ids, err := s.inboxMemberParams(c)
	if err != nil {
		return err
	}
	members, err := s.addInboxMembersTx(in, ids)
	if err != nil {
		return err
	}
	in.memberIDs = members
	c.ok(s.membersPayload(c, in))
	return nil
}

func (s *Server) setInboxMembers(c *reqCtx) error {
	in, ids, err := s.inboxMemberParams(c)
	if err != nil {
		return err
	}
	members, err := s.addInboxMembersTx(in, ids)
	if err != nil {
		return err
	}
	var kept []int64
	for _, id := range members {
		for _, v := range ids {
			if n, ok := castInt(v); ok && n == id {
				kept = append(kept, id)
				break
			}
		}
	}
	in.memberIDs = kept
	c.ok(s.membersPayload(c, in))
	return nil
}

// removeInboxMembers ignores unknown ids; conversations stay assigned (DESIGN.md §6.5).
func (s *Server) removeInboxMembers(c *reqCtx) error {
	in, ids, err := s.inboxMemberParams(c)
	if err != nil {
		return err
	}
	for _, v := range ids {
		if id, ok := castInt(v); ok {
			in.memberIDs = removeID(in.memberIDs, id)
		}
	}
	c.okEmpty()
	return nil
}
