#!/usr/bin/env bash
# Resident memory (VmRSS, and its peak VmHWM, from /proc) of:
#  - the broker with 10,000 hosts reporting (100 members x 100 pad hosts, every 15 s, through the HTTP API),
#    with /go traffic and /prometheus scrapes, as it runs in production; and with 100 hosts (1 member x 100, a real
#    federation's size);
#  - the probe agent with 10 Etherpad hosts (local stand-ins) at a 15 s interval, reporting to that broker.
# The broker is measured with the flags of its unit (read from packaging/src/deb/broker/entraide-broker.service),
# with bare "java -jar" (the JVM's defaults) and with a 128 MiB heap ("all" only); with BASE_JAR, each broker row
# is measured on that jar too, just before, in the same run (old and new build side by side). The agent runs as the Debian package's service does: the unit's JAVA_OPTS and
# environment (read from packaging/src/deb/probe-agent/entraide-probe-agent.service) and the packaged launcher,
# from its second start, when the launcher maps the class archive the first start wrote; beside it, the same
# flags without the archive, the flags documented before the package (the "before" row), and bare "java -jar".
# Loopback only; about 7 minutes ("agent": about 2); stops everything it started and removes its files.
#
# Usage: bench/memory.sh [all|broker|agent]      # broker: the unit's flags only, 10,000 and 100 hosts, about 2 min
# Settings (environment): BROKER_PORT (18090), PADS_PORT (18091), AGENT_METRICS_PORT (19464: the four agents take
# it and the next three), AGENT_SECONDS (120), BROKER_JAR (broker/target/broker.jar; another build's jar to
# compare versions), BASE_JAR (another broker jar measured beside it), BROKER_FLAGS (the unit's JAVA_OPTS),
# BROKER_MALLOC_ARENA_MAX (the unit's MALLOC_ARENA_MAX; empty: glibc's default),
# SETTLE (10: seconds after the last scrape before the broker's memory is read), BASE_FLAGS and
# BASE_MALLOC_ARENA_MAX (the base jar's, for its rows with the unit's flags: another version's unit; by default
# the same as this one's).
set -euo pipefail
cd "$(dirname "$0")/.."
. bench/lib.sh

WHAT=${1:-all}
BROKER_PORT=${BROKER_PORT:-18090}
PADS_PORT=${PADS_PORT:-18091}
AGENT_METRICS_PORT=${AGENT_METRICS_PORT:-19464}
SETTLE=${SETTLE:-10}
AGENT_SECONDS=${AGENT_SECONDS:-120}
BROKER_JAR=${BROKER_JAR:-broker/target/broker.jar}
BASE_JAR=${BASE_JAR:-}
# The broker's unit's JAVA_OPTS (broker/Dockerfile has the same).
BROKER_UNIT=packaging/src/deb/broker/entraide-broker.service
BROKER_FLAGS=${BROKER_FLAGS:-$(unit_java_opts)}
[ -n "$BROKER_FLAGS" ] || { echo "no JAVA_OPTS in $BROKER_UNIT" >&2; exit 1; }
BROKER_MALLOC_ARENA_MAX=${BROKER_MALLOC_ARENA_MAX-$(sed -n 's/^Environment=MALLOC_ARENA_MAX=//p' "$BROKER_UNIT")}
BASE_FLAGS=${BASE_FLAGS:-$BROKER_FLAGS}
BASE_MALLOC_ARENA_MAX=${BASE_MALLOC_ARENA_MAX-$BROKER_MALLOC_ARENA_MAX}
arena=$BROKER_MALLOC_ARENA_MAX
# A tighter heap for the broker, to see how much of the resident memory the heap limit decides.
BROKER_TIGHT_FLAGS="-Xms32m -Xmx128m -XX:+UseSerialGC -XX:+ExitOnOutOfMemoryError"
# The agent's flags before the Debian package (its README's and Dockerfile's until then): the "before" figure.
AGENT_BEFORE_FLAGS="-Xms16m -Xmx48m -Xss512k -XX:+UseSerialGC -XX:TieredStopAtLevel=1 -XX:+ExitOnOutOfMemoryError"
# The packaged service's: its unit's JAVA_OPTS and MALLOC_ARENA_MAX, and its launcher.
AGENT_UNIT=packaging/src/deb/probe-agent/entraide-probe-agent.service
AGENT_FLAGS=$(sed -n 's/^Environment="JAVA_OPTS=\(.*\)"$/\1/p' "$AGENT_UNIT")
AGENT_MALLOC_ARENA_MAX=$(sed -n 's/^Environment=MALLOC_ARENA_MAX=//p' "$AGENT_UNIT")
[ -n "$AGENT_FLAGS" ] || { echo "no JAVA_OPTS in $AGENT_UNIT" >&2; exit 1; }
BENCH="java -cp bench/target/bench.jar org.chatons.entraide.bench.load"

