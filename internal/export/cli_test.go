package export

import (
	"bytes"
	"context"
	"fmt"
	"net/http"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/chatwoot-community/terraform-provider-chatwoot/internal/provider"
)

func runMain(t *testing.T, env map[string]string, args ...string) (int, string) {
	t.Helper()
	var stderr bytes.Buffer
	code := Main(context.Background(), args, func(k string) string { return env[k] }, &stderr,
		Options{Describe: provider.DescribeClientError})
	return code, stderr.String()
}

func TestExportMain_exitsZeroAndReportsProgressOnStderr(t *testing.T) {
	a := uiAccount(t, 3)
	out := filepath.Join(t.TempDir(), "out")
	code, stderr := runMain(t, map[string]string{"CHATWOOT_API_ACCESS_TOKEN": a.token, "CHATWOOT_BASE_URL": a.baseURL},
		"-account-id", fmt.Sprint(a.id), "-out", out)
	if code != ExitOK {
		t.Fatalf("exit %d:\n%s", code, stderr)
	}
	for _, want := range []string{"export: team: 3 exported", "export: automation_rule: 3 exported", "0 refused"} {
		if !strings.Contains(stderr, want) {
			t.Errorf("stderr lacks %q:\n%s", want, stderr)
		}
	}
}

func TestExportMain_wrongTokenOrAddressExitsOneAndWritesNothing(t *testing.T) {
	a := newAccount(t)
	for name, tc := range map[string]struct {
		env  map[string]string
		want string
	}{
		"unknown token": {map[string]string{"CHATWOOT_API_ACCESS_TOKEN": "wrong", "CHATWOOT_BASE_URL": a.baseURL}, "Invalid Chatwoot API Access Token"},
		"no token":      {map[string]string{"CHATWOOT_BASE_URL": a.baseURL}, "Missing Chatwoot API Access Token"},
		"wrong path":    {map[string]string{"CHATWOOT_API_ACCESS_TOKEN": a.token, "CHATWOOT_BASE_URL": a.baseURL + "/chatwoot"}, "Chatwoot API Not Found at base_url"},
		"other account": {map[string]string{"CHATWOOT_API_ACCESS_TOKEN": a.token, "CHATWOOT_BASE_URL": a.baseURL}, "Not a Member of the Chatwoot Account"},
	} {
		t.Run(name, func(t *testing.T) {
			out := filepath.Join(t.TempDir(), "out")
			account := fmt.Sprint(a.id)
			if name == "other account" {
				account = "999"
			}
			code, stderr := runMain(t, tc.env, "-account-id", account, "-out", out)
			if code != ExitError || !strings.Contains(stderr, tc.want) {
				t.Errorf("exit %d, want 1 with %q:\n%s", code, tc.want, stderr)
			}
			if _, err := os.Stat(out); err == nil {
				t.Error("the output directory was created")
			}
			if strings.Contains(stderr, a.token) {
				t.Error("the token is in the output")
			}
		})
	}
}

func TestExportMain_refusesANonEmptyDirectoryUnlessForced(t *testing.T) {
	a := newAccount(t)
	a.team(t, "Billing", "", true)
	out := t.TempDir()
	must(t, os.WriteFile(filepath.Join(out, "main.tf"), []byte("# mine\n"), 0o600))
	// Left by an earlier export of rules: without its import blocks it would plan creates.
	must(t, os.WriteFile(filepath.Join(out, "automation_rule.tf"), []byte("# old\n"), 0o600))
	env := map[string]string{"CHATWOOT_API_ACCESS_TOKEN": a.token, "CHATWOOT_BASE_URL": a.baseURL}
	a.srv.ResetRequests()
	code, stderr := runMain(t, env, "-account-id", fmt.Sprint(a.id), "-out", out)
	if code != ExitError || !strings.Contains(stderr, "Output Directory Not Empty") {
		t.Fatalf("exit %d:\n%s", code, stderr)
	}
	if n := len(a.srv.Requests()); n != 0 {
		t.Errorf("%d requests sent before the directory was refused", n)
	}
	if code, stderr := runMain(t, env, "-account-id", fmt.Sprint(a.id), "-out", out, "-force", "-types", "team"); code != ExitOK {
		t.Fatalf("with -force: exit %d:\n%s", code, stderr)
	}
	if readFile(t, out, "main.tf") != "# mine\n" || !strings.Contains(readFile(t, out, "team.tf"), `"billing"`) {
		t.Error("-force did not write the export beside the user's file")
	}
	noFile(t, out, "automation_rule.tf")
}

func TestExportMain_exitsThreeWhenObjectsAreRefusedAndWritesTheRest(t *testing.T) {
	a := newAccount(t)
	a.team(t, "Billing", "", true)
	rule := a.rule(t, map[string]any{"name": "Ghost", "event_name": "conversation_created",
		"conditions": []any{map[string]any{"attribute_key": "status", "filter_operator": "equal_to", "values": []any{"open"}, "query_operator": nil}},
		"actions":    []any{map[string]any{"action_name": "assign_team", "action_params": []any{404}}}})
	out := filepath.Join(t.TempDir(), "out")
	code, stderr := runMain(t, map[string]string{"CHATWOOT_API_ACCESS_TOKEN": a.token, "CHATWOOT_BASE_URL": a.baseURL},
		"-account-id", fmt.Sprint(a.id), "-out", out)
	if code != ExitRefused {
		t.Fatalf("exit %d, want 3:\n%s", code, stderr)
	}
	if !strings.Contains(readFile(t, out, "team.tf"), `"billing"`) {
		t.Error("the team was not written")
	}
	if want := fmt.Sprintf(`automation rule "Ghost" (rule %d): it names team 404`, rule); !strings.Contains(readFile(t, out, "EXPORT.md"), want) {
		t.Errorf("EXPORT.md lacks %q", want)
	}
	noFile(t, out, "automation_rule.tf")
}

