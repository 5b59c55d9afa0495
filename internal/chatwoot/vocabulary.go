package chatwoot

import (
	"regexp"
	"slices"
	"strings"
)

// What Chatwoot accepts for labels, webhooks and custom attribute definitions, for checks before
// anything is sent.

// WebhookEvents are the subscription names a webhook may hold; anything else (and an empty list)
// is a 422 naming "subscriptions". inbox_created and inbox_updated are valid but fire only when
// the installation turns inbox events on.
var WebhookEvents = []string{
	"conversation_status_changed", "conversation_updated", "conversation_created", "contact_created",
	"contact_updated", "message_created", "message_updated", "webwidget_triggered", "inbox_created",
	"inbox_updated", "conversation_typing_on", "conversation_typing_off",
}

// DefaultWebhookSubscriptions is what a webhook created without subscriptions gets.
var DefaultWebhookSubscriptions = WebhookEvents[:8]

// LabelTitlePattern is the format of a stored label title: at least two letters, digits,
// underscores or hyphens, starting with a letter or digit. Chatwoot downcases the title before
// checking it, so write titles in lowercase (LabelTitle shows the stored form).
var LabelTitlePattern = regexp.MustCompile(`^[\p{L}\p{N}]+[\p{L}\p{N}_-]+$`)

// LabelTitle is the form Chatwoot stores a title in.
func LabelTitle(title string) string { return strings.ToLower(title) }

// LabelColorPattern is the colour form Chatwoot's interface writes and renders (#rrggbb).
// Chatwoot itself stores any string, and null is a 500, so the check is the client's.
var LabelColorPattern = regexp.MustCompile(`^#[0-9A-Fa-f]{6}$`)

// DefaultLabelColor is the colour of a label created without one.
const DefaultLabelColor = "#1f93ff"

// CustomAttributeDisplayTypes are the values of attribute_display_type, in Chatwoot's enum order.
var CustomAttributeDisplayTypes = []string{"text", "number", "currency", "percent", "link", "date", "list", "checkbox"}

// CustomAttributeModels are the values of attribute_model, in Chatwoot's enum order.
var CustomAttributeModels = []string{"conversation_attribute", "contact_attribute", "company_attribute"}

// CustomAttributeKeyPattern is the format of an attribute key (after surrounding spaces are
// stripped): letters, digits, underscores, hyphens and dots.
var CustomAttributeKeyPattern = regexp.MustCompile(`^[\p{L}\p{N}_.\-]+$`)

// CustomAttributeStandardKeys are, per model, the built-in attributes a new definition's key
// must not repeat (Chatwoot checks this on create only).
var CustomAttributeStandardKeys = map[string][]string{
	"conversation_attribute": strings.Fields("status priority assignee_id inbox_id team_id display_id campaign_id labels browser_language country_code referer created_at last_activity_at"),
	"contact_attribute":      strings.Fields("name email phone_number identifier country_code city company_name created_at last_activity_at referer blocked"),
	"company_attribute":      strings.Fields("name domain description contacts_count created_at updated_at last_activity_at"),
}

// ValidCustomAttributeEnum reports whether a display type or model name is one Chatwoot knows.
// Chatwoot answers any other value, and a numeric string, with a 500, so these are the checks
// that keep a definition from failing that way; no combination of valid values fails.
func ValidCustomAttributeEnum(values []string, v string) bool { return slices.Contains(values, v) }

// CustomAttributeKeyReserved reports whether key is a standard attribute of model.
func CustomAttributeKeyReserved(model, key string) bool {
	return slices.Contains(CustomAttributeStandardKeys[model], strings.TrimSpace(key))
}

// MacroVisibilities are the values of a macro's visibility.
var MacroVisibilities = []string{"global", "personal"}
