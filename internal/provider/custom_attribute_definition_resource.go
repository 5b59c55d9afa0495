package provider

import (
	"context"
	"fmt"
	"regexp"
	"strings"

	"github.com/hashicorp/terraform-plugin-framework-validators/listvalidator"
	"github.com/hashicorp/terraform-plugin-framework-validators/stringvalidator"
	"github.com/hashicorp/terraform-plugin-framework/attr"
	"github.com/hashicorp/terraform-plugin-framework/path"
	"github.com/hashicorp/terraform-plugin-framework/resource"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema/listdefault"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema/stringdefault"
	"github.com/hashicorp/terraform-plugin-framework/schema/validator"
	"github.com/hashicorp/terraform-plugin-framework/types"

	"github.com/chatwoot-community/terraform-provider-chatwoot/internal/chatwoot"
)

var _ resource.ResourceWithValidateConfig = (*customAttributeResource)(nil)

var customAttributeKind = objectKind{
	typeName: "custom_attribute_definition", idAttr: "custom_attribute_definition_id", noun: "custom attribute definition",
	idDescription: "The custom attribute definition's id.",
}

// customAttributeKeys: Chatwoot keeps a key unique per account and model.
var customAttributeKeys = uniqueFields[chatwoot.CustomAttributeDefinition]{
	kind: customAttributeKind, list: chatwoot.CustomAttributeDefinitions, attrs: []string{"attribute_key", "attribute_model"},
	field: "attribute_key",
	id:    func(d *chatwoot.CustomAttributeDefinition) int64 { return d.ID },
	same: func(d *chatwoot.CustomAttributeDefinition, v []string) bool {
		return d.AttributeKey == v[0] && d.AttributeModel == v[1]
	},
	reason: " and model",
}

// customAttributeModels are the models this resource manages; company attributes belong to a
// part of Chatwoot the provider does not cover.
var customAttributeModels = []string{"conversation_attribute", "contact_attribute"}

// NewCustomAttributeDefinitionResource is the chatwoot_custom_attribute_definition resource.
func NewCustomAttributeDefinitionResource() resource.Resource {
	return &customAttributeResource{accountObjectResource{kind: customAttributeKind}}
}

type customAttributeResource struct{ accountObjectResource }

type customAttributeModel struct {
	ID                   types.String `tfsdk:"id"`
	AccountID            types.Int64  `tfsdk:"account_id"`
	DefinitionID         types.Int64  `tfsdk:"custom_attribute_definition_id"`
	AttributeDisplayName types.String `tfsdk:"attribute_display_name"`
	AttributeKey         types.String `tfsdk:"attribute_key"`
	AttributeModel       types.String `tfsdk:"attribute_model"`
	AttributeDisplayType types.String `tfsdk:"attribute_display_type"`
	AttributeDescription types.String `tfsdk:"attribute_description"`
	AttributeValues      types.List   `tfsdk:"attribute_values"`
	RegexPattern         types.String `tfsdk:"regex_pattern"`
	RegexCue             types.String `tfsdk:"regex_cue"`
	operationTimeouts
}

// noSurroundingSpace: Chatwoot strips key and display name, so a value with surrounding spaces
// would differ from what it stores.
var noSurroundingSpace = regexp.MustCompile(`^\S(.*\S)?$`)

