package chatwootmock

import (
	"net/http"
	"sort"
	"time"
)

// The V2 bulk assignment run (AutoAssignment::AssignmentJob), synchronous and deterministic.
// The mock runs it right after the triggering request was rendered (scheduleV2Assignment in
// assignments.go), so the trigger's own response never shows the assignment, and on the
// mock-only periodic job. Binding or editing a policy runs nothing.

const (
	v2BatchSize = 100
	// Without a bound policy Chatwoot limits each agent to 5 assignments per inbox in a
	// sliding 5-minute window and skips conversations inactive for 7 days.
	v2DefaultFairLimit  = 5
	v2DefaultFairWindow = 5 * time.Minute
	v2DefaultAgeHours   = 168
)

// runV2Assignment assigns the inbox's open unassigned conversations and returns how many it
// assigned.
func (s *Server) runV2Assignment(a *account, inboxID int64) int {
	in := s.state.accountInbox(a, inboxID)
	if in == nil || s.state.accounts[a.id] == nil || !a.featureOn("assignment_v2") || !in.enableAutoAssignment {
		return 0
	}
	policy := s.boundPolicy(a, in.id)
	pending := s.v2Selection(a, in, policy)
	if len(s.onlineAmong(a, s.accountMembersOf(a, in))) == 0 {
		return 0
	}
	now := s.now()
	limit, window := int64(v2DefaultFairLimit), v2DefaultFairWindow
	if policy != nil {
		limit, window = policy.fairLimit, time.Duration(policy.fairWindow)*time.Second
	}
	balanced := policy != nil && policy.order == "balanced" && s.enterpriseBuild() && a.featureOn("advanced_assignment")
	capacityOn := s.capacityFilteringOn(a)
	assigned := 0
	for _, cv := range pending {
		if cv.status != "open" || !s.v2Unassigned(cv) {
			continue
		}
		candidates := s.onlineAmong(a, s.accountMembersOf(a, in))
		if t := s.state.accountTeam(a, cv.teamID); cv.teamID != 0 && t != nil {
			if !t.allowAutoAssign {
				continue
			}
			var inTeam []int64
			for _, id := range candidates {
				if t.hasMember(id) {
					inTeam = append(inTeam, id)
				}
			}
			candidates = inTeam
		}
		var allowed []int64
		for _, id := range candidates {
			if s.fairSlotsUsed(a, in.id, id, now) >= limit {
				continue
			}
			if capacityOn && !s.hasCapacity(a, in.id, id) {
				continue
			}
			allowed = append(allowed, id)
		}
		if len(allowed) == 0 {
			continue
		}
		var pick int64
		if balanced {
			pick = s.leastLoaded(a, in.id, allowed)
		} else {
			pick = s.roundRobinPick(a, in, allowed)
		}
		if pick == 0 {
			continue
		}
		cv.assigneeID, cv.assigneeBotID = pick, 0
		cv.updatedAt = now
		s.recordFairSlot(a, in.id, pick, cv.id, now.Add(window))
		assigned++
	}
	return assigned
}

// v2Unassigned is Conversation.unassigned as the bulk run reads it: no human assignee and,
// from 4.17, no agent-bot owner either (before that a bot-owned open conversation could be
// taken and the bot replaced by a human).
func (s *Server) v2Unassigned(cv *conversation) bool {
	return cv.assigneeID == 0 && (cv.assigneeBotID == 0 || !s.versionAtLeast("4.17.0"))
}

// accountMembersOf lists the inbox's members who are still members of the account, in the
// inbox's membership order.
func (s *Server) accountMembersOf(a *account, in *inbox) []int64 {
	var out []int64
	for _, id := range in.memberIDs {
		if a.member(id) != nil {
			out = append(out, id)
		}
	}
	return out
}

