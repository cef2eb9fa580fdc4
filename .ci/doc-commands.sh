#!/usr/bin/env bash
# Runs the README's shell blocks that can run on this machine, as written, so that the documentation cannot drift
# from the programs: "The broker alone, with curl" (then "probe-agent check" against that broker, as the README's
# "Elsewhere" block runs it). Run by .ci/run after "./mvnw -B verify", which built the jars; the blocks' own build
# line is skipped for that reason. Two changes to what is written, for a machine shared with other jobs: a free port
# instead of 8080, and a throwaway folder instead of /tmp. The package install as the README writes it is run by
# packaging/container-check.sh, in a container (it needs root and systemd).
# Stops only the processes it started, by pid. Exits non-zero, naming the block, if a command fails or answers
# otherwise than the README says.
set -uo pipefail
cd "$(dirname "$0")/.."
repo=$(pwd)

work=$(mktemp -d)
pids=()
cleanup() {
  for pid in "${pids[@]}"; do kill "$pid" 2>/dev/null; wait "$pid" 2>/dev/null; done
  rm -rf "$work"
}
trap cleanup EXIT
fail() { echo "FAILED: $*" >&2; exit 1; }

# The first ```sh block after the README line that starts with TEXT (a heading), without its lines that build.
block() { # TEXT
  awk -v heading="$1" '
    !found && index($0, heading) == 1 { found = 1; next }
    found && /^```sh$/ { inside = 1; next }
    inside && /^```$/ { exit }
    inside { print }' README.md | grep -v '^\./mvnw -q -DskipTests package$'
}
free_port() { python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])'; }

for jar in broker/target/broker.jar probe-agent/target/probe-agent.jar; do
  [ -f "$jar" ] || fail "$jar missing: ./mvnw -q -DskipTests package first"
done
port=$(free_port)

echo "== README: The broker alone, with curl (port $port)"
script=$(block "## The broker alone, with curl")
[ -n "$script" ] || fail "no sh block under '## The broker alone, with curl'"
script=${script//localhost:8080/localhost:$port}
script=${script//\/tmp\//$work\/}
# The block starts the broker in the background: its pid, to stop it afterwards.
printf '%s\necho "BROKER_PID=$!" >&3\n' "$script" >"$work/broker-alone.sh"
(cd "$repo" && MICRONAUT_SERVER_PORT=$port timeout 180 bash -e "$work/broker-alone.sh" 3>"$work/pid") >"$work/out" 2>"$work/err"
status=$?
pid=$(sed -n 's/^BROKER_PID=//p' "$work/pid")
[ -n "$pid" ] && pids+=("$pid")
cat "$work/out"
[ "$status" = 0 ] || { cat "$work/err" >&2; fail "the block ended with status $status"; }
grep -q '^HTTP/1.1 202 Accepted' "$work/out" || fail "the report was not answered 202 Accepted"
grep -q '{"accepted":1}' "$work/out" || fail "the report's answer is not {\"accepted\":1}"
grep -q 'HTTP/1.1 302 Found' "$work/out" || fail "/go/pad was not answered 302 Found"
grep -qi '^location: http://localhost:9001/' "$work/out" || fail "/go/pad did not send to http://localhost:9001/"
grep -qi '^cache-control: no-store' "$work/out" || fail "/go/pad's answer may be cached"

echo "== README: probe-agent check, against that broker"
cat >"$work/probe-agent.yml" <<YAML
member: alpha
token-env: ENTRAIDE_TOKEN
brokers: [http://localhost:$port]
metrics-port: 0
hosts:
  - {id: pad-1, service: pad, software: http, url: http://localhost:$port/health, capacity-users: 200}
YAML
check=$(block "Elsewhere, the jar with a configuration" \
  | grep -e '^JAVA=' -e ' check -c probe-agent.yml')
[ "$(echo "$check" | wc -l)" = 2 ] || fail "the README's JAVA= and check lines were not found"
check=${check//probe-agent\/target\//$repo\/probe-agent\/target\/}
(cd "$work" && ENTRAIDE_TOKEN=demo-token timeout 120 bash -e -c "$check") | tee "$work/check" \
  || fail "probe-agent check, as the README runs it, failed"
grep -q '^All good\.$' "$work/check" || fail "probe-agent check did not say All good."

echo "The README's commands ran as written."