func (r *customAttributeResource) Schema(ctx context.Context, _ resource.SchemaRequest, resp *resource.SchemaResponse) {
	resp.Schema = schema.Schema{
		MarkdownDescription: "A Chatwoot custom attribute definition: a field of its own on conversations or contacts, which " +
			"agents fill in and automation rules test.\n\n" +
			"The key is unique within an account and model: a key another definition of the same model already has is " +
			"refused at plan time, with its id and the import command that adopts it. Keys of Chatwoot's standard " +
			"attributes (`status`, `email`…) are refused at plan time too. Values Chatwoot would fail on with a server " +
			"error (unknown display types or models) never reach it. Import refuses, with the reason, a definition a " +
			"configuration could not hold: a company attribute, choices on a type other than `list`, a pattern on a type " +
			"other than `text`, or a standard attribute's key.\n\n" +
			"Definitions are read through the account's list: a refresh of any number of them costs one request per " +
			"account. Deleting a definition removes its key from the pre-chat forms of the account's web widgets, in a " +
			"Chatwoot background job." + adminOnlyNote,
		Attributes: map[string]schema.Attribute{
			"id":                             r.idAttribute(),
			"account_id":                     r.accountIDAttribute(),
			"custom_attribute_definition_id": computedIDAttribute("The definition's id in Chatwoot."),
			"attribute_display_name": schema.StringAttribute{
				MarkdownDescription: "The name agents see. Without surrounding spaces (Chatwoot strips them).",
				Required:            true,
				Validators: []validator.String{
					stringvalidator.LengthBetween(1, 255),
					stringvalidator.RegexMatches(noSurroundingSpace, "must not be blank or start or end with a space (Chatwoot strips them)"),
				},
			},
			"attribute_key": schema.StringAttribute{
				MarkdownDescription: "The key conversations and contacts store the value under, and automation rule conditions " +
					"name: letters, digits, underscores, hyphens and dots; unique within the account and model; not the key of " +
					"one of Chatwoot's standard attributes of the model.",
				Required: true,
				Validators: []validator.String{
					stringvalidator.LengthBetween(1, 255),
					stringvalidator.RegexMatches(chatwoot.CustomAttributeKeyPattern, "must only contain letters, numbers, underscores, hyphens, and dots"),
				},
			},
			"attribute_model": schema.StringAttribute{
				MarkdownDescription: "What the attribute belongs to: `conversation_attribute` or `contact_attribute`. Defaults to " +
					"`conversation_attribute`, as in Chatwoot.",
				Optional:   true,
				Computed:   true,
				Default:    stringdefault.StaticString("conversation_attribute"),
				Validators: []validator.String{stringvalidator.OneOf(customAttributeModels...)},
			},
			"attribute_display_type": schema.StringAttribute{
				MarkdownDescription: "How agents enter the value: one of " + markdownList(chatwoot.CustomAttributeDisplayTypes) +
					". Defaults to `text`, as in Chatwoot.",
				Optional:   true,
				Computed:   true,
				Default:    stringdefault.StaticString("text"),
				Validators: []validator.String{stringvalidator.OneOf(chatwoot.CustomAttributeDisplayTypes...)},
			},
			"attribute_description": schema.StringAttribute{
				MarkdownDescription: "A description of the attribute. Defaults to empty.",
				Optional:            true,
				Computed:            true,
				Default:             stringdefault.StaticString(""),
			},
			"attribute_values": schema.ListAttribute{
				MarkdownDescription: "The choices of a `list` attribute, in the order agents see them; required for `list` and " +
					"not allowed for the other display types. Defaults to none.",
				ElementType: types.StringType,
				Optional:    true,
				Computed:    true,
				Default:     listdefault.StaticValue(types.ListValueMust(types.StringType, []attr.Value{})),
				Validators: []validator.List{
					listvalidator.UniqueValues(),
					listvalidator.ValueStringsAre(stringvalidator.RegexMatches(nonBlank, "must not be blank")),
				},
			},
			"regex_pattern": schema.StringAttribute{
				MarkdownDescription: "For `text` attributes: a pattern Chatwoot's interface checks entered values against. It is " +
					"a JavaScript regular expression, which Chatwoot stores without checking; the plan warns about a pattern " +
					"Go's RE2 cannot read, since it may be wrong.",
				Optional:   true,
				Validators: []validator.String{stringvalidator.LengthAtLeast(1), regexWarningValidator},
			},
			"regex_cue": schema.StringAttribute{
				MarkdownDescription: "For `text` attributes with `regex_pattern`: the hint shown when a value does not match.",
				Optional:            true,
				Validators: []validator.String{
					stringvalidator.LengthAtLeast(1),
					stringvalidator.AlsoRequires(path.MatchRoot("regex_pattern")),
				},
			},
		},
		Blocks: map[string]schema.Block{
			"timeouts": operationTimeoutsBlock(ctx),
		},
	}
}

