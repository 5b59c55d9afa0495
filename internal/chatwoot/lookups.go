package chatwoot

import (
	"context"
	"slices"
	"sync"
)

// The provider checks that every agent, bot and team it is about to assign exists, because
// Chatwoot answers an unknown id by silently clearing the assignment. Applying 1,000 assignments
// must not cost 1,000 list calls, so the lists are cached per account and kind for the life of the
// Client (one provider process), loaded once even when many resources ask at the same time. A
// lookup that misses re-reads the list once, so that an object created earlier in the same run is
// found.

// CachedList is one kind of object whose account-wide list the client caches. A new cached kind
// is one declaration of this type, next to the others below.
type CachedList[T any] struct {
	// Kind names the kind in errors and is its cache key: "agent bot".
	Kind string
	list func(c *Client, ctx context.Context, accountID int64) ([]T, error)
	id   func(*T) int64
}

// The cached kinds.
var (
	Agents    = CachedList[Agent]{Kind: "agent", list: (*Client).ListAgents, id: func(a *Agent) int64 { return a.ID }}
	Teams     = CachedList[Team]{Kind: "team", list: (*Client).ListTeams, id: func(t *Team) int64 { return t.ID }}
	AgentBots = CachedList[AgentBot]{Kind: "agent bot", list: (*Client).ListAgentBots, id: func(b *AgentBot) int64 { return b.ID }}
	Inboxes   = CachedList[Inbox]{Kind: "inbox", list: (*Client).ListInboxes, id: func(i *Inbox) int64 { return i.ID }}
)

// The account's configuration vocabulary: kinds that have no useful "show one" endpoint (or
// only an administrator's), read through their lists so that refreshing hundreds of them costs
// one request per kind and account.
var (
	Labels                     = CachedList[Label]{Kind: "label", list: (*Client).ListLabels, id: func(l *Label) int64 { return l.ID }}
	Webhooks                   = CachedList[Webhook]{Kind: "webhook", list: (*Client).ListWebhooks, id: func(w *Webhook) int64 { return w.ID }}
	CannedResponses            = CachedList[CannedResponse]{Kind: "canned response", list: (*Client).ListCannedResponses, id: func(r *CannedResponse) int64 { return r.ID }}
	CustomAttributeDefinitions = CachedList[CustomAttributeDefinition]{Kind: "custom attribute definition", list: listAllCustomAttributeDefinitions,
		id: func(d *CustomAttributeDefinition) int64 { return d.ID }}
	// Macros lists the global macros and the token's own personal ones, whole: a macro missing
	// from it is confirmed with a show request (a macro whose visibility is null is listed to
	// nobody, yet exists).
	Macros = CachedList[Macro]{Kind: "macro", list: (*Client).ListMacros, id: func(m *Macro) int64 { return m.ID }}
	// SLAPolicies lists every policy, whole; it is also the only reliable "is it gone": reading
	// a deleted policy is a 500, not a 404 (DESIGN.md §6.13).
	SLAPolicies = CachedList[SLAPolicy]{Kind: "SLA policy", list: (*Client).ListSLAPolicies, id: func(p *SLAPolicy) int64 { return p.ID }}
)

func listAllCustomAttributeDefinitions(c *Client, ctx context.Context, accountID int64) ([]CustomAttributeDefinition, error) {
	return c.ListCustomAttributeDefinitions(ctx, accountID, "")
}

// The Assignment V2 policies: checked before an inbox is bound and read by the policy data
// sources; invalidated by the policy writes in assignment_policies.go and capacity_policies.go.
var (
	AssignmentPolicies = CachedList[AssignmentPolicy]{Kind: "assignment policy", list: (*Client).ListAssignmentPolicies,
		id: func(p *AssignmentPolicy) int64 { return p.ID }}
	CapacityPolicies = CachedList[CapacityPolicy]{Kind: "agent capacity policy", list: (*Client).ListCapacityPolicies,
		id: func(p *CapacityPolicy) int64 { return p.ID }}
)

// All returns the account's list from the cache, loading it on first use.
func (l CachedList[T]) All(ctx context.Context, c *Client, accountID int64) ([]T, error) {
	return l.lookup(ctx, c, accountID, func([]T) bool { return true })
}

