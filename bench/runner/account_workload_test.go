package main

import (
	"encoding/json"
	"fmt"
	"regexp"
	"strings"
	"testing"
)

func TestAccountObjects_spreadsMObjectsOverTheKinds(t *testing.T) {
	agents := []int64{7, 8}
	for _, m := range []int{len(accountKinds), 300, 301} {
		objects, counts := accountObjects(m, agents), accountObjectCounts(m)
		total, lo, hi := 0, m, 0
		for _, k := range accountKinds {
			n := len(objects[k.name])
			if n != counts[k.name] {
				t.Errorf("M=%d: %d %s in account.json, accountObjectCounts says %d", m, n, k.name, counts[k.name])
			}
			total, lo, hi = total+n, min(lo, n), max(hi, n)
			// Unique fields must not collide, or the apply would fail on Chatwoot's 422.
			seen := map[string]bool{}
			for key, v := range objects[k.name] {
				raw, _ := json.Marshal(v)
				if seen[string(raw)] {
					t.Errorf("M=%d: %s %s repeats another object's values %s", m, k.name, key, raw)
				}
				seen[string(raw)] = true
			}
		}
		if total != m {
			t.Errorf("M=%d: account.json holds %d objects", m, total)
		}
		if hi-lo > 1 {
			t.Errorf("M=%d: kinds hold %d to %d objects, want an even spread", m, lo, hi)
		}
		for key, set := range objects["team_members"] {
			if _, ok := objects["teams"][set["team"].(string)]; !ok {
				t.Errorf("M=%d: member set %s names team %v, which the workload does not create", m, key, set["team"])
			}
		}
	}
}

// Every each.value attribute the configuration reads must be in every object of its kind, and the
// JSON must decode as Terraform's jsondecode sees it.
func TestAccountConfiguration_readsWhatAccountJSONHolds(t *testing.T) {
	raw, err := accountJSON(300, []int64{7, 8})
	if err != nil {
		t.Fatal(err)
	}
	var decoded map[string]map[string]map[string]any
	if err := json.Unmarshal(raw, &decoded); err != nil {
		t.Fatal(err)
	}
	config := accountConfiguration(providerHeader("chatwoot", "http://127.0.0.1:1", "token", 1))
	floor := accountConfiguration("")
	reads := regexp.MustCompile(`each\.value\.(\w+)`)
	for _, k := range accountKinds {
		if want := fmt.Sprintf("resource %q %q {\n  for_each = local.account.%s\n", k.resource, k.name, k.name); !strings.Contains(config, want) {
			t.Errorf("the configuration lacks %s's block:\n%s", k.resource, config)
		}
		if want := fmt.Sprintf("resource \"terraform_data\" %q {\n  for_each = local.account.%s\n", k.name, k.name); !strings.Contains(floor, want) {
			t.Errorf("the terraform_data floor lacks the %s block:\n%s", k.name, floor)
		}
		for _, match := range reads.FindAllStringSubmatch(k.arguments, -1) {
			for key, v := range decoded[k.name] {
				if _, ok := v[match[1]]; !ok {
					t.Errorf("%s reads each.value.%s, which %s %s lacks", k.resource, match[1], k.name, key)
				}
			}
		}
	}
	if strings.Contains(floor, "provider") || strings.Contains(floor, "chatwoot_") {
		t.Errorf("the floor configuration uses the provider:\n%s", floor)
	}
}

func TestRouteOf_namesKindsAndOperations(t *testing.T) {
	for _, c := range []struct {
		method, path, route, kind, op string
	}{
		{"GET", "/api/v1/accounts/12/labels", "GET /labels", "labels", opList},
		{"POST", "/api/v1/accounts/12/labels", "POST /labels", "labels", opCreate},
		{"DELETE", "/api/v1/accounts/12/labels/40", "DELETE /labels/:id", "labels", opDelete},
		{"GET", "/api/v1/accounts/12/macros/3", "GET /macros/:id", "macros", opShow},
		{"PATCH", "/api/v1/accounts/12/sla_policies/3", "PATCH /sla_policies/:id", "sla_policies", opUpdate},
		{"GET", "/api/v1/accounts/12/teams/5", "GET /teams/:id", "teams", opShow},
		{"GET", "/api/v1/accounts/12/teams/5/team_members", "GET /teams/:id/team_members", "team_members", opList},
		{"PATCH", "/api/v1/accounts/12/teams/5/team_members", "PATCH /teams/:id/team_members", "team_members", opUpdate},
		{"GET", "/api/v1/accounts/12/agents", "GET /agents", "", ""},
		{"GET", "/api/v1/accounts/12", "GET /api/v1/accounts/:id", "", ""},
		{"GET", "/api", "GET /api", "", ""},
	} {
		route := routeOf(c.method, c.path)
		if route != c.route {
			t.Errorf("routeOf(%s %s) = %q, want %q", c.method, c.path, route, c.route)
		}
		kind, op, ok := kindRoute(route)
		if kind != c.kind || op != c.op || ok != (c.kind != "") {
			t.Errorf("kindRoute(%q) = %q, %q, %v; want %q, %q", route, kind, op, ok, c.kind, c.op)
		}
	}
	kinds, other := byKind(map[string]int{"GET /labels": 2, "POST /labels": 5, "GET /agents": 1})
	if kinds["labels"][opList] != 2 || kinds["labels"][opCreate] != 5 || other["GET /agents"] != 1 || len(other) != 1 {
		t.Errorf("byKind sorted the routes into %v and %v", kinds, other)
	}
}

