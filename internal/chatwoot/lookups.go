package chatwoot

import (
	"context"
	"sync"
)

// The provider checks that every agent, bot and team it is about to assign exists, because
// Chatwoot answers an unknown id by silently clearing the assignment. Applying 1,000 assignments
// must not cost 1,000 list calls, so the lists are cached per account and kind for the life of the
// Client (one provider process), loaded once even when many resources ask at the same time. A
// lookup that misses re-reads the list once, so that an object created earlier in the same run is
// found.

type lookupKind string

const (
	lookupAgents    lookupKind = "agents"
	lookupTeams     lookupKind = "teams"
	lookupAgentBots lookupKind = "agent_bots"
	lookupInboxes   lookupKind = "inboxes"
)

type lookupKey struct {
	accountID int64
	kind      lookupKind
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
	client  *Client
	mu      sync.Mutex
	entries map[lookupKey]*lookupEntry
}

func newLookupCache(c *Client) *lookupCache {
	return &lookupCache{client: c, entries: map[lookupKey]*lookupEntry{}}
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

// invalidate drops the cached lists of kinds for the account, after the provider itself created,
// changed or deleted such an object.
func (lc *lookupCache) invalidate(accountID int64, kinds ...lookupKind) {
	lc.mu.Lock()
	defer lc.mu.Unlock()
	for _, kind := range kinds {
		delete(lc.entries, lookupKey{accountID, kind})
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

// cachedList is the typed face of lookupCache.get.
func cachedList[T any](ctx context.Context, lc *lookupCache, key lookupKey, staleGen int, load func(context.Context) ([]T, error)) ([]T, int, bool, error) {
	v, gen, fresh, err := lc.get(ctx, key, staleGen, func(ctx context.Context) (any, error) { return load(ctx) })
	if err != nil {
		return nil, gen, fresh, err
	}
	list, _ := v.([]T)
	return list, gen, fresh, nil
}

// findCached looks for the element matching match in the cached list, re-reading the list once
// on a miss. It returns nil (and no error) when the element does not exist.
func findCached[T any](ctx context.Context, lc *lookupCache, key lookupKey, load func(context.Context) ([]T, error), match func(*T) bool) (*T, error) {
	list, gen, fresh, err := cachedList(ctx, lc, key, -1, load)
	if err != nil {
		return nil, err
	}
	if found := firstMatch(list, match); found != nil || fresh {
		return found, nil
	}
	list, _, _, err = cachedList(ctx, lc, key, gen, load)
	if err != nil {
		return nil, err
	}
	return firstMatch(list, match), nil
}

func firstMatch[T any](list []T, match func(*T) bool) *T {
	for i := range list {
		if match(&list[i]) {
			return &list[i]
		}
	}
	return nil
}

// CachedAgents returns the account's agents from the per-process cache.
func (c *Client) CachedAgents(ctx context.Context, accountID int64) ([]Agent, error) {
	list, _, _, err := cachedList(ctx, c.lookups, lookupKey{accountID, lookupAgents}, -1, c.agentsLoader(accountID))
	return list, err
}

// CachedTeams returns the account's teams from the per-process cache.
func (c *Client) CachedTeams(ctx context.Context, accountID int64) ([]Team, error) {
	list, _, _, err := cachedList(ctx, c.lookups, lookupKey{accountID, lookupTeams}, -1, c.teamsLoader(accountID))
	return list, err
}

// CachedAgentBots returns the account's and the global agent bots from the per-process cache.
func (c *Client) CachedAgentBots(ctx context.Context, accountID int64) ([]AgentBot, error) {
	list, _, _, err := cachedList(ctx, c.lookups, lookupKey{accountID, lookupAgentBots}, -1, c.agentBotsLoader(accountID))
	return list, err
}

// FindAgent returns the agent with the user id in the account, or nil if there is none.
func (c *Client) FindAgent(ctx context.Context, accountID, userID int64) (*Agent, error) {
	return findCached(ctx, c.lookups, lookupKey{accountID, lookupAgents}, c.agentsLoader(accountID),
		func(a *Agent) bool { return a.ID == userID })
}

// FindTeam returns the team with the id in the account, or nil if there is none.
func (c *Client) FindTeam(ctx context.Context, accountID, teamID int64) (*Team, error) {
	return findCached(ctx, c.lookups, lookupKey{accountID, lookupTeams}, c.teamsLoader(accountID),
		func(t *Team) bool { return t.ID == teamID })
}

// FindAgentBot returns the agent bot with the id usable in the account, or nil if there is none.
func (c *Client) FindAgentBot(ctx context.Context, accountID, botID int64) (*AgentBot, error) {
	return findCached(ctx, c.lookups, lookupKey{accountID, lookupAgentBots}, c.agentBotsLoader(accountID),
		func(b *AgentBot) bool { return b.ID == botID })
}

// FindAgentWhere and FindTeamWhere search the cached lists with any predicate (by email, by
// name), re-reading once on a miss like the id lookups.
func (c *Client) FindAgentWhere(ctx context.Context, accountID int64, match func(*Agent) bool) (*Agent, error) {
	return findCached(ctx, c.lookups, lookupKey{accountID, lookupAgents}, c.agentsLoader(accountID), match)
}

func (c *Client) FindTeamWhere(ctx context.Context, accountID int64, match func(*Team) bool) (*Team, error) {
	return findCached(ctx, c.lookups, lookupKey{accountID, lookupTeams}, c.teamsLoader(accountID), match)
}

func (c *Client) FindAgentBotWhere(ctx context.Context, accountID int64, match func(*AgentBot) bool) (*AgentBot, error) {
	return findCached(ctx, c.lookups, lookupKey{accountID, lookupAgentBots}, c.agentBotsLoader(accountID), match)
}

func (c *Client) agentsLoader(accountID int64) func(context.Context) ([]Agent, error) {
	return func(ctx context.Context) ([]Agent, error) { return c.ListAgents(ctx, accountID) }
}

func (c *Client) teamsLoader(accountID int64) func(context.Context) ([]Team, error) {
	return func(ctx context.Context) ([]Team, error) { return c.ListTeams(ctx, accountID) }
}

func (c *Client) agentBotsLoader(accountID int64) func(context.Context) ([]AgentBot, error) {
	return func(ctx context.Context) ([]AgentBot, error) { return c.ListAgentBots(ctx, accountID) }
}
