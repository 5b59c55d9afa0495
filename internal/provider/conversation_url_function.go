package provider

import (
	"context"
	"fmt"
	"net/url"
	"strconv"
	"strings"

	"github.com/hashicorp/terraform-plugin-framework/attr"
	"github.com/hashicorp/terraform-plugin-framework/function"
	"github.com/hashicorp/terraform-plugin-framework/types"
)

var _ function.Function = (*conversationURLFunction)(nil)

// NewConversationURLFunction is provider::chatwoot::conversation_url.
func NewConversationURLFunction() function.Function {
	return &conversationURLFunction{}
}

type conversationURLFunction struct{}

var conversationURLAttrTypes = map[string]attr.Type{
	"account_id":      types.Int64Type,
	"conversation_id": types.Int64Type,
}

func (f *conversationURLFunction) Metadata(_ context.Context, _ function.MetadataRequest, resp *function.MetadataResponse) {
	resp.Name = "conversation_url"
}

func (f *conversationURLFunction) Definition(_ context.Context, _ function.DefinitionRequest, resp *function.DefinitionResponse) {
	resp.Definition = function.Definition{
		Summary: "Parse a Chatwoot conversation link into its account and conversation ids",
		MarkdownDescription: "Takes a conversation link copied from the Chatwoot UI, such as " +
			"`https://chatwoot.example.com/app/accounts/1/conversations/42`, and returns an object with `account_id` and " +
			"`conversation_id` (the display id the UI shows). Links of installs under a sub-path, links opened from an inbox, " +
			"team or label view (`.../app/accounts/1/inbox/3/conversations/42`), and links with a query string or fragment " +
			"are accepted.",
		Parameters: []function.Parameter{
			function.StringParameter{
				Name:                "url",
				MarkdownDescription: "The conversation link.",
			},
		},
		Return: function.ObjectReturn{AttributeTypes: conversationURLAttrTypes},
	}
}

func (f *conversationURLFunction) Run(ctx context.Context, req function.RunRequest, resp *function.RunResponse) {
	var raw string
	resp.Error = function.ConcatFuncErrors(resp.Error, req.Arguments.Get(ctx, &raw))
	if resp.Error != nil {
		return
	}
	accountID, conversationID, err := ParseConversationURL(raw)
	if err != nil {
		resp.Error = function.NewArgumentFuncError(0, err.Error())
		return
	}
	result, diags := types.ObjectValue(conversationURLAttrTypes, map[string]attr.Value{
		"account_id":      types.Int64Value(accountID),
		"conversation_id": types.Int64Value(conversationID),
	})
	if diags.HasError() {
		resp.Error = function.FuncErrorFromDiags(ctx, diags)
		return
	}
	resp.Error = function.ConcatFuncErrors(resp.Error, resp.Result.Set(ctx, result))
}

// ParseConversationURL extracts the account id and the conversation's display id from a Chatwoot
// UI link: .../app/accounts/<account_id>/[<view>/<id>/]conversations/<conversation_id>[/...].
func ParseConversationURL(raw string) (accountID, conversationID int64, err error) {
	const form = "expected a Chatwoot conversation link such as https://chatwoot.example.com/app/accounts/1/conversations/42"
	u, perr := url.Parse(strings.TrimSpace(raw))
	if perr != nil || (u.Scheme != "http" && u.Scheme != "https") || u.Host == "" {
		return 0, 0, fmt.Errorf("%q is not an http(s) link: %s", raw, form)
	}
	segments := strings.Split(strings.Trim(u.Path, "/"), "/")
	accountAt := -1
	for i := 0; i+2 < len(segments); i++ {
		if segments[i] == "app" && segments[i+1] == "accounts" {
			accountAt = i + 2
			break
		}
	}
	if accountAt < 0 {
		return 0, 0, fmt.Errorf("%q has no /app/accounts/<account_id>/ part: %s", raw, form)
	}
	accountID, err = parseURLID(segments[accountAt], "account id", raw)
	if err != nil {
		return 0, 0, err
	}
	for i := accountAt + 1; i+1 < len(segments); i++ {
		if segments[i] == "conversations" {
			conversationID, err = parseURLID(segments[i+1], "conversation id", raw)
			return accountID, conversationID, err
		}
	}
	return 0, 0, fmt.Errorf("%q has no /conversations/<conversation_id> part: %s", raw, form)
}

func parseURLID(segment, what, raw string) (int64, error) {
	n, err := strconv.ParseInt(segment, 10, 64)
	if err != nil || n < 1 {
		return 0, fmt.Errorf("%q has %q where the %s should be; it must be a whole number of 1 or more", raw, segment, what)
	}
	return n, nil
}
