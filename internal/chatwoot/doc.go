// Package chatwoot is a typed client for the parts of Chatwoot's Application API that the
// provider uses. It knows nothing about Terraform: resources call it with plain Go values and get
// typed results or typed errors back. DESIGN.md at the repository's root describes, by section,
// the Chatwoot behaviour the client relies on; the parts that shape this package are:
//
//   - Every authentication and authorization failure is an HTTP 401 whose body alone says why
//     (DESIGN.md §1.2); APIError.Auth holds the decoded cause.
//   - Errors come in four body shapes (DESIGN.md §2); APIError.Message and Attributes are read from any.
//   - "No such object" has one signal: IsNotFound(err), that is errors.Is(err, ErrNotFound),
//     is true for a 404, for an id or name missing from a cached list (*NotFoundError), and
//     for an automation rule that Chatwoot answered with a 500 and the list confirmed absent
//     (DESIGN.md §6.6).
//   - The assignment endpoint ignores team_id whenever assignee_id is in the body, and clears
//     the assignment for an id it does not know (DESIGN.md §4.2 to §4.5), so the Assign* methods send one
//     field each and compare Chatwoot's answer with what they sent.
//   - The account-wide lists of agents, teams, agent bots, inboxes, the vocabulary kinds and the
//     Assignment V2 policies are cached for the life of the Client (DESIGN.md §D.3); each cached
//     kind is one CachedList (lookups.go) with All, Get and Find, and a write invalidates it.
//   - Each endpoint method is one call, decoded by the shape of Chatwoot's answer: objectOf (an
//     object), listOf (an array), payloadOf and payloadListOf (either under "payload"), in client.go.
//   - Requests are retried on 429, 502, 503, 504 and connection failures, never a create whose
//     outcome is unknown (DESIGN.md §7.1; see retry.go).
//
// Every request takes a context, names itself in errors by method and path (never the token or
// the host), and decodes only the keys the provider uses.
package chatwoot
