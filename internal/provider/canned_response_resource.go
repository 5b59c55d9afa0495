package provider

import (
	"context"
	"fmt"

	"github.com/hashicorp/terraform-plugin-framework/resource"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema"
	"github.com/hashicorp/terraform-plugin-framework/types"

	"github.com/chatwoot-community/terraform-provider-chatwoot/internal/chatwoot"
)

var cannedResponseKind = objectKind{
	typeName: "canned_response", idAttr: "canned_response_id", noun: "canned response", idDescription: "The canned response's id.",
}

// cannedShortCodes: Chatwoot keeps short codes unique per account, comparing them case-sensitively.
var cannedShortCodes = uniqueFields[chatwoot.CannedResponse]{
	kind: cannedResponseKind, list: chatwoot.CannedResponses, attrs: []string{"short_code"}, field: "short_code",
	id:     func(r *chatwoot.CannedResponse) int64 { return r.ID },
	same:   func(r *chatwoot.CannedResponse, v []string) bool { return r.ShortCode == v[0] },
	reason: " (letter case counts: `Thanks` and `thanks` are two short codes)",
}

// NewCannedResponseResource is the chatwoot_canned_response resource.
func NewCannedResponseResource() resource.Resource {
	return &cannedResponseResource{accountObjectResource{kind: cannedResponseKind}}
}

type cannedResponseResource struct{ accountObjectResource }

type cannedResponseModel struct {
	ID               types.String `tfsdk:"id"`
	AccountID        types.Int64  `tfsdk:"account_id"`
	CannedResponseID types.Int64  `tfsdk:"canned_response_id"`
	ShortCode        types.String `tfsdk:"short_code"`
	Content          types.String `tfsdk:"content"`
	operationTimeouts
}

func (r *cannedResponseResource) Schema(ctx context.Context, _ resource.SchemaRequest, resp *resource.SchemaResponse) {
	resp.Schema = schema.Schema{
		MarkdownDescription: "A Chatwoot canned response: a reply agents insert by typing `/` and its short code.\n\n" +
			"Short codes are kept as written and are unique within an account, letter case counting (`Thanks` and `thanks` " +
			"may both exist). A short code the account already has is refused at plan time, with the existing canned " +
			"response's id and the import command that adopts it.\n\n" +
			"Chatwoot cannot show one canned response, so they are read through the account's list: a refresh of any number " +
			"of them costs one request per account.\n\n" +
			"**Token role:** any member of the account, agents included, may create, change and delete canned responses.",
		Attributes: map[string]schema.Attribute{
			"id":                 r.idAttribute(),
			"account_id":         r.accountIDAttribute(),
			"canned_response_id": computedIDAttribute("The canned response's id in Chatwoot."),
			"short_code": requiredTextAttribute("The short code agents type after `/`, kept as written (not downcased), unique within the "+
				"account (case-sensitively); at most 255 characters.", 255),
			"content": requiredTextAttribute("The reply's text; at most 20,000 characters.", 20000),
		},
		Blocks: map[string]schema.Block{
			"timeouts": operationTimeoutsBlock(ctx),
		},
	}
}

// ModifyPlan resolves the account and refuses a short code another canned response has.
func (r *cannedResponseResource) ModifyPlan(ctx context.Context, req resource.ModifyPlanRequest, resp *resource.ModifyPlanResponse) {
	if r.planToCheck(ctx, req, resp) {
		cannedShortCodes.checkPlan(ctx, r.data.client, req, resp)
	}
}

func (r *cannedResponseResource) Create(ctx context.Context, req resource.CreateRequest, resp *resource.CreateResponse) {
	var plan cannedResponseModel
	resp.Diagnostics.Append(req.Plan.Get(ctx, &plan)...)
	ctx, cancel, client := r.begin(ctx, plan.Timeouts.Create, &resp.Diagnostics)
	defer cancel()
	if resp.Diagnostics.HasError() {
		return
	}
	accountID := plan.AccountID.ValueInt64()
	cr, err := client.CreateCannedResponse(ctx, accountID, chatwoot.CannedResponseFields{
		ShortCode: plan.ShortCode.ValueStringPointer(),
		Content:   plan.Content.ValueStringPointer(),
	})
	if err != nil {
		cannedShortCodes.appendWriteError(ctx, &resp.Diagnostics, client, operation{
			action: fmt.Sprintf("creating canned response %q", plan.ShortCode.ValueString()), accountID: accountID,
		}, err, []string{plan.ShortCode.ValueString()}, 0, "short_code", "content")
		return
	}
	state := cannedResponseState(accountID, cr)
	r.save(ctx, created(req, resp), objectID{accountID, cr.ID}, &state)
}

