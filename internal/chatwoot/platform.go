package chatwoot

import (
	"bytes"
	"context"
	"crypto/rand"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"net/http"
	"net/url"
	"strconv"
	"time"
)

// The Platform API (/platform/api/v1) manages accounts, users and memberships with a Platform
// App's token, sent in the same header as a user's token. A Platform App may manage only the
// accounts and users it created itself (Chatwoot records a "permissible" row on create); anything
// else is a 401 "Non permissible resource", see IsNonPermissible. A missing id is a 404 with
// Rails' own body, which IsNotFound recognises like any other.
//
// Retries: creating an account or a user is never repeated after an unknown outcome. Updates,
// deletes, membership upserts (a POST that sets a role) and the token read are.

// TokenKind names one of the two tokens a Client can hold.
type TokenKind int

const (
	// TokenAPIAccess is a user's (or agent bot's) access token, for the Application API.
	TokenAPIAccess TokenKind = iota + 1
	// TokenPlatform is a Platform App's token, for the Platform API.
	TokenPlatform
)

// MissingTokenError is a request the Client could not send because the token it needs is not
// configured. Nothing was sent.
type MissingTokenError struct {
	Token        TokenKind
	Method, Path string
}

func (e *MissingTokenError) Error() string {
	if e.Token == TokenPlatform {
		return fmt.Sprintf("%s %s needs a Platform App's access token, and none is configured: a Chatwoot super admin "+
			"creates a Platform App in the Super Admin console (Platform Apps) and copies its access token", e.Method, e.Path)
	}
	return fmt.Sprintf("%s %s needs a user's access token (Chatwoot: Profile Settings, Access Token), and none is configured",
		e.Method, e.Path)
}

// MissingTokenOf reports whether err is a *MissingTokenError, and which token is missing.
func MissingTokenOf(err error) (TokenKind, bool) {
	var e *MissingTokenError
	if errors.As(err, &e) {
		return e.Token, true
	}
	return 0, false
}

func (c *Client) tokenFor(cl call) string {
	if cl.platform {
		return c.platformToken
	}
	return c.token
}

func missingToken(cl call) error {
	kind := TokenAPIAccess
	if cl.platform {
		kind = TokenPlatform
	}
	return &MissingTokenError{Token: kind, Method: cl.method, Path: cl.path}
}

// IsNonPermissible reports whether Chatwoot refused a Platform request because the Platform App
// may not manage that account or user: it did not create it (the Super Admin console, another
// Platform App or a sign-up did). Chatwoot offers no way to grant the permission afterwards,
// except that creating a user with an existing e-mail grants it for that user.
func IsNonPermissible(err error) bool {
	return AuthProblemOf(err) == AuthNonPermissible
}

// ---- accounts ----

// PlatformAccount is the Platform API's account.
type PlatformAccount struct {
	ID     int64  `json:"id"`
	Name   string `json:"name"`
	Locale string `json:"locale"`
	// Domain is nil when never set.
	Domain *string `json:"domain"`
	// SupportEmail falls back to the installation's mailer sender when the account has none, so
	// it is rarely empty.
	SupportEmail *string `json:"support_email"`
	// Features lists the enabled flags only; a disabled flag is absent.
	Features         map[string]bool `json:"features"`
	CustomAttributes LooseObject     `json:"custom_attributes"`
	Limits           LooseObject     `json:"limits"`
	// Status is "active" or "suspended".
	Status string `json:"status"`
}

// PlatformAccountFields are the writable fields of an account. A nil field is not sent, so an
// update changes only what it names. A pointer to "" clears Domain or SupportEmail (sent as
// null; the support e-mail then reads as the installation's default).
//
// Features is a patch: only the flags named change. Limits and CustomAttributes replace the
// stored object as a whole; an empty, non-nil map clears it. Chatwoot answers an unknown
// feature name, locale or status with a 500, and limits other than the numbers inboxes, agents,
// captain_responses, captain_documents and emails with a 422 (Enterprise builds).
type PlatformAccountFields struct {
	Name             *string
	Locale           *string
	Domain           *string
	SupportEmail     *string
	Status           *string
	Features         map[string]bool
	Limits           map[string]any
	CustomAttributes map[string]any
}

