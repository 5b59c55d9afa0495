package export

import (
	"context"
	"fmt"
	"net/http"
	"strings"
	"testing"
)

// One test per kind of the HCL it writes, for a small account made through the API. The expected
// files are written by hand from what the fixture created; only the ids come from the fixture.

func TestExportTeam_writesNamesAsChatwootStoresThemAndOnlyNonDefaults(t *testing.T) {
	a := newAccount(t)
	billing := a.team(t, "Billing", "", true)
	sales := a.team(t, "Sales & Deals", "Inbound leads", false)
	dup := a.team(t, "sales-deals", "", true)
	dir, res := a.export(t, "team")
	if res.Objects != 3 || res.Refused != 0 {
		t.Fatalf("result %+v", res)
	}
	wantFile(t, dir, "team.tf", `resource "chatwoot_team" "billing" {
  name = "billing"
}

resource "chatwoot_team" "sales_deals" {
  name              = "sales & deals"
  description       = "Inbound leads"
  allow_auto_assign = false
}

resource "chatwoot_team" "sales_deals_2" {
  name = "sales-deals"
}
`)
	wantFile(t, dir, "imports.tf", fmt.Sprintf(`import {
  to = chatwoot_team.billing
  id = "%[1]d/%[2]d"
}

import {
  to = chatwoot_team.sales_deals
  id = "%[1]d/%[3]d"
}

import {
  to = chatwoot_team.sales_deals_2
  id = "%[1]d/%[4]d"
}
`, a.id, billing, sales, dup))
	wantFile(t, dir, "providers.tf", fmt.Sprintf(`terraform {
  required_providers {
    chatwoot = {
      source = "chatwoot-community/chatwoot"
    }
  }
}

# The token comes from CHATWOOT_API_ACCESS_TOKEN: it is never written here.
provider "chatwoot" {
  base_url   = %q
  account_id = %d
}
`, a.baseURL, a.id))
	noFile(t, dir, "variables.tf")
	noFile(t, dir, "data.tf")
	if strings.Contains(readFile(t, dir, "providers.tf")+readFile(t, dir, "EXPORT.md"), a.token) {
		t.Error("the token was written")
	}
}

func TestExportAgent_leavesOutTheTokensOwnUser(t *testing.T) {
	a := newAccount(t)
	a.agent(t, "Alice Smith", "Alice@Acme.test", "agent")
	bob := a.agent(t, "Bob", "bob@acme.test", "administrator")
	a.agent(t, "Other Alice", "alice@other.test", "agent")
	a.do(t, http.MethodPatch, fmt.Sprintf("agents/%d", bob), map[string]any{"availability": "busy", "auto_offline": false})
	dir, res := a.export(t, "agent")
	if res.Objects != 3 || res.Refused != 0 {
		t.Fatalf("result %+v", res)
	}
	wantFile(t, dir, "agent.tf", `resource "chatwoot_agent" "alice" {
  email = "alice@acme.test"
  name  = "Alice Smith"
}

resource "chatwoot_agent" "bob" {
  email        = "bob@acme.test"
  name         = "Bob"
  role         = "administrator"
  availability = "busy"
  auto_offline = false
}

resource "chatwoot_agent" "alice_2" {
  email = "alice@other.test"
  name  = "Other Alice"
}
`)
	report := readFile(t, dir, "EXPORT.md")
	if !strings.Contains(report, fmt.Sprintf("agent owner@acme.test (user %d): the token's own user is not exported", a.admin.ID)) {
		t.Errorf("EXPORT.md does not say the token's user was left out:\n%s", report)
	}
	if strings.Contains(readFile(t, dir, "imports.tf"), fmt.Sprintf(`"%d/%d"`, a.id, a.admin.ID)) {
		t.Error("the token's own user is imported")
	}
}

func TestExportTeamMembers_referToTheTeamAndAgentResources(t *testing.T) {
	a := newAccount(t)
	alice := a.agent(t, "Alice", "alice@acme.test", "agent")
	bob := a.agent(t, "Bob", "bob@acme.test", "agent")
	billing := a.team(t, "Billing", "", true)
	a.team(t, "Empty", "", true)
	a.teamMembers(t, billing, bob, a.admin.ID, alice)

	dir, res := a.export(t, "team", "agent", "team_members")
	if res.Refused != 0 {
		t.Fatalf("result %+v", res)
	}
	wantFile(t, dir, "team_members.tf", `resource "chatwoot_team_members" "billing" {
  team_id  = chatwoot_team.billing.team_id
  user_ids = [data.chatwoot_agent.owner.id, chatwoot_agent.alice.user_id, chatwoot_agent.bob.user_id]
}

resource "chatwoot_team_members" "empty" {
  team_id  = chatwoot_team.empty.team_id
  user_ids = []
}
`)
	wantFile(t, dir, "data.tf", `data "chatwoot_agent" "owner" {
  email = "owner@acme.test"
}
`)

	// Alone, the member sets find teams and agents with data sources.
	dir, _ = a.export(t, "team_members")
	wantFile(t, dir, "team_members.tf", `resource "chatwoot_team_members" "billing" {
  team_id  = data.chatwoot_team.billing.id
  user_ids = [data.chatwoot_agent.owner.id, data.chatwoot_agent.alice.id, data.chatwoot_agent.bob.id]
}

resource "chatwoot_team_members" "empty" {
  team_id  = data.chatwoot_team.empty.id
  user_ids = []
}
`)
	wantFile(t, dir, "data.tf", `data "chatwoot_agent" "alice" {
  email = "alice@acme.test"
}

data "chatwoot_agent" "bob" {
  email = "bob@acme.test"
}

data "chatwoot_agent" "owner" {
  email = "owner@acme.test"
}

data "chatwoot_team" "billing" {
  name = "billing"
}

data "chatwoot_team" "empty" {
  name = "empty"
}
`)
}

