package chatwootmock

import (
	"net/url"
	"regexp"
	"sort"
	"strings"
)

// Feature flags of config/features.yml at v4.15.1 (DESIGN.md §11.3): enabled by default, then the rest.
var (
	defaultFeatures = []string{"inbound_emails", "channel_email", "channel_facebook", "help_center", "agent_bots",
		"macros", "agent_management", "team_management", "inbox_management", "labels", "custom_attributes",
		"automations", "canned_responses", "integrations", "voice_recorder", "channel_website", "campaigns",
		"reports", "crm", "auto_resolve_conversations", "chatwoot_v4", "contact_chatwoot_support_team",
		"channel_instagram", "assignment_v2", "channel_tiktok", "captain_tasks"}
	optionalFeatures = []string{"conversation_unread_counts", "ip_lookup", "disable_branding",
		"email_continuity_on_api_channel", "report_rollup", "custom_reply_email", "custom_reply_domain", "audit_logs",
		"custom_tools", "message_reply_to", "insert_article_in_reply", "inbox_view", "sla",
		"help_center_embedding_search", "linear_integration", "captain_integration", "custom_roles",
		"captain_v1_action_classifier", "shopify_integration", "search_with_gin", "crm_integration", "channel_voice",
		"notion_integration", "captain_integration_v2", "whatsapp_embedded_signup", "whatsapp_campaign", "crm_v2",
		"captain_document_auto_sync", "advanced_search", "saml", "advanced_search_indexing", "reply_mailer_migration",
		"quoted_email_reply", "companies", "csat_review_notes", "conversation_required_attributes",
		"advanced_assignment"}
	allFeatures = append(append([]string{}, defaultFeatures...), optionalFeatures...)
)

// locales accepted by Account's locale enum; anything else raises ArgumentError (500).
var locales = strings.Fields("en ar bg bn ca cs da de el es et fa fi fr he hi hr hu hy id is it ja ka ko lt lv ml ms ne nl no pl pt pt_BR ro ru sh sk sl sq sr sv sw ta th tl tr uk ur uz vi zh_CN zh_TW")

const defaultSupportEmail = "Chatwoot <accounts@chatwoot.com>"

var (
	userEmailFormat    = regexp.MustCompile(`^[^@\s]+@[^@\s]+$`)
	supportEmailFormat = regexp.MustCompile(`^(?:[^<>]*<[^@\s<>]+@[^@\s<>]+>|[^@\s<>]+@[^@\s<>]+)$`)
)

// Permissible rows belong to one Platform App, named here by its token (c.token on the
// Platform API).
func permissibleKey(app, kind string, id int64) string {
	return app + "\x00" + kind + ":" + itoa(id)
}

func (s *Server) isPermissible(app, kind string, id int64) bool {
	return s.state.permissibles[permissibleKey(app, kind, id)]
}

// addPermissible is platform_app_permissibles.find_or_create_by.
func (s *Server) addPermissible(app, kind string, id int64) {
	key := permissibleKey(app, kind, id)
	if s.state.permissibles[key] {
		return
	}
	s.state.permissibles[key] = true
	s.state.permissibleOrder = append(s.state.permissibleOrder, permissibleRef{kind: kind, id: id, app: app})
}

// dropPermissible removes the object's rows of every Platform App (dependent: :destroy).
func (s *Server) dropPermissible(kind string, id int64) {
	out := s.state.permissibleOrder[:0:0]
	for _, p := range s.state.permissibleOrder {
		if p.kind == kind && p.id == id {
			delete(s.state.permissibles, permissibleKey(p.app, kind, id))
			continue
		}
		out = append(out, p)
	}
	s.state.permissibleOrder = out
}

// platformRecord applies the Platform order of checks: lookup (Rails 404 body), then permissible.
func (s *Server) platformRecord(c *reqCtx, kind, idVar string) (int64, error) {
	id, ok := c.pathID(idVar)
	var exists bool
	if ok {
		switch kind {
		case "Account":
			exists = s.state.accounts[id] != nil
		case "User":
			exists = s.state.users[id] != nil
		case "AgentBot":
			exists = s.state.bots[id] != nil
		}
	}
	if !exists {
		return 0, routeNotFound()
	}
	if !s.isPermissible(c.token, kind, id) {
		return 0, unauthorized("Non permissible resource")
	}
	return id, nil
}

// ---- accounts (DESIGN.md §11.3) ----

