package main

import "testing"

// The assignment workload's budget: one POST per field that changes, and Terraform's reads.
func TestPlan_onePOSTPerChangedField(t *testing.T) {
	const n = 6 // two of each kind: agent (one field), team (one), both (two)
	w := ids{accountID: 1, agent1: 1, agent2: 2, team1: 1, team2: 2, conversations: []int64{1, 2, 3, 4, 5, 6}}
	for _, c := range []struct {
		ph          phase
		posts, gets int
	}{
		{phaseApply, 2 + 2 + 4, 2 * n}, // the plan's check, in the plan's process and the apply's
		{phaseRefresh, 0, n},
		{phaseChange, 3, n}, // the first half: conversations 0 (agent), 1 (team), 2 (both: its agent)
		{phaseDestroy, 2 + 2 + 4, 3 * n},
	} {
		exp, jobs := plan(w, n, c.ph)
		var posts, gets int
		for _, job := range jobs {
			for _, r := range job {
				switch r.method {
				case "POST":
					posts++
				case "GET":
					gets++
				}
			}
		}
		if exp.posts != c.posts || posts != c.posts {
			t.Errorf("%s: %d POSTs expected, %d in the HTTP floor's jobs; want %d", c.ph, exp.posts, posts, c.posts)
		}
		if exp.conversationGETs != c.gets {
			t.Errorf("%s: %d conversation GETs expected, want %d", c.ph, exp.conversationGETs, c.gets)
		}
		if lists := gets - exp.conversationGETs; lists != 2*exp.maxListsPerKind {
			t.Errorf("%s: the jobs hold %d list GETs, want %d", c.ph, lists, 2*exp.maxListsPerKind)
		}
	}
}
