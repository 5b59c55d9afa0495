package chatwootmock

import (
	"sort"
	"strings"
)

// inboxAttributes are the top-level inbox keys InboxesController permits (§6.4).
var inboxAttributes = []string{"name", "enable_auto_assignment", "greeting_enabled", "greeting_message",
	"enable_email_collect", "csat_survey_enabled", "csat_config", "working_hours_enabled", "out_of_office_message",
	"timezone", "allow_messages_after_resolved", "lock_to_single_conversation", "portal_id", "sender_name_type",
	"business_name", "auto_assignment_config"}

func workingHoursJSON() []any {
	out := []any{}
	for day := 0; day < 7; day++ {
		weekend := day == 0 || day == 6
		var openHour, openMin, closeHour, closeMin any
		if !weekend {
			openHour, openMin, closeHour, closeMin = 9, 0, 17, 0
		}
		out = append(out, obj{{"day_of_week", day}, {"closed_all_day", weekend}, {"open_hour", openHour},
			{"open_minutes", openMin}, {"close_hour", closeHour}, {"close_minutes", closeMin}, {"open_all_day", false}})
	}
	return out
}

// inboxJSON is the inbox partial for an API channel; secrets only for administrators.
func (s *Server) inboxJSON(in *inbox, admin bool) obj {
	o := obj{{"id", in.id}, {"avatar_url", ""}, {"channel_id", in.channelID}, {"name", in.name},
		{"channel_type", "Channel::Api"}, {"greeting_enabled", in.greetingEnabled}, {"greeting_message", in.greetingMessage},
		{"working_hours_enabled", in.workingHoursEnabled}, {"enable_email_collect", in.enableEmailCollect},
		{"csat_survey_enabled", in.csatSurveyEnabled}, {"csat_config", orEmptyMap(in.csatConfig)},
		{"enable_auto_assignment", in.enableAutoAssignment}, {"auto_assignment_config", orEmptyMap(in.autoAssignmentConfig)},
		{"out_of_office_message", in.outOfOfficeMessage}, {"working_hours", workingHoursJSON()}, {"timezone", in.timezone},
		{"callback_webhook_url", nil}, {"allow_messages_after_resolved", in.allowAfterResolved},
		{"lock_to_single_conversation", in.lockToSingleConv}, {"sender_name_type", in.senderNameType},
		{"business_name", in.businessName}, {"allowed_domains", nil}, {"widget_color", nil}, {"website_url", nil},
		{"hmac_mandatory", in.hmacMandatory}, {"welcome_title", nil}, {"welcome_tagline", nil},
		{"web_widget_script", nil}, {"website_token", nil}, {"selected_feature_flags", nil}, {"reply_time", nil},
		{"messaging_service_sid", nil}, {"phone_number", nil}}
	if admin {
		o = append(o, field{"hmac_token", in.hmacToken}, field{"secret", in.secret})
	}
	return append(o, obj{{"webhook_url", in.webhookURL}, {"inbox_identifier", in.identifier},
		{"additional_attributes", orEmptyMap(in.channelAdditional)}, {"provider", nil}}...)
}

// inboxModelJSON is Inbox#as_json, as embedded in the contact create response.
func inboxModelJSON(in *inbox) obj {
	return obj{{"id", in.id}, {"channel_id", in.channelID}, {"account_id", in.accountID}, {"name", in.name},
		{"created_at", iso(in.createdAt)}, {"updated_at", iso(in.updatedAt)}, {"channel_type", "Channel::Api"},
		{"enable_auto_assignment", in.enableAutoAssignment}, {"greeting_enabled", in.greetingEnabled},
		{"greeting_message", in.greetingMessage}, {"email_address", nil}, {"working_hours_enabled", in.workingHoursEnabled},
		{"out_of_office_message", in.outOfOfficeMessage}, {"timezone", in.timezone},
		{"enable_email_collect", in.enableEmailCollect}, {"csat_survey_enabled", in.csatSurveyEnabled},
		{"allow_messages_after_resolved", in.allowAfterResolved}, {"auto_assignment_config", orEmptyMap(in.autoAssignmentConfig)},
		{"lock_to_single_conversation", in.lockToSingleConv}, {"portal_id", in.portalID},
		{"sender_name_type", in.senderNameType}, {"business_name", in.businessName}, {"csat_config", orEmptyMap(in.csatConfig)}}
}

// canSeeInbox is InboxPolicy#show?: administrators, or agents who are members.
func (c *reqCtx) canSeeInbox(in *inbox) bool {
	return c.isAdmin() || (c.user != nil && in.hasMember(c.user.id)) || c.bot != nil
}