func TestExportInboxMembers_findTheInboxByName(t *testing.T) {
	a := newAccount(t)
	alice := a.agent(t, "Alice", "alice@acme.test", "agent")
	web := a.inbox(t, "Website")
	twin := a.inbox(t, "Twin")
	twin2 := a.inbox(t, "Twin")
	a.inboxMembers(t, web, alice)
	a.inboxMembers(t, twin, alice)
	a.inboxMembers(t, twin2, alice)

	dir, res := a.export(t, "agent", "inbox_members")
	if res.Refused != 2 {
		t.Fatalf("refused %d, want the two inboxes that share a name:\n%s", res.Refused, readFile(t, dir, "EXPORT.md"))
	}
	wantFile(t, dir, "inbox_members.tf", `resource "chatwoot_inbox_members" "website" {
  inbox_id = data.chatwoot_inbox.website.id
  user_ids = [chatwoot_agent.alice.user_id]
}
`)
	wantFile(t, dir, "data.tf", `data "chatwoot_inbox" "website" {
  name = "Website"
}
`)
	if want := fmt.Sprintf(`inbox %d shares its name "Twin" with inbox %d`, twin, twin2); !strings.Contains(readFile(t, dir, "EXPORT.md"), want) {
		t.Errorf("EXPORT.md does not say %q", want)
	}
}

func TestExportInboxAutoAssignment_writesTheSettingsThatDifferFromChatwootsDefaults(t *testing.T) {
	a := newAccount(t)
	web := a.inbox(t, "Website")
	off := a.inbox(t, "Email")
	limited := a.inbox(t, "Phone Line")
	a.do(t, http.MethodPatch, fmt.Sprintf("inboxes/%d", off), map[string]any{"enable_auto_assignment": false})
	a.do(t, http.MethodPatch, fmt.Sprintf("inboxes/%d", limited), map[string]any{"auto_assignment_config": map[string]any{"max_assignment_limit": 3}})

	dir, _ := a.export(t, "inbox_auto_assignment")
	wantFile(t, dir, "inbox_auto_assignment.tf", `resource "chatwoot_inbox_auto_assignment" "website" {
  inbox_id = data.chatwoot_inbox.website.id
}

resource "chatwoot_inbox_auto_assignment" "email" {
  inbox_id               = data.chatwoot_inbox.email.id
  enable_auto_assignment = false
}

resource "chatwoot_inbox_auto_assignment" "phone_line" {
  inbox_id             = data.chatwoot_inbox.phone_line.id
  max_assignment_limit = 3
}
`)
	if want := fmt.Sprintf("to = chatwoot_inbox_auto_assignment.website\n  id = \"%d/%d\"", a.id, web); !strings.Contains(readFile(t, dir, "imports.tf"), want) {
		t.Errorf("imports.tf lacks %q", want)
	}
}

