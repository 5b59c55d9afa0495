package chatwoot_test

import (
	"testing"
)

func TestListConversations_readsEveryPageOfTheStatus(t *testing.T) {
	e := newRoutingEnv(t)
	const total = 27 // more than one page of 25
	var resolved []int64
	for i := range total {
		cv, err := e.fixtures.CreateConversation(e.ctx, e.sc.AdminToken, e.sc.Account.ID, e.sc.Inbox.ID, e.sc.Contact.ID)
		if err != nil {
			t.Fatal(err)
		}
		if i%9 == 0 {
			if err := e.fixtures.ToggleStatus(e.ctx, e.sc.AdminToken, e.sc.Account.ID, cv.ID, "resolved"); err != nil {
				t.Fatal(err)
			}
			resolved = append(resolved, cv.ID)
		}
	}
	open, err := e.admin.ListConversations(e.ctx, e.sc.Account.ID, "open")
	if err != nil {
		t.Fatal(err)
	}
	if want := total - len(resolved); len(open) != want {
		t.Errorf("%d open conversations listed, want %d", len(open), want)
	}
	seen := map[int64]bool{}
	for _, c := range open {
		if c.Status != "open" || seen[c.ID] {
			t.Errorf("conversation %d: status %s, listed before: %v", c.ID, c.Status, seen[c.ID])
		}
		seen[c.ID] = true
	}
	all, err := e.admin.ListConversations(e.ctx, e.sc.Account.ID, "all")
	if err != nil {
		t.Fatal(err)
	}
	if len(all) != total {
		t.Errorf("%d conversations with status all, want %d", len(all), total)
	}
}
