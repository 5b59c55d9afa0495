package provider

import (
	"context"
	"io"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"

	"github.com/hashicorp/terraform-plugin-framework-timeouts/resource/timeouts"
	"github.com/hashicorp/terraform-plugin-framework/attr"
	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/path"
	"github.com/hashicorp/terraform-plugin-framework/resource"
	"github.com/hashicorp/terraform-plugin-framework/tfsdk"
	"github.com/hashicorp/terraform-plugin-framework/types"
	"github.com/hashicorp/terraform-plugin-go/tftypes"

	"github.com/chatwoot-community/terraform-provider-chatwoot/internal/chatwoot"
)

// These unit tests drive Read directly, to see the warnings Terraform shows during a plan (the
// acceptance framework cannot assert warnings). The handler answers as Chatwoot does (DESIGN.md §6.6).

func readAutomationRule(t *testing.T, handler http.HandlerFunc, prior automationRuleModel) (*resource.ReadResponse, automationRuleModel) {
	t.Helper()
	srv := httptest.NewServer(handler)
	t.Cleanup(srv.Close)
	client, err := chatwoot.New(chatwoot.Config{BaseURL: srv.URL, Token: "admin-token"})
	if err != nil {
		t.Fatal(err)
	}
	ctx := context.Background()
	r, _ := NewAutomationRuleResource().(*automationRuleResource)
	r.data = &providerData{client: client}
	var schemaResp resource.SchemaResponse
	r.Schema(ctx, resource.SchemaRequest{}, &schemaResp)
	state := tfsdk.State{Schema: schemaResp.Schema, Raw: tftypes.NewValue(schemaResp.Schema.Type().TerraformType(ctx), nil)}
	if diags := state.Set(ctx, prior); diags.HasError() {
		t.Fatalf("building the prior state: %v", diags)
	}
	resp := &resource.ReadResponse{State: state}
	r.Read(ctx, resource.ReadRequest{State: state}, resp)
	var got automationRuleModel
	if !resp.State.Raw.IsNull() {
		resp.Diagnostics.Append(resp.State.Get(ctx, &got)...)
	}
	return resp, got
}

func priorAutomationRule(t *testing.T, active bool) automationRuleModel {
	t.Helper()
	var diags diag.Diagnostics
	m := automationRuleState(context.Background(), 1, &chatwoot.AutomationRule{
		ID: 7, Name: "billing", EventName: "conversation_created", Active: active,
		Conditions: []chatwoot.AutomationCondition{{AttributeKey: "inbox_id", FilterOperator: "equal_to", Values: []chatwoot.Param{chatwoot.IntParam(4)}}},
		Actions:    []chatwoot.AutomationAction{{ActionName: "assign_team", ActionParams: []chatwoot.Param{chatwoot.IntParam(3)}}},
	}, &diags)
	if diags.HasError() {
		t.Fatal(diags)
	}
	// As after an import or a configuration without a timeouts block.
	m.Timeouts = timeouts.Value{Object: types.ObjectNull(map[string]attr.Type{
		"create": types.StringType, "update": types.StringType, "delete": types.StringType,
	})}
	return m
}

func showsRule(body string) http.HandlerFunc {
	return func(w http.ResponseWriter, r *http.Request) {
		_, _ = io.WriteString(w, `{"payload":`+body+`}`)
	}
}

func findDiagnostic(diags diag.Diagnostics, severity diag.Severity, summary string) diag.Diagnostic {
	for _, d := range diags {
		if d.Severity() == severity && d.Summary() == summary {
			return d
		}
	}
	return nil
}

