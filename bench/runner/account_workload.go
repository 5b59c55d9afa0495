package main

import (
	"encoding/json"
	"fmt"
	"regexp"
	"sort"
	"strings"
)

// The account workload: one account configuration of M objects over the vocabulary kinds, the
// configuration an administrator keeps for a whole account. Object i is of kind i mod K, so the
// kinds get M/K objects each; team i's member set is team_members i, so there are as many member
// sets as teams or one fewer. It runs three phases (accountPhases: apply, plan, destroy) and
// counts the requests of each by route.

// accountKind is one resource kind of the account workload.
type accountKind struct {
	name     string // the key in account.json and the resource's name in main.tf: "labels"
	resource string // "chatwoot_label"
	// collection is the kind's route under /api/v1/accounts/:id, as routeOf normalises it: a GET of
	// it is the kind's list, a GET of collection/:id a show request.
	collection string
	// arguments are the resource's arguments, reading each.value.
	arguments string
	// object returns the i-th object of the kind (its key and its values in account.json).
	object func(i int, agents []int64) (string, map[string]any)
	// beforeVocabulary: the kind predates issue 18 and its one-list rule (teams). Its refresh reads
	// each object with its own show request, and its name check uses the lookup cache of
	// internal/chatwoot/lookups.go, which re-reads a list once when a name is not in it, so each
	// plan of a new object may cost a list, in the plan process and again in the apply process.
	beforeVocabulary bool
	// asyncDelete: Chatwoot deletes the objects in a background job and destroy waits, listing the
	// kind until the object is gone, as often as that takes.
	asyncDelete bool
	// memberSet: the kind is a team's member set, which has no account-wide list (each team's
	// members are read on their own, so every object costs a list request on refresh) and is
	// written with one PATCH that sets the members, on create and on destroy alike.
	memberSet bool
}

var accountKinds = []accountKind{
	stringKind("labels", "chatwoot_label", "l", "title", "bench-#", "description", "Label #"),
	stringKind("canned_responses", "chatwoot_canned_response", "c", "short_code", "bench-#", "content", "Reply #"),
	stringKind("custom_attribute_definitions", "chatwoot_custom_attribute_definition", "a",
		"attribute_key", "bench_#", "attribute_display_name", "Attribute #", "attribute_model", "conversation_attribute"),
	// The URLs are not loopback ones, so the mock records deliveries and never sends them.
	stringKind("webhooks", "chatwoot_webhook", "w", "url", "https://hooks.example.test/#", "name", "Hook #"),
	withArguments(stringKind("macros", "chatwoot_macro", "m", "name", "Macro #", "message", "Sent by macro #"),
		"  name    = each.value.name\n  actions = [{ action_name = \"send_message\", params = [each.value.message] }]\n"),
	{
		name: "sla_policies", resource: "chatwoot_sla_policy", collection: "/sla_policies", asyncDelete: true,
		arguments: "  name                          = each.value.name\n  first_response_time_threshold = each.value.first_response\n",
		object: func(i int, _ []int64) (string, map[string]any) {
			k := fmt.Sprintf("s%04d", i)
			return k, map[string]any{"name": "SLA " + k, "first_response": 60 * (i + 1)}
		},
	},
	beforeVocabulary(stringKind("teams", "chatwoot_team", "t", "name", "bench-#", "description", "Team #")),
	{
		name: "team_members", resource: "chatwoot_team_members", collection: "/teams/:id/team_members", memberSet: true,
		arguments: "  team_id  = chatwoot_team.teams[each.value.team].team_id\n  user_ids = each.value.user_ids\n",
		object: func(i int, agents []int64) (string, map[string]any) {
			return teamKey(i), map[string]any{"team": teamKey(i), "user_ids": agents}
		},
	},
}

