package provider

import (
	"testing"

	"github.com/hashicorp/terraform-plugin-testing/knownvalue"

	"github.com/chatwoot-community/terraform-provider-chatwoot/internal/chatwoot"
)

func TestAccCannedResponseList_listsEveryCannedResponseWithItsState(t *testing.T) {
	env := newTestEnv(t)
	sc := env.seed(t, 0)
	admin := adminAPI(t, env, sc)
	ctx, cancel := testContext()
	defer cancel()
	for _, code := range []string{"refund", "greeting"} {
		content := "Reply for " + code
		if _, err := admin.CreateCannedResponse(ctx, sc.Account.ID, chatwoot.CannedResponseFields{ShortCode: &code, Content: &content}); err != nil {
			t.Fatal(err)
		}
	}
	responses, err := admin.ListCannedResponses(ctx, sc.Account.ID)
	if err != nil || len(responses) < 2 {
		t.Fatalf("canned responses in Chatwoot: %v, %v", responses, err)
	}
	var want []listedObject
	for _, r := range responses {
		want = append(want, listedObject{id: r.ID, display: r.ShortCode, state: map[string]knownvalue.Check{
			"short_code": knownvalue.StringExact(r.ShortCode), "content": knownvalue.StringExact(r.Content),
		}})
	}
	queryTest(t, NewCannedResponseListResource, providerConfig(env.BaseURL, sc.AdminToken, sc.Account.ID), sc.Account.ID, want)
}
