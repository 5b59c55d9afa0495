package main

import (
	"context"
	"slices"
	"strconv"
	"strings"

	"github.com/chatwoot-community/terraform-provider-chatwoot/internal/fixture"
)

// seedDemo builds the demo account through the same public HTTP paths a real Chatwoot offers and
// prints what a shell script needs as KEY=VALUE lines.
func seedDemo(ctx context.Context, baseURL, platformToken string, out *lineWriter) error {
	sc, err := fixture.New(baseURL, platformToken).Seed(ctx, fixture.SeedOptions{
		Name:          "Demo",
		Conversations: 5,
		TeamName:      "billing",
		EmailDomain:   "demo.example",
		PlainEmails:   true, // a fresh in-memory server, so fixed addresses cannot collide
		// Online agents let Chatwoot's team auto-assignment pick one for team-only routes, which
		// the demo shows is not drift.
		AgentsOnline: true,
	})
	if err != nil {
		return err
	}
	ids := make([]string, 0, len(sc.Conversations))
	for _, cv := range sc.Conversations {
		ids = append(ids, strconv.FormatInt(cv.ID, 10))
	}
	type keyValue struct {
		key   string
		value any
	}
	// agent is one agent's lines; both agents are printed alike.
	agent := func(prefix string, u fixture.User) []keyValue {
		return []keyValue{{prefix + "_ID", u.ID}, {prefix + "_NAME", u.Name}, {prefix + "_EMAIL", u.Email}}
	}
	kv := slices.Concat([]keyValue{
		{"CHATWOOT_BASE_URL", baseURL},
		{"CHATWOOT_ACCOUNT_ID", sc.Account.ID},
		{"CHATWOOT_API_ACCESS_TOKEN", sc.AdminToken},
		{"ADMIN_ID", sc.Admin.ID},
		{"ADMIN_EMAIL", sc.Admin.Email},
	}, agent("AGENT1", sc.Agent1), agent("AGENT2", sc.Agent2), []keyValue{
		{"TEAM_ID", sc.Team.ID},
		{"TEAM_NAME", sc.Team.Name},
		{"INBOX_ID", sc.Inbox.ID},
		{"BOT_ID", sc.Bot.ID},
		{"CONTACT_ID", sc.Contact.ID},
		{"CONVERSATION_IDS", strings.Join(ids, ",")},
	})
	for _, e := range kv {
		out.printf("%s=%v\n", e.key, e.value)
	}
	return nil
}
