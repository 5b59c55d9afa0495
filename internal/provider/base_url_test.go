package provider

import (
	"fmt"
	"regexp"
	"strings"
	"testing"

	"github.com/hashicorp/terraform-plugin-testing/helper/resource"

	"github.com/chatwoot-community/terraform-provider-chatwoot/internal/chatwoot"
)

// A base_url with a wrong sub-path (here the common "/api/v1", which the client adds itself) makes
// even the lists every Chatwoot has answer 404. That is a wrong address, not a missing id: the
// error says to check base_url and shows the URL that was requested.
func TestAccProvider_wrongBaseURLSubPath(t *testing.T) {
	env := newTestEnv(t)
	env.requireMock(t)
	sc := env.seed(t, 1)
	wrong := env.BaseURL + "/api/v1"
	resource.ParallelTest(t, resource.TestCase{
		ProtoV6ProviderFactories: testAccProtoV6ProviderFactories,
		Steps: []resource.TestStep{{
			Config: providerConfig(wrong, sc.AdminToken, sc.Account.ID) + fmt.Sprintf(`
resource "chatwoot_conversation_assignment" "test" {
  conversation_id = %d
  team_id         = %d
}`, sc.Conversations[0].ID, sc.Team.ID),
			ExpectError: regexp.MustCompile(fmt.Sprintf(`(?s)Check base_url.*%s/api/v1/accounts/%d/teams`,
				regexp.QuoteMeta(wrong), sc.Account.ID)),
		}},
	})
}

// A 404 for an operation that names no object reads as a sentence.
func TestNotFoundWithoutAnObjectReadsAsASentence(t *testing.T) {
	d := clientErrorDiagnostic(operation{action: "reading the inbox settings", accountID: 1},
		&chatwoot.APIError{Method: "GET", Path: "/api/v1/accounts/1/inboxes/7", StatusCode: 404, Message: "Resource could not be found"})
	if strings.Contains(d.Detail(), "has no the") || !strings.Contains(d.Detail(), "found nothing at the requested address in account 1") {
		t.Errorf("detail: %s", d.Detail())
	}
}
