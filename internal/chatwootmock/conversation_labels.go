package chatwootmock

import (
	"encoding/json"
	"sort"
	"strings"
)

// Conversation labels (Conversations::LabelsController with LabelConcern). Labels are
// acts_as_taggable_on tags: any string is stored, whether or not a Label record (DESIGN.md §6.7) exists.
//
// Not modelled: tags are global rows in Chatwoot, so a new tag that differs only in case from an
// existing one is filed under the existing name (visible on a later index); quoted tags
// ("a,b") are not split on their commas; and a later index reads the taggings in database
// order, where this mock keeps the order last posted.

// listConversationLabels is GET …/conversations/{display_id}/labels: {"payload": label_list}.
func (s *Server) listConversationLabels(c *reqCtx) error {
	cv, err := s.fetchConversation(c, "conversation_id")
	if err != nil {
		return err
	}
	c.ok(obj{{"payload", append([]string{}, cv.labels...)}})
	return nil
}

// setConversationLabels is POST …/conversations/{display_id}/labels, i.e. update_labels:
// update!(label_list: params[:labels]). The list replaces the conversation's labels; a missing,
// null or non-array value (params.permit(labels: []) drops it) clears them.
func (s *Server) setConversationLabels(c *reqCtx) error {
	cv, err := s.fetchConversation(c, "conversation_id")
	if err != nil {
		return err
	}
	var next []string
	if list, ok := c.p.get("labels").([]any); ok && scalarArray(list) {
		next = parseTagList(list)
	}
	if !sameStrings(cv.labels, next) {
		// The cached_label_list column changes, so the record is saved.
		cv.updatedAt = s.now()
		// label_list is dirty (and in the conversation_updated whitelist) only when the
		// sorted lists differ.
		if !sameStrings(sortedCopy(cv.labels), sortedCopy(next)) {
			s.dispatchEvent(c, cv, "conversation_updated")
			s.conversationWebhook(c, cv, "conversation_updated", statusChange("label_list", append([]string{}, cv.labels...), next))
		}
	}
	cv.labels = next
	c.ok(obj{{"payload", append([]string{}, next...)}})
	return nil
}

// scalarArray is strong parameters' array_of_permitted_scalars?: nested objects or arrays make
// Rails drop the whole key.
func scalarArray(list []any) bool {
	for _, v := range list {
		switch v.(type) {
		case nil, string, bool, json.Number, float64:
		default:
			return false
		}
	}
	return true
}

// parseTagList is acts_as_taggable_on's DefaultParser followed by TagList#clean!, with Chatwoot's
// defaults (no force_lowercase, no strict_case_match): a list is joined with ", " and split again
// on commas, names are stripped, blanks dropped and duplicates removed ignoring case (first wins).
func parseTagList(v any) []string {
	var joined string
	switch x := v.(type) {
	case []any:
		parts := make([]string, 0, len(x))
		for _, item := range x {
			s, _ := strVal(item) // nil joins as ""
			parts = append(parts, s)
		}
		joined = strings.Join(parts, ", ")
	default:
		joined, _ = strVal(x)
	}
	out := []string{}
	seen := map[string]bool{}
	for _, name := range strings.Split(joined, ",") {
		if strings.TrimSpace(name) == "" {
			continue
		}
		name = strings.Trim(name, " \t\n\v\f\r\x00") // Ruby's String#strip
		key := strings.ToLower(name)
		if seen[key] {
			continue
		}
		seen[key] = true
		out = append(out, name)
	}
	return out
}

// labelsFilter is ConversationFinder#filter_by_labels, run `if params[:labels]`: tagged_with(…,
// any: true). It reports whether the filter applies and the names to match; an empty parsed list
// matches nothing.
func labelsFilter(p params) (map[string]bool, bool) {
	v := p.get("labels")
	if v == nil {
		return nil, false
	}
	want := map[string]bool{}
	for _, name := range parseTagList(v) {
		want[strings.ToLower(name)] = true
	}
	return want, true
}

// hasAnyLabel compares names case-insensitively, as tagged_with does without strict_case_match.
func hasAnyLabel(cv *conversation, want map[string]bool) bool {
	for _, l := range cv.labels {
		if want[strings.ToLower(l)] {
			return true
		}
	}
	return false
}

func sameStrings(a, b []string) bool {
	if len(a) != len(b) {
		return false
	}
	for i := range a {
		if a[i] != b[i] {
			return false
		}
	}
	return true
}

func sortedCopy(list []string) []string {
	out := append([]string(nil), list...)
	sort.Strings(out)
	return out
}
