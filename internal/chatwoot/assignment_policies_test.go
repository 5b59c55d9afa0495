package chatwoot_test

import (
	"context"
	"errors"
	"net/http"
	"net/http/httptest"
	"reflect"
	"strings"
	"testing"
	"time"

	"github.com/chatwoot-community/terraform-provider-chatwoot/internal/chatwoot"
	"github.com/chatwoot-community/terraform-provider-chatwoot/internal/chatwootmock"
	"github.com/chatwoot-community/terraform-provider-chatwoot/internal/fixture"
)

func newV2Env(t *testing.T, version, edition string) *routingEnv {
	t.Helper()
	const platformToken = "v2-platform-token"
	mock, baseURL := chatwootmock.StartTest(t, chatwootmock.Options{PlatformToken: platformToken, ChatwootVersion: version, Edition: edition})
	fx := fixture.New(baseURL, platformToken)
	ctx, cancel := context.WithTimeout(context.Background(), 30*time.Second)
	t.Cleanup(cancel)
	sc, err := fx.Seed(ctx, fixture.SeedOptions{Name: t.Name()})
	if err != nil {
		t.Fatalf("seeding: %v", err)
	}
	admin, err := chatwoot.New(chatwoot.Config{BaseURL: baseURL, Token: sc.AdminToken})
	if err != nil {
		t.Fatal(err)
	}
	return &routingEnv{mock: mock, fixtures: fx, sc: sc, admin: admin, ctx: ctx}
}

func statusOf(err error) int {
	var apiErr *chatwoot.APIError
	if errors.As(err, &apiErr) {
		return apiErr.StatusCode
	}
	return 0
}

func TestAssignmentPolicyLifecycle(t *testing.T) {
	e := newV2Env(t, "4.16.0", "")
	a := e.sc.Account.ID
	p, err := e.admin.CreateAssignmentPolicy(e.ctx, a, chatwoot.AssignmentPolicyFields{Name: ptr("Desk")})
	if err != nil {
		t.Fatal(err)
	}
	if p.ID == 0 || p.Description != nil || p.AssignmentOrder != chatwoot.AssignmentOrderRoundRobin ||
		p.ConversationPriority != chatwoot.ConversationPriorityEarliestCreated ||
		p.FairDistributionLimit != chatwoot.DefaultFairDistributionLimit || p.FairDistributionWindow != chatwoot.DefaultFairDistributionWindow ||
		!p.HasExcludeOlderThanHours || p.ExcludeOlderThanHours == nil || *p.ExcludeOlderThanHours != chatwoot.DefaultExcludeOlderThanHours ||
		!p.Enabled || p.AssignedInboxCount != 0 || p.CreatedAt == 0 {
		t.Fatalf("defaults: %+v", p)
	}
	u, err := e.admin.UpdateAssignmentPolicy(e.ctx, a, p.ID, chatwoot.AssignmentPolicyFields{
		Description: ptr("front line"), ConversationPriority: ptr(chatwoot.ConversationPriorityLongestWaiting),
		FairDistributionLimit: ptr[int64](2), FairDistributionWindow: ptr[int64](600), NoAgeLimit: true, Enabled: ptr(false),
	})
	if err != nil {
		t.Fatal(err)
	}
	if u.Name != "Desk" || u.Description == nil || *u.Description != "front line" || u.ConversationPriority != chatwoot.ConversationPriorityLongestWaiting ||
		u.FairDistributionLimit != 2 || u.FairDistributionWindow != 600 || !u.HasExcludeOlderThanHours || u.ExcludeOlderThanHours != nil || u.Enabled {
		t.Fatalf("update: %+v", u)
	}
	u, err = e.admin.UpdateAssignmentPolicy(e.ctx, a, p.ID, chatwoot.AssignmentPolicyFields{ClearDescription: true, ExcludeOlderThanHours: ptr[int64](12)})
	if err != nil {
		t.Fatal(err)
	}
	if u.Description != nil || u.ExcludeOlderThanHours == nil || *u.ExcludeOlderThanHours != 12 || u.FairDistributionLimit != 2 {
		t.Fatalf("second update: %+v", u)
	}
	got, err := e.admin.GetAssignmentPolicy(e.ctx, a, p.ID)
	if err != nil || !reflect.DeepEqual(got, u) {
		t.Fatalf("get = %+v, %v; want %+v", got, err, u)
	}
	list, err := e.admin.ListAssignmentPolicies(e.ctx, a)
	if err != nil || len(list) != 1 || list[0].ID != p.ID {
		t.Fatalf("list = %+v, %v", list, err)
	}
	if err := e.admin.DeleteAssignmentPolicy(e.ctx, a, p.ID); err != nil {
		t.Fatal(err)
	}
	if _, err := e.admin.GetAssignmentPolicy(e.ctx, a, p.ID); !chatwoot.IsNotFound(err) {
		t.Fatalf("after delete: %v", err)
	}
}