// ValidateConfig refuses standard keys and values the display type does not use.
func (r *customAttributeResource) ValidateConfig(ctx context.Context, req resource.ValidateConfigRequest, resp *resource.ValidateConfigResponse) {
	var cfg customAttributeModel
	resp.Diagnostics.Append(req.Config.Get(ctx, &cfg)...)
	if resp.Diagnostics.HasError() {
		return
	}
	model := "conversation_attribute"
	if !cfg.AttributeModel.IsNull() {
		model = cfg.AttributeModel.ValueString()
	}
	displayType := "text"
	if !cfg.AttributeDisplayType.IsNull() {
		displayType = cfg.AttributeDisplayType.ValueString()
	}
	if !cfg.AttributeKey.IsUnknown() && !cfg.AttributeModel.IsUnknown() && chatwoot.CustomAttributeKeyReserved(model, cfg.AttributeKey.ValueString()) {
		resp.Diagnostics.AddAttributeError(path.Root("attribute_key"), "Reserved Attribute Key",
			fmt.Sprintf("%q is the key of one of Chatwoot's standard %ss (%s), and Chatwoot refuses it for a custom one. "+
				"Choose another key, such as %q.", cfg.AttributeKey.ValueString(), strings.ReplaceAll(model, "_", " "),
				strings.Join(chatwoot.CustomAttributeStandardKeys[model], ", "), "custom_"+cfg.AttributeKey.ValueString()))
	}
	if cfg.AttributeDisplayType.IsUnknown() {
		return
	}
	if !cfg.AttributeValues.IsUnknown() {
		n := len(cfg.AttributeValues.Elements())
		switch {
		case displayType == "list" && (cfg.AttributeValues.IsNull() || n == 0):
			resp.Diagnostics.AddAttributeError(path.Root("attribute_values"), "List Attribute Without Values",
				"A custom attribute of display type \"list\" offers agents the choices in attribute_values; set at least one.")
		case displayType != "list" && n > 0:
			resp.Diagnostics.AddAttributeError(path.Root("attribute_values"), "Values Need The List Display Type",
				fmt.Sprintf("attribute_values are the choices of a \"list\" attribute; a %q attribute does not use them. "+
					"Set attribute_display_type = \"list\" or remove attribute_values.", displayType))
		}
	}
	if displayType != "text" && !cfg.RegexPattern.IsNull() {
		resp.Diagnostics.AddAttributeError(path.Root("regex_pattern"), "Pattern Needs The Text Display Type",
			fmt.Sprintf("Chatwoot's interface checks regex_pattern only for \"text\" attributes; a %q attribute does not use "+
				"it. Set attribute_display_type = \"text\" or remove regex_pattern and regex_cue.", displayType))
	}
}

// ModifyPlan resolves the account and refuses a key another definition of the model has.
func (r *customAttributeResource) ModifyPlan(ctx context.Context, req resource.ModifyPlanRequest, resp *resource.ModifyPlanResponse) {
	if r.planToCheck(ctx, req, resp) {
		customAttributeKeys.checkPlan(ctx, r.data.client, req, resp)
	}
}