func TestExportMain_agentTokenExportsWhatItMayRead(t *testing.T) {
	a := newAccount(t)
	ctx := context.Background()
	agent, err := a.fx.CreateUser(ctx, "Agent", "agent@acme.test", "Passw0rd!")
	must(t, err)
	must(t, a.fx.AddAccountUser(ctx, a.id, agent.ID, "agent"))
	a.team(t, "Billing", "", true)
	a.rule(t, map[string]any{"name": "R", "event_name": "conversation_created",
		"conditions": []any{map[string]any{"attribute_key": "status", "filter_operator": "equal_to", "values": []any{"open"}, "query_operator": nil}},
		"actions":    []any{map[string]any{"action_name": "resolve_conversation"}}})
	out := filepath.Join(t.TempDir(), "out")
	code, stderr := runMain(t, map[string]string{"CHATWOOT_API_ACCESS_TOKEN": agent.AccessToken, "CHATWOOT_BASE_URL": a.baseURL},
		"-account-id", fmt.Sprint(a.id), "-out", out, "-types", "team,automation_rule")
	if code != ExitRefused {
		t.Fatalf("exit %d, want 3:\n%s", code, stderr)
	}
	if !strings.Contains(readFile(t, out, "EXPORT.md"), "automation_rule: all automation rule objects: the token's user is an agent") {
		t.Errorf("EXPORT.md does not say what the agent could not read:\n%s", readFile(t, out, "EXPORT.md"))
	}
	if !strings.Contains(readFile(t, out, "team.tf"), `"billing"`) {
		t.Error("the teams the agent may read were not written")
	}

	// Every kind: what only administrators may list is refused with the reason, the inboxes the
	// agent is not in are said to be left out, and the rest is written.
	a.inbox(t, "Website")
	out = filepath.Join(t.TempDir(), "all")
	code, stderr = runMain(t, map[string]string{"CHATWOOT_API_ACCESS_TOKEN": agent.AccessToken, "CHATWOOT_BASE_URL": a.baseURL},
		"-account-id", fmt.Sprint(a.id), "-out", out)
	if code != ExitRefused {
		t.Fatalf("every kind: exit %d, want 3:\n%s", code, stderr)
	}
	report := readFile(t, out, "EXPORT.md")
	for _, want := range []string{
		"webhook: all webhook objects: the token's user is an agent",
		"assignment_policy: all assignment policy objects: the token's user is an agent",
		"agent_capacity_policy: all agent capacity policy objects: the token's user is an agent",
		"inbox: the inboxes the token's user is not a member of: Chatwoot lists only an agent's own inboxes",
	} {
		if !strings.Contains(report, want) {
			t.Errorf("EXPORT.md lacks %q:\n%s", want, report)
		}
	}
	if !strings.Contains(readFile(t, out, "team.tf"), `"billing"`) {
		t.Error("every kind: the teams the agent may read were not written")
	}
}

func TestExport_sameAccountSameBytes(t *testing.T) {
	a := uiAccount(t, 4)
	first, _ := a.export(t)
	second, _ := a.export(t)
	entries, err := os.ReadDir(first)
	must(t, err)
	for _, e := range entries {
		if readFile(t, first, e.Name()) != readFile(t, second, e.Name()) {
			t.Errorf("%s differs between two exports", e.Name())
		}
	}
	if e2, _ := os.ReadDir(second); len(e2) != len(entries) {
		t.Errorf("%d files, then %d", len(entries), len(e2))
	}
}

// TestExport_requestsForFiveHundredObjects counts what an export of ~500 objects costs: one list
// per kind, plus the lists that the kinds' lists do not carry: members per team, inbox and
// capacity policy, the bot of each inbox, and the inboxes of each assignment policy.
func TestExport_requestsForFiveHundredObjects(t *testing.T) {
	const n = 26 // 19 kinds × 26, with 2 more inboxes and what refers to them: 501 objects
	a := uiAccount(t, n)
	a.srv.ResetRequests()
	_, res := a.export(t)
	reqs := a.srv.Requests()
	byRoute := map[string]int{}
	for _, r := range reqs {
		if r.Method != http.MethodGet {
			t.Errorf("the export sent %s %s", r.Method, r.Path)
		}
		byRoute[routeOf(r.Path)]++
	}
	// profile; teams, agents, inboxes, agent bots, labels, canned responses, custom attribute
	// definitions, webhooks, SLA policies, assignment and capacity policies, automation rules,
	// macros; n team member lists; per inbox (n and 2 web widgets) its members and its bot; per
	// assignment policy its inboxes; per capacity policy its members.
	if want := 1 + 13 + n + 2*(n+2) + n + n; len(reqs) != want || res.Objects != 19*n+7 {
		t.Errorf("%d requests for %d objects, want %d for %d: %v", len(reqs), res.Objects, want, 19*n+7, byRoute)
	}
	t.Logf("%d objects exported with %d requests: %v", res.Objects, len(reqs), byRoute)
}

func routeOf(path string) string {
	parts := strings.Split(strings.Trim(path, "/"), "/")
	for i, p := range parts {
		if p != "" && p[0] >= '0' && p[0] <= '9' {
			parts[i] = ":id"
		}
	}
	return strings.Join(parts, "/")
}