func TestExportAutomationRule_refersToObjectsAndRefusesWhatTheResourceCannotHold(t *testing.T) {
	a := newAccount(t)
	alice := a.agent(t, "Alice", "alice@acme.test", "agent")
	billing := a.team(t, "Billing", "", true)
	web := a.inbox(t, "Website")
	a.do(t, http.MethodPost, "custom_attribute_definitions", map[string]any{"attribute_display_name": "Plan", "attribute_key": "plan",
		"attribute_display_type": "text", "attribute_model": "contact_attribute"})
	a.rule(t, map[string]any{
		"name": "Route billing", "description": "From the website", "event_name": "conversation_created", "active": false,
		"conditions": []any{
			map[string]any{"attribute_key": "inbox_id", "filter_operator": "equal_to", "values": []any{web}, "query_operator": "and"},
			map[string]any{"attribute_key": "plan", "filter_operator": "equal_to", "values": []any{"gold"}, "query_operator": nil,
				"custom_attribute_type": "contact_attribute"},
		},
		"actions": []any{
			map[string]any{"action_name": "assign_team", "action_params": []any{billing}},
			map[string]any{"action_name": "assign_agent", "action_params": []any{"nil"}},
			map[string]any{"action_name": "add_label", "action_params": []any{"billing", "web"}},
			map[string]any{"action_name": "resolve_conversation"},
			map[string]any{"action_name": "send_email_to_team", "action_params": []any{map[string]any{"message": "New", "team_ids": []any{billing}}}},
		},
	})
	textID := a.rule(t, map[string]any{
		"name": "Text id", "event_name": "conversation_created",
		"conditions": []any{map[string]any{"attribute_key": "status", "filter_operator": "equal_to", "values": []any{"open"}, "query_operator": nil}},
		"actions":    []any{map[string]any{"action_name": "assign_agent", "action_params": []any{fmt.Sprint(alice)}}},
	})
	ghost := a.rule(t, map[string]any{
		"name": "Ghost team", "event_name": "conversation_updated",
		"conditions": []any{map[string]any{"attribute_key": "assignee_id", "filter_operator": "equal_to", "values": []any{alice}, "query_operator": nil}},
		"actions":    []any{map[string]any{"action_name": "assign_team", "action_params": []any{999}}},
	})

	dir, res := a.export(t, "team", "automation_rule")
	if res.Objects != 2 || res.Refused != 2 {
		t.Fatalf("result %+v:\n%s", res, readFile(t, dir, "EXPORT.md"))
	}
	wantFile(t, dir, "automation_rule.tf", `resource "chatwoot_automation_rule" "route_billing" {
  name        = "Route billing"
  description = "From the website"
  event_name  = "conversation_created"
  active      = false
  conditions = [
    {
      attribute_key   = "inbox_id"
      filter_operator = "equal_to"
      values          = [data.chatwoot_inbox.website.id]
      query_operator  = "AND"
    },
    {
      attribute_key         = "plan"
      filter_operator       = "equal_to"
      values                = ["gold"]
      custom_attribute_type = "contact_attribute"
    },
  ]
  actions = [
    {
      action_name = "assign_team"
      params      = [chatwoot_team.billing.team_id]
    },
    {
      action_name = "assign_agent"
      params      = ["nil"]
    },
    {
      action_name = "add_label"
      params      = ["billing", "web"]
    },
    {
      action_name = "resolve_conversation"
    },
    {
      action_name = "send_email_to_team"
      team_ids    = [chatwoot_team.billing.team_id]
      message     = "New"
    },
  ]
}
`)
	report := readFile(t, dir, "EXPORT.md")
	for _, want := range []string{
		fmt.Sprintf(`automation rule "Text id" (rule %d): action 1 (assign_agent) holds the id "%d" as text`, textID, alice),
		fmt.Sprintf(`automation rule "Ghost team" (rule %d): it names team 999, which is not in the account`, ghost),
	} {
		if !strings.Contains(report, want) {
			t.Errorf("EXPORT.md lacks %q:\n%s", want, report)
		}
	}
}

func TestExportConversationAssignment_onlyWhenAskedForWithAStatus(t *testing.T) {
	a := newAccount(t)
	ctx := context.Background()
	alice := a.agent(t, "Alice", "alice@acme.test", "agent")
	billing := a.team(t, "Billing", "", true)
	web := a.inbox(t, "Website")
	a.inboxMembers(t, web, alice)
	contact, err := a.fx.CreateContact(ctx, a.token, a.id, web, "Customer", "customer@example.test")
	must(t, err)
	var convs []int64
	for range 3 {
		c, err := a.fx.CreateConversation(ctx, a.token, a.id, web, contact.ID)
		must(t, err)
		convs = append(convs, c.ID)
	}
	must(t, a.fx.Assign(ctx, a.token, a.id, convs[0], map[string]any{"team_id": billing}))
	must(t, a.fx.Assign(ctx, a.token, a.id, convs[0], map[string]any{"assignee_id": alice}))
	must(t, a.fx.Assign(ctx, a.token, a.id, convs[2], map[string]any{"assignee_id": alice}))
	must(t, a.fx.ToggleStatus(ctx, a.token, a.id, convs[2], "resolved"))

	if dir, _ := a.export(t); strings.Contains(readFile(t, dir, "imports.tf"), "conversation") {
		t.Error("a default export includes conversation assignments")
	}
	if _, err := Run(ctx, Options{BaseURL: a.baseURL, Token: a.token, AccountID: a.id, Out: t.TempDir() + "/x", Types: []string{"conversation_assignment"}}); err == nil {
		t.Error("conversation_assignment without -conversation-status was accepted")
	}
	out := t.TempDir() + "/out"
	if _, err := Run(ctx, Options{BaseURL: a.baseURL, Token: a.token, AccountID: a.id, Out: out,
		Types: []string{"team", "conversation_assignment"}, ConversationStatus: "open"}); err != nil {
		t.Fatal(err)
	}
	wantFile(t, out, "conversation_assignment.tf", fmt.Sprintf(`resource "chatwoot_conversation_assignment" "conversation_%[1]d" {
  conversation_id = %[1]d
  assignee_id     = data.chatwoot_agent.alice.id
  team_id         = chatwoot_team.billing.team_id
}
`, convs[0]))
}
