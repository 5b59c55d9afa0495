#!/usr/bin/env bash
# Compiles the change entries in .changes/ into CHANGELOG.md with the pinned
# changie (configuration: .changie.yaml), or checks that it is compiled.
#
# Usage: scripts/changelog.sh          check the entries, then write CHANGELOG.md
#        scripts/changelog.sh check    check the entries, then fail if CHANGELOG.md
#                                      is not what they compile to (CI)
#
# Released versions are .changes/<version>.md (written by `changie batch`); the
# entries in .changes/unreleased/ are shown on top, under the heading of the
# version they will be released as.
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT"

# The version the unreleased entries go into. Raise it in the release commit,
# after `changie batch <version>` and `changie merge`.
NEXT_VERSION=0.1.0
UNRELEASED_HEADING="## $NEXT_VERSION (Unreleased)"

CHANGIE="$ROOT/.tools/bin/changie"
ENTRIES=.changes/unreleased

mode="${1:-write}"
case "$mode" in
  write | check) ;;
  *) echo "usage: $0 [check]" >&2; exit 2 ;;
esac

scripts/install-tools.sh changie

# check_entries: every file in .changes/unreleased is an entry of exactly the
# form the project writes. changie itself would accept an entry without a
# body or time, an unknown key (a typo) or a file ending in .yml (which it
# silently skips).
check_entries() {
  local kinds bad=0 f
  # The kinds, one per line, as .changie.yaml lists them.
  kinds="$(sed -n 's/^  - label: *//p' .changie.yaml)"
  shopt -s nullglob dotglob
  for f in "$ENTRIES"/*; do
    case "$(basename "$f")" in
      .gitkeep) continue ;;
    esac
    awk -v file="$f" -v kinds="$kinds" '
      function fail(msg) { printf "%s: %s\n", file, msg > "/dev/stderr"; bad = 1 }
      function value(s) {
        sub(/^[ \t]+/, "", s)
        if (s ~ /^'\''/) { sub(/^'\''/, "", s); sub(/'\''[ \t]*(#.*)?$/, "", s); return s }
        if (s ~ /^"/) { sub(/^"/, "", s); sub(/"[ \t]*(#.*)?$/, "", s); return s }
        sub(/[ \t]+#.*$/, "", s); sub(/[ \t]+$/, "", s)
        return s
      }
      BEGIN {
        n = split(kinds, k, "\n")
        for (i = 1; i <= n; i++) { valid[k[i]] = 1; list = list (i > 1 ? ", " : "") k[i]; stem = tolower(k[i]); gsub(/ /, "", stem); stems[k[i]] = stem }
        name = file; sub(/.*\//, "", name)
        if (name !~ /^[a-z]+-[0-9][0-9][0-9][0-9][0-9][0-9][0-9][0-9]-[0-9][0-9][0-9][0-9][0-9][0-9]\.yaml$/)
          fail("the name must be <kind, lowercase without spaces>-<YYYYMMDD-HHMMSS>.yaml")
        last = ""
      }
      /^[ \t]*(#.*)?$/ { next }
      /^[ \t]/ {
        # Continuation lines belong to a multi-line body.
        if (last != "body") fail("line " NR ": unexpected indented line")
        cont = 1; next
      }
      {
        if (match($0, /^[A-Za-z_]+:/) == 0) { fail("line " NR ": not a \"key: value\" line"); next }
        key = substr($0, 1, RLENGTH - 1); rest = substr($0, RLENGTH + 1)
        if (key != "kind" && key != "body" && key != "time") { fail("line " NR ": unknown key \"" key "\" (only kind, body, time)"); next }
        if (seen[key]++) fail("line " NR ": \"" key "\" given twice")
        last = key; v[key] = value(rest)
      }
      END {
        if (!("kind" in v)) fail("no kind")
        else if (!(v["kind"] in valid)) fail("unknown kind \"" v["kind"] "\" (one of: " list ")")
        else if (name !~ ("^" stems[v["kind"]] "-")) fail("the name must start with \"" stems[v["kind"]] "-\" for kind " v["kind"])
        if (!("body" in v)) fail("no body")
        else if (v["body"] == "" || (v["body"] ~ /^[|>][-+]?$/ && !cont)) fail("empty body")
        if (!("time" in v)) fail("no time")
        else if (v["time"] !~ /^[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]T[0-9][0-9]:[0-9][0-9]:[0-9][0-9](\.[0-9]+)?(Z|[+-][0-9][0-9]:[0-9][0-9])$/)
          fail("time \"" v["time"] "\" is not an RFC 3339 time like 2026-12-03T09:30:00.000000+00:00")
        exit bad
      }
    ' "$f" || bad=1
  done
  if [[ $bad -ne 0 ]]; then
    echo "error: malformed changelog entries in $ENTRIES (see above)" >&2
    return 1
  fi
}

check_entries

# changie reads the entries itself too: it fails on broken YAML.
compiled="$(mktemp)"
trap 'rm -f "$compiled"' EXIT
"$CHANGIE" merge --dry-run --include-unreleased "$UNRELEASED_HEADING" >"$compiled"

if [[ $mode == write ]]; then
  cp "$compiled" CHANGELOG.md
  echo "CHANGELOG.md compiled from .changes/"
  exit 0
fi

if ! cmp -s "$compiled" CHANGELOG.md; then
  echo "error: CHANGELOG.md is not what .changes/ compiles to; run 'make changelog' and commit the result" >&2
  echo "(do not edit CHANGELOG.md by hand: add an entry in $ENTRIES)" >&2
  diff -u CHANGELOG.md "$compiled" >&2 || true
  exit 1
fi
echo "CHANGELOG.md is what .changes/ compiles to"
