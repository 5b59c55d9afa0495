package provider

import (
	"context"
	"time"

	"github.com/hashicorp/terraform-plugin-framework/diag"
)

// defaultOperationTimeout bounds a create, update or delete whose `timeouts` block does not set
// one: long enough for max_retries with backoff, short enough that a stuck apply ends.
const defaultOperationTimeout = 20 * time.Minute

// withOperationTimeout bounds the rest of an operation, retries and their waits included, by the
// duration a `timeouts` block sets (read through one of timeouts.Value's Create/Update/Delete).
func withOperationTimeout(ctx context.Context, timeout func(context.Context, time.Duration) (time.Duration, diag.Diagnostics),
	diags *diag.Diagnostics) (context.Context, context.CancelFunc) {
	d, tdiags := timeout(ctx, defaultOperationTimeout)
	diags.Append(tdiags...)
	return context.WithTimeout(ctx, d)
}
