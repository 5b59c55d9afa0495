package chatwootmock

import (
	"context"
	"fmt"
	"slices"
	"strings"
	"testing"

	"github.com/chatwoot-community/terraform-provider-chatwoot/internal/fixture"
)

// newVersionHarness starts a mock imitating one Chatwoot release and build.
func newVersionHarness(t *testing.T, opts Options) *harness {
	t.Helper()
	opts.PlatformToken = testPlatformToken
	srv, base := StartTest(t, opts)
	return &harness{t: t, srv: srv, base: base, fx: fixture.New(base, testPlatformToken)}
}

// versionCase is one side of a version threshold.
type versionCase struct {
	version string
	changed bool // the newer behaviour applies
}

// sides lists the oldest version, the last before threshold, the threshold and the newest.
func sides(threshold string) []versionCase {
	var out []versionCase
	for i, v := range SupportedChatwootVersions {
		newer := compareVersions(v, threshold) >= 0
		next := i+1 < len(SupportedChatwootVersions) && compareVersions(SupportedChatwootVersions[i+1], threshold) >= 0
		if i == 0 || i == len(SupportedChatwootVersions)-1 || v == threshold || (!newer && next) {
			out = append(out, versionCase{v, newer})
		}
	}
	return out
}

func TestAPIVersionEndpointAnswersTheImitatedVersionWithoutToken(t *testing.T) {
	for _, v := range SupportedChatwootVersions {
		t.Run(v, func(t *testing.T) {
			h := newVersionHarness(t, Options{ChatwootVersion: v})
			for _, token := range []string{"", "bogus"} {
				r := h.call("GET", "/api", token, nil)
				r.expect(t, 200, "")
				if got := keysOf(t, r.body); !slices.Equal(got, []string{"version", "timestamp", "queue_services", "data_services"}) {
					t.Fatalf("keys = %v", got)
				}
				if got := r.obj(t)["version"]; got != v {
					t.Fatalf("version = %v, want %s", got, v)
				}
			}
		})
	}
	h := newHarness(t)
	if got := h.call("GET", "/api", "", nil).obj(t)["version"]; got != DefaultChatwootVersion {
		t.Fatalf("default version = %v", got)
	}
}

func TestAccountShowListsEnabledFeaturesToAnyMemberAndHidesAccountFromOthers(t *testing.T) {
	for _, ed := range Editions {
		t.Run(ed, func(t *testing.T) {
			h := newVersionHarness(t, Options{Edition: ed})
			sc := h.seed(fixture.SeedOptions{Features: map[string]bool{"sla": true, "assignment_v2": false}})
			path := fmt.Sprintf("/api/v1/accounts/%d", sc.Account.ID)
			r := h.call("GET", path, sc.Agent1.AccessToken, nil)
			r.expect(t, 200, "")
			body := r.obj(t)
			features := asObj(t, body["features"])
			if features["sla"] != true || features["labels"] != true {
				t.Fatalf("features = %v", features)
			}
			if _, ok := features["assignment_v2"]; ok {
				t.Fatalf("a disabled flag must be absent: %v", features)
			}
			if body["name"] != sc.Account.Name || body["locale"] != "en" {
				t.Fatalf("body = %v", body)
			}
			_, hasSubscribed := body["subscribed_features"]
			if hasSubscribed != (ed == EditionEnterprise) {
				t.Fatalf("subscribed_features present = %v on %s", hasSubscribed, ed)
			}
			other := h.seed(fixture.SeedOptions{})
			h.call("GET", path, other.AdminToken, nil).expect(t, 404, `{"error":"Resource could not be found"}`)
			h.call("GET", path, sc.Bot.AccessToken, nil).expect(t, 401, `{"error":"Access to this endpoint is not authorized for bots"}`)
			h.call("GET", path, "", nil).expect(t, 401, "")
		})
	}
}