func TestAssignmentPolicyBefore4_16HasNoAgeThreshold(t *testing.T) {
	e := newV2Env(t, "4.15.1", "")
	p, err := e.admin.CreateAssignmentPolicy(e.ctx, e.sc.Account.ID, chatwoot.AssignmentPolicyFields{Name: ptr("Old"), ExcludeOlderThanHours: ptr[int64](5)})
	if err != nil {
		t.Fatal(err)
	}
	if p.HasExcludeOlderThanHours || p.ExcludeOlderThanHours != nil {
		t.Fatalf("4.15.1 has no exclude_older_than_hours: %+v", p)
	}
}

func TestAssignmentPolicyErrors(t *testing.T) {
	e := newV2Env(t, "", chatwootmock.EditionCommunity)
	a := e.sc.Account.ID
	if _, err := e.admin.CreateAssignmentPolicy(e.ctx, a, chatwoot.AssignmentPolicyFields{Name: ptr("Desk")}); err != nil {
		t.Fatal(err)
	}
	_, err := e.admin.CreateAssignmentPolicy(e.ctx, a, chatwoot.AssignmentPolicyFields{Name: ptr("Desk")})
	var apiErr *chatwoot.APIError
	if !chatwoot.IsUnprocessable(err) || !errors.As(err, &apiErr) || apiErr.Message != "Name has already been taken" || !reflect.DeepEqual(apiErr.Attributes, []string{"name"}) {
		t.Fatalf("duplicate name: %v", err)
	}
	for _, f := range []chatwoot.AssignmentPolicyFields{
		{Name: ptr("b"), AssignmentOrder: ptr(chatwoot.AssignmentOrderBalanced)}, // community build
		{Name: ptr("c"), ConversationPriority: ptr("newest")},
	} {
		if _, err := e.admin.CreateAssignmentPolicy(e.ctx, a, f); statusOf(err) != http.StatusInternalServerError {
			t.Fatalf("%+v: want a 500, got %v", f, err)
		}
	}
	if _, err := e.admin.CreateAssignmentPolicy(e.ctx, a, chatwoot.AssignmentPolicyFields{Name: ptr("z"), FairDistributionLimit: ptr[int64](0)}); !chatwoot.IsUnprocessable(err) {
		t.Fatalf("limit 0: %v", err)
	}
}

func TestInboxAssignmentPolicyBinding(t *testing.T) {
	e := newV2Env(t, "", "")
	a, inbox := e.sc.Account.ID, e.sc.Inbox.ID
	if _, err := e.admin.GetInboxAssignmentPolicy(e.ctx, a, inbox); !chatwoot.IsNotFound(err) || !chatwoot.IsPolicyNotBound(err) {
		t.Fatalf("unbound: %v", err)
	}
	if err := e.admin.DeleteInboxAssignmentPolicy(e.ctx, a, inbox); !chatwoot.IsPolicyNotBound(err) {
		t.Fatalf("delete unbound: %v", err)
	}
	if _, err := e.admin.GetInboxAssignmentPolicy(e.ctx, a, 999999); !chatwoot.IsNotFound(err) || chatwoot.IsPolicyNotBound(err) {
		t.Fatalf("unknown inbox: %v", err)
	}
	p1, err := e.admin.CreateAssignmentPolicy(e.ctx, a, chatwoot.AssignmentPolicyFields{Name: ptr("One")})
	if err != nil {
		t.Fatal(err)
	}
	p2, err := e.admin.CreateAssignmentPolicy(e.ctx, a, chatwoot.AssignmentPolicyFields{Name: ptr("Two")})
	if err != nil {
		t.Fatal(err)
	}
	if _, err := e.admin.SetInboxAssignmentPolicy(e.ctx, a, inbox, 999999); !chatwoot.IsNotFound(err) {
		t.Fatalf("unknown policy: %v", err)
	}
	if got, err := e.admin.SetInboxAssignmentPolicy(e.ctx, a, inbox, p1.ID); err != nil || got.ID != p1.ID || got.AssignedInboxCount != 1 {
		t.Fatalf("bind: %+v, %v", got, err)
	}
	if got, err := e.admin.SetInboxAssignmentPolicy(e.ctx, a, inbox, p2.ID); err != nil || got.ID != p2.ID {
		t.Fatalf("replace: %+v, %v", got, err)
	}
	if got, err := e.admin.GetInboxAssignmentPolicy(e.ctx, a, inbox); err != nil || got.ID != p2.ID {
		t.Fatalf("get after replace: %+v, %v", got, err)
	}
	inboxes, err := e.admin.ListAssignmentPolicyInboxes(e.ctx, a, p2.ID)
	if err != nil || len(inboxes) != 1 || inboxes[0].ID != inbox || inboxes[0].Name == "" {
		t.Fatalf("policy inboxes: %+v, %v", inboxes, err)
	}
	if inboxes, err := e.admin.ListAssignmentPolicyInboxes(e.ctx, a, p1.ID); err != nil || len(inboxes) != 0 {
		t.Fatalf("replaced policy's inboxes: %+v, %v", inboxes, err)
	}
	// Deleting the bound policy unbinds the inbox: the binding then reads as not bound.
	if err := e.admin.DeleteAssignmentPolicy(e.ctx, a, p2.ID); err != nil {
		t.Fatal(err)
	}
	if _, err := e.admin.GetInboxAssignmentPolicy(e.ctx, a, inbox); !chatwoot.IsPolicyNotBound(err) {
		t.Fatalf("after the policy's delete: %v", err)
	}
	if _, err := e.admin.SetInboxAssignmentPolicy(e.ctx, a, inbox, p1.ID); err != nil {
		t.Fatal(err)
	}
	if err := e.admin.DeleteInboxAssignmentPolicy(e.ctx, a, inbox); err != nil {
		t.Fatal(err)
	}
	if _, err := e.admin.GetInboxAssignmentPolicy(e.ctx, a, inbox); !chatwoot.IsPolicyNotBound(err) {
		t.Fatalf("after unbinding: %v", err)
	}
}

