#!/usr/bin/env bash
# make demo: build the provider, start the Chatwoot mock seeded with a demo account (through
# Chatwoot's public APIs), apply examples/demo with the provider wired in by dev_overrides, show
# what Chatwoot now holds, prove the next plan is empty, destroy, and stop the mock.
#
# With CHATWOOT_BASE_URL and CHATWOOT_API_ACCESS_TOKEN set, it targets that Chatwoot instead; then
# also set CHATWOOT_ACCOUNT_ID and the demo's inputs TF_VAR_agent_email, TF_VAR_team_name and
# TF_VAR_conversation_ids (for example '[1,2,3]').
set -euo pipefail

root=$(cd "$(dirname "$0")/.." && pwd)
cd "$root"
terraform="$root/.tools/bin/terraform-1.5.7"
[[ -x "$terraform" ]] || scripts/install-tools.sh terraform-1.5.7

work=$(mktemp -d)
mock_pid=""
cleanup() {
  if [[ -n "$mock_pid" ]]; then kill "$mock_pid" 2>/dev/null || true; wait "$mock_pid" 2>/dev/null || true; fi
  rm -rf "$work"
}
trap cleanup EXIT

step() { printf '\n==> %s\n' "$*"; }

step "Building the provider"
go build -o "$work/plugins/terraform-provider-chatwoot" .

if [[ -n "${CHATWOOT_BASE_URL:-}" && -n "${CHATWOOT_API_ACCESS_TOKEN:-}" ]]; then
  step "Targeting the Chatwoot at $CHATWOOT_BASE_URL (CHATWOOT_BASE_URL is set), not the mock"
  : "${CHATWOOT_ACCOUNT_ID:?set CHATWOOT_ACCOUNT_ID to the account to demo in}"
  : "${TF_VAR_agent_email:?set TF_VAR_agent_email to an agent of the account}"
  : "${TF_VAR_team_name:?set TF_VAR_team_name to a team of the account}"
  : "${TF_VAR_conversation_ids:?set TF_VAR_conversation_ids, e.g. [1,2,3]}"
else
  step "Starting the Chatwoot mock with a demo account"
  go build -o "$work/chatwoot-mock" ./internal/cmd/chatwoot-mock
  "$work/chatwoot-mock" --listen 127.0.0.1:0 --platform-token "demo-platform-$RANDOM$RANDOM" --demo >"$work/mock.out" 2>"$work/mock.err" &
  mock_pid=$!
  for _ in $(seq 1 100); do
    grep -qx ready "$work/mock.out" 2>/dev/null && break
    kill -0 "$mock_pid" 2>/dev/null || { cat "$work/mock.err" >&2; echo "the mock exited" >&2; exit 1; }
    sleep 0.1
  done
  grep -qx ready "$work/mock.out" || { echo "the mock did not get ready" >&2; exit 1; }
  base_url=$(sed -n 's/^listening on //p' "$work/mock.out")
  value() { sed -n "s/^$1=//p" "$work/mock.out" | head -n 1; }
  export CHATWOOT_BASE_URL="$base_url"
  export CHATWOOT_API_ACCESS_TOKEN=$(value CHATWOOT_API_ACCESS_TOKEN)
  export CHATWOOT_ACCOUNT_ID=$(value CHATWOOT_ACCOUNT_ID)
  export TF_VAR_agent_email=$(value AGENT1_EMAIL)
  export TF_VAR_team_name=$(value TEAM_NAME)
  export TF_VAR_conversation_ids="[$(value CONVERSATION_IDS)]"
  echo "Chatwoot mock at $CHATWOOT_BASE_URL, account $CHATWOOT_ACCOUNT_ID"
  echo "agent $TF_VAR_agent_email, team $TF_VAR_team_name, conversations $TF_VAR_conversation_ids"
fi

cat >"$work/cli.tfrc" <<CFG
provider_installation {
  dev_overrides {
    "chatwoot-community/chatwoot" = "$work/plugins"
  }
  direct {}
}
CFG
export TF_CLI_CONFIG_FILE="$work/cli.tfrc" CHECKPOINT_DISABLE=1 TF_IN_AUTOMATION=1
cp examples/demo/*.tf "$work/"
tf() { "$terraform" -chdir="$work" "$@"; }

step "terraform apply"
tf apply -auto-approve -input=false -no-color

step "What Chatwoot now shows for each conversation"
tf output -no-color conversations

step "A second plan must be empty"
set +e
tf plan -detailed-exitcode -input=false -no-color >"$work/plan.out" 2>&1
plan_status=$?
set -e
if [[ $plan_status -ne 0 ]]; then
  cat "$work/plan.out"
  echo "FAIL: the second plan is not empty (exit $plan_status)" >&2
  exit 1
fi
echo "No changes: the configuration and Chatwoot agree."

step "terraform destroy"
tf destroy -auto-approve -input=false -no-color

step "Demo finished"
