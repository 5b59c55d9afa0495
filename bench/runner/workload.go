package main

import (
	"encoding/json"
	"fmt"
	"net/http"
)

// The workload: N conversations, each managed by one assignment resource. A third assign an
// agent, a third a team, a third both (team first, then agent, as the provider sends them).
// The change phase edits the first half: agents move to the second agent, teams to the second
// team; "both" keeps its team and changes its agent. Every change is one field, so one POST.

type assignmentKind int

const (
	kindAgent assignmentKind = iota
	kindTeam
	kindBoth
)

// ids are what the seeded account provides.
type ids struct {
	accountID      int64
	agent1, agent2 int64
	team1, team2   int64
	conversations  []int64 // display ids
}

// assignment is one resource instance's configuration.
type assignment struct {
	Key            string `json:"-"`
	ConversationID int64  `json:"conversation_id"`
	AssigneeID     *int64 `json:"assignee_id"`
	TeamID         *int64 `json:"team_id"`
	kind           assignmentKind
}

func kindOf(i int) assignmentKind { return assignmentKind(i % 3) }

// assignments returns the configuration of every resource; changed selects the change phase.
func assignments(w ids, n int, changed bool) []assignment {
	out := make([]assignment, n)
	for i := range n {
		a := assignment{Key: fmt.Sprintf("c%05d", i), ConversationID: w.conversations[i], kind: kindOf(i)}
		agent, team := w.agent1, w.team1
		if changed && i < n/2 {
			switch a.kind {
			case kindAgent, kindBoth:
				agent = w.agent2
			case kindTeam:
				team = w.team2
			}
		}
		if a.kind != kindTeam {
			a.AssigneeID = &agent
		}
		if a.kind != kindAgent {
			a.TeamID = &team
		}
		out[i] = a
	}
	return out
}

// assignmentsJSON is the for_each map the configurations read with jsondecode(file(...)).
func assignmentsJSON(list []assignment) ([]byte, error) {
	m := make(map[string]assignment, len(list))
	for _, a := range list {
		m[a.Key] = a
	}
	return json.MarshalIndent(m, "", " ")
}

// phase is one Terraform command of the benchmark.
type phase string

const (
	phaseApply   phase = "apply"
	phaseRefresh phase = "refresh"
	phaseChange  phase = "change"
	phaseDestroy phase = "destroy"
	// phasePlan is the account workload's refresh: the same command, named as the issue names it.
	phasePlan phase = "plan"
)

var phases = []phase{phaseApply, phaseRefresh, phaseChange, phaseDestroy}

// phaseDescription says what each phase runs, for the report.
var phaseDescription = map[phase]string{
	phaseApply:   "`terraform apply` creating N resources (no refresh: the state is empty)",
	phaseRefresh: "`terraform plan -detailed-exitcode` with nothing to change (refreshes N resources)",
	phaseChange:  "`terraform apply` after editing N/2 resources (refresh + N/2 updates)",
	phaseDestroy: "`terraform destroy` (refresh + N deletes)",
}

// httpRequest is one request of the HTTP floor.
type httpRequest struct {
	method, path string
	body         []byte
}

// expectation is the request budget of one phase, from the targets: one POST per field
// that changes, at most one list call per kind (agents, teams) per provider process, exactly one
// GET per resource where Terraform refreshes, and nothing else.
type expectation struct {
	conversationGETs int
	posts            int
	maxListsPerKind  int // per provider process
}

// plan returns, for a phase, its expectation and the exact requests the HTTP floor sends: the
// list calls as their own jobs, then one job per conversation (its requests in order).
func plan(w ids, n int, ph phase) (expectation, [][]httpRequest) {
	before, after := assignments(w, n, false), assignments(w, n, true)
	var exp expectation
	var jobs [][]httpRequest
	conv := func(id int64) string { return fmt.Sprintf("/api/v1/accounts/%d/conversations/%d", w.accountID, id) }
	get := func(id int64) httpRequest { return httpRequest{method: http.MethodGet, path: conv(id)} }
	post := func(id int64, body string) httpRequest {
		return httpRequest{method: http.MethodPost, path: conv(id) + "/assignments", body: []byte(body)}
	}
	lists := func() {
		exp.maxListsPerKind = 1
		for _, kind := range []string{"agents", "teams"} {
			jobs = append(jobs, []httpRequest{{method: http.MethodGet, path: fmt.Sprintf("/api/v1/accounts/%d/%s", w.accountID, kind)}})
		}
	}
	// change is one conversation's job: its read, then one POST per field that differs, team
	// first, as the provider sends them.
	change := func(to, from assignment) []httpRequest {
		job := []httpRequest{get(to.ConversationID)}
		if !equalPtr(to.TeamID, from.TeamID) {
			job = append(job, post(to.ConversationID, fmt.Sprintf(`{"team_id":%d}`, *to.TeamID)))
		}
		if !equalPtr(to.AssigneeID, from.AssigneeID) {
			job = append(job, post(to.ConversationID, fmt.Sprintf(`{"assignee_id":%d}`, *to.AssigneeID)))
		}
		exp.posts += len(job) - 1
		return job
	}
	switch ph {
	case phaseApply:
		// The plan checks that each new assignment's conversation exists, one read each in the
		// plan's process and again when the apply's process plans it before applying, then
		// everything is assigned: the change from an empty assignment.
		lists()
		for _, a := range before {
			jobs = append(jobs, append([]httpRequest{get(a.ConversationID)}, change(a, assignment{})...))
		}
		exp.conversationGETs = 2 * n
	case phaseRefresh:
		for _, a := range before {
			jobs = append(jobs, []httpRequest{get(a.ConversationID)})
		}
		exp.conversationGETs = n
	case phaseChange:
		lists()
		for i, a := range after {
			jobs = append(jobs, change(a, before[i]))
		}
		exp.conversationGETs = n
	case phaseDestroy:
		// Terraform's refresh, then the destroy plan and the apply each read the conversation
		// again (they run in provider processes of their own), so that nothing is cleared that a
		// human changed since the state was written.
		for _, a := range after {
			job := []httpRequest{get(a.ConversationID), get(a.ConversationID), get(a.ConversationID)}
			if a.AssigneeID != nil {
				job = append(job, post(a.ConversationID, `{"assignee_id":null}`))
			}
			if a.TeamID != nil {
				job = append(job, post(a.ConversationID, `{"team_id":0}`))
			}
			exp.posts += len(job) - 3
			jobs = append(jobs, job)
		}
		exp.conversationGETs = 3 * n
	}
	return exp, jobs
}

func equalPtr(a, b *int64) bool {
	if a == nil || b == nil {
		return a == b
	}
	return *a == *b
}
