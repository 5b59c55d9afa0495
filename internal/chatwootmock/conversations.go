package chatwootmock

import (
	"sort"
	"strconv"
	"time"
)

const conversationsPerPage = 25

var conversationStatuses = []string{"open", "resolved", "pending", "snoozed"}
var priorities = []string{"low", "medium", "high", "urgent"}

// agentBotSlimJSON is the agent_bot_slim partial; system bots have no outgoing_url.
func agentBotSlimJSON(b *agentBot) obj {
	o := obj{{"id", b.id}, {"name", b.name}, {"description", b.description}, {"thumbnail", b.thumbnail}}
	if !b.system() {
		o = append(o, field{"outgoing_url", b.outgoingURL})
	}
	return append(o, field{"bot_type", b.botType})
}

// conversationJSON is the conversation partial (DESIGN.md §5.2). The id is the display_id, there is no
// top-level assignee_id/team_id, and meta keys for an absent assignee or team are omitted.
func (s *Server) conversationJSON(c *reqCtx, a *account, cv *conversation) (obj, error) {
	ct := s.state.contacts[cv.contactID]
	meta := obj{}
	if ct != nil {
		meta = append(meta, field{"sender", s.contactJSON(ct, false)})
	} else {
		meta = append(meta, field{"sender", nil})
	}
	meta = append(meta, field{"channel", "Channel::Api"})
	if b := s.state.bots[cv.assigneeBotID]; cv.assigneeBotID != 0 && b != nil {
		meta = append(meta, field{"assignee", agentBotSlimJSON(b)}, field{"assignee_type", "AgentBot"})
	} else if u := s.state.users[cv.assigneeID]; u != nil && a.member(u.id) != nil {
		meta = append(meta, field{"assignee", s.agentJSON(a, u)}, field{"assignee_type", "User"})
	}
	if t := s.state.teams[cv.teamID]; cv.teamID != 0 && t != nil {
		if c.bot != nil {
			return nil, internalError() // AgentBot has no teams association: is_member raises
		}
		meta = append(meta, field{"team", s.teamJSON(c, t)})
	}
	meta = append(meta, field{"hmac_verified", false})

	messages := []any{}
	var lastMessage any
	if n := len(cv.messages); n > 0 {
		m := s.messageJSON(a, cv, cv.messages[n-1])
		messages = append(messages, m)
		lastMessage = m
	}
	return obj{{"meta", meta}, {"id", cv.displayID}, {"messages", messages}, {"account_id", a.id}, {"uuid", cv.uuid},
		{"additional_attributes", orEmptyMap(cv.additional)}, {"agent_last_seen_at", 0}, {"assignee_last_seen_at", 0},
		{"can_reply", true}, {"contact_last_seen_at", 0}, {"custom_attributes", orEmptyMap(cv.custom)},
		{"inbox_id", cv.inboxID}, {"labels", append([]string{}, cv.labels...)}, {"muted", false},
		{"snoozed_until", isoOrNil(cv.snoozedUntil)}, {"status", cv.status}, {"created_at", cv.createdAt.Unix()},
		{"updated_at", epochFloat(cv.updatedAt)}, {"timestamp", cv.lastActivity.Unix()}, {"first_reply_created_at", 0},
		{"unread_count", 0}, {"last_non_activity_message", lastMessage}, {"last_activity_at", cv.lastActivity.Unix()},
		{"priority", cv.priority}, {"waiting_since", epochOrZero(cv.waitingSince)}, {"sla_policy_id", nil}}, nil
}

func (s *Server) messageJSON(a *account, cv *conversation, m *message) obj {
	return obj{{"id", m.id}, {"content", m.content}, {"account_id", a.id}, {"inbox_id", cv.inboxID},
		{"conversation_id", cv.displayID}, {"message_type", m.messageType}, {"created_at", m.createdAt.Unix()},
		{"updated_at", iso(m.createdAt)}, {"private", m.private}, {"status", "sent"}, {"source_id", nil},
		{"content_type", "text"}, {"content_attributes", map[string]any{}}, {"sender_type", m.senderType},
		{"sender_id", m.senderID}, {"external_source_ids", map[string]any{}}, {"additional_attributes", map[string]any{}},
		{"processed_message_content", m.content}, {"sentiment", map[string]any{}},
		{"conversation", obj{{"assignee_id", nullableID(cv.assigneeID)}, {"unread_count", 0},
			{"last_activity_at", cv.lastActivity.Unix()}, {"contact_inbox", obj{{"source_id", cv.sourceID}}}}}}
}

func nullableID(id int64) any {
	if id == 0 {
		return nil
	}
	return id
}

