package chatwootmock

import (
	"encoding/json"
	"math"
	"net/http"
	"strings"
	"unicode"
)

// This file holds what differs between the Chatwoot releases the mock imitates (version.go) and
// between its two builds, where the difference is not a one-line condition in a resource's file:
// the version endpoint, the account show endpoint, the per-version feature flag lists, the Cloud
// API-access gate, the 4.16.0-only agent bot/label regression and the Cloud daily e-mail budget.

// publicAPI marks routes Chatwoot serves without any authentication (GET /api).
const publicAPI apiKind = 100

func init() {
	routes = append(routes,
		route{method: http.MethodGet, pattern: split("/api"), kind: publicAPI, handler: (*Server).apiInfo},
		prof(http.MethodGet, "accounts/:account_id", (*Server).showAccount),
	)
}

// apiInfo is ApiController#index: no token check at all, so any or no token gets the version.
func (s *Server) apiInfo(c *reqCtx) error {
	c.ok(obj{{"version", s.chatwootVersion()}, {"timestamp", s.now().UTC().Format("2006-01-02 15:04:05")},
		{"queue_services", "ok"}, {"data_services", "ok"}})
	return nil
}

// showAccount is GET /api/v1/accounts/{id}: outside the account-scoped controllers, so a
// non-member gets a 404 (the account is looked up among the user's own), a suspended account is
// still shown, and any member (agent or administrator) may read it.
func (s *Server) showAccount(c *reqCtx) error {
	id, ok := c.pathID("account_id")
	a := s.state.accounts[id]
	if !ok || a == nil || a.member(c.user.id) == nil {
		return notFound()
	}
	if s.apiAccessDenied(a) {
		return apiAccessNotEnabled()
	}
	key := itoa(a.createdAt.Unix()) // Chatwoot's cache keys are timestamps
	o := obj{{"settings", obj{}}, {"created_at", iso(a.createdAt)}}
	if len(a.customAttributes) > 0 {
		o = append(o, field{"custom_attributes", a.customAttributes})
	}
	o = append(o, obj{{"domain", a.domain}, {"features", s.enabledFeaturesJSON(a)}, {"id", a.id},
		{"locale", a.locale}, {"name", a.name}, {"support_email", a.supportEmail}, {"status", a.status},
		{"cache_keys", obj{{"label", key}, {"inbox", key}, {"team", key}}},
		{"latest_chatwoot_version", nil}}...)
	if s.enterpriseBuild() {
		// Only the Enterprise build renders it; off Cloud it is an empty list.
		o = append(o, field{"subscribed_features", []any{}})
	}
	c.ok(o)
	return nil
}

// enabledFeaturesJSON is Account#enabled_features: only the enabled flags, each true, in the
// order of the imitated release's flag list; a disabled flag is absent.
func (s *Server) enabledFeaturesJSON(a *account) obj {
	out := obj{}
	for _, f := range s.knownFeatures() {
		if a.features[f] {
			out = append(out, field{f, true})
		}
	}
	return out
}

// Flags that came or went after 4.15.1. The new 4.16.0 flags are off by default except
// api_and_webhooks; delayed_automations (4.17.0) is off by default.
var (
	featuresRemovedIn4160 = []string{"insert_article_in_reply", "quoted_email_reply"}
	featuresAddedIn4160   = []string{"branded_email_templates", "unread_count_for_filters", "whatsapp_manual_transfer",
		"data_import", "api_and_webhooks", "whatsapp_reconfigure", "whatsapp_embedded_signup_inbox_creation"}
	featuresAddedIn4170 = []string{"delayed_automations"}
)

// knownFeatures is the imitated release's flag list; a name outside it is a 500 on the Platform
// account create/update.
func (s *Server) knownFeatures() []string {
	if !s.versionAtLeast("4.16.0") {
		return allFeatures
	}
	out := []string{}
	for _, f := range allFeatures {
		if !contains(featuresRemovedIn4160, f) {
			out = append(out, f)
		}
	}
	out = append(out, featuresAddedIn4160...)
	if s.versionAtLeast("4.17.0") {
		out = append(out, featuresAddedIn4170...)
	}
	return out
}

