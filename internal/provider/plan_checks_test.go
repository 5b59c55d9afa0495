package provider

import (
	"context"
	"fmt"
	"strings"
	"testing"

	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/resource"
	"github.com/hashicorp/terraform-plugin-framework/tfsdk"
	"github.com/hashicorp/terraform-plugin-framework/types"
	"github.com/hashicorp/terraform-plugin-go/tftypes"

	"github.com/chatwoot-community/terraform-provider-chatwoot/internal/chatwoot"
	"github.com/chatwoot-community/terraform-provider-chatwoot/internal/chatwootmock"
	"github.com/chatwoot-community/terraform-provider-chatwoot/internal/fixture"
)

// These unit tests drive ModifyPlan directly against the mock, to see the warnings Terraform
// shows in a plan (the acceptance framework cannot assert warnings).

type planTarget interface {
	resource.ResourceWithModifyPlan
	Schema(context.Context, resource.SchemaRequest, *resource.SchemaResponse)
}

// modifyPlan runs r's ModifyPlan for a change from prior to planned (nil: create, or destroy).
func modifyPlan(t *testing.T, r planTarget, prior, planned any) *resource.ModifyPlanResponse {
	t.Helper()
	ctx := context.Background()
	var schemaResp resource.SchemaResponse
	r.Schema(ctx, resource.SchemaRequest{}, &schemaResp)
	null := tftypes.NewValue(schemaResp.Schema.Type().TerraformType(ctx), nil)
	state := tfsdk.State{Schema: schemaResp.Schema, Raw: null}
	plan := tfsdk.Plan{Schema: schemaResp.Schema, Raw: null}
	config := tfsdk.Config{Schema: schemaResp.Schema, Raw: null}
	if prior != nil {
		if diags := state.Set(ctx, prior); diags.HasError() {
			t.Fatalf("building the prior state: %v", diags)
		}
	}
	if planned != nil {
		if diags := plan.Set(ctx, planned); diags.HasError() {
			t.Fatalf("building the plan: %v", diags)
		}
		config.Raw = plan.Raw
	}
	resp := &resource.ModifyPlanResponse{Plan: plan}
	r.ModifyPlan(ctx, resource.ModifyPlanRequest{State: state, Plan: plan, Config: config}, resp)
	return resp
}

// planEnv is a mock with a seeded account and a client with its administrator's token.
func planEnv(t *testing.T) (*fixture.Scenario, *chatwoot.Client, *providerData) {
	t.Helper()
	_, baseURL := chatwootmock.StartTest(t, chatwootmock.Options{PlatformToken: "platform"})
	ctx, cancel := testContext()
	defer cancel()
	sc, err := fixture.New(baseURL, "platform").Seed(ctx, fixture.SeedOptions{Name: t.Name(), Conversations: 1})
	if err != nil {
		t.Fatal(err)
	}
	client, err := chatwoot.New(chatwoot.Config{BaseURL: baseURL, Token: sc.AdminToken})
	if err != nil {
		t.Fatal(err)
	}
	return sc, client, &providerData{client: client, defaultAccountID: sc.Account.ID}
}

func diagnosticsWith(diags diag.Diagnostics, severity diag.Severity, summary string) []diag.Diagnostic {
	var out []diag.Diagnostic
	for _, d := range diags {
		if d.Severity() == severity && d.Summary() == summary {
			out = append(out, d)
		}
	}
	return out
}