// MarshalJSON sends the set fields only, and "" as null for the clearable strings.
func (f PlatformAccountFields) MarshalJSON() ([]byte, error) {
	body := map[string]any{}
	setString(body, "name", f.Name, false)
	setString(body, "locale", f.Locale, false)
	setString(body, "domain", f.Domain, true)
	setString(body, "support_email", f.SupportEmail, true)
	setString(body, "status", f.Status, false)
	if f.Features != nil {
		body["features"] = f.Features
	}
	if f.Limits != nil {
		body["limits"] = f.Limits
	}
	if f.CustomAttributes != nil {
		body["custom_attributes"] = f.CustomAttributes
	}
	return json.Marshal(body)
}

// PlatformCreateAccount creates an account, which the Platform App may then manage. It starts
// with no users, and with the installation's default features plus Fields.Features.
func (c *Client) PlatformCreateAccount(ctx context.Context, fields PlatformAccountFields) (*PlatformAccount, error) {
	return objectOf[PlatformAccount](ctx, c, call{method: http.MethodPost, path: "/platform/api/v1/accounts", body: fields, platform: true})
}

// PlatformGetAccount reads an account.
func (c *Client) PlatformGetAccount(ctx context.Context, accountID int64) (*PlatformAccount, error) {
	return objectOf[PlatformAccount](ctx, c, call{method: http.MethodGet, path: platformPath("/accounts/%d", accountID), idempotent: true, platform: true})
}

// PlatformUpdateAccount changes the fields that are set and returns the account as stored.
func (c *Client) PlatformUpdateAccount(ctx context.Context, accountID int64, fields PlatformAccountFields) (*PlatformAccount, error) {
	return objectOf[PlatformAccount](ctx, c, call{method: http.MethodPatch, path: platformPath("/accounts/%d", accountID), body: fields, idempotent: true, platform: true})
}

// PlatformDeleteAccount asks Chatwoot to delete an account with everything in it. The deletion
// runs later in a background job: until then the account, its users' access and its objects work
// as before. PlatformAwaitAccountDeleted waits for it. The members keep their users.
func (c *Client) PlatformDeleteAccount(ctx context.Context, accountID int64) error {
	_, err := c.do(ctx, call{method: http.MethodDelete, path: platformPath("/accounts/%d", accountID), idempotent: true, platform: true}, nil)
	return err
}

// PlatformAwaitAccountDeleted polls the account until Chatwoot answers 404, within ctx.
func (c *Client) PlatformAwaitAccountDeleted(ctx context.Context, accountID int64) error {
	return c.awaitGone(ctx, func() error {
		_, err := c.PlatformGetAccount(ctx, accountID)
		return err
	})
}

// ---- users ----

// PlatformUser is the Platform API's user, without its access token: read that with
// PlatformUserToken where it is needed, so it does not travel further than that.
type PlatformUser struct {
	ID   int64  `json:"id"`
	Name string `json:"name"`
	// DisplayName is nil when not set; AvailableName is DisplayName when set, otherwise Name.
	DisplayName   *string `json:"display_name"`
	AvailableName string  `json:"available_name"`
	// Email is stored downcased.
	Email     string `json:"email"`
	Confirmed bool   `json:"confirmed"`
	// CustomAttributes is absent from Chatwoot's answer, so nil here, while empty.
	CustomAttributes LooseObject `json:"custom_attributes"`
	// Accounts are the user's memberships in every account of the installation.
	Accounts []PlatformUserAccount `json:"accounts"`
}

// PlatformUserAccount is one membership as the user JSON shows it.
type PlatformUserAccount struct {
	ID   int64  `json:"id"`
	Name string `json:"name"`
	Role string `json:"role"`
}

// PlatformUserFields are the writable fields of a user. A nil field is not sent. A pointer to ""
// clears DisplayName (sent as null). CustomAttributes is merged into the stored object by
// Chatwoot: keys not named keep their values, and a key cannot be removed, only set to null.
// Password must have 6 to 128 characters with an upper-case and a lower-case letter, a digit and
// a special character; Chatwoot answers a weaker one with a 422 on "password".
type PlatformUserFields struct {
	Name             *string
	DisplayName      *string
	Email            *string
	Password         *string
	CustomAttributes map[string]any
}

// MarshalJSON sends the set fields only, and "" as null for DisplayName.
func (f PlatformUserFields) MarshalJSON() ([]byte, error) {
	body := map[string]any{}
	setString(body, "name", f.Name, false)
	setString(body, "display_name", f.DisplayName, true)
	setString(body, "email", f.Email, false)
	setString(body, "password", f.Password, false)
	if f.CustomAttributes != nil {
		body["custom_attributes"] = f.CustomAttributes
	}
	return json.Marshal(body)
}

