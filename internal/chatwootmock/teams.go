package chatwootmock

import (
	"strings"
)

var teamColumns = []string{"name", "description", "allow_auto_assign"}

// teamJSON is the team partial used by /teams and conversation meta.team.
func (s *Server) teamJSON(c *reqCtx, t *team) obj {
	o := obj{{"id", t.id}, {"name", t.name}, {"description", t.description}, {"allow_auto_assign", t.allowAutoAssign}}
	if s.versionAtLeast("4.16.0") {
		o = append(o, field{"icon", orEmptyString(t.icon)}, field{"icon_color", orEmptyString(t.iconColor)})
	}
	return append(o, field{"account_id", t.accountID}, field{"is_member", c.user != nil && t.hasMember(c.user.id)})
}

// teamModelJSON is Team#as_json (render json: @team): all columns, ISO timestamps, no is_member.
func (s *Server) teamModelJSON(t *team) obj {
	o := obj{{"id", t.id}, {"name", t.name}, {"description", t.description}, {"allow_auto_assign", t.allowAutoAssign},
		{"account_id", t.accountID}, {"created_at", iso(t.createdAt)}, {"updated_at", iso(t.updatedAt)}}
	if s.versionAtLeast("4.16.0") {
		o = append(o, field{"icon", orEmptyString(t.icon)}, field{"icon_color", orEmptyString(t.iconColor)})
	}
	return o
}

func (s *Server) listTeams(c *reqCtx) error {
	out := []any{}
	for _, id := range c.acct.teamIDs {
		out = append(out, s.teamJSON(c, s.state.teams[id]))
	}
	c.ok(out)
	return nil
}

// fetchTeam runs before authorization in TeamsController and TeamMembersController.
func (s *Server) fetchTeam(c *reqCtx, idVar string) (*team, error) {
	id, ok := c.pathID(idVar)
	t := s.state.accountTeam(c.acct, id)
	if !ok || t == nil {
		return nil, notFound()
	}
	return t, nil
}

func (s *Server) showTeam(c *reqCtx) error {
	t, err := s.fetchTeam(c, "id")
	if err != nil {
		return err
	}
	c.ok(s.teamJSON(c, t))
	return nil
}

func (s *Server) createTeam(c *reqCtx) error {
	if err := c.requireAdmin(); err != nil {
		return err
	}
	body, err := c.p.wrapped("team", s.teamColumns())
	if err != nil {
		return err
	}
	now := s.now()
	t := &team{accountID: c.acct.id, allowAutoAssign: true, createdAt: now, updatedAt: now}
	if err := s.applyTeamParams(c.acct, t, body); err != nil {
		return err
	}
	t.id = s.nextID("teams")
	s.state.teams[t.id] = t
	c.acct.teamIDs = append(c.acct.teamIDs, t.id)
	c.ok(s.teamJSON(c, t))
	return nil
}

func (s *Server) updateTeam(c *reqCtx) error {
	t, err := s.fetchTeam(c, "id")
	if err != nil {
		return err
	}
	if err := c.requireAdmin(); err != nil {
		return err
	}
	body, err := c.p.wrapped("team", s.teamColumns())
	if err != nil {
		return err
	}
	if err := s.applyTeamParams(c.acct, t, body); err != nil {
		return err
	}
	t.updatedAt = s.now()
	c.ok(s.teamJSON(c, t))
	return nil
}

// applyTeamParams validates and assigns; the name is downcased before validation.
func (s *Server) applyTeamParams(a *account, t *team, body map[string]any) error {
	next := *t
	if v, ok := body["name"]; ok {
		name, _ := strVal(v)
		next.name = s.normaliseTeamName(name)
	}
	if v, ok := body["icon"]; ok {
		next.icon = nullableStr(v)
	}
	if v, ok := body["icon_color"]; ok {
		next.iconColor = nullableStr(v)
	}
	if v, ok := body["description"]; ok {
		next.description = nullableStr(v)
	}
	if b, ok := castBool(body["allow_auto_assign"]); ok {
		next.allowAutoAssign = b
	}
	v := &validation{}
	if strings.TrimSpace(next.name) == "" {
		v.add("name", "Name must not be blank")
	} else {
		for _, id := range a.teamIDs {
			if other := s.state.teams[id]; other.id != t.id && other.name == next.name {
				v.add("name", "Name has already been taken")
			}
		}
	}
	v.checkLength("name", "Name", next.name, 255)
	if d, ok := next.description.(string); ok {
		v.checkLength("description", "Description", d, 20000)
	}
	if icon, ok := next.icon.(string); ok {
		v.checkLength("icon", "Icon", icon, 255)
	}
	if color, ok := next.iconColor.(string); ok {
		v.checkLength("icon_color", "Icon color", color, 255)
	}
	if err := v.err(); err != nil {
		return err
	}
	*t = next
	return nil
}

// deleteTeam nullifies conversations' team synchronously; member rows (destroy_async) go at once.
func (s *Server) deleteTeam(c *reqCtx) error {
	t, err := s.fetchTeam(c, "id")
	if err != nil {
		return err
	}
	if err := c.requireAdmin(); err != nil {
		return err
	}
	for _, cv := range c.acct.conversations {
		if cv.teamID == t.id {
			cv.teamID = 0 // update_all: no callbacks, so no assignee side effects
		}
	}
	c.acct.teamIDs = removeID(c.acct.teamIDs, t.id)
	delete(s.state.teams, t.id)
	c.okEmpty()
	return nil
}
