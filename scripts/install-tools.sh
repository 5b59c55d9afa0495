#!/usr/bin/env bash
# Installs the project's pinned tools into .tools/bin, building each from the Go
# module proxy. A tool that is already there at the pinned version is reused, so
# running this again is cheap (it reads the module version embedded in the
# binary with `go version -m`; nothing is executed and nothing is downloaded).
#
# Usage: scripts/install-tools.sh [tool ...]
#   tools: terraform-1.5.7 tofu-1.6.3 tofu-1.12.6 golangci-lint tfplugindocs changie goreleaser
#          all   (everything except goreleaser, which only `make release-check` needs)
#          test  (what `make test` needs: terraform-1.5.7)
#
#   terraform-1.14.9 (the newest Terraform, for the acceptance-test matrix) is in all.
#
# Every path is relative to the repository root; GOPATH and PATH do not matter.
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
BIN="$ROOT/.tools/bin"
mkdir -p "$BIN"

# Never let `go` switch to another toolchain behind our back: a tool that needs a
# newer Go than the one installed should fail loudly, not download one.
export GOTOOLCHAIN=local
export CHECKPOINT_DISABLE=1

# Pinned versions. Keep README's Contributing section in step with these.
TERRAFORM_VERSION=v1.5.7
# The newest Terraform, built from the wrapper module in tools/terraform-1.14.9.
TERRAFORM_NEW_VERSION=v1.14.9
TOFU_OLD_VERSION=v1.6.3
TOFU_NEW_VERSION=v1.12.6
GOLANGCI_LINT_VERSION=v2.15.0
TFPLUGINDOCS_VERSION=v0.24.0
# changie compiles .changes/ into CHANGELOG.md. The proxy does not list its
# versions, but serves this exact one; tools/changie/go.mod pins it.
CHANGIE_VERSION=v1.22.1
# goreleaser: v2.16+ needs a module the proxy does not serve (go-msix), so the
# newest that builds here is v2.15.1. Only `make release-check` needs it.
GORELEASER_VERSION=v2.15.1

log() { printf '==> %s\n' "$*" >&2; }

# has_module BIN MODULE VERSION: BIN exists and was built with MODULE at VERSION,
# either as its main module or as a dependency (the OpenTofu wrapper module).
has_module() {
  local bin="$1" mod="$2" ver="$3"
  [[ -x "$bin" ]] || return 1
  go version -m "$bin" 2>/dev/null |
    awk -v m="$mod" -v v="$ver" '($1=="mod"||$1=="dep") && $2==m && $3==v {found=1} END {exit !found}'
}

# go_install NAME PACKAGE@VERSION [go flags...]: `go install` into a scratch
# GOBIN, then move the binary to .tools/bin/NAME (so versioned names work).
go_install() {
  local name="$1" pkgver="$2"; shift 2
  local tmp; tmp="$(mktemp -d)"
  local start=$SECONDS
  log "building $name from $pkgver (this can take several minutes on a cold cache)"
  if ! GOBIN="$tmp" go install "$@" "$pkgver"; then
    rm -rf "$tmp"
    log "FAILED to build $name"
    return 1
  fi
  local built; built="$(find "$tmp" -maxdepth 1 -type f | head -n 1)"
  mv -f "$built" "$BIN/$name"
  rm -rf "$tmp"
  log "built $name in $((SECONDS - start))s"
}

install_terraform() {
  local want="$BIN/terraform-${TERRAFORM_VERSION#v}"
  if has_module "$want" github.com/hashicorp/terraform "$TERRAFORM_VERSION"; then
    log "terraform-${TERRAFORM_VERSION#v}: present"
  elif has_module "$BIN/terraform" github.com/hashicorp/terraform "$TERRAFORM_VERSION"; then
    # A plain `GOBIN=.tools/bin go install github.com/hashicorp/terraform@...`
    # left an unversioned binary: give it its versioned name.
    ln -sfn terraform "$want"
    log "terraform-${TERRAFORM_VERSION#v}: linked to existing .tools/bin/terraform"
  else
    go_install "terraform-${TERRAFORM_VERSION#v}" "github.com/hashicorp/terraform@$TERRAFORM_VERSION"
  fi
  # Convenience name for humans; scripts always use the versioned one.
  if [[ ! -e "$BIN/terraform" ]] || ! has_module "$BIN/terraform" github.com/hashicorp/terraform "$TERRAFORM_VERSION"; then
    ln -sfn "terraform-${TERRAFORM_VERSION#v}" "$BIN/terraform"
  fi
}

