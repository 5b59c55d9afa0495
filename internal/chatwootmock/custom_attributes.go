package chatwootmock

import (
	"encoding/json"
	"net/http"
	"regexp"
	"strings"
	"time"
)

var (
	customAttributeColumns = []string{"attribute_display_name", "attribute_key", "attribute_display_type",
		"default_value", "attribute_model", "attribute_description", "attribute_values", "regex_pattern", "regex_cue"}
	displayTypes     = []string{"text", "number", "currency", "percent", "link", "date", "list", "checkbox"}
	attributeModels  = []string{"conversation_attribute", "contact_attribute", "company_attribute"}
	attributeKeyForm = regexp.MustCompile(`^[\p{L}\p{N}_.\-]+$`)
	// standardAttributes may not be reused as custom keys on create.
	standardAttributes = map[string][]string{
		"conversation_attribute": strings.Fields("status priority assignee_id inbox_id team_id display_id campaign_id labels browser_language country_code referer created_at last_activity_at"),
		"contact_attribute":      strings.Fields("name email phone_number identifier country_code city company_name created_at last_activity_at referer blocked"),
		"company_attribute":      strings.Fields("name domain description contacts_count created_at updated_at last_activity_at"),
	}
)

type customAttributeDefinition struct {
	id           int64
	displayName  string
	displayType  string
	description  any
	key          string
	regexPattern any
	regexCue     any
	values       []any
	model        string
	defaultValue any
	createdAt    time.Time
	updatedAt    time.Time
}

func customAttributeJSON(d *customAttributeDefinition) obj {
	return obj{{"id", d.id}, {"attribute_display_name", d.displayName}, {"attribute_display_type", d.displayType},
		{"attribute_description", d.description}, {"attribute_key", d.key}, {"regex_pattern", d.regexPattern},
		{"regex_cue", d.regexCue}, {"attribute_values", append([]any{}, d.values...)}, {"attribute_model", d.model},
		{"default_value", d.defaultValue}, {"created_at", iso(d.createdAt)}, {"updated_at", iso(d.updatedAt)}}
}

// customAttribute finds a definition of the account by key (any model).
func (s *Server) customAttribute(a *account, key string) *customAttributeDefinition {
	for _, d := range a.customAttributeDef {
		if d.key == key {
			return d
		}
	}
	return nil
}

// enumName accepts an enum's name or its JSON integer value; ok is false for anything else, which
// Chatwoot answers with a 500 (a numeric string in a JSON body too). lenient also takes numeric
// strings, as the list filter does: a query string has no integers.
func enumName(v any, names []string, lenient bool) (string, bool) {
	switch x := v.(type) {
	case string:
		if containsString(names, x) {
			return x, true
		}
		if !lenient {
			return "", false
		}
		if n, err := json.Number(x).Int64(); err == nil && n >= 0 && int(n) < len(names) {
			return names[n], true
		}
	case json.Number:
		if n, err := x.Int64(); err == nil && n >= 0 && int(n) < len(names) {
			return names[n], true
		}
	}
	return "", false
}

func (s *Server) listCustomAttributes(c *reqCtx) error {
	model := ""
	if raw := c.p.get("attribute_model"); present(raw) {
		m, ok := enumName(raw, attributeModels, true)
		if !ok {
			return internalError()
		}
		model = m
	}
	out := []any{}
	for _, d := range c.acct.customAttributeDef {
		if model == "" || d.model == model {
			out = append(out, customAttributeJSON(d))
		}
	}
	c.ok(out)
	return nil
}

// fetchCustomAttribute runs before authorization: agents get 404 for a missing id.
func (s *Server) fetchCustomAttribute(c *reqCtx) (*customAttributeDefinition, error) {
	id, _ := c.pathID("id")
	for _, d := range c.acct.customAttributeDef {
		if d.id == id {
			return d, nil
		}
	}
	return nil, notFound()
}

func (s *Server) showCustomAttribute(c *reqCtx) error {
	d, err := s.fetchCustomAttribute(c)
	if err != nil {
		return err
	}
	c.ok(customAttributeJSON(d))
	return nil
}

