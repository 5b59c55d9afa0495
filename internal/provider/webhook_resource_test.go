package provider

import (
	"context"
	"fmt"
	"io"
	"net/http"
	"net/http/httptest"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"sync"
	"testing"

	"github.com/hashicorp/terraform-plugin-testing/helper/resource"
	"github.com/hashicorp/terraform-plugin-testing/knownvalue"
	"github.com/hashicorp/terraform-plugin-testing/plancheck"
	"github.com/hashicorp/terraform-plugin-testing/statecheck"
	"github.com/hashicorp/terraform-plugin-testing/terraform"
	"github.com/hashicorp/terraform-plugin-testing/tfjsonpath"

	"github.com/chatwoot-community/terraform-provider-chatwoot/internal/chatwoot"
	"github.com/chatwoot-community/terraform-provider-chatwoot/internal/chatwootmock"
)

const webhookAddr = "chatwoot_webhook.test"

func webhookConfig(baseURL, token string, accountID int64, body string) string {
	return providerConfig(baseURL, token, accountID) + fmt.Sprintf(`
resource "chatwoot_webhook" "test" {
%s
}
`, body)
}

// findWebhook reads a webhook from a fresh list.
func findWebhook(ctx context.Context, api *chatwoot.Client, accountID, id int64) (*chatwoot.Webhook, error) {
	list, err := api.ListWebhooks(ctx, accountID)
	if err != nil {
		return nil, err
	}
	for i := range list {
		if list[i].ID == id {
			return &list[i], nil
		}
	}
	return nil, &chatwoot.NotFoundError{Kind: "webhook", AccountID: accountID, ID: id}
}

func stringSetCheck(values ...string) knownvalue.Check {
	checks := make([]knownvalue.Check, len(values))
	for i, v := range values {
		checks[i] = knownvalue.StringExact(v)
	}
	return knownvalue.SetExact(checks)
}

// Create (Chatwoot's default events, a secret), update (only what changed), refresh (one list
// request), import, drift, binding and unbinding an inbox, and destroy.
func TestAccWebhook_lifecycle(t *testing.T) {
	env := newTestEnv(t)
	sc := env.seed(t, 0)
	api := adminAPI(t, env, sc)
	proxy := newRecordingProxy(t, env.BaseURL)
	a := sc.Account.ID
	var id int64
	const hook = "https://hooks.example.test/chatwoot"
	cfg := func(body string) string { return webhookConfig(proxy.URL, sc.AdminToken, a, body) }
	holds := func(url, name string, inbox int64, events ...string) resource.TestCheckFunc {
		return inChatwoot(func(ctx context.Context) error {
			w, err := findWebhook(ctx, api, a, id)
			if err != nil {
				return err
			}
			got := append([]string(nil), w.Subscriptions...)
			slices.Sort(got)
			want := append([]string(nil), events...)
			slices.Sort(want)
			gotInbox := int64(0)
			if w.Inbox != nil {
				gotInbox = w.Inbox.ID
			}
			if w.URL != url || w.Name != name || !slices.Equal(got, want) || gotInbox != inbox {
				return fmt.Errorf("Chatwoot holds %+v; want %q, %q, inbox %d, %v", w, url, name, inbox, want)
			}
			return nil
		})
	}
	named := fmt.Sprintf(`  url           = %q
  name          = "CRM sync"
  subscriptions = ["conversation_created", "message_created"]`, hook)
	resource.ParallelTest(t, resource.TestCase{
		ProtoV6ProviderFactories: testAccProtoV6ProviderFactories,
		CheckDestroy: inChatwoot(func(ctx context.Context) error {
			if _, err := findWebhook(ctx, api, a, id); !chatwoot.IsNotFound(err) {
				return fmt.Errorf("webhook %d still exists after destroy (err %w)", id, err)
			}
			return nil
		}),
		Steps: []resource.TestStep{
			{
				Config:           cfg(fmt.Sprintf(`  url = %q`, hook)),
				ConfigPlanChecks: expectAction(webhookAddr, plancheck.ResourceActionCreate),
				ConfigStateChecks: []statecheck.StateCheck{
					statecheck.ExpectKnownValue(webhookAddr, tfjsonpath.New("subscriptions"), stringSetCheck(chatwoot.DefaultWebhookSubscriptions...)),
					statecheck.ExpectKnownValue(webhookAddr, tfjsonpath.New("secret"), knownvalue.StringRegexp(regexp.MustCompile(`\S`))),
					statecheck.ExpectKnownValue(webhookAddr, tfjsonpath.New("name"), knownvalue.Null()),
					statecheck.ExpectKnownValue(webhookAddr, tfjsonpath.New("inbox_id"), knownvalue.Null()),
				},
				Check: resource.ComposeTestCheckFunc(stateIDOf(webhookAddr, "webhook_id", &id), holds(hook, "", 0, chatwoot.DefaultWebhookSubscriptions...)),
			},
			{
				PreConfig:        proxy.reset,
				Config:           cfg(named),
				ConfigPlanChecks: expectAction(webhookAddr, plancheck.ResourceActionUpdate),
				Check: resource.ComposeTestCheckFunc(
					holds(hook, "CRM sync", 0, "conversation_created", "message_created"),
					func(*terraform.State) error {
						return proxy.expectWrappedPatchKeys(accountAPIPath(a, "/webhooks/%d", id), "webhook", "name", "subscriptions")
					},
				),
			},
			{
				PreConfig:    proxy.reset,
				RefreshState: true,
				Check: func(*terraform.State) error {
					return proxy.expectRequests("GET " + accountAPIPath(a, "/webhooks"))
				},
			},
			{
				ResourceName: webhookAddr, ImportState: true, ImportStateVerify: true,
				ImportStateIdFunc:       importIDOf(webhookAddr, "webhook_id"),
				ImportStateVerifyIgnore: []string{"timeouts"},
			},
			{
				ResourceName: webhookAddr, ImportState: true, ImportStateVerify: true,
				ImportStateIdFunc:       func(*terraform.State) (string, error) { return strconv.FormatInt(id, 10), nil },
				ImportStateVerifyIgnore: []string{"timeouts"},
			},
			{
				// Changed in Chatwoot: the plan shows the fix and apply restores it.
				PreConfig: behindTerraform(t, func(ctx context.Context) error {
					_, err := api.UpdateWebhook(ctx, a, id, chatwoot.WebhookFields{
						URL: ptr("https://elsewhere.example.test/"), Subscriptions: []string{"contact_created", "contact_created"},
					})
					return err
				}),
				Config: cfg(named),
				ConfigPlanChecks: resource.ConfigPlanChecks{PreApply: []plancheck.PlanCheck{
					plancheck.ExpectResourceAction(webhookAddr, plancheck.ResourceActionUpdate),
					plancheck.ExpectKnownValue(webhookAddr, tfjsonpath.New("url"), knownvalue.StringExact(hook)),
				}},
				Check: holds(hook, "CRM sync", 0, "conversation_created", "message_created"),
			},
			{
				Config: cfg(named + fmt.Sprintf("\n  inbox_id = %d", sc.Inbox.ID)),
				ConfigStateChecks: []statecheck.StateCheck{
					stateInt64(webhookAddr, "inbox_id", sc.Inbox.ID),
				},
				Check: holds(hook, "CRM sync", sc.Inbox.ID, "conversation_created", "message_created"),
			},
			{
				// Name and inbox removed from the configuration: both are cleared in Chatwoot.
				Config: cfg(fmt.Sprintf("  url = %q\n  subscriptions = [\"conversation_created\", \"message_created\"]", hook)),
				Check:  holds(hook, "", 0, "conversation_created", "message_created"),
			},
			{
				Config:           cfg(fmt.Sprintf("  url = %q\n  subscriptions = [\"conversation_created\", \"message_created\"]", hook)),
				ConfigPlanChecks: resource.ConfigPlanChecks{PreApply: []plancheck.PlanCheck{plancheck.ExpectEmptyPlan()}},
			},
		},
	})
}

