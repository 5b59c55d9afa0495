package chatwootmock

import (
	"net/http"
	"strings"
)

// macroActionNames are the 16 actions a macro may hold.
var macroActionNames = strings.Fields("send_message add_private_note add_label remove_label assign_team assign_agent " +
	"remove_assigned_agent remove_assigned_team mute_conversation snooze_conversation resolve_conversation change_status " +
	"change_priority send_email_transcript send_webhook_event send_attachment")

var macroVisibilities = []string{"personal", "global"}

func init() {
	const get, post, del = http.MethodGet, http.MethodPost, http.MethodDelete
	routes = append(routes, app(get, "macros", (*Server).listMacros), app(post, "macros", (*Server).createMacro),
		app(get, "macros/:id", (*Server).showMacro), app(del, "macros/:id", (*Server).deleteMacro),
		app(post, "macros/:id/execute", (*Server).executeMacro))
	routes = append(routes, both(app, "macros/:id", (*Server).updateMacro)...)
}

type macro struct {
	id         int64
	accountID  int64
	name       any
	visibility any // "personal", "global", or nil when an administrator sent none
	createdBy  int64
	updatedBy  int64
	actions    any // the raw array as sent, extra keys included
}

// macroJSON renders created_by and updated_by only while those users exist.
func (s *Server) macroJSON(a *account, m *macro) obj {
	o := obj{{"id", m.id}, {"name", m.name}, {"visibility", m.visibility}}
	if u := s.state.users[m.createdBy]; u != nil {
		o = append(o, field{"created_by", s.agentJSON(a, u)})
	}
	if u := s.state.users[m.updatedBy]; u != nil {
		o = append(o, field{"updated_by", s.agentJSON(a, u)})
	}
	return append(o, field{"account_id", m.accountID}, field{"actions", m.actions})
}

func (c *reqCtx) callerID() int64 {
	if c.user == nil {
		return 0
	}
	return c.user.id
}

// listMacros shows every global macro and the caller's own personal ones, by id. A macro whose
// visibility is null is listed for nobody; administrators do not see others' personal macros.
func (s *Server) listMacros(c *reqCtx) error {
	out := []any{}
	for _, m := range c.acct.vocabulary().macros {
		if m.visibility == "global" || (m.visibility == "personal" && m.createdBy == c.callerID()) {
			out = append(out, s.macroJSON(c.acct, m))
		}
	}
	c.ok(obj{{"payload", out}})
	return nil
}

// findMacro is find_by: nil for a missing id, which each action then handles its own way.
func (s *Server) findMacro(c *reqCtx) *macro {
	id, _ := c.pathID("id")
	for _, m := range c.acct.vocabulary().macros {
		if m.id == id {
			return m
		}
	}
	return nil
}

// canReadMacro: a global macro is anyone's; any other only its author's.
func (c *reqCtx) canReadMacro(m *macro) bool {
	return m.visibility == "global" || m.createdBy == c.callerID()
}

// canWriteMacro: a global macro only administrators'; any other only its author's (an agent
// may not change a global macro even if they wrote it).
func (c *reqCtx) canWriteMacro(m *macro) bool {
	if m.visibility == "global" {
		return c.isAdmin()
	}
	return m.createdBy == c.callerID()
}

// showMacro: a missing id is head :not_found (404, empty body).
func (s *Server) showMacro(c *reqCtx) error {
	m := s.findMacro(c)
	if m == nil {
		c.resp = emptyResponse(http.StatusNotFound)
		return nil
	}
	if !c.canReadMacro(m) {
		return notAuthorized()
	}
	c.ok(obj{{"payload", s.macroJSON(c.acct, m)}})
	return nil
}

// macroVisibility is Macro#set_visibility: administrators get what they send (nothing sent is
// null), agents always get personal. ok is false for an unknown value (ArgumentError).
func (c *reqCtx) macroVisibility() (any, bool) {
	if !c.isAdmin() {
		return "personal", true
	}
	v := c.p.get("visibility")
	if v == nil {
		return nil, true
	}
	if n, isNum := jsonInt(v); isNum && n >= 0 && int(n) < len(macroVisibilities) {
		return macroVisibilities[n], true
	}
	str, _ := v.(string)
	if !containsString(macroVisibilities, str) {
		return nil, false
	}
	return str, true
}

