package provider

import (
	"github.com/hashicorp/terraform-plugin-framework/list"

	"github.com/chatwoot-community/terraform-provider-chatwoot/internal/chatwoot"
)

// NewAgentBotListResource lists the account's own agent bots as chatwoot_agent_bot.
func NewAgentBotListResource() list.ListResource {
	return listing(NewAgentBotResource, accountListResource[chatwoot.AgentBot, agentBotModel]{
		plural:  "agent bots",
		leftOut: "Global (system) bots, which the list also shows, are left out: they belong to the Chatwoot installation, and `chatwoot_agent_bot` cannot manage them (read them with the data source `chatwoot_agent_bots`).",
		list:    (*chatwoot.Client).ListAgentBots,
		omit:    func(b *chatwoot.AgentBot) bool { return b.SystemBot },
		id:      func(b *chatwoot.AgentBot) int64 { return b.ID },
		name:    func(b *chatwoot.AgentBot) string { return b.Name },
		state:   plainState(agentBotState),
	})
}
