package chatwootmock

import (
	"sort"
	"strings"
	"time"
	_ "time/tzdata" // timezone names are checked without relying on the host's zone files
)

// inboxAttributes are the top-level inbox keys InboxesController permits.
var inboxAttributes = []string{"name", "enable_auto_assignment", "greeting_enabled", "greeting_message",
	"enable_email_collect", "csat_survey_enabled", "csat_config", "working_hours_enabled", "out_of_office_message",
	"timezone", "allow_messages_after_resolved", "lock_to_single_conversation", "portal_id", "sender_name_type",
	"business_name", "auto_assignment_config"}

// inboxJSON is the inbox partial; the HMAC token and the API channel's secret only for
// administrators. The keys after business_name depend on the channel.
func (s *Server) inboxJSON(c *reqCtx, in *inbox, admin bool) obj {
	x := in.x()
	o := obj{{"id", in.id}, {"avatar_url", ""}, {"channel_id", in.channelID}, {"name", in.name},
		{"channel_type", channelClasses[x.channelType]}, {"greeting_enabled", in.greetingEnabled}, {"greeting_message", in.greetingMessage},
		{"working_hours_enabled", in.workingHoursEnabled}, {"enable_email_collect", in.enableEmailCollect},
		{"csat_survey_enabled", in.csatSurveyEnabled}, {"csat_config", orEmptyMap(in.csatConfig)},
		{"enable_auto_assignment", in.enableAutoAssignment}, {"auto_assignment_config", orEmptyMap(in.autoAssignmentConfig)},
		{"out_of_office_message", in.outOfOfficeMessage}, {"working_hours", workingHoursJSON(x.hours)}, {"timezone", in.timezone},
		{"callback_webhook_url", nil}, {"allow_messages_after_resolved", in.allowAfterResolved},
		{"lock_to_single_conversation", in.lockToSingleConv}, {"sender_name_type", in.senderNameType},
		{"business_name", in.businessName}}
	switch x.channelType {
	case "web_widget":
		w := x.web
		o = append(o, obj{{"allowed_domains", w.allowedDomains}, {"widget_color", w.widgetColor}, {"website_url", w.websiteURL},
			{"hmac_mandatory", w.hmacMandatory}, {"welcome_title", w.welcomeTitle}, {"welcome_tagline", w.welcomeTagline},
			{"web_widget_script", webWidgetScript("http://"+c.r.Host, w.websiteToken)}, {"website_token", w.websiteToken},
			{"selected_feature_flags", append([]string{}, w.flags...)}, {"reply_time", w.replyTime}}...)
		if admin {
			o = append(o, field{"hmac_token", in.hmacToken})
		}
		return append(o, obj{{"pre_chat_form_enabled", w.preChatEnabled}, {"pre_chat_form_options", w.preChatOptions},
			{"continuity_via_email", w.continuity}, {"messaging_service_sid", nil}, {"phone_number", nil}, {"provider", nil}}...)
	case "api":
		o = append(o, obj{{"allowed_domains", nil}, {"widget_color", nil}, {"website_url", nil},
			{"hmac_mandatory", in.hmacMandatory}, {"welcome_title", nil}, {"welcome_tagline", nil},
			{"web_widget_script", nil}, {"website_token", nil}, {"selected_feature_flags", nil}, {"reply_time", nil},
			{"messaging_service_sid", nil}, {"phone_number", nil}}...)
		if admin {
			o = append(o, field{"hmac_token", in.hmacToken}, field{"secret", in.secret})
		}
		return append(o, obj{{"webhook_url", in.webhookURL}, {"inbox_identifier", in.identifier},
			{"additional_attributes", orEmptyMap(in.channelAdditional)}, {"provider", nil}}...)
	default:
		// Email, LINE and SMS inboxes: the widget keys are null; only the attributes the mock
		// keeps for them follow (the real partial has more credential keys for administrators).
		o = append(o, obj{{"allowed_domains", nil}, {"widget_color", nil}, {"website_url", nil},
			{"hmac_mandatory", nil}, {"welcome_title", nil}, {"welcome_tagline", nil},
			{"web_widget_script", nil}, {"website_token", nil}, {"selected_feature_flags", nil}, {"reply_time", nil},
			{"messaging_service_sid", nil}, {"phone_number", x.other["phone_number"]}}...)
		if email, ok := x.other["email"]; ok {
			o = append(o, field{"email", email})
		}
		return append(o, field{"provider", nil})
	}
}