func TestFeatureFlagListFollowsTheVersion(t *testing.T) {
	cases := []struct {
		flag     string
		from     string // first version that knows it; "" = only before 4.16.0
		default_ bool
	}{
		{"api_and_webhooks", "4.16.0", true},
		{"branded_email_templates", "4.16.0", false},
		{"delayed_automations", "4.17.0", false},
		{"quoted_email_reply", "", false},
		{"insert_article_in_reply", "", false},
	}
	for _, v := range SupportedChatwootVersions {
		h := newVersionHarness(t, Options{ChatwootVersion: v})
		for _, tc := range cases {
			known := (tc.from == "" && compareVersions(v, "4.16.0") < 0) || (tc.from != "" && compareVersions(v, tc.from) >= 0)
			t.Run(v+"/"+tc.flag, func(t *testing.T) {
				_, err := h.fx.CreateAccount(context.Background(), "f", map[string]bool{tc.flag: true})
				if known != (err == nil) {
					t.Fatalf("create with %s on %s: err = %v, want known=%v", tc.flag, v, err, known)
				}
				if !known {
					return
				}
				sc := h.seed(fixture.SeedOptions{})
				features := asObj(t, h.call("GET", fmt.Sprintf("/api/v1/accounts/%d", sc.Account.ID), sc.AdminToken, nil).obj(t)["features"])
				if _, on := features[tc.flag]; on != tc.default_ {
					t.Fatalf("%s on by default = %v, want %v", tc.flag, on, tc.default_)
				}
			})
		}
	}
}

func TestCloudAPIAccessGate(t *testing.T) {
	for _, vc := range sides("4.16.0") {
		for _, cloud := range []bool{false, true} {
			t.Run(fmt.Sprintf("%s/cloud=%v", vc.version, cloud), func(t *testing.T) {
				h := newVersionHarness(t, Options{ChatwootVersion: vc.version, Cloud: cloud})
				sc := h.seed(fixture.SeedOptions{})
				if vc.changed {
					// Switched off after seeding, which itself needs API access.
					h.call("PATCH", fmt.Sprintf("/platform/api/v1/accounts/%d", sc.Account.ID), testPlatformToken,
						map[string]any{"features": map[string]any{"api_and_webhooks": false}}).expect(t, 200, "")
				}
				gated := cloud && vc.changed
				want := 200
				if gated {
					want = 403
				}
				for _, path := range []string{acctPath(sc, "teams"), fmt.Sprintf("/api/v1/accounts/%d", sc.Account.ID)} {
					r := h.call("GET", path, sc.AdminToken, nil)
					if r.status != want {
						t.Fatalf("%s: %d %s, want %d", path, r.status, r.body, want)
					}
					if gated && string(r.body) != `{"error":"API access is not enabled for this account"}` {
						t.Fatalf("body %s", r.body)
					}
				}
				prof := h.call("GET", "/api/v1/profile", sc.AdminToken, nil).obj(t)
				if tok := prof["access_token"]; (tok == "") != gated {
					t.Fatalf("profile access_token %q, gated %v", tok, gated)
				}
				acct := asObj(t, asArr(t, prof["accounts"])[0])
				if _, has := acct["api_and_webhooks"]; has != vc.changed {
					t.Fatalf("accounts[].api_and_webhooks present = %v", has)
				}
			})
		}
	}
}

func TestAgentBotsAndLabels500OnlyOn4160(t *testing.T) {
	for _, v := range SupportedChatwootVersions {
		t.Run(v, func(t *testing.T) {
			h := newVersionHarness(t, Options{ChatwootVersion: v})
			sc := h.seed(fixture.SeedOptions{})
			for _, p := range []string{"agent_bots", "labels"} {
				r := h.call("GET", acctPath(sc, "%s", p), sc.AdminToken, nil)
				if v == "4.16.0" {
					r.expect(t, 500, `{"status":500,"error":"Internal Server Error"}`)
					// Even an unknown account: the bug runs before the account lookup.
					h.call("GET", fmt.Sprintf("/api/v1/accounts/999999/%s", p), sc.AdminToken, nil).expect(t, 500, "")
				} else {
					r.expect(t, 200, "")
				}
			}
			h.call("GET", acctPath(sc, "teams"), sc.AdminToken, nil).expect(t, 200, "")
		})
	}
}

func TestAgentBotTokenForAdministratorsOnlyFrom4160(t *testing.T) {
	for _, vc := range sides("4.16.0") {
		if vc.version == "4.16.0" {
			vc.version = "4.16.1" // 4.16.0 answers 500 on /agent_bots
		}
		t.Run(vc.version, func(t *testing.T) {
			h := newVersionHarness(t, Options{ChatwootVersion: vc.version})
			sc := h.seed(fixture.SeedOptions{})
			for _, who := range []struct {
				token string
				admin bool
			}{{sc.AdminToken, true}, {sc.Agent1.AccessToken, false}} {
				r := h.call("GET", acctPath(sc, "agent_bots/%d", sc.Bot.ID), who.token, nil)
				r.expect(t, 200, "")
				_, has := r.obj(t)["access_token"]
				if want := who.admin || !vc.changed; has != want {
					t.Fatalf("admin=%v: access_token present %v, want %v", who.admin, has, want)
				}
			}
		})
	}
}