// v2Selection is step 2 of a run: the inbox's open unassigned conversations minus the age and
// capacity-policy exclusions, in the policy's priority order, at most 100.
func (s *Server) v2Selection(a *account, in *inbox, policy *assignmentPolicy) []*conversation {
	now := s.now()
	var cutoff *time.Time // conversations last active before it are skipped
	if s.versionAtLeast("4.16.0") {
		hours := int64(v2DefaultAgeHours)
		if policy != nil {
			hours = -1
			if policy.excludeOlderThan != nil {
				hours = *policy.excludeOlderThan
			}
		}
		if hours >= 0 {
			t := now.Add(-time.Duration(hours) * time.Hour)
			cutoff = &t
		}
	}
	var rules map[string]any
	if s.enterpriseBuild() {
		rules = s.inboxExclusionRules(a, in.id)
	}
	var out []*conversation
	for _, cv := range a.conversations {
		if cv.inboxID != in.id || cv.status != "open" || !s.v2Unassigned(cv) {
			continue
		}
		if cutoff != nil && cv.lastActivity.Before(*cutoff) {
			continue
		}
		if rules != nil && s.excludedByRules(cv, rules, now) {
			continue
		}
		out = append(out, cv)
	}
	longestWaiting := policy != nil && policy.priority == "longest_waiting"
	sort.SliceStable(out, func(i, j int) bool {
		x, y := out[i], out[j]
		if longestWaiting && !x.lastActivity.Equal(y.lastActivity) {
			return x.lastActivity.Before(y.lastActivity)
		}
		if !x.createdAt.Equal(y.createdAt) {
			return x.createdAt.Before(y.createdAt)
		}
		return x.id < y.id
	})
	if len(out) > v2BatchSize {
		out = out[:v2BatchSize]
	}
	return out
}

// inboxExclusionRules returns the exclusion rules of the capacity policy owning the inbox's
// first capacity limit (any policy with a limit for it), or nil. They apply without
// advanced_assignment.
func (s *Server) inboxExclusionRules(a *account, inboxID int64) map[string]any {
	var owner *capacityPolicy
	var first int64
	for _, p := range a.assignV2().capacity {
		for _, l := range s.liveLimits(a, p) {
			if l.inboxID == inboxID && (owner == nil || l.id < first) {
				owner, first = p, l.id
			}
		}
	}
	if owner == nil {
		return nil
	}
	return owner.exclusionRules
}

// excludedByRules applies a capacity policy's excluded_labels and exclude_older_than_hours.
// Before 4.16 the age rule compared the creation time, since then the last activity.
func (s *Server) excludedByRules(cv *conversation, rules map[string]any, now time.Time) bool {
	if labels, ok := rules["excluded_labels"].([]any); ok {
		for _, l := range labels {
			if name, ok := strVal(l); ok && containsString(cv.labels, name) {
				return true
			}
		}
	}
	if hours, ok := castInt(rules["exclude_older_than_hours"]); ok && hours > 0 {
		at := cv.lastActivity
		if !s.versionAtLeast("4.16.0") {
			at = cv.createdAt
		}
		if at.Before(now.Add(-time.Duration(hours) * time.Hour)) {
			return true
		}
	}
	return false
}

// fairSlotsUsed counts the agent's live fair-distribution slots in the inbox.
func (s *Server) fairSlotsUsed(a *account, inboxID, userID int64, now time.Time) int64 {
	var n int64
	for _, expiry := range a.assignV2().fair[inboxID][userID] {
		if expiry.After(now) {
			n++
		}
	}
	return n
}

func (s *Server) recordFairSlot(a *account, inboxID, userID, conversationID int64, expiry time.Time) {
	fair := a.assignV2().fair
	if fair[inboxID] == nil {
		fair[inboxID] = map[int64]map[int64]time.Time{}
	}
	if fair[inboxID][userID] == nil {
		fair[inboxID][userID] = map[int64]time.Time{}
	}
	fair[inboxID][userID][conversationID] = expiry
}

// capacityFilteringOn: Enterprise code, advanced_assignment on, and at least one account user
// holding a capacity policy. Otherwise limits are stored but ignored.
func (s *Server) capacityFilteringOn(a *account) bool {
	if !s.enterpriseBuild() || !a.featureOn("advanced_assignment") {
		return false
	}
	for _, m := range a.members {
		if _, ok := m.agentCapacity.(int64); ok {
			return true
		}
	}
	return false
}

