package provider

import (
	"testing"

	"github.com/hashicorp/terraform-plugin-testing/knownvalue"

	"github.com/chatwoot-community/terraform-provider-chatwoot/internal/chatwoot"
)

// The api and web_widget inboxes are listed with their state as an import reads it; an email
// inbox, which chatwoot_inbox does not manage, is not.
func TestAccInboxList_listsTheManagedChannels(t *testing.T) {
	env := newTestEnv(t)
	sc := env.seed(t, 0)
	admin := adminAPI(t, env, sc)
	ctx, cancel := testContext()
	defer cancel()
	name, site := "Website", "https://www.example.test"
	widget, err := admin.CreateInbox(ctx, sc.Account.ID, chatwoot.InboxCreate{Fields: chatwoot.InboxFields{Name: &name},
		WebWidget: &chatwoot.WebWidgetFields{WebsiteURL: &site}})
	if err != nil {
		t.Fatal(err)
	}
	email, err := env.Fixtures.CreateChannelInbox(ctx, sc.AdminToken, sc.Account.ID, "Mail", map[string]any{"type": "email", "email": "help@example.test"})
	if err != nil {
		t.Fatal(err)
	}
	inboxes, err := admin.ListInboxes(ctx, sc.Account.ID)
	if err != nil || len(inboxes) != 3 {
		t.Fatalf("inboxes in Chatwoot: %v, %v", inboxes, err)
	}
	var want []listedObject
	for i := range inboxes {
		in := &inboxes[i]
		if in.ID == email.ID {
			continue
		}
		state := map[string]knownvalue.Check{
			"name": knownvalue.StringExact(in.Name), "channel_type": knownvalue.StringExact(in.Kind()),
			"greeting_enabled": knownvalue.Bool(in.GreetingEnabled), "csat_config": knownvalue.Null(),
		}
		if in.ID == widget.ID {
			state["web_widget"] = knownvalue.ObjectPartial(map[string]knownvalue.Check{
				"website_url": knownvalue.StringExact(site), "pre_chat_form_options": knownvalue.Null(),
			})
			state["api"] = knownvalue.Null()
		} else {
			state["api"] = knownvalue.ObjectPartial(map[string]knownvalue.Check{"webhook_url": knownvalue.StringExact(in.WebhookURL)})
			state["web_widget"] = knownvalue.Null()
		}
		want = append(want, listedObject{id: in.ID, display: in.Name, state: state})
	}
	queryTest(t, NewInboxListResource, providerConfig(env.BaseURL, sc.AdminToken, sc.Account.ID), sc.Account.ID, want)
}
