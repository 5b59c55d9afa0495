package export

import (
	"fmt"
	"net/http"
	"strings"
	"testing"
)

func TestExportCustomAttributeDefinition_namespacesKeysByModel(t *testing.T) {
	a := newAccount(t)
	create := func(body map[string]any) int64 {
		return idOf(t, a.do(t, http.MethodPost, "custom_attribute_definitions", map[string]any{"custom_attribute_definition": body}))
	}
	create(map[string]any{"attribute_display_name": "Plan", "attribute_key": "plan"})
	create(map[string]any{"attribute_display_name": "Plan", "attribute_key": "plan", "attribute_model": "contact_attribute",
		"attribute_display_type": "list", "attribute_values": []any{"Gold", "Silver"}, "attribute_description": "Billing plan"})
	create(map[string]any{"attribute_display_name": "Order", "attribute_key": "order-id.v2", "regex_pattern": "^[0-9]+$", "regex_cue": "Digits"})
	renamed := create(map[string]any{"attribute_display_name": "State", "attribute_key": "state"})
	// Chatwoot checks the standard keys on create only.
	a.do(t, http.MethodPatch, fmt.Sprintf("custom_attribute_definitions/%d", renamed), map[string]any{"custom_attribute_definition": map[string]any{"attribute_key": "status"}})

	dir, res := a.export(t, "custom_attribute_definition")
	if res.Objects != 3 || res.Refused != 1 {
		t.Fatalf("result %+v:\n%s", res, readFile(t, dir, "EXPORT.md"))
	}
	wantFile(t, dir, "custom_attribute_definition.tf", `resource "chatwoot_custom_attribute_definition" "conversation_plan" {
  attribute_display_name = "Plan"
  attribute_key          = "plan"
}

resource "chatwoot_custom_attribute_definition" "contact_plan" {
  attribute_display_name = "Plan"
  attribute_key          = "plan"
  attribute_model        = "contact_attribute"
  attribute_display_type = "list"
  attribute_description  = "Billing plan"
  attribute_values       = ["Gold", "Silver"]
}

resource "chatwoot_custom_attribute_definition" "conversation_order_id_v2" {
  attribute_display_name = "Order"
  attribute_key          = "order-id.v2"
  regex_pattern          = "^[0-9]+$"
  regex_cue              = "Digits"
}
`)
	want := fmt.Sprintf(`conversation attribute "status" (definition %d): its key is one of Chatwoot's standard attribute keys`, renamed)
	if !strings.Contains(readFile(t, dir, "EXPORT.md"), want) {
		t.Errorf("EXPORT.md lacks %q", want)
	}
}
