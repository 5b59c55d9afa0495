package export

import (
	"context"
	"strings"
)

// Kind is one resource type the exporter writes. Adding a kind is one file, kind_<name>.go,
// declaring a Kind whose Export reads the account's list (through the Session, which caches it)
// and calls Emit for each object, Refuse for each it cannot represent; and one line below.
type Kind struct {
	Name     string // the -types value, and the file name (<name>.tf)
	Resource string // the resource type, e.g. chatwoot_team
	// OptIn kinds are exported only when -types names them.
	OptIn  bool
	Export func(ctx context.Context, s *Session, k *Kind) error
}

func (k *Kind) plural() string { return strings.ReplaceAll(k.Name, "_", " ") + " objects" }

// kinds, in the order they are exported: a kind comes after the kinds it refers to, so that a
// reference finds the resource written before it.
var kinds = []*Kind{
	teamKind,
	agentKind,
	inboxKind,
	agentBotKind,
	teamMembersKind,
	inboxMembersKind,
	inboxAutoAssignmentKind,
	labelKind,
	cannedResponseKind,
	customAttributeKind,
	webhookKind,
	slaPolicyKind,
	inboxAgentBotKind,
	assignmentPolicyKind,
	inboxAssignmentPolicyKind,
	capacityPolicyKind,
	capacityPolicyMembersKind,
	automationRuleKind,
	macroKind,
	conversationAssignmentKind,
}