func TestAutomationRuleRead_deactivatedByChatwootWarns(t *testing.T) {
	resp, got := readAutomationRule(t, showsRule(`{"id":7,"account_id":1,"name":"billing","description":null,
		"event_name":"conversation_created","active":false,"created_on":1,
		"conditions":[{"attribute_key":"inbox_id","filter_operator":"equal_to","values":[4],"query_operator":null}],
		"actions":[{"action_name":"assign_team","action_params":[3]}]}`), priorAutomationRule(t, true))
	if resp.Diagnostics.HasError() {
		t.Fatal(resp.Diagnostics)
	}
	w := findDiagnostic(resp.Diagnostics, diag.SeverityWarning, "Chatwoot Deactivated the Automation Rule")
	if w == nil {
		t.Fatalf("no deactivation warning in %v", resp.Diagnostics)
	}
	if !strings.Contains(w.Detail(), "two evaluations in a row fail") || !strings.Contains(w.Detail(), "turns it back on") {
		t.Errorf("the warning does not explain why: %s", w.Detail())
	}
	if wp, ok := w.(diag.DiagnosticWithPath); !ok || !wp.Path().Equal(path.Root("active")) {
		t.Errorf("the warning is not attached to active")
	}
	if got.Active.ValueBool() || got.Description.ValueString() != "" {
		t.Errorf("state has active=%v description=%q, want false and \"\"", got.Active, got.Description)
	}
}

// The deactivation warning names the condition Chatwoot cannot evaluate when it can tell.
func TestAutomationRuleRead_deactivationWarningNamesTheCondition(t *testing.T) {
	resp, _ := readAutomationRule(t, showsRule(`{"id":7,"account_id":1,"name":"billing","description":null,
		"event_name":"conversation_created","active":false,"created_on":1,
		"conditions":[{"attribute_key":"inbox_id","filter_operator":"equal_to","values":[4],"query_operator":"AND"},
		{"attribute_key":"status","filter_operator":"contains","values":["open"],"query_operator":null}],
		"actions":[{"action_name":"assign_team","action_params":[3]}]}`), priorAutomationRule(t, true))
	w := findDiagnostic(resp.Diagnostics, diag.SeverityWarning, "Chatwoot Deactivated the Automation Rule")
	if w == nil {
		t.Fatalf("no deactivation warning in %v", resp.Diagnostics)
	}
	if !strings.Contains(w.Detail(), `condition 2 (counting from 1) (status contains)`) || strings.Contains(w.Detail(), "condition 1") {
		t.Errorf("the warning does not name condition 2 alone: %s", w.Detail())
	}
}

func TestAutomationRuleRead_inactiveInConfigDoesNotWarn(t *testing.T) {
	resp, _ := readAutomationRule(t, showsRule(`{"id":7,"name":"billing","event_name":"conversation_created","active":false,
		"conditions":[],"actions":[]}`), priorAutomationRule(t, false))
	if len(resp.Diagnostics) != 0 {
		t.Fatalf("want no diagnostics, got %v", resp.Diagnostics)
	}
}