func kindNamed(t *testing.T, name string) accountKind {
	for _, k := range accountKinds {
		if k.name == name {
			return k
		}
	}
	t.Fatalf("no kind %s", name)
	return accountKind{}
}

func TestAccountBudget(t *testing.T) {
	labels, teams, members, sla := kindNamed(t, "labels"), kindNamed(t, "teams"), kindNamed(t, "team_members"), kindNamed(t, "sla_policies")
	for _, c := range []struct {
		name   string
		budget kindBudget
		counts kindCounts
		within bool
	}{
		{"a plan lists a kind once per process", accountBudget(labels, 38, phasePlan, 3), kindCounts{opList: 3}, true},
		{"a plan listing more often than once per process", accountBudget(labels, 38, phasePlan, 3), kindCounts{opList: 4}, false},
		{"a show request where the list holds everything", accountBudget(labels, 38, phasePlan, 3), kindCounts{opList: 1, opShow: 1}, false},
		{"a plan that writes", accountBudget(labels, 38, phasePlan, 3), kindCounts{opList: 1, opUpdate: 1}, false},
		{"teams are read one by one", accountBudget(teams, 37, phasePlan, 3), kindCounts{opShow: 37}, true},
		{"a team read twice", accountBudget(teams, 37, phasePlan, 3), kindCounts{opShow: 38}, false},
		{"apply: a team's name check may re-read the list in both processes", accountBudget(teams, 37, phaseApply, 4), kindCounts{opList: 78, opCreate: 37}, true},
		{"apply: more team lists than that", accountBudget(teams, 37, phaseApply, 4), kindCounts{opList: 79, opCreate: 37}, false},
		{"a member set costs one read each", accountBudget(members, 37, phasePlan, 3), kindCounts{opList: 37}, true},
		{"apply: one create per object, a list after each", accountBudget(labels, 38, phaseApply, 4), kindCounts{opList: 42, opCreate: 38}, true},
		{"apply: a create too few", accountBudget(labels, 38, phaseApply, 4), kindCounts{opList: 1, opCreate: 37}, false},
		{"apply: lists beyond one per create and process", accountBudget(labels, 38, phaseApply, 4), kindCounts{opList: 43, opCreate: 38}, false},
		{"apply: a member set is one PATCH", accountBudget(members, 37, phaseApply, 4), kindCounts{opUpdate: 37}, true},
		{"destroy: one delete per object", accountBudget(labels, 38, phaseDestroy, 5), kindCounts{opList: 1, opDelete: 38}, true},
		{"destroy waits for background deletions", accountBudget(sla, 37, phaseDestroy, 5), kindCounts{opList: 90, opDelete: 37}, true},
		{"destroy: a member set is emptied with one PATCH", accountBudget(members, 37, phaseDestroy, 5), kindCounts{opList: 37, opUpdate: 37}, true},
	} {
		if got := c.budget.within(c.counts); got != c.within {
			t.Errorf("%s: %v within %s = %v, want %v", c.name, c.counts, c.budget, got, c.within)
		}
	}
}

func TestWorkloadSection_keepsTheWorkloadNotMeasured(t *testing.T) {
	previous := "# Benchmarks\n\nold intro\n\n" + workloadSection(workloadAssignment, func(b *strings.Builder) { b.WriteString("assignment figures\n") }, "") +
		workloadSection(workloadAccount, func(b *strings.Builder) { b.WriteString("old account figures\n") }, "") + "## Findings\n"
	kept := workloadSection(workloadAssignment, nil, previous)
	if !strings.Contains(kept, "assignment figures\n") || strings.Contains(kept, "account figures") {
		t.Errorf("the kept assignment section is %q", kept)
	}
	fresh := workloadSection(workloadAccount, func(b *strings.Builder) { b.WriteString("new account figures\n") }, previous)
	if !strings.Contains(fresh, "new account figures") || strings.Contains(fresh, "old") {
		t.Errorf("the measured account section is %q", fresh)
	}
	if missing := workloadSection(workloadAccount, nil, "# Benchmarks\n"); !strings.Contains(missing, "BENCH_WORKLOAD=account") {
		t.Errorf("a section never measured says %q", missing)
	}
	// A report rendered from a run of the account workload alone keeps the assignment figures.
	report := renderReport(measurements{opts: options{}}, previous)
	if !strings.Contains(report, "assignment figures") || !strings.Contains(report, "old account figures") || strings.Count(report, sectionBegin(workloadAccount)) != 1 {
		t.Errorf("the report rendered without measurements is:\n%s", report)
	}
}