func (s *Server) accountJSON(a *account) obj {
	features := obj{}
	for _, f := range s.knownFeatures() {
		if a.features[f] {
			features = append(features, field{f, true})
		}
	}
	return obj{{"id", a.id}, {"name", a.name}, {"locale", a.locale}, {"domain", a.domain},
		{"support_email", a.supportEmail}, {"features", features}, {"custom_attributes", orEmptyMap(a.customAttributes)},
		{"limits", a.limits}, {"status", a.status}}
}

func (s *Server) platformListAccounts(c *reqCtx) error {
	out := []any{}
	for _, p := range s.state.permissibleOrder {
		if p.kind != "Account" || p.app != c.token {
			continue
		}
		a := s.state.accounts[p.id]
		if a == nil {
			// The index renders the partial on an orphaned permissible's nil (DESIGN.md §11.2).
			return internalError()
		}
		out = append(out, s.accountJSON(a))
	}
	c.ok(out)
	return nil
}

func (s *Server) platformCreateAccount(c *reqCtx) error {
	a := newAccount(s.now())
	for _, f := range s.defaultOnFeatures() {
		a.features[f] = true
	}
	if err := s.applyAccountParams(c, a); err != nil {
		return err
	}
	a.id = s.nextID("accounts")
	s.state.accounts[a.id] = a
	s.addPermissible(c.token, "Account", a.id)
	c.ok(s.accountJSON(a))
	return nil
}

// applyAccountParams validates everything first so that a failed request changes nothing.
func (s *Server) applyAccountParams(c *reqCtx, a *account) error {
	p := c.p
	next := *a
	if p.has("name") {
		next.name, _ = strVal(p.get("name"))
	}
	if p.has("locale") {
		l, ok := strVal(p.get("locale"))
		if !ok {
			l = "en"
		}
		if !containsString(locales, l) {
			if n, isNum := jsonInt(p.get("locale")); isNum && n >= 0 && int(n) < len(locales) {
				l = locales[n]
			} else {
				return internalError()
			}
		}
		next.locale = l
	}
	if p.has("domain") {
		next.domain = nullableStr(p.get("domain"))
	}
	if p.has("support_email") {
		next.supportEmail = nullableStr(p.get("support_email"))
		if !present(next.supportEmail) {
			next.supportEmail = defaultSupportEmail // the reader falls back to the installation sender
		}
	}
	if p.has("status") {
		st, _ := strVal(p.get("status"))
		if st != "active" && st != "suspended" {
			return internalError()
		}
		next.status = st
	}
	if p.has("custom_attributes") {
		if m, ok := p.get("custom_attributes").(map[string]any); ok {
			next.customAttributes = cloneMap(m) // replaced, not merged, on update
		}
	}
	if p.has("features") {
		fm, _ := p.get("features").(map[string]any)
		next.features = map[string]bool{}
		for k, v := range a.features {
			next.features[k] = v
		}
		for k, v := range fm {
			if !containsString(s.knownFeatures(), k) {
				return internalError() // unknown flag: NoMethodError
			}
			next.features[k] = present(v) // JSON false disables; the string "false" enables
		}
	}
	v := &validation{}
	if strings.TrimSpace(next.name) == "" {
		v.add("name", "Name can't be blank")
	}
	v.checkLength("name", "Name", next.name, 255)
	if d, ok := next.domain.(string); ok {
		v.checkLength("domain", "Domain", d, 100)
	}
	if se, ok := next.supportEmail.(string); ok && se != defaultSupportEmail {
		if !supportEmailFormat.MatchString(se) {
			v.add("support_email", "Support email is not a valid email address")
		} else if len(se) > 100 && len(se) <= 255 {
			return internalError() // varchar(100) overflow in the database
		}
		v.checkLength("support_email", "Support email", se, 255)
	}
	if p.has("limits") {
		lim := p.get("limits")
		if s.enterpriseBuild() && !validLimits(lim) { // Community stores any object as sent
			v.add("limits", "Limits : Invalid data")
		}
		next.limits = lim
	}
	if err := v.err(); err != nil {
		return err
	}
	*a = next
	return nil
}

// validLimits is the Enterprise JSON schema for account limits.
func validLimits(v any) bool {
	m, ok := v.(map[string]any)
	if !ok {
		return v == nil
	}
	for k, val := range m {
		if !containsString([]string{"inboxes", "agents", "captain_responses", "captain_documents", "emails"}, k) {
			return false
		}
		if _, isNum := val.(interface{ Float64() (float64, error) }); !isNum {
			return false
		}
	}
	return true
}