// A webhook deleted in Chatwoot is removed from the state and created again.
func TestAccWebhook_deletedInChatwoot(t *testing.T) {
	env := newTestEnv(t)
	sc := env.seed(t, 0)
	api := adminAPI(t, env, sc)
	cfg := webhookConfig(env.BaseURL, sc.AdminToken, sc.Account.ID, `  url = "https://hooks.example.test/gone"`)
	var first, second int64
	resource.ParallelTest(t, resource.TestCase{
		ProtoV6ProviderFactories: testAccProtoV6ProviderFactories,
		Steps: []resource.TestStep{
			{Config: cfg, Check: stateIDOf(webhookAddr, "webhook_id", &first)},
			{
				PreConfig:        behindTerraform(t, func(ctx context.Context) error { return api.DeleteWebhook(ctx, sc.Account.ID, first) }),
				Config:           cfg,
				ConfigPlanChecks: expectAction(webhookAddr, plancheck.ResourceActionCreate),
				Check: resource.ComposeTestCheckFunc(stateIDOf(webhookAddr, "webhook_id", &second), func(*terraform.State) error {
					if second == first {
						return fmt.Errorf("webhook_id %d was not replaced", first)
					}
					return nil
				}),
			},
		},
	})
}

// Unknown events, an empty set, a URL Chatwoot refuses and a URL the account already has are
// refused at plan time; an inbox the account does not have is refused before anything is sent.
func TestAccWebhook_refused(t *testing.T) {
	env := newTestEnv(t)
	sc := env.seed(t, 0)
	mock := env.requireMock(t)
	api := adminAPI(t, env, sc)
	a := sc.Account.ID
	ctx, cancel := testContext()
	defer cancel()
	existing, err := api.CreateWebhook(ctx, a, chatwoot.WebhookFields{URL: ptr("https://taken.example.test/hook")})
	must(t, err)
	mock.ResetRequests()
	cfg := func(body string) string { return webhookConfig(env.BaseURL, sc.AdminToken, a, body) }
	resource.ParallelTest(t, resource.TestCase{
		ProtoV6ProviderFactories: testAccProtoV6ProviderFactories,
		Steps: []resource.TestStep{
			{
				Config:      cfg("  url = \"https://x.example.test/\"\n  subscriptions = [\"conversation_opened\"]"),
				PlanOnly:    true,
				ExpectError: regexp.MustCompile(`(?s)subscriptions.*conversation_opened.*conversation_created`),
			},
			{
				Config:      cfg("  url = \"https://x.example.test/\"\n  subscriptions = []"),
				PlanOnly:    true,
				ExpectError: regexp.MustCompile(`(?s)subscriptions.*at least 1`),
			},
			{
				Config:      cfg(`  url = "ftp://files.example.test/"`),
				PlanOnly:    true,
				ExpectError: regexp.MustCompile(`Invalid Webhook URL`),
			},
			{
				Config:   cfg(`  url = "https://taken.example.test/hook"`),
				PlanOnly: true,
				ExpectError: regexp.MustCompile(fmt.Sprintf(`(?s)Webhook Already Exists.*Webhook %d of account %d already has url.*terraform import chatwoot_webhook.<name> %d/%d`,
					existing.ID, a, a, existing.ID)),
			},
			{
				Config:      cfg("  url = \"https://x.example.test/\"\n  inbox_id = 999999"),
				ExpectError: regexp.MustCompile(`(?s)Inbox Not Found.*no inbox 999999`),
			},
		},
	})
	if m := mutatingRequests(mock.Requests()); len(m) > 0 {
		t.Errorf("Chatwoot received mutating requests %v", m)
	}
}

