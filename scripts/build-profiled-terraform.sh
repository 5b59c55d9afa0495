#!/usr/bin/env bash
# Builds .tools/bin/terraform-1.5.7-pprof: the pinned Terraform with one change, a CPU
# profile written to $BENCH_PPROF_DIR/terraform-<pid>.pprof when that variable is set
# (Terraform 1.5.7 has no profiler to switch on). With it, `make bench` and -pprof
# profile Terraform beside the provider processes, in the same per-phase folders:
#
#   scripts/build-profiled-terraform.sh
#   go run ./bench/runner -pprof -terraform .tools/bin/terraform-1.5.7-pprof -n 300 -runs 1
#   go tool pprof -top .tools/bin/terraform-1.5.7-pprof .bench/pprof/n300/chatwoot-0/destroy/terraform-*.pprof
#
# The source comes from the Go module proxy, like the plain build (scripts/install-tools.sh).
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
export GOTOOLCHAIN=local CHECKPOINT_DISABLE=1
VERSION=v1.5.7
OUT="$ROOT/.tools/bin/terraform-1.5.7-pprof"

SRC="$(go mod download -json "github.com/hashicorp/terraform@$VERSION" | sed -n 's/^[[:space:]]*"Dir": "\(.*\)",$/\1/p')"
[[ -n "$SRC" && -f "$SRC/main.go" ]] || { echo "could not download github.com/hashicorp/terraform@$VERSION" >&2; exit 1; }

WORK="$(mktemp -d)"
trap 'chmod -R u+w "$WORK"; rm -rf "$WORK"' EXIT
cp -R "$SRC/." "$WORK"
chmod -R u+w "$WORK"

# The only change: start a CPU profile at the top of realMain; its deferred stop runs when
# realMain returns, before main exits.
sed -i 's|^import (|import (\n\t"runtime/pprof"|' "$WORK/main.go"
sed -i 's|^func realMain() int {|func realMain() int {\n\tif dir := os.Getenv("BENCH_PPROF_DIR"); dir != "" {\n\t\tif f, err := os.Create(fmt.Sprintf("%s/terraform-%d.pprof", dir, os.Getpid())); err == nil {\n\t\t\t_ = pprof.StartCPUProfile(f)\n\t\t\tdefer pprof.StopCPUProfile()\n\t\t}\n\t}|' "$WORK/main.go"
grep -q 'pprof.StartCPUProfile' "$WORK/main.go" || { echo "patching main.go failed" >&2; exit 1; }

mkdir -p "$(dirname "$OUT")"
(cd "$WORK" && GOFLAGS=-mod=mod go build -o "$OUT" .)
echo "==> built $OUT" >&2