if [ ! -f broker/target/broker.jar ] || [ ! -f bench/target/bench.jar ] || [ ! -f probe-agent/target/probe-agent.jar ]; then
  ./mvnw -q -B -DskipTests package
fi

[ -f "$BROKER_JAR" ] || { echo "no $BROKER_JAR" >&2; exit 1; }
[ -z "$BASE_JAR" ] || [ -f "$BASE_JAR" ] || { echo "no $BASE_JAR" >&2; exit 1; }
require_free_ports "BROKER_PORT / PADS_PORT / AGENT_METRICS_PORT" "$BROKER_PORT" "$PADS_PORT" \
  $(seq "$AGENT_METRICS_PORT" $((AGENT_METRICS_PORT + 3)))
with_cleanup
# The packaged launcher, with this build's jar where the package puts it in /usr/share.
sed "s|/usr/share/entraide-probe-agent/probe-agent.jar|$PWD/probe-agent/target/probe-agent.jar|" \
  packaging/src/deb/probe-agent/probe-agent >"$work/probe-agent"
chmod +x "$work/probe-agent"
mkdir -p "$work/cache"

mib() { awk -v k="$1" 'BEGIN { printf "%.1f MiB", k / 1024 }'; }
rss_kb() { awk '/^VmRSS/ {print $2}' "/proc/$1/status"; }
hwm_kb() { awk '/^VmHWM/ {print $2}' "/proc/$1/status"; }
cpu_ticks() { awk '{print $14 + $15}' "/proc/$1/stat"; }

# 100 members for the fake federation, and four more for the probe agents (member-100 to member-103).
$BENCH.FakeFederation members "$work" 104

broker_start() { # JAR FLAGS... -> sets broker, once it answers
  local jar=$1; shift
  # shellcheck disable=SC2086
  env ${arena:+MALLOC_ARENA_MAX=$arena} BROKER_MEMBERS_FILE="$work/members.yml" \
    MICRONAUT_SERVER_PORT=$BROKER_PORT java "$@" -jar "$jar" >"$work/broker.log" 2>&1 &
  broker=$!
  pids+=("$broker")
  await_broker "$BROKER_PORT" "$work/broker.log"
}

