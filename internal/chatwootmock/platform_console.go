package chatwootmock

import (
	"encoding/json"
	"errors"
	"fmt"
	"net/http"
)

// A super admin can create accounts and users in Chatwoot's Super Admin console. Such objects have
// no permissible row for the Platform App, so the Platform API answers them with 401 "Non
// permissible resource". These helpers give tests that situation without a console.

// CreateConsoleAccount creates an account the Platform App may not manage and returns its id.
func (s *Server) CreateConsoleAccount(name string) (int64, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	c, err := s.consoleCtx(map[string]any{"name": name})
	if err != nil {
		return 0, err
	}
	before := s.ids["accounts"]
	if err := s.platformCreateAccount(c); err != nil {
		return 0, fmt.Errorf("chatwootmock: console account: %s", describeAPIError(err))
	}
	id := s.ids["accounts"]
	if id == before {
		return 0, fmt.Errorf("chatwootmock: console account %q was not created", name)
	}
	s.dropPermissible("Account", id)
	return id, nil
}

// CreateConsoleUser creates a confirmed user the Platform App may not manage and returns its id
// and access token.
func (s *Server) CreateConsoleUser(name, email, password string) (id int64, token string, err error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	c, err := s.consoleCtx(map[string]any{"name": name, "email": email, "password": password})
	if err != nil {
		return 0, "", err
	}
	u := &user{customAttributes: map[string]any{}, uiSettings: map[string]any{}, confirmed: true}
	if err := s.applyUserParams(c, u, true); err != nil {
		return 0, "", fmt.Errorf("chatwootmock: console user: %s", describeAPIError(err))
	}
	s.insertUser(u)
	return u.id, u.accessToken, nil
}

// consoleCtx is a request context carrying params, for reusing the Platform handlers' validation.
func (s *Server) consoleCtx(m map[string]any) (*reqCtx, error) {
	r, err := http.NewRequest(http.MethodPost, "/super_admin", http.NoBody)
	if err != nil {
		return nil, err
	}
	return &reqCtx{s: s, r: r, p: params{m: m, json: true}, resp: emptyResponse(http.StatusOK)}, nil
}

// describeAPIError is the status and body Chatwoot would have answered.
func describeAPIError(err error) string {
	var e *apiError
	if !errors.As(err, &e) {
		return err.Error()
	}
	raw, jerr := json.Marshal(e.body)
	if jerr != nil {
		return e.Error()
	}
	return fmt.Sprintf("HTTP %d %s", e.status, raw)
}
