package chatwootmock

import (
	"net/http"
)

// platformApp is the owner of Options.PlatformToken or of one of Options.OtherPlatformTokens.
type platformApp struct{}

// accessToken reads the token the way Chatwoot does: the api_access_token header under either
// spelling (Go canonicalises the case for us). An empty value counts as absent.
func accessToken(r *http.Request) string {
	if v := r.Header.Get("api_access_token"); v != "" {
		return v
	}
	return r.Header.Get("Api-Access-Token")
}

// tokenOwner returns *user, *agentBot, platformApp{} or nil.
func (s *Server) tokenOwner(token string) any {
	if token == "" {
		return nil
	}
	if s.opts.PlatformToken != "" && token == s.opts.PlatformToken || contains(s.opts.OtherPlatformTokens, token) {
		return platformApp{}
	}
	for _, u := range s.state.users {
		if u.accessToken == token {
			return u
		}
	}
	for _, b := range s.state.bots {
		if b.accessToken == token {
			return b
		}
	}
	return nil
}

// authenticate applies DESIGN.md §1 (application), §11.1 (platform) or §11.8 (profile) in Chatwoot's order.
func (s *Server) authenticate(c *reqCtx, rt *route) error {
	if rt.kind == publicAPI {
		return nil
	}
	if c.badBody {
		return &apiError{status: http.StatusBadRequest, body: obj{{"status", 400}, {"error", "Bad Request"}}}
	}
	c.token = accessToken(c.r)
	owner := s.tokenOwner(c.token)

	if rt.kind == platformAPI {
		if _, ok := owner.(platformApp); !ok {
			return unauthorized("Invalid access_token")
		}
		return nil
	}

	// Application API and profile: a missing token falls through to devise_token_auth.
	if c.token == "" {
		return &apiError{status: http.StatusUnauthorized, body: obj{{"errors", []string{"You need to sign in or sign up before continuing."}}}}
	}
	switch o := owner.(type) {
	case nil:
		return unauthorized("Invalid Access Token")
	case platformApp:
		return unauthorized("Access to this endpoint is not authorized for bots")
	case *agentBot:
		if !rt.botAllowed {
			return unauthorized("Access to this endpoint is not authorized for bots")
		}
		c.bot = o
	case *user:
		c.user = o
	}
	if rt.kind == profileAPI {
		return nil
	}
	if s.regression4160(c, rt) {
		return internalError()
	}
	return s.resolveAccount(c)
}

// resolveAccount is EnsureCurrentAccountHelper: find (404), suspended, then membership.
func (s *Server) resolveAccount(c *reqCtx) error {
	id, ok := c.pathID("account_id")
	a := s.state.accounts[id]
	if !ok || a == nil {
		return notFound()
	}
	if a.status != "active" {
		return unauthorized("Account is suspended")
	}
	if c.user != nil {
		c.member = a.member(c.user.id)
		if c.member == nil {
			return unauthorized("You are not authorized to access this account")
		}
	} else if c.bot != nil && !s.botCanAccess(c.bot, a) {
		return unauthorized("Bot is not authorized to access this account")
	}
	if s.apiAccessDenied(a) {
		return apiAccessNotEnabled()
	}
	c.acct = a
	return nil
}

// botCanAccess: the bot belongs to the account or is connected to one of its inboxes.
func (s *Server) botCanAccess(b *agentBot, a *account) bool {
	if b.accountID == a.id {
		return true
	}
	for _, id := range a.inboxIDs {
		if s.state.inboxes[id].agentBotID == b.id {
			return true
		}
	}
	return false
}
