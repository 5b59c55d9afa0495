package provider

import (
	"context"
	"fmt"
	"strings"
	"sync"
	"unicode"

	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/path"
	"github.com/hashicorp/terraform-plugin-framework/types"

	"github.com/chatwoot-community/terraform-provider-chatwoot/internal/chatwoot"
)

// What the provider knows about the Chatwoot server and an account, for plan-time checks. Every
// resource and data source that depends on the server's version, edition or an account's
// feature flags asks here, so that the rules are the same everywhere:
//
//   - the version comes from GET /api, read once per configured provider (the client caches it);
//     an unknown or unparsable version means the newest behaviour the provider knows, with one
//     warning per configured provider;
//   - the account (its feature flags and the edition) is read once per account and cached;
//   - no client (a plan whose credentials are not known yet) or an unknown account id means
//     "cannot tell": the checks pass, and Chatwoot decides at apply.
//
// The helpers:
//
//	serverVersion(ctx, data, diags)                       the version (ok false without a client)
//	accountInfo(ctx, data, accountID, diags)              the account, or nil when it cannot be read
//	requireServerVersion(ctx, data, diags, attr, setting, minVersion)
//	requireAccountFeature(ctx, data, diags, attr, accountID, setting, flag)
//	accountFeatureOn(ctx, data, accountID, flag, diags)   on, and whether that is known

// unknownVersionWarned remembers, per client (one configured provider), that the warning about an
// unknown server version was given.
var unknownVersionWarned sync.Map // *chatwoot.Client -> *sync.Once

// serverVersion returns the version of the Chatwoot server. ok is false when the provider has no
// client yet; callers then skip their version checks. An unknown version is returned as such (its
// AtLeast is true for every release) after a warning that appears once per configured provider.
func serverVersion(ctx context.Context, data *providerData, diags *diag.Diagnostics) (chatwoot.Version, bool) {
	if data == nil || data.client == nil {
		return chatwoot.Version{}, false
	}
	info := data.client.ServerInfo(ctx)
	if !info.Version.Known() {
		stored, _ := unknownVersionWarned.LoadOrStore(data.client, &sync.Once{})
		once, _ := stored.(*sync.Once)
		once.Do(func() {
			reason := "GET /api did not answer with a version"
			if info.DetectionError != nil {
				reason = info.DetectionError.Error()
			}
			diags.AddWarning("Chatwoot Version Unknown",
				fmt.Sprintf("The provider could not tell which Chatwoot version base_url runs, so it assumes the newest "+
					"behaviour it knows (Chatwoot %s) for its version-dependent checks. If the server is older, a setting "+
					"it does not support may only fail at apply. Check that base_url points at Chatwoot itself and that "+
					"GET /api is not blocked by a proxy.\n\nOriginal error: %s", chatwoot.NewestKnownVersion, reason))
		})
	}
	return info.Version, true
}

// accountInfo reads account accountID (cached per account). It returns nil when there is no
// client, when the account id is not known yet (0), or when the account cannot be read: an
// account without API access (Chatwoot Cloud's 403) is an error, as everything else would fail
// the same way; other failures only warn, because the checks built on the account are advice and
// the operation itself will report the real problem.
func accountInfo(ctx context.Context, data *providerData, accountID int64, diags *diag.Diagnostics) *chatwoot.Account {
	if data == nil || data.client == nil || accountID < 1 {
		return nil
	}
	account, err := data.client.Account(ctx, accountID)
	if err == nil {
		return account
	}
	if chatwoot.IsAPIAccessDisabled(err) {
		diags.Append(clientErrorDiagnostic(operation{action: "reading the account's features", accountID: accountID}, err))
		return nil
	}
	diags.AddWarning("Chatwoot Account Features Not Checked",
		fmt.Sprintf("The provider could not read account %d, so it cannot check at plan time whether the account's feature "+
			"flags allow this configuration; Chatwoot decides at apply.\n\nOriginal error: %s", accountID, err))
	return nil
}

// accountFeatureOn reports whether account accountID has flag on; known is false when the
// account could not be read (see accountInfo).
func accountFeatureOn(ctx context.Context, data *providerData, accountID int64, flag string, diags *diag.Diagnostics) (on, known bool) {
	account := accountInfo(ctx, data, accountID, diags)
	if account == nil {
		return false, false
	}
	return account.Features.Has(flag), true
}

// requireServerVersion refuses, at plan time, a setting (attr, described as setting: "`icon`")
// that Chatwoot only has from minVersion on. It reports whether the setting may be used: true
// without a client or with an unknown version (the newest behaviour).
func requireServerVersion(ctx context.Context, data *providerData, diags *diag.Diagnostics, attr path.Path, setting, minVersion string) bool {
	v, ok := serverVersion(ctx, data, diags)
	if !ok || v.AtLeast(minVersion) {
		return true
	}
	diags.AddAttributeError(attr, "Setting Needs a Newer Chatwoot",
		fmt.Sprintf("%s needs Chatwoot %s or later; this server runs Chatwoot %s, which would ignore it without saying so. "+
			"Upgrade Chatwoot, or remove %s from the configuration.", setting, minVersion, v, setting))
	return false
}