broker_run() { # JAR MEMBERS LABEL FLAGS...: MEMBERS x 100 hosts
  local jar=$1 members=$2 label=$3; shift 3
  broker_start "$jar" "$@"
  $BENCH.FakeFederation report "http://127.0.0.1:$BROKER_PORT" "$members" 100 15 4 >"$work/reports.log" 2>&1
  local eligible plain gzipped
  eligible=$(curl -s "http://127.0.0.1:$BROKER_PORT/api/v1/services" | grep -o '"eligibleHosts":[0-9]*' | head -1)
  # Users arriving, and Prometheus scraping every host's series (as Prometheus asks: gzip).
  if command -v wrk >/dev/null 2>&1; then
    wrk -t2 -c16 -d10s "http://127.0.0.1:$BROKER_PORT/go/pad" >/dev/null
  else
    for _ in $(seq 1 2000); do curl -s -o /dev/null "http://127.0.0.1:$BROKER_PORT/go/pad"; done
  fi
  plain=$(curl -s -o /dev/null -w '%{size_download}' "http://127.0.0.1:$BROKER_PORT/prometheus")
  gzipped=$(curl -s --compressed -o /dev/null -w '%{size_download}' "http://127.0.0.1:$BROKER_PORT/prometheus")
  $BENCH.FakeFederation report "http://127.0.0.1:$BROKER_PORT" "$members" 100 15 1 >/dev/null 2>&1
  curl -s --compressed -o /dev/null "http://127.0.0.1:$BROKER_PORT/prometheus"
  # Resident memory as it stays between scrapes, not in the middle of one.
  sleep "$SETTLE"
  echo "$(grep -c "of $members reports accepted" "$work/reports.log") report rounds, ${eligible:-no eligibleHosts figure}"
  printf '| broker, %s hosts, %s | `%s%s` | %s | %s | /prometheus %d KiB, gzip %d KiB |\n' "$((members * 100))" \
    "$label" "${*:-(none)}" "${arena:+, MALLOC_ARENA_MAX=$arena}" \
    "$(mib "$(rss_kb "$broker")")" "$(mib "$(hwm_kb "$broker")")" $((plain / 1024)) $((gzipped / 1024)) \
    | tee -a "$work/table"
  kill "$broker"; wait "$broker" 2>/dev/null || true
}

broker_rows() { # MEMBERS LABEL BASE_FLAGS FLAGS: the base jar's row (when BASE_JAR is set), then this jar's
  local members=$1 label=$2 base_flags=$3 flags=$4
  # shellcheck disable=SC2086
  if [ -n "$BASE_JAR" ]; then
    arena=$BASE_MALLOC_ARENA_MAX broker_run "$BASE_JAR" "$members" "$label, BASE_JAR" $base_flags
  fi
  # shellcheck disable=SC2086
  arena=$BROKER_MALLOC_ARENA_MAX broker_run "$BROKER_JAR" "$members" "$label" $flags
}

agent_config() { # MEMBER METRICS_PORT: 10 stand-in Etherpad hosts, a 15 s interval
  local member=$1 metrics=$2
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
}

agent_start() { # MEMBER METRICS_PORT FLAGS... -> sets agent: plain "java -jar" with these flags
  local member=$1 metrics=$2; shift 2
  agent_config "$member" "$metrics"
  ENTRAIDE_TOKEN="bench-token-$member" java "$@" -jar probe-agent/target/probe-agent.jar run -c "$work/$member.yml" \
    >"$work/$member.log" 2>&1 &
  agent=$!
  pids+=("$agent")
}

service_start() { # MEMBER METRICS_PORT -> sets agent: as the unit starts it (its environment, the launcher)
  local member=$1 metrics=$2
  agent_config "$member" "$metrics"
  ENTRAIDE_TOKEN="bench-token-$member" JAVA_OPTS="$AGENT_FLAGS" MALLOC_ARENA_MAX="$AGENT_MALLOC_ARENA_MAX" \
    CACHE_DIRECTORY="$work/cache" "$work/probe-agent" run -c "$work/$member.yml" >"$work/$member.log" 2>&1 &
  agent=$!
  pids+=("$agent")
}

echo "| process | JVM flags | resident (VmRSS) | peak resident (VmHWM) | CPU, scrape |" >"$work/table"
echo "|---|---|---:|---:|---:|" >>"$work/table"

watch_start
if [ "$WHAT" != agent ]; then
  echo "broker with its unit's flags, 10,000 hosts..."
  broker_rows 100 "unit's flags" "$BASE_FLAGS" "$BROKER_FLAGS"
  echo "broker with its unit's flags, 100 hosts..."
  broker_rows 1 "unit's flags" "$BASE_FLAGS" "$BROKER_FLAGS"
