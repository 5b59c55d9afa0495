package chatwootmock

// createAssignment is POST …/conversations/{display_id}/assignments (DESIGN.md §4). Dispatch depends on
// key presence: assignee_id (even null) wins over team_id; neither answers a literal null.
func (s *Server) createAssignment(c *reqCtx) error {
	cv, err := s.fetchConversation(c, "conversation_id")
	if err != nil {
		return err
	}
	before := [3]int64{cv.assigneeID, cv.assigneeBotID, cv.teamID}
	defer func() {
		// Assignment columns are in the conversation_updated whitelist (DESIGN.md §4.8).
		if before != [3]int64{cv.assigneeID, cv.assigneeBotID, cv.teamID} {
			s.dispatchEvent(c, cv, "conversation_updated")
			s.conversationWebhook(c, cv, "conversation_updated", assignmentChanges(before, cv))
		}
	}()
	assigneeType, _ := strVal(c.p.get("assignee_type"))
	switch {
	case c.p.has("assignee_id") || assigneeType == "AgentBot":
		if assigneeType == "AgentBot" {
			return s.assignBot(c, cv)
		}
		return s.assignAgent(c, cv)
	case c.p.has("team_id"):
		return s.assignTeam(c, cv)
	}
	c.ok(nil)
	return nil
}

// assignAgent: any account user (no inbox or team check); anything else unassigns with null.
func (s *Server) assignAgent(c *reqCtx, cv *conversation) error {
	var u *user
	if id, ok := castInt(c.p.get("assignee_id")); ok && c.acct.member(id) != nil {
		u = s.state.users[id]
	}
	if u == nil {
		if cv.assigneeID != 0 || cv.assigneeBotID != 0 {
			cv.assigneeID, cv.assigneeBotID = 0, 0
			cv.updatedAt = s.now()
		}
		c.ok(nil)
		return nil
	}
	if s.versionAtLeast("4.17.0") && cv.assigneeBotID != 0 && cv.status == "pending" {
		// From 4.17.0 a human taking over a bot's pending conversation opens it.
		cv.status = "open"
		if cv.waitingSince == nil {
			now := s.now()
			cv.waitingSince = &now
		}
	}
	if cv.assigneeID != u.id || cv.assigneeBotID != 0 {
		cv.assigneeID, cv.assigneeBotID = u.id, 0
		cv.updatedAt = s.now()
	}
	c.ok(s.agentJSON(c.acct, u))
	return nil
}

// assignBot: a bot of this account or a global one; an unknown bot changes nothing.
func (s *Server) assignBot(c *reqCtx, cv *conversation) error {
	id, ok := castInt(c.p.get("assignee_id"))
	b := s.state.bots[id]
	if !ok || b == nil || (!b.system() && b.accountID != c.acct.id) {
		c.ok(nil)
		return nil
	}
	cv.assigneeID, cv.assigneeBotID = 0, b.id
	if s.versionAtLeast("4.17.0") {
		// From 4.17.0 handing a conversation to a bot makes it pending.
		cv.status, cv.snoozedUntil = "pending", nil
	}
	cv.updatedAt = s.now()
	c.ok(agentBotSlimJSON(b))
	return nil
}

// assignTeam sets or clears the team and answers Team#as_json or null; side effects (DESIGN.md §4.5) run
// only when the team actually changes.
func (s *Server) assignTeam(c *reqCtx, cv *conversation) error {
	var t *team
	if id, ok := castInt(c.p.get("team_id")); ok {
		t = s.state.accountTeam(c.acct, id)
	}
	if s.versionAtLeast("4.17.0") && t == nil && rubyToI(c.p.get("team_id")) > 0 {
		return notFound() // from 4.17.0 teams.find: an unknown positive id no longer clears
	}
	var newID int64
	if t != nil {
		newID = t.id
	}
	if cv.teamID != newID {
		cv.teamID = newID
		cv.updatedAt = s.now()
		s.ensureAssigneeFromTeam(c.acct, cv)
	}
	if t == nil {
		c.ok(nil)
		return nil
	}
	c.ok(s.teamModelJSON(t))
	return nil
}

// ensureAssigneeFromTeam is AssignmentHandler's before_save on a team change: an assignee outside
// the new team is cleared, then an online team member who is also an inbox member may be picked.
// Removing the team keeps the assignee.
func (s *Server) ensureAssigneeFromTeam(a *account, cv *conversation) {
	t := s.state.teams[cv.teamID]
	if t == nil {
		return
	}
	if cv.assigneeID != 0 && !t.hasMember(cv.assigneeID) {
		cv.assigneeID = 0
	}
	if cv.assigneeID != 0 || !t.allowAutoAssign {
		return
	}
	in := s.state.inboxes[cv.inboxID]
	if in == nil {
		return
	}
	var candidates []int64
	for _, id := range s.membersWithCapacity(a, in) {
		if t.hasMember(id) {
			candidates = append(candidates, id)
		}
	}
	if pick := s.roundRobinPick(a, in, s.onlineAmong(a, candidates)); pick != 0 {
		cv.assigneeID, cv.assigneeBotID = pick, 0
	}
}