func (r *customAttributeResource) Create(ctx context.Context, req resource.CreateRequest, resp *resource.CreateResponse) {
	var plan customAttributeModel
	resp.Diagnostics.Append(req.Plan.Get(ctx, &plan)...)
	ctx, cancel, client := r.begin(ctx, plan.Timeouts.Create, &resp.Diagnostics)
	defer cancel()
	if resp.Diagnostics.HasError() {
		return
	}
	accountID := plan.AccountID.ValueInt64()
	var values []string
	resp.Diagnostics.Append(plan.AttributeValues.ElementsAs(ctx, &values, false)...)
	if resp.Diagnostics.HasError() {
		return
	}
	fields := chatwoot.CustomAttributeDefinitionFields{
		AttributeDisplayName: plan.AttributeDisplayName.ValueStringPointer(),
		AttributeKey:         plan.AttributeKey.ValueStringPointer(),
		AttributeModel:       plan.AttributeModel.ValueStringPointer(),
		AttributeDisplayType: plan.AttributeDisplayType.ValueStringPointer(),
		RegexPattern:         plan.RegexPattern.ValueStringPointer(),
		RegexCue:             plan.RegexCue.ValueStringPointer(),
	}
	if plan.AttributeDescription.ValueString() != "" {
		fields.AttributeDescription = plan.AttributeDescription.ValueStringPointer()
	}
	if len(values) > 0 {
		fields.AttributeValues = &values
	}
	d, err := client.CreateCustomAttributeDefinition(ctx, accountID, fields)
	if err != nil {
		customAttributeKeys.appendWriteError(ctx, &resp.Diagnostics, client, operation{
			action: fmt.Sprintf("creating custom attribute definition %q", plan.AttributeKey.ValueString()), accountID: accountID,
		}, err, []string{plan.AttributeKey.ValueString(), plan.AttributeModel.ValueString()}, 0,
			"attribute_key", "attribute_display_name", "attribute_model", "attribute_display_type")
		return
	}
	state := customAttributeState(accountID, d)
	r.save(ctx, created(req, resp), objectID{accountID, d.ID}, &state)
}

func (r *customAttributeResource) Read(ctx context.Context, req resource.ReadRequest, resp *resource.ReadResponse) {
	var prior customAttributeModel
	resp.Diagnostics.Append(req.State.Get(ctx, &prior)...)
	client := r.client(&resp.Diagnostics)
	if resp.Diagnostics.HasError() {
		return
	}
	id := objectID{prior.AccountID.ValueInt64(), prior.DefinitionID.ValueInt64()}
	// The list of every model holds all the fields: one request per account for any number.
	d, err := chatwoot.CustomAttributeDefinitions.Get(ctx, client, id.accountID, id.id)
	if !r.readFound(ctx, resp, id, err, operation{
		action: fmt.Sprintf("reading custom attribute definition %d", id.id), accountID: id.accountID,
	}) {
		return
	}
	state := customAttributeState(id.accountID, d)
	r.save(ctx, refreshed(req, resp), id, &state)
}

func (r *customAttributeResource) Update(ctx context.Context, req resource.UpdateRequest, resp *resource.UpdateResponse) {
	var plan, prior customAttributeModel
	resp.Diagnostics.Append(req.Plan.Get(ctx, &plan)...)
	resp.Diagnostics.Append(req.State.Get(ctx, &prior)...)
	ctx, cancel, client := r.begin(ctx, plan.Timeouts.Update, &resp.Diagnostics)
	defer cancel()
	if resp.Diagnostics.HasError() {
		return
	}
	id := objectID{prior.AccountID.ValueInt64(), prior.DefinitionID.ValueInt64()}
	var fields chatwoot.CustomAttributeDefinitionFields
	changed := false
	str := func(p, s types.String, into **string) {
		if !p.Equal(s) {
			*into, changed = ptr(p.ValueString()), true // null clears as ""
		}
	}
	str(plan.AttributeDisplayName, prior.AttributeDisplayName, &fields.AttributeDisplayName)
	str(plan.AttributeKey, prior.AttributeKey, &fields.AttributeKey)
	str(plan.AttributeModel, prior.AttributeModel, &fields.AttributeModel)
	str(plan.AttributeDisplayType, prior.AttributeDisplayType, &fields.AttributeDisplayType)
	str(plan.AttributeDescription, prior.AttributeDescription, &fields.AttributeDescription)
	str(plan.RegexPattern, prior.RegexPattern, &fields.RegexPattern)
	str(plan.RegexCue, prior.RegexCue, &fields.RegexCue)
	if !plan.AttributeValues.Equal(prior.AttributeValues) {
		values := []string{}
		resp.Diagnostics.Append(plan.AttributeValues.ElementsAs(ctx, &values, false)...)
		fields.AttributeValues, changed = &values, true
	}
	if resp.Diagnostics.HasError() {
		return
	}
	state := prior
	if changed {
		d, err := client.UpdateCustomAttributeDefinition(ctx, id.accountID, id.id, fields)
		if err != nil {
			customAttributeKeys.appendWriteError(ctx, &resp.Diagnostics, client, operation{
				action: fmt.Sprintf("updating custom attribute definition %d", id.id), accountID: id.accountID,
				notFound: fmt.Sprintf("custom attribute definition %d", id.id),
			}, err, []string{plan.AttributeKey.ValueString(), plan.AttributeModel.ValueString()}, id.id,
				"attribute_key", "attribute_display_name", "attribute_model", "attribute_display_type")
			return
		}
		state = customAttributeState(id.accountID, d)
	}
	r.save(ctx, updated(req, resp), id, &state)
}