func (s *Server) platformShowAccount(c *reqCtx) error {
	id, err := s.platformRecord(c, "Account", "id")
	if err != nil {
		return err
	}
	c.ok(s.accountJSON(s.state.accounts[id]))
	return nil
}

func (s *Server) platformUpdateAccount(c *reqCtx) error {
	id, err := s.platformRecord(c, "Account", "id")
	if err != nil {
		return err
	}
	a := s.state.accounts[id]
	if err := s.applyAccountParams(c, a); err != nil {
		return err
	}
	c.ok(s.accountJSON(a))
	return nil
}

// platformDeleteAccount answers at once and leaves the work to a delayed DeleteObjectJob: until it
// runs, the account and everything in it work as before. The permissible row is left behind, as
// in Chatwoot, so the accounts index answers 500 once the job has run.
func (s *Server) platformDeleteAccount(c *reqCtx) error {
	id, err := s.platformRecord(c, "Account", "id")
	if err != nil {
		return err
	}
	s.enqueueDelayed(1, func() { s.destroyAccount(id) })
	c.okEmpty()
	return nil
}

// destroyAccount is the DeleteObjectJob of an account: its teams, inboxes, contacts,
// conversations, memberships and own agent bots go; the former members keep their users. A
// repeated DELETE enqueues a second job, which finds nothing left to do.
func (s *Server) destroyAccount(id int64) {
	a := s.state.accounts[id]
	if a == nil {
		return
	}
	for _, tid := range a.teamIDs {
		delete(s.state.teams, tid)
	}
	for _, iid := range a.inboxIDs {
		delete(s.state.inboxes, iid)
	}
	for _, cid := range a.contactIDs {
		delete(s.state.contacts, cid)
	}
	for _, b := range s.state.bots {
		if b.accountID == id {
			delete(s.state.bots, b.id)
			s.dropPermissible("AgentBot", b.id)
		}
	}
	delete(s.state.accounts, id)
}

// ---- account users (DESIGN.md §11.5) ----

func accountUserJSON(m *accountUser) obj {
	return obj{{"id", m.id}, {"account_id", m.accountID}, {"user_id", m.userID}, {"role", m.role},
		{"inviter_id", m.inviterID}, {"created_at", iso(m.createdAt)}, {"updated_at", iso(m.updatedAt)},
		{"active_at", m.activeAt}, {"availability", m.availability}, {"auto_offline", m.autoOffline},
		{"custom_role_id", m.customRoleID}, {"agent_capacity_policy_id", m.agentCapacity}}
}

func (s *Server) platformAccount(c *reqCtx) (*account, error) {
	id, err := s.platformRecord(c, "Account", "account_id")
	if err != nil {
		return nil, err
	}
	return s.state.accounts[id], nil
}

func (s *Server) platformListAccountUsers(c *reqCtx) error {
	a, err := s.platformAccount(c)
	if err != nil {
		return err
	}
	out := []any{}
	for _, m := range a.members {
		out = append(out, accountUserJSON(m))
	}
	c.ok(out)
	return nil
}

// platformCreateAccountUser upserts a membership; any existing user may be attached (loophole 1).
func (s *Server) platformCreateAccountUser(c *reqCtx) error {
	a, err := s.platformAccount(c)
	if err != nil {
		return err
	}
	role := ""
	if c.p.has("role") && c.p.get("role") != nil {
		role, _ = strVal(c.p.get("role"))
		if role != "agent" && role != "administrator" {
			return internalError()
		}
	}
	uid, ok := castInt(c.p.get("user_id"))
	u := s.state.users[uid]
	if !ok || u == nil {
		return recordInvalid("user", "User must exist")
	}
	m := a.member(uid)
	if m == nil {
		m = s.addMember(a, u, "agent")
	}
	if role != "" && role != m.role {
		m.role = role
		m.updatedAt = s.now()
	}
	c.ok(accountUserJSON(m))
	return nil
}

// addMember creates an account_users row with the DB defaults.
func (s *Server) addMember(a *account, u *user, role string) *accountUser {
	now := s.now()
	m := &accountUser{id: s.nextID("account_users"), accountID: a.id, userID: u.id, role: role,
		availability: "online", autoOffline: true, createdAt: now, updatedAt: now}
	a.members = append(a.members, m)
	return m
}