// stringKind is a kind listed at /<name> whose arguments are strings: pairs of an argument and
// its value, in which # stands for the object's key (prefix and number: "l0007").
func stringKind(name, resource, prefix string, pairs ...string) accountKind {
	var args strings.Builder
	for i := 0; i < len(pairs); i += 2 {
		fmt.Fprintf(&args, "  %s = each.value.%s\n", pairs[i], pairs[i])
	}
	return accountKind{
		name: name, resource: resource, collection: "/" + name, arguments: args.String(),
		object: func(i int, _ []int64) (string, map[string]any) {
			key := fmt.Sprintf("%s%04d", prefix, i)
			values := map[string]any{}
			for j := 0; j < len(pairs); j += 2 {
				values[pairs[j]] = strings.ReplaceAll(pairs[j+1], "#", key)
			}
			return key, values
		},
	}
}

func withArguments(k accountKind, arguments string) accountKind {
	k.arguments = arguments
	return k
}

func beforeVocabulary(k accountKind) accountKind {
	k.beforeVocabulary = true
	return k
}

// teamKey is the key of team i, as stringKind makes it.
func teamKey(i int) string { return fmt.Sprintf("t%04d", i) }

// accountObjects returns account.json's content: for each kind, its objects by key. The agents
// are the seeded account's, the members of every team.
func accountObjects(m int, agents []int64) map[string]map[string]map[string]any {
	out := map[string]map[string]map[string]any{}
	for _, k := range accountKinds {
		out[k.name] = map[string]map[string]any{}
	}
	for i := range m {
		k := accountKinds[i%len(accountKinds)]
		key, values := k.object(i/len(accountKinds), agents)
		out[k.name][key] = values
	}
	return out
}

// accountObjectCounts is how many objects of each kind the workload of m objects holds.
func accountObjectCounts(m int) map[string]int {
	counts := map[string]int{}
	for i := range m {
		counts[accountKinds[i%len(accountKinds)].name]++
	}
	return counts
}

func accountJSON(m int, agents []int64) ([]byte, error) {
	return json.MarshalIndent(accountObjects(m, agents), "", " ")
}

// accountConfiguration returns main.tf of the account workload: the chatwoot provider's
// resources, or (provider empty) as many terraform_data resources with the same values, which is
// what Terraform alone costs.
func accountConfiguration(provider string) string {
	var b strings.Builder
	b.WriteString(provider)
	b.WriteString("\nlocals {\n  account = jsondecode(file(\"${path.module}/account.json\"))\n}\n")
	for _, k := range accountKinds {
		if provider == "" {
			fmt.Fprintf(&b, "\nresource \"terraform_data\" %q {\n  for_each = local.account.%s\n  input    = each.value\n}\n", k.name, k.name)
			continue
		}
		fmt.Fprintf(&b, "\nresource %q %q {\n  for_each = local.account.%s\n%s}\n", k.resource, k.name, k.name, k.arguments)
	}
	return b.String()
}

// Route operations, as the report's columns name them.
const (
	opList   = "list"   // GET of the collection
	opShow   = "show"   // GET of one object
	opCreate = "create" // POST
	opUpdate = "update" // PATCH or PUT
	opDelete = "delete" // DELETE
)

var (
	accountPrefix = regexp.MustCompile(`^/api/v1/accounts/\d+/`)
	numericPart   = regexp.MustCompile(`/\d+(/|$)`)
)

// routeOf names a request by its method and its path with the account prefix dropped and the ids
// replaced: "GET /labels", "DELETE /teams/:id/team_members", "GET /api/v1/accounts/:id".
func routeOf(method, path string) string {
	p := accountPrefix.ReplaceAllString(path, "/")
	for numericPart.MatchString(p) {
		p = numericPart.ReplaceAllString(p, "/:id$1")
	}
	return method + " " + p
}

// kindRoute says which kind and operation a route is, or ok false for any other route.
func kindRoute(route string) (kind, op string, ok bool) {
	method, p, _ := strings.Cut(route, " ")
	for _, k := range accountKinds {
		switch {
		case p == k.collection && method == "GET":
			return k.name, opList, true
		case p == k.collection && method == "POST":
			return k.name, opCreate, true
		case p == k.collection && (method == "PATCH" || method == "DELETE"):
			return k.name, opUpdate, true // a member set's PATCH; DELETE would remove some members
		case p == k.collection+"/:id":
			switch method {
			case "GET":
				return k.name, opShow, true
			case "PATCH", "PUT":
				return k.name, opUpdate, true
			case "DELETE":
				return k.name, opDelete, true
			}
		}
	}
	return "", "", false
}

