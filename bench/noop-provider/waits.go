package main

import (
	"context"
	"os"
	"sync"
	"time"

	"github.com/hashicorp/terraform-plugin-framework/types"
)

// simulatedLatencyEnv makes the no-op provider wait where the real one would wait for Chatwoot:
// each CRUD call sleeps the latency once per request the real provider sends for it, one after
// another, as it sends them. The runner sets it for its latency runs, so that the floor they are
// compared with is "Terraform, the framework and the waiting", with no HTTP and no code of ours.
const simulatedLatencyEnv = "NOOP_SIMULATED_LATENCY"

var simulatedLatency = func() time.Duration {
	d, err := time.ParseDuration(os.Getenv(simulatedLatencyEnv))
	if err != nil || d < 0 {
		return 0
	}
	return d
}()

// waitRequests sleeps as long as n requests take at the simulated latency (a variable so that
// the tests can count instead).
var waitRequests = sleepRequests

func sleepRequests(ctx context.Context, n int) {
	if simulatedLatency == 0 || n == 0 {
		return
	}
	t := time.NewTimer(time.Duration(n) * simulatedLatency)
	defer t.Stop()
	select {
	case <-t.C:
	case <-ctx.Done():
	}
}

// The real provider lists an account's teams and agents once per process, the first time it
// checks a reference of that kind; callers that arrive meanwhile wait for that list.
var teamsListed, agentsListed sync.Once

func waitForList(ctx context.Context, once *sync.Once) {
	once.Do(func() { waitRequests(ctx, 1) })
}

// set reports whether an optional attribute holds a value.
func set(v types.Int64) bool { return !v.IsNull() && !v.IsUnknown() }

// waitCreate: the team check and POST, then the agent check and POST, as configured.
func waitCreate(ctx context.Context, plan assignmentModel) {
	if set(plan.TeamID) {
		waitForList(ctx, &teamsListed)
		waitRequests(ctx, 1)
	}
	if set(plan.AssigneeID) || set(plan.AgentBotID) {
		waitForList(ctx, &agentsListed)
		waitRequests(ctx, 1)
	}
}

// waitUpdate: a POST per field that changes (a new team sends the agent again), a list where a
// new reference is checked, and a POST per field that is no longer configured.
func waitUpdate(ctx context.Context, plan, prior assignmentModel) {
	teamChanged := set(plan.TeamID) && !plan.TeamID.Equal(prior.TeamID)
	switch {
	case teamChanged:
		waitForList(ctx, &teamsListed)
		waitRequests(ctx, 1)
	case !set(plan.TeamID) && set(prior.TeamID):
		waitRequests(ctx, 1)
	}
	agent, priorAgent := plan.AssigneeID, prior.AssigneeID
	if !set(agent) {
		agent, priorAgent = plan.AgentBotID, prior.AgentBotID
	}
	switch {
	case set(agent) && (teamChanged || !agent.Equal(priorAgent)):
		waitForList(ctx, &agentsListed)
		waitRequests(ctx, 1)
	case !set(plan.AssigneeID) && !set(plan.AgentBotID) && (set(prior.AssigneeID) || set(prior.AgentBotID)):
		waitRequests(ctx, 1)
	}
}

// waitDelete: a POST per field to clear, unless on_destroy keeps them.
func waitDelete(ctx context.Context, state assignmentModel) {
	if state.OnDestroy.ValueString() == "keep" {
		return
	}
	n := 0
	if set(state.AssigneeID) || set(state.AgentBotID) {
		n++
	}
	if set(state.TeamID) {
		n++
	}
	waitRequests(ctx, n)
}