func (s *Server) listInboxes(c *reqCtx) error {
	var list []*inbox
	for _, id := range c.acct.inboxIDs {
		in := s.state.inboxes[id]
		if c.isAdmin() || in.hasMember(c.user.id) {
			list = append(list, in)
		}
	}
	sort.SliceStable(list, func(i, j int) bool { return strings.ToLower(list[i].name) < strings.ToLower(list[j].name) })
	payload := []any{}
	for _, in := range list {
		payload = append(payload, s.inboxJSON(in, c.isAdmin()))
	}
	c.ok(obj{{"payload", payload}})
	return nil
}

func (s *Server) fetchInbox(c *reqCtx) (*inbox, error) {
	id, ok := c.pathID("id")
	in := s.state.accountInbox(c.acct, id)
	if !ok || in == nil {
		return nil, notFound()
	}
	return in, nil
}

func (s *Server) showInbox(c *reqCtx) error {
	in, err := s.fetchInbox(c)
	if err != nil {
		return err
	}
	if !c.canSeeInbox(in) {
		return notAuthorized()
	}
	c.ok(s.inboxJSON(in, c.isAdmin()))
	return nil
}

func (s *Server) createInbox(c *reqCtx) error {
	lim, _ := c.acct.limits.(map[string]any)
	if limit, ok := castInt(lim["inboxes"]); ok && int64(len(c.acct.inboxIDs)) >= limit {
		return errorBody(402, "Account limit exceeded. Upgrade to a higher plan") // checked before the role
	}
	if err := c.requireAdmin(); err != nil {
		return err
	}
	ch, isMap := nullified(c.p.get("channel")).(map[string]any)
	if !isMap {
		return internalError() // nil[:type]
	}
	if t, _ := strVal(ch["type"]); t != "api" {
		// Only API channels are modelled; other types are reported like an unknown type.
		return recordInvalid("channel", "Channel must exist")
	}
	now := s.now()
	in := &inbox{accountID: c.acct.id, enableAutoAssignment: true, autoAssignmentConfig: map[string]any{},
		csatConfig: map[string]any{}, timezone: "UTC", allowAfterResolved: true, senderNameType: "friendly",
		channelAdditional: map[string]any{}, hmacToken: newToken(), secret: newToken(), identifier: newToken(),
		createdAt: now, updatedAt: now}
	if err := applyInboxParams(c.p, in, ch); err != nil {
		return err
	}
	in.id = s.nextID("inboxes")
	in.channelID = s.nextID("channel_api")
	s.state.inboxes[in.id] = in
	c.acct.inboxIDs = append(c.acct.inboxIDs, in.id)
	c.ok(s.inboxJSON(in, true))
	return nil
}

// nullified treats the string "null" as null, as the inboxes controller does for its params.
func nullified(v any) any {
	if str, ok := v.(string); ok && str == "null" {
		return nil
	}
	return v
}

// applyInboxParams validates and assigns inbox attributes and the API channel's attributes.
func applyInboxParams(p params, in *inbox, channel map[string]any) error {
	next := *in
	for _, key := range inboxAttributes {
		if !p.has(key) {
			continue
		}
		v := nullified(p.get(key))
		switch key {
		case "name":
			next.name, _ = strVal(v)
		case "enable_auto_assignment":
			next.enableAutoAssignment, _ = castBool(v)
		case "greeting_enabled":
			next.greetingEnabled, _ = castBool(v)
		case "greeting_message":
			next.greetingMessage = nullableStr(v)
		case "enable_email_collect":
			next.enableEmailCollect, _ = castBool(v)
		case "csat_survey_enabled":
			next.csatSurveyEnabled, _ = castBool(v)
		case "csat_config":
			m, _ := v.(map[string]any)
			next.csatConfig = m
		case "working_hours_enabled":
			next.workingHoursEnabled, _ = castBool(v)
		case "out_of_office_message":
			next.outOfOfficeMessage = nullableStr(v)
		case "timezone":
			if tz, ok := strVal(v); ok {
				next.timezone = tz
			}
		case "allow_messages_after_resolved":
			next.allowAfterResolved, _ = castBool(v)
		case "lock_to_single_conversation":
			next.lockToSingleConv, _ = castBool(v)
		case "portal_id":
			next.portalID = v
		case "sender_name_type":
			st, _ := strVal(v)
			if st != "friendly" && st != "professional" {
				return internalError()
			}
			next.senderNameType = st
		case "business_name":
			next.businessName = nullableStr(v)
		case "auto_assignment_config":
			// Enterprise permits only max_assignment_limit and replaces the whole hash.
			m, _ := v.(map[string]any)
			cfg := map[string]any{}
			if limit, ok := m["max_assignment_limit"]; ok {
				cfg["max_assignment_limit"] = limit
			}
			next.autoAssignmentConfig = cfg
		}
	}
	if channel != nil {
		if v, ok := channel["webhook_url"]; ok {
			next.webhookURL = nullableStr(v)
		}
		if v, ok := channel["hmac_mandatory"]; ok {
			next.hmacMandatory, _ = castBool(v)
		}
		if m, ok := channel["additional_attributes"].(map[string]any); ok {
			next.channelAdditional = m
		}
	}
	v := &validation{}
	if strings.TrimSpace(next.name) == "" {
		v.add("name", "Name can't be blank")
	}
	v.checkLength("name", "Name", next.name, 255)
	if limit, ok := next.autoAssignmentConfig["max_assignment_limit"]; ok && rubyToI(limit) <= 0 {
		v.add("auto_assignment_config", "Auto assignment config max_assignment_limit must be greater than 0")
	}
	if u, ok := next.webhookURL.(string); ok {
		v.checkLength("webhook_url", "Webhook url", u, 2048)
	}
	if err := v.err(); err != nil {
		return err
	}
	*in = next
	return nil
}

