package export

import (
	"fmt"
	"strings"
	"testing"
)

func TestExportCapacityPolicyMembers_referToThePolicyAndTheAgents(t *testing.T) {
	a := newAccount(t)
	alice := a.agent(t, "Alice", "alice@acme.test", "agent")
	bob := a.agent(t, "Bob", "bob@acme.test", "agent")
	day := a.capacityPolicy(t, map[string]any{"name": "Day Shift"})
	empty := a.capacityPolicy(t, map[string]any{"name": "Nobody"})
	for _, user := range []int64{bob, a.admin.ID, alice} {
		a.capacityMember(t, day, user)
	}

	dir, res := a.export(t, "agent", "agent_capacity_policy", "agent_capacity_policy_members")
	if res.ByKind["agent_capacity_policy_members"] != 1 || res.Refused != 0 {
		t.Fatalf("result %+v", res)
	}
	wantFile(t, dir, "agent_capacity_policy_members.tf", `resource "chatwoot_agent_capacity_policy_members" "day_shift" {
  policy_id = chatwoot_agent_capacity_policy.day_shift.policy_id
  user_ids  = [data.chatwoot_agent.owner.id, chatwoot_agent.alice.user_id, chatwoot_agent.bob.user_id]
}
`)
	// The resource needs at least one member: a policy nobody holds has none, and says so.
	if want := fmt.Sprintf(`members of agent capacity policy "Nobody" (agent capacity policy %d): none`, empty); !strings.Contains(readFile(t, dir, "EXPORT.md"), want) {
		t.Errorf("EXPORT.md lacks %q", want)
	}

	// Alone, the members find the policy and the agents with data sources.
	dir, _ = a.export(t, "agent_capacity_policy_members")
	wantFile(t, dir, "agent_capacity_policy_members.tf", `resource "chatwoot_agent_capacity_policy_members" "day_shift" {
  policy_id = data.chatwoot_agent_capacity_policy.day_shift.id
  user_ids  = [data.chatwoot_agent.owner.id, data.chatwoot_agent.alice.id, data.chatwoot_agent.bob.id]
}
`)
}