func (s *Server) platformDeleteAccountUser(c *reqCtx) error {
	a, err := s.platformAccount(c)
	if err != nil {
		return err
	}
	if uid, ok := castInt(c.p.get("user_id")); ok && a.member(uid) != nil {
		s.removeMember(a, uid)
	}
	c.okEmpty()
	return nil
}

// removeMember deletes the membership and runs Agents::DestroyJob at once: the mock does the
// "async" cleanup immediately (team and inbox memberships, conversation unassignment).
func (s *Server) removeMember(a *account, userID int64) {
	out := a.members[:0:0]
	for _, m := range a.members {
		if m.userID != userID {
			out = append(out, m)
		}
	}
	a.members = out
	for _, tid := range a.teamIDs {
		t := s.state.teams[tid]
		t.memberIDs = removeID(t.memberIDs, userID)
	}
	for _, iid := range a.inboxIDs {
		in := s.state.inboxes[iid]
		in.memberIDs = removeID(in.memberIDs, userID)
	}
	for _, cv := range a.conversations {
		if cv.assigneeID == userID {
			cv.assigneeID = 0
			cv.updatedAt = s.now()
		}
	}
}

// ---- users (DESIGN.md §11.4) ----

// memberships lists a user's account_users rows across accounts, oldest first.
func (s *Server) memberships(userID int64) []*accountUser {
	var out []*accountUser
	for _, a := range s.state.accounts {
		if m := a.member(userID); m != nil {
			out = append(out, m)
		}
	}
	sort.Slice(out, func(i, j int) bool { return out[i].id < out[j].id })
	return out
}

// primaryMembership stands in for "most recently active": active_at is never set here, so the
// oldest membership is used.
func (s *Server) primaryMembership(userID int64) *accountUser {
	if ms := s.memberships(userID); len(ms) > 0 {
		return ms[0]
	}
	return nil
}

func (u *user) availableName() any {
	if present(u.displayName) {
		return u.displayName
	}
	return u.name
}

func (s *Server) platformUserJSON(u *user) obj {
	var accountID, role any
	if m := s.primaryMembership(u.id); m != nil {
		accountID, role = m.accountID, m.role
	}
	accounts := []any{}
	for _, m := range s.memberships(u.id) {
		accounts = append(accounts, obj{{"id", m.accountID}, {"name", s.state.accounts[m.accountID].name},
			{"active_at", m.activeAt}, {"role", m.role}})
	}
	o := obj{{"access_token", u.accessToken}, {"account_id", accountID}, {"available_name", u.availableName()},
		{"avatar_url", ""}, {"confirmed", u.confirmed}, {"display_name", u.displayName},
		{"message_signature", u.messageSignature}, {"email", u.email}, {"id", u.id}, {"name", u.name},
		{"provider", "email"}, {"pubsub_token", u.pubsubToken}}
	if len(u.customAttributes) > 0 {
		o = append(o, field{"custom_attributes", u.customAttributes})
	}
	return append(o, obj{{"role", role}, {"ui_settings", orEmptyMap(u.uiSettings)}, {"uid", u.email},
		{"accounts", accounts}}...)
}

func (s *Server) userByEmail(email string) *user {
	email = strings.ToLower(strings.TrimSpace(email))
	for _, u := range s.state.users {
		if u.email == email {
			return u
		}
	}
	return nil
}

// platformCreateUser is find-or-create by email (DESIGN.md §11.4): an existing user comes back unchanged,
// token included, and becomes permissible.
func (s *Server) platformCreateUser(c *reqCtx) error {
	email, _ := strVal(c.p.get("email"))
	u := s.userByEmail(email)
	if u == nil {
		u = &user{customAttributes: map[string]any{}, uiSettings: map[string]any{}}
		if err := s.applyUserParams(c, u, true); err != nil {
			return err
		}
		s.insertUser(u)
	}
	u.confirmed = true // skip_confirmation!
	s.addPermissible(c.token, "User", u.id)
	c.ok(s.platformUserJSON(u))
	return nil
}

// insertUser gives a validated user its id and tokens (after_create :create_access_token).
func (s *Server) insertUser(u *user) {
	u.id = s.nextID("users")
	u.accessToken = newToken()
	u.pubsubToken = newToken()
	u.createdAt = s.now()
	s.state.users[u.id] = u
}