func (s *Server) updateInbox(c *reqCtx) error {
	in, err := s.fetchInbox(c)
	if err != nil {
		return err
	}
	if err := c.requireAdmin(); err != nil {
		return err
	}
	ch, _ := c.p.get("channel").(map[string]any)
	if err := applyInboxParams(c.p, in, ch); err != nil {
		return err
	}
	in.updatedAt = s.now()
	c.ok(s.inboxJSON(in, true))
	return nil
}

// deleteInbox runs the async DeleteObjectJob at once: the inbox, its conversations and contact
// inboxes disappear before the next request.
func (s *Server) deleteInbox(c *reqCtx) error {
	in, err := s.fetchInbox(c)
	if err != nil {
		return err
	}
	if err := c.requireAdmin(); err != nil {
		return err
	}
	kept := c.acct.conversations[:0:0]
	for _, cv := range c.acct.conversations {
		if cv.inboxID != in.id {
			kept = append(kept, cv)
		}
	}
	c.acct.conversations = kept
	for _, cid := range c.acct.contactIDs {
		ct := s.state.contacts[cid]
		ci := ct.inboxes[:0:0]
		for _, x := range ct.inboxes {
			if x.inboxID != in.id {
				ci = append(ci, x)
			}
		}
		ct.inboxes = ci
	}
	c.acct.inboxIDs = removeID(c.acct.inboxIDs, in.id)
	delete(c.acct.roundRobin, in.id)
	s.deleteInboxWebhooks(c.acct, in.id)
	delete(s.state.inboxes, in.id)
	c.ok(obj{{"message", "Your inbox deletion request will be processed in some time."}})
	return nil
}

// assignableAgents lists inbox members plus every administrator.
func (s *Server) assignableAgents(c *reqCtx) error {
	in, err := s.fetchInbox(c)
	if err != nil {
		return err
	}
	if !c.canSeeInbox(in) {
		return notAuthorized()
	}
	var ids []int64
	for _, id := range in.memberIDs {
		if c.acct.member(id) != nil {
			ids = append(ids, id)
		}
	}
	for _, m := range c.acct.members {
		if m.role == "administrator" && !containsID(ids, m.userID) {
			ids = append(ids, m.userID)
		}
	}
	c.ok(obj{{"payload", s.agentsJSON(c.acct, ids)}})
	return nil
}

// setInboxAgentBot attaches a bot (own or global) or detaches on a missing/null value.
func (s *Server) setInboxAgentBot(c *reqCtx) error {
	in, err := s.fetchInbox(c)
	if err != nil {
		return err
	}
	if err := c.requireAdmin(); err != nil {
		return err
	}
	raw := c.p.get("agent_bot")
	if raw == nil {
		in.agentBotID = 0
		c.okEmpty()
		return nil
	}
	id, ok := castInt(raw)
	b := s.state.bots[id]
	if !ok || b == nil || (b.accountID != 0 && b.accountID != c.acct.id) {
		return notFound()
	}
	in.agentBotID = b.id
	c.okEmpty()
	return nil
}
