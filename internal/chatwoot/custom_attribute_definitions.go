package chatwoot

import (
	"bytes"
	"context"
	"encoding/json"
	"net/http"
	"net/url"
)

// CustomAttributeDefinition is one custom attribute definition. Enums read back as names
// (CustomAttributeDisplayTypes, CustomAttributeModels); default_value is always null, since
// Chatwoot does not take it, and is not decoded.
type CustomAttributeDefinition struct {
	ID                   int64        `json:"id"`
	AttributeDisplayName string       `json:"attribute_display_name"`
	AttributeDisplayType string       `json:"attribute_display_type"`
	AttributeDescription string       `json:"attribute_description"`
	AttributeKey         string       `json:"attribute_key"`
	RegexPattern         string       `json:"regex_pattern"`
	RegexCue             string       `json:"regex_cue"`
	AttributeValues      ScalarValues `json:"attribute_values"`
	AttributeModel       string       `json:"attribute_model"`
	CreatedAt            string       `json:"created_at"`
	UpdatedAt            string       `json:"updated_at"`
}

// ScalarValues is a JSON array of scalars read as text: strings as they are, numbers and
// booleans as their JSON text, null as "".
type ScalarValues []string

// UnmarshalJSON reads the array; a null array is empty.
func (v *ScalarValues) UnmarshalJSON(data []byte) error {
	var raw []json.RawMessage
	if err := json.Unmarshal(data, &raw); err != nil {
		return err
	}
	out := make(ScalarValues, 0, len(raw))
	for _, r := range raw {
		var s string
		switch {
		case json.Unmarshal(r, &s) == nil:
		case string(bytes.TrimSpace(r)) == "null":
			s = ""
		default:
			s = string(bytes.TrimSpace(r))
		}
		out = append(out, s)
	}
	*v = out
	return nil
}

// CustomAttributeDefinitionFields are the writable fields; a nil field is not sent. Send enums
// as names only: Chatwoot answers an unknown name, or a number in a string, with a 500.
// AttributeValues, when set, replaces the list (&[]string{} clears it). Key and display name
// are stripped of surrounding spaces by Chatwoot.
type CustomAttributeDefinitionFields struct {
	AttributeDisplayName *string   `json:"attribute_display_name,omitempty"`
	AttributeKey         *string   `json:"attribute_key,omitempty"`
	AttributeModel       *string   `json:"attribute_model,omitempty"`
	AttributeDisplayType *string   `json:"attribute_display_type,omitempty"`
	AttributeDescription *string   `json:"attribute_description,omitempty"`
	AttributeValues      *[]string `json:"attribute_values,omitempty"`
	RegexPattern         *string   `json:"regex_pattern,omitempty"`
	RegexCue             *string   `json:"regex_cue,omitempty"`
}

type customAttributeBody struct {
	Definition CustomAttributeDefinitionFields `json:"custom_attribute_definition"`
}

// ListCustomAttributeDefinitions returns the account's definitions (any member), of one model
// or, with model "", of all.
func (c *Client) ListCustomAttributeDefinitions(ctx context.Context, accountID int64, model string) ([]CustomAttributeDefinition, error) {
	cl := call{method: http.MethodGet, path: accountPath(accountID, "/custom_attribute_definitions"), idempotent: true}
	if model != "" {
		cl.query = url.Values{"attribute_model": {model}}
	}
	return listOf[CustomAttributeDefinition](ctx, c, cl)
}

// GetCustomAttributeDefinition reads one definition (any member).
func (c *Client) GetCustomAttributeDefinition(ctx context.Context, accountID, id int64) (*CustomAttributeDefinition, error) {
	return objectOf[CustomAttributeDefinition](ctx, c, call{method: http.MethodGet, path: accountPath(accountID, "/custom_attribute_definitions/%d", id), idempotent: true})
}

// CreateCustomAttributeDefinition creates a definition (administrators only). A key taken in the
// same model, or a standard attribute's key, is a 422 naming "attribute_key". Not retried after
// an unknown outcome.
func (c *Client) CreateCustomAttributeDefinition(ctx context.Context, accountID int64, fields CustomAttributeDefinitionFields) (*CustomAttributeDefinition, error) {
	defer c.lookups.invalidate(accountID, CustomAttributeDefinitions.Kind) // the cached list is what Read sees
	cl := call{method: http.MethodPost, path: accountPath(accountID, "/custom_attribute_definitions"), body: customAttributeBody{fields}}
	return objectOf[CustomAttributeDefinition](ctx, c, cl)
}

// UpdateCustomAttributeDefinition changes the fields that are set (administrators only); key and
// model may change too.
func (c *Client) UpdateCustomAttributeDefinition(ctx context.Context, accountID, id int64, fields CustomAttributeDefinitionFields) (*CustomAttributeDefinition, error) {
	defer c.lookups.invalidate(accountID, CustomAttributeDefinitions.Kind) // the cached list is what Read sees
	cl := call{method: http.MethodPatch, path: accountPath(accountID, "/custom_attribute_definitions/%d", id), body: customAttributeBody{fields}, idempotent: true}
	return objectOf[CustomAttributeDefinition](ctx, c, cl)
}

// DeleteCustomAttributeDefinition deletes a definition (administrators only); Chatwoot answers
// 204, and 404 for an unknown id.
func (c *Client) DeleteCustomAttributeDefinition(ctx context.Context, accountID, id int64) error {
	defer c.lookups.invalidate(accountID, CustomAttributeDefinitions.Kind) // the cached list is what Read sees
	_, err := c.do(ctx, call{method: http.MethodDelete, path: accountPath(accountID, "/custom_attribute_definitions/%d", id), idempotent: true}, nil)
	return err
}
