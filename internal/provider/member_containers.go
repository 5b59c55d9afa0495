package provider

import "fmt"

// What the member resources of a team or an inbox (chatwoot_team_members, chatwoot_team_member
// and their inbox twins, in member_set_resource.go and membership_resource.go) share about the
// container.

// memberOperation names a call on the members of a container, for its diagnostics: "adding user
// 3 to team 7", "setting the members of inbox 2". A container Chatwoot no longer has is named as
// such ("team 7").
func memberOperation(action, noun string, accountID, parentID int64) operation {
	return operation{
		action:    fmt.Sprintf("%s %s %d", action, noun, parentID),
		accountID: accountID,
		notFound:  fmt.Sprintf("%s %d", noun, parentID),
	}
}

// memberKind is the objectKind of a member resource (typeName "team_members" or "team_member"):
// its id attribute is the container's, "team_id", and its messages name the container, "team".
func memberKind(typeName, noun string) objectKind {
	return objectKind{typeName: typeName, idAttr: noun + "_id", noun: noun, idDescription: "The " + noun + "'s id."}
}