// hasCapacity: an agent without a policy, or whose policy has no limit for the inbox, is
// unlimited; otherwise their open conversations in the inbox must be fewer than the limit.
func (s *Server) hasCapacity(a *account, inboxID, userID int64) bool {
	m := a.member(userID)
	if m == nil {
		return false
	}
	pid, ok := m.agentCapacity.(int64)
	if !ok {
		return true
	}
	p := a.assignV2().capacityPolicy(pid)
	if p == nil {
		return true
	}
	for _, l := range s.liveLimits(a, p) {
		if l.inboxID == inboxID {
			return openAssignedIn(a, inboxID, userID) < l.limit
		}
	}
	return true
}

// openAssignedIn counts the open conversations of the inbox assigned to the agent, however
// they were assigned.
func openAssignedIn(a *account, inboxID, userID int64) int64 {
	var n int64
	for _, cv := range a.conversations {
		if cv.inboxID == inboxID && cv.status == "open" && cv.assigneeID == userID {
			n++
		}
	}
	return n
}

// leastLoaded is the balanced selector: fewest open conversations in the inbox, ties to the
// first in membership order. It leaves the round-robin order alone.
func (s *Server) leastLoaded(a *account, inboxID int64, allowed []int64) int64 {
	var best int64
	bestLoad := int64(-1)
	for _, id := range allowed {
		if load := openAssignedIn(a, inboxID, id); bestLoad < 0 || load < bestLoad {
			best, bestLoad = id, load
		}
	}
	return best
}

// periodicAssignment is the mock-only trigger for Chatwoot's 30-minute job: every account with
// assignment_v2, every inbox with a bound policy (the run itself still needs the inbox's
// auto-assignment). It answers the inboxes it ran for and how many conversations it assigned.
func (s *Server) periodicAssignment(c *reqCtx) error {
	inboxes := []int64{}
	assigned := 0
	var ids []int64
	for id := range s.state.accounts {
		ids = append(ids, id)
	}
	sort.Slice(ids, func(i, j int) bool { return ids[i] < ids[j] })
	for _, id := range ids {
		a := s.state.accounts[id]
		if !a.featureOn("assignment_v2") {
			continue
		}
		for _, inboxID := range a.inboxIDs {
			if s.boundPolicy(a, inboxID) == nil {
				continue
			}
			inboxes = append(inboxes, inboxID)
			assigned += s.runV2Assignment(a, inboxID)
		}
	}
	c.ok(obj{{"inboxes", inboxes}, {"assigned", assigned}})
	return nil
}

// advanceClock moves the mock's one clock forward by {"seconds": N}, for fair-distribution
// windows and age cut-offs. It answers the new time.
func (s *Server) advanceClock(c *reqCtx) error {
	n, ok := jsonInt(c.p.get("seconds"))
	if !ok || n < 0 {
		return errorBody(http.StatusUnprocessableEntity, "seconds must be a non-negative integer")
	}
	prev := s.now
	d := time.Duration(n) * time.Second
	s.now = func() time.Time { return prev().Add(d) }
	c.ok(obj{{"now", iso(s.now())}})
	return nil
}

// MockEndpoints lists the mock-only endpoints (authenticated with the platform token), for the
// program's help text.
var MockEndpoints = []string{
	"POST /__mock/jobs/periodic_assignment  run Chatwoot's periodic V2 assignment job now",
	`POST /__mock/clock/advance {"seconds":N}  move the mock's clock forward`,
}

func init() {
	mock := func(pattern string, h func(*Server, *reqCtx) error) route {
		return route{method: http.MethodPost, pattern: split(pattern), kind: platformAPI, handler: h}
	}
	routes = append(routes, mock("__mock/jobs/periodic_assignment", (*Server).periodicAssignment),
		mock("__mock/clock/advance", (*Server).advanceClock))
}
