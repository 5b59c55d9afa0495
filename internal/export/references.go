package export

import (
	"context"
	"errors"
	"fmt"
	"sort"
	"strings"

	"github.com/chatwoot-community/terraform-provider-chatwoot/internal/chatwoot"
)

// The account's lists that several kinds read, each read once per export, and the references to
// their objects: the exported resource when there is one, otherwise a data source that finds the
// object by name or email. Never a literal id.

func (s *Session) teams(ctx context.Context) ([]chatwoot.Team, error) {
	return list(ctx, s, "teams", func(ctx context.Context, a int64) ([]chatwoot.Team, error) { return s.client.ListTeams(ctx, a) })
}

func (s *Session) agents(ctx context.Context) ([]chatwoot.Agent, error) {
	return list(ctx, s, "agents", func(ctx context.Context, a int64) ([]chatwoot.Agent, error) { return s.client.ListAgents(ctx, a) })
}

func (s *Session) inboxes(ctx context.Context) ([]chatwoot.Inbox, error) {
	return list(ctx, s, "inboxes", func(ctx context.Context, a int64) ([]chatwoot.Inbox, error) { return s.client.ListInboxes(ctx, a) })
}

// teamNames names teams after their names: chatwoot_team.billing.
func (s *Session) teamNames(ctx context.Context) (map[int64]string, map[int64]*chatwoot.Team, error) {
	teams, err := s.teams(ctx)
	if err != nil {
		return nil, nil, err
	}
	byID := map[int64]*chatwoot.Team{}
	ids := make([]int64, 0, len(teams))
	for i := range teams {
		byID[teams[i].ID] = &teams[i]
		ids = append(ids, teams[i].ID)
	}
	return s.Names("team", ids, func(id int64) string { return byID[id].Name }), byID, nil
}

// agentNames names agents after the part of their email before the @: chatwoot_agent.alice.
func (s *Session) agentNames(ctx context.Context) (map[int64]string, map[int64]*chatwoot.Agent, error) {
	agents, err := s.agents(ctx)
	if err != nil {
		return nil, nil, err
	}
	byID := map[int64]*chatwoot.Agent{}
	ids := make([]int64, 0, len(agents))
	for i := range agents {
		byID[agents[i].ID] = &agents[i]
		ids = append(ids, agents[i].ID)
	}
	return s.Names("agent", ids, func(id int64) string {
		local, _, _ := strings.Cut(byID[id].Email, "@")
		return local
	}), byID, nil
}

// inboxNames names inboxes after their names.
func (s *Session) inboxNames(ctx context.Context) (map[int64]string, map[int64]*chatwoot.Inbox, error) {
	inboxes, err := s.inboxes(ctx)
	if err != nil {
		return nil, nil, err
	}
	byID := map[int64]*chatwoot.Inbox{}
	ids := make([]int64, 0, len(inboxes))
	for i := range inboxes {
		byID[inboxes[i].ID] = &inboxes[i]
		ids = append(ids, inboxes[i].ID)
	}
	return s.Names("inbox", ids, func(id int64) string { return byID[id].Name }), byID, nil
}

// refusalError says why an object cannot be represented: the export refuses it and goes on.
// Any other error stops the export.
type refusalError struct{ reason string }

func (e *refusalError) Error() string { return e.reason }

func refuseBecause(format string, args ...any) error {
	return &refusalError{fmt.Sprintf(format, args...)}
}

func unresolved(what string, id int64) error {
	return refuseBecause("it names %s %d, which is not in the account", what, id)
}

// TeamRef is chatwoot_team.<name>.team_id, or data.chatwoot_team.<name>.id.
func (s *Session) TeamRef(ctx context.Context, id int64) (Expr, error) {
	if r, ok := s.Exported("team", id); ok {
		return r, nil
	}
	names, byID, err := s.teamNames(ctx)
	if err != nil {
		return nil, err
	}
	t := byID[id]
	if t == nil {
		return nil, unresolved("team", id)
	}
	return s.Lookup("chatwoot_team", names[id], "id", Attr{"name", String(t.Name)}), nil
}