func TestTeamNameNormalisationAndIcons(t *testing.T) {
	for _, vc := range sides("4.16.0") {
		t.Run(vc.version, func(t *testing.T) {
			h := newVersionHarness(t, Options{ChatwootVersion: vc.version})
			sc := h.seed(fixture.SeedOptions{Conversations: 1})
			r := h.call("POST", acctPath(sc, "teams"), sc.AdminToken,
				map[string]any{"name": "  Su\npport\t", "icon": "headset", "icon_color": "#ff0000"})
			r.expect(t, 200, "")
			team := r.obj(t)
			wantName := "  su\npport\t"
			wantKeys := []string{"id", "name", "description", "allow_auto_assign", "account_id", "is_member"}
			if vc.changed {
				wantName = "support"
				wantKeys = []string{"id", "name", "description", "allow_auto_assign", "icon", "icon_color", "account_id", "is_member"}
			}
			if team["name"] != wantName {
				t.Fatalf("name = %q, want %q", team["name"], wantName)
			}
			if got := keysOf(t, r.body); !slices.Equal(got, wantKeys) {
				t.Fatalf("keys = %v, want %v", got, wantKeys)
			}
			if vc.changed && (team["icon"] != "headset" || team["icon_color"] != "#ff0000") {
				t.Fatalf("icons = %v", team)
			}
			blank := h.call("POST", acctPath(sc, "teams"), sc.AdminToken, map[string]any{"name": "\n\x01"})
			if vc.changed {
				blank.expect(t, 422, `{"message":"Name must not be blank","attributes":["name"]}`)
			} else {
				blank.expect(t, 200, "")
			}
			// The conversation assignment answers Team#as_json, which gains the icons too.
			a := h.call("POST", acctPath(sc, "conversations/%d/assignments", sc.Conversations[0].ID), sc.AdminToken,
				map[string]any{"team_id": num(team["id"])})
			a.expect(t, 200, "")
			_, hasIcon := a.obj(t)["icon"]
			if hasIcon != vc.changed {
				t.Fatalf("assignment team icon present = %v", hasIcon)
			}
		})
	}
}

func TestDailyEmailLimitOnlyOnCloudFrom4162(t *testing.T) {
	for _, vc := range sides("4.16.2") {
		for _, cloud := range []bool{false, true} {
			t.Run(fmt.Sprintf("%s/cloud=%v", vc.version, cloud), func(t *testing.T) {
				h := newVersionHarness(t, Options{ChatwootVersion: vc.version, Cloud: cloud, AccountEmailsLimit: 1})
				sc := h.seed(fixture.SeedOptions{Conversations: 1})
				// The seed's agents are Platform users, added without invitations.
				h.call("POST", acctPath(sc, "agents"), sc.AdminToken, map[string]any{"email": "one@example.test"}).expect(t, 200, "")
				r := h.call("POST", acctPath(sc, "agents"), sc.AdminToken, map[string]any{"email": "two@example.test"})
				if cloud && vc.changed {
					r.expect(t, 429, `{"error":"The daily email limit for this account has been reached"}`)
					if r.header.Get("Retry-After") != "" {
						t.Fatal("the daily limit has no Retry-After")
					}
				} else {
					r.expect(t, 200, "")
				}
			})
		}
	}
}

func TestConnectedBotOwnsNewConversationsFrom4162(t *testing.T) {
	for _, vc := range sides("4.16.2") {
		t.Run(vc.version, func(t *testing.T) {
			h := newVersionHarness(t, Options{ChatwootVersion: vc.version})
			sc := h.seed(fixture.SeedOptions{})
			h.call("POST", acctPath(sc, "inboxes/%d/set_agent_bot", sc.Inbox.ID), sc.AdminToken,
				map[string]any{"agent_bot": sc.Bot.ID}).expect(t, 200, "")
			cv, err := h.fx.CreateConversation(context.Background(), sc.AdminToken, sc.Account.ID, sc.Inbox.ID, sc.Contact.ID)
			if err != nil {
				t.Fatal(err)
			}
			if cv.Status != "pending" {
				t.Fatalf("status = %s", cv.Status)
			}
			owned := cv.AssigneeType == "AgentBot" && cv.AssigneeID == sc.Bot.ID
			if owned != vc.changed {
				t.Fatalf("bot owner = %v (%+v)", owned, cv)
			}
			// An administrator opening it takes it from the bot (and is not self-assigned).
			h.call("POST", acctPath(sc, "conversations/%d/toggle_status", cv.ID), sc.AdminToken,
				map[string]any{"status": "open"}).expect(t, 200, "")
			got, err := h.fx.GetConversation(context.Background(), sc.AdminToken, sc.Account.ID, cv.ID)
			if err != nil {
				t.Fatal(err)
			}
			if stillBot := got.AssigneeType == "AgentBot"; stillBot != false {
				t.Fatalf("after open: %+v", got)
			}
		})
	}
}