// An assign_agent action for an agent Chatwoot will not auto-assign (unconfirmed) is planned with
// a warning that names the agent; a confirmed agent gets none.
func TestAutomationRulePlan_warnsAboutUnconfirmedAgent(t *testing.T) {
	sc, client, data := planEnv(t)
	ctx, cancel := testContext()
	defer cancel()
	email := uniqueEmail("unconfirmed")
	newcomer, err := client.CreateAgent(ctx, sc.Account.ID, chatwoot.AgentFields{Email: &email, Name: ptr("Nora New")})
	if err != nil {
		t.Fatal(err)
	}
	if newcomer.Confirmed {
		t.Fatal("an agent created through the account API is confirmed; the test needs an unconfirmed one")
	}
	rule := func(agentID int64) automationRuleModel {
		var diags diag.Diagnostics
		m := automationRuleState(ctx, sc.Account.ID, &chatwoot.AutomationRule{
			Name: "to nora", EventName: "conversation_created", Active: true,
			Conditions: []chatwoot.AutomationCondition{{AttributeKey: "inbox_id", FilterOperator: "equal_to", Values: []chatwoot.Param{chatwoot.IntParam(sc.Inbox.ID)}}},
			Actions:    []chatwoot.AutomationAction{{ActionName: "assign_agent", ActionParams: []chatwoot.Param{chatwoot.IntParam(agentID)}}},
		}, &diags)
		if diags.HasError() {
			t.Fatal(diags)
		}
		m.ID, m.RuleID = types.StringUnknown(), types.Int64Unknown()
		m.Timeouts = priorAutomationRule(t, true).Timeouts
		return m
	}
	r, _ := NewAutomationRuleResource().(*automationRuleResource)
	r.data = data

	resp := modifyPlan(t, r, nil, rule(newcomer.ID))
	if resp.Diagnostics.HasError() {
		t.Fatal(resp.Diagnostics)
	}
	warnings := diagnosticsWith(resp.Diagnostics, diag.SeverityWarning, "Agent Cannot Be Auto-Assigned")
	if len(warnings) != 1 || !strings.Contains(warnings[0].Detail(), email) || !strings.Contains(warnings[0].Detail(), "Nora New") {
		t.Fatalf("want one warning naming %s (Nora New); got %v", email, resp.Diagnostics)
	}

	resp = modifyPlan(t, r, nil, rule(sc.Agent1.ID))
	if n := len(diagnosticsWith(resp.Diagnostics, diag.SeverityWarning, "Agent Cannot Be Auto-Assigned")); n != 0 || resp.Diagnostics.HasError() {
		t.Errorf("a confirmed agent was warned about: %v", resp.Diagnostics)
	}
}

// Destroy planned with -refresh=false after a human assigned another agent: the state still says
// this resource's agent, so the plan reads the conversation and warns that apply will leave the
// human's agent alone.
func TestConversationAssignmentPlan_warnsAboutOthersChangeWithoutRefresh(t *testing.T) {
	sc, client, data := planEnv(t)
	ctx, cancel := testContext()
	defer cancel()
	conv := sc.Conversations[0].ID
	if err := client.AssignAgent(ctx, sc.Account.ID, conv, sc.Agent2.ID); err != nil {
		t.Fatal(err)
	}
	r, _ := NewConversationAssignmentResource().(*conversationAssignmentResource)
	r.data = data
	prior := conversationAssignmentModel{
		ID: types.StringValue(objectID{sc.Account.ID, conv}.String()), AccountID: types.Int64Value(sc.Account.ID),
		ConversationID: types.Int64Value(conv), AssigneeID: types.Int64Value(sc.Agent1.ID),
		AgentBotID: types.Int64Null(), TeamID: types.Int64Null(), OnDestroy: types.StringValue(onDestroyUnassign),
		operationTimeouts: priorAutomationRule(t, true).operationTimeouts,
	}
	resp := modifyPlan(t, r, prior, nil)
	warnings := diagnosticsWith(resp.Diagnostics, diag.SeverityWarning, "Conversation Assignment Changed Outside Terraform")
	if len(warnings) != 1 || !strings.Contains(warnings[0].Detail(), fmt.Sprintf("assignee_id = %d, not the %d", sc.Agent2.ID, sc.Agent1.ID)) {
		t.Fatalf("want one warning that assignee_id %d is left alone; got %v", sc.Agent2.ID, resp.Diagnostics)
	}
}
