package provider

import (
	"errors"
	"fmt"
	"net/http"

	"github.com/hashicorp/terraform-plugin-framework/diag"

	"github.com/chatwoot-community/terraform-provider-chatwoot/internal/chatwoot"
)

// operation names what the provider was doing when a request failed, for diagnostics:
// action reads as "assigning conversation 42", notFound as "conversation 42".
type operation struct {
	action    string
	accountID int64
	notFound  string
}

// clientErrorDiagnostic turns an error from the Chatwoot client into a diagnostic whose summary
// says what kind of failure it is and whose detail says what failed, what to do, and then the
// original error. Every auth failure is a 401 in Chatwoot; the body says which one (DESIGN.md §1.2).
func clientErrorDiagnostic(op operation, err error) diag.Diagnostic {
	if d, ok := missingTokenDiagnostic(err); ok {
		return d // nothing was sent, so "Chatwoot refused" would mislead
	}
	summary, advice := describeClientError(op, err)
	return diag.NewErrorDiagnostic(summary, fmt.Sprintf("%s %s\n\nOriginal error: %s", failureOpening(op, err), advice, err))
}

// failureOpening is the first sentence of a client error's detail. It names who failed as far as
// the error tells: a request that never reached Chatwoot was not refused by it, and a 500 is a
// failure, not a refusal.
func failureOpening(op operation, err error) string {
	what := op.action
	if op.accountID != 0 {
		what += fmt.Sprintf(" in account %d", op.accountID)
	}
	var apiErr *chatwoot.APIError
	switch {
	case errors.As(err, new(*chatwoot.TransportError)):
		return fmt.Sprintf("The provider could not reach Chatwoot while %s.", what)
	case errors.As(err, new(*chatwoot.DecodeError)):
		return fmt.Sprintf("The provider could not read Chatwoot's answer while %s.", what)
	case errors.As(err, new(*chatwoot.AssignmentMismatchError)):
		return fmt.Sprintf("Chatwoot accepted %s but did not do it.", what)
	case errors.As(err, &apiErr) && apiErr.StatusCode >= 500:
		return fmt.Sprintf("Chatwoot failed while %s.", what)
	}
	return fmt.Sprintf("Chatwoot refused %s.", what)
}

func describeClientError(op operation, err error) (summary, advice string) {
	var apiErr *chatwoot.APIError
	var transportErr *chatwoot.TransportError
	var decodeErr *chatwoot.DecodeError
	var mismatch *chatwoot.AssignmentMismatchError
	switch {
	case errors.As(err, &mismatch):
		return "Chatwoot Did Not Make the Assignment",
			fmt.Sprintf("Check that %s %d still exists in account %d; the conversation's %s may have been cleared by Chatwoot.", mismatch.Kind, mismatch.Sent, mismatch.AccountID, mismatch.Kind)
	case errors.As(err, &apiErr):
		if summary, advice, ok := describeVersionedError(op, err); ok {
			return summary, advice
		}
		switch apiErr.StatusCode {
		case http.StatusUnauthorized:
			return describeAuthProblem(op, apiErr.Auth)
		case http.StatusNotFound:
			if apiErr.WrongAddress() {
				return "Chatwoot API Not Found at base_url",
					fmt.Sprintf("Check base_url. The request %s %s was answered 404, and every Chatwoot has that list, so the "+
						"request did not reach Chatwoot's API. base_url is Chatwoot's own address, with the sub-path Chatwoot is "+
						"served under if there is one, and without /api/v1, which the provider adds.", apiErr.Method, apiErr.URL)
			}
			return notFoundAdvice(op)
		case http.StatusUnprocessableEntity:
			return "Chatwoot Rejected the Request", "Chatwoot's message says which value it did not accept; correct it in the configuration."
		case http.StatusTooManyRequests:
			return "Chatwoot Rate Limit Exceeded",
				"Chatwoot kept answering 429 after the provider's retries. Lower max_requests_per_second or Terraform's -parallelism, or ask the Chatwoot operator to raise RACK_ATTACK_LIMIT."
		case http.StatusPaymentRequired:
			return "Chatwoot Account Limit Exceeded", "The Chatwoot account has reached its plan's limit."
		}
		if apiErr.StatusCode >= 500 {
			return "Chatwoot Server Error",
				"Chatwoot failed while handling the request. The response body below may say why; check Chatwoot's server logs, then run the command again."
		}
		return "Unexpected Chatwoot API Error", "Chatwoot answered with an unexpected status."
	case chatwoot.IsNotFound(err): // a cached list without the id: the same as Chatwoot's 404
		return notFoundAdvice(op)
	case errors.As(err, &transportErr):
		return "Unable to Reach Chatwoot",
			"Check base_url, the network path to Chatwoot (proxies, TLS certificates) and that Chatwoot is running, then run the command again."
	case errors.As(err, &decodeErr):
		return "Unexpected Response from Chatwoot",
			"Chatwoot (or a proxy in front of it) answered with something that is not the JSON Chatwoot's API returns. Check that base_url points at Chatwoot itself."
	}
	return "Chatwoot Request Failed", "See the original error."
}

