package chatwoot

import (
	"errors"
	"fmt"
	"net/http"
	"testing"
)

// Every auth failure is a 401; only the body tells them apart (DESIGN.md §1.2, §6.3, §11.1).
func TestNewAPIErrorClassifiesEvery401Body(t *testing.T) {
	t.Parallel()
	cases := []struct {
		body string
		want AuthProblem
	}{
		{`{"errors":["You need to sign in or sign up before continuing."]}`, AuthTokenMissing},
		{`{"error":"Invalid Access Token"}`, AuthTokenInvalid},
		{`{"error":"Invalid access_token"}`, AuthTokenInvalid},
		{`{"error":"Access to this endpoint is not authorized for bots"}`, AuthBotsNotAllowed},
		{`{"error":"You are not authorized to access this account"}`, AuthNotAccountMember},
		{`{"error":"Bot is not authorized to access this account"}`, AuthBotNotAuthorized},
		{`{"error":"Account is suspended"}`, AuthAccountSuspended},
		{`{"error":"You are not authorized to do this action"}`, AuthForbidden},
		{`{"error":"Invalid User IDs"}`, AuthInvalidUserIDs},
		{`{"error":"Non permissible resource"}`, AuthNonPermissible},
		{`{"error":"Something new"}`, AuthUnknown},
		{`<html>401</html>`, AuthUnknown},
	}
	for _, tc := range cases {
		err := newAPIError(http.MethodGet, "/api/v1/profile", http.StatusUnauthorized, []byte(tc.body))
		if err.Auth != tc.want {
			t.Errorf("body %s: got %v, want %v", tc.body, err.Auth, tc.want)
		}
		if !IsUnauthorized(fmt.Errorf("wrapped: %w", err)) {
			t.Errorf("IsUnauthorized does not see through wrapping")
		}
	}
}

// Chatwoot's error bodies come in four shapes (DESIGN.md §2); the message is taken from each.
func TestNewAPIErrorReadsEveryErrorShape(t *testing.T) {
	t.Parallel()
	cases := []struct {
		status    int
		body      string
		wantMsg   string
		wantAttrs []string
	}{
		{404, `{"error":"Resource could not be found"}`, "Resource could not be found", nil},
		{422, `{"message":"Name has already been taken","attributes":["name"]}`, "Name has already been taken", []string{"name"}},
		{422, `{"error":{"conditions":["Automation conditions foo not supported."]}}`, "Automation conditions foo not supported.", []string{"conditions"}},
		{422, `{"error":"param is missing or the value is empty: team"}`, "param is missing or the value is empty: team", nil},
		{500, `{"status":500,"error":"Internal Server Error"}`, "Internal Server Error", nil},
		{429, "Retry later\n", "", nil},
	}
	for _, tc := range cases {
		err := newAPIError(http.MethodPost, "/api/v1/accounts/1/teams", tc.status, []byte(tc.body))
		if err.Message != tc.wantMsg || fmt.Sprint(err.Attributes) != fmt.Sprint(tc.wantAttrs) {
			t.Errorf("%d %s: got %q %v, want %q %v", tc.status, tc.body, err.Message, err.Attributes, tc.wantMsg, tc.wantAttrs)
		}
		if err.Auth != AuthNone {
			t.Errorf("%d: a non-401 has an auth problem %v", tc.status, err.Auth)
		}
	}
	rl := newAPIError(http.MethodGet, "/x", 429, []byte("Retry later\n"))
	if !IsRateLimited(rl) || rl.Error() != "GET /x: HTTP 429: Retry later" {
		t.Errorf("429 error = %q", rl.Error())
	}
	if IsNotFound(errors.New("404")) {
		t.Error("a plain error is not a 404")
	}
}

// One signal for "no such object": a 404, a miss in a cached list and an automation rule whose
// absence the list confirmed all satisfy IsNotFound, and nothing else does.
func TestIsNotFound_oneSignalForEveryAbsence(t *testing.T) {
	server500 := newAPIError("GET", "/api/v1/accounts/1/automation_rules/9", http.StatusInternalServerError, nil)
	cases := []struct {
		name string
		err  error
		want bool
	}{
		{"404", newAPIError("GET", "/api/v1/accounts/1/teams/9", http.StatusNotFound, nil), true},
		{"wrapped 404", fmt.Errorf("reading: %w", newAPIError("GET", "/x", http.StatusNotFound, nil)), true},
		{"list miss", &NotFoundError{Kind: "team", AccountID: 1, ID: 9}, true},
		{"rule confirmed absent", &NotFoundError{Kind: "automation rule", AccountID: 1, ID: 9, Cause: server500}, true},
		{"500", server500, false},
		{"422", newAPIError("POST", "/x", http.StatusUnprocessableEntity, nil), false},
		{"nil", nil, false},
	}
	for _, c := range cases {
		if got := IsNotFound(c.err); got != c.want {
			t.Errorf("%s: IsNotFound(%v) = %v, want %v", c.name, c.err, got, c.want)
		}
		if got := errors.Is(c.err, ErrNotFound); got != c.want {
			t.Errorf("%s: errors.Is(err, ErrNotFound) = %v, want %v", c.name, got, c.want)
		}
	}
}