// UserExistsError is a PlatformCreateUser whose e-mail already belongs to a user. Chatwoot's
// create call is find-or-create by e-mail: it answered with that user (and their access token,
// which the client drops) instead of creating one, and it now lets the Platform App manage them
// and marks them confirmed. Nothing else about the user changed.
type UserExistsError struct {
	Email  string
	UserID int64
}

func (e *UserExistsError) Error() string {
	return fmt.Sprintf("a Chatwoot user with the e-mail %s already exists (user id %d); Chatwoot's Platform API would hand "+
		"back that user instead of creating one, so none was created", e.Email, e.UserID)
}

// PlatformCreateUser creates a user, which the Platform App may then manage, and refuses with
// *UserExistsError when the e-mail is taken: Chatwoot would otherwise hand back that other user.
//
// The Platform API cannot look a user up by e-mail, and its create answers an existing user
// exactly like a new one. But it ignores every field but the e-mail for an existing user, so the
// create is sent with a one-time marker as display_name: the answer carries the marker only if
// this call created the user. The real display name (or none) is set by a second request. If
// that one fails, the created user is returned with the error, and its display name is still
// the marker until the next update.
func (c *Client) PlatformCreateUser(ctx context.Context, fields PlatformUserFields) (*PlatformUser, error) {
	marker, err := createMarker()
	if err != nil {
		return nil, err
	}
	want := fields.DisplayName
	fields.DisplayName = &marker
	u, err := objectOf[PlatformUser](ctx, c, call{method: http.MethodPost, path: "/platform/api/v1/users", body: fields, platform: true, secretBody: true})
	if err != nil {
		return nil, err
	}
	if u.DisplayName == nil || *u.DisplayName != marker {
		return nil, &UserExistsError{Email: u.Email, UserID: u.ID}
	}
	none := ""
	if want == nil {
		want = &none
	}
	updated, err := c.PlatformUpdateUser(ctx, u.ID, PlatformUserFields{DisplayName: want})
	if err != nil {
		return u, fmt.Errorf("user %d was created, but setting its display name failed: %w", u.ID, err)
	}
	return updated, nil
}

// createMarker is a display name no person has.
func createMarker() (string, error) {
	b := make([]byte, 12)
	if _, err := rand.Read(b); err != nil {
		return "", fmt.Errorf("making a one-time marker: %w", err)
	}
	return "terraform-pending-" + hex.EncodeToString(b), nil
}

// PlatformGetUser reads a user.
func (c *Client) PlatformGetUser(ctx context.Context, userID int64) (*PlatformUser, error) {
	return objectOf[PlatformUser](ctx, c, call{method: http.MethodGet, path: platformPath("/users/%d", userID), idempotent: true, platform: true, secretBody: true})
}

// PlatformUpdateUser changes the fields that are set and returns the user as stored. Changing
// the e-mail needs no confirmation; changing the password leaves the access token as it is.
func (c *Client) PlatformUpdateUser(ctx context.Context, userID int64, fields PlatformUserFields) (*PlatformUser, error) {
	return objectOf[PlatformUser](ctx, c, call{method: http.MethodPatch, path: platformPath("/users/%d", userID), body: fields, idempotent: true, platform: true, secretBody: true})
}

// PlatformDeleteUser asks Chatwoot to delete a user everywhere: from every account of the
// installation, not only those of this Platform App. It runs later in a background job; until
// then the user, their token and their memberships work. PlatformAwaitUserDeleted waits for it.
func (c *Client) PlatformDeleteUser(ctx context.Context, userID int64) error {
	_, err := c.do(ctx, call{method: http.MethodDelete, path: platformPath("/users/%d", userID), idempotent: true, platform: true}, nil)
	return err
}

// PlatformAwaitUserDeleted polls the user until Chatwoot answers 404, within ctx.
func (c *Client) PlatformAwaitUserDeleted(ctx context.Context, userID int64) error {
	return c.awaitGone(ctx, func() error {
		_, err := c.PlatformGetUser(ctx, userID)
		return err
	})
}

// PlatformUserToken returns the user's Application API access token. Chatwoot hands back the
// current token and does not rotate it.
func (c *Client) PlatformUserToken(ctx context.Context, userID int64) (string, error) {
	var out struct {
		AccessToken string `json:"access_token"`
	}
	if _, err := c.do(ctx, call{method: http.MethodPost, path: platformPath("/users/%d/token", userID), idempotent: true, platform: true, secretBody: true}, &out); err != nil {
		return "", err
	}
	if out.AccessToken == "" {
		return "", &DecodeError{Method: http.MethodPost, Path: platformPath("/users/%d/token", userID), StatusCode: http.StatusOK,
			Err: errors.New("no access_token in the answer"), Snippet: "[not shown: the answer holds an access token]"}
	}
	return out.AccessToken, nil
}