// isOnline: without websocket presence an agent is available only with auto_offline=false, and
// then their status is the configured availability (DESIGN.md §11.11).
func isOnline(a *account, userID int64) bool {
	m := a.member(userID)
	return m != nil && !m.autoOffline && m.availability == "online"
}

func (s *Server) onlineAmong(a *account, ids []int64) []int64 {
	var out []int64
	for _, id := range ids {
		if isOnline(a, id) {
			out = append(out, id)
		}
	}
	return out
}

// membersWithCapacity is Enterprise's member_ids_with_assignment_capacity: with auto-assignment
// on and max_assignment_limit set, agents already holding that many open conversations drop out.
func (s *Server) membersWithCapacity(a *account, in *inbox) []int64 {
	limitRaw, limited := in.autoAssignmentConfig["max_assignment_limit"]
	if !in.enableAutoAssignment || !limited {
		return append([]int64(nil), in.memberIDs...)
	}
	limit := rubyToI(limitRaw)
	var out []int64
	for _, id := range in.memberIDs {
		var open int64
		for _, cv := range a.conversations {
			if cv.inboxID == in.id && cv.assigneeID == id && cv.status == "open" {
				open++
			}
		}
		if open < limit {
			out = append(out, id)
		}
	}
	return out
}

// roundRobinPick is InboxRoundRobinService#available_agent: the least recently picked allowed
// member is chosen and moved to the back of the inbox's queue.
func (s *Server) roundRobinPick(a *account, in *inbox, allowed []int64) int64 {
	var queue []int64
	for _, id := range a.roundRobin[in.id] {
		if in.hasMember(id) {
			queue = append(queue, id)
		}
	}
	for _, id := range in.memberIDs {
		if !containsID(queue, id) {
			queue = append(queue, id)
		}
	}
	a.roundRobin[in.id] = queue
	for i, id := range queue {
		if containsID(allowed, id) {
			rest := append(append([]int64(nil), queue[:i]...), queue[i+1:]...)
			a.roundRobin[in.id] = append(rest, id)
			return id
		}
	}
	return 0
}

// conversationCandidates are the online inbox members allowed for a conversation; with a team,
// only its members, and nobody when the team does not allow auto-assignment.
func (s *Server) conversationCandidates(a *account, in *inbox, cv *conversation) []int64 {
	ids := s.membersWithCapacity(a, in)
	if t := s.state.teams[cv.teamID]; cv.teamID != 0 && t != nil {
		if !t.allowAutoAssign {
			return nil
		}
		var inTeam []int64
		for _, id := range ids {
			if t.hasMember(id) {
				inTeam = append(inTeam, id)
			}
		}
		ids = inTeam
	}
	return s.onlineAmong(a, ids)
}

// runAutoAssignment is AutoAssignmentHandler's after_save for a conversation that was created
// open or changed to open (DESIGN.md §4.7, §11.9.3): synchronous on legacy accounts, a job under
// assignment_v2.
func (s *Server) runAutoAssignment(c *reqCtx, cv *conversation) {
	in := s.state.inboxes[cv.inboxID]
	if cv.status != "open" || in == nil || !in.enableAutoAssignment {
		return
	}
	if cv.assigneeID != 0 && in.hasMember(cv.assigneeID) {
		return
	}
	if c.acct.hasFeature("assignment_v2") {
		s.scheduleV2Assignment(c, in.id)
		return
	}
	if pick := s.roundRobinPick(c.acct, in, s.conversationCandidates(c.acct, in, cv)); pick != 0 {
		cv.assigneeID, cv.assigneeBotID = pick, 0
		cv.updatedAt = s.now()
	}
}

// scheduleV2Assignment enqueues AutoAssignment::AssignmentJob; like Chatwoot's Redis gate, at
// most one job per inbox is pending. It runs right after the response is rendered.
func (s *Server) scheduleV2Assignment(c *reqCtx, inboxID int64) {
	key := "v2:" + itoa(inboxID)
	for _, k := range c.afterKeys {
		if k == key {
			return
		}
	}
	c.afterKeys = append(c.afterKeys, key)
	a := c.acct
	c.after = append(c.after, func() { s.runV2Assignment(a, inboxID) })
}
