package provider

import (
	"context"

	"github.com/hashicorp/terraform-plugin-log/tflog"
)

// httpLogSubsystem is the tflog subsystem of the client's request lines (TF_LOG_PROVIDER_CHATWOOT_HTTP).
const httpLogSubsystem = "http"

// tflogHTTPLogger routes the client's per-request lines to tflog. The tokens (a user's and a
// Platform App's) are masked as a second line of defence: the client never puts them in a field.
type tflogHTTPLogger struct {
	tokens []string
}

func (l tflogHTTPLogger) Debug(ctx context.Context, msg string, fields map[string]any) {
	ctx = tflog.NewSubsystem(ctx, httpLogSubsystem)
	for _, token := range l.tokens {
		if token == "" {
			continue
		}
		ctx = tflog.SubsystemMaskAllFieldValuesStrings(ctx, httpLogSubsystem, token)
		ctx = tflog.SubsystemMaskMessageStrings(ctx, httpLogSubsystem, token)
	}
	tflog.SubsystemDebug(ctx, httpLogSubsystem, msg, fields)
}

// maskTokens masks every token that is set in the provider's own log lines.
func maskTokens(ctx context.Context, tokens ...string) context.Context {
	for _, token := range tokens {
		if token != "" {
			ctx = tflog.MaskAllFieldValuesStrings(ctx, token)
			ctx = tflog.MaskMessageStrings(ctx, token)
		}
	}
	return ctx
}
