package main

import (
	"context"
	"fmt"
	"reflect"
	"sort"
	"testing"

	"github.com/hashicorp/terraform-plugin-framework/attr"
	fwprovider "github.com/hashicorp/terraform-plugin-framework/provider"
	"github.com/hashicorp/terraform-plugin-framework/resource"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema"
	"github.com/hashicorp/terraform-plugin-framework/tfsdk"
	"github.com/hashicorp/terraform-plugin-go/tftypes"

	"github.com/chatwoot-community/terraform-provider-chatwoot/internal/provider"
)

// The no-op provider is a floor only while Terraform and the framework do the same work for it as
// for the real provider: same attributes, types, flags, blocks, defaults, plan modifiers and
// validators. An attribute or block added to the real resource and not here (as the timeouts
// block once was) makes the floor cheaper than it should be.
func TestSchemaMatchesTheRealResource(t *testing.T) {
	ctx := context.Background()
	var chatwoot, noop resource.SchemaResponse
	provider.NewConversationAssignmentResource().Schema(ctx, resource.SchemaRequest{}, &chatwoot)
	newAssignmentResource().Schema(ctx, resource.SchemaRequest{}, &noop)

	if got, want := noop.Schema.Type(), chatwoot.Schema.Type(); !got.Equal(want) {
		t.Fatalf("schema type differs:\nno-op %s\nreal  %s", got, want)
	}
	if got, want := keys(noop.Schema.Blocks), keys(chatwoot.Schema.Blocks); !reflect.DeepEqual(got, want) {
		t.Errorf("blocks: no-op %v, real %v", got, want)
	}
	for name, ra := range chatwoot.Schema.Attributes {
		na := noop.Schema.Attributes[name]
		if describe(na) != describe(ra) {
			t.Errorf("attribute %s: no-op %s, real %s", name, describe(na), describe(ra))
		}
	}

	var chatwootID, noopID resource.IdentitySchemaResponse
	identitySchema(t, provider.NewConversationAssignmentResource(), &chatwootID)
	identitySchema(t, newAssignmentResource(), &noopID)
	if got, want := noopID.IdentitySchema.Type(), chatwootID.IdentitySchema.Type(); !got.Equal(want) {
		t.Errorf("identity schema: no-op %s, real %s", got, want)
	}
}

func identitySchema(t *testing.T, r resource.Resource, resp *resource.IdentitySchemaResponse) {
	t.Helper()
	withIdentity, ok := r.(resource.ResourceWithIdentity)
	if !ok {
		t.Fatalf("%T has no identity schema", r)
	}
	withIdentity.IdentitySchema(context.Background(), resource.IdentitySchemaRequest{}, resp)
}

func TestProviderAttributesMatchTheRealProvider(t *testing.T) {
	ctx := context.Background()
	var chatwoot, noop fwprovider.SchemaResponse
	provider.New("test")().Schema(ctx, fwprovider.SchemaRequest{}, &chatwoot)
	newProvider().Schema(ctx, fwprovider.SchemaRequest{}, &noop)
	if got, want := noop.Schema.Type(), chatwoot.Schema.Type(); !got.Equal(want) {
		t.Fatalf("provider schema type differs:\nno-op %s\nreal  %s", got, want)
	}
}

// describe is what Terraform and the framework act on for one attribute: its flags and how many
// defaults, plan modifiers and validators run.
func describe(a schema.Attribute) string {
	if a == nil {
		return "missing"
	}
	type counts struct {
		Required, Optional, Computed, Sensitive bool
		Type                                    attr.Type
		Default                                 bool
		PlanModifiers, Validators               int
	}
	c := counts{Required: a.IsRequired(), Optional: a.IsOptional(), Computed: a.IsComputed(), Sensitive: a.IsSensitive(), Type: a.GetType()}
	switch a := a.(type) {
	case schema.StringAttribute:
		c.Default, c.PlanModifiers, c.Validators = a.Default != nil, len(a.PlanModifiers), len(a.Validators)
	case schema.Int64Attribute:
		c.Default, c.PlanModifiers, c.Validators = a.Default != nil, len(a.PlanModifiers), len(a.Validators)
	}
	return fmt.Sprintf("%+v", c)
}

func keys[V any](m map[string]V) []string {
	out := make([]string, 0, len(m))
	for k := range m {
		out = append(out, k)
	}
	sort.Strings(out)
	return out
}

// Configure must accept every attribute of the schema, set or not.
func TestConfigureAcceptsEveryAttribute(t *testing.T) {
	ctx := context.Background()
	p := newProvider()
	var sch fwprovider.SchemaResponse
	p.Schema(ctx, fwprovider.SchemaRequest{}, &sch)
	objType, ok := sch.Schema.Type().TerraformType(ctx).(tftypes.Object)
	if !ok {
		t.Fatal("provider schema is not an object")
	}
	values := map[string]tftypes.Value{}
	for name, typ := range objType.AttributeTypes {
		values[name] = tftypes.NewValue(typ, nil)
	}
	values["account_id"] = tftypes.NewValue(tftypes.Number, 7)
	var resp fwprovider.ConfigureResponse
	p.Configure(ctx, fwprovider.ConfigureRequest{Config: tfsdk.Config{Schema: sch.Schema, Raw: tftypes.NewValue(objType, values)}}, &resp)
	if resp.Diagnostics.HasError() {
		t.Fatalf("Configure: %v", resp.Diagnostics)
	}
	if d, ok := resp.ResourceData.(*defaults); !ok || d.accountID != 7 {
		t.Fatalf("ResourceData = %#v; want the account id 7", resp.ResourceData)
	}
}
