package export

import (
	"fmt"
	"net/http"
	"strings"
	"testing"
)

func TestExportLabel_writesTitlesAsChatwootStoresThemAndOnlyNonDefaults(t *testing.T) {
	a := newAccount(t)
	a.do(t, http.MethodPost, "labels", map[string]any{"label": map[string]any{"title": "Billing"}})
	a.do(t, http.MethodPost, "labels", map[string]any{"label": map[string]any{"title": "vip-2", "description": "Paying customers",
		"color": "#FFAA00", "show_on_sidebar": true}})
	red := idOf(t, a.do(t, http.MethodPost, "labels", map[string]any{"label": map[string]any{"title": "urgent", "color": "red"}}))

	dir, res := a.export(t, "label")
	if res.Objects != 2 || res.Refused != 1 {
		t.Fatalf("result %+v:\n%s", res, readFile(t, dir, "EXPORT.md"))
	}
	wantFile(t, dir, "label.tf", `resource "chatwoot_label" "billing" {
  title = "billing"
}

resource "chatwoot_label" "vip_2" {
  title           = "vip-2"
  description     = "Paying customers"
  color           = "#FFAA00"
  show_on_sidebar = true
}
`)
	if want := fmt.Sprintf(`label "urgent" (label %d): its colour "red" is not written as #rrggbb`, red); !strings.Contains(readFile(t, dir, "EXPORT.md"), want) {
		t.Errorf("EXPORT.md lacks %q", want)
	}
}

func TestExportLabel_rulesReferToExportedLabelsByTitle(t *testing.T) {
	a := newAccount(t)
	a.do(t, http.MethodPost, "labels", map[string]any{"label": map[string]any{"title": "billing"}})
	a.do(t, http.MethodPost, "labels", map[string]any{"label": map[string]any{"title": "vip"}})
	a.rule(t, map[string]any{"name": "Tag", "event_name": "conversation_updated",
		"conditions": []any{map[string]any{"attribute_key": "labels", "filter_operator": "equal_to", "values": []any{"vip"}, "query_operator": nil}},
		"actions":    []any{map[string]any{"action_name": "remove_label", "action_params": []any{"billing", "no-such-label"}}}})

	dir, res := a.export(t, "label", "automation_rule")
	if res.Refused != 0 {
		t.Fatalf("result %+v:\n%s", res, readFile(t, dir, "EXPORT.md"))
	}
	wantFile(t, dir, "automation_rule.tf", `resource "chatwoot_automation_rule" "tag" {
  name       = "Tag"
  event_name = "conversation_updated"
  conditions = [
    {
      attribute_key   = "labels"
      filter_operator = "equal_to"
      values          = [chatwoot_label.vip.title]
    },
  ]
  actions = [
    {
      action_name = "remove_label"
      params      = [chatwoot_label.billing.title, "no-such-label"]
    },
  ]
}
`)
}