// notFoundAdvice explains a missing object, whether Chatwoot answered 404 or a cached list lacks it.
func notFoundAdvice(op operation) (summary, advice string) {
	if op.notFound == "" {
		return "Chatwoot Object Not Found",
			fmt.Sprintf("Chatwoot found nothing at the requested address in account %d (or the account itself does not exist). "+
				"Check the ids in the configuration.", op.accountID)
	}
	return "Chatwoot Object Not Found",
		fmt.Sprintf("Chatwoot has no %s in account %d (or the account itself does not exist). Check the ids in the configuration.", op.notFound, op.accountID)
}

func describeAuthProblem(op operation, problem chatwoot.AuthProblem) (summary, advice string) {
	switch problem {
	case chatwoot.AuthTokenMissing:
		return "Chatwoot API Access Token Not Received",
			"Chatwoot received no access token. Set api_access_token in the provider block or the " + EnvAPIAccessToken +
				" environment variable; if a proxy sits in front of Chatwoot, make sure it forwards the Api-Access-Token header."
	case chatwoot.AuthTokenInvalid:
		return "Invalid Chatwoot API Access Token",
			"Chatwoot does not know the access token. Copy it again from Chatwoot (Profile Settings → Access Token); it may have been reset."
	case chatwoot.AuthNotAccountMember:
		return "Not a Member of the Chatwoot Account",
			fmt.Sprintf("The token's user is not a member of account %d. Check account_id, or add the user to that account.", op.accountID)
	case chatwoot.AuthForbidden:
		return "Chatwoot Permission Denied",
			"The token's role may not do this. Configuration changes need an administrator's token; an agent may only work on conversations of inboxes or teams they belong to."
	case chatwoot.AuthBotsNotAllowed:
		return "Agent Bot Tokens Not Allowed",
			"The token belongs to an agent bot or a platform app, which Chatwoot does not allow here. Use the access token of a Chatwoot user."
	case chatwoot.AuthBotNotAuthorized:
		return "Agent Bot Not Authorized for the Account",
			fmt.Sprintf("The agent bot's token does not belong to account %d and the bot is not connected to any of its inboxes. Use a user's token, or a bot of that account.", op.accountID)
	case chatwoot.AuthAccountSuspended:
		return "Chatwoot Account Suspended",
			fmt.Sprintf("Account %d is suspended. A Chatwoot super admin must reactivate it.", op.accountID)
	case chatwoot.AuthInvalidUserIDs:
		return "Invalid Chatwoot User IDs", "Some user ids are not agents of the account."
	case chatwoot.AuthNonPermissible:
		return nonPermissibleSummary, nonPermissibleAdvice
	}
	return "Chatwoot Authorization Failed", "Chatwoot refused the token for this request."
}
