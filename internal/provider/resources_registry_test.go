package provider

import (
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/hashicorp/terraform-plugin-framework/path"
	"github.com/hashicorp/terraform-plugin-framework/resource"
	"github.com/hashicorp/terraform-plugin-framework/tfsdk"
	"github.com/hashicorp/terraform-plugin-framework/types"
	"github.com/hashicorp/terraform-plugin-go/tftypes"
)

// These checks run over the list of resources the provider registers, so that a new resource
// cannot forget what every resource must have.

// registeredResource is one entry of the provider's Resources, with its type name and schema.
type registeredResource struct {
	typeName string
	r        resource.Resource
	schema   resource.SchemaResponse
}

func registeredResources(t *testing.T) []registeredResource {
	t.Helper()
	ctx := context.Background()
	p, _ := New("test")().(*chatwootProvider)
	var out []registeredResource
	for _, newResource := range p.Resources(ctx) {
		r := newResource()
		var meta resource.MetadataResponse
		r.Metadata(ctx, resource.MetadataRequest{ProviderTypeName: "chatwoot"}, &meta)
		var schema resource.SchemaResponse
		r.Schema(ctx, resource.SchemaRequest{}, &schema)
		if schema.Diagnostics.HasError() {
			t.Fatalf("%s: Schema: %v", meta.TypeName, schema.Diagnostics)
		}
		out = append(out, registeredResource{typeName: meta.TypeName, r: r, schema: schema})
	}
	if len(out) == 0 {
		t.Fatal("the provider registers no resources")
	}
	return out
}

// Every resource is an account object: id, account_id, its own id attribute, a timeouts block,
// and an identity of account_id and that attribute, both required for import.
func TestResources_areAccountObjects(t *testing.T) {
	ctx := context.Background()
	for _, rr := range registeredResources(t) {
		t.Run(rr.typeName, func(t *testing.T) {
			skipPlatformResource(t, rr.typeName)
			withIdentity, ok := rr.r.(resource.ResourceWithIdentity)
			if !ok {
				t.Fatal("has no identity schema; embed accountObjectResource")
			}
			if _, ok := rr.r.(resource.ResourceWithImportState); !ok {
				t.Fatal("cannot be imported")
			}
			var identity resource.IdentitySchemaResponse
			withIdentity.IdentitySchema(ctx, resource.IdentitySchemaRequest{}, &identity)
			want := 2
			// A resource whose object is a pair (a membership) says how many parts its identity has.
			if pair, ok := rr.r.(interface{ identityAttributes() int }); ok {
				want = pair.identityAttributes()
			}
			if len(identity.IdentitySchema.Attributes) != want {
				t.Fatalf("identity has %d attributes; want account_id and the object's id", len(identity.IdentitySchema.Attributes))
			}
			for name, attr := range identity.IdentitySchema.Attributes {
				if !attr.IsRequiredForImport() {
					t.Errorf("identity attribute %s is not required for import", name)
				}
				if _, ok := rr.schema.Schema.Attributes[name]; !ok {
					t.Errorf("identity attribute %s is not an attribute of the resource", name)
				}
			}
			if _, ok := identity.IdentitySchema.Attributes["account_id"]; !ok {
				t.Error("identity has no account_id")
			}
			for _, attr := range []string{"id", "account_id"} {
				if _, ok := rr.schema.Schema.Attributes[attr]; !ok {
					t.Errorf("schema has no %s", attr)
				}
			}
			if _, ok := rr.schema.Schema.Blocks["timeouts"]; !ok {
				t.Error("schema has no timeouts block; use operationTimeoutsBlock")
			}
		})
	}
}

// Every resource has an import example and a documentation page that shows it.
func TestResources_haveImportExampleAndDocs(t *testing.T) {
	root := filepath.Join("..", "..")
	for _, rr := range registeredResources(t) {
		t.Run(rr.typeName, func(t *testing.T) {
			example, err := os.ReadFile(filepath.Join(root, "examples", "resources", rr.typeName, "import.sh"))
			if err != nil {
				t.Fatalf("no import example: %v", err)
			}
			if !strings.Contains(string(example), "terraform import "+rr.typeName+".") {
				t.Errorf("examples/resources/%s/import.sh does not import a %s", rr.typeName, rr.typeName)
			}
			page, err := os.ReadFile(filepath.Join(root, "docs", "resources", strings.TrimPrefix(rr.typeName, "chatwoot_")+".md"))
			if err != nil {
				t.Fatalf("no documentation page (run make generate): %v", err)
			}
			if !strings.Contains(string(page), "## Import") || !strings.Contains(string(page), "terraform import "+rr.typeName+".") {
				t.Error("the documentation page has no import section (run make generate)")
			}
		})
	}
}

// Every resource's plan fills account_id from the provider when the configuration omits it: a
// resource with plan logic of its own must still call planAccount.
func TestResources_resolveAccountInPlan(t *testing.T) {
	ctx := context.Background()
	for _, rr := range registeredResources(t) {
		t.Run(rr.typeName, func(t *testing.T) {
			skipPlatformResource(t, rr.typeName)
			withPlan, ok := rr.r.(resource.ResourceWithModifyPlan)
			if !ok {
				t.Fatal("has no ModifyPlan; embed accountObjectResource")
			}
			configurable, _ := rr.r.(resource.ResourceWithConfigure)
			var configured resource.ConfigureResponse
			configurable.Configure(ctx, resource.ConfigureRequest{ProviderData: &providerData{defaultAccountID: 7}}, &configured)

			// A configuration that sets nothing, as the smallest plan to resolve.
			objectType, _ := rr.schema.Schema.Type().TerraformType(ctx).(tftypes.Object)
			nulls := map[string]tftypes.Value{}
			for name, typ := range objectType.AttributeTypes {
				nulls[name] = tftypes.NewValue(typ, nil)
			}
			raw := tftypes.NewValue(objectType, nulls)
			req := resource.ModifyPlanRequest{
				Config: tfsdk.Config{Schema: rr.schema.Schema, Raw: raw},
				Plan:   tfsdk.Plan{Schema: rr.schema.Schema, Raw: raw},
				State:  tfsdk.State{Schema: rr.schema.Schema, Raw: tftypes.NewValue(objectType, nil)},
			}
			resp := resource.ModifyPlanResponse{Plan: req.Plan}
			withPlan.ModifyPlan(ctx, req, &resp)
			if resp.Diagnostics.HasError() {
				t.Fatalf("ModifyPlan: %v", resp.Diagnostics)
			}
			var account types.Int64
			resp.Diagnostics.Append(resp.Plan.GetAttribute(ctx, path.Root("account_id"), &account)...)
			if account.ValueInt64() != 7 {
				t.Fatalf("planned account_id = %s; want the provider's 7", account)
			}
		})
	}
}

// skipPlatformResource skips the account-object checks for chatwoot_platform_* resources, which
// are not objects of one account; TestPlatformResources_shape checks them instead.
func skipPlatformResource(t *testing.T, typeName string) {
	t.Helper()
	if strings.HasPrefix(typeName, "chatwoot_platform_") {
		t.Skip("a platform resource: see TestPlatformResources_shape")
	}
}
