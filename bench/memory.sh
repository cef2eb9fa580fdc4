#!/usr/bin/env bash
# Resident memory (VmRSS, and its peak VmHWM, from /proc) of:
#  - the broker with 10,000 hosts reporting (100 members x 100 pad hosts, every 15 s, through the HTTP API),
#    with /go traffic and a /prometheus scrape, as it runs in production;
#  - the probe agent with 10 Etherpad hosts (local stand-ins) at a 15 s interval, reporting to that broker.
# Each is measured with the flags this repository documents (the Dockerfiles'), with bare "java -jar" (the JVM's
# defaults), and the broker also with a 128 MiB heap.
# Loopback only; about 6 minutes; stops everything it started and removes its files.
#
# Settings (environment): BROKER_PORT (18090), PADS_PORT (18091), AGENT_METRICS_PORTS ("19464 19465"),
# AGENT_SECONDS (120), BROKER_JAR (broker/target/broker.jar; another build's jar to compare versions).
set -euo pipefail
cd "$(dirname "$0")/.."
. bench/lib.sh

BROKER_PORT=${BROKER_PORT:-18090}
PADS_PORT=${PADS_PORT:-18091}
AGENT_SECONDS=${AGENT_SECONDS:-120}
BROKER_JAR=${BROKER_JAR:-broker/target/broker.jar}
read -r AGENT_METRICS_DOC AGENT_METRICS_DEF <<<"${AGENT_METRICS_PORTS:-19464 19465}"
# broker/Dockerfile's JAVA_OPTS; probe-agent/Dockerfile's and its README's.
BROKER_FLAGS="-Xms64m -Xmx256m -XX:+UseSerialGC -XX:+ExitOnOutOfMemoryError"
# A tighter heap for the broker, to see how much of the resident memory the heap limit decides.
BROKER_TIGHT_FLAGS="-Xms32m -Xmx128m -XX:+UseSerialGC -XX:+ExitOnOutOfMemoryError"
AGENT_FLAGS="-Xms16m -Xmx48m -Xss512k -XX:+UseSerialGC -XX:TieredStopAtLevel=1 -XX:+ExitOnOutOfMemoryError"
BENCH="java -cp bench/target/bench.jar org.chatons.entraide.bench.load"

if [ ! -f broker/target/broker.jar ] || [ ! -f bench/target/bench.jar ] || [ ! -f probe-agent/target/probe-agent.jar ]; then
  ./mvnw -q -B -DskipTests package
fi

[ -f "$BROKER_JAR" ] || { echo "no $BROKER_JAR" >&2; exit 1; }
require_free_ports "BROKER_PORT / PADS_PORT / AGENT_METRICS_PORTS" "$BROKER_PORT" "$PADS_PORT" \
  "$AGENT_METRICS_DOC" "$AGENT_METRICS_DEF"
with_cleanup

mib() { awk -v k="$1" 'BEGIN { printf "%.0f MiB", k / 1024 }'; }
rss_kb() { awk '/^VmRSS/ {print $2}' "/proc/$1/status"; }
hwm_kb() { awk '/^VmHWM/ {print $2}' "/proc/$1/status"; }

# 100 members for the fake federation, and two more for the two probe agents (member-100, member-101).
$BENCH.FakeFederation members "$work" 102

broker_run() { # LABEL FLAGS...
  local label=$1; shift
  BROKER_MEMBERS_FILE="$work/members.yml" MICRONAUT_SERVER_PORT=$BROKER_PORT \
    java "$@" -jar "$BROKER_JAR" >"$work/broker.log" 2>&1 &
  broker=$!
  pids+=("$broker")
  for _ in $(seq 1 120); do
    curl -fs -o /dev/null "http://127.0.0.1:$BROKER_PORT/health" && break
    sleep 0.5
  done
  $BENCH.FakeFederation report "http://127.0.0.1:$BROKER_PORT" 100 100 15 4 >"$work/reports.log" 2>&1
  local eligible
  eligible=$(curl -s "http://127.0.0.1:$BROKER_PORT/api/v1/services" | grep -o '"eligibleHosts":[0-9]*' | head -1)
  # Users arriving, and Prometheus scraping every host's series.
  if command -v wrk >/dev/null 2>&1; then
    wrk -t2 -c16 -d10s "http://127.0.0.1:$BROKER_PORT/go/pad" >/dev/null
  else
    for _ in $(seq 1 2000); do curl -s -o /dev/null "http://127.0.0.1:$BROKER_PORT/go/pad"; done
  fi
  curl -s "http://127.0.0.1:$BROKER_PORT/prometheus" | wc -c | awk '{printf "/prometheus: %d KiB, ", $1 / 1024}'
  $BENCH.FakeFederation report "http://127.0.0.1:$BROKER_PORT" 100 100 15 1 >/dev/null 2>&1
  echo "$(grep -c 'of 100 reports accepted' "$work/reports.log") report rounds, ${eligible:-no eligibleHosts figure}"
  printf '| broker, 10,000 hosts | `%s` | %s | %s |\n' "${*:-(none)}" "$(mib "$(rss_kb "$broker")")" \
    "$(mib "$(hwm_kb "$broker")")" | tee -a "$work/table"
}

