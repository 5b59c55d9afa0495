package chatwoot_test

import (
	"context"
	"testing"

	"github.com/chatwoot-community/terraform-provider-chatwoot/internal/chatwoot"
)

// The vocabulary kinds are read through their cached lists: many reads cost one list call, and
// every write of the kind (create, update, delete) makes the next read list again, so that the
// provider never serves its own stale copy.
func TestLookups_VocabularyListsInvalidatedByWrites(t *testing.T) {
	e := newLookupEnv(t)
	ctx := context.Background()
	a := e.scenario.Account.ID
	c := e.client
	type kind struct {
		path   string
		read   func() error
		create func() (int64, error)
		update func(id int64) error
		delete func(id int64) error
	}
	kinds := []kind{
		{
			path: "/labels",
			read: func() error { _, err := chatwoot.Labels.All(ctx, c, a); return err },
			create: func() (int64, error) {
				l, err := c.CreateLabel(ctx, a, chatwoot.LabelFields{Title: ptr("cached")})
				if err != nil {
					return 0, err
				}
				return l.ID, nil
			},
			update: func(id int64) error {
				_, err := c.UpdateLabel(ctx, a, id, chatwoot.LabelFields{Color: ptr("#000000")})
				return err
			},
			delete: func(id int64) error { return c.DeleteLabel(ctx, a, id) },
		},
		{
			path: "/canned_responses",
			read: func() error { _, err := chatwoot.CannedResponses.All(ctx, c, a); return err },
			create: func() (int64, error) {
				r, err := c.CreateCannedResponse(ctx, a, chatwoot.CannedResponseFields{ShortCode: ptr("cached"), Content: ptr("x")})
				if err != nil {
					return 0, err
				}
				return r.ID, nil
			},
			update: func(id int64) error {
				_, err := c.UpdateCannedResponse(ctx, a, id, chatwoot.CannedResponseFields{Content: ptr("y")})
				return err
			},
			delete: func(id int64) error { return c.DeleteCannedResponse(ctx, a, id) },
		},
		{
			path: "/webhooks",
			read: func() error { _, err := chatwoot.Webhooks.All(ctx, c, a); return err },
			create: func() (int64, error) {
				w, err := c.CreateWebhook(ctx, a, chatwoot.WebhookFields{URL: ptr("https://hooks.example.test/cached")})
				if err != nil {
					return 0, err
				}
				return w.ID, nil
			},
			update: func(id int64) error {
				_, err := c.UpdateWebhook(ctx, a, id, chatwoot.WebhookFields{Name: ptr("renamed")})
				return err
			},
			delete: func(id int64) error { return c.DeleteWebhook(ctx, a, id) },
		},
		{
			path: "/custom_attribute_definitions",
			read: func() error { _, err := chatwoot.CustomAttributeDefinitions.All(ctx, c, a); return err },
			create: func() (int64, error) {
				d, err := c.CreateCustomAttributeDefinition(ctx, a, chatwoot.CustomAttributeDefinitionFields{
					AttributeDisplayName: ptr("Cached"), AttributeKey: ptr("cached"),
				})
				if err != nil {
					return 0, err
				}
				return d.ID, nil
			},
			update: func(id int64) error {
				_, err := c.UpdateCustomAttributeDefinition(ctx, a, id, chatwoot.CustomAttributeDefinitionFields{AttributeDisplayName: ptr("Renamed")})
				return err
			},
			delete: func(id int64) error { return c.DeleteCustomAttributeDefinition(ctx, a, id) },
		},
	}
	for _, k := range kinds {
		t.Run(k.path, func(t *testing.T) {
			readTwice := func(wantLists int) {
				t.Helper()
				for range 2 {
					if err := k.read(); err != nil {
						t.Fatal(err)
					}
				}
				if got := e.gets(a, k.path); got != wantLists {
					t.Fatalf("GET %s sent %d times, want %d", k.path, got, wantLists)
				}
			}
			e.mock.ResetRequests()
			readTwice(1)
			id, err := k.create()
			if err != nil {
				t.Fatal(err)
			}
			readTwice(2)
			if err := k.update(id); err != nil {
				t.Fatal(err)
			}
			readTwice(3)
			if err := k.delete(id); err != nil {
				t.Fatal(err)
			}
			readTwice(4)
		})
	}
}