func TestUnknownTeamOnAssignment404From4170(t *testing.T) {
	for _, vc := range sides("4.17.0") {
		t.Run(vc.version, func(t *testing.T) {
			h := newVersionHarness(t, Options{ChatwootVersion: vc.version})
			sc := h.seed(fixture.SeedOptions{Conversations: 1})
			id := sc.Conversations[0].ID
			path := acctPath(sc, "conversations/%d/assignments", id)
			h.call("POST", path, sc.AdminToken, map[string]any{"team_id": sc.Team.ID}).expect(t, 200, "")
			r := h.call("POST", path, sc.AdminToken, map[string]any{"team_id": 987654})
			cv := meta(t, h.conversation(sc, id))
			_, hasTeam := cv["team"]
			if vc.changed {
				r.expect(t, 404, `{"error":"Resource could not be found"}`)
				if !hasTeam {
					t.Fatal("the 404 must leave the team")
				}
			} else {
				r.expect(t, 200, "null")
				if hasTeam {
					t.Fatal("4.15.1 clears the team")
				}
			}
			// Zero still clears in every version.
			h.call("POST", path, sc.AdminToken, map[string]any{"team_id": 0}).expect(t, 200, "null")
		})
	}
}

func TestBotAssignmentPendingAndHumanTakeoverFrom4170(t *testing.T) {
	for _, vc := range sides("4.17.0") {
		t.Run(vc.version, func(t *testing.T) {
			h := newVersionHarness(t, Options{ChatwootVersion: vc.version})
			sc := h.seed(fixture.SeedOptions{Conversations: 1})
			id := sc.Conversations[0].ID
			path := acctPath(sc, "conversations/%d/assignments", id)
			h.call("POST", path, sc.AdminToken, map[string]any{"assignee_id": sc.Bot.ID, "assignee_type": "AgentBot"}).expect(t, 200, "")
			status := h.conversation(sc, id)["status"]
			if want := map[bool]string{true: "pending", false: "open"}[vc.changed]; status != want {
				t.Fatalf("after bot assignment status = %v, want %s", status, want)
			}
			// Bot-owned conversations count as assigned from 4.17.0.
			list := h.call("GET", acctPath(sc, "conversations?status=all&assignee_type=unassigned"), sc.AdminToken, nil).obj(t)
			m := asObj(t, asObj(t, list["data"])["meta"])
			if unassigned := num(m["unassigned_count"]); (unassigned == 0) != vc.changed {
				t.Fatalf("unassigned_count = %d", unassigned)
			}
			h.call("POST", path, sc.AdminToken, map[string]any{"assignee_id": sc.Agent1.ID}).expect(t, 200, "")
			if status := h.conversation(sc, id)["status"]; status != "open" {
				t.Fatalf("after human takeover status = %v", status)
			}
		})
	}
}

