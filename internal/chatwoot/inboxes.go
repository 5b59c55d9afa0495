package chatwoot

import (
	"context"
	"net/http"
)

// Inbox is Chatwoot's inbox partial (DESIGN.md §6.4), as the provider uses it. A JSON null reads
// as "" (strings), false or nil. HMACToken and Secret are rendered to administrators only and
// are "" for anyone else.
type Inbox struct {
	ID                   int64                `json:"id"`
	Name                 string               `json:"name"`
	ChannelType          string               `json:"channel_type"`
	EnableAutoAssignment bool                 `json:"enable_auto_assignment"`
	AutoAssignmentConfig AutoAssignmentConfig `json:"auto_assignment_config"`

	ChannelID                  int64         `json:"channel_id"`
	GreetingEnabled            bool          `json:"greeting_enabled"`
	GreetingMessage            string        `json:"greeting_message"`
	EnableEmailCollect         bool          `json:"enable_email_collect"`
	CSATSurveyEnabled          bool          `json:"csat_survey_enabled"`
	CSATConfig                 CSATConfig    `json:"csat_config"`
	WorkingHoursEnabled        bool          `json:"working_hours_enabled"`
	OutOfOfficeMessage         string        `json:"out_of_office_message"`
	WorkingHours               []WorkingHour `json:"working_hours"`
	Timezone                   string        `json:"timezone"`
	AllowMessagesAfterResolved bool          `json:"allow_messages_after_resolved"`
	LockToSingleConversation   bool          `json:"lock_to_single_conversation"`
	SenderNameType             string        `json:"sender_name_type"`
	BusinessName               string        `json:"business_name"`

	// HMACMandatory and HMACToken belong to API and web widget channels.
	HMACMandatory bool   `json:"hmac_mandatory"`
	HMACToken     string `json:"hmac_token"`

	// API channel.
	WebhookURL           string         `json:"webhook_url"`
	InboxIdentifier      string         `json:"inbox_identifier"`
	Secret               string         `json:"secret"`
	AdditionalAttributes map[string]any `json:"additional_attributes"`

	// Web widget channel.
	WebsiteURL           string              `json:"website_url"`
	WidgetColor          string              `json:"widget_color"`
	WelcomeTitle         string              `json:"welcome_title"`
	WelcomeTagline       string              `json:"welcome_tagline"`
	ReplyTime            string              `json:"reply_time"`
	AllowedDomains       string              `json:"allowed_domains"`
	SelectedFeatureFlags []string            `json:"selected_feature_flags"`
	PreChatFormEnabled   bool                `json:"pre_chat_form_enabled"`
	PreChatFormOptions   *PreChatFormOptions `json:"pre_chat_form_options"`
	ContinuityViaEmail   bool                `json:"continuity_via_email"`
	WebsiteToken         string              `json:"website_token"`
	WebWidgetScript      string              `json:"web_widget_script"`
}

// Kind is the inbox's channel as POST /inboxes names it ("api", "web_widget", "email"…).
func (in *Inbox) Kind() string { return ChannelKind(in.ChannelType) }

// AutoAssignmentConfig is an inbox's auto_assignment_config; empty ({}) by default.
type AutoAssignmentConfig struct {
	MaxAssignmentLimit *int64 `json:"max_assignment_limit,omitempty"`
}

// ListInboxes returns the inboxes the token may see: all of them for an administrator, only the
// ones they are a member of for an agent.
func (c *Client) ListInboxes(ctx context.Context, accountID int64) ([]Inbox, error) {
	return payloadListOf[Inbox](ctx, c, call{method: http.MethodGet, path: accountPath(accountID, "/inboxes"), idempotent: true})
}

// GetInbox reads one inbox; an agent who is not a member gets a 401 (AuthForbidden).
func (c *Client) GetInbox(ctx context.Context, accountID, inboxID int64) (*Inbox, error) {
	return objectOf[Inbox](ctx, c, call{method: http.MethodGet, path: accountPath(accountID, "/inboxes/%d", inboxID), idempotent: true})
}

// InvalidateLookups drops the cached agents, teams, agent bots and inboxes of the account, after
// the provider created or deleted one of them.
func (c *Client) InvalidateLookups(accountID int64) {
	c.lookups.invalidate(accountID)
}