func (r *customAttributeResource) Delete(ctx context.Context, req resource.DeleteRequest, resp *resource.DeleteResponse) {
	var state customAttributeModel
	resp.Diagnostics.Append(req.State.Get(ctx, &state)...)
	ctx, cancel, client := r.begin(ctx, state.Timeouts.Delete, &resp.Diagnostics)
	defer cancel()
	if resp.Diagnostics.HasError() {
		return
	}
	id := objectID{state.AccountID.ValueInt64(), state.DefinitionID.ValueInt64()}
	err := client.DeleteCustomAttributeDefinition(ctx, id.accountID, id.id)
	endDelete(&resp.Diagnostics, err, operation{
		action: fmt.Sprintf("deleting custom attribute definition %d", id.id), accountID: id.accountID,
	})
}

func customAttributeState(accountID int64, d *chatwoot.CustomAttributeDefinition) customAttributeModel {
	values := make([]attr.Value, len(d.AttributeValues))
	for i, v := range d.AttributeValues {
		values[i] = types.StringValue(v)
	}
	return customAttributeModel{
		ID:                   types.StringValue(objectID{accountID, d.ID}.String()),
		AccountID:            types.Int64Value(accountID),
		DefinitionID:         types.Int64Value(d.ID),
		AttributeDisplayName: types.StringValue(d.AttributeDisplayName),
		AttributeKey:         types.StringValue(d.AttributeKey),
		AttributeModel:       types.StringValue(d.AttributeModel),
		AttributeDisplayType: types.StringValue(d.AttributeDisplayType),
		AttributeDescription: types.StringValue(d.AttributeDescription),
		AttributeValues:      types.ListValueMust(types.StringType, values),
		RegexPattern:         stringOrNull(d.RegexPattern),
		RegexCue:             stringOrNull(d.RegexCue),
	}
}

// regexWarningValidator warns about a pattern RE2 cannot parse. Chatwoot stores any string and
// its interface reads it as a JavaScript regular expression, which RE2 only approximates
// (lookarounds, backreferences), so this cannot be an error.
var regexWarningValidator = stringCheck{
	description: "should be a regular expression",
	check: func(pattern string, req validator.StringRequest, resp *validator.StringResponse) {
		if _, err := regexp.Compile(pattern); err != nil {
			resp.Diagnostics.AddAttributeWarning(req.Path, "Pattern May Be Invalid",
				fmt.Sprintf("Chatwoot stores regex_pattern without checking it, and its interface uses it as a JavaScript regular "+
					"expression. Go's regular expressions cannot read %q (%v). If it relies on JavaScript-only syntax such as "+
					"lookarounds it may still work; otherwise agents' values are checked against a broken pattern.",
					pattern, err))
		}
	},
}