// A string id, which Chatwoot ignores, reads back quoted so the plan differs from the configured
// id, and a warning says why. Lower-case query operators from Chatwoot's UI read as upper case.
func TestAutomationRuleRead_stringIDsAndLowerCaseOperators(t *testing.T) {
	resp, got := readAutomationRule(t, showsRule(`{"id":7,"name":"billing","event_name":"conversation_created","active":true,
		"conditions":[{"attribute_key":"inbox_id","filter_operator":"equal_to","values":["4"],"query_operator":"and","custom_attribute_type":""},
		              {"attribute_key":"status","filter_operator":"equal_to","values":["open"],"query_operator":null}],
		"actions":[{"action_name":"assign_team","action_params":["3"]},{"action_name":"send_email_to_team","action_params":[{"message":"m","team_ids":[3]}]}]}`),
		priorAutomationRule(t, true))
	if resp.Diagnostics.HasError() {
		t.Fatal(resp.Diagnostics)
	}
	if findDiagnostic(resp.Diagnostics, diag.SeverityWarning, "Automation Rule Holds an ID as Text") == nil {
		t.Errorf("no warning about the string ids in %v", resp.Diagnostics)
	}
	var conditions []automationConditionModel
	var actions []automationActionModel
	ctx := context.Background()
	resp.Diagnostics.Append(got.Conditions.ElementsAs(ctx, &conditions, false)...)
	resp.Diagnostics.Append(got.Actions.ElementsAs(ctx, &actions, false)...)
	if resp.Diagnostics.HasError() {
		t.Fatal(resp.Diagnostics)
	}
	if v := automationStrings(ctx, conditions[0].Values, &resp.Diagnostics); len(v) != 1 || v[0] != `"4"` {
		t.Errorf("string inbox id read as %q, want the quoted \"4\"", v)
	}
	if conditions[0].QueryOperator.ValueString() != "AND" || !conditions[0].CustomAttributeType.IsNull() || !conditions[1].QueryOperator.IsNull() {
		t.Errorf("conditions read as %+v", conditions)
	}
	if p := automationStrings(ctx, actions[0].Params, &resp.Diagnostics); len(p) != 1 || p[0] != `"3"` {
		t.Errorf("string team id read as %q, want the quoted \"3\"", p)
	}
	if actions[1].Message.ValueString() != "m" || len(actions[1].TeamIDs.Elements()) != 1 || !actions[1].Params.IsNull() {
		t.Errorf("send_email_to_team read as %+v", actions[1])
	}
}

// Chatwoot answers an unknown rule id with 500; Read checks the list and forgets the rule.
func TestAutomationRuleRead_deletedRuleLeavesState(t *testing.T) {
	var listed bool
	resp, _ := readAutomationRule(t, func(w http.ResponseWriter, r *http.Request) {
		if strings.HasSuffix(r.URL.Path, "/automation_rules") {
			listed = true
			_, _ = io.WriteString(w, `{"payload":[]}`)
			return
		}
		w.WriteHeader(http.StatusInternalServerError)
		_, _ = io.WriteString(w, `{"status":500,"error":"Internal Server Error"}`)
	}, priorAutomationRule(t, true))
	if !listed || !resp.State.Raw.IsNull() {
		t.Fatalf("want the rule removed from state after checking the list (listed=%v)", listed)
	}
	if findDiagnostic(resp.Diagnostics, diag.SeverityWarning, "Chatwoot Automation Rule No Longer Exists") == nil {
		t.Errorf("no warning in %v", resp.Diagnostics)
	}
}

// A 500 for a rule that is still listed is an error, not a deletion.
func TestAutomationRuleRead_serverErrorKeepsState(t *testing.T) {
	resp, _ := readAutomationRule(t, func(w http.ResponseWriter, r *http.Request) {
		if strings.HasSuffix(r.URL.Path, "/automation_rules") {
			_, _ = io.WriteString(w, `{"payload":[{"id":7,"name":"billing","event_name":"conversation_created","conditions":[],"actions":[]}]}`)
			return
		}
		w.WriteHeader(http.StatusInternalServerError)
		_, _ = io.WriteString(w, `{"status":500,"error":"Internal Server Error"}`)
	}, priorAutomationRule(t, true))
	if findDiagnostic(resp.Diagnostics, diag.SeverityError, "Chatwoot Server Error") == nil || resp.State.Raw.IsNull() {
		t.Fatalf("want a server error and the state kept, got %v", resp.Diagnostics)
	}
}

func TestAutomationRuleRead_agentTokenNeedsAdministrator(t *testing.T) {
	resp, _ := readAutomationRule(t, func(w http.ResponseWriter, r *http.Request) {
		w.WriteHeader(http.StatusUnauthorized)
		_, _ = io.WriteString(w, `{"error":"You are not authorized to do this action"}`)
	}, priorAutomationRule(t, true))
	d := findDiagnostic(resp.Diagnostics, diag.SeverityError, "Chatwoot Administrator Required")
	if d == nil || !strings.Contains(d.Detail(), "Original error:") {
		t.Fatalf("want the administrator error, got %v", resp.Diagnostics)
	}
}
