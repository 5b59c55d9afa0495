package main

import (
	"context"
	"sync"
	"testing"

	"github.com/hashicorp/terraform-plugin-framework/types"
)

// The waits must follow the requests the real resource sends (pinned by its acceptance tests,
// e.g. TestAccConversationAssignment_teamThenAgent and _oneListCallPerKind), or the latency floor
// waits more or less than the provider it is compared with.
func TestWaitsFollowTheRealRequests(t *testing.T) {
	ctx := context.Background()
	id := types.Int64Value
	null := types.Int64Null()
	model := func(assignee, team types.Int64) assignmentModel {
		return assignmentModel{AssigneeID: assignee, AgentBotID: null, TeamID: team, OnDestroy: types.StringValue("unassign")}
	}
	cases := []struct {
		name string
		call func()
		// want is the requests sent: list calls (first use in the process) plus POSTs or GETs.
		want int
	}{
		{"create agent: agents list + POST", func() { waitCreate(ctx, model(id(3), null)) }, 2},
		{"create team: teams list + POST", func() { waitCreate(ctx, model(null, id(1))) }, 2},
		{"create both: two lists + two POSTs", func() { waitCreate(ctx, model(id(3), id(1))) }, 4},
		{"create both, lists already loaded", func() {
			waitCreate(ctx, model(id(3), id(1)))
			counted = 0
			waitCreate(ctx, model(id(4), id(2)))
		}, 2},
		{"read: one GET", func() { waitRequests(ctx, 1) }, 1},
		{"update agent: agents list + POST", func() { waitUpdate(ctx, model(id(4), null), model(id(3), null)) }, 2},
		{"update team of both: team and agent sent again", func() { waitUpdate(ctx, model(id(3), id(2)), model(id(3), id(1))) }, 4},
		{"update agent of both: agent only", func() { waitUpdate(ctx, model(id(4), id(1)), model(id(3), id(1))) }, 2},
		{"remove team: one POST", func() { waitUpdate(ctx, model(id(3), null), model(id(3), id(1))) }, 1},
		{"remove agent: one POST", func() { waitUpdate(ctx, model(null, id(1)), model(id(3), id(1))) }, 1},
		{"no change: nothing", func() { waitUpdate(ctx, model(id(3), id(1)), model(id(3), id(1))) }, 0},
		{"delete both: two POSTs", func() { waitDelete(ctx, model(id(3), id(1))) }, 2},
		{"delete with on_destroy = keep: nothing", func() {
			m := model(id(3), id(1))
			m.OnDestroy = types.StringValue("keep")
			waitDelete(ctx, m)
		}, 0},
	}
	defer func(orig func(context.Context, int)) { waitRequests = orig }(waitRequests)
	waitRequests = func(_ context.Context, n int) { counted += n }
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			counted, teamsListed, agentsListed = 0, sync.Once{}, sync.Once{}
			c.call()
			if counted != c.want {
				t.Errorf("waited for %d requests; the real resource sends %d", counted, c.want)
			}
		})
	}
}

// counted is what the test's waitRequests adds up.
var counted int