// macroActionErrors is the model validation of action names, then the attachment check (the
// mock holds no uploaded files, so any send_attachment is an invalid attachment).
func macroActionErrors(actions any) error {
	list, ok := actions.([]any)
	if !ok {
		return internalError()
	}
	var bad []string
	attachment := false
	for _, raw := range list {
		act, _ := raw.(map[string]any)
		name, _ := strVal(act["action_name"])
		if !containsString(macroActionNames, name) {
			bad = append(bad, name)
		}
		if name == "send_attachment" {
			attachment = true
		}
	}
	if len(bad) > 0 {
		return couldNotCreate(obj{{"actions", []string{"Macro execution actions " + strings.Join(bad, ",") + " not supported."}}})
	}
	if attachment {
		return couldNotCreate("Invalid attachment")
	}
	return nil
}

// createMacro: any member. name and actions are NOT NULL columns without validations: missing,
// they are a 500; actions: [] is valid.
func (s *Server) createMacro(c *reqCtx) error {
	vis, ok := c.macroVisibility()
	if !ok {
		return internalError()
	}
	name, actions := c.p.get("name"), c.p.get("actions")
	if err := macroActionErrors(actions); err != nil {
		return err
	}
	if name == nil {
		return internalError()
	}
	m := &macro{accountID: c.acct.id, name: nullableStr(name), visibility: vis, createdBy: c.callerID(),
		updatedBy: c.callerID(), actions: actions}
	m.id = s.nextID("macros")
	v := c.acct.vocabulary()
	v.macros = append(v.macros, m)
	c.ok(obj{{"payload", s.macroJSON(c.acct, m)}})
	return nil
}

// updateMacro: a missing id is a 500 (nil.assign_attributes). Inside the update transaction a
// failed validation is 422 {"error":{"actions":[…]}} and any other exception (unknown
// visibility, name: null) is rescued into 422 {"error":{}}.
func (s *Server) updateMacro(c *reqCtx) error {
	m := s.findMacro(c)
	if m == nil {
		return internalError()
	}
	if !c.canWriteMacro(m) {
		return notAuthorized()
	}
	next := *m
	if c.p.has("name") {
		if c.p.get("name") == nil {
			return couldNotCreate(obj{})
		}
		next.name = nullableStr(c.p.get("name"))
	}
	vis, ok := c.macroVisibility()
	if !ok {
		return couldNotCreate(obj{})
	}
	next.visibility = vis
	if c.p.has("actions") {
		next.actions = c.p.get("actions")
		if _, isList := next.actions.([]any); !isList {
			return couldNotCreate(obj{})
		}
		if err := macroActionErrors(next.actions); err != nil {
			return err
		}
	}
	next.updatedBy = c.callerID()
	*m = next
	c.ok(obj{{"payload", s.macroJSON(c.acct, m)}})
	return nil
}

// deleteMacro: a missing id is a 500 (nil.destroy!).
func (s *Server) deleteMacro(c *reqCtx) error {
	m := s.findMacro(c)
	if m == nil {
		return internalError()
	}
	if !c.canWriteMacro(m) {
		return notAuthorized()
	}
	v := c.acct.vocabulary()
	kept := v.macros[:0:0]
	for _, x := range v.macros {
		if x.id != m.id {
			kept = append(kept, x)
		}
	}
	v.macros = kept
	c.okEmpty()
	return nil
}

// executeMacro answers 200 with an empty body and runs the actions later, on the conversations
// named by display id (unknown ones skipped). A missing macro is 200 too: the job fails later.
func (s *Server) executeMacro(c *reqCtx) error {
	m := s.findMacro(c)
	if m == nil {
		c.okEmpty()
		return nil
	}
	if !c.canReadMacro(m) {
		return notAuthorized()
	}
	ids, _ := c.p.get("conversation_ids").([]any)
	a := c.acct
	rule := &automationRule{actions: m.actions}
	c.after = append(c.after, func() {
		for _, raw := range ids {
			if id, ok := castInt(raw); ok {
				if cv := a.conversation(id); cv != nil {
					s.applyActions(a, cv, rule)
				}
			}
		}
	})
	c.okEmpty()
	return nil
}