// canShowConversation is ConversationPolicy#show? (DESIGN.md §5.3).
func (c *reqCtx) canShowConversation(s *Server, cv *conversation) bool {
	if c.bot != nil || c.isAdmin() {
		return true
	}
	if in := s.state.inboxes[cv.inboxID]; in != nil && in.hasMember(c.user.id) {
		return true
	}
	return cv.teamID != 0 && s.state.userInTeam(cv.teamID, c.user.id)
}

// fetchConversation finds by display_id (404), then authorizes show? (401).
func (s *Server) fetchConversation(c *reqCtx, idVar string) (*conversation, error) {
	id, ok := c.pathID(idVar)
	cv := c.acct.conversation(id)
	if !ok || cv == nil {
		return nil, notFound()
	}
	if !c.canShowConversation(s, cv) {
		return nil, notAuthorized()
	}
	return cv, nil
}

func (s *Server) renderConversation(c *reqCtx, cv *conversation) error {
	o, err := s.conversationJSON(c, c.acct, cv)
	if err != nil {
		return err
	}
	c.ok(o)
	return nil
}

func (s *Server) showConversation(c *reqCtx) error {
	cv, err := s.fetchConversation(c, "id")
	if err != nil {
		return err
	}
	return s.renderConversation(c, cv)
}

// resolveContactInbox is ConversationsController#set_contact_inbox (DESIGN.md §11.9).
func (s *Server) resolveContactInbox(c *reqCtx) (*inbox, *contact, string, error) {
	p := c.p
	source, _ := strVal(p.get("source_id"))
	if present(p.get("inbox_id")) && present(p.get("contact_id")) {
		cid, _ := castInt(p.get("contact_id"))
		ct := s.state.accountContact(c.acct, cid)
		if ct == nil {
			return nil, nil, "", notFound()
		}
		iid, _ := castInt(p.get("inbox_id"))
		in := s.state.accountInbox(c.acct, iid)
		if in == nil {
			return nil, nil, "", notFound()
		}
		if !c.canSeeInbox(in) {
			return nil, nil, "", notAuthorized()
		}
		if source == "" {
			source = newUUID() // a fresh contact_inbox on every call
		} else if owner := s.contactBySource(c.acct, in.id, source); owner != nil && owner.id != ct.id {
			return nil, nil, "", couldNotCreate("source_id should be unique")
		}
		if s.contactBySource(c.acct, in.id, source) == nil {
			ct.inboxes = append(ct.inboxes, &contactInbox{inboxID: in.id, sourceID: source})
		}
		return in, ct, source, nil
	}
	// Source id alone is looked up across all accounts; an inbox the caller cannot see is 401.
	for _, ct := range s.state.contacts {
		for _, ci := range ct.inboxes {
			if source == "" || ci.sourceID != source {
				continue
			}
			in := s.state.inboxes[ci.inboxID]
			if in == nil || in.accountID != c.acct.id || !c.canSeeInbox(in) {
				return nil, nil, "", notAuthorized()
			}
			return in, ct, source, nil
		}
	}
	return nil, nil, "", notFound()
}

func (s *Server) contactBySource(a *account, inboxID int64, source string) *contact {
	for _, id := range a.contactIDs {
		for _, ci := range s.state.contacts[id].inboxes {
			if ci.inboxID == inboxID && ci.sourceID == source {
				return s.state.contacts[id]
			}
		}
	}
	return nil
}

