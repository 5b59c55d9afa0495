package chatwoot

import (
	"fmt"
	"net/url"
	"regexp"
	"slices"
	"strconv"
	"strings"
)

// The action vocabulary that automation rules and macros share. Chatwoot checks only the action
// names when a rule or macro is saved; it stores any parameters and later ignores the ones it
// cannot use, silently. These rules say what each action really reads, so that a caller can
// refuse the rest before sending anything.

// AutomationActionNames are the actions an automation rule accepts; add_sla needs the Enterprise
// build (EnterpriseAutomationActionNames).
var AutomationActionNames = []string{
	"send_message", "add_label", "remove_label", "send_email_to_team", "assign_team", "assign_agent",
	"remove_assigned_agent", "remove_assigned_team", "send_webhook_event", "mute_conversation", "send_attachment",
	"change_status", "resolve_conversation", "open_conversation", "pending_conversation", "snooze_conversation",
	"change_priority", "send_email_transcript", "add_private_note", "add_sla",
}

// EnterpriseAutomationActionNames are the automation actions only the Enterprise build has.
var EnterpriseAutomationActionNames = []string{"add_sla"}

// MacroActionNames are the 16 actions a macro accepts: the automation vocabulary without
// send_email_to_team, open_conversation, pending_conversation and add_sla. Any other name is a
// 422 naming "actions".
var MacroActionNames = []string{
	"send_message", "add_private_note", "add_label", "remove_label", "assign_team", "assign_agent",
	"remove_assigned_agent", "remove_assigned_team", "mute_conversation", "snooze_conversation",
	"resolve_conversation", "change_status", "change_priority", "send_email_transcript", "send_webhook_event",
	"send_attachment",
}

// ConversationStatuses are the values of a conversation's status.
var ConversationStatuses = []string{"open", "resolved", "pending", "snoozed"}

// ConversationPriorities are the priorities change_priority sets (ParamUnassign clears it).
var ConversationPriorities = []string{"low", "medium", "high", "urgent"}

// Sentinel parameters of the assignment actions.
const (
	// ParamUnassign clears the assignee, the team or the priority.
	ParamUnassign = "nil"
	// ParamLastRespondingAgent assigns the agent who answered last.
	ParamLastRespondingAgent = "last_responding_agent"
	// ParamSelf assigns the user who executes a macro (macros only).
	ParamSelf = "self"
)

// IntParamActions send their numeric params as JSON integers: Chatwoot compares ids as integers
// and silently ignores a string id.
var IntParamActions = []string{"assign_agent", "assign_team", "add_sla"}

// ActionParamRule says what params one action takes.
type ActionParamRule struct {
	// Count is the exact number of params; -1 means one or more.
	Count int
	// Check validates one param and returns a problem, or "". Nil accepts anything.
	Check func(string) string
	// Help describes the params, for error messages.
	Help string
}

var recordIDPattern = regexp.MustCompile(`^[1-9][0-9]*$`)

// IsRecordID reports whether s is a whole number of 1 or more, as record ids are.
func IsRecordID(s string) bool { return recordIDPattern.MatchString(s) }

// AutomationActionParams covers every automation action but send_email_to_team (whose single
// param is an object, EmailToTeam) and send_attachment (it needs an uploaded file).
var AutomationActionParams = map[string]ActionParamRule{
	"assign_agent": {Count: 1, Check: paramOneOfOrID(ParamUnassign, ParamLastRespondingAgent),
		Help: `one agent's user id (a whole number, sent to Chatwoot as a JSON integer), "nil" to unassign, or "last_responding_agent"`},
	"assign_team": {Count: 1, Check: paramOneOfOrID(ParamUnassign),
		Help: `one team id (a whole number, sent to Chatwoot as a JSON integer), or "nil" to unassign`},
	"add_sla":               {Count: 1, Check: paramOneOfOrID(), Help: "one SLA policy id (a whole number)"},
	"remove_assigned_agent": {Count: 0},
	"remove_assigned_team":  {Count: 0},
	"mute_conversation":     {Count: 0},
	"resolve_conversation":  {Count: 0},
	"open_conversation":     {Count: 0},
	"pending_conversation":  {Count: 0},
	"snooze_conversation":   {Count: 0},
	"add_label":             {Count: -1, Check: paramNonEmpty, Help: "one or more label names"},
	"remove_label":          {Count: -1, Check: paramNonEmpty, Help: "one or more label names"},
	"send_message":          {Count: 1, Check: paramNonEmpty, Help: "the message text"},
	"add_private_note":      {Count: 1, Check: paramNonEmpty, Help: "the note text"},
	"send_webhook_event":    {Count: 1, Check: paramHTTPURL, Help: "the http:// or https:// URL to post the event to"},
	"send_email_transcript": {Count: 1, Check: paramNonEmpty, Help: "the recipients' email addresses, comma-separated, in one string"},
	"change_status": {Count: 1, Check: paramOneOf(ConversationStatuses...),
		Help: "one of " + QuotedList(ConversationStatuses)},
	"change_priority": {Count: 1, Check: paramOneOf(append(slices.Clone(ConversationPriorities), ParamUnassign)...),
		Help: `one of "low", "medium", "high", "urgent", or "nil" to clear the priority`},
}

// MacroActionParams are the same rules for the macro actions (send_attachment excluded), except
// that a macro's assign_agent also takes "self": the user who executes it.
var MacroActionParams = macroActionParams()

func macroActionParams() map[string]ActionParamRule {
	out := map[string]ActionParamRule{}
	for _, name := range MacroActionNames {
		if rule, ok := AutomationActionParams[name]; ok {
			out[name] = rule
		}
	}
	out["assign_agent"] = ActionParamRule{Count: 1, Check: paramOneOfOrID(ParamUnassign, ParamLastRespondingAgent, ParamSelf),
		Help: `one agent's user id (a whole number, sent to Chatwoot as a JSON integer), "self" for the user who runs the macro, "nil" to unassign, or "last_responding_agent"`}
	return out
}

func paramOneOfOrID(words ...string) func(string) string {
	return func(s string) string {
		if IsRecordID(s) || slices.Contains(words, s) {
			return ""
		}
		if len(words) == 0 {
			return fmt.Sprintf("%q is not a whole number of 1 or more", s)
		}
		return fmt.Sprintf("%q is neither a whole number of 1 or more nor one of %s", s, QuotedList(words))
	}
}

func paramOneOf(words ...string) func(string) string {
	return func(s string) string {
		if slices.Contains(words, s) {
			return ""
		}
		return fmt.Sprintf("%q is not one of %s", s, QuotedList(words))
	}
}

func paramNonEmpty(s string) string {
	if strings.TrimSpace(s) == "" {
		return "the value is empty"
	}
	return ""
}

func paramHTTPURL(s string) string {
	u, err := url.Parse(s)
	if err != nil || (u.Scheme != "http" && u.Scheme != "https") || u.Host == "" {
		return fmt.Sprintf("%q is not an absolute http:// or https:// URL", s)
	}
	return ""
}

// QuotedList renders words as "a", "b", "c" for messages.
func QuotedList(words []string) string {
	q := make([]string, len(words))
	for i, w := range words {
		q[i] = strconv.Quote(w)
	}
	return strings.Join(q, ", ")
}
