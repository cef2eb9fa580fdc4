#!/usr/bin/env bash
# Static checks of the coordinators' stack, no container engine needed:
#   promtool check config  (every dashboard/prometheus/prometheus*.yml)
#   promtool check rules   (dashboard/prometheus/rules/*.rules.yml)
#   promtool test rules    (dashboard/prometheus/tests/*.test.yml: every alert fires on bad series, not on good)
#   docker-compose config -q (docker-compose.yml at the repo root; Debian's docker-compose 1.29 validates offline)
# Needs promtool (Debian package "prometheus") and docker-compose (package "docker-compose", or Docker's
# "docker compose" plugin). Runs from any directory; prints each command; exits non-zero if any check failed.
set -uo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
root="$(cd "$here/.." && pwd)"
failed=0

run() {
  echo "+ $*"
  if ! "$@"; then
    echo "FAILED: $*" >&2
    failed=1
  fi
}

need() {
  if ! command -v "$1" >/dev/null 2>&1; then
    echo "FAILED: $1 not found (install it: $2)" >&2
    failed=1
    return 1
  fi
}

if need promtool "apt-get install -y prometheus"; then
  # check config resolves rule_files relative to the config, test rules relative to the test file:
  # run from prometheus/ so the printed paths are short.
  cd "$here/prometheus" || exit 1
  for config in prometheus*.yml; do
    run promtool check config "$config"
  done
  run promtool check rules rules/*.rules.yml
  run promtool test rules tests/*.test.yml
fi

if command -v docker-compose >/dev/null 2>&1; then
  compose=(docker-compose)
elif docker compose version >/dev/null 2>&1; then
  compose=(docker compose)
else
  need docker-compose "apt-get install -y docker-compose"
  compose=()
fi
if [ "${#compose[@]}" -gt 0 ]; then
  cd "$root" || exit 1
  run "${compose[@]}" -f docker-compose.yml config -q
fi

if [ "$failed" -ne 0 ]; then
  echo "dashboard checks: FAILED" >&2
  exit 1
fi
echo "dashboard checks: all passed"
