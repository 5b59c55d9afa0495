package provider

import (
	"errors"
	"strings"
	"testing"

	"github.com/chatwoot-community/terraform-provider-chatwoot/internal/chatwoot"
)

// A client error's detail opens with who failed: a request that never reached Chatwoot, or whose
// answer could not be read, was not refused by Chatwoot, and a 500 is Chatwoot failing.
func TestClientErrorDiagnostic_namesWhoFailed(t *testing.T) {
	op := operation{action: "creating team \"sales\"", accountID: 3}
	for _, tc := range []struct {
		err  error
		want string
	}{
		{&chatwoot.TransportError{Method: "POST", Path: "/api/v1/accounts/3/teams", Err: errors.New("connection refused")},
			`The provider could not reach Chatwoot while creating team "sales" in account 3. Check base_url`},
		{&chatwoot.DecodeError{Method: "POST", Path: "/api/v1/accounts/3/teams", StatusCode: 200, Err: errors.New("not JSON")},
			`The provider could not read Chatwoot's answer while creating team "sales" in account 3.`},
		{&chatwoot.APIError{Method: "POST", Path: "/api/v1/accounts/3/teams", StatusCode: 500},
			`Chatwoot failed while creating team "sales" in account 3.`},
		{&chatwoot.APIError{Method: "POST", Path: "/api/v1/accounts/3/teams", StatusCode: 422, Message: "Name has already been taken"},
			`Chatwoot refused creating team "sales" in account 3. Chatwoot's message says`},
	} {
		if d := clientErrorDiagnostic(op, tc.err).Detail(); !strings.HasPrefix(d, tc.want) {
			t.Errorf("%T %v: detail %q does not open with %q", tc.err, tc.err, d, tc.want)
		}
	}
	if d := clientErrorDiagnostic(operation{action: "reading the profile"}, &chatwoot.APIError{StatusCode: 503}).Detail(); !strings.HasPrefix(d, "Chatwoot failed while reading the profile. ") {
		t.Errorf("without an account: %q", d)
	}
}