// ---- account users ----

// PlatformAccountUser is a membership. ID is the membership's own id; use UserID elsewhere.
type PlatformAccountUser struct {
	ID        int64  `json:"id"`
	AccountID int64  `json:"account_id"`
	UserID    int64  `json:"user_id"`
	Role      string `json:"role"`
}

// PlatformListAccountUsers lists every member of the account (not paginated).
func (c *Client) PlatformListAccountUsers(ctx context.Context, accountID int64) ([]PlatformAccountUser, error) {
	return listOf[PlatformAccountUser](ctx, c, call{method: http.MethodGet, path: platformPath("/accounts/%d/account_users", accountID), idempotent: true, platform: true})
}

// PlatformGetAccountUser finds the user's membership in the account; a *NotFoundError (IsNotFound)
// when the user is not a member.
func (c *Client) PlatformGetAccountUser(ctx context.Context, accountID, userID int64) (*PlatformAccountUser, error) {
	members, err := c.PlatformListAccountUsers(ctx, accountID)
	if err != nil {
		return nil, err
	}
	for i := range members {
		if members[i].UserID == userID {
			return &members[i], nil
		}
	}
	return nil, &NotFoundError{Kind: "member", AccountID: accountID, ID: userID}
}

// PlatformUpsertAccountUser makes the user a member of the account with role "agent" or
// "administrator", or changes the role of an existing member; the membership keeps its id. An
// empty role is not sent: a new member becomes an agent, an existing one keeps their role. The
// Platform App needs to manage the account only: any user of the installation can be added.
// Chatwoot answers an unknown user with a 422 ("User must exist") and an unknown role with a 500.
func (c *Client) PlatformUpsertAccountUser(ctx context.Context, accountID, userID int64, role string) (*PlatformAccountUser, error) {
	body := map[string]any{"user_id": userID}
	if role != "" {
		body["role"] = role
	}
	// Repeating the upsert sets the same role again, so it is safe to retry.
	return objectOf[PlatformAccountUser](ctx, c, call{method: http.MethodPost, path: platformPath("/accounts/%d/account_users", accountID), body: body, idempotent: true, platform: true})
}

// PlatformDeleteAccountUser removes the user from the account, at once: their token is refused
// there from the next request (their teams, inboxes and assignments are cleaned up later).
// Removing a non-member succeeds and changes nothing.
func (c *Client) PlatformDeleteAccountUser(ctx context.Context, accountID, userID int64) error {
	q := url.Values{"user_id": {strconv.FormatInt(userID, 10)}}
	_, err := c.do(ctx, call{method: http.MethodDelete, path: platformPath("/accounts/%d/account_users", accountID), query: q, idempotent: true, platform: true}, nil)
	return err
}

// ---- helpers ----

func platformPath(format string, args ...any) string {
	return "/platform/api/v1" + fmt.Sprintf(format, args...)
}

// setString puts *v under key when v is set; with clearable, "" is sent as null.
func setString(body map[string]any, key string, v *string, clearable bool) {
	switch {
	case v == nil:
	case clearable && *v == "":
		body[key] = nil
	default:
		body[key] = *v
	}
}

// awaitGone polls read until it answers 404, waiting a little longer each time (up to 5 s) and
// giving up when ctx ends. Any other error ends the wait.
func (c *Client) awaitGone(ctx context.Context, read func() error) error {
	wait := 250 * time.Millisecond
	for {
		err := read()
		switch {
		case IsNotFound(err):
			return nil
		case err != nil:
			return err
		}
		if serr := c.retry.sleep(ctx, wait); serr != nil {
			return fmt.Errorf("still present when the wait ended: %w", serr)
		}
		wait = min(wait*2, 5*time.Second)
	}
}

// LooseObject is a JSON object of any values. Anything that is not an object (null, or a
// Community build's limits stored as some other JSON value) decodes as nil, that is "none".
type LooseObject map[string]any

// UnmarshalJSON implements json.Unmarshaler.
func (o *LooseObject) UnmarshalJSON(b []byte) error {
	trimmed := bytes.TrimSpace(b)
	if len(trimmed) == 0 || trimmed[0] != '{' {
		*o = nil
		return nil
	}
	var m map[string]any
	if err := json.Unmarshal(trimmed, &m); err != nil {
		return err
	}
	*o = m
	return nil
}
