#!/usr/bin/env bash
# Soak test of the broker (broker/target/broker.jar, with the image's JVM flags): 1,000 hosts (10 members x 100 pad
# hosts) reporting every 15 s through the HTTP API, /go/pad at a steady 500 requests a second, a /prometheus scrape
# every 5 s, for 10 minutes after 30 s of warm-up. Each minute: /go requests, errors, p50, p99 and max latency
# (from when each request was due: an open loop), scrapes, the heap after a full GC (jcmd GC.run, then jstat: the
# least of three a second apart, so that a scrape or a report in flight does not count) and the resident memory
# (VmRSS). Then the verdicts: 0 errors, heap after full GC flat (last minute within 10 % of the
# first), resident memory under 256 MiB.
# Loopback only; about 12 minutes; stops only what it started, by pid, and removes its files.
#
#   bench/soak.sh
#
# Settings (environment): BROKER_PORT (18095), MINUTES (10), WARMUP (30, seconds), RATE (500, /go a second),
# SCRAPE (5, seconds), MEMBERS (10), HOSTS (100 a member), INTERVAL (15, seconds), BROKER_JAVA_OPTS (the image's
# flags), BROKER_JAR (broker/target/broker.jar).
set -euo pipefail
cd "$(dirname "$0")/.."
. bench/lib.sh

BROKER_PORT=${BROKER_PORT:-18095}
MINUTES=${MINUTES:-10}
WARMUP=${WARMUP:-30}
RATE=${RATE:-500}
SCRAPE=${SCRAPE:-5}
MEMBERS=${MEMBERS:-10}
HOSTS=${HOSTS:-100}
INTERVAL=${INTERVAL:-15}
BROKER_JAVA_OPTS=${BROKER_JAVA_OPTS:-$(unit_java_opts)}
BROKER_JAR=${BROKER_JAR:-broker/target/broker.jar}
BENCH="java -cp bench/target/bench.jar org.chatons.entraide.bench.load"

if [ ! -f broker/target/broker.jar ] || [ ! -f bench/target/bench.jar ]; then
  ./mvnw -q -B -pl bench -am -DskipTests package
fi
require_free_ports BROKER_PORT "$BROKER_PORT"
with_cleanup

$BENCH.FakeFederation members "$work" "$MEMBERS"
# shellcheck disable=SC2086
BROKER_MEMBERS_FILE="$work/members.yml" MICRONAUT_SERVER_PORT=$BROKER_PORT \
  java $BROKER_JAVA_OPTS -jar "$BROKER_JAR" >"$work/broker.log" 2>&1 &
broker=$!
pids+=("$broker")
await_broker "$BROKER_PORT" "$work/broker.log"

# The agents: every host 30 % full of a capacity no run can fill, reported every INTERVAL seconds until killed.
$BENCH.FakeFederation report "http://127.0.0.1:$BROKER_PORT" "$MEMBERS" "$HOSTS" "$INTERVAL" 0 100000 \
  >"$work/reports.log" 2>"$work/reports.err" &
pids+=($!)
expected=$((MEMBERS * HOSTS))
for _ in $(seq 1 120); do
  eligible=$(curl -s "http://127.0.0.1:$BROKER_PORT/api/v1/services" | grep -o '"eligibleHosts":[0-9]*' | head -1 | cut -d: -f2)
  [ "${eligible:-0}" -ge "$expected" ] && break
  sleep 0.5
done
echo "$(nproc) cores, $(java -version 2>&1 | head -1); broker $BROKER_JAVA_OPTS; ${eligible:-0} eligible pad hosts"
echo "load average before: $(cut -d' ' -f1-3 /proc/loadavg)"
echo

$BENCH.Soak "http://127.0.0.1:$BROKER_PORT" "$broker" "$MINUTES" "$WARMUP" "$RATE" "$SCRAPE" >"$work/soak.tsv"
rounds=$(grep -c "reports accepted" "$work/reports.log" || true)
refused=$(grep -c . "$work/reports.err" || true)
partial=$(grep "reports accepted" "$work/reports.log" | grep -vc " $MEMBERS of $MEMBERS " || true)
alive=$(kill -0 "$broker" 2>/dev/null && echo yes || echo "NO (see its log)")

echo "| minute | /go requests | errors | p50 | p99 | max | scrapes (errors) | heap after full GC | resident |"
echo "|---:|---:|---:|---:|---:|---:|---:|---:|---:|"
awk -F'\t' '$1 ~ /^[0-9]+$/ {
  printf "| %d | %d | %d | %.2f ms | %.2f ms | %.1f ms | %d (%d) | %.1f MiB | %.0f MiB |\n",
    $1, $2, $3, $4, $5, $6, $7, $8, $9 / 1024, $10 / 1024 }' "$work/soak.tsv"
grep '^#' "$work/soak.tsv" || true
echo
echo "load average after: $(cut -d' ' -f1-3 /proc/loadavg); broker still running: $alive"
echo "report rounds: $rounds, rounds with a report refused: $partial, refusals logged: $refused"
awk -F'\t' -v rounds_refused="$refused" -v rate="$RATE" '
  $1 ~ /^[0-9]+$/ { n++; errors += $3 + $8; if (n == 1) first = $9; last = $9; if ($10 > rss) rss = $10;
                    if ($5 > p99) p99 = $5; expected += 60 * rate; sent += $2 }
  END {
    drift = 100 * (last - first) / first
    printf "errors: %d (/go and scrapes) + %d refused reports: %s\n", errors, rounds_refused,
      (errors + rounds_refused == 0 ? "met" : "MISSED")
    printf "/go requests sent: %d of %d due\n", sent, expected
    printf "heap after full GC: first minute %.1f MiB, last %.1f MiB, %+.1f %%: %s (target: within 10 %%)\n",
      first / 1024, last / 1024, drift, (drift <= 10 && drift >= -10 ? "met" : "MISSED")
    printf "resident memory: at most %.0f MiB: %s (target: under 256 MiB)\n", rss / 1024, (rss < 256 * 1024 ? "met" : "MISSED")
    printf "worst minute p99 of /go: %.2f ms\n", p99
  }' "$work/soak.tsv"