func (s *Server) createCustomAttribute(c *reqCtx) error {
	if err := c.requireAdmin(); err != nil {
		return err
	}
	body, err := c.p.wrapped("custom_attribute_definition", customAttributeColumns)
	if err != nil {
		return err
	}
	now := s.now()
	d := &customAttributeDefinition{displayType: "text", model: "conversation_attribute", values: []any{}, createdAt: now, updatedAt: now}
	if err := s.applyCustomAttributeParams(c.acct, d, body, true); err != nil {
		return err
	}
	d.id = s.nextID("custom_attribute_definitions")
	c.acct.customAttributeDef = append(c.acct.customAttributeDef, d)
	c.ok(customAttributeJSON(d))
	return nil
}

func (s *Server) updateCustomAttribute(c *reqCtx) error {
	d, err := s.fetchCustomAttribute(c)
	if err != nil {
		return err
	}
	if err := c.requireAdmin(); err != nil {
		return err
	}
	body, err := c.p.wrapped("custom_attribute_definition", customAttributeColumns)
	if err != nil {
		return err
	}
	if err := s.applyCustomAttributeParams(c.acct, d, body, false); err != nil {
		return err
	}
	d.updatedAt = s.now()
	c.ok(customAttributeJSON(d))
	return nil
}

// applyCustomAttributeParams: enums by name or integer (invalid → 500); the key and display name
// are stripped; the key is formatted, unique per model and, on create only, not a standard
// attribute of its model. Key and model are updatable. default_value is not permitted, so it
// stays null.
func (s *Server) applyCustomAttributeParams(a *account, d *customAttributeDefinition, body map[string]any, creating bool) error {
	next := *d
	for k, v := range body {
		switch k {
		case "attribute_display_name":
			name, _ := strVal(v)
			next.displayName = strings.TrimSpace(name)
		case "attribute_display_type":
			name, ok := enumName(v, displayTypes, false)
			if !ok {
				return internalError()
			}
			next.displayType = name
		case "attribute_model":
			name, ok := enumName(v, attributeModels, false)
			if !ok {
				return internalError()
			}
			next.model = name
		case "attribute_key":
			key, _ := strVal(v)
			next.key = strings.TrimSpace(key)
		case "attribute_description":
			next.description = nullableStr(v)
		case "regex_pattern":
			next.regexPattern = nullableStr(v)
		case "regex_cue":
			next.regexCue = nullableStr(v)
		case "attribute_values":
			// Only an array of scalars is permitted; anything else is dropped.
			if list, isList := v.([]any); isList {
				next.values = []any{}
				for _, e := range list {
					switch e.(type) {
					case map[string]any, []any:
					default:
						next.values = append(next.values, e)
					}
				}
			}
		}
	}
	v := &validation{}
	if strings.TrimSpace(next.displayName) == "" {
		v.add("attribute_display_name", "Attribute display name can't be blank")
	}
	if next.key == "" {
		v.add("attribute_key", "Attribute key can't be blank")
	}
	if !attributeKeyForm.MatchString(next.key) {
		v.add("attribute_key", "Attribute key must only contain letters, numbers, underscores, hyphens, and dots")
	}
	for _, other := range a.customAttributeDef {
		if next.key != "" && other.id != d.id && other.key == next.key && other.model == next.model {
			v.add("attribute_key", "Attribute key has already been taken")
		}
	}
	if creating {
		if containsString(standardAttributes[next.model], next.key) {
			v.add("attribute_key", "Attribute key The provided key is not allowed as it might conflict with default attributes.")
		}
	}
	v.checkLength("attribute_display_name", "Attribute display name", next.displayName, 255)
	v.checkLength("attribute_key", "Attribute key", next.key, 255)
	if err := v.err(); err != nil {
		return err
	}
	*d = next
	return nil
}

// deleteCustomAttribute answers 204, unlike every other delete.
func (s *Server) deleteCustomAttribute(c *reqCtx) error {
	d, err := s.fetchCustomAttribute(c)
	if err != nil {
		return err
	}
	if err := c.requireAdmin(); err != nil {
		return err
	}
	kept := c.acct.customAttributeDef[:0:0]
	for _, x := range c.acct.customAttributeDef {
		if x.id != d.id {
			kept = append(kept, x)
		}
	}
	c.acct.customAttributeDef = kept
	c.resp = emptyResponse(http.StatusNoContent)
	return nil
}
