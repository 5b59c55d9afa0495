package export

import (
	"fmt"
	"net/http"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
)

// TestAccList_generateConfigOut_terraform_1_14_9: `terraform query -generate-config-out` on the
// provider's list resources writes configuration that plans only imports and, once applied,
// plans nothing: the same promise as export's, for those who prefer Terraform's own generator.
// The account is the round trip's: three or more of every kind, so every list resource is covered
// (its two web widgets beside the three API inboxes, and a global bot the agent bot list leaves out).
func TestAccList_generateConfigOut_terraform_1_14_9(t *testing.T) {
	run := cliRunner(t, "terraform-1.14.9")
	a := uiAccount(t, 3)
	// An e-mail inbox, which chatwoot_inbox does not manage: no list result, no resource block.
	a.unmanagedInbox(t)
	// What the account holds of each listed kind, as the list resources list it.
	want := map[string]int{
		"chatwoot_team": len(a.teams), "chatwoot_agent": len(a.agents), "chatwoot_inbox": len(a.inboxes) + 2, "chatwoot_automation_rule": 3,
		"chatwoot_label": 3, "chatwoot_canned_response": 3, "chatwoot_webhook": 3, "chatwoot_custom_attribute_definition": 3,
		"chatwoot_macro": 3, "chatwoot_sla_policy": 3, "chatwoot_agent_bot": 3, "chatwoot_assignment_policy": 3,
		"chatwoot_agent_capacity_policy": 3,
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
	// Terraform's generator writes null for an optional string that is "" (it takes "" for the
	// legacy SDK's null), so an assignment policy whose description Chatwoot holds as "" (the UI's
	// form sends it) plans one in-place update, to null; README.md, "List resources", says so.
	var policies []struct {
		Description *string `json:"description"`
	}
	must(t, a.fx.Do(t.Context(), http.MethodGet, fmt.Sprintf("/api/v1/accounts/%d/assignment_policies", a.id), a.token, nil, &policies))
	emptyDescriptions := 0
	for _, p := range policies {
		if p.Description != nil && *p.Description == "" {
			emptyDescriptions++
		}
	}
	out, code := run(dir, a.token, "plan", "-no-color")
	updated := regexp.MustCompile(`# (\S+) will be updated in-place`).FindAllStringSubmatch(out, -1)
	for _, u := range updated {
		if !strings.HasPrefix(u[1], "chatwoot_assignment_policy.") {
			t.Errorf("%s is updated: want only imports", u[1])
		}
	}
	if code != 0 || !strings.Contains(out, fmt.Sprintf("Plan: %d to import, 0 to add, %d to change, 0 to destroy.", total, emptyDescriptions)) || t.Failed() {
		t.Fatalf("plan exited %d, want %d imports and %d description updates:\n%s\n%s", code, total, emptyDescriptions, out, generated)
	}
	if out, code := run(dir, a.token, "apply", "-no-color", "-auto-approve"); code != 0 {
		t.Fatalf("apply exited %d:\n%s", code, out)
	}
	if out, code := run(dir, a.token, "plan", "-no-color", "-detailed-exitcode"); code != 0 {
		t.Fatalf("the plan after apply exited %d (0 is no changes):\n%s", code, out)
	}
}
