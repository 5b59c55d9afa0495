package provider

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"sort"
	"testing"

	"github.com/hashicorp/terraform-plugin-framework/list"
	"github.com/hashicorp/terraform-plugin-framework/resource"
	helper "github.com/hashicorp/terraform-plugin-testing/helper/resource"
	"github.com/hashicorp/terraform-plugin-testing/knownvalue"
	"github.com/hashicorp/terraform-plugin-testing/querycheck"
	"github.com/hashicorp/terraform-plugin-testing/querycheck/queryfilter"
	"github.com/hashicorp/terraform-plugin-testing/tfjsonpath"
	"github.com/hashicorp/terraform-plugin-testing/tfversion"
)

// Helpers for the list resource tests: a `terraform query` of one list resource (Terraform 1.14
// and later; the tests skip on other CLIs), checked against what Chatwoot holds.

// listedObject is one object the query must return: its id, display name, and the values of its
// state (from what Chatwoot holds), beside the id and account_id every state has.
type listedObject struct {
	id      int64
	display string
	state   map[string]knownvalue.Check
}

// listKindOf is the resource kind a list resource lists.
func listKindOf(t *testing.T, newList func() list.ListResource) objectKind {
	t.Helper()
	l, ok := newList().(interface{ declaredKind() objectKind })
	if !ok {
		t.Fatal("the list resource is not an accountListResource")
	}
	return l.declaredKind()
}

// queryStep lists every object of the list resource's kind in the account, with their states,
// and expects exactly want, in any order.
func queryStep(t *testing.T, newList func() list.ListResource, accountID int64, want []listedObject) helper.TestStep {
	t.Helper()
	kind := listKindOf(t, newList)
	addr := kind.resourceType() + ".all"
	checks := []querycheck.QueryResultCheck{querycheck.ExpectLength(addr, len(want))}
	for _, o := range want {
		identity := map[string]knownvalue.Check{
			"account_id": knownvalue.Int64Exact(accountID),
			kind.idAttr:  knownvalue.Int64Exact(o.id),
		}
		byIdentity := queryfilter.ByResourceIdentity(identity)
		values := []querycheck.KnownValueCheck{
			{Path: tfjsonpath.New("id"), KnownValue: knownvalue.StringExact(fmt.Sprintf("%d/%d", accountID, o.id))},
			{Path: tfjsonpath.New("account_id"), KnownValue: knownvalue.Int64Exact(accountID)},
			{Path: tfjsonpath.New(kind.idAttr), KnownValue: knownvalue.Int64Exact(o.id)},
		}
		attrs := make([]string, 0, len(o.state))
		for attr := range o.state {
			attrs = append(attrs, attr)
		}
		sort.Strings(attrs)
		for _, attr := range attrs {
			values = append(values, querycheck.KnownValueCheck{Path: tfjsonpath.New(attr), KnownValue: o.state[attr]})
		}
		checks = append(checks,
			querycheck.ExpectIdentity(addr, identity),
			querycheck.ExpectResourceDisplayName(addr, byIdentity, knownvalue.StringExact(o.display)),
			querycheck.ExpectResourceKnownValues(addr, byIdentity, values))
	}
	return helper.TestStep{
		Query: true,
		// The query file goes beside the configuration of the step before, provider block included.
		Config: fmt.Sprintf(`
list %q "all" {
  provider         = chatwoot
  include_resource = true
}
`, kind.resourceType()),
		QueryResultChecks: checks,
	}
}

// queryTest runs a query of the list resource against the account and expects want.
func queryTest(t *testing.T, newList func() list.ListResource, providerBlock string, accountID int64, want []listedObject) {
	t.Helper()
	helper.ParallelTest(t, helper.TestCase{
		TerraformVersionChecks:   []tfversion.TerraformVersionCheck{cliSupportsActions}, // list resources came with actions, in 1.14
		ProtoV6ProviderFactories: testAccProtoV6ProviderFactories,
		Steps:                    []helper.TestStep{{Config: providerBlock}, queryStep(t, newList, accountID, want)},
	})
}