# build_wrapper NAME MODULE VERSION ESTIMATE [go build args...]: build NAME from the
# wrapper module in tools/NAME, unless .tools/bin/NAME was built with MODULE at VERSION.
build_wrapper() {
  local name="$1" mod="$2" ver="$3" estimate="$4"; shift 4
  if has_module "$BIN/$name" "$mod" "$ver"; then
    log "$name: present"; return
  fi
  local start=$SECONDS
  log "building $name from tools/$name ($estimate)"
  (cd "$ROOT/tools/$name" && go build -o "$BIN/$name.tmp" "$@") ||
    { log "FAILED to build $name"; rm -f "$BIN/$name.tmp"; return 1; }
  mv -f "$BIN/$name.tmp" "$BIN/$name"
  log "built $name in $((SECONDS - start))s"
}

# Terraform 1.14's go.mod replaces nested state-backend modules with directories the
# module zip lacks, so `go install …@v1.14.9` fails; the wrapper module in
# tools/terraform-1.14.9 replaces them with stubs. version.dev=no: without it Terraform
# reports itself as 1.14.9-dev.
install_terraform_new() {
  CGO_ENABLED=0 build_wrapper "terraform-${TERRAFORM_NEW_VERSION#v}" github.com/hashicorp/terraform "$TERRAFORM_NEW_VERSION" \
    "about 4 minutes on a cold cache, 2 cores" \
    -trimpath -ldflags "-s -w -X github.com/hashicorp/terraform/version.dev=no" github.com/hashicorp/terraform
}

install_tofu_old() {
  local name="tofu-${TOFU_OLD_VERSION#v}"
  if has_module "$BIN/$name" github.com/opentofu/opentofu "$TOFU_OLD_VERSION"; then
    log "$name: present"; return
  fi
  # OpenTofu marks a build as a -dev prerelease unless told otherwise.
  go_install "$name" "github.com/opentofu/opentofu/cmd/tofu@$TOFU_OLD_VERSION" \
    -ldflags "-X github.com/opentofu/opentofu/version.dev=no"
}

# OpenTofu 1.12's go.mod has a replace directive, which `go install pkg@version` refuses,
# so it is built from the wrapper module in tools/tofu-1.12.6, which repeats that replace.
install_tofu_new() {
  build_wrapper "tofu-${TOFU_NEW_VERSION#v}" github.com/opentofu/opentofu "$TOFU_NEW_VERSION" \
    "about 7 minutes on a cold cache, 2 cores" \
    -ldflags "-X github.com/opentofu/opentofu/version.dev=no" github.com/opentofu/opentofu/cmd/tofu
}

# `go install github.com/miniscruff/changie@v1.22.1` asks the proxy for changie's version
# list, which it does not serve, so changie is built from the wrapper module in
# tools/changie, which requires that exact version.
install_changie() {
  build_wrapper changie github.com/miniscruff/changie "$CHANGIE_VERSION" "under a minute" github.com/miniscruff/changie
}

install_simple() { # name module package version
  local name="$1" mod="$2" pkg="$3" ver="$4"
  if has_module "$BIN/$name" "$mod" "$ver"; then
    log "$name: present"; return
  fi
  go_install "$name" "$pkg@$ver"
}

install_one() {
  case "$1" in
    terraform | "terraform-${TERRAFORM_VERSION#v}") install_terraform ;;
    "terraform-${TERRAFORM_NEW_VERSION#v}") install_terraform_new ;;
    "tofu-${TOFU_OLD_VERSION#v}") install_tofu_old ;;
    "tofu-${TOFU_NEW_VERSION#v}") install_tofu_new ;;
    golangci-lint)
      install_simple golangci-lint github.com/golangci/golangci-lint/v2 \
        github.com/golangci/golangci-lint/v2/cmd/golangci-lint "$GOLANGCI_LINT_VERSION" ;;
    tfplugindocs)
      install_simple tfplugindocs github.com/hashicorp/terraform-plugin-docs \
        github.com/hashicorp/terraform-plugin-docs/cmd/tfplugindocs "$TFPLUGINDOCS_VERSION" ;;
    changie) install_changie ;;
    goreleaser)
      install_simple goreleaser github.com/goreleaser/goreleaser/v2 \
        github.com/goreleaser/goreleaser/v2 "$GORELEASER_VERSION" ;;
    test) install_terraform ;;
    all)
      install_terraform
      install_one tfplugindocs
      install_one changie
      install_one golangci-lint
      install_tofu_old
      install_tofu_new
      install_terraform_new ;;
    *) log "unknown tool: $1"; return 2 ;;
  esac
}

if [[ $# -eq 0 ]]; then set -- all; fi
for t in "$@"; do install_one "$t"; done