func (s *Server) createConversation(c *reqCtx) error {
	p := c.p
	status := "open"
	if v := p.get("status"); v != nil {
		status, _ = strVal(v)
		if !containsString(conversationStatuses, status) {
			return internalError() // ArgumentError from the enum
		}
	}
	in, ct, source, err := s.resolveContactInbox(c)
	if err != nil {
		return err
	}
	if in.lockToSingleConv {
		for i := len(c.acct.conversations) - 1; i >= 0; i-- {
			if cv := c.acct.conversations[i]; cv.inboxID == in.id && cv.contactID == ct.id && cv.sourceID == source {
				return s.renderConversation(c, cv)
			}
		}
	}
	// The model overrides the requested status.
	if ct.blocked {
		status = "resolved"
	} else if in.agentBotID != 0 {
		status = "pending"
	}
	now := s.now()
	c.acct.nextDisplayID++
	cv := &conversation{id: s.nextID("conversations"), displayID: c.acct.nextDisplayID, accountID: c.acct.id,
		inboxID: in.id, contactID: ct.id, sourceID: source, uuid: newUUID(), status: status,
		additional: map[string]any{}, custom: map[string]any{}, createdAt: now, updatedAt: now, lastActivity: now,
		waitingSince: &now}
	if status == "snoozed" {
		cv.snoozedUntil = parseSnoozedUntil(p.get("snoozed_until"))
	}
	if m, ok := p.get("additional_attributes").(map[string]any); ok {
		cv.additional = m
	}
	if m, ok := p.get("custom_attributes").(map[string]any); ok {
		cv.custom = m
	}
	// assignee_id and team_id are stored without checking the account (ConversationBuilder).
	if id, ok := castInt(p.get("assignee_id")); ok {
		cv.assigneeID = id
	}
	if s.versionAtLeast("4.16.2") && status == "pending" && in.agentBotID != 0 && cv.assigneeID == 0 {
		cv.assigneeBotID = in.agentBotID // from 4.16.2 the connected bot owns the conversation
	}
	if id, ok := castInt(p.get("team_id")); ok && id != 0 {
		cv.teamID = id
		s.ensureAssigneeFromTeam(c.acct, cv)
	}
	if msg, ok := p.get("message").(map[string]any); ok && present(msg) {
		m := &message{id: s.nextID("messages"), content: nullableStr(msg["content"]), messageType: 1, createdAt: now}
		m.private, _ = castBool(msg["private"])
		if c.user != nil {
			m.senderType, m.senderID = "User", c.user.id
		} else {
			m.senderType, m.senderID = "AgentBot", c.bot.id
		}
		cv.messages = append(cv.messages, m)
	}
	ct.lastActivityAt = &now
	c.acct.conversations = append(c.acct.conversations, cv)

	s.runAutoAssignment(c, cv)
	s.dispatchEvent(c, cv, "conversation_created")
	s.conversationWebhook(c, cv, "conversation_created", nil)
	for _, m := range cv.messages {
		s.messageWebhook(c, cv, m)
	}
	return s.renderConversation(c, cv)
}

// parseSnoozedUntil accepts an epoch number or a date string.
func parseSnoozedUntil(v any) *time.Time {
	if n, ok := jsonInt(v); ok {
		t := time.Unix(n, 0).UTC()
		return &t
	}
	if str, ok := v.(string); ok {
		if n, err := strconv.ParseInt(str, 10, 64); err == nil {
			t := time.Unix(n, 0).UTC()
			return &t
		}
		for _, layout := range []string{time.RFC3339Nano, "2006-01-02T15:04:05", "2006-01-02 15:04:05", "2006-01-02"} {
			if t, err := time.Parse(layout, str); err == nil {
				t = t.UTC()
				return &t
			}
		}
	}
	return nil
}

// updateConversation permits only priority (PATCH does not accept assignee_id or team_id).
func (s *Server) updateConversation(c *reqCtx) error {
	cv, err := s.fetchConversation(c, "id")
	if err != nil {
		return err
	}
	if c.p.has("priority") {
		prev := cv.priority
		if err := setPriority(cv, c.p.get("priority")); err != nil {
			return err
		}
		cv.updatedAt = s.now()
		if prev != cv.priority {
			s.conversationWebhook(c, cv, "conversation_updated", statusChange("priority", prev, cv.priority))
		}
	}
	return s.renderConversation(c, cv)
}

func setPriority(cv *conversation, v any) error {
	pr, ok := strVal(v)
	if !ok || pr == "" || pr == "nil" {
		cv.priority = nil
		return nil
	}
	if !containsString(priorities, pr) {
		return internalError()
	}
	cv.priority = pr
	return nil
}

func (s *Server) togglePriority(c *reqCtx) error {
	cv, err := s.fetchConversation(c, "id")
	if err != nil {
		return err
	}
	prev := cv.priority
	if err := setPriority(cv, c.p.get("priority")); err != nil {
		return err
	}
	cv.updatedAt = s.now()
	if prev != cv.priority {
		s.conversationWebhook(c, cv, "conversation_updated", statusChange("priority", prev, cv.priority))
	}
	c.okEmpty()
	return nil
}

