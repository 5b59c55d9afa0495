package provider

import (
	"regexp"
	"testing"

	"github.com/hashicorp/terraform-plugin-testing/helper/resource"
	"github.com/hashicorp/terraform-plugin-testing/knownvalue"
	"github.com/hashicorp/terraform-plugin-testing/statecheck"
	"github.com/hashicorp/terraform-plugin-testing/tfversion"
)

func TestParseConversationURL(t *testing.T) {
	t.Parallel()
	valid := []struct {
		url                   string
		account, conversation int64
	}{
		{"https://app.chatwoot.com/app/accounts/1/conversations/42", 1, 42},
		{"https://example.com/chatwoot/app/accounts/7/conversations/9", 7, 9},
		{"http://localhost:3000/app/accounts/3/conversations/15?messageId=88#reply", 3, 15},
		{"https://chat.example.com/app/accounts/2/inbox/5/conversations/301", 2, 301},
		{"https://chat.example.com/app/accounts/2/team/4/conversations/8/", 2, 8},
		{"  https://chat.example.com/app/accounts/12/label/vip/conversations/6  ", 12, 6},
	}
	for _, tc := range valid {
		a, c, err := ParseConversationURL(tc.url)
		if err != nil || a != tc.account || c != tc.conversation {
			t.Errorf("ParseConversationURL(%q) = %d, %d, %v; want %d, %d", tc.url, a, c, err, tc.account, tc.conversation)
		}
	}
	invalid := map[string]string{
		"": "not an http",
		"ftp://host/app/accounts/1/conversations/2":                      "not an http",
		"app/accounts/1/conversations/2":                                 "not an http",
		"https://host/accounts/1/conversations/2":                        "no /app/accounts",
		"https://host/app/accounts/x/conversations/2":                    "account id",
		"https://host/app/accounts/0/conversations/2":                    "account id",
		"https://host/app/accounts/1/contacts/2":                         "no /conversations",
		"https://host/app/accounts/1/conversations/":                     "no /conversations",
		"https://host/app/accounts/1/conversations/-4":                   "conversation id",
		"https://host/app/accounts/1/conversations/99999999999999999999": "conversation id",
	}
	for raw, want := range invalid {
		if _, _, err := ParseConversationURL(raw); err == nil || !regexp.MustCompile(regexp.QuoteMeta(want)).MatchString(err.Error()) {
			t.Errorf("ParseConversationURL(%q) error = %v; want one mentioning %q", raw, err, want)
		}
	}
}

// Provider functions need Terraform 1.8+ or OpenTofu 1.7+.
func TestAccConversationURLFunction(t *testing.T) {
	resource.UnitTest(t, resource.TestCase{
		TerraformVersionChecks:   []tfversion.TerraformVersionCheck{cliSupportsFunctions},
		ProtoV6ProviderFactories: testAccProtoV6ProviderFactories,
		Steps: []resource.TestStep{
			{
				Config: `
output "parsed" {
  value = provider::chatwoot::conversation_url("https://chat.example.com/chatwoot/app/accounts/4/inbox/2/conversations/57?note=1#x")
}`,
				ConfigStateChecks: []statecheck.StateCheck{
					statecheck.ExpectKnownOutputValue("parsed", knownvalue.ObjectExact(map[string]knownvalue.Check{
						"account_id":      knownvalue.Int64Exact(4),
						"conversation_id": knownvalue.Int64Exact(57),
					})),
				},
			},
			{
				Config: `
output "parsed" {
  value = provider::chatwoot::conversation_url("https://chat.example.com/app/accounts/4/contacts/57")
}`,
				ExpectError: regexp.MustCompile(`no\s+/conversations/<conversation_id>\s+part`),
			},
		},
	})
}
