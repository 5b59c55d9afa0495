package export

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestAccTeamList_generateConfigOut_terraform_1_14_9: `terraform query -generate-config-out` on the
// chatwoot_team list resource writes configuration that plans only imports and, once applied,
// plans nothing: the same promise as export's, for those who prefer Terraform's own generator.
func TestAccTeamList_generateConfigOut_terraform_1_14_9(t *testing.T) {
	run := cliRunner(t, "terraform-1.14.9")
	a := uiAccount(t, 3)
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
	must(t, os.WriteFile(filepath.Join(dir, "teams.tfquery.hcl"), []byte(`list "chatwoot_team" "all" {
  provider         = chatwoot
  include_resource = true
}
`), 0o600))
	if out, code := run(dir, a.token, "query", "-no-color", "-generate-config-out=generated.tf"); code != 0 {
		t.Fatalf("query exited %d:\n%s", code, out)
	}
	generated := readFile(t, dir, "generated.tf")
	if n := strings.Count(generated, `resource "chatwoot_team"`); n != len(a.teams) {
		t.Fatalf("%d resource blocks generated, want %d:\n%s", n, len(a.teams), generated)
	}
	must(t, os.Remove(filepath.Join(dir, "teams.tfquery.hcl")))
	out, code := run(dir, a.token, "plan", "-no-color")
	if code != 0 || !strings.Contains(out, fmt.Sprintf("Plan: %d to import, 0 to add, 0 to change, 0 to destroy.", len(a.teams))) {
		t.Fatalf("plan exited %d, want only %d imports:\n%s\n%s", code, len(a.teams), out, generated)
	}
	if out, code := run(dir, a.token, "apply", "-no-color", "-auto-approve"); code != 0 {
		t.Fatalf("apply exited %d:\n%s", code, out)
	}
	if out, code := run(dir, a.token, "plan", "-no-color", "-detailed-exitcode"); code != 0 {
		t.Fatalf("the plan after apply exited %d (0 is no changes):\n%s", code, out)
	}
}
