package provider

import (
	"context"
	"fmt"
	"net/url"
	"strings"

	"github.com/hashicorp/terraform-plugin-framework-validators/int64validator"
	"github.com/hashicorp/terraform-plugin-framework-validators/setvalidator"
	"github.com/hashicorp/terraform-plugin-framework-validators/stringvalidator"
	"github.com/hashicorp/terraform-plugin-framework/attr"
	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/path"
	"github.com/hashicorp/terraform-plugin-framework/resource"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema/planmodifier"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema/setdefault"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema/stringplanmodifier"
	"github.com/hashicorp/terraform-plugin-framework/schema/validator"
	"github.com/hashicorp/terraform-plugin-framework/types"

	"github.com/chatwoot-community/terraform-provider-chatwoot/internal/chatwoot"
)

var webhookKind = objectKind{typeName: "webhook", idAttr: "webhook_id", noun: "webhook", idDescription: "The webhook's id."}

// webhookURLs: Chatwoot keeps a webhook's URL unique per account, compared as written.
var webhookURLs = uniqueFields[chatwoot.Webhook]{
	kind: webhookKind, list: chatwoot.Webhooks, attrs: []string{"url"}, field: "url",
	id:   func(w *chatwoot.Webhook) int64 { return w.ID },
	same: func(w *chatwoot.Webhook, v []string) bool { return w.URL == v[0] },
}

// NewWebhookResource is the chatwoot_webhook resource.
func NewWebhookResource() resource.Resource {
	return &webhookResource{accountObjectResource{kind: webhookKind}}
}

type webhookResource struct{ accountObjectResource }

type webhookModel struct {
	ID            types.String `tfsdk:"id"`
	AccountID     types.Int64  `tfsdk:"account_id"`
	WebhookID     types.Int64  `tfsdk:"webhook_id"`
	URL           types.String `tfsdk:"url"`
	Name          types.String `tfsdk:"name"`
	Subscriptions types.Set    `tfsdk:"subscriptions"`
	InboxID       types.Int64  `tfsdk:"inbox_id"`
	Secret        types.String `tfsdk:"secret"`
	operationTimeouts
}

func defaultWebhookSubscriptions() types.Set {
	return stringSet(chatwoot.DefaultWebhookSubscriptions)
}

// stringSet is a set of the strings, duplicates dropped (Chatwoot keeps duplicates it is sent).
func stringSet(values []string) types.Set {
	elems := make([]attr.Value, 0, len(values))
	seen := map[string]bool{}
	for _, v := range values {
		if !seen[v] {
			seen[v] = true
			elems = append(elems, types.StringValue(v))
		}
	}
	return types.SetValueMust(types.StringType, elems)
}

func (r *webhookResource) Schema(ctx context.Context, _ resource.SchemaRequest, resp *resource.SchemaResponse) {
	resp.Schema = schema.Schema{
		MarkdownDescription: "A Chatwoot account webhook: Chatwoot POSTs the events it subscribes to, as JSON, to its URL, " +
			"signed with the webhook's `secret` (header `X-Chatwoot-Signature: sha256=<hex HMAC-SHA256 of " +
			"\"<X-Chatwoot-Timestamp>.<body>\">`).\n\n" +
			"The URL is unique within an account: a URL another webhook of the account already has is refused at plan " +
			"time, with that webhook's id and the import command that adopts it. Event names are checked at plan time.\n\n" +
			"Chatwoot cannot show one webhook, so webhooks are read through the account's list: a refresh of any number of " +
			"them costs one request per account. Deleting the inbox a webhook is bound to deletes the webhook too, in a " +
			"Chatwoot background job; the next plan then proposes to create it again.\n\n" +
			"**Token role:** an administrator's access token. Chatwoot refuses agents' tokens even for reading webhooks.",
		Attributes: map[string]schema.Attribute{
			"id":         r.idAttribute(),
			"account_id": r.accountIDAttribute(),
			"webhook_id": computedIDAttribute("The webhook's id in Chatwoot."),
			"url": schema.StringAttribute{
				MarkdownDescription: "Where Chatwoot sends the events: an absolute `http` or `https` URL, unique within the account.",
				Required:            true,
				Validators:          []validator.String{webhookURLValidator, stringvalidator.LengthAtMost(20000)},
			},
			"name": schema.StringAttribute{
				MarkdownDescription: "A name for the webhook, shown in Chatwoot's settings; at most 255 characters. Chatwoot's " +
					"default is none.",
				Optional:   true,
				Validators: []validator.String{stringvalidator.LengthBetween(1, 255)},
			},
			"subscriptions": schema.SetAttribute{
				MarkdownDescription: "The events Chatwoot sends: any of " + markdownList(chatwoot.WebhookEvents) + ". " +
					"`inbox_created` and `inbox_updated` are sent only when the Chatwoot installation turns inbox events on. " +
					"Defaults to Chatwoot's default, the first eight of these.",
				ElementType: types.StringType,
				Optional:    true,
				Computed:    true,
				Default:     setdefault.StaticValue(defaultWebhookSubscriptions()),
				Validators: []validator.Set{
					setvalidator.SizeAtLeast(1),
					setvalidator.ValueStringsAre(stringvalidator.OneOf(chatwoot.WebhookEvents...)),
				},
			},
			"inbox_id": schema.Int64Attribute{
				MarkdownDescription: "Limits the webhook to the events of one inbox of the account. Chatwoot stores an id of an " +
					"inbox it does not have without complaint (and sends nothing), so the provider checks it first. Without it, " +
					"the webhook gets the events of every inbox.",
				Optional:   true,
				Validators: []validator.Int64{int64validator.AtLeast(1)},
			},
			"secret": schema.StringAttribute{
				MarkdownDescription: "The secret Chatwoot made for the webhook, with which it signs every delivery. It never " +
					"changes; it is sensitive.",
				Computed:      true,
				Sensitive:     true,
				PlanModifiers: []planmodifier.String{stringplanmodifier.UseStateForUnknown()},
			},
		},
		Blocks: map[string]schema.Block{
			"timeouts": operationTimeoutsBlock(ctx),
		},
	}
}