func (s *Server) applyUserParams(c *reqCtx, u *user, creating bool) error {
	p := c.p
	next := *u
	if p.has("name") {
		next.name, _ = strVal(p.get("name"))
	}
	if p.has("email") {
		e, _ := strVal(p.get("email"))
		next.email = strings.ToLower(strings.TrimSpace(e))
	}
	if p.has("display_name") {
		next.displayName = nullableStr(p.get("display_name"))
	}
	if p.has("custom_attributes") {
		if m, ok := p.get("custom_attributes").(map[string]any); ok {
			merged := cloneMap(u.customAttributes)
			for k, v := range m {
				merged[k] = v
			}
			next.customAttributes = merged
		}
	}
	passwordGiven := p.has("password")
	if passwordGiven {
		next.password, _ = strVal(p.get("password"))
	}
	v := &validation{}
	if strings.TrimSpace(next.name) == "" {
		v.add("name", "Name can't be blank")
	}
	v.checkLength("name", "Name", next.name, 255)
	if next.email == "" {
		v.add("email", "Email can't be blank")
	} else if !userEmailFormat.MatchString(next.email) {
		v.add("email", "Email is invalid")
	} else if other := s.userByEmail(next.email); other != nil && other.id != u.id {
		v.add("email", "Email has already been taken")
	}
	if creating || passwordGiven {
		validatePassword(v, next.password)
	}
	if err := v.err(); err != nil {
		return err
	}
	*u = next
	return nil
}

// validatePassword is devise validatable plus devise-secure_password.
func validatePassword(v *validation, pw string) {
	if pw == "" {
		v.add("password", "Password can't be blank")
		return
	}
	if n := len([]rune(pw)); n < 6 {
		v.add("password", "Password is too short (minimum is 6 characters)")
	} else if n > 128 {
		v.add("password", "Password is too long (maximum is 128 characters)")
	}
	checks := []struct {
		re   *regexp.Regexp
		what string
	}{
		{regexp.MustCompile(`[A-Z]`), "uppercase letter"},
		{regexp.MustCompile(`[a-z]`), "lowercase letter"},
		{regexp.MustCompile(`[0-9]`), "digit"},
		{regexp.MustCompile(`[^A-Za-z0-9]`), "special character"},
	}
	for _, chk := range checks {
		if !chk.re.MatchString(pw) {
			v.add("password", "Password must contain at least 1 "+chk.what)
		}
	}
}

func (s *Server) platformShowUser(c *reqCtx) error {
	id, err := s.platformRecord(c, "User", "id")
	if err != nil {
		return err
	}
	c.ok(s.platformUserJSON(s.state.users[id]))
	return nil
}

func (s *Server) platformUpdateUser(c *reqCtx) error {
	id, err := s.platformRecord(c, "User", "id")
	if err != nil {
		return err
	}
	u := s.state.users[id]
	if err := s.applyUserParams(c, u, false); err != nil {
		return err
	}
	c.ok(s.platformUserJSON(u))
	return nil
}

// platformDeleteUser answers at once and leaves the work to a delayed DeleteObjectJob: until it
// runs, the user, their token and their memberships in every account keep working. The
// permissible row stays behind.
func (s *Server) platformDeleteUser(c *reqCtx) error {
	id, err := s.platformRecord(c, "User", "id")
	if err != nil {
		return err
	}
	s.enqueueDelayed(1, func() { s.destroyUser(id) })
	c.okEmpty()
	return nil
}

// destroyUser removes a user from every account, with their team and inbox memberships;
// assigned conversations are nullified. A user already gone is left alone.
func (s *Server) destroyUser(id int64) {
	if s.state.users[id] == nil {
		return
	}
	for _, a := range s.state.accounts {
		if a.member(id) != nil {
			s.removeMember(a, id)
		}
		for _, iid := range a.inboxIDs {
			in := s.state.inboxes[iid]
			in.memberIDs = removeID(in.memberIDs, id)
		}
		for _, tid := range a.teamIDs {
			t := s.state.teams[tid]
			t.memberIDs = removeID(t.memberIDs, id)
		}
		for _, cv := range a.conversations {
			if cv.assigneeID == id {
				cv.assigneeID = 0
			}
		}
	}
	delete(s.state.users, id)
}

func (s *Server) platformUserLogin(c *reqCtx) error {
	id, err := s.platformRecord(c, "User", "id")
	if err != nil {
		return err
	}
	u := s.state.users[id]
	frontend := "http://" + c.r.Host
	c.ok(obj{{"url", frontend + "/app/login?email=" + url.QueryEscape(u.email) + "&sso_auth_token=" + newHexToken(32)}})
	return nil
}