agent_start() { # MEMBER METRICS_PORT FLAGS... -> sets agent
  local member=$1 metrics=$2; shift 2
  {
    echo "member: $member"
    echo "token-env: ENTRAIDE_TOKEN"
    echo "brokers: [http://127.0.0.1:$BROKER_PORT]"
    echo "interval: 15s"
    echo "timeout: 5s"
    echo "metrics-port: $metrics"
    echo "hosts:"
    for k in $(seq 1 10); do
      echo "  - id: pad-$k"
      echo "    service: pad"
      echo "    software: etherpad"
      echo "    url: http://localhost:$PADS_PORT/$member/pad-$k/"
      echo "    capacity-users: 100"
    done
  } >"$work/$member.yml"
  ENTRAIDE_TOKEN="bench-token-$member" java "$@" -jar probe-agent/target/probe-agent.jar run -c "$work/$member.yml" \
    >"$work/$member.log" 2>&1 &
  agent=$!
  pids+=("$agent")
}

echo "| process | JVM flags | resident (VmRSS) | peak resident (VmHWM) |" >"$work/table"
echo "|---|---|---:|---:|" >>"$work/table"

echo "broker with the image's flags..."
broker_run "documented" $BROKER_FLAGS
kill "$broker"; wait "$broker" 2>/dev/null || true

echo "broker with a 128 MiB heap..."
broker_run "tight" $BROKER_TIGHT_FLAGS
kill "$broker"; wait "$broker" 2>/dev/null || true

echo "broker with the JVM's defaults..."
broker_run "defaults"
# The broker stays up for the agents: the agents' memory does not depend on the broker's flags.

$BENCH.StandInPads "$PADS_PORT" >"$work/pads.log" 2>&1 &
pids+=($!)
sleep 1
agent_start member-100 "$AGENT_METRICS_DOC" $AGENT_FLAGS
documented=$agent
agent_start member-101 "$AGENT_METRICS_DEF"
defaults=$agent
echo "two probe agents (10 hosts each, 15 s interval) for ${AGENT_SECONDS} s..."
peak_doc=0; peak_def=0
for _ in $(seq 1 $((AGENT_SECONDS / 5))); do
  sleep 5
  r=$(rss_kb "$documented"); [ "$r" -gt "$peak_doc" ] && peak_doc=$r
  r=$(rss_kb "$defaults"); [ "$r" -gt "$peak_def" ] && peak_def=$r
done
accepted=$(curl -s "http://127.0.0.1:$BROKER_PORT/prometheus" | grep 'entraide_reports_total{' | grep 'member="member-10[01]"' | grep accepted || true)
echo "reports of the two agents accepted by the broker:"
if [ -n "$accepted" ]; then echo "$accepted"; else echo "  none: see the agent logs"; tail -5 "$work"/member-10*.log; fi
printf '| probe agent, 10 hosts, 15 s | `%s` | %s | %s |\n' "$AGENT_FLAGS" "$(mib "$(rss_kb "$documented")")" \
  "$(mib "$(hwm_kb "$documented")")" >>"$work/table"
printf '| probe agent, 10 hosts, 15 s | `(none)` | %s | %s |\n' "$(mib "$(rss_kb "$defaults")")" \
  "$(mib "$(hwm_kb "$defaults")")" >>"$work/table"

echo
echo "$(nproc) cores, $(awk '/MemTotal/ {printf "%.0f GiB", $2 / 1048576}' /proc/meminfo), $(java -version 2>&1 | head -1)"
echo
cat "$work/table"
echo
echo "targets: broker <= 256 MiB, probe agent <= 96 MiB (judged on the documented flags)"