func TestCapacityPolicyLifecycle(t *testing.T) {
	e := newV2Env(t, "", chatwootmock.EditionEnterprise)
	a, inbox := e.sc.Account.ID, e.sc.Inbox.ID
	rules := chatwoot.CapacityExclusionRules{ExcludeOlderThanHours: ptr[int64](24), ExcludedLabels: []string{"urgent", "spam"}}
	p, err := e.admin.CreateCapacityPolicy(e.ctx, a, chatwoot.CapacityPolicyFields{Name: ptr("Limited"), Description: ptr("d"), ExclusionRules: &rules})
	if err != nil {
		t.Fatal(err)
	}
	if p.Name != "Limited" || p.Description == nil || *p.Description != "d" || !reflect.DeepEqual(p.ExclusionRules, rules) ||
		p.AccountID != a || p.AssignedAgentCount != 0 || len(p.InboxLimits) != 0 {
		t.Fatalf("create: %+v", p)
	}
	u, err := e.admin.UpdateCapacityPolicy(e.ctx, a, p.ID, chatwoot.CapacityPolicyFields{ClearDescription: true, ExclusionRules: &chatwoot.CapacityExclusionRules{}})
	if err != nil {
		t.Fatal(err)
	}
	if u.Description != nil || u.ExclusionRules.ExcludeOlderThanHours != nil || u.ExclusionRules.ExcludedLabels != nil || u.Name != "Limited" {
		t.Fatalf("update replaces the rules: %+v", u)
	}
	if _, err := e.admin.CreateCapacityPolicy(e.ctx, a, chatwoot.CapacityPolicyFields{Name: ptr("")}); !chatwoot.IsUnprocessable(err) {
		t.Fatalf("blank name: %v", err)
	}

	// Inbox limits.
	l, err := e.admin.CreateInboxCapacityLimit(e.ctx, a, p.ID, inbox, 3)
	if err != nil || l.ID == 0 || l.InboxID != inbox || l.ConversationLimit != 3 || l.AgentCapacityPolicyID != p.ID {
		t.Fatalf("create limit: %+v, %v", l, err)
	}
	if _, err := e.admin.CreateInboxCapacityLimit(e.ctx, a, p.ID, inbox, 4); !chatwoot.IsInboxAlreadyLimited(err) {
		t.Fatalf("duplicate inbox: %v", err)
	}
	if _, err := e.admin.CreateInboxCapacityLimit(e.ctx, a, p.ID, 999999, 4); !chatwoot.IsNotFound(err) || chatwoot.IsRouteNotFound(err) {
		t.Fatalf("unknown inbox: %v", err)
	}
	if l2, err := e.admin.UpdateInboxCapacityLimit(e.ctx, a, p.ID, l.ID, 0); err != nil || l2.ConversationLimit != 0 || l2.InboxName != "Fixture API" {
		t.Fatalf("update limit: %+v, %v", l2, err)
	}
	got, err := e.admin.GetCapacityPolicy(e.ctx, a, p.ID)
	if err != nil || len(got.InboxLimits) != 1 || got.InboxLimits[0] != (chatwoot.InboxCapacityLimit{ID: l.ID, InboxID: inbox, ConversationLimit: 0}) {
		t.Fatalf("embedded limits: %+v, %v", got, err)
	}
	if err := e.admin.DeleteInboxCapacityLimit(e.ctx, a, p.ID, l.ID); err != nil {
		t.Fatal(err)
	}
	if err := e.admin.DeleteInboxCapacityLimit(e.ctx, a, p.ID, l.ID); !chatwoot.IsNotFound(err) {
		t.Fatalf("second delete: %v", err)
	}

	// Members: one policy per user.
	other, err := e.admin.CreateCapacityPolicy(e.ctx, a, chatwoot.CapacityPolicyFields{Name: ptr("Other")})
	if err != nil {
		t.Fatal(err)
	}
	m, err := e.admin.AddCapacityPolicyMember(e.ctx, a, p.ID, e.sc.Agent1.ID)
	if err != nil || m.ID != e.sc.Agent1.ID || m.Email != e.sc.Agent1.Email {
		t.Fatalf("add member: %+v, %v", m, err)
	}
	if _, err := e.admin.AddCapacityPolicyMember(e.ctx, a, other.ID, e.sc.Agent1.ID); err != nil {
		t.Fatal(err)
	}
	if ms, err := e.admin.ListCapacityPolicyMembers(e.ctx, a, p.ID); err != nil || len(ms) != 0 {
		t.Fatalf("moved member still listed: %+v, %v", ms, err)
	}
	if ms, err := e.admin.ListCapacityPolicyMembers(e.ctx, a, other.ID); err != nil || len(ms) != 1 || ms[0].ID != e.sc.Agent1.ID {
		t.Fatalf("members: %+v, %v", ms, err)
	}
	if err := e.admin.RemoveCapacityPolicyMember(e.ctx, a, other.ID, e.sc.Agent1.ID); err != nil {
		t.Fatal(err)
	}
	if ms, err := e.admin.ListCapacityPolicyMembers(e.ctx, a, other.ID); err != nil || len(ms) != 0 {
		t.Fatalf("after remove: %+v, %v", ms, err)
	}
	if _, err := e.admin.AddCapacityPolicyMember(e.ctx, a, p.ID, 999999); !chatwoot.IsNotFound(err) {
		t.Fatalf("unknown user: %v", err)
	}

	list, err := e.admin.ListCapacityPolicies(e.ctx, a)
	if err != nil || len(list) != 2 {
		t.Fatalf("list: %+v, %v", list, err)
	}
	if err := e.admin.DeleteCapacityPolicy(e.ctx, a, p.ID); err != nil {
		t.Fatal(err)
	}
	if _, err := e.admin.GetCapacityPolicy(e.ctx, a, p.ID); !chatwoot.IsNotFound(err) || chatwoot.IsRouteNotFound(err) {
		t.Fatalf("after delete: %v", err)
	}
}

