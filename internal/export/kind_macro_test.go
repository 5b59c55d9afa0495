package export

import (
	"fmt"
	"net/http"
	"strings"
	"testing"
)

func TestExportMacro_refersToObjectsAndRefusesPersonalMacros(t *testing.T) {
	a := newAccount(t)
	alice := a.agent(t, "Alice", "alice@acme.test", "agent")
	billing := a.team(t, "Billing", "", true)
	a.do(t, http.MethodPost, "labels", map[string]any{"label": map[string]any{"title": "vip"}})
	macro := func(name, visibility string, actions ...any) int64 {
		return idOf(t, a.do(t, http.MethodPost, "macros", map[string]any{"name": name, "visibility": visibility, "actions": actions}))
	}
	macro("Escalate", "global",
		map[string]any{"action_name": "add_label", "action_params": []any{"vip", "later"}},
		map[string]any{"action_name": "assign_team", "action_params": []any{billing}},
		map[string]any{"action_name": "assign_agent", "action_params": []any{alice}},
		map[string]any{"action_name": "send_message", "action_params": []any{"On it."}},
		map[string]any{"action_name": "resolve_conversation"})
	macro("Take it", "global", map[string]any{"action_name": "assign_agent", "action_params": []any{"self"}})
	mine := macro("Mine", "personal", map[string]any{"action_name": "mute_conversation"})
	wrong := macro("Wrong status", "global", map[string]any{"action_name": "change_status", "action_params": []any{"closed"}})

	dir, res := a.export(t, "team", "label", "macro")
	if res.ByKind["macro"] != 2 || res.Refused != 2 {
		t.Fatalf("result %+v:\n%s", res, readFile(t, dir, "EXPORT.md"))
	}
	wantFile(t, dir, "macro.tf", `resource "chatwoot_macro" "escalate" {
  name = "Escalate"
  actions = [
    {
      action_name = "add_label"
      params      = [chatwoot_label.vip.title, "later"]
    },
    {
      action_name = "assign_team"
      params      = [chatwoot_team.billing.team_id]
    },
    {
      action_name = "assign_agent"
      params      = [data.chatwoot_agent.alice.id]
    },
    {
      action_name = "send_message"
      params      = ["On it."]
    },
    {
      action_name = "resolve_conversation"
    },
  ]
}

resource "chatwoot_macro" "take_it" {
  name = "Take it"
  actions = [
    {
      action_name = "assign_agent"
      params      = ["self"]
    },
  ]
}
`)
	report := readFile(t, dir, "EXPORT.md")
	for _, want := range []string{
		fmt.Sprintf(`macro "Mine" (macro %d): it is a personal macro of the token's user`, mine),
		fmt.Sprintf(`macro "Wrong status" (macro %d): action 1 (change_status) takes one of`, wrong),
		"macro: the personal macros of other users: Chatwoot shows a personal macro to its author alone",
	} {
		if !strings.Contains(report, want) {
			t.Errorf("EXPORT.md lacks %q:\n%s", want, report)
		}
	}
}
