package export

import (
	"fmt"
	"net/http"
	"strings"
	"testing"

	"github.com/chatwoot-community/terraform-provider-chatwoot/internal/chatwootmock"
)

func TestExportCapacityPolicy_writesRulesAndInboxLimitsThatReferToTheInboxes(t *testing.T) {
	a := newAccount(t)
	web := a.inbox(t, "Website")
	phone := a.inbox(t, "Phone")
	a.capacityPolicy(t, map[string]any{"name": "Plain"})
	busy := a.capacityPolicy(t, map[string]any{"name": "Busy Hours", "description": "Cap the evening shift",
		"exclusion_rules": map[string]any{"exclude_older_than_hours": 48, "excluded_labels": []any{"vip", "escalated"}}})
	a.capacityPolicy(t, map[string]any{"name": "Labels only", "exclusion_rules": map[string]any{"excluded_labels": []any{}}})
	for inbox, limit := range map[int64]int{phone: 0, web: 8} {
		a.do(t, http.MethodPost, fmt.Sprintf("agent_capacity_policies/%d/inbox_limits", busy), map[string]any{"inbox_id": inbox, "conversation_limit": limit})
	}

	dir, res := a.export(t, "inbox", "agent_capacity_policy")
	if res.ByKind["agent_capacity_policy"] != 3 || res.Refused != 0 {
		t.Fatalf("result %+v", res)
	}
	// No rules and an empty label list read as null: they are left out.
	wantFile(t, dir, "agent_capacity_policy.tf", `resource "chatwoot_agent_capacity_policy" "plain" {
  name = "Plain"
}

resource "chatwoot_agent_capacity_policy" "busy_hours" {
  name        = "Busy Hours"
  description = "Cap the evening shift"
  exclusion_rules = {
    exclude_older_than_hours = 48
    excluded_labels          = ["escalated", "vip"]
  }
  inbox_limits = [
    {
      inbox_id           = chatwoot_inbox.website.inbox_id
      conversation_limit = 8
    },
    {
      inbox_id           = chatwoot_inbox.phone.inbox_id
      conversation_limit = 0
    },
  ]
}

resource "chatwoot_agent_capacity_policy" "labels_only" {
  name = "Labels only"
}
`)
}

// An excluded label that the export writes is a reference to it; one that is not stays its title.
func TestExportCapacityPolicy_excludedLabelsReferToTheLabels(t *testing.T) {
	a := newAccount(t)
	a.do(t, http.MethodPost, "labels", map[string]any{"label": map[string]any{"title": "vip"}})
	a.capacityPolicy(t, map[string]any{"name": "Busy", "exclusion_rules": map[string]any{"excluded_labels": []any{"vip", "spam"}}})

	dir, res := a.export(t, "label", "agent_capacity_policy")
	if res.ByKind["agent_capacity_policy"] != 1 || res.Refused != 0 {
		t.Fatalf("result %+v", res)
	}
	wantFile(t, dir, "agent_capacity_policy.tf", `resource "chatwoot_agent_capacity_policy" "busy" {
  name = "Busy"
  exclusion_rules = {
    excluded_labels = ["spam", chatwoot_label.vip.title]
  }
}
`)
}

func TestExportCapacityPolicy_notesACommunityBuild(t *testing.T) {
	a := newAccountOn(t, chatwootmock.Options{Edition: chatwootmock.EditionCommunity})
	a.team(t, "Billing", "", true)
	dir, res := a.export(t, "team", "agent_capacity_policy", "agent_capacity_policy_members")
	if res.Refused != 0 || res.Objects != 1 {
		t.Fatalf("result %+v, want the team alone", res)
	}
	noFile(t, dir, "agent_capacity_policy.tf")
	report := readFile(t, dir, "EXPORT.md")
	for _, kind := range []string{"agent_capacity_policy", "agent_capacity_policy_members"} {
		if want := "- " + kind + ": all " + strings.ReplaceAll(kind, "_", " ") + " objects: the Chatwoot server has no agent capacity policies"; !strings.Contains(report, want) {
			t.Errorf("EXPORT.md lacks %q:\n%s", want, report)
		}
	}
}
