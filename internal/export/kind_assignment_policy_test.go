package export

import (
	"fmt"
	"net/http"
	"net/http/httptest"
	"net/http/httputil"
	"net/url"
	"strings"
	"testing"

	"github.com/chatwoot-community/terraform-provider-chatwoot/internal/chatwootmock"
)

func TestExportAssignmentPolicy_writesOnlyWhatDiffersFromChatwootsDefaults(t *testing.T) {
	a := newAccount(t)
	a.assignmentPolicy(t, map[string]any{"name": "Default"})
	a.assignmentPolicy(t, map[string]any{"name": "Patient", "description": "Longest waiting first", "conversation_priority": "longest_waiting",
		"fair_distribution_limit": 20, "fair_distribution_window": 900, "enabled": false})
	a.assignmentPolicy(t, map[string]any{"name": "Empty description", "description": ""})

	dir, res := a.export(t, "assignment_policy")
	if res.Objects != 3 || res.Refused != 0 {
		t.Fatalf("result %+v", res)
	}
	// A description Chatwoot holds as "" is written: the resource reads null as no description.
	wantFile(t, dir, "assignment_policy.tf", `resource "chatwoot_assignment_policy" "default" {
  name = "Default"
}

resource "chatwoot_assignment_policy" "patient" {
  name                     = "Patient"
  description              = "Longest waiting first"
  conversation_priority    = "longest_waiting"
  fair_distribution_limit  = 20
  fair_distribution_window = 900
  enabled                  = false
}

resource "chatwoot_assignment_policy" "empty_description" {
  name        = "Empty description"
  description = ""
}
`)
}

func TestExportAssignmentPolicy_keepsTheAgeLimitFromChatwoot4160(t *testing.T) {
	a := newAccountOn(t, chatwootmock.Options{ChatwootVersion: "4.16.0"})
	a.assignmentPolicy(t, map[string]any{"name": "Week", "exclude_older_than_hours": 168})
	dir, _ := a.export(t, "assignment_policy")
	wantFile(t, dir, "assignment_policy.tf", `resource "chatwoot_assignment_policy" "week" {
  name                     = "Week"
  exclude_older_than_hours = 168
}
`)
}

func TestExportAssignmentPolicy_notesAServerWithoutAssignmentPolicies(t *testing.T) {
	a := newAccount(t)
	a.inbox(t, "Website")
	a.team(t, "Billing", "", true)
	a.withoutRoutes(t, "/assignment_policies", "/assignment_policy")

	dir, res := a.export(t, "team", "inbox", "assignment_policy", "inbox_assignment_policy")
	if res.Refused != 0 || res.ByKind["team"] != 1 || res.ByKind["inbox"] != 1 {
		t.Fatalf("result %+v, want the rest exported", res)
	}
	noFile(t, dir, "assignment_policy.tf")
	noFile(t, dir, "inbox_assignment_policy.tf")
	report := readFile(t, dir, "EXPORT.md")
	for _, kind := range []string{"assignment_policy", "inbox_assignment_policy"} {
		if want := "- " + kind + ": all " + strings.ReplaceAll(kind, "_", " ") + " objects: the Chatwoot server has no assignment policies"; !strings.Contains(report, want) {
			t.Errorf("EXPORT.md lacks %q:\n%s", want, report)
		}
	}
}

// withoutRoutes puts a proxy in front of the account's mock that answers the paths containing
// any of the segments with Rails' routing 404, as a Chatwoot without those routes does.
func (a *account) withoutRoutes(t *testing.T, segments ...string) {
	t.Helper()
	target, err := url.Parse(a.baseURL)
	must(t, err)
	forward := httputil.NewSingleHostReverseProxy(target)
	proxy := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		for _, s := range segments {
			if strings.Contains(r.URL.Path, s) {
				w.Header().Set("Content-Type", "application/json")
				w.WriteHeader(http.StatusNotFound)
				fmt.Fprint(w, `{"status":404,"error":"Not Found"}`)
				return
			}
		}
		forward.ServeHTTP(w, r)
	}))
	t.Cleanup(proxy.Close)
	a.baseURL = proxy.URL
}