// toggleStatus sets or toggles the status; an agent ending on "open" self-assigns (DESIGN.md §11.9).
func (s *Server) toggleStatus(c *reqCtx) error {
	cv, err := s.fetchConversation(c, "id")
	if err != nil {
		return err
	}
	next, _ := strVal(c.p.get("status"))
	if next == "" {
		next = "open"
		if cv.status == "open" {
			next = "resolved"
		}
	} else if !containsString(conversationStatuses, next) {
		return internalError()
	}
	var success any = true
	if c.bot != nil && cv.status == "pending" && next == "open" {
		success = nil // bot_handoff! returns nothing useful
	}
	changed := cv.status != next
	if changed {
		change := statusChange("status", cv.status, next)
		s.conversationWebhook(c, cv, "conversation_status_changed", change)
		s.conversationWebhook(c, cv, "conversation_updated", change)
	}
	cv.status = next
	if next == "snoozed" {
		cv.snoozedUntil = parseSnoozedUntil(c.p.get("snoozed_until"))
	} else {
		cv.snoozedUntil = nil
	}
	if changed {
		cv.updatedAt = s.now()
		switch next {
		case "open":
			s.dispatchEvent(c, cv, "conversation_updated", "conversation_opened")
		case "resolved":
			s.dispatchEvent(c, cv, "conversation_updated", "conversation_resolved")
		default:
			s.dispatchEvent(c, cv, "conversation_updated")
		}
		if next == "open" {
			s.runAutoAssignment(c, cv)
		} else if (next == "resolved" || next == "snoozed") && c.acct.hasFeature("assignment_v2") {
			s.scheduleV2Assignment(c, cv.inboxID)
		}
	}
	if next == "open" && c.user != nil && cv.assigneeBotID != 0 && s.versionAtLeast("4.16.2") {
		cv.assigneeBotID = 0 // from 4.16.2 a human opening the conversation takes it from the bot
		cv.updatedAt = s.now()
	}
	if next == "open" && c.member != nil && c.member.role == "agent" {
		if cv.assigneeID != c.user.id {
			cv.assigneeID = c.user.id
			cv.assigneeBotID = 0
			cv.updatedAt = s.now()
		}
	}
	c.ok(obj{{"meta", obj{}}, {"payload", obj{{"success", success}, {"conversation_id", cv.displayID},
		{"current_status", cv.status}, {"snoozed_until", isoOrNil(cv.snoozedUntil)}}}})
	return nil
}

// listConversations is ConversationFinder (DESIGN.md §11.9): counts ignore assignee_type and paging but
// respect status, inbox, team and labels.
func (s *Server) listConversations(c *reqCtx) error {
	p := c.p
	var teamFilter *team
	if present(p.get("team_id")) {
		id, _ := castInt(p.get("team_id"))
		if teamFilter = s.state.accountTeam(c.acct, id); teamFilter == nil {
			return notFound()
		}
	}
	status, _ := strVal(p.get("status"))
	if status == "" {
		status = "open"
	}
	inboxFilter, hasInboxFilter := castInt(p.get("inbox_id"))
	labelFilter, hasLabelFilter := labelsFilter(p)

	var base []*conversation
	for _, cv := range c.acct.conversations {
		in := s.state.inboxes[cv.inboxID]
		if in == nil || !c.isAdmin() && !in.hasMember(c.user.id) {
			continue // agents see only their inboxes; team membership does not widen the list
		}
		if hasInboxFilter && cv.inboxID != inboxFilter {
			continue
		}
		if teamFilter != nil && cv.teamID != teamFilter.id {
			continue
		}
		if status != "all" && cv.status != status {
			continue
		}
		if hasLabelFilter && !hasAnyLabel(cv, labelFilter) {
			continue
		}
		base = append(base, cv)
	}
	var mine, assigned, unassigned int
	for _, cv := range base {
		if s.countsAsAssigned(cv) {
			assigned++
			if cv.assigneeID == c.user.id {
				mine++
			}
		} else {
			unassigned++
		}
	}
	assigneeType, _ := strVal(p.get("assignee_type"))
	var list []*conversation
	for _, cv := range base {
		switch assigneeType {
		case "me":
			if cv.assigneeID != c.user.id {
				continue
			}
		case "unassigned":
			if s.countsAsAssigned(cv) {
				continue
			}
		case "assigned":
			if !s.countsAsAssigned(cv) {
				continue
			}
		}
		list = append(list, cv)
	}
	sortConversations(list, stringParam(p, "sort_by"))

	if !present(p.get("updated_within")) {
		page := pageParam(c)
		start := (page - 1) * conversationsPerPage
		if start > len(list) {
			start = len(list)
		}
		end := start + conversationsPerPage
		if end > len(list) {
			end = len(list)
		}
		list = list[start:end]
	}
	payload := []any{}
	for _, cv := range list {
		o, err := s.conversationJSON(c, c.acct, cv)
		if err != nil {
			return err
		}
		payload = append(payload, o)
	}
	c.ok(obj{{"data", obj{{"meta", obj{{"mine_count", mine}, {"assigned_count", assigned},
		{"unassigned_count", unassigned}, {"all_count", len(base)}}}, {"payload", payload}}}})
	return nil
}

func stringParam(p params, key string) string {
	v, _ := strVal(p.get(key))
	return v
}

// sortConversations orders by last activity (newest first) unless sort_by asks for creation order.
func sortConversations(list []*conversation, sortBy string) {
	sort.SliceStable(list, func(i, j int) bool {
		a, b := list[i], list[j]
		switch sortBy {
		case "created_at_asc":
			return a.id < b.id
		case "created_at_desc":
			return a.id > b.id
		}
		if !a.lastActivity.Equal(b.lastActivity) {
			return a.lastActivity.After(b.lastActivity)
		}
		return a.id > b.id
	})
}
