package provider

import (
	"fmt"
	"net/http"
	"net/http/httptest"
	"sync"
	"testing"

	"github.com/hashicorp/terraform-plugin-framework/providerserver"
	"github.com/hashicorp/terraform-plugin-go/tfprotov6"
	"github.com/hashicorp/terraform-plugin-testing/helper/resource"
	"github.com/hashicorp/terraform-plugin-testing/terraform"

	"github.com/chatwoot-community/terraform-provider-chatwoot/internal/chatwootmock"
	"github.com/chatwoot-community/terraform-provider-chatwoot/internal/fixture"
)

// The binary's version (stamped by the release build) reaches Chatwoot in the User-Agent, so
// operators can tell which provider sends what.
func TestAccProvider_userAgentCarriesVersion(t *testing.T) {
	mock := chatwootmock.New(chatwootmock.Options{PlatformToken: "platform"})
	var mu sync.Mutex
	agents := map[string]int{}
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		mu.Lock()
		agents[r.UserAgent()]++
		mu.Unlock()
		mock.ServeHTTP(w, r)
	}))
	t.Cleanup(srv.Close)
	env := &testEnv{BaseURL: srv.URL, Mock: mock, Fixtures: fixture.New(srv.URL, "platform")}
	sc := env.seed(t, 1)
	const want = "terraform-provider-chatwoot/1.2.3"
	resource.ParallelTest(t, resource.TestCase{
		ProtoV6ProviderFactories: map[string]func() (tfprotov6.ProviderServer, error){
			"chatwoot": providerserver.NewProtocol6WithError(New("1.2.3")()),
		},
		Steps: []resource.TestStep{{
			Config: env.providerBlock(sc.AdminToken, sc.Account.ID) + fmt.Sprintf(`
resource "chatwoot_conversation_assignment" "test" {
  conversation_id = %d
  team_id         = %d
}`, sc.Conversations[0].ID, sc.Team.ID),
			Check: func(*terraform.State) error {
				mu.Lock()
				defer mu.Unlock()
				if agents[want] == 0 {
					return fmt.Errorf("no request carried User-Agent %q; saw %v", want, agents)
				}
				return nil
			},
		}},
	})
}