// AgentRef is chatwoot_agent.<name>.user_id, or data.chatwoot_agent.<name>.id (for the token's
// own user, and for agents when agents are not exported).
func (s *Session) AgentRef(ctx context.Context, id int64) (Expr, error) {
	if r, ok := s.Exported("agent", id); ok {
		return r, nil
	}
	names, byID, err := s.agentNames(ctx)
	if err != nil {
		return nil, err
	}
	a := byID[id]
	if a == nil {
		return nil, unresolved("agent", id)
	}
	return s.Lookup("chatwoot_agent", names[id], "id", Attr{"email", String(a.Email)}), nil
}

// InboxRef is chatwoot_inbox.<name>.inbox_id, or data.chatwoot_inbox.<name>.id for an inbox not
// exported (another channel, or inboxes outside -types): the data source finds inboxes by name; an
// exact match wins, so two inboxes with the same name cannot be told apart and the referring
// object is refused.
func (s *Session) InboxRef(ctx context.Context, id int64) (Expr, error) {
	if r, ok := s.Exported("inbox", id); ok {
		return r, nil
	}
	names, byID, err := s.inboxNames(ctx)
	if err != nil {
		return nil, err
	}
	in := byID[id]
	if in == nil {
		return nil, unresolved("inbox", id)
	}
	inboxes, _ := s.inboxes(ctx) // in the order Chatwoot lists them, for a stable message
	for _, other := range inboxes {
		if other.ID != id && other.Name == in.Name {
			return nil, refuseBecause("inbox %d shares its name %q with inbox %d, so the chatwoot_inbox data source cannot tell them apart", id, in.Name, other.ID)
		}
	}
	return s.Lookup("chatwoot_inbox", names[id], "id", Attr{"name", String(in.Name)}), nil
}

// refuseOr records err as the object's refusal when it is one, and returns any other error.
func (s *Session) refuseOr(k *Kind, object string, err error) error {
	var r *refusalError
	if errors.As(err, &r) {
		s.Refuse(k, object, r.reason)
		return nil
	}
	return err
}

// agentRefs are the references to the agents with the ids, in the order of the ids.
func (s *Session) agentRefs(ctx context.Context, ids []int64) (List, error) {
	sorted := append([]int64(nil), ids...)
	sort.Slice(sorted, func(i, j int) bool { return sorted[i] < sorted[j] })
	refs := make(List, 0, len(sorted))
	for _, id := range sorted {
		r, err := s.AgentRef(ctx, id)
		if err != nil {
			return nil, err
		}
		refs = append(refs, r)
	}
	return refs, nil
}

// LabelRef is chatwoot_label.<name>.title for a label this export writes. Rules and macros name
// labels by title, so a title without an exported label stays the title itself (a name, not an
// id); no request is sent when labels are not exported.
func (s *Session) LabelRef(ctx context.Context, title string) (Expr, error) {
	if len(s.emitted[labelKind.Name]) == 0 {
		return String(title), nil
	}
	labels, err := s.labels(ctx)
	if err != nil {
		return nil, err
	}
	for _, l := range labels {
		if r, ok := s.Exported(labelKind.Name, l.ID); ok && l.Title == title {
			return r, nil
		}
	}
	return String(title), nil
}

// SLAPolicyRef is chatwoot_sla_policy.<name>.sla_policy_id. No data source finds SLA policies, so
// a rule that names one is exported only with the policies.
func (s *Session) SLAPolicyRef(id int64) (Expr, error) {
	if r, ok := s.Exported(slaPolicyKind.Name, id); ok {
		return r, nil
	}
	if _, read := s.lists[slaPolicyKind.Name]; read {
		return nil, unresolved("SLA policy", id)
	}
	return nil, refuseBecause("it names SLA policy %d, and SLA policies were not exported (no data source finds them: add sla_policy to -types)", id)
}
