package provider

import (
	"context"
	"slices"

	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/list"
	"github.com/hashicorp/terraform-plugin-framework/types"

	"github.com/chatwoot-community/terraform-provider-chatwoot/internal/chatwoot"
)

// NewAgentListResource lists the agents of an account, but for the token's own user, as chatwoot_agent.
func NewAgentListResource() list.ListResource {
	return listing(NewAgentResource, accountListResource[chatwoot.Agent, agentModel]{
		plural: "agents",
		leftOut: "The token's own user is left out, as `export` leaves it out: configuration that manages it could demote it or " +
			"remove it from the account, and the token would lose the rights to undo that.",
		list: agentsButSelf,
		id:   func(a *chatwoot.Agent) int64 { return a.ID },
		name: func(a *chatwoot.Agent) string { return a.Email },
		// As the Read after an import: the availability Chatwoot shows, when it shows the configured one.
		state: func(_ context.Context, accountID int64, a *chatwoot.Agent, _ *diag.Diagnostics) agentModel {
			availability := types.StringNull()
			if observed, ok := observedAvailability(a); ok {
				availability = types.StringValue(observed)
			}
			return withSelfDemotion(agentState(accountID, a, availability), types.BoolNull())
		},
	})
}

// agentsButSelf lists the account's agents without the token's own user.
func agentsButSelf(client *chatwoot.Client, ctx context.Context, accountID int64) ([]chatwoot.Agent, error) {
	self, err := client.GetProfile(ctx)
	if err != nil {
		return nil, err
	}
	agents, err := client.ListAgents(ctx, accountID)
	if err != nil {
		return nil, err
	}
	return slices.DeleteFunc(agents, func(a chatwoot.Agent) bool { return a.ID == self.ID }), nil
}