// requireAccountFeature refuses, at plan time, a setting that account accountID's feature flag
// decides, while the flag is off. It reports whether the setting may be used (true when the
// account cannot be read: Chatwoot decides then).
func requireAccountFeature(ctx context.Context, data *providerData, diags *diag.Diagnostics, attr path.Path, accountID int64, setting, flag string) bool {
	account := accountInfo(ctx, data, accountID, diags)
	if account == nil || account.Features.Has(flag) {
		return true
	}
	diags.AddAttributeError(attr, "Chatwoot Account Feature Not Enabled",
		fmt.Sprintf("%s needs the feature flag %q, which is off in account %d (%q). Turn it on (Super Admin console, or the "+
			"Platform API: PATCH /platform/api/v1/accounts/%d with {\"features\":{%q:true}}), or remove %s from the configuration.",
			setting, flag, accountID, account.Name, accountID, flag, setting))
	return false
}

// planAccountID is the account a plan resolved (account_id in the planned values), or 0 when it
// is not known yet.
func planAccountID(ctx context.Context, plan interface {
	GetAttribute(context.Context, path.Path, any) diag.Diagnostics
}) int64 {
	var id types.Int64
	if d := plan.GetAttribute(ctx, path.Root("account_id"), &id); d.HasError() || id.IsNull() || id.IsUnknown() {
		return 0
	}
	return id.ValueInt64()
}

// normaliseTeamName is what Chatwoot stores for a team name written as name: version 4.16.0 and
// later remove control characters and surrounding whitespace before downcasing; 4.15 only
// downcases.
func normaliseTeamName(name string, v chatwoot.Version) string {
	if !v.AtLeast(chatwoot.Version4160) {
		return strings.ToLower(name)
	}
	name = strings.Map(func(r rune) rune {
		if unicode.IsControl(r) {
			return -1
		}
		return r
	}, name)
	return strings.ToLower(strings.Trim(name, " \t\n\v\f\r\x00"))
}

// describeVersionedError recognises the failures that only some Chatwoot versions or Chatwoot
// Cloud produce, for clientErrorDiagnostic; ok is false for every other error.
func describeVersionedError(op operation, err error) (summary, advice string, ok bool) {
	switch {
	case chatwoot.IsAPIAccessDisabled(err):
		return "Chatwoot Account Has No API Access",
			fmt.Sprintf("This account's plan has no API access: Chatwoot Cloud answers every API request for account %d with 403 "+
				"until the account's plan includes API access (the api_and_webhooks feature). Nothing was changed, and the "+
				"provider does not retry. Upgrade the plan or ask Chatwoot support to enable API access, then run the command again.",
				op.accountID), true
	case chatwoot.IsDailyEmailLimit(err):
		when := "Chatwoot does not say when it resets; the budget is per day, so try again tomorrow"
		if at, known := chatwoot.DailyEmailLimitResetsAt(err); known {
			when = "it resets at " + at.UTC().Format("2006-01-02 15:04:05 UTC")
		}
		return "Chatwoot Daily E-mail Limit Reached",
			fmt.Sprintf("Account %d has used its daily e-mail budget, and inviting a new agent sends an e-mail, so Chatwoot "+
				"refused it and saved nothing; %s. The provider does not retry this. Adding a user who already has a Chatwoot "+
				"login sends no invitation and is not limited.", op.accountID, when), true
	case chatwoot.IsAgentBotOrLabel500(err):
		return "Chatwoot Server Error on Agent Bots or Labels",
			"Chatwoot 4.16.0 answers every API request on agent bots and labels with this 500 (a bug fixed in 4.16.1). If the " +
				"server runs Chatwoot 4.16.0, upgrade it to 4.16.1 or later; otherwise check Chatwoot's server logs, then run " +
				"the command again.", true
	}
	return "", "", false
}

// clientErrorDiagnosticFor is clientErrorDiagnostic for a caller that has the client at hand: a
// 500 from agent bots or labels on a server that reports 4.16.0 then says plainly to upgrade to
// 4.16.1 (the version is read once per client).
func clientErrorDiagnosticFor(ctx context.Context, client *chatwoot.Client, op operation, err error) diag.Diagnostic {
	if client != nil && client.IsChatwoot4160Regression(ctx, err) {
		return diag.NewErrorDiagnostic("Chatwoot 4.16.0 Bug: Upgrade to 4.16.1",
			fmt.Sprintf("Chatwoot failed while %s in account %d. This server runs Chatwoot 4.16.0, which answers every API "+
				"request on agent bots and labels with a 500; Chatwoot 4.16.1 fixed it. Upgrade Chatwoot to 4.16.1 or later, "+
				"then run the command again.\n\nOriginal error: %s", op.action, op.accountID, err))
	}
	return clientErrorDiagnostic(op, err)
}

// versionLabel names the server's version in a message: "4.16.2", or "4.16.0 and later" when
// the version is unknown and the newest behaviour is assumed.
func versionLabel(v chatwoot.Version) string {
	if v.Known() {
		return v.String()
	}
	return chatwoot.Version4160 + " and later (the server's version is unknown)"
}