// kindCounts is one kind's requests in a phase, by operation.
type kindCounts map[string]int

// byKind sorts a phase's route counts into the kinds' operations and the other routes.
func byKind(routes map[string]int) (kinds map[string]kindCounts, other map[string]int) {
	kinds, other = map[string]kindCounts{}, map[string]int{}
	for route, n := range routes {
		kind, op, ok := kindRoute(route)
		if !ok {
			other[route] += n
			continue
		}
		if kinds[kind] == nil {
			kinds[kind] = kindCounts{}
		}
		kinds[kind][op] += n
	}
	return kinds, other
}

// kindBudget is what one kind may send in one phase, from issue 18's targets and the design: a
// refresh lists each kind at most once per provider process and sends no show request (the
// lists hold every field), a write is one request per object, and each write invalidates the
// kind's cached list, so the next plan of an object of that kind in the same process (Terraform
// plans each object again before applying it) may list the kind again.
type kindBudget struct {
	maxLists int // negative: no bound (destroy waiting for background deletions)
	maxShows int
	// writes are exact: one per object of the phase's operation, nothing else.
	writes map[string]int
}

// accountBudget is a kind's budget in a phase of a command that started procs provider processes.
func accountBudget(k accountKind, objects int, ph phase, procs int) kindBudget {
	lists := procs // one per kind and account per provider process
	if k.memberSet {
		lists = objects // one per team: Terraform refreshes each object once per command
	}
	// In an apply, each create invalidates the kind's list, which the next plan of an object of
	// the kind in the apply process re-reads: up to one list per object. The older lookup of a
	// beforeVocabulary kind may re-read it for each new object in both processes.
	relists, shows := objects, 0
	if k.beforeVocabulary {
		relists, shows = 2*objects, objects
	}
	write := func(op string) map[string]int {
		if k.memberSet {
			op = opUpdate
		}
		return map[string]int{op: objects}
	}
	switch ph {
	case phaseApply:
		// Nothing to refresh; the plan checks unique fields against the list, once per process,
		// then the re-reads. A member set has nothing unique to check.
		if k.memberSet {
			return kindBudget{writes: write(opCreate)}
		}
		return kindBudget{maxLists: lists + relists, writes: write(opCreate)}
	case phaseDestroy:
		// Terraform's refresh, then one delete per object.
		if k.asyncDelete {
			lists = -1
		}
		return kindBudget{maxLists: lists, maxShows: shows, writes: write(opDelete)}
	default:
		return kindBudget{maxLists: lists, maxShows: shows}
	}
}

// within reports whether a kind's counts keep to its budget.
func (b kindBudget) within(c kindCounts) bool {
	if (b.maxLists >= 0 && c[opList] > b.maxLists) || c[opShow] > b.maxShows {
		return false
	}
	for _, op := range []string{opCreate, opUpdate, opDelete} {
		if c[op] != b.writes[op] {
			return false
		}
	}
	return true
}

// String is the budget as the report shows it.
func (b kindBudget) String() string {
	parts := []string{fmt.Sprintf("≤ %d list", b.maxLists)}
	if b.maxLists < 0 {
		parts[0] = "lists until deleted"
	}
	if b.maxShows > 0 {
		parts = append(parts, fmt.Sprintf("≤ %d show", b.maxShows))
	}
	for _, op := range []string{opCreate, opUpdate, opDelete} {
		if b.writes[op] > 0 {
			parts = append(parts, fmt.Sprintf("%d %s", b.writes[op], op))
		}
	}
	return strings.Join(parts, ", ")
}

// sortedRoutes lists routes and their counts, most frequent first.
func sortedRoutes(routes map[string]int) []string {
	keys := make([]string, 0, len(routes))
	for r := range routes {
		keys = append(keys, r)
	}
	sort.Slice(keys, func(i, j int) bool {
		if routes[keys[i]] != routes[keys[j]] {
			return routes[keys[i]] > routes[keys[j]]
		}
		return keys[i] < keys[j]
	})
	return keys
}
