package export

import (
	"fmt"
	"net/http"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestAccList_generateConfigOut_terraform_1_14_9: `terraform query -generate-config-out` on the
// provider's list resources writes configuration that plans only imports and, once applied,
// plans nothing: the same promise as export's, for those who prefer Terraform's own generator.
// The account is the round trip's (three of every exported kind), with two of every other listed
// kind beside it: every list resource is covered.
func TestAccList_generateConfigOut_terraform_1_14_9(t *testing.T) {
	run := cliRunner(t, "terraform-1.14.9")
	a := uiAccount(t, 3)
	for i := 1; i <= 2; i++ {
		a.do(t, http.MethodPost, "agent_bots", map[string]any{"name": fmt.Sprintf("Triage %d", i), "outgoing_url": "https://bots.example.test"})
		a.do(t, http.MethodPost, "assignment_policies", map[string]any{"assignment_policy": map[string]any{"name": fmt.Sprintf("Fair %d", i)}})
		capacity := idOf(t, a.do(t, http.MethodPost, "agent_capacity_policies", map[string]any{"agent_capacity_policy": map[string]any{
			"name": fmt.Sprintf("Shift %d", i)}}))
		a.do(t, http.MethodPost, fmt.Sprintf("agent_capacity_policies/%d/inbox_limits", capacity), map[string]any{
			"inbox_id": a.inboxes[i], "conversation_limit": 5})
	}
	// A web widget inbox beside the round trip's API ones.
	a.do(t, http.MethodPost, "inboxes", map[string]any{"name": "Website", "channel": map[string]any{"type": "web_widget", "website_url": "https://www.example.test"}})
	// What the account holds of each listed kind, as the list resources list it.
	want := map[string]int{
		"chatwoot_team": len(a.teams), "chatwoot_agent": len(a.agents), "chatwoot_inbox": len(a.inboxes) + 1, "chatwoot_automation_rule": 3,
		"chatwoot_label": 3, "chatwoot_canned_response": 3, "chatwoot_webhook": 3, "chatwoot_custom_attribute_definition": 3,
		"chatwoot_macro": 3, "chatwoot_sla_policy": 3, "chatwoot_agent_bot": 2, "chatwoot_assignment_policy": 2,
		"chatwoot_agent_capacity_policy": 2,
	}
	dir := t.TempDir()
	must(t, os.WriteFile(filepath.Join(dir, "providers.tf"), fmt.Appendf(nil, `terraform {
  required_providers {
    chatwoot = {
      source = %q
    }
  }
}

provider "chatwoot" {
  base_url   = %q
  account_id = %d
}
`, DefaultSource, a.baseURL, a.id), 0o600))
	var query strings.Builder
	total := 0
	for _, typ := range sortedKeys(want) {
		fmt.Fprintf(&query, "list %q \"all\" {\n  provider         = chatwoot\n  include_resource = true\n}\n\n", typ)
		total += want[typ]
	}
	must(t, os.WriteFile(filepath.Join(dir, "all.tfquery.hcl"), []byte(query.String()), 0o600))
	if out, code := run(dir, a.token, "query", "-no-color", "-generate-config-out=generated.tf"); code != 0 {
		t.Fatalf("query exited %d:\n%s", code, out)
	}
	generated := readFile(t, dir, "generated.tf")
	for typ, n := range want {
		if got := strings.Count(generated, fmt.Sprintf("resource %q ", typ)); got != n {
			t.Errorf("%d %s resource blocks generated, want %d", got, typ, n)
		}
	}
	if t.Failed() {
		t.Fatalf("generated.tf:\n%s", generated)
	}
	must(t, os.Remove(filepath.Join(dir, "all.tfquery.hcl")))
	out, code := run(dir, a.token, "plan", "-no-color")
	if code != 0 || !strings.Contains(out, fmt.Sprintf("Plan: %d to import, 0 to add, 0 to change, 0 to destroy.", total)) {
		t.Fatalf("plan exited %d, want only %d imports:\n%s\n%s", code, total, out, generated)
	}
	if out, code := run(dir, a.token, "apply", "-no-color", "-auto-approve"); code != 0 {
		t.Fatalf("apply exited %d:\n%s", code, out)
	}
	if out, code := run(dir, a.token, "plan", "-no-color", "-detailed-exitcode"); code != 0 {
		t.Fatalf("the plan after apply exited %d (0 is no changes):\n%s", code, out)
	}
}
