package provider

import (
	"context"
	"testing"

	"github.com/hashicorp/terraform-plugin-framework/providerserver"
	"github.com/hashicorp/terraform-plugin-go/tfprotov6"
	"github.com/hashicorp/terraform-plugin-go/tftypes"

	"github.com/chatwoot-community/terraform-provider-chatwoot/internal/chatwoot"
	"github.com/chatwoot-community/terraform-provider-chatwoot/internal/chatwootmock"
	"github.com/chatwoot-community/terraform-provider-chatwoot/internal/fixture"
)

// Every list resource's result is, value for value, the state the resource stores when that
// object is imported by the result's identity and read: what -generate-config-out writes then
// imports without a change. It speaks the plugin protocol to the provider, so it runs without a
// CLI (the query tests need Terraform 1.14).
func TestListResources_resultIsWhatAnImportReads(t *testing.T) {
	env := newMockEnv(t, chatwootmock.Options{ChatwootVersion: "4.17.0", Edition: chatwootmock.EditionEnterprise})
	sc := env.seedWith(t, fixture.SeedOptions{Features: map[string]bool{"sla": true}})
	seedEveryListedKind(t, env, sc)
	ctx := context.Background()
	server, err := providerserver.NewProtocol6WithError(New("test")())()
	if err != nil {
		t.Fatal(err)
	}
	srv, ok := server.(interface {
		tfprotov6.ProviderServer
		tfprotov6.ListResourceServer
	})
	if !ok {
		t.Fatal("the provider server does not serve list resources")
	}
	schemas, err := srv.GetProviderSchema(ctx, &tfprotov6.GetProviderSchemaRequest{})
	if err != nil || protocolFailed(t, "GetProviderSchema", schemas.Diagnostics) {
		t.Fatal(err)
	}
	providerConfig := protocolValue(t, schemas.Provider, map[string]tftypes.Value{
		"base_url":         tftypes.NewValue(tftypes.String, env.BaseURL),
		"api_access_token": tftypes.NewValue(tftypes.String, sc.AdminToken),
		"account_id":       tftypes.NewValue(tftypes.Number, sc.Account.ID),
	})
	configured, err := srv.ConfigureProvider(ctx, &tfprotov6.ConfigureProviderRequest{Config: providerConfig})
	if err != nil || protocolFailed(t, "ConfigureProvider", configured.Diagnostics) {
		t.Fatal(err)
	}
	if len(schemas.ListResourceSchemas) == 0 {
		t.Fatal("the provider has no list resources")
	}
	for typeName, listSchema := range schemas.ListResourceSchemas {
		t.Run(typeName, func(t *testing.T) {
			resourceType := schemas.ResourceSchemas[typeName].ValueType()
			stream, err := srv.ListResource(ctx, &tfprotov6.ListResourceRequest{
				TypeName: typeName, Config: protocolValue(t, listSchema, nil), IncludeResource: true,
			})
			if err != nil {
				t.Fatal(err)
			}
			listed := 0
			for result := range stream.Results {
				if protocolFailed(t, "ListResource", result.Diagnostics) {
					return
				}
				listed++
				imported, err := srv.ImportResourceState(ctx, &tfprotov6.ImportResourceStateRequest{TypeName: typeName, Identity: result.Identity})
				if err != nil || protocolFailed(t, "ImportResourceState", imported.Diagnostics) || len(imported.ImportedResources) != 1 {
					t.Fatalf("import of %s: %v", result.DisplayName, err)
				}
				in := imported.ImportedResources[0]
				read, err := srv.ReadResource(ctx, &tfprotov6.ReadResourceRequest{
					TypeName: typeName, CurrentState: in.State, CurrentIdentity: in.Identity, Private: in.Private,
				})
				if err != nil || protocolFailed(t, "ReadResource", read.Diagnostics) {
					t.Fatalf("read of %s: %v", result.DisplayName, err)
				}
				got, want := decodeValue(t, result.Resource, resourceType), decodeValue(t, read.NewState, resourceType)
				if diffs, _ := got.Diff(want); len(diffs) > 0 {
					t.Errorf("%s: the list's state differs from what an import reads:\n", result.DisplayName)
					for _, d := range diffs {
						t.Errorf("  %s: listed %v, imported %v", d.Path, d.Value1, d.Value2)
					}
				}
			}
			if listed == 0 {
				t.Error("listed nothing: seedEveryListedKind must make at least one of each kind")
			}
		})
	}
}

