package chatwoot_test

import (
	"context"
	"errors"
	"fmt"
	"strings"
	"testing"
	"time"

	"github.com/chatwoot-community/terraform-provider-chatwoot/internal/chatwoot"
	"github.com/chatwoot-community/terraform-provider-chatwoot/internal/chatwootmock"
	"github.com/chatwoot-community/terraform-provider-chatwoot/internal/fixture"
)

// A base URL with a wrong sub-path makes the lists every Chatwoot has answer 404: that is a wrong
// address, not a missing object, and the error shows the path that was really requested.
func TestListAt404WithWrongSubPathIsAWrongAddressNotAMissingObject(t *testing.T) {
	_, baseURL := chatwootmock.StartTest(t, chatwootmock.Options{PlatformToken: "platform"})
	ctx, cancel := context.WithTimeout(context.Background(), 30*time.Second)
	defer cancel()
	sc, err := fixture.New(baseURL, "platform").Seed(ctx, fixture.SeedOptions{Name: t.Name()})
	if err != nil {
		t.Fatal(err)
	}
	right, err := chatwoot.New(chatwoot.Config{BaseURL: baseURL, Token: sc.AdminToken})
	if err != nil {
		t.Fatal(err)
	}
	wrong, err := chatwoot.New(chatwoot.Config{BaseURL: baseURL + "/api/v1", Token: sc.AdminToken})
	if err != nil {
		t.Fatal(err)
	}
	_, err = wrong.ListTeams(ctx, sc.Account.ID)
	var apiErr *chatwoot.APIError
	if !errors.As(err, &apiErr) || !apiErr.WrongAddress() {
		t.Fatalf("ListTeams through a wrong sub-path: %v; want a 404 that WrongAddress reports", err)
	}
	if chatwoot.IsNotFound(err) {
		t.Error("a wrong address reads as a missing object (IsNotFound)")
	}
	if !strings.Contains(err.Error(), "/api/v1/api/v1/accounts/") || !strings.HasSuffix(apiErr.URL, fmt.Sprintf("/api/v1/api/v1/accounts/%d/teams", sc.Account.ID)) {
		t.Errorf("the error does not show the path requested: %v (URL %q)", err, apiErr.URL)
	}
	// The right address with an account that does not exist is Chatwoot's own 404: not found.
	_, err = right.ListTeams(ctx, sc.Account.ID+1000)
	if !chatwoot.IsNotFound(err) || (errors.As(err, &apiErr) && apiErr.WrongAddress()) {
		t.Errorf("ListTeams of a missing account: %v; want not found, not a wrong address", err)
	}
}