// inboxModelJSON is Inbox#as_json, as embedded in the contact create response.
func inboxModelJSON(in *inbox) obj {
	return obj{{"id", in.id}, {"channel_id", in.channelID}, {"account_id", in.accountID}, {"name", in.name},
		{"created_at", iso(in.createdAt)}, {"updated_at", iso(in.updatedAt)}, {"channel_type", channelClasses[in.x().channelType]},
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
		payload = append(payload, s.inboxJSON(c, in, c.isAdmin()))
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
	c.ok(s.inboxJSON(c, in, c.isAdmin()))
	return nil
}

// inboxLimitReached is the 402 of an account at its inbox limit: 100,000 on the community
// build, the account's limits.inboxes on Enterprise.
func (s *Server) inboxLimitReached(a *account) bool {
	limit := int64(100000)
	if s.enterpriseBuild() {
		lim, _ := a.limits.(map[string]any)
		if n, ok := castInt(lim["inboxes"]); ok {
			limit = n
		}
	}
	return int64(len(a.inboxIDs)) >= limit
}

func (s *Server) createInbox(c *reqCtx) error {
	// 4.15.1 checks the limit in a before_action that runs before the role check; from 4.16.0 it
	// is an Enterprise model callback, after it.
	limitErr := errorBody(402, "Account limit exceeded. Upgrade to a higher plan")
	if !s.versionAtLeast("4.16.0") && s.inboxLimitReached(c.acct) {
		return limitErr
	}
	if err := c.requireAdmin(); err != nil {
		return err
	}
	ch, isMap := c.p.get("channel").(map[string]any)
	if !isMap {
		return internalError() // nil[:type]
	}
	kind, _ := strVal(ch["type"])
	switch kind {
	case "api", "web_widget", "email", "line", "sms":
	case "telegram":
		// Creating a Telegram channel calls Telegram's getMe, which the mock (offline) cannot reach.
		return recordInvalid("bot_token", "Bot token invalid token")
	case "whatsapp":
		// The provider credential check fails without the provider's API.
		return recordInvalid("provider_config", "Provider config Invalid Credentials")
	case "voice":
		if s.enterpriseBuild() {
			if !c.acct.featureOn("channel_voice") {
				return notAuthorized()
			}
			return recordInvalid("provider_config", "Provider config Invalid Credentials")
		}
		return recordInvalid("channel", "Channel must exist")
	default:
		return recordInvalid("channel", "Channel must exist")
	}
	now := s.now()
	in := &inbox{accountID: c.acct.id, enableAutoAssignment: true, autoAssignmentConfig: map[string]any{},
		csatConfig: map[string]any{}, timezone: "UTC", allowAfterResolved: true, senderNameType: "friendly",
		enableEmailCollect: true, channelAdditional: map[string]any{}, hmacToken: newToken(), secret: newToken(),
		identifier: newToken(), createdAt: now, updatedAt: now,
		ext: &inboxExt{channelType: kind, hours: defaultWorkingHours()}}
	if kind == "web_widget" {
		in.ext.web = newWebWidget()
	}
	// Create stores csat_config as sent (permitted keys only); only update fills defaults.
	if err := applyInboxParams(c.p, in, false); err != nil {
		return err
	}
	if err := applyChannelParams(in, ch); err != nil {
		return err
	}
	if s.versionAtLeast("4.16.0") && s.enterpriseBuild() && s.inboxLimitReached(c.acct) {
		return limitErr
	}
	in.id = s.nextID("inboxes")
	in.channelID = s.nextID("channel_" + kind)
	s.state.inboxes[in.id] = in
	c.acct.inboxIDs = append(c.acct.inboxIDs, in.id)
	c.ok(s.inboxJSON(c, in, true))
	return nil
}

// nullified treats the string "null" as null, as the inboxes controller does for its params.
func nullified(v any) any {
	if str, ok := v.(string); ok && str == "null" {
		return nil
	}
	return v
}

// validTimezone is the inclusion check against TZInfo's identifiers.
func validTimezone(tz string) bool {
	if tz == "" || tz == "Local" {
		return false
	}
	_, err := time.LoadLocation(tz)
	return err == nil
}

// applyInboxParams validates and assigns the top-level inbox attributes; updating selects the
// update's csat_config handling (defaults filled in; {} or absent leaves it alone).
func applyInboxParams(p params, in *inbox, updating bool) error {
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
			cfg := permitCSAT(v)
			switch {
			case !updating:
				next.csatConfig = cfg
			case len(cfg) > 0:
				next.csatConfig = formatCSAT(cfg)
			}
		case "working_hours_enabled":
			next.workingHoursEnabled, _ = castBool(v)
		case "out_of_office_message":
			next.outOfOfficeMessage = nullableStr(v)
		case "timezone":
			tz, _ := strVal(v)
			next.timezone = tz
		case "allow_messages_after_resolved":
			next.allowAfterResolved, _ = castBool(v)
		case "lock_to_single_conversation":
			next.lockToSingleConv, _ = castBool(v)
		case "portal_id":
			next.portalID = v
		case "sender_name_type":
			st, _ := strVal(v)
			switch st {
			case "0":
				st = "friendly"
			case "1":
				st = "professional"
			}
			if st != "friendly" && st != "professional" {
				return internalError() // the enum raises ArgumentError
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
	v := &validation{}
	if strings.TrimSpace(next.name) == "" {
		v.add("name", "Name can't be blank")
	}
	v.checkLength("name", "Name", next.name, 255)
	if !validTimezone(next.timezone) {
		v.add("timezone", "Timezone is not included in the list")
	}
	if m, ok := next.greetingMessage.(string); ok {
		v.checkLength("greeting_message", "Greeting message", m, 10000)
	}
	if m, ok := next.outOfOfficeMessage.(string); ok {
		v.checkLength("out_of_office_message", "Out of office message", m, 10000)
	}
	if b, ok := next.businessName.(string); ok {
		v.checkLength("business_name", "Business name", b, 255)
	}
	if limit, ok := next.autoAssignmentConfig["max_assignment_limit"]; ok && rubyToI(limit) <= 0 {
		v.add("auto_assignment_config", "Auto assignment config max_assignment_limit must be greater than 0")
	}
	if err := v.err(); err != nil {
		return err
	}
	*in = next
	return nil
}

// touchesChannel reports whether an update's channel hash makes Chatwoot update the channel: it
// names the type, or one of this channel type's own attributes.
func touchesChannel(in *inbox, ch map[string]any) bool {
	if _, ok := ch["type"]; ok {
		return true
	}
	for _, k := range channelEditable[in.x().channelType] {
		if _, ok := ch[k]; ok {
			return true
		}
	}
	return false
}

// applyChannelParams assigns the channel's own editable attributes (others are dropped) and runs
// its validations; it changes in only when they pass.
func applyChannelParams(in *inbox, ch map[string]any) error {
	x := in.x()
	own := map[string]any{}
	for _, k := range channelEditable[x.channelType] {
		if v, ok := ch[k]; ok {
			own[k] = v
		}
	}
	switch x.channelType {
	case "web_widget":
		return applyWebWidget(x.web, own)
	case "api":
		next := *in
		if v, ok := own["webhook_url"]; ok {
			next.webhookURL = nullableStr(v)
		}
		if v, ok := own["hmac_mandatory"]; ok {
			next.hmacMandatory, _ = castBool(v)
		}
		if m, ok := own["additional_attributes"].(map[string]any); ok {
			next.channelAdditional = m
		}
		v := &validation{}
		if u, ok := next.webhookURL.(string); ok {
			v.checkLength("webhook_url", "Webhook url", u, 2048)
		}
		if w, ok := next.channelAdditional["agent_reply_time_window"]; ok && rubyToI(w) <= 0 {
			v.add("agent_reply_time_window", "Agent reply time window agent_reply_time_window must be greater than 0")
		}
		if err := v.err(); err != nil {
			return err
		}
		*in = next
		return nil
	default:
		other := cloneMap(x.other)
		for k, v := range own {
			other[k] = v
		}
		v := &validation{}
		for _, req := range otherRequired[x.channelType] {
			if !present(other[req[0]]) {
				v.add(req[0], req[1])
			}
		}
		if err := v.err(); err != nil {
			return err
		}
		x.other = other
		return nil
	}
}

// updateInbox applies inbox attributes, then working hours, then the channel. In 4.15.1 these
// are separate writes, so a later failure leaves the earlier steps saved; from 4.16.0 the whole
// update is one transaction.
func (s *Server) updateInbox(c *reqCtx) error {
	in, err := s.fetchInbox(c)
	if err != nil {
		return err
	}
	if err := c.requireAdmin(); err != nil {
		return err
	}
	before, beforeExt := *in, *in.x()
	if in.x().web != nil {
		beforeExt.web = in.x().web.clone()
	}
	if err := s.updateInboxSteps(c, in); err != nil {
		if s.versionAtLeast("4.16.0") {
			*in = before // same ext pointer
			*in.ext = beforeExt
		}
		return err
	}
	in.updatedAt = s.now()
	c.ok(s.inboxJSON(c, in, true))
	return nil
}

func (s *Server) updateInboxSteps(c *reqCtx, in *inbox) error {
	if s.versionAtLeast("4.16.0") && c.p.has("branded_email_layout") {
		if layout := nullified(c.p.get("branded_email_layout")); present(layout) {
			if !c.acct.featureOn("branded_email_templates") {
				return errorBody(422, "Branded email templates feature is not enabled")
			}
			if in.x().channelType != "email" {
				return errorBody(422, "Branded email layout is only supported for email inboxes")
			}
		}
	}
	if err := applyInboxParams(c.p, in, true); err != nil {
		return err
	}
	if list, ok := c.p.get("working_hours").([]any); ok {
		hours, err := applyWorkingHours(in.x().hours, list)
		if err != nil {
			return err
		}
		in.x().hours = hours
	}
	ch, _ := c.p.get("channel").(map[string]any)
	if !touchesChannel(in, ch) {
		return nil
	}
	if _, ok := ch["type"]; ok {
		return internalError() // type is permitted but is no column: unknown attribute
	}
	return applyChannelParams(in, ch)
}

// deleteInbox answers at once and enqueues the deletion job (inbox_deletion.go).
func (s *Server) deleteInbox(c *reqCtx) error {
	in, err := s.fetchInbox(c)
	if err != nil {
		return err
	}
	if err := c.requireAdmin(); err != nil {
		return err
	}
	c.ok(obj{{"message", "Your inbox deletion request will be processed in some time."}})
	s.scheduleInboxDeletion(in)
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
