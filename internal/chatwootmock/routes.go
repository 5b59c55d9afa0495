package chatwootmock

import (
	"net/http"
	"strings"
)

// apiKind selects the authentication rules of DESIGN.md §1 (application), §11.1 (platform) or §11.8 (profile).
type apiKind int

const (
	applicationAPI apiKind = iota
	platformAPI
	profileAPI
)

type route struct {
	method  string
	pattern []string
	kind    apiKind
	// botAllowed marks Chatwoot's BOT_ACCESSIBLE_ENDPOINTS (DESIGN.md §1.1).
	botAllowed bool
	// enterpriseOnly marks routes whose controllers only the Enterprise code has: on the
	// community build Rails answers them with its routing 404 before authentication.
	enterpriseOnly bool
	handler        func(*Server, *reqCtx) error
}

var routes []route

// Route registration helpers keep the table below readable.
func app(method, pattern string, h func(*Server, *reqCtx) error) route {
	return route{method: method, pattern: split("/api/v1/accounts/:account_id/" + pattern), kind: applicationAPI, handler: h}
}

func appBot(method, pattern string, h func(*Server, *reqCtx) error) route {
	r := app(method, pattern, h)
	r.botAllowed = true
	return r
}

func plat(method, pattern string, h func(*Server, *reqCtx) error) route {
	return route{method: method, pattern: split("/platform/api/v1/" + pattern), kind: platformAPI, handler: h}
}

func prof(method, pattern string, h func(*Server, *reqCtx) error) route {
	return route{method: method, pattern: split("/api/v1/" + pattern), kind: profileAPI, handler: h}
}

// both registers PATCH and PUT, which Rails' `resources` both route to update.
func both(mk func(string, string, func(*Server, *reqCtx) error) route, pattern string, h func(*Server, *reqCtx) error) []route {
	return []route{mk(http.MethodPatch, pattern, h), mk(http.MethodPut, pattern, h)}
}

func split(p string) []string { return strings.Split(strings.Trim(p, "/"), "/") }