// ModifyPlan resolves the account and refuses a URL another webhook of the account has.
func (r *webhookResource) ModifyPlan(ctx context.Context, req resource.ModifyPlanRequest, resp *resource.ModifyPlanResponse) {
	if r.planToCheck(ctx, req, resp) {
		webhookURLs.checkPlan(ctx, r.data.client, req, resp)
	}
}

// checkInbox refuses an inbox id the account does not have: Chatwoot would store it and never
// deliver anything.
func checkWebhookInbox(ctx context.Context, client *chatwoot.Client, accountID int64, inbox types.Int64, diags *diag.Diagnostics) {
	if inbox.IsNull() || inbox.IsUnknown() {
		return
	}
	ok, err := referenceExists(ctx, client, chatwoot.Inboxes, accountID, inbox.ValueInt64())
	switch {
	case err != nil:
		diags.Append(clientErrorDiagnostic(operation{action: "listing the inboxes", accountID: accountID}, err))
	case !ok:
		diags.AddAttributeError(path.Root("inbox_id"), "Inbox Not Found",
			fmt.Sprintf("Account %d has no inbox %d. Chatwoot would save the webhook with it and never send it an event, so "+
				"nothing was sent. Use an inbox of the account (chatwoot_inbox or chatwoot_inboxes find it by name), or leave "+
				"inbox_id out for the events of every inbox.", accountID, inbox.ValueInt64()))
	}
}

func (r *webhookResource) Create(ctx context.Context, req resource.CreateRequest, resp *resource.CreateResponse) {
	var plan webhookModel
	resp.Diagnostics.Append(req.Plan.Get(ctx, &plan)...)
	ctx, cancel, client := r.begin(ctx, plan.Timeouts.Create, &resp.Diagnostics)
	defer cancel()
	if resp.Diagnostics.HasError() {
		return
	}
	accountID := plan.AccountID.ValueInt64()
	checkWebhookInbox(ctx, client, accountID, plan.InboxID, &resp.Diagnostics)
	var subscriptions []string
	resp.Diagnostics.Append(plan.Subscriptions.ElementsAs(ctx, &subscriptions, false)...)
	if resp.Diagnostics.HasError() {
		return
	}
	fields := chatwoot.WebhookFields{
		URL:           plan.URL.ValueStringPointer(),
		Name:          plan.Name.ValueStringPointer(),
		InboxID:       plan.InboxID.ValueInt64Pointer(),
		Subscriptions: subscriptions,
	}
	w, err := client.CreateWebhook(ctx, accountID, fields)
	if err != nil {
		webhookURLs.appendWriteError(ctx, &resp.Diagnostics, client, operation{
			action: fmt.Sprintf("creating the webhook for %s", plan.URL.ValueString()), accountID: accountID,
		}, err, []string{plan.URL.ValueString()}, 0, "url", "name", "subscriptions")
		return
	}
	state := webhookState(accountID, w)
	r.save(ctx, created(req, resp), objectID{accountID, w.ID}, &state)
}

func (r *webhookResource) Read(ctx context.Context, req resource.ReadRequest, resp *resource.ReadResponse) {
	var prior webhookModel
	resp.Diagnostics.Append(req.State.Get(ctx, &prior)...)
	client := r.client(&resp.Diagnostics)
	if resp.Diagnostics.HasError() {
		return
	}
	id := objectID{prior.AccountID.ValueInt64(), prior.WebhookID.ValueInt64()}
	// Chatwoot has no route that shows one webhook: the account's list, shared.
	w, err := chatwoot.Webhooks.Get(ctx, client, id.accountID, id.id)
	if !r.readFound(ctx, resp, id, err, operation{
		action: fmt.Sprintf("reading webhook %d", id.id), accountID: id.accountID,
	}) {
		return
	}
	state := webhookState(id.accountID, w)
	r.save(ctx, refreshed(req, resp), id, &state)
}

