package provider

import (
	"context"
	"fmt"
	"strings"
	"testing"

	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/path"
	"github.com/hashicorp/terraform-plugin-framework/resource"
	"github.com/hashicorp/terraform-plugin-framework/tfsdk"
	"github.com/hashicorp/terraform-plugin-go/tftypes"

	"github.com/chatwoot-community/terraform-provider-chatwoot/internal/chatwoot"
)

// configuredWith configures r with client, as the provider would, and returns a state of r's
// schema holding only the given attributes (the rest null, timeouts included); nil attrs give a
// null state, as before a create.
func configuredWith(t *testing.T, r resource.Resource, client *chatwoot.Client, attrs map[string]any) tfsdk.State {
	t.Helper()
	ctx := context.Background()
	if c, ok := r.(resource.ResourceWithConfigure); ok {
		var resp resource.ConfigureResponse
		c.Configure(ctx, resource.ConfigureRequest{ProviderData: &providerData{client: client, hasAPIToken: true, hasPlatformToken: true}}, &resp)
	}
	var sch resource.SchemaResponse
	r.Schema(ctx, resource.SchemaRequest{}, &sch)
	state := tfsdk.State{Schema: sch.Schema, Raw: tftypes.NewValue(sch.Schema.Type().TerraformType(ctx), nil)}
	for name, v := range attrs {
		if d := state.SetAttribute(ctx, path.Root(name), v); d.HasError() {
			t.Fatalf("%s: %v", name, d)
		}
	}
	return state
}

// destroyWith runs r's Delete against client on a state holding only the given attributes, as a
// destroy after import would, and returns its diagnostics.
func destroyWith(t *testing.T, r resource.Resource, client *chatwoot.Client, attrs map[string]any) diag.Diagnostics {
	t.Helper()
	ctx := context.Background()
	state := configuredWith(t, r, client, attrs)
	resp := resource.DeleteResponse{State: state}
	r.Delete(ctx, resource.DeleteRequest{State: state}, &resp)
	return resp.Diagnostics
}

// Every destroy that leaves something in Chatwoot (the parent of a binding or a set, a setting,
// a user, work Chatwoot finishes in a background job) says what in one warning; a second destroy,
// which finds the object gone, deletes nothing and says nothing.
func TestDelete_warnsWhatStaysInChatwoot(t *testing.T) {
	env := newTestEnv(t)
	sc := env.seed(t, 1)
	api := adminAPI(t, env, sc)
	both, err := chatwoot.New(chatwoot.Config{BaseURL: env.BaseURL, Token: sc.AdminToken, PlatformToken: testPlatformToken()})
	must(t, err)
	ctx := context.Background()
	a, inbox, team := sc.Account.ID, sc.Inbox.ID, sc.Team.ID
	bot, err := api.CreateAgentBot(ctx, a, chatwoot.AgentBotFields{Name: ptr("leaving"), OutgoingURL: ptr("https://bot.example.test")})
	must(t, err)
	spare, err := api.CreateTeam(ctx, a, chatwoot.TeamFields{Name: ptr("spare")})
	must(t, err)
	label, err := api.CreateLabel(ctx, a, chatwoot.LabelFields{Title: ptr("vip")})
	must(t, err)
	must(t, api.SetInboxAgentBot(ctx, a, inbox, sc.Bot.ID))
	_, err = api.SetTeamMembers(ctx, a, team, []int64{sc.Agent1.ID})
	must(t, err)
	off := false
	_, err = api.UpdateInboxAutoAssignment(ctx, a, inbox, chatwoot.InboxAutoAssignmentUpdate{Enabled: &off})
	must(t, err)

	for _, tc := range []struct {
		name    string
		r       resource.Resource
		attrs   map[string]any
		summary string
		names   []string // what the detail must name
		again   bool     // whether a second destroy finds the object gone (and says nothing)
	}{
		{"agent", NewAgentResource(), map[string]any{"account_id": a, "user_id": sc.Agent2.ID, "email": sc.Agent2.Email},
			"Agent Removed From the Account, Cleanup Continues in Chatwoot",
			[]string{fmt.Sprintf("User %d (%s)", sc.Agent2.ID, sc.Agent2.Email), "other accounts stays", "no account is deleted"}, true},
		{"agent bot", NewAgentBotResource(), map[string]any{"account_id": a, "bot_id": bot.ID},
			"Agent Bot Deleted, Its Inbox Links Go Later", []string{fmt.Sprintf("Agent bot %d", bot.ID), "background job"}, true},
		{"label", NewLabelResource(), map[string]any{"account_id": a, "label_id": label.ID, "title": "vip"},
			"Label Deleted, Its Tags Go Later", []string{`Label "vip"`, "background job"}, true},
		{"inbox agent bot", NewInboxAgentBotResource(), map[string]any{"account_id": a, "inbox_id": inbox, "agent_bot_id": sc.Bot.ID},
			"Agent Bot Detached, Not Deleted", []string{fmt.Sprintf("Agent bot %d no longer answers inbox %d", sc.Bot.ID, inbox), "both stay"}, true},
		{"team", NewTeamResource(), map[string]any{"account_id": a, "team_id": spare.ID},
			"Team Deleted, Its Conversations Keep No Team", []string{fmt.Sprintf("Team %d was deleted", spare.ID), "without a team"}, true},
		{"team members", NewTeamMembersResource(), map[string]any{"account_id": a, "team_id": team},
			"Team Kept Without Members", []string{fmt.Sprintf("team %d", team), "The team itself stays"}, false},
		{"inbox auto-assignment", NewInboxAutoAssignmentResource(), map[string]any{"account_id": a, "inbox_id": inbox,
			"enable_auto_assignment": false}, "Inbox Auto-Assignment Set to Chatwoot's Defaults",
			[]string{fmt.Sprintf("Inbox %d", inbox), "does not restore earlier values"}, false},
		{"conversation assignment kept", NewConversationAssignmentResource(), map[string]any{"account_id": a,
			"conversation_id": sc.Conversations[0].ID, "on_destroy": onDestroyKeep}, "Conversation Assignment Kept",
			[]string{fmt.Sprintf("conversation %d", sc.Conversations[0].ID), "keeps its assignee"}, false},
		{"platform account user", NewPlatformAccountUserResource(), map[string]any{"account_id": a, "user_id": sc.Agent1.ID},
			"User Removed From the Account, Not Deleted", []string{fmt.Sprintf("User %d was removed from account %d", sc.Agent1.ID, a),
				"stays in Chatwoot"}, false}, // Chatwoot answers 200 for a user who is not a member
	} {
		t.Run(tc.name, func(t *testing.T) {
			diags := destroyWith(t, tc.r, both, tc.attrs)
			if diags.HasError() || len(diags.Warnings()) != 1 || diags.Warnings()[0].Summary() != tc.summary {
				t.Fatalf("diagnostics %v; want one warning %q", diags, tc.summary)
			}
			for _, want := range tc.names {
				if d := diags.Warnings()[0].Detail(); !strings.Contains(d, want) {
					t.Errorf("warning %q does not say %q", d, want)
				}
			}
			if tc.again {
				if diags := destroyWith(t, tc.r, both, tc.attrs); len(diags) != 0 {
					t.Errorf("a second destroy, of an object already gone: %v; want no diagnostics", diags)
				}
			}
		})
	}
}
