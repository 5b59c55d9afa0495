package provider

import (
	"context"
	"fmt"
	"strings"

	"github.com/hashicorp/terraform-plugin-framework-validators/stringvalidator"
	"github.com/hashicorp/terraform-plugin-framework/resource"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema/booldefault"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema/stringdefault"
	"github.com/hashicorp/terraform-plugin-framework/schema/validator"
	"github.com/hashicorp/terraform-plugin-framework/types"

	"github.com/chatwoot-community/terraform-provider-chatwoot/internal/chatwoot"
)

var labelKind = objectKind{typeName: "label", idAttr: "label_id", noun: "label", idDescription: "The label's id."}

// labelTitles: Chatwoot keeps titles unique per account in any letter case.
var labelTitles = uniqueFields[chatwoot.Label]{
	kind: labelKind, list: chatwoot.Labels, attrs: []string{"title"}, field: "title",
	id:     func(l *chatwoot.Label) int64 { return l.ID },
	same:   func(l *chatwoot.Label, v []string) bool { return strings.EqualFold(l.Title, v[0]) },
	reason: " in any letter case",
}

// NewLabelResource is the chatwoot_label resource.
func NewLabelResource() resource.Resource {
	return &labelResource{accountObjectResource{kind: labelKind}}
}

type labelResource struct{ accountObjectResource }

type labelModel struct {
	ID            types.String `tfsdk:"id"`
	AccountID     types.Int64  `tfsdk:"account_id"`
	LabelID       types.Int64  `tfsdk:"label_id"`
	Title         types.String `tfsdk:"title"`
	Description   types.String `tfsdk:"description"`
	Color         types.String `tfsdk:"color"`
	ShowOnSidebar types.Bool   `tfsdk:"show_on_sidebar"`
	operationTimeouts
}

func (r *labelResource) Schema(ctx context.Context, _ resource.SchemaRequest, resp *resource.SchemaResponse) {
	resp.Schema = schema.Schema{
		MarkdownDescription: "A Chatwoot label: a tag for conversations and contacts that automation rules, macros and " +
			"reports use.\n\n" +
			"Chatwoot stores titles in lowercase and keeps them unique within an account, in any letter case. So that what " +
			"you write is what Chatwoot holds, `title` must be lowercase: `Billing` is refused at plan time with the form to " +
			"write instead (`billing`). A title another label of the account already has is refused at plan time too, with " +
			"that label's id and the import command that adopts it.\n\n" +
			"Renaming a label renames the tag on its conversations and contacts later, in a Chatwoot background job; " +
			"destroying it removes the tag from them the same way.\n\n" +
			"Labels are read through the account's label list: a refresh of any number of labels costs one request per " +
			"account." + adminOnlyNote,
		Attributes: map[string]schema.Attribute{
			"id":         r.idAttribute(),
			"account_id": r.accountIDAttribute(),
			"label_id": computedIDAttribute("The label's id in Chatwoot. Automation rules and macros name labels by " +
				"`title`."),
			"title": schema.StringAttribute{
				MarkdownDescription: "The label's title, in lowercase (Chatwoot downcases titles), unique within the account: " +
					"at least two letters, digits, underscores or hyphens, starting with a letter or digit, no spaces.",
				Required: true,
				Validators: []validator.String{
					lowercaseStringValidator{what: "label titles"},
					stringvalidator.LengthAtMost(255),
					stringvalidator.RegexMatches(chatwoot.LabelTitlePattern,
						"must be at least two letters, digits, underscores or hyphens, start with a letter or digit, and hold no spaces"),
				},
			},
			"description": optionalTextAttribute("A description of the label. Defaults to empty.", 20000),
			"color": schema.StringAttribute{
				MarkdownDescription: "The label's colour as `#rrggbb`, the form Chatwoot's interface writes and shows. " +
					"Defaults to `" + chatwoot.DefaultLabelColor + "`, as in Chatwoot. Kept as written (letter case included).",
				Optional: true,
				Computed: true,
				Default:  stringdefault.StaticString(chatwoot.DefaultLabelColor),
				Validators: []validator.String{
					stringvalidator.RegexMatches(chatwoot.LabelColorPattern, "must be a colour written as #rrggbb, such as #1f93ff"),
				},
			},
			"show_on_sidebar": schema.BoolAttribute{
				MarkdownDescription: "Whether the label is listed in the sidebar of Chatwoot's interface. Defaults to `false` " +
					"(a label Chatwoot holds without the setting reads as `false`).",
				Optional: true,
				Computed: true,
				Default:  booldefault.StaticBool(false),
			},
		},
		Blocks: map[string]schema.Block{
			"timeouts": operationTimeoutsBlock(ctx),
		},
	}
}

// ModifyPlan resolves the account and refuses a title another label of the account has.
func (r *labelResource) ModifyPlan(ctx context.Context, req resource.ModifyPlanRequest, resp *resource.ModifyPlanResponse) {
	if r.planToCheck(ctx, req, resp) {
		labelTitles.checkPlan(ctx, r.data.client, req, resp)
	}
}

