package provider

import (
	"context"

	"github.com/hashicorp/terraform-plugin-log/tflog"
)

// httpLogSubsystem is the tflog subsystem of the client's request lines (TF_LOG_PROVIDER_CHATWOOT_HTTP).
const httpLogSubsystem = "http"

// tflogHTTPLogger routes the client's per-request lines to tflog. The token is masked as a
// second line of defence: the client never puts it in a field.
type tflogHTTPLogger struct {
	token string
}

func (l tflogHTTPLogger) Debug(ctx context.Context, msg string, fields map[string]any) {
	ctx = tflog.NewSubsystem(ctx, httpLogSubsystem)
	ctx = tflog.SubsystemMaskAllFieldValuesStrings(ctx, httpLogSubsystem, l.token)
	ctx = tflog.SubsystemMaskMessageStrings(ctx, httpLogSubsystem, l.token)
	tflog.SubsystemDebug(ctx, httpLogSubsystem, msg, fields)
}