// Get returns the object with the id. An id the account does not have gives a *NotFoundError
// (IsNotFound is true).
func (l CachedList[T]) Get(ctx context.Context, c *Client, accountID, id int64) (*T, error) {
	found, err := l.Find(ctx, c, accountID, func(x *T) bool { return l.id(x) == id })
	if IsNotFound(err) {
		return nil, &NotFoundError{Kind: l.Kind, AccountID: accountID, ID: id}
	}
	return found, err
}

// Find returns the first object match accepts (by email, by name). No match gives a
// *NotFoundError (IsNotFound is true).
func (l CachedList[T]) Find(ctx context.Context, c *Client, accountID int64, match func(*T) bool) (*T, error) {
	var found *T
	_, err := l.lookup(ctx, c, accountID, func(list []T) bool {
		found = nil
		for i := range list {
			if match(&list[i]) {
				found = &list[i]
				return true
			}
		}
		return false
	})
	if err != nil {
		return nil, err
	}
	if found == nil {
		return nil, &NotFoundError{Kind: l.Kind, AccountID: accountID}
	}
	return found, nil
}

// lookup returns the cached list, re-read once when complete says it lacks what the caller looks
// for. A list loaded during this call is not re-read: a miss in it is final.
func (l CachedList[T]) lookup(ctx context.Context, c *Client, accountID int64, complete func([]T) bool) ([]T, error) {
	key := lookupKey{accountID, l.Kind}
	load := func(ctx context.Context) (any, error) { return l.list(c, ctx, accountID) }
	v, gen, fresh, err := c.lookups.get(ctx, key, -1, load)
	if err != nil {
		return nil, err
	}
	list, _ := v.([]T)
	if complete(list) || fresh {
		return list, nil
	}
	v, _, _, err = c.lookups.get(ctx, key, gen, load)
	if err != nil {
		return nil, err
	}
	list, _ = v.([]T)
	complete(list)
	return list, nil
}

type lookupKey struct {
	accountID int64
	kind      string
}

// lookupEntry is one cached list. generation counts the loads, so that concurrent callers who all
// missed on the same generation share a single re-read.
type lookupEntry struct {
	generation int
	ready      chan struct{}
	value      any
	err        error
}

type lookupCache struct {
	mu      sync.Mutex
	entries map[lookupKey]*lookupEntry
}

func newLookupCache() *lookupCache {
	return &lookupCache{entries: map[lookupKey]*lookupEntry{}}
}

// get returns the cached list for key, loading it if there is none or if the cached one is of
// generation staleGen or older (staleGen < 0 accepts any cached list). fresh reports that the list
// was loaded during this call (by this caller, or by another whose load was still running when
// this caller arrived): a miss in a fresh list is final, re-reading it would only repeat the call.
func (lc *lookupCache) get(ctx context.Context, key lookupKey, staleGen int, load func(context.Context) (any, error)) (value any, generation int, fresh bool, err error) {
	lc.mu.Lock()
	entry, ok := lc.entries[key]
	if !ok || (staleGen >= 0 && entry.generation <= staleGen && isDone(entry.ready)) {
		generation := 1
		if ok {
			generation = entry.generation + 1
		}
		entry = &lookupEntry{generation: generation, ready: make(chan struct{})}
		lc.entries[key] = entry
		lc.mu.Unlock()
		entry.value, entry.err = load(ctx)
		if entry.err != nil {
			// Failures are not cached: the next caller tries again.
			lc.mu.Lock()
			if lc.entries[key] == entry {
				delete(lc.entries, key)
			}
			lc.mu.Unlock()
		}
		close(entry.ready)
		return entry.value, entry.generation, true, entry.err
	}
	inFlight := !isDone(entry.ready)
	lc.mu.Unlock()
	select {
	case <-entry.ready:
		return entry.value, entry.generation, inFlight, entry.err
	case <-ctx.Done():
		return nil, 0, false, ctx.Err()
	}
}

// invalidate drops the cached lists of the kinds for the account (every kind when none is
// named), after the provider itself created, changed or deleted such an object.
func (lc *lookupCache) invalidate(accountID int64, kinds ...string) {
	lc.mu.Lock()
	defer lc.mu.Unlock()
	for key := range lc.entries {
		if key.accountID == accountID && (len(kinds) == 0 || slices.Contains(kinds, key.kind)) {
			delete(lc.entries, key)
		}
	}
}

func isDone(ch chan struct{}) bool {
	select {
	case <-ch:
		return true
	default:
		return false
	}
}