func (s *Server) platformUserToken(c *reqCtx) error {
	id, err := s.platformRecord(c, "User", "id")
	if err != nil {
		return err
	}
	u := s.state.users[id]
	c.ok(obj{{"access_token", u.accessToken}, {"expiry", nil}, {"user", obj{{"id", u.id}, {"name", u.name},
		{"display_name", u.displayName}, {"email", u.email}, {"pubsub_token", u.pubsubToken}}}})
	return nil
}

// ---- agent bots (DESIGN.md §11.6) ----

func platformBotJSON(b *agentBot) obj {
	var accountID any
	if b.accountID != 0 {
		accountID = b.accountID
	}
	return obj{{"id", b.id}, {"name", b.name}, {"description", b.description}, {"outgoing_url", b.outgoingURL},
		{"account_id", accountID}, {"access_token", b.accessToken}}
}

func (s *Server) platformListBots(c *reqCtx) error {
	out := []any{}
	for _, p := range s.state.permissibleOrder {
		if b := s.state.bots[p.id]; p.kind == "AgentBot" && p.app == c.token && b != nil {
			out = append(out, platformBotJSON(b))
		}
	}
	c.ok(out)
	return nil
}

func (s *Server) platformCreateBot(c *reqCtx) error {
	b := &agentBot{botType: "webhook", botConfig: map[string]any{}}
	if err := applyBotParams(c.p, b); err != nil {
		return err
	}
	if c.p.has("account_id") {
		// Not checked against existing accounts (loophole 3).
		b.accountID, _ = castInt(c.p.get("account_id"))
	}
	s.insertBot(b)
	s.addPermissible(c.token, "AgentBot", b.id)
	c.ok(platformBotJSON(b))
	return nil
}

func (s *Server) insertBot(b *agentBot) {
	b.id = s.nextID("agent_bots")
	b.accessToken = newToken()
	b.secret = newToken()
	b.createdAt = s.now()
	s.state.bots[b.id] = b
}

// applyBotParams handles the attributes shared by the Platform and Application bot endpoints.
func applyBotParams(p params, b *agentBot) error {
	next := *b
	if p.has("name") {
		next.name = nullableStr(p.get("name"))
	}
	if p.has("description") {
		next.description = nullableStr(p.get("description"))
	}
	if p.has("outgoing_url") {
		next.outgoingURL = nullableStr(p.get("outgoing_url"))
	}
	v := &validation{}
	if u, ok := next.outgoingURL.(string); ok {
		v.checkLength("outgoing_url", "Outgoing url", u, 2048)
	}
	if n, ok := next.name.(string); ok {
		v.checkLength("name", "Name", n, 255)
	}
	if err := v.err(); err != nil {
		return err
	}
	*b = next
	return nil
}

func (s *Server) platformShowBot(c *reqCtx) error {
	id, err := s.platformRecord(c, "AgentBot", "id")
	if err != nil {
		return err
	}
	c.ok(platformBotJSON(s.state.bots[id]))
	return nil
}

func (s *Server) platformUpdateBot(c *reqCtx) error {
	id, err := s.platformRecord(c, "AgentBot", "id")
	if err != nil {
		return err
	}
	b := s.state.bots[id]
	if err := applyBotParams(c.p, b); err != nil {
		return err
	}
	c.ok(platformBotJSON(b))
	return nil
}

func (s *Server) platformDeleteBot(c *reqCtx) error {
	id, err := s.platformRecord(c, "AgentBot", "id")
	if err != nil {
		return err
	}
	s.destroyBot(id)
	c.okEmpty()
	return nil
}

// destroyBot is a synchronous destroy!: inbox connections, bot assignments and permissibles go too.
func (s *Server) destroyBot(id int64) {
	for _, a := range s.state.accounts {
		for _, iid := range a.inboxIDs {
			if in := s.state.inboxes[iid]; in.agentBotID == id {
				in.agentBotID = 0
			}
		}
		for _, cv := range a.conversations {
			if cv.assigneeBotID == id {
				cv.assigneeBotID = 0
			}
		}
	}
	delete(s.state.bots, id)
	s.dropPermissible("AgentBot", id)
}

func (s *Server) platformDeleteBotAvatar(c *reqCtx) error {
	id, err := s.platformRecord(c, "AgentBot", "id")
	if err != nil {
		return err
	}
	c.ok(platformBotJSON(s.state.bots[id]))
	return nil
}