func (r *labelResource) Create(ctx context.Context, req resource.CreateRequest, resp *resource.CreateResponse) {
	var plan labelModel
	resp.Diagnostics.Append(req.Plan.Get(ctx, &plan)...)
	ctx, cancel, client := r.begin(ctx, plan.Timeouts.Create, &resp.Diagnostics)
	defer cancel()
	if resp.Diagnostics.HasError() {
		return
	}
	accountID := plan.AccountID.ValueInt64()
	fields := chatwoot.LabelFields{
		Title:         plan.Title.ValueStringPointer(),
		Color:         plan.Color.ValueStringPointer(),
		ShowOnSidebar: plan.ShowOnSidebar.ValueBoolPointer(),
	}
	if plan.Description.ValueString() != "" {
		fields.Description = plan.Description.ValueStringPointer()
	}
	label, err := client.CreateLabel(ctx, accountID, fields)
	if err != nil {
		labelTitles.appendWriteError(ctx, &resp.Diagnostics, client, operation{
			action: fmt.Sprintf("creating label %q", plan.Title.ValueString()), accountID: accountID,
		}, err, []string{plan.Title.ValueString()}, 0, "title", "description", "color")
		return
	}
	state := labelState(accountID, label)
	r.save(ctx, created(req, resp), objectID{accountID, label.ID}, &state)
}

func (r *labelResource) Read(ctx context.Context, req resource.ReadRequest, resp *resource.ReadResponse) {
	var prior labelModel
	resp.Diagnostics.Append(req.State.Get(ctx, &prior)...)
	client := r.client(&resp.Diagnostics)
	if resp.Diagnostics.HasError() {
		return
	}
	id := objectID{prior.AccountID.ValueInt64(), prior.LabelID.ValueInt64()}
	// The list, shared by every label of the account: showing one label needs an administrator
	// and one request per label.
	label, err := chatwoot.Labels.Get(ctx, client, id.accountID, id.id)
	if !r.readFound(ctx, resp, id, err, operation{
		action: fmt.Sprintf("reading label %d", id.id), accountID: id.accountID, notFound: fmt.Sprintf("label %d", id.id),
	}) {
		return
	}
	state := labelState(id.accountID, label)
	r.save(ctx, refreshed(req, resp), id, &state)
}

func (r *labelResource) Update(ctx context.Context, req resource.UpdateRequest, resp *resource.UpdateResponse) {
	var plan, prior labelModel
	resp.Diagnostics.Append(req.Plan.Get(ctx, &plan)...)
	resp.Diagnostics.Append(req.State.Get(ctx, &prior)...)
	ctx, cancel, client := r.begin(ctx, plan.Timeouts.Update, &resp.Diagnostics)
	defer cancel()
	if resp.Diagnostics.HasError() {
		return
	}
	id := objectID{prior.AccountID.ValueInt64(), prior.LabelID.ValueInt64()}

	// Only what changed: a rename starts a Chatwoot job over every tagged conversation.
	var fields chatwoot.LabelFields
	changed := false
	fields.Title = changedString(plan.Title, prior.Title, &changed)
	fields.Description = changedString(plan.Description, prior.Description, &changed)
	fields.Color = changedString(plan.Color, prior.Color, &changed)
	fields.ShowOnSidebar = changedBool(plan.ShowOnSidebar, prior.ShowOnSidebar, &changed)
	state := prior
	if changed {
		label, err := client.UpdateLabel(ctx, id.accountID, id.id, fields)
		if err != nil {
			labelTitles.appendWriteError(ctx, &resp.Diagnostics, client, operation{
				action: fmt.Sprintf("updating label %d", id.id), accountID: id.accountID, notFound: fmt.Sprintf("label %d", id.id),
			}, err, []string{plan.Title.ValueString()}, id.id, "title", "description", "color")
			return
		}
		state = labelState(id.accountID, label)
	}
	r.save(ctx, updated(req, resp), id, &state)
}

func (r *labelResource) Delete(ctx context.Context, req resource.DeleteRequest, resp *resource.DeleteResponse) {
	var state labelModel
	resp.Diagnostics.Append(req.State.Get(ctx, &state)...)
	ctx, cancel, client := r.begin(ctx, state.Timeouts.Delete, &resp.Diagnostics)
	defer cancel()
	if resp.Diagnostics.HasError() {
		return
	}
	id := objectID{state.AccountID.ValueInt64(), state.LabelID.ValueInt64()}
	err := client.DeleteLabel(ctx, id.accountID, id.id)
	endDeleteLeaving(&resp.Diagnostics, err, operation{
		action: fmt.Sprintf("deleting label %d", id.id), accountID: id.accountID, notFound: fmt.Sprintf("label %d", id.id),
	}, "Label Deleted, Its Tags Go Later",
		fmt.Sprintf("Label %q was deleted from account %d. Chatwoot removes it from the conversations and contacts tagged with it "+
			"in a background job, so they may still show it for a while.", state.Title.ValueString(), id.accountID))
}

func labelState(accountID int64, l *chatwoot.Label) labelModel {
	return labelModel{
		ID:            types.StringValue(objectID{accountID, l.ID}.String()),
		AccountID:     types.Int64Value(accountID),
		LabelID:       types.Int64Value(l.ID),
		Title:         types.StringValue(l.Title),
		Description:   types.StringValue(l.Description),
		Color:         types.StringValue(l.Color),
		ShowOnSidebar: types.BoolValue(l.ShowOnSidebar != nil && *l.ShowOnSidebar),
	}
}