fi
if [ "$WHAT" = all ]; then
  echo "broker with a 128 MiB heap..."
  broker_rows 100 "128 MiB heap" "$BROKER_TIGHT_FLAGS" "$BROKER_TIGHT_FLAGS"
  echo "broker with the JVM's defaults..."
  broker_rows 100 "JVM defaults" "" ""
fi
results() { # the machine, the table, and the targets
  watch_stop
  echo
  echo "$(nproc) cores, $(awk '/MemTotal/ {printf "%.0f GiB", $2 / 1048576}' /proc/meminfo), $(java -version 2>&1 | head -1)"
  machine_note
  machine_row >>"$work/table"
  echo
  cat "$work/table"
  echo
  echo "targets: broker <= 192 MiB with 10,000 hosts, <= 160 MiB with 100; the scrape (gzip) <= 2 MB with 10,000 hosts, <= 200 KB with 100"
  if [ "$WHAT" != broker ]; then echo "probe agent <= 48 MiB as the service runs it (its first row)"; fi
}
if [ "$WHAT" = broker ]; then
  results
  exit 0
fi
echo "broker (for the agents' reports)..."
broker_start "$BROKER_JAR" $BROKER_FLAGS

$BENCH.StandInPads "$PADS_PORT" >"$work/pads.log" 2>&1 &
pids+=($!)
sleep 1

# The service's first start writes the class archive when it stops (the launcher); measured from the second.
echo "the service's first start, which writes the class archive when stopped..."
service_start member-100 "$AGENT_METRICS_PORT"
sleep 20
kill "$agent"; wait "$agent" 2>/dev/null || true
ls "$work"/cache/probe-agent-*.jsa >/dev/null 2>&1 || { echo "no class archive written:"; tail -5 "$work/member-100.log"; }

service_start member-100 "$AGENT_METRICS_PORT"
service=$agent
agent_start member-101 $((AGENT_METRICS_PORT + 1)) $AGENT_FLAGS
unit_flags=$agent
agent_start member-102 $((AGENT_METRICS_PORT + 2)) $AGENT_BEFORE_FLAGS
before=$agent
agent_start member-103 $((AGENT_METRICS_PORT + 3))
defaults=$agent
measured=("$service" "$unit_flags" "$before" "$defaults")
echo "four probe agents (10 hosts each, 15 s interval) for ${AGENT_SECONDS} s..."
sleep 30
# CPU over the rest of the run, once they have started.
declare -A cpu0
for pid in "${measured[@]}"; do cpu0[$pid]=$(cpu_ticks "$pid"); done
sleep $((AGENT_SECONDS - 30))
accepted=$(curl -s "http://127.0.0.1:$BROKER_PORT/prometheus" | grep 'entraide_reports_total{' | grep 'member="member-10[0-3]"' | grep accepted || true)
echo "reports of the agents accepted by the broker:"
if [ -n "$accepted" ]; then echo "$accepted"; else echo "  none: see the agent logs"; tail -5 "$work"/member-10*.log; fi
hz=$(getconf CLK_TCK)
agent_row() { # PID LABEL FLAGS
  local cpu
  cpu=$(awk -v t=$(( $(cpu_ticks "$1") - ${cpu0[$1]} )) -v hz="$hz" -v s=$((AGENT_SECONDS - 30)) \
    'BEGIN { printf "%.1f %% of a core", 100 * t / hz / s }')
  printf '| probe agent, 10 hosts, 15 s: %s | `%s` | %s | %s | %s |\n' "$2" "$3" "$(mib "$(rss_kb "$1")")" \
    "$(mib "$(hwm_kb "$1")")" "$cpu" >>"$work/table"
}
agent_row "$service" "the service (unit's flags, MALLOC_ARENA_MAX=$AGENT_MALLOC_ARENA_MAX, class archive)" "$AGENT_FLAGS"
agent_row "$unit_flags" "the unit's flags alone" "$AGENT_FLAGS"
agent_row "$before" "before the package" "$AGENT_BEFORE_FLAGS"
agent_row "$defaults" "JVM defaults" "(none)"

results
