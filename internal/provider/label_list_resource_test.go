package provider

import (
	"testing"

	"github.com/hashicorp/terraform-plugin-testing/knownvalue"

	"github.com/chatwoot-community/terraform-provider-chatwoot/internal/chatwoot"
)

func TestAccLabelList_listsEveryLabelWithItsState(t *testing.T) {
	env := newTestEnv(t)
	sc := env.seed(t, 0)
	admin := adminAPI(t, env, sc)
	ctx, cancel := testContext()
	defer cancel()
	for _, title := range []string{"vip", "refund"} {
		if _, err := admin.CreateLabel(ctx, sc.Account.ID, chatwoot.LabelFields{Title: &title, Description: &title}); err != nil {
			t.Fatal(err)
		}
	}
	labels, err := admin.ListLabels(ctx, sc.Account.ID)
	if err != nil || len(labels) < 2 {
		t.Fatalf("labels in Chatwoot: %v, %v", labels, err)
	}
	var want []listedObject
	for _, l := range labels {
		want = append(want, listedObject{id: l.ID, display: l.Title, state: map[string]knownvalue.Check{
			"title": knownvalue.StringExact(l.Title), "description": knownvalue.StringExact(l.Description),
			"color": knownvalue.StringExact(l.Color), "show_on_sidebar": knownvalue.Bool(l.ShowOnSidebar != nil && *l.ShowOnSidebar),
		}})
	}
	queryTest(t, NewLabelListResource, providerConfig(env.BaseURL, sc.AdminToken, sc.Account.ID), sc.Account.ID, want)
}