func (r *cannedResponseResource) Read(ctx context.Context, req resource.ReadRequest, resp *resource.ReadResponse) {
	var prior cannedResponseModel
	resp.Diagnostics.Append(req.State.Get(ctx, &prior)...)
	client := r.client(&resp.Diagnostics)
	if resp.Diagnostics.HasError() {
		return
	}
	id := objectID{prior.AccountID.ValueInt64(), prior.CannedResponseID.ValueInt64()}
	// Chatwoot has no route that shows one canned response: the account's list, shared.
	cr, err := chatwoot.CannedResponses.Get(ctx, client, id.accountID, id.id)
	if !r.readFound(ctx, resp, id, err, operation{
		action: fmt.Sprintf("reading canned response %d", id.id), accountID: id.accountID,
	}) {
		return
	}
	state := cannedResponseState(id.accountID, cr)
	r.save(ctx, refreshed(req, resp), id, &state)
}

func (r *cannedResponseResource) Update(ctx context.Context, req resource.UpdateRequest, resp *resource.UpdateResponse) {
	var plan, prior cannedResponseModel
	resp.Diagnostics.Append(req.Plan.Get(ctx, &plan)...)
	resp.Diagnostics.Append(req.State.Get(ctx, &prior)...)
	ctx, cancel, client := r.begin(ctx, plan.Timeouts.Update, &resp.Diagnostics)
	defer cancel()
	if resp.Diagnostics.HasError() {
		return
	}
	id := objectID{prior.AccountID.ValueInt64(), prior.CannedResponseID.ValueInt64()}
	var fields chatwoot.CannedResponseFields
	changed := false
	fields.ShortCode = changedString(plan.ShortCode, prior.ShortCode, &changed)
	fields.Content = changedString(plan.Content, prior.Content, &changed)
	state := prior
	if changed {
		cr, err := client.UpdateCannedResponse(ctx, id.accountID, id.id, fields)
		if err != nil {
			cannedShortCodes.appendWriteError(ctx, &resp.Diagnostics, client, operation{
				action: fmt.Sprintf("updating canned response %d", id.id), accountID: id.accountID,
				notFound: fmt.Sprintf("canned response %d", id.id),
			}, err, []string{plan.ShortCode.ValueString()}, id.id, "short_code", "content")
			return
		}
		state = cannedResponseState(id.accountID, cr)
	}
	r.save(ctx, updated(req, resp), id, &state)
}

func (r *cannedResponseResource) Delete(ctx context.Context, req resource.DeleteRequest, resp *resource.DeleteResponse) {
	var state cannedResponseModel
	resp.Diagnostics.Append(req.State.Get(ctx, &state)...)
	ctx, cancel, client := r.begin(ctx, state.Timeouts.Delete, &resp.Diagnostics)
	defer cancel()
	if resp.Diagnostics.HasError() {
		return
	}
	id := objectID{state.AccountID.ValueInt64(), state.CannedResponseID.ValueInt64()}
	err := client.DeleteCannedResponse(ctx, id.accountID, id.id)
	endDelete(&resp.Diagnostics, err, operation{
		action: fmt.Sprintf("deleting canned response %d", id.id), accountID: id.accountID,
	})
}

func cannedResponseState(accountID int64, cr *chatwoot.CannedResponse) cannedResponseModel {
	return cannedResponseModel{
		ID:               types.StringValue(objectID{accountID, cr.ID}.String()),
		AccountID:        types.Int64Value(accountID),
		CannedResponseID: types.Int64Value(cr.ID),
		ShortCode:        types.StringValue(cr.ShortCode),
		Content:          types.StringValue(cr.Content),
	}
}