// defaultOnFeatures are the flags a new account gets.
func (s *Server) defaultOnFeatures() []string {
	if !s.versionAtLeast("4.16.0") {
		return defaultFeatures
	}
	return append(append([]string{}, defaultFeatures...), "api_and_webhooks")
}

// apiAccessDenied is the Cloud-only gate of 4.16.0 and later: on Chatwoot Cloud (an Enterprise
// build) an account without api_and_webhooks refuses every token request. Self-hosted servers
// always allow, whatever the flag says.
func (s *Server) apiAccessDenied(a *account) bool {
	return s.opts.Cloud && s.enterpriseBuild() && s.versionAtLeast("4.16.0") && !a.featureOn("api_and_webhooks")
}

func apiAccessNotEnabled() *apiError {
	return errorBody(http.StatusForbidden, "API access is not enabled for this account")
}

// profileHidesToken: the profile's access_token is "" when none of the user's accounts passes
// the API-access gate (so only on Cloud).
func (s *Server) profileHidesToken(u *user) bool {
	ms := s.memberships(u.id)
	if !s.opts.Cloud || !s.enterpriseBuild() || !s.versionAtLeast("4.16.0") || len(ms) == 0 {
		return false
	}
	for _, m := range ms {
		if a := s.state.accounts[m.accountID]; a != nil && !s.apiAccessDenied(a) {
			return false
		}
	}
	return true
}

// regression4160 is the 4.16.0-only bug: the agent bot and label controllers look the account
// up after the API-access check, which then fails on nil, so every user-token request to them
// is a 500, before the account and membership checks.
func (s *Server) regression4160(c *reqCtx, rt *route) bool {
	if !s.versionIs("4.16.0") || c.user == nil || rt.kind != applicationAPI || len(rt.pattern) < 5 {
		return false
	}
	return rt.pattern[4] == "agent_bots" || rt.pattern[4] == "labels"
}

// teamColumns are the columns the team wrapper copies; icons exist from 4.16.0.
func (s *Server) teamColumns() []string {
	if s.versionAtLeast("4.16.0") {
		return []string{"name", "description", "allow_auto_assign", "icon", "icon_color"}
	}
	return teamColumns
}

// normaliseTeamName is Team's before_validation: 4.15.1 only downcases; 4.16.0 and later also
// remove control characters and strip surrounding whitespace.
func (s *Server) normaliseTeamName(name string) string {
	if !s.versionAtLeast("4.16.0") {
		return strings.ToLower(name)
	}
	name = strings.Map(func(r rune) rune {
		if unicode.IsControl(r) {
			return -1
		}
		return r
	}, name)
	return strings.ToLower(strings.Trim(name, " \t\n\v\f\r\x00"))
}

// defaultAccountEmailsLimit is the installation's ACCOUNT_EMAILS_LIMIT when not configured.
const defaultAccountEmailsLimit = 100

// reserveInvitationEmail takes one unit of the account's daily e-mail budget for an invitation;
// false means the budget is spent. Only Chatwoot Cloud 4.16.2 and later keep a budget.
func (s *Server) reserveInvitationEmail(a *account) bool {
	if !s.opts.Cloud || !s.versionAtLeast("4.16.2") {
		return true
	}
	limit := int64(defaultAccountEmailsLimit)
	if s.opts.AccountEmailsLimit > 0 {
		limit = int64(s.opts.AccountEmailsLimit)
	}
	if lim, ok := a.limits.(map[string]any); ok {
		if n, ok := castInt(lim["emails"]); ok {
			limit = n
		}
	}
	day := s.now().UTC().Format("2006-01-02")
	if a.emailsSent == nil || a.emailsSent.day != day {
		a.emailsSent = &emailBudget{day: day}
	}
	if a.emailsSent.count >= limit {
		return false
	}
	a.emailsSent.count++
	return true
}

// emailBudget counts the invitation e-mails of one account on one UTC day.
type emailBudget struct {
	day   string
	count int64
}

func dailyEmailLimitReached() *apiError {
	return errorBody(http.StatusTooManyRequests, "The daily email limit for this account has been reached")
}

// countsAsAssigned is Conversation.assigned: from 4.17.0 a bot owner counts as an assignee.
func (s *Server) countsAsAssigned(cv *conversation) bool {
	return cv.assigneeID != 0 || (cv.assigneeBotID != 0 && s.versionAtLeast("4.17.0"))
}