// queryRefusedTest runs a query of the list resource that must fail with the error matching want.
func queryRefusedTest(t *testing.T, newList func() list.ListResource, providerBlock string, want *regexp.Regexp) {
	t.Helper()
	step := queryStep(t, newList, 0, nil)
	step.QueryResultChecks, step.ExpectError = nil, want
	helper.ParallelTest(t, helper.TestCase{
		TerraformVersionChecks:   []tfversion.TerraformVersionCheck{cliSupportsActions},
		ProtoV6ProviderFactories: testAccProtoV6ProviderFactories,
		Steps:                    []helper.TestStep{{Config: providerBlock}, step},
	})
}

// Every list resource lists a registered resource, by the kind that resource declares, and has
// a documentation page with an example.
func TestListResources_listRegisteredResources(t *testing.T) {
	ctx := context.Background()
	p, _ := New("test")().(*chatwootProvider)
	resources := map[string]bool{}
	for _, rr := range registeredResources(t) {
		resources[rr.typeName] = true
	}
	for _, newList := range p.ListResources(ctx) {
		kind := listKindOf(t, newList)
		t.Run(kind.resourceType(), func(t *testing.T) {
			var meta resource.MetadataResponse
			newList().Metadata(ctx, resource.MetadataRequest{ProviderTypeName: "chatwoot"}, &meta)
			if meta.TypeName != kind.resourceType() || !resources[meta.TypeName] {
				t.Fatalf("lists %q, which is not a registered resource", meta.TypeName)
			}
			if kind.idAttr == "" {
				t.Fatal("has no kind: build it with listing(New<Kind>Resource, ...)")
			}
			var schema list.ListResourceSchemaResponse
			newList().ListResourceConfigSchema(ctx, list.ListResourceSchemaRequest{}, &schema)
			if schema.Schema.MarkdownDescription == "" {
				t.Error("the schema has no description")
			}
			requireFile(t, "examples", "list-resources", kind.resourceType(), "list-resource.tfquery.hcl")
			requireFile(t, "docs", "list-resources", kind.typeName+".md")
		})
	}
}

// notListed are the resources without a list resource, and why (README.md, "List resources").
var notListed = map[string]string{
	"chatwoot_conversation_assignment":       "a conversation's assignment is not standing configuration",
	"chatwoot_team_members":                  "a member set belongs to its team: list the teams",
	"chatwoot_inbox_members":                 "a member set belongs to its inbox: list the inboxes",
	"chatwoot_team_member":                   "a membership belongs to its team: list the teams",
	"chatwoot_inbox_member":                  "a membership belongs to its inbox: list the inboxes",
	"chatwoot_inbox_auto_assignment":         "settings of an inbox, not an object: list the inboxes",
	"chatwoot_inbox_agent_bot":               "a binding of an inbox: list the inboxes",
	"chatwoot_inbox_assignment_policy":       "a binding of an inbox: list the inboxes",
	"chatwoot_agent_capacity_policy_members": "a member set belongs to its policy: list the policies",
	"chatwoot_platform_account":              "a Platform App's object, and the Platform API lists no accounts",
	"chatwoot_platform_user":                 "a Platform App's object, and the Platform API lists no users",
	"chatwoot_platform_account_user":         "a Platform App's object, and the Platform API lists no memberships",
}

// Every resource has a list resource, or is named in notListed with the reason.
func TestListResources_coverEveryKind(t *testing.T) {
	p, _ := New("test")().(*chatwootProvider)
	listed := map[string]bool{}
	for _, newList := range p.ListResources(context.Background()) {
		listed[listKindOf(t, newList).resourceType()] = true
	}
	for _, rr := range registeredResources(t) {
		_, excused := notListed[rr.typeName]
		switch {
		case listed[rr.typeName] && excused:
			t.Errorf("%s has a list resource but is also in notListed", rr.typeName)
		case !listed[rr.typeName] && !excused:
			t.Errorf("%s has no list resource: add one (list_resource_kit.go), or say in notListed and README.md why not", rr.typeName)
		}
	}
}

// requireFile fails unless the file below the repository's root exists.
func requireFile(t *testing.T, parts ...string) {
	t.Helper()
	if _, err := os.Stat(filepath.Join(append([]string{"..", ".."}, parts...)...)); err != nil {
		t.Errorf("missing %s (run make generate for docs/): %v", filepath.Join(parts...), err)
	}
}
