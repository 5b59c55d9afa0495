package chatwootmock

import (
	"time"
)

// state is the in-memory database. Rows reference each other by id, like Chatwoot's tables, so
// that dangling references (a removed member, a deleted team) behave as they do there.
type state struct {
	accounts     map[int64]*account
	users        map[int64]*user
	bots         map[int64]*agentBot
	teams        map[int64]*team
	inboxes      map[int64]*inbox
	contacts     map[int64]*contact
	permissibles map[string]bool // per Platform App: "Account:1", "User:2", "AgentBot:3" it may manage
	// permissibleOrder keeps insertion order for the Platform index endpoints.
	permissibleOrder []permissibleRef
}

type permissibleRef struct {
	kind string
	id   int64
	app  string // the Platform App's token
}

func newState() *state {
	return &state{
		accounts:     map[int64]*account{},
		users:        map[int64]*user{},
		bots:         map[int64]*agentBot{},
		teams:        map[int64]*team{},
		inboxes:      map[int64]*inbox{},
		contacts:     map[int64]*contact{},
		permissibles: map[string]bool{},
	}
}

type account struct {
	id               int64
	name             string
	locale           string
	domain           any // string or nil
	supportEmail     any
	features         map[string]bool
	customAttributes map[string]any
	limits           any
	status           string
	createdAt        time.Time

	members       []*accountUser // DB order
	teamIDs       []int64
	inboxIDs      []int64
	contactIDs    []int64
	conversations []*conversation // display_id order
	nextDisplayID int64

	labels             []*label
	webhooks           []*webhook
	cannedResponses    []*cannedResponse
	customAttributeDef []*customAttributeDefinition
	automationRules    []*automationRule
	vocab              *vocabState // macros and SLA policies (vocab_state.go)

	// roundRobin holds, per inbox, the order in which members are picked next.
	roundRobin map[int64][]int64
	// v2 is the Assignment V2 configuration and runtime state (assignment_policies.go).
	v2 *assignmentV2
}

type accountUser struct {
	id            int64
	accountID     int64
	userID        int64
	role          string // "agent" | "administrator"
	availability  string // "online" | "offline" | "busy"
	autoOffline   bool
	customRoleID  any
	inviterID     any
	activeAt      any
	createdAt     time.Time
	updatedAt     time.Time
	agentCapacity any
}

type user struct {
	id               int64
	name             string
	displayName      any
	email            string
	password         string
	accessToken      string
	pubsubToken      string
	confirmed        bool
	customAttributes map[string]any
	messageSignature any
	uiSettings       map[string]any
	createdAt        time.Time
}

type agentBot struct {
	id          int64
	name        any
	description any
	outgoingURL any
	accountID   int64 // 0 = global (system) bot
	accessToken string
	secret      string
	botType     string
	botConfig   map[string]any
	thumbnail   string
	createdAt   time.Time

	// tokenRow is the access_tokens row behind accessToken, as the inbox binding renders it
	// (inbox_agent_bot.go).
	tokenRow *accessTokenRow
}

func (b *agentBot) system() bool { return b.accountID == 0 }

type team struct {
	id              int64
	accountID       int64
	name            string
	description     any
	allowAutoAssign bool
	memberIDs       []int64 // user ids, insertion order
	createdAt       time.Time
	updatedAt       time.Time
}

func (t *team) hasMember(userID int64) bool { return containsID(t.memberIDs, userID) }

type inbox struct {
	id                   int64
	channelID            int64
	accountID            int64
	name                 string
	enableAutoAssignment bool
	autoAssignmentConfig map[string]any
	greetingEnabled      bool
	greetingMessage      any
	enableEmailCollect   bool
	csatSurveyEnabled    bool
	csatConfig           map[string]any
	workingHoursEnabled  bool
	outOfOfficeMessage   any
	timezone             string
	allowAfterResolved   bool
	lockToSingleConv     bool
	portalID             any
	senderNameType       string
	businessName         any
	// API channel attributes.
	webhookURL        any
	hmacMandatory     bool
	hmacToken         string
	secret            string
	identifier        string
	channelAdditional map[string]any
	memberIDs         []int64 // user ids, insertion order
	agentBotID        int64   // agent_bot_inboxes row; 0 = none
	createdAt         time.Time
	updatedAt         time.Time

	// ext holds the channel type, web widget, working hours and pending deletion (inbox_channels.go).
	ext *inboxExt
}

func (i *inbox) hasMember(userID int64) bool { return containsID(i.memberIDs, userID) }

type contact struct {
	id               int64
	accountID        int64
	name             string
	email            any
	phoneNumber      any
	identifier       any
	blocked          bool
	additional       map[string]any
	customAttributes map[string]any
	lastActivityAt   *time.Time
	createdAt        time.Time
	inboxes          []*contactInbox
}

type contactInbox struct {
	inboxID  int64
	sourceID string
}

type conversation struct {
	id            int64 // primary key, never rendered
	displayID     int64
	accountID     int64
	inboxID       int64
	contactID     int64
	sourceID      string
	uuid          string
	status        string
	priority      any
	snoozedUntil  *time.Time
	assigneeID    int64 // 0 = none; may point at a user outside the account
	assigneeBotID int64
	teamID        int64 // 0 = none
	additional    map[string]any
	custom        map[string]any
	labels        []string
	messages      []*message
	createdAt     time.Time
	updatedAt     time.Time
	lastActivity  time.Time
	waitingSince  *time.Time
}

type message struct {
	id          int64
	content     any
	private     bool
	messageType int
	senderType  any
	senderID    any
	createdAt   time.Time
}

func containsID(ids []int64, id int64) bool {
	for _, x := range ids {
		if x == id {
			return true
		}
	}
	return false
}

func removeID(ids []int64, id int64) []int64 {
	out := ids[:0:0]
	for _, x := range ids {
		if x != id {
			out = append(out, x)
		}
	}
	return out
}

// member returns the membership of a user in the account, or nil.
func (a *account) member(userID int64) *accountUser {
	for _, m := range a.members {
		if m.userID == userID {
			return m
		}
	}
	return nil
}

func (a *account) conversation(displayID int64) *conversation {
	for _, cv := range a.conversations {
		if cv.displayID == displayID {
			return cv
		}
	}
	return nil
}

func (a *account) hasFeature(name string) bool { return a.features[name] }

// accountTeam, accountInbox and accountContact implement Current.account.<assoc>.find: a row of
// another account is as good as missing.
func (st *state) accountTeam(a *account, id int64) *team {
	if t := st.teams[id]; t != nil && t.accountID == a.id {
		return t
	}
	return nil
}

func (st *state) accountInbox(a *account, id int64) *inbox {
	if i := st.inboxes[id]; i != nil && i.accountID == a.id {
		return i
	}
	return nil
}

func (st *state) accountContact(a *account, id int64) *contact {
	if ct := st.contacts[id]; ct != nil && ct.accountID == a.id {
		return ct
	}
	return nil
}

// userTeams lists the teams (of one account) a user belongs to.
func (st *state) userInTeam(teamID, userID int64) bool {
	t := st.teams[teamID]
	return t != nil && t.hasMember(userID)
}

func newAccount(now time.Time) *account {
	return &account{locale: "en", supportEmail: defaultSupportEmail, features: map[string]bool{},
		customAttributes: map[string]any{}, limits: map[string]any{}, status: "active", createdAt: now,
		roundRobin: map[int64][]int64{}}
}