// ---- automation rules: execution_delay (4.17.0) ----

const (
	minExecutionDelay = 10    // minutes
	maxExecutionDelay = 43200 // 30 days
)

// automationRuleJSON renders a rule; execution_delay is always there from 4.17.0.
func (s *Server) automationRuleJSON(r *automationRule) obj {
	o := automationRuleJSON(r)
	if s.versionAtLeast("4.17.0") {
		o = append(o, field{"execution_delay", r.executionDelay})
	}
	return o
}

func delayedAutomationsDisabled() *apiError {
	return couldNotCreate("Delayed automations are not enabled for this account.")
}

// applyExecutionDelay handles execution_delay on create and update. Before 4.17.0 it is not
// permitted (dropped). Without delayed_automations a non-blank value is refused.
func (s *Server) applyExecutionDelay(c *reqCtx, r *automationRule) error {
	if !s.versionAtLeast("4.17.0") || !c.p.has("execution_delay") {
		return nil
	}
	v := c.p.get("execution_delay")
	if !c.acct.featureOn("delayed_automations") {
		if blank(v) {
			return nil
		}
		return delayedAutomationsDisabled()
	}
	if blank(v) {
		r.executionDelay = nil
		return nil
	}
	r.executionDelay = v
	return nil
}

// blank is Ruby's #blank? as the controller sees a param; 0 is not blank.
func blank(v any) bool {
	if b, ok := v.(bool); ok {
		return !b
	}
	return !present(v)
}

// executionDelayErrors are the model validations of a delayed rule.
func executionDelayErrors(r *automationRule) []string {
	if r.executionDelay == nil {
		return nil
	}
	var msgs []string
	n, isInt := delayMinutes(r.executionDelay)
	switch {
	case !isInt:
		msgs = append(msgs, "must be an integer")
	case n < minExecutionDelay || n > maxExecutionDelay:
		msgs = append(msgs, "must be in 10..43200")
	}
	conds, _ := r.conditions.([]any)
	event, _ := strVal(r.eventName)
	var attributeChanged, conversationLevel bool
	for _, raw := range conds {
		cond, _ := raw.(map[string]any)
		if op, _ := strVal(cond["filter_operator"]); op == "attribute_changed" {
			attributeChanged = true
		}
		if key, _ := strVal(cond["attribute_key"]); key != "status" && key != "inbox_id" {
			conversationLevel = true
		}
	}
	if attributeChanged {
		msgs = append(msgs, "cannot be used with attribute_changed conditions.")
	}
	if event != "message_created" && conversationLevel {
		msgs = append(msgs, "only supports status and inbox conditions for conversation-level events.")
	}
	return msgs
}

// delayMinutes reads an integer delay; 10.5 or a word is not one.
func delayMinutes(v any) (int64, bool) {
	switch x := v.(type) {
	case json.Number:
		if n, err := x.Int64(); err == nil {
			return n, true
		}
		if f, err := x.Float64(); err == nil && f == math.Trunc(f) && !math.IsInf(f, 0) {
			return int64(f), true
		}
	case string:
		n := json.Number(strings.TrimSpace(x))
		if i, err := n.Int64(); err == nil {
			return i, true
		}
	}
	return 0, false
}

// withExecutionDelayErrors adds the delay's validation messages to a rule's error hash.
func withExecutionDelayErrors(errs obj, r *automationRule) obj {
	if msgs := executionDelayErrors(r); len(msgs) > 0 {
		errs = append(errs, field{"execution_delay", msgs})
	}
	return errs
}

// ---- agents: custom_role_id (4.17.0) ----

// keepsCustomRole: from 4.17.0 the Enterprise build ignores a sent custom_role_id unless the
// account has custom_roles (the stored value stays).
func (s *Server) keepsCustomRole(c *reqCtx) bool {
	return s.versionAtLeast("4.17.0") && c.p.has("custom_role_id") && !c.acct.featureOn("custom_roles")
}

// orEmptyString renders a string column whose default is "".
func orEmptyString(v any) any {
	if v == nil {
		return ""
	}
	return v
}