func init() {
	add := func(rs ...route) { routes = append(routes, rs...) }
	addAll := func(rs []route) { routes = append(routes, rs...) }
	const get, post, del = http.MethodGet, http.MethodPost, http.MethodDelete

	// Platform API (DESIGN.md §11.2–11.6).
	add(plat(get, "accounts", (*Server).platformListAccounts), plat(post, "accounts", (*Server).platformCreateAccount),
		plat(get, "accounts/:id", (*Server).platformShowAccount), plat(del, "accounts/:id", (*Server).platformDeleteAccount))
	addAll(both(plat, "accounts/:id", (*Server).platformUpdateAccount))
	add(plat(get, "accounts/:account_id/account_users", (*Server).platformListAccountUsers),
		plat(post, "accounts/:account_id/account_users", (*Server).platformCreateAccountUser),
		plat(del, "accounts/:account_id/account_users", (*Server).platformDeleteAccountUser))
	add(plat(post, "users", (*Server).platformCreateUser), plat(get, "users/:id", (*Server).platformShowUser),
		plat(del, "users/:id", (*Server).platformDeleteUser), plat(get, "users/:id/login", (*Server).platformUserLogin),
		plat(post, "users/:id/token", (*Server).platformUserToken))
	addAll(both(plat, "users/:id", (*Server).platformUpdateUser))
	add(plat(get, "agent_bots", (*Server).platformListBots), plat(post, "agent_bots", (*Server).platformCreateBot),
		plat(get, "agent_bots/:id", (*Server).platformShowBot), plat(del, "agent_bots/:id", (*Server).platformDeleteBot),
		plat(del, "agent_bots/:id/avatar", (*Server).platformDeleteBotAvatar))
	addAll(both(plat, "agent_bots/:id", (*Server).platformUpdateBot))

	// Profile (DESIGN.md §11.8).
	add(prof(get, "profile", (*Server).showProfile), prof(post, "profile/availability", (*Server).profileAvailability),
		prof(post, "profile/auto_offline", (*Server).profileAutoOffline),
		prof(post, "profile/reset_access_token", (*Server).profileResetToken))

	// Agents (DESIGN.md §6.1).
	add(app(get, "agents", (*Server).listAgents), app(post, "agents", (*Server).createAgent),
		app(post, "agents/bulk_create", (*Server).bulkCreateAgents), app(del, "agents/:id", (*Server).deleteAgent))
	addAll(both(app, "agents/:id", (*Server).updateAgent))

	// Teams and team members (DESIGN.md §6.2, §6.3). Team members have a collection PATCH only, no PUT.
	add(app(get, "teams", (*Server).listTeams), app(post, "teams", (*Server).createTeam),
		app(get, "teams/:id", (*Server).showTeam), app(del, "teams/:id", (*Server).deleteTeam))
	addAll(both(app, "teams/:id", (*Server).updateTeam))
	add(app(get, "teams/:team_id/team_members", (*Server).listTeamMembers),
		app(post, "teams/:team_id/team_members", (*Server).addTeamMembers),
		app(http.MethodPatch, "teams/:team_id/team_members", (*Server).setTeamMembers),
		app(del, "teams/:team_id/team_members", (*Server).removeTeamMembers))

	// Inboxes and inbox members (DESIGN.md §6.4, §6.5).
	add(app(get, "inboxes", (*Server).listInboxes), app(post, "inboxes", (*Server).createInbox),
		app(get, "inboxes/:id", (*Server).showInbox), app(del, "inboxes/:id", (*Server).deleteInbox),
		app(get, "inboxes/:id/assignable_agents", (*Server).assignableAgents),
		app(post, "inboxes/:id/set_agent_bot", (*Server).setInboxAgentBot))
	addAll(both(app, "inboxes/:id", (*Server).updateInbox))
	add(app(get, "inbox_members/:inbox_id", (*Server).showInboxMembers),
		app(post, "inbox_members", (*Server).addInboxMembers),
		app(http.MethodPatch, "inbox_members", (*Server).setInboxMembers),
		app(del, "inbox_members", (*Server).removeInboxMembers))

	// Contacts (DESIGN.md §11.9).
	add(app(get, "contacts", (*Server).listContacts), app(post, "contacts", (*Server).createContact),
		app(get, "contacts/:id", (*Server).showContact))

	// Conversations, assignments and conversation labels (DESIGN.md §4, §5, §11.9; labels §1.1, §6.7).
	add(app(get, "conversations", (*Server).listConversations),
		appBot(post, "conversations", (*Server).createConversation),
		appBot(get, "conversations/:id", (*Server).showConversation),
		appBot(post, "conversations/:id/toggle_status", (*Server).toggleStatus),
		appBot(post, "conversations/:id/toggle_priority", (*Server).togglePriority),
		appBot(post, "conversations/:conversation_id/assignments", (*Server).createAssignment),
		appBot(get, "conversations/:conversation_id/labels", (*Server).listConversationLabels),
		appBot(post, "conversations/:conversation_id/labels", (*Server).setConversationLabels))
	addAll(both(appBot, "conversations/:id", (*Server).updateConversation))

	// Agent bots (DESIGN.md §6.11).
	add(app(get, "agent_bots", (*Server).listAgentBots), app(post, "agent_bots", (*Server).createAgentBot),
		app(get, "agent_bots/:id", (*Server).showAgentBot), app(del, "agent_bots/:id", (*Server).deleteAgentBot),
		app(post, "agent_bots/:id/reset_access_token", (*Server).resetAgentBotToken))
	addAll(both(app, "agent_bots/:id", (*Server).updateAgentBot))

	// Automation rules (DESIGN.md §6.6).
	add(app(get, "automation_rules", (*Server).listAutomationRules), app(post, "automation_rules", (*Server).createAutomationRule),
		app(get, "automation_rules/:id", (*Server).showAutomationRule), app(del, "automation_rules/:id", (*Server).deleteAutomationRule),
		app(post, "automation_rules/:id/clone", (*Server).cloneAutomationRule))
	addAll(both(app, "automation_rules/:id", (*Server).updateAutomationRule))

	// Labels (DESIGN.md §6.7).
	add(app(get, "labels", (*Server).listLabels), app(post, "labels", (*Server).createLabel),
		app(get, "labels/:id", (*Server).showLabel), app(del, "labels/:id", (*Server).deleteLabel))
	addAll(both(app, "labels/:id", (*Server).updateLabel))

	// Webhooks (DESIGN.md §6.8): no GET-one route.
	add(app(get, "webhooks", (*Server).listWebhooks), app(post, "webhooks", (*Server).createWebhook),
		app(del, "webhooks/:id", (*Server).deleteWebhook))
	addAll(both(app, "webhooks/:id", (*Server).updateWebhook))

	// Canned responses (DESIGN.md §6.9): no GET-one route.
	add(app(get, "canned_responses", (*Server).listCannedResponses), app(post, "canned_responses", (*Server).createCannedResponse),
		app(del, "canned_responses/:id", (*Server).deleteCannedResponse))
	addAll(both(app, "canned_responses/:id", (*Server).updateCannedResponse))

	// Custom attribute definitions (DESIGN.md §6.10).
	add(app(get, "custom_attribute_definitions", (*Server).listCustomAttributes),
		app(post, "custom_attribute_definitions", (*Server).createCustomAttribute),
		app(get, "custom_attribute_definitions/:id", (*Server).showCustomAttribute),
		app(del, "custom_attribute_definitions/:id", (*Server).deleteCustomAttribute))
	addAll(both(app, "custom_attribute_definitions/:id", (*Server).updateCustomAttribute))
}

// matchRoute finds the route for a method and path; literal segments win over ":var" segments.
func matchRoute(method, path string) (*route, map[string]string) {
	segs := split(path)
	var best *route
	var bestVars map[string]string
	bestLiterals := -1
	for i := range routes {
		rt := &routes[i]
		if rt.method != method || len(rt.pattern) != len(segs) {
			continue
		}
		vars := map[string]string{}
		literals := 0
		matched := true
		for j, p := range rt.pattern {
			if strings.HasPrefix(p, ":") {
				vars[p[1:]] = segs[j]
				continue
			}
			if p != segs[j] {
				matched = false
				break
			}
			literals++
		}
		if matched && literals > bestLiterals {
			best, bestVars, bestLiterals = rt, vars, literals
		}
	}
	return best, bestVars
}