func (r *webhookResource) Update(ctx context.Context, req resource.UpdateRequest, resp *resource.UpdateResponse) {
	var plan, prior webhookModel
	resp.Diagnostics.Append(req.Plan.Get(ctx, &plan)...)
	resp.Diagnostics.Append(req.State.Get(ctx, &prior)...)
	ctx, cancel, client := r.begin(ctx, plan.Timeouts.Update, &resp.Diagnostics)
	defer cancel()
	if resp.Diagnostics.HasError() {
		return
	}
	id := objectID{prior.AccountID.ValueInt64(), prior.WebhookID.ValueInt64()}
	var fields chatwoot.WebhookFields
	changed := false
	fields.URL = changedString(plan.URL, prior.URL, &changed)
	if !plan.Name.Equal(prior.Name) {
		fields.Name, changed = ptr(plan.Name.ValueString()), true // "" clears it
	}
	if !plan.InboxID.Equal(prior.InboxID) {
		checkWebhookInbox(ctx, client, id.accountID, plan.InboxID, &resp.Diagnostics)
		fields.InboxID, fields.ClearInbox, changed = plan.InboxID.ValueInt64Pointer(), plan.InboxID.IsNull(), true
	}
	if !plan.Subscriptions.Equal(prior.Subscriptions) {
		resp.Diagnostics.Append(plan.Subscriptions.ElementsAs(ctx, &fields.Subscriptions, false)...)
		changed = true
	}
	if resp.Diagnostics.HasError() {
		return
	}
	state := prior
	if changed {
		w, err := client.UpdateWebhook(ctx, id.accountID, id.id, fields)
		if err != nil {
			webhookURLs.appendWriteError(ctx, &resp.Diagnostics, client, operation{
				action: fmt.Sprintf("updating webhook %d", id.id), accountID: id.accountID, notFound: fmt.Sprintf("webhook %d", id.id),
			}, err, []string{plan.URL.ValueString()}, id.id, "url", "name", "subscriptions")
			return
		}
		state = webhookState(id.accountID, w)
		// Chatwoot answers with the inbox only while it exists; the plan's value was just checked.
		if state.InboxID.IsNull() && !plan.InboxID.IsNull() {
			state.InboxID = plan.InboxID
		}
	}
	r.save(ctx, updated(req, resp), id, &state)
}

func (r *webhookResource) Delete(ctx context.Context, req resource.DeleteRequest, resp *resource.DeleteResponse) {
	var state webhookModel
	resp.Diagnostics.Append(req.State.Get(ctx, &state)...)
	ctx, cancel, client := r.begin(ctx, state.Timeouts.Delete, &resp.Diagnostics)
	defer cancel()
	if resp.Diagnostics.HasError() {
		return
	}
	id := objectID{state.AccountID.ValueInt64(), state.WebhookID.ValueInt64()}
	err := client.DeleteWebhook(ctx, id.accountID, id.id)
	endDelete(&resp.Diagnostics, err, operation{
		action: fmt.Sprintf("deleting webhook %d", id.id), accountID: id.accountID,
	})
}

func webhookState(accountID int64, w *chatwoot.Webhook) webhookModel {
	m := webhookModel{
		ID:            types.StringValue(objectID{accountID, w.ID}.String()),
		AccountID:     types.Int64Value(accountID),
		WebhookID:     types.Int64Value(w.ID),
		URL:           types.StringValue(w.URL),
		Name:          stringOrNull(w.Name),
		Subscriptions: stringSet(w.Subscriptions),
		InboxID:       types.Int64Null(),
		Secret:        types.StringValue(w.Secret),
	}
	if w.Inbox != nil {
		m.InboxID = types.Int64Value(w.Inbox.ID)
	}
	return m
}

// webhookURLValidator accepts what Chatwoot delivers to: an absolute http or https URL.
var webhookURLValidator = stringCheck{
	description: "must be an absolute http or https URL",
	check: func(raw string, req validator.StringRequest, resp *validator.StringResponse) {
		u, err := url.Parse(raw)
		if err != nil || (u.Scheme != "http" && u.Scheme != "https") || u.Host == "" {
			resp.Diagnostics.AddAttributeError(req.Path, "Invalid Webhook URL",
				fmt.Sprintf("%q is not an absolute http or https URL, such as https://hooks.example.com/chatwoot; Chatwoot refuses "+
					"anything else (\"Url is invalid\").", raw))
		}
	},
}

// markdownList writes values as `a`, `b` and `c`.
func markdownList(values []string) string {
	quoted := make([]string, len(values))
	for i, v := range values {
		quoted[i] = "`" + v + "`"
	}
	if len(quoted) < 2 {
		return strings.Join(quoted, "")
	}
	return strings.Join(quoted[:len(quoted)-1], ", ") + " and " + quoted[len(quoted)-1]
}