// receivedHook is one POST a webhook receiver got.
type receivedHook struct {
	header http.Header
	body   []byte
}

// A webhook created by Terraform receives conversation_created, signed with the secret in the
// state, when a conversation is created through Chatwoot's public API.
func TestAccWebhook_receivesConversationCreated(t *testing.T) {
	env := newTestEnv(t)
	mock := env.requireMock(t)
	sc := env.seed(t, 0)
	a := sc.Account.ID
	var mu sync.Mutex
	var got []receivedHook
	receiver := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		body, _ := io.ReadAll(r.Body)
		mu.Lock()
		got = append(got, receivedHook{r.Header.Clone(), body})
		mu.Unlock()
		w.WriteHeader(http.StatusOK)
	}))
	t.Cleanup(receiver.Close)
	hookURL := receiver.URL + "/chatwoot"
	cfg := webhookConfig(env.BaseURL, sc.AdminToken, a, fmt.Sprintf("  url = %q\n  subscriptions = [\"conversation_created\"]", hookURL))
	var displayID int64
	resource.ParallelTest(t, resource.TestCase{
		ProtoV6ProviderFactories: testAccProtoV6ProviderFactories,
		Steps: []resource.TestStep{{
			Config: cfg,
			Check: func(s *terraform.State) error {
				attrs := s.RootModule().Resources[webhookAddr].Primary.Attributes
				secret := attrs["secret"]
				webhookID, _ := strconv.ParseInt(attrs["webhook_id"], 10, 64)
				mock.ResetDeliveries()
				ctx, cancel := testContext()
				defer cancel()
				contact, err := env.Fixtures.CreateContact(ctx, sc.AdminToken, a, sc.Inbox.ID, "Webhook Tester", "hook@example.test")
				if err != nil {
					return err
				}
				cv, err := env.Fixtures.CreateConversation(ctx, sc.AdminToken, a, sc.Inbox.ID, contact.ID)
				if err != nil {
					return err
				}
				displayID = cv.ID
				var delivered []chatwootmock.Delivery
				for _, d := range mock.Deliveries() {
					if d.WebhookID == webhookID {
						delivered = append(delivered, d)
					}
				}
				if len(delivered) != 1 || delivered[0].Event != "conversation_created" || !delivered[0].Contacted ||
					delivered[0].Status != http.StatusOK || delivered[0].URL != hookURL {
					return fmt.Errorf("deliveries to webhook %d: %+v; want one conversation_created POSTed to %s and answered 200", webhookID, delivered, hookURL)
				}
				mu.Lock()
				defer mu.Unlock()
				if len(got) != 1 {
					return fmt.Errorf("the receiver got %d requests, want 1", len(got))
				}
				h := got[0]
				ts := h.header.Get("X-Chatwoot-Timestamp")
				want := "sha256=" + chatwootmock.WebhookSignature(secret, ts, h.body)
				if ts == "" || h.header.Get("X-Chatwoot-Signature") != want {
					return fmt.Errorf("signature %q over timestamp %q does not match the secret in the state (want %q)",
						h.header.Get("X-Chatwoot-Signature"), ts, want)
				}
				if !strings.Contains(string(h.body), `"event":"conversation_created"`) ||
					!strings.Contains(string(h.body), fmt.Sprintf(`"id":%d`, displayID)) {
					return fmt.Errorf("body %s is not conversation %d's conversation_created", h.body, displayID)
				}
				if string(h.body) != string(delivered[0].Body) {
					return fmt.Errorf("the receiver got %s, the mock recorded %s", h.body, delivered[0].Body)
				}
				return nil
			},
		}},
	})
}
