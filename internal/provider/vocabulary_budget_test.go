package provider

import (
	"context"
	"fmt"
	"strings"
	"testing"

	"github.com/hashicorp/terraform-plugin-testing/helper/resource"
	"github.com/hashicorp/terraform-plugin-testing/plancheck"

	"github.com/chatwoot-community/terraform-provider-chatwoot/internal/chatwoot"
	"github.com/chatwoot-community/terraform-provider-chatwoot/internal/chatwootmock"
)

// requestLogCheck runs check on the mock's request log when the plan is ready, before anything
// is applied: it sees exactly the requests of `terraform plan` (refresh included).
type requestLogCheck struct {
	mock  *chatwootmock.Server
	check func([]chatwootmock.Request) error
}

func (c requestLogCheck) CheckPlan(_ context.Context, _ plancheck.CheckPlanRequest, resp *plancheck.CheckPlanResponse) {
	resp.Error = c.check(c.mock.Requests())
}

// The request budget of the vocabulary kinds: `terraform plan` of 300 objects (100 labels, 80
// canned responses, 50 webhooks, 30 custom attribute definitions, 20 macros, 20 SLA policies)
// sends one list request per kind and account, and nothing else for them: their lists hold
// every field the resources need, so no show request is sent, and unchanged unique fields are
// not checked again.
func TestAccVocabulary_planRequestBudget(t *testing.T) {
	const labels, canned, webhooks, attributes, macros, slas = 100, 80, 50, 30, 20, 20
	env := newTestEnv(t)
	mock := env.requireMock(t)
	sc := env.seed(t, 0)
	api := adminAPI(t, env, sc)
	a := sc.Account.ID
	ctx, cancel := testContext()
	defer cancel()

	// Created through Chatwoot's public API, then imported: the plan then refreshes 300 objects.
	var imports, cfg strings.Builder
	importBlock := func(to string, id int64) {
		fmt.Fprintf(&imports, "import {\n  to = %s\n  id = %q\n}\n", to, objectID{a, id}.String())
	}
	var keys []string
	for i := range labels {
		l, err := api.CreateLabel(ctx, a, chatwoot.LabelFields{Title: ptr(fmt.Sprintf("bench-%03d", i))})
		must(t, err)
		importBlock(fmt.Sprintf("chatwoot_label.l[%d]", i), l.ID)
		keys = append(keys, fmt.Sprintf("%q", l.Title))
	}
	fmt.Fprintf(&cfg, "locals {\n  labels = [%s]\n}\nresource \"chatwoot_label\" \"l\" {\n  count = length(local.labels)\n  title = local.labels[count.index]\n}\n", strings.Join(keys, ", "))
	keys = nil
	for i := range canned {
		r, err := api.CreateCannedResponse(ctx, a, chatwoot.CannedResponseFields{ShortCode: ptr(fmt.Sprintf("c%03d", i)), Content: ptr("Reply " + fmt.Sprint(i))})
		must(t, err)
		importBlock(fmt.Sprintf("chatwoot_canned_response.c[%d]", i), r.ID)
		keys = append(keys, fmt.Sprintf("[%q, %q]", r.ShortCode, r.Content))
	}
	fmt.Fprintf(&cfg, "locals {\n  canned = [%s]\n}\nresource \"chatwoot_canned_response\" \"c\" {\n  count = length(local.canned)\n  short_code = local.canned[count.index][0]\n  content = local.canned[count.index][1]\n}\n", strings.Join(keys, ", "))
	keys = nil
	for i := range webhooks {
		w, err := api.CreateWebhook(ctx, a, chatwoot.WebhookFields{URL: ptr(fmt.Sprintf("https://hooks.example.test/%03d", i))})
		must(t, err)
		importBlock(fmt.Sprintf("chatwoot_webhook.w[%d]", i), w.ID)
		keys = append(keys, fmt.Sprintf("%q", w.URL))
	}
	fmt.Fprintf(&cfg, "locals {\n  hooks = [%s]\n}\nresource \"chatwoot_webhook\" \"w\" {\n  count = length(local.hooks)\n  url = local.hooks[count.index]\n}\n", strings.Join(keys, ", "))
	keys = nil
	for i := range attributes {
		d, err := api.CreateCustomAttributeDefinition(ctx, a, chatwoot.CustomAttributeDefinitionFields{
			AttributeDisplayName: ptr(fmt.Sprintf("Attribute %d", i)), AttributeKey: ptr(fmt.Sprintf("attr_%03d", i)),
		})
		must(t, err)
		importBlock(fmt.Sprintf("chatwoot_custom_attribute_definition.d[%d]", i), d.ID)
		keys = append(keys, fmt.Sprintf("[%q, %q]", d.AttributeKey, d.AttributeDisplayName))
	}
	fmt.Fprintf(&cfg, "locals {\n  attributes = [%s]\n}\nresource \"chatwoot_custom_attribute_definition\" \"d\" {\n  count = length(local.attributes)\n  attribute_key = local.attributes[count.index][0]\n  attribute_display_name = local.attributes[count.index][1]\n}\n", strings.Join(keys, ", "))
	keys = nil
	for i := range macros {
		m, err := api.CreateMacro(ctx, a, chatwoot.MacroInput{Name: fmt.Sprintf("Macro %d", i), Visibility: "global",
			Actions: []chatwoot.AutomationAction{{ActionName: "resolve_conversation"}}})
		must(t, err)
		importBlock(fmt.Sprintf("chatwoot_macro.m[%d]", i), m.ID)
		keys = append(keys, fmt.Sprintf("%q", m.Name))
	}
	fmt.Fprintf(&cfg, "locals {\n  macros = [%s]\n}\nresource \"chatwoot_macro\" \"m\" {\n  count = length(local.macros)\n  name = local.macros[count.index]\n  actions = [{ action_name = \"resolve_conversation\" }]\n}\n", strings.Join(keys, ", "))
	keys = nil
	for i := range slas {
		p, err := api.CreateSLAPolicy(ctx, a, chatwoot.SLAPolicyInput{Name: fmt.Sprintf("Tier %d", i)})
		must(t, err)
		importBlock(fmt.Sprintf("chatwoot_sla_policy.s[%d]", i), p.ID)
		keys = append(keys, fmt.Sprintf("%q", p.Name))
	}
	fmt.Fprintf(&cfg, "locals {\n  slas = [%s]\n}\nresource \"chatwoot_sla_policy\" \"s\" {\n  count = length(local.slas)\n  name = local.slas[count.index]\n}\n", strings.Join(keys, ", "))
	config := env.providerBlock(sc.AdminToken, a) + cfg.String()
	lists := []string{"/labels", "/canned_responses", "/webhooks", "/custom_attribute_definitions", "/macros", "/sla_policies"}
	account := accountAPIPath(a, "")

	resource.ParallelTest(t, resource.TestCase{
		ProtoV6ProviderFactories: testAccProtoV6ProviderFactories,
		Steps: []resource.TestStep{
			{
				PreConfig: mock.ResetRequests,
				Config:    config + imports.String(),
				ConfigPlanChecks: resource.ConfigPlanChecks{PreApply: []plancheck.PlanCheck{requestLogCheck{mock, func(reqs []chatwootmock.Request) error {
					t.Logf("plan importing 300 objects: %d requests", len(reqs))
					for _, p := range lists {
						if n := countRequests(reqs, "GET", account+p); n != 1 {
							return fmt.Errorf("the import plan sent %d GET %s, want 1", n, p)
						}
					}
					return nil
				}}}},
			},
			{
				PreConfig: mock.ResetRequests,
				Config:    config,
				ConfigPlanChecks: resource.ConfigPlanChecks{PreApply: []plancheck.PlanCheck{
					plancheck.ExpectEmptyPlan(),
					requestLogCheck{mock, func(reqs []chatwootmock.Request) error {
						var vocabulary []chatwootmock.Request
						for _, r := range reqs {
							for _, p := range lists {
								if strings.HasPrefix(r.Path, account+p) {
									vocabulary = append(vocabulary, r)
								}
							}
						}
						t.Logf("terraform plan of 300 objects: %d requests in all, %d for the six kinds: %v", len(reqs), len(vocabulary), vocabulary)
						for _, p := range lists {
							if n := countRequests(vocabulary, "GET", account+p); n != 1 {
								return fmt.Errorf("the plan sent %d GET %s, want exactly one list request", n, p)
							}
						}
						if len(vocabulary) != len(lists) {
							return fmt.Errorf("the plan sent %d requests for the six kinds, want only their %d lists: %v", len(vocabulary), len(lists), vocabulary)
						}
						if m := mutatingRequests(reqs); len(m) > 0 {
							return fmt.Errorf("the plan sent mutating requests %v", m)
						}
						return nil
					}},
				}},
			},
		},
	})
}
