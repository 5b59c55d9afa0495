package provider

import (
	"fmt"
	"regexp"
	"strings"
	"testing"

	"github.com/hashicorp/terraform-plugin-testing/helper/resource"

	"github.com/chatwoot-community/terraform-provider-chatwoot/internal/chatwootmock"
)

// badInput is one configuration or import id that must be refused before Chatwoot sees any
// mutating request.
type badInput struct {
	name string
	// provider is extra provider arguments; resource replaces the resource's arguments below
	// account_id (which is always valid unless overridden here).
	provider, resource string
	// importID, when set, imports this id instead of applying.
	importID string
	want     string // regexp the error must match; a space matches any run of white space
}

// Bad input never reaches Chatwoot as a mutating request: every case fails at validate, plan or
// import, and the mock's request log shows no POST, PATCH, PUT or DELETE.
func TestAccBadInput_neverReachesChatwoot(t *testing.T) {
	env := newTestEnv(t)
	mock := env.requireMock(t)
	sc := env.seed(t, 1)
	conv, team, agent, bot := sc.Conversations[0].ID, sc.Team.ID, sc.Agent1.ID, sc.Bot.ID
	okResource := fmt.Sprintf("conversation_id = %d\n  team_id = %d", conv, team)

	cases := []badInput{
		// Ids of 0 or less.
		{name: "conversation_id 0", resource: fmt.Sprintf("conversation_id = 0\n  team_id = %d", team), want: `conversation_id value must be at least 1, got: 0`},
		{name: "conversation_id negative", resource: fmt.Sprintf("conversation_id = -5\n  team_id = %d", team), want: `conversation_id value must be at least 1, got: -5`},
		{name: "assignee_id 0", resource: fmt.Sprintf("conversation_id = %d\n  assignee_id = 0", conv), want: `assignee_id value must be at least 1, got: 0`},
		{name: "assignee_id negative", resource: fmt.Sprintf("conversation_id = %d\n  assignee_id = -1", conv), want: `assignee_id value must be at least 1, got: -1`},
		{name: "team_id 0", resource: fmt.Sprintf("conversation_id = %d\n  team_id = 0", conv), want: `team_id value must be at least 1, got: 0`},
		{name: "agent_bot_id negative", resource: fmt.Sprintf("conversation_id = %d\n  agent_bot_id = -3", conv), want: `agent_bot_id value must be at least 1, got: -3`},
		{name: "resource account_id 0", resource: "account_id = 0\n  " + okResource, want: `account_id value must be at least 1, got: 0`},
		{name: "provider account_id 0", provider: "account_id = 0", resource: okResource, want: `Invalid Chatwoot Account ID[\s\S]*got 0`},
		// Ids beyond int64, and numbers that are not whole.
		{name: "conversation_id beyond int64", resource: fmt.Sprintf("conversation_id = 9223372036854775808\n  team_id = %d", team), want: `cannot be represented as a 64-bit integer`},
		{name: "assignee_id beyond int64", resource: fmt.Sprintf("conversation_id = %d\n  assignee_id = 1e30", conv), want: `cannot be represented as a 64-bit integer`},
		{name: "team_id fractional", resource: fmt.Sprintf("conversation_id = %d\n  team_id = 1.5", conv), want: `Value Conversion Error|not an integer|whole number`},
		{name: "conversation_id not a number", resource: fmt.Sprintf("conversation_id = \"abc\"\n  team_id = %d", team), want: `Incorrect attribute value type|a number is required`},
		// Unknown enum values and empty strings.
		{name: "on_destroy unknown", resource: okResource + "\n  on_destroy = \"delete\"", want: `on_destroy value must be one of`},
		{name: "on_destroy empty", resource: okResource + "\n  on_destroy = \"\"", want: `on_destroy value must be one of`},
		{name: "both agent and bot", resource: fmt.Sprintf("conversation_id = %d\n  assignee_id = %d\n  agent_bot_id = %d", conv, agent, bot), want: `Invalid Attribute Combination`},
		{name: "nothing to assign", resource: fmt.Sprintf("conversation_id = %d", conv), want: `Missing Attribute Configuration[\s\S]*At least one of these attributes must be configured`},
		{name: "api_access_token empty", provider: `api_access_token = ""`, resource: okResource, want: `api_access_token string length must be at least 1`},
		{name: "base_url empty", provider: `base_url = ""`, resource: okResource, want: `Invalid Chatwoot Base URL[\s\S]*base URL is empty`},
		{name: "base_url with query", provider: `base_url = "https://chatwoot.example.com/?account=1"`, resource: okResource, want: `must not have a query string`},
		{name: "base_url with empty query", provider: `base_url = "https://chatwoot.example.com/?"`, resource: okResource, want: `must not have a query string`},
		{name: "base_url with fragment", provider: `base_url = "https://chatwoot.example.com/#/app"`, resource: okResource, want: `must not have a fragment`},
		{name: "base_url not http", provider: `base_url = "ftp://chatwoot.example.com"`, resource: okResource, want: `must start with http:// or https://`},
		{name: "base_url with credentials", provider: `base_url = "https://admin:secret@chatwoot.example.com"`, resource: okResource, want: `must not contain credentials`},
		{name: "base_url without scheme", provider: `base_url = "chatwoot.example.com"`, resource: okResource, want: `must start with http:// or https://`},
		// Transport settings.
		{name: "max_retries negative", provider: "max_retries = -1", resource: okResource, want: `max_retries value must be between 0 and 100, got: -1`},
		{name: "request_timeout not a duration", provider: `request_timeout = "soon"`, resource: okResource, want: `Invalid Duration[\s\S]*got "soon"`},
		{name: "request_timeout negative", provider: `request_timeout = "-5s"`, resource: okResource, want: `Invalid Duration[\s\S]*not greater than zero`},
		{name: "request_timeout without unit", provider: `request_timeout = "30"`, resource: okResource, want: `Invalid Duration[\s\S]*missing unit`},
		{name: "max_requests_per_second 0", provider: "max_requests_per_second = 0", resource: okResource, want: `max_requests_per_second value must be at least 1, got: 0`},
		{name: "ca_certificate_pem garbage", provider: `ca_certificate_pem = "not a certificate"`, resource: okResource, want: `Invalid CA Certificate[\s\S]*no PEM-encoded certificate`},
		{name: "ca_certificate_pem and file", provider: "ca_certificate_pem = \"x\"\n  ca_certificate_file = \"/tmp/ca.pem\"", resource: okResource, want: `Invalid Attribute Combination`},
		{name: "ca_certificate_file missing", provider: `ca_certificate_file = "/nonexistent/ca.pem"`, resource: okResource, want: `Unable to Read CA Certificate File`},
		{name: "timeouts not a duration", resource: okResource + "\n  timeouts {\n    create = \"forever\"\n  }", want: `Invalid Attribute Value Time Duration[\s\S]*"forever" must be a string containing a sequence of decimal numbers`},
		// Import ids.
		{name: "import id without account", importID: "abc", want: `Invalid Import ID[\s\S]*has no account, and the provider has no account_id`},
		{name: "import id not numeric", provider: fmt.Sprintf("account_id = %d", sc.Account.ID), importID: "abc", want: `Invalid Import ID[\s\S]*is malformed: "abc" is not a whole number`},
		{name: "import id conversation not numeric", importID: "1/abc", want: `Invalid Import ID[\s\S]*malformed conversation_id`},
		{name: "import id three parts", importID: "1/2/3", want: `Invalid Import ID[\s\S]*malformed`},
		{name: "import id account 0", importID: fmt.Sprintf("0/%d", conv), want: `Invalid Import ID[\s\S]*malformed account id: 0 is not 1 or more`},
		{name: "import id negative", importID: "1/-3", want: `Invalid Import ID[\s\S]*-3 is not 1 or more`},
		{name: "import id beyond int64", importID: "1/99999999999999999999", want: `Invalid Import ID[\s\S]*not a whole number`},
		{name: "import id empty parts", importID: "/", want: `Invalid Import ID[\s\S]*malformed`},
	}
	if len(cases) < 25 {
		t.Fatalf("keep at least 25 bad inputs, have %d", len(cases))
	}

	config := func(c badInput) string {
		resourceArgs := c.resource
		if resourceArgs == "" {
			resourceArgs = okResource
		}
		if !strings.Contains(resourceArgs, "account_id") {
			resourceArgs = fmt.Sprintf("account_id = %d\n  ", sc.Account.ID) + resourceArgs
		}
		providerArgs := c.provider
		if !strings.Contains(providerArgs, "base_url") {
			providerArgs += fmt.Sprintf("\n  base_url = %q", env.BaseURL)
		}
		if !strings.Contains(providerArgs, "api_access_token") {
			providerArgs += fmt.Sprintf("\n  api_access_token = %q", sc.AdminToken)
		}
		return fmt.Sprintf(`
provider "chatwoot" {
  %s
}

resource "chatwoot_conversation_assignment" "test" {
  %s
}
`, providerArgs, resourceArgs)
	}

	// One TestCase, one working directory, a step per case; each step's PreConfig checks that the
	// step before it sent nothing mutating, so a failure names its case.
	var steps []resource.TestStep
	previous := ""
	noMutation := func(name string) func() {
		return func() {
			if m := mutatingRequests(mock.Requests()); len(m) > 0 && previous != "" {
				t.Errorf("%s: Chatwoot received mutating requests %v", previous, m)
			}
			mock.ResetRequests()
			previous = name
		}
	}
	for _, c := range cases {
		step := resource.TestStep{
			PreConfig:   noMutation(c.name),
			Config:      config(c),
			ExpectError: regexp.MustCompile(strings.ReplaceAll(c.want, " ", `\s+`)), // Terraform wraps lines
		}
		if c.importID != "" {
			step.Config = config(badInput{provider: c.provider})
			step.ResourceName = "chatwoot_conversation_assignment.test"
			step.ImportState = true
			step.ImportStateId = c.importID
		}
		steps = append(steps, step)
	}
	steps = append(steps, resource.TestStep{
		PreConfig: noMutation("(end)"),
		Config:    config(badInput{}),
		PlanOnly:  true, ExpectNonEmptyPlan: true, // a valid configuration still plans
	})
	resource.ParallelTest(t, resource.TestCase{
		ProtoV6ProviderFactories: testAccProtoV6ProviderFactories,
		Steps:                    steps,
	})
	if m := mutatingRequests(mock.Requests()); len(m) > 0 {
		t.Errorf("Chatwoot received mutating requests %v", m)
	}
}

