package provider

import (
	"testing"

	"github.com/hashicorp/terraform-plugin-testing/knownvalue"

	"github.com/chatwoot-community/terraform-provider-chatwoot/internal/chatwoot"
)

// Definitions of both models are listed, as the list without a model returns them.
func TestAccCustomAttributeDefinitionList_listsEveryModelsDefinitions(t *testing.T) {
	env := newTestEnv(t)
	sc := env.seed(t, 0)
	admin := adminAPI(t, env, sc)
	ctx, cancel := testContext()
	defer cancel()
	for _, model := range []string{"contact_attribute", "conversation_attribute"} {
		name, key, typ := "Plan", "plan", "text"
		if _, err := admin.CreateCustomAttributeDefinition(ctx, sc.Account.ID, chatwoot.CustomAttributeDefinitionFields{
			AttributeDisplayName: &name, AttributeKey: &key, AttributeModel: &model, AttributeDisplayType: &typ,
		}); err != nil {
			t.Fatal(err)
		}
	}
	definitions, err := admin.ListCustomAttributeDefinitions(ctx, sc.Account.ID, "")
	if err != nil || len(definitions) != 2 {
		t.Fatalf("definitions in Chatwoot: %v, %v", definitions, err)
	}
	var want []listedObject
	for _, d := range definitions {
		want = append(want, listedObject{id: d.ID, display: d.AttributeModel + "." + d.AttributeKey, state: map[string]knownvalue.Check{
			"attribute_key": knownvalue.StringExact(d.AttributeKey), "attribute_model": knownvalue.StringExact(d.AttributeModel),
			"attribute_display_name": knownvalue.StringExact(d.AttributeDisplayName), "attribute_display_type": knownvalue.StringExact(d.AttributeDisplayType),
		}})
	}
	queryTest(t, NewCustomAttributeDefinitionListResource, providerConfig(env.BaseURL, sc.AdminToken, sc.Account.ID), sc.Account.ID, want)
}
