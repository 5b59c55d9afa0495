package export

import (
	"context"
	"fmt"
)

// agentKind: one chatwoot_agent per member of the account, named after the part of the email
// before the @. The token's own user is not exported as a resource: a resource for it could
// demote it (role) or remove it from the account (destroy), and the token would lose the rights
// to undo that. Other objects find it with the chatwoot_agent data source instead.
var agentKind = &Kind{
	Name:     "agent",
	Resource: "chatwoot_agent",
	Export: func(ctx context.Context, s *Session, k *Kind) error {
		names, byID, err := s.agentNames(ctx)
		if err != nil {
			return err
		}
		for _, id := range sortedIDs(byID) {
			a := byID[id]
			if id == s.Self.ID {
				s.Note(k, fmt.Sprintf("agent %s (user %d)", a.Email, id), "the token's own user is not exported as a resource, "+
					"so that no plan can change its role or remove it from the account (the token would lose the rights to undo it); "+
					"objects that refer to it use the chatwoot_agent data source")
				continue
			}
			attrs := []Attr{{"email", String(a.Email)}, {"name", String(a.Name)}}
			if a.Role != "agent" {
				attrs = append(attrs, Attr{"role", String(a.Role)})
			}
			// availability is managed only when set; Chatwoot reports the effective status, which for
			// an auto_offline agent without a session is "offline" whatever was set. The provider
			// adopts the status on import only when it is not such an automatic offline, so the
			// export writes exactly that case, or the first plan would remove it.
			if a.AvailabilityStatus != "" && (!a.AutoOffline || a.AvailabilityStatus != "offline") {
				attrs = append(attrs, Attr{"availability", String(a.AvailabilityStatus)})
			}
			if !a.AutoOffline {
				attrs = append(attrs, Attr{"auto_offline", Bool(false)})
			}
			s.Emit(k, id, names[id], "user_id", attrs)
		}
		return nil
	},
}