func TestCapacityPoliciesOnTheCommunityBuildAreRouteNotFound(t *testing.T) {
	e := newV2Env(t, "", chatwootmock.EditionCommunity)
	_, err := e.admin.ListCapacityPolicies(e.ctx, e.sc.Account.ID)
	if !chatwoot.IsRouteNotFound(err) || !chatwoot.IsNotFound(err) {
		t.Fatalf("community build: %v", err)
	}
}

func TestCapacityPolicyMembersNeverSurfaceAccessTokens(t *testing.T) {
	const secret = "someone-elses-access-token"
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, _ *http.Request) {
		w.Header().Set("Content-Type", "application/json")
		_, _ = w.Write([]byte(`[{"id":"not a number","access_token":"` + secret + `"}]`))
	}))
	t.Cleanup(srv.Close)
	c, err := chatwoot.New(chatwoot.Config{BaseURL: srv.URL, Token: "mine"})
	if err != nil {
		t.Fatal(err)
	}
	_, err = c.ListCapacityPolicyMembers(context.Background(), 1, 2)
	var decodeErr *chatwoot.DecodeError
	if !errors.As(err, &decodeErr) {
		t.Fatalf("want a DecodeError, got %v", err)
	}
	if strings.Contains(err.Error(), secret) || strings.Contains(decodeErr.Snippet, secret) {
		t.Fatalf("the error carries the access token: %v", err)
	}
	if _, ok := reflect.TypeOf(chatwoot.CapacityPolicyMember{}).FieldByName("AccessToken"); ok {
		t.Fatal("CapacityPolicyMember must not hold an access token")
	}
}
