package provider

import (
	"fmt"
	"net/http"
	"net/http/httptest"
	"regexp"
	"strings"
	"sync/atomic"
	"testing"

	"github.com/hashicorp/terraform-plugin-testing/helper/resource"
	"github.com/hashicorp/terraform-plugin-testing/plancheck"

	"github.com/chatwoot-community/terraform-provider-chatwoot/internal/chatwootmock"
	"github.com/chatwoot-community/terraform-provider-chatwoot/internal/fixture"
)

// A create whose first request fails changed nothing in Chatwoot, so it leaves nothing in the
// state: no tainted instance that the next plan would "destroy" by clearing a conversation the
// resource never touched.
func TestAccConversationAssignment_failedCreateLeavesNothing(t *testing.T) {
	mock := chatwootmock.New(chatwootmock.Options{PlatformToken: "platform"})
	var failing atomic.Bool
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if failing.Load() && r.Method == http.MethodPost && strings.HasSuffix(r.URL.Path, "/assignments") {
			w.Header().Set("Content-Type", "application/json")
			w.WriteHeader(http.StatusInternalServerError)
			_, _ = w.Write([]byte(`{"status":500,"error":"Internal Server Error"}`))
			return
		}
		mock.ServeHTTP(w, r)
	}))
	t.Cleanup(srv.Close)
	env := &testEnv{BaseURL: srv.URL, Mock: mock, Fixtures: fixture.New(srv.URL, "platform")}
	sc := env.seed(t, 1)
	provider := env.providerBlock(sc.AdminToken, sc.Account.ID)
	resource.ParallelTest(t, resource.TestCase{
		ProtoV6ProviderFactories: testAccProtoV6ProviderFactories,
		Steps: []resource.TestStep{
			{
				PreConfig: func() { failing.Store(true) },
				Config: provider + fmt.Sprintf(`
resource "chatwoot_conversation_assignment" "test" {
  conversation_id = %d
  team_id         = %d
}`, sc.Conversations[0].ID, sc.Team.ID),
				ExpectError: regexp.MustCompile(`Chatwoot Server Error`),
			},
			{
				PreConfig: func() { failing.Store(false) },
				Config:    provider,
				ConfigPlanChecks: resource.ConfigPlanChecks{
					PreApply: []plancheck.PlanCheck{plancheck.ExpectEmptyPlan()},
				},
			},
		},
	})
}
