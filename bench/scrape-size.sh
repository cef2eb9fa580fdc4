#!/usr/bin/env bash
# Size of one /prometheus scrape as Prometheus fetches it (Accept-Encoding: gzip, what `curl --compressed` asks)
# and as plain text, with 100 pad hosts (1 member, a real federation's size) and with 10,000 (100 members x 100),
# each reported once through the broker's HTTP API, after a few redirects (so every host series is there).
# Loopback only; about a minute per jar; stops everything it started and removes its files.
#
#   bench/scrape-size.sh                              # broker/target/broker.jar
#   BASE_JAR=old/broker.jar bench/scrape-size.sh      # and another build beside it
#
# Settings (environment): BROKER_PORT (18095), BROKER_JAR, BASE_JAR, BROKER_JAVA_OPTS (the unit's flags).
set -euo pipefail
cd "$(dirname "$0")/.."
. bench/lib.sh

BROKER_PORT=${BROKER_PORT:-18095}
BROKER_JAR=${BROKER_JAR:-broker/target/broker.jar}
BASE_JAR=${BASE_JAR:-}
BROKER_JAVA_OPTS=${BROKER_JAVA_OPTS:-$(unit_java_opts)}
BENCH="java -cp bench/target/bench.jar org.chatons.entraide.bench.load.FakeFederation"
if [ ! -f "$BROKER_JAR" ] || [ ! -f bench/target/bench.jar ]; then
  ./mvnw -q -B -pl bench -am -DskipTests package
fi
for jar in "$BROKER_JAR" $BASE_JAR; do [ -f "$jar" ] || { echo "no $jar" >&2; exit 1; }; done
require_free_ports BROKER_PORT "$BROKER_PORT"
with_cleanup

$BENCH members "$work" 100
url="http://127.0.0.1:$BROKER_PORT"
size() { curl -s -o /dev/null -w '%{size_download}' "$@" "$url/prometheus"; }
measure() { # JAR MEMBERS -> a table row
  # shellcheck disable=SC2086
  BROKER_MEMBERS_FILE="$work/members.yml" MICRONAUT_SERVER_PORT=$BROKER_PORT java $BROKER_JAVA_OPTS -jar "$1" \
    >"$work/broker.log" 2>&1 &
  local broker=$!
  pids+=("$broker")
  await_broker "$BROKER_PORT" "$work/broker.log"
  $BENCH report "$url" "$2" 100 15 1 >"$work/reports.log" 2>&1
  for _ in $(seq 1 20); do curl -s -o /dev/null "$url/go/pad"; done
  printf '| %s | %d | %d | %d |\n' "$1" $(($2 * 100)) "$(size)" "$(size --compressed)"
  kill "$broker"; wait "$broker" 2>/dev/null || true
}

echo "| jar | hosts | /prometheus, plain (bytes) | /prometheus, gzip as Prometheus asks (bytes) |"
echo "|---|---:|---:|---:|"
for jar in $BASE_JAR "$BROKER_JAR"; do
  measure "$jar" 1
  measure "$jar" 100
done
echo
echo "targets, as Prometheus fetches it: at most 200 KB with 100 hosts, 2 MB with 10,000"