// A conversation that does not exist may reach Chatwoot, whose own 404 changes nothing: the user
// gets a clear error, and no other conversation changes.
func TestAccBadInput_missingConversation(t *testing.T) {
	env := newTestEnv(t)
	sc := env.seed(t, 1)
	const missing = 987654
	before := env.conversation(t, sc.AdminToken, sc.Account.ID, sc.Conversations[0].ID)
	var mock *chatwootmock.Server
	if env.Mock != nil {
		mock = env.Mock
		mock.ResetRequests()
	}
	resource.ParallelTest(t, resource.TestCase{
		ProtoV6ProviderFactories: testAccProtoV6ProviderFactories,
		Steps: []resource.TestStep{{
			Config:      assignmentConfig(env.providerBlock(sc.AdminToken, 0), sc.Account.ID, missing, sc.Team.ID),
			ExpectError: regexp.MustCompile(fmt.Sprintf(`Chatwoot Object Not Found[\s\S]*no\s+conversation\s+%d\s+in\s+account\s+%d`, missing, sc.Account.ID)),
		}},
	})
	after := env.conversation(t, sc.AdminToken, sc.Account.ID, sc.Conversations[0].ID)
	if after != before {
		t.Errorf("conversation %d changed from %+v to %+v", before.ID, before, after)
	}
	if mock == nil {
		return
	}
	for _, r := range mutatingRequests(mock.Requests()) {
		if !strings.Contains(r.Path, fmt.Sprintf("/conversations/%d/", missing)) || r.Status != 404 {
			t.Errorf("unexpected mutating request %+v: only the missing conversation's 404 may reach Chatwoot", r)
		}
	}
}
