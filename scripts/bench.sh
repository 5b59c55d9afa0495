#!/usr/bin/env bash
# `make bench`: measures N chatwoot_conversation_assignment resources against the
# Terraform, framework and HTTP floors, and an account configuration of M vocabulary objects
# (labels, canned responses, custom attributes, webhooks, macros, SLA policies, teams and their
# members) against terraform_data (bench/runner), and writes BENCHMARKS.md.
#
# Environment:
#   BENCH_WORKLOAD=assignment,account
#                        the workloads to measure; one alone rewrites only its section of
#                        BENCHMARKS.md and keeps the other's
#   BENCH_QUICK=1        smoke run: N=100, M=100, 1 run, written to .bench/BENCHMARKS-quick.md
#   BENCH_N=100,1000     resource counts of the assignment workload
#   BENCH_M=300          object count of the account workload
#   BENCH_RUNS=3         runs per measurement (the report shows the median)
#   BENCH_LATENCY=0,50ms mock latencies for the provider and the HTTP floor
#   BENCH_TERRAFORM=terraform-1.5.7
#                        the pinned CLI to measure with (a name in .tools/bin that
#                        scripts/install-tools.sh builds, e.g. terraform-1.14.9)
# Any arguments are passed to the runner (go run ./bench/runner -h lists them),
# e.g. scripts/bench.sh -pprof to write CPU profiles of the provider processes.
#
# A full run (N=100 and 1,000, 3 runs, 0 and 50 ms) takes about 25 minutes on an
# idle 2-core machine; Terraform's own work on 1,000 resources is most of it. The account
# workload alone (BENCH_WORKLOAD=account, M=300, 3 runs) takes a few minutes.
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT"
export GOTOOLCHAIN=local CHECKPOINT_DISABLE=1

tf="${BENCH_TERRAFORM:-terraform-1.5.7}"
scripts/install-tools.sh "$tf"

args=(-terraform ".tools/bin/$tf")
if [[ "${BENCH_QUICK:-}" == 1 ]]; then args+=(-quick); fi
if [[ -n "${BENCH_WORKLOAD:-}" ]]; then args+=(-workload "$BENCH_WORKLOAD"); fi
if [[ -n "${BENCH_N:-}" ]]; then args+=(-n "$BENCH_N"); fi
if [[ -n "${BENCH_M:-}" ]]; then args+=(-m "$BENCH_M"); fi
if [[ -n "${BENCH_RUNS:-}" ]]; then args+=(-runs "$BENCH_RUNS"); fi
if [[ -n "${BENCH_LATENCY:-}" ]]; then args+=(-latency "$BENCH_LATENCY"); fi

exec go run ./bench/runner "${args[@]}" "$@"
