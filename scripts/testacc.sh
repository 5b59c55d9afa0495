#!/usr/bin/env bash
# Runs `go test` with the acceptance-test environment for one pinned CLI.
#
# Usage: scripts/testacc.sh CLI [go test arguments...]
#   CLI is the name of a binary in .tools/bin: terraform-1.5.7, terraform-1.14.9,
#   tofu-1.6.3 or tofu-1.12.6 (build it first with scripts/install-tools.sh CLI).
#
# The CLI is always the pinned binary, never whatever `terraform` is on PATH, and
# terraform-plugin-testing is never allowed to download one.
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
if [[ $# -lt 1 ]]; then
  echo "usage: $0 CLI [go test arguments...]" >&2
  exit 2
fi
cli="$1"; shift
bin="$ROOT/.tools/bin/$cli"
if [[ ! -x "$bin" ]]; then
  echo "error: $bin is missing; run: scripts/install-tools.sh $cli" >&2
  exit 1
fi

export TF_ACC=1
export TF_ACC_TERRAFORM_PATH="$bin"
# A project CLI config: keeps ~/.terraformrc / ~/.tofurc out of the tests, and
# OpenTofu's warning about a missing config file out of `tofu version -json`.
export TF_CLI_CONFIG_FILE="$ROOT/tools/cli-config.tfrc"
export CHECKPOINT_DISABLE=1
export TF_IN_AUTOMATION=1
# TF_ACC_TERRAFORM_VERSION would make terraform-plugin-testing download a CLI.
unset TF_ACC_TERRAFORM_VERSION

case "$cli" in
  tofu-*)
    # OpenTofu resolves the provider under its own registry host.
    export TF_ACC_PROVIDER_HOST=registry.opentofu.org
    export TF_ACC_PROVIDER_NAMESPACE=hashicorp
    ;;
  *)
    unset TF_ACC_PROVIDER_HOST TF_ACC_PROVIDER_NAMESPACE
    ;;
esac

cd "$ROOT"
echo "==> TF_ACC=1 TF_ACC_TERRAFORM_PATH=.tools/bin/$cli go test $*" >&2
exec go test "$@"