// seedEveryListedKind makes, through the Application API, one object of each listed kind that
// the fixture does not already have (it has a team, agents, an API inbox and an agent bot), and
// makes one agent's availability visible.
func seedEveryListedKind(t *testing.T, env *testEnv, sc *fixture.Scenario) {
	t.Helper()
	admin := adminAPI(t, env, sc)
	ctx, cancel := testContext()
	defer cancel()
	a := sc.Account.ID
	text := func(s string) *string { return &s }
	limit := int64(5)
	actions := []chatwoot.AutomationAction{{ActionName: "assign_team", ActionParams: []chatwoot.Param{chatwoot.IntParam(sc.Team.ID)}}}
	first := 600.0
	steps := []func() error{
		func() error { // an availability Chatwoot shows, which an import reads
			off := false
			_, err := admin.UpdateAgent(ctx, a, sc.Agent1.ID, chatwoot.AgentFields{Availability: text("busy"), AutoOffline: &off})
			return err
		},
		func() error {
			_, err := admin.CreateInbox(ctx, a, chatwoot.InboxCreate{Fields: chatwoot.InboxFields{Name: text("Website")},
				WebWidget: &chatwoot.WebWidgetFields{WebsiteURL: text("https://www.example.test")}})
			return err
		},
		func() error {
			_, err := admin.CreateLabel(ctx, a, chatwoot.LabelFields{Title: text("vip")})
			return err
		},
		func() error {
			_, err := admin.CreateCannedResponse(ctx, a, chatwoot.CannedResponseFields{ShortCode: text("thanks"), Content: text("Thanks!")})
			return err
		},
		func() error {
			_, err := admin.CreateWebhook(ctx, a, chatwoot.WebhookFields{URL: text("https://crm.example.test/hook"), InboxID: &sc.Inbox.ID,
				Subscriptions: []string{"conversation_created"}})
			return err
		},
		func() error {
			_, err := admin.CreateCustomAttributeDefinition(ctx, a, chatwoot.CustomAttributeDefinitionFields{AttributeDisplayName: text("Plan"),
				AttributeKey: text("plan"), AttributeModel: text("contact_attribute"), AttributeDisplayType: text("list"),
				AttributeValues: &[]string{"free", "pro"}})
			return err
		},
		func() error {
			_, err := admin.CreateMacro(ctx, a, chatwoot.MacroInput{Name: "Escalate", Visibility: "global", Actions: actions})
			return err
		},
		func() error {
			_, err := admin.CreateSLAPolicy(ctx, a, chatwoot.SLAPolicyInput{Name: "Gold", FirstResponseTimeThreshold: &first})
			return err
		},
		func() error {
			_, err := admin.CreateAutomationRule(ctx, a, chatwoot.AutomationRuleInput{Name: "Route", EventName: "conversation_created", Active: true,
				Conditions: []chatwoot.AutomationCondition{{AttributeKey: "status", FilterOperator: "equal_to", Values: []chatwoot.Param{chatwoot.StringParam("open")}}},
				Actions:    actions})
			return err
		},
		func() error {
			_, err := admin.CreateAssignmentPolicy(ctx, a, chatwoot.AssignmentPolicyFields{Name: text("Fair"), FairDistributionLimit: &limit})
			return err
		},
		func() error {
			p, err := admin.CreateCapacityPolicy(ctx, a, chatwoot.CapacityPolicyFields{Name: text("Day shift")})
			if err == nil {
				_, err = admin.CreateInboxCapacityLimit(ctx, a, p.ID, sc.Inbox.ID, limit)
			}
			return err
		},
	}
	for _, step := range steps {
		if err := step(); err != nil {
			t.Fatal(err)
		}
	}
}

// protocolValue is a configuration of the schema: the values given, null elsewhere.
func protocolValue(t *testing.T, schema *tfprotov6.Schema, values map[string]tftypes.Value) *tfprotov6.DynamicValue {
	t.Helper()
	typ, _ := schema.ValueType().(tftypes.Object)
	attrs := map[string]tftypes.Value{}
	for name, attrType := range typ.AttributeTypes {
		attrs[name] = tftypes.NewValue(attrType, nil)
		if v, ok := values[name]; ok {
			attrs[name] = v
		}
	}
	dv, err := tfprotov6.NewDynamicValue(typ, tftypes.NewValue(typ, attrs))
	if err != nil {
		t.Fatal(err)
	}
	return &dv
}

func decodeValue(t *testing.T, dv *tfprotov6.DynamicValue, typ tftypes.Type) tftypes.Value {
	t.Helper()
	if dv == nil {
		t.Fatal("no value")
	}
	v, err := dv.Unmarshal(typ)
	if err != nil {
		t.Fatal(err)
	}
	return v
}

// protocolFailed reports error diagnostics of one protocol call.
func protocolFailed(t *testing.T, call string, diags []*tfprotov6.Diagnostic) bool {
	t.Helper()
	failed := false
	for _, d := range diags {
		if d.Severity == tfprotov6.DiagnosticSeverityError {
			t.Errorf("%s: %s: %s", call, d.Summary, d.Detail)
			failed = true
		}
	}
	return failed
}
