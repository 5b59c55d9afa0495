package chatwoot

import (
	"context"
	"net/http"
)

// Macro is a macro as Chatwoot renders it. Visibility is "global", "personal", or "" when it was
// saved without one (such a macro is listed for nobody). CreatedBy and UpdatedBy are nil once
// those users are gone. Actions use the automation action type; MacroActionNames and
// MacroActionParams say which actions and params a macro takes.
type Macro struct {
	ID         int64              `json:"id"`
	Name       string             `json:"name"`
	Visibility string             `json:"visibility"`
	CreatedBy  *MacroUser         `json:"created_by"`
	UpdatedBy  *MacroUser         `json:"updated_by"`
	AccountID  int64              `json:"account_id"`
	Actions    []AutomationAction `json:"actions"`
}

// MacroUser is the author or last editor of a macro.
type MacroUser struct {
	ID    int64  `json:"id"`
	Name  string `json:"name"`
	Email string `json:"email"`
}

// MacroInput is the body of a create or update. Every field is sent: an administrator's write
// without visibility stores null, and a create without name or actions is a 500.
type MacroInput struct {
	Name       string             `json:"name"`
	Visibility string             `json:"visibility"`
	Actions    []AutomationAction `json:"actions"`
}

// ListMacros returns the global macros and the caller's own personal ones, by id. Nobody,
// administrators included, sees another user's personal macros.
func (c *Client) ListMacros(ctx context.Context, accountID int64) ([]Macro, error) {
	return payloadListOf[Macro](ctx, c, call{method: http.MethodGet, path: accountPath(accountID, "/macros"), idempotent: true})
}

// GetMacro reads a macro: a global one, or the caller's own. An unknown id is a 404 (IsNotFound);
// another user's personal macro is a 401.
func (c *Client) GetMacro(ctx context.Context, accountID, macroID int64) (*Macro, error) {
	return payloadOf[Macro](ctx, c, call{method: http.MethodGet, path: accountPath(accountID, "/macros/%d", macroID), idempotent: true})
}

// CreateMacro creates a macro. Agents always get a personal macro. An action name outside
// MacroActionNames is a 422 naming "actions". Not retried after an unknown outcome.
func (c *Client) CreateMacro(ctx context.Context, accountID int64, in MacroInput) (*Macro, error) {
	defer c.lookups.invalidate(accountID, Macros.Kind) // the cached list is what Read sees
	return payloadOf[Macro](ctx, c, call{method: http.MethodPost, path: accountPath(accountID, "/macros"), body: macroBody(in)})
}

// UpdateMacro replaces a macro's name, visibility and actions: a global macro needs an
// administrator, a personal one its author. An unknown id, which Chatwoot answers with a 500,
// gives *NotFoundError.
func (c *Client) UpdateMacro(ctx context.Context, accountID, macroID int64, in MacroInput) (*Macro, error) {
	defer c.lookups.invalidate(accountID, Macros.Kind)
	m, err := payloadOf[Macro](ctx, c, call{method: http.MethodPatch, path: accountPath(accountID, "/macros/%d", macroID), body: macroBody(in), idempotent: true})
	if err != nil {
		return nil, c.confirmMacroMissing(ctx, accountID, macroID, err)
	}
	return m, nil
}

// DeleteMacro deletes a macro, with the same rights as UpdateMacro. An unknown id gives
// *NotFoundError.
func (c *Client) DeleteMacro(ctx context.Context, accountID, macroID int64) error {
	defer c.lookups.invalidate(accountID, Macros.Kind)
	_, err := c.do(ctx, call{method: http.MethodDelete, path: accountPath(accountID, "/macros/%d", macroID), idempotent: true}, nil)
	if err != nil {
		return c.confirmMacroMissing(ctx, accountID, macroID, err)
	}
	return nil
}

// confirmMacroMissing turns the 500 of an unknown id into *NotFoundError when reading the macro
// answers 404. Anything else is returned as it was.
func (c *Client) confirmMacroMissing(ctx context.Context, accountID, macroID int64, err error) error {
	apiErr, ok := asAPIError(err)
	if !ok || apiErr.StatusCode != http.StatusInternalServerError {
		return err
	}
	if _, getErr := c.GetMacro(ctx, accountID, macroID); IsNotFound(getErr) {
		return &NotFoundError{Kind: "macro", AccountID: accountID, ID: macroID, Cause: err}
	}
	return err
}

func macroBody(in MacroInput) MacroInput {
	if in.Actions == nil {
		in.Actions = []AutomationAction{}
	}
	return in
}
