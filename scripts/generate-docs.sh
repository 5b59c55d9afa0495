#!/usr/bin/env bash
# Regenerates docs/ with tfplugindocs, checks the result with `tfplugindocs
# validate` and formats examples/, using only the pinned
# tools in .tools/bin: nothing is downloaded.
#
# tfplugindocs would otherwise fetch a Terraform binary (with --tf-version) or
# use whatever `terraform` is first on PATH, so the provider schema is produced
# here with a pinned CLI and handed to it with --providers-schema. That CLI is
# Terraform 1.14.9: Terraform 1.5.7 predates provider functions, and OpenTofu
# has no actions, so either would leave pages out.
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT"

SCHEMA_CLI="$ROOT/.tools/bin/terraform-1.14.9"
TFPLUGINDOCS="$ROOT/.tools/bin/tfplugindocs"
scripts/install-tools.sh terraform-1.14.9 tfplugindocs

export TF_CLI_CONFIG_FILE="$ROOT/tools/cli-config.tfrc"
export CHECKPOINT_DISABLE=1
export TF_IN_AUTOMATION=1
unset TF_PLUGIN_CACHE_DIR
# Belt and braces: should tfplugindocs ever look for `terraform` on PATH, it
# finds the pinned one (.tools/bin/terraform is a link to terraform-1.5.7).
export PATH="$ROOT/.tools/bin:$PATH"

tmp="$(mktemp -d)"
trap 'rm -rf "$tmp"' EXIT

# tfplugindocs looks the schema up as "registry.terraform.io/hashicorp/<name>".
platform="$(go env GOOS)_$(go env GOARCH)"
plugin_dir="$tmp/plugins/registry.terraform.io/hashicorp/chatwoot/0.0.1/$platform"
echo "==> building the provider for schema extraction" >&2
go build -o "$plugin_dir/terraform-provider-chatwoot_v0.0.1" .
printf 'provider "chatwoot" {}\n' >"$tmp/main.tf"

echo "==> reading the provider schema with $(basename "$SCHEMA_CLI")" >&2
(
  cd "$tmp"
  "$SCHEMA_CLI" init -input=false -backend=false -plugin-dir=plugins >init.log 2>&1 ||
    { cat init.log >&2; exit 1; }
  "$SCHEMA_CLI" providers schema -json >schema.json
)
grep -q '"conversation_url"' "$tmp/schema.json" ||
  { echo "error: the schema has no provider functions; their pages would be missing" >&2; exit 1; }
grep -q '"chatwoot_conversation_assign"' "$tmp/schema.json" ||
  { echo "error: the schema has no actions; their pages would be missing" >&2; exit 1; }

echo "==> tfplugindocs generate" >&2
"$TFPLUGINDOCS" generate \
  --provider-name chatwoot \
  --rendered-provider-name Chatwoot \
  --providers-schema "$tmp/schema.json"

echo "==> tfplugindocs validate" >&2
# validate logs every file it reads at [DEBUG]; show its output only on failure.
if ! "$TFPLUGINDOCS" validate \
  --provider-name chatwoot \
  --providers-schema "$tmp/schema.json" >"$tmp/validate.log" 2>&1; then
  cat "$tmp/validate.log" >&2
  echo "error: tfplugindocs validate failed" >&2
  exit 1
fi

if [[ -d examples ]]; then
  # Terraform 1.14.9 parses the function and action examples too; Terraform 1.5.7
  # cannot parse provider-defined function calls.
  echo "==> $(basename "$SCHEMA_CLI") fmt -recursive examples/" >&2
  "$SCHEMA_CLI" fmt -recursive examples/
fi