func TestAutomationExecutionDelayFrom4170(t *testing.T) {
	rule := func(delay any) map[string]any {
		return map[string]any{"name": "r", "event_name": "conversation_created", "execution_delay": delay,
			"conditions": []any{map[string]any{"attribute_key": "status", "filter_operator": "equal_to", "values": []any{"open"}, "query_operator": nil}},
			"actions":    []any{map[string]any{"action_name": "resolve_conversation"}}}
	}
	for _, vc := range sides("4.17.0") {
		t.Run(vc.version, func(t *testing.T) {
			h := newVersionHarness(t, Options{ChatwootVersion: vc.version})
			off := h.seed(fixture.SeedOptions{})
			r := h.call("POST", acctPath(off, "automation_rules"), off.AdminToken, rule(240))
			if !vc.changed {
				r.expect(t, 200, "")
				if _, has := r.obj(t)["execution_delay"]; has {
					t.Fatal("no execution_delay key before 4.17.0")
				}
				return
			}
			r.expect(t, 422, `{"error":"Delayed automations are not enabled for this account."}`)
			ok := h.call("POST", acctPath(off, "automation_rules"), off.AdminToken, rule(nil))
			ok.expect(t, 200, "")
			if v, has := ok.obj(t)["execution_delay"]; !has || v != nil {
				t.Fatalf("execution_delay = %v, %v", v, has)
			}
			on := h.seed(fixture.SeedOptions{Features: map[string]bool{"delayed_automations": true}})
			for _, tc := range []struct {
				delay any
				want  string
			}{
				{5, `{"error":{"execution_delay":["must be in 10..43200"]}}`},
				{43201, `{"error":{"execution_delay":["must be in 10..43200"]}}`},
				{10.5, `{"error":{"execution_delay":["must be an integer"]}}`},
				{240, ""},
			} {
				r := h.call("POST", acctPath(on, "automation_rules"), on.AdminToken, rule(tc.delay))
				if tc.want == "" {
					r.expect(t, 200, "")
					if num(r.obj(t)["execution_delay"]) != 240 {
						t.Fatalf("stored delay %s", r.body)
					}
					continue
				}
				r.expect(t, 422, tc.want)
			}
			bad := rule(60)
			bad["conditions"] = []any{map[string]any{"attribute_key": "team_id", "filter_operator": "equal_to", "values": []any{1}, "query_operator": nil}}
			h.call("POST", acctPath(on, "automation_rules"), on.AdminToken, bad).expect(t, 422,
				`{"error":{"execution_delay":["only supports status and inbox conditions for conversation-level events."]}}`)
			bad["event_name"] = "message_created"
			h.call("POST", acctPath(on, "automation_rules"), on.AdminToken, bad).expect(t, 200, "")
		})
	}
}

func TestCustomRoleIgnoredWithoutFeatureFrom4170(t *testing.T) {
	for _, vc := range sides("4.17.0") {
		t.Run(vc.version, func(t *testing.T) {
			h := newVersionHarness(t, Options{ChatwootVersion: vc.version})
			sc := h.seed(fixture.SeedOptions{})
			r := h.call("PATCH", acctPath(sc, "agents/%d", sc.Agent1.ID), sc.AdminToken, map[string]any{"custom_role_id": 7})
			r.expect(t, 200, "")
			got := r.obj(t)["custom_role_id"]
			if vc.changed && got != nil {
				t.Fatalf("custom_role_id = %v, want it ignored", got)
			}
			if !vc.changed && num(got) != 7 {
				t.Fatalf("custom_role_id = %v, want 7", got)
			}
		})
	}
}

func TestSidesCoverBothSidesOfEachThreshold(t *testing.T) {
	for _, th := range []string{"4.16.0", "4.16.2", "4.17.0"} {
		var before, after bool
		var names []string
		for _, vc := range sides(th) {
			before = before || !vc.changed
			after = after || vc.changed
			names = append(names, vc.version)
		}
		if !before || !after {
			t.Fatalf("%s: %s", th, strings.Join(names, ","))
		}
	}
}

func TestBulkInviteAddsExistingUsersThenAnswersTheDailyEmailLimit(t *testing.T) {
	h := newVersionHarness(t, Options{ChatwootVersion: "4.17.0", Cloud: true, AccountEmailsLimit: 1})
	sc := h.seed(fixture.SeedOptions{})
	other := h.seed(fixture.SeedOptions{}) // its admin is an existing user, added without an e-mail
	r := h.call("POST", acctPath(sc, "agents/bulk_create"), sc.AdminToken,
		map[string]any{"emails": []any{"new1@example.test", "new2@example.test", other.Admin.Email}})
	r.expect(t, 429, `{"error":"The daily email limit for this account has been reached"}`)
	var emails []string
	for _, a := range h.call("GET", acctPath(sc, "agents"), sc.AdminToken, nil).arr(t) {
		emails = append(emails, asStr(t, asObj(t, a)["email"]))
	}
	if !slices.Contains(emails, "new1@example.test") || slices.Contains(emails, "new2@example.test") ||
		!slices.Contains(emails, strings.ToLower(other.Admin.Email)) {
		t.Fatalf("agents = %v: want the first invitation and the existing user, not the one over budget", emails)
	}
}
