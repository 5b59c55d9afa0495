package provider

import (
	"context"
	"time"

	"github.com/hashicorp/terraform-plugin-framework-timeouts/resource/timeouts"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema"
)

// defaultOperationTimeout bounds a create, update or delete whose `timeouts` block does not set
// one: long enough for max_retries with backoff, short enough that a stuck apply ends.
const defaultOperationTimeout = 20 * time.Minute

// operationTimeoutsBlock is every resource's `timeouts` block. Each of create, update and delete
// bounds a whole operation, retries and their waits included (default 20m). State carries the
// planned value; Read keeps what state had, and import leaves it null.
func operationTimeoutsBlock(ctx context.Context) schema.Block {
	describe := func(op string) string {
		return "How long " + op + " may take in all, retries and their waits included, as a duration such as `30s` or `5m`. Defaults to `20m`."
	}
	return timeouts.Block(ctx, timeouts.Opts{
		Create: true, Update: true, Delete: true,
		CreateDescription: describe("a create"),
		UpdateDescription: describe("an update"),
		DeleteDescription: describe("a destroy") + " A destroy uses the value an earlier apply saved in the state.",
	})
}
