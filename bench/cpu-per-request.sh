#!/usr/bin/env bash
# CPU time per GET /go/pad of two broker builds side by side: each gets the same 200 pad hosts through its own
# report API, then wrk drives them in turn; the figure is the broker process's user + system time over the
# requests it answered. Steadier than requests per second on a machine that other work keeps busy, since time
# spent waiting for a core is not counted. Each round also records the CPU that other processes took meanwhile
# (bench/lib.sh): a busy machine still shifts the figures (caches, frequency), and is said so. Loopback only; stops everything it started and removes its files.
#
#   bench/cpu-per-request.sh A.jar B.jar          # ROUNDS=5 SECONDS_PER_RUN=10 CONNECTIONS=64 THREADS=2
#
# Settings (environment): PORT_A (18380), PORT_B (18381), ROUNDS, SECONDS_PER_RUN, CONNECTIONS, THREADS,
# BROKER_JAVA_OPTS (the broker image's flags), B_JAVA_OPTS (B's, to compare flags; BROKER_JAVA_OPTS),
# GO_HEADER (the request header of every /go/pad: by default a French browser's Accept-Language, bench/lib.sh;
# GO_HEADER= for none), WARMUP (3: rounds not counted, while the JIT settles).
set -euo pipefail
# wrk is one client on one address: left to its default, the broker would count its first 20 redirects a minute
# and no more (the per-network budget), a cheaper path than real users from many networks take. Every redirect
# counts here, unless PER_NETWORK says otherwise (20: the flood from one network).
PER_NETWORK=${PER_NETWORK:-2000000000}
cd "$(dirname "$0")/.."
. bench/lib.sh

[ $# -eq 2 ] && [ -f "$1" ] && [ -f "$2" ] || { echo "usage: $0 A.jar B.jar" >&2; exit 1; }
JARS=("$1" "$2")
PORTS=("${PORT_A:-18380}" "${PORT_B:-18381}")
ROUNDS=${ROUNDS:-5}
SECONDS_PER_RUN=${SECONDS_PER_RUN:-10}
CONNECTIONS=${CONNECTIONS:-64}
THREADS=${THREADS:-2}
BROKER_JAVA_OPTS=${BROKER_JAVA_OPTS:-$(unit_java_opts)}
B_JAVA_OPTS=${B_JAVA_OPTS:-$BROKER_JAVA_OPTS}
OPTS=("$BROKER_JAVA_OPTS" "$B_JAVA_OPTS")
GO_HEADER=${GO_HEADER-$BROWSER_ACCEPT_LANGUAGE}
WARMUP=${WARMUP:-3}
command -v wrk >/dev/null 2>&1 || { echo "wrk is missing (Debian package wrk)" >&2; exit 1; }
[ -f bench/target/bench.jar ] || ./mvnw -q -B -pl bench -am -DskipTests package
require_free_ports "PORT_A / PORT_B" "${PORTS[@]}"
with_cleanup

java -cp bench/target/bench.jar org.chatons.entraide.bench.load.FakeFederation members "$work" 2
brokers=()
for k in 0 1; do
  BROKER_COUNTING_PER_NETWORK=$PER_NETWORK BROKER_MEMBERS_FILE="$work/members.yml" \
    MICRONAUT_SERVER_PORT=${PORTS[$k]} \
    java ${OPTS[$k]} -jar "${JARS[$k]}" >"$work/broker-$k.log" 2>&1 &
  pids+=($!)
  brokers+=($!)
done
for k in 0 1; do
  await_broker "${PORTS[$k]}" "$work/broker-$k.log"
  java -cp bench/target/bench.jar org.chatons.entraide.bench.load.FakeFederation report \
    "http://127.0.0.1:${PORTS[$k]}" 2 100 15 0 1000000000 >"$work/reports-$k.log" 2>&1 &
  pids+=($!)
  for _ in $(seq 1 60); do
    [ "$(curl -s -o /dev/null -w '%{http_code}' "http://127.0.0.1:${PORTS[$k]}/go/pad")" = 302 ] && break
    sleep 0.5
  done
done

ticks=$(getconf CLK_TCK)
cpu_ticks() { awk '{print $14 + $15}' "/proc/$1/stat"; }
run() { # K -> "requests cpu_ticks"
  local before after out
  before=$(cpu_ticks "${brokers[$1]}")
  if [ -n "$GO_HEADER" ]; then
    out=$(wrk -t"$THREADS" -c"$CONNECTIONS" -d"$SECONDS_PER_RUN"s -H "$GO_HEADER" "http://127.0.0.1:${PORTS[$1]}/go/pad")
  else
    out=$(wrk -t"$THREADS" -c"$CONNECTIONS" -d"$SECONDS_PER_RUN"s "http://127.0.0.1:${PORTS[$1]}/go/pad")
  fi
  after=$(cpu_ticks "${brokers[$1]}")
  echo "$(awk '/requests in/ {print $1}' <<<"$out") $((after - before)) $(awk '/Non-2xx or 3xx/ {print $NF}' <<<"$out")"
}

echo "A: ${JARS[0]} (${OPTS[0]})"
echo "B: ${JARS[1]} (${OPTS[1]})"
echo "wrk -t$THREADS -c$CONNECTIONS -d${SECONDS_PER_RUN}s${GO_HEADER:+ -H \"$GO_HEADER\"}, each in turn, after $WARMUP rounds of warm-up"
echo
echo "| round | A req/s | A µs CPU / request | B req/s | B µs CPU / request | B / A CPU per request | other processes' CPU |"
echo "|---:|---:|---:|---:|---:|---:|---|"
ratios=()
for _ in $(seq 1 "$WARMUP"); do
  run 0 >/dev/null
  run 1 >/dev/null
done
busy_rounds=0
for round in $(seq 1 "$ROUNDS"); do
  watch_start
  read -r ra ca ea <<<"$(run 0)"
  read -r rb cb eb <<<"$(run 1)"
  watch_stop
  [ "$machine" = quiet ] || busy_rounds=$((busy_rounds + 1))
  if [ -n "${ea:-}${eb:-}" ]; then echo "non-3xx answers: A ${ea:-0}, B ${eb:-0}" >&2; exit 1; fi
  ua=$(awk -v c="$ca" -v r="$ra" -v t="$ticks" 'BEGIN { printf "%.1f", 1e6 * c / t / r }')
  ub=$(awk -v c="$cb" -v r="$rb" -v t="$ticks" 'BEGIN { printf "%.1f", 1e6 * c / t / r }')
  ratio=$(awk -v a="$ua" -v b="$ub" 'BEGIN { printf "%.3f", b / a }')
  ratios+=("$ratio")
  printf '| %s | %.0f | %s | %.0f | %s | %s | %s |\n' "$round" \
    "$(awk -v r="$ra" -v s="$SECONDS_PER_RUN" 'BEGIN { print r / s }')" "$ua" \
    "$(awk -v r="$rb" -v s="$SECONDS_PER_RUN" 'BEGIN { print r / s }')" "$ub" "$ratio" \
    "$machine: $others_cores cores, load $load_after"
done
echo
printf '%s\n' "${ratios[@]}" | sort -g | awk '{a[NR] = $1} END {printf "median B / A: %.3f (%d rounds)\n", a[int((NR + 1) / 2)], NR}'
if [ "$busy_rounds" -gt 0 ]; then
  warning="WARNING: the machine was busy in $busy_rounds of $ROUNDS rounds (other processes above $QUIET_CORES cores): not a quiet machine's figures"
  echo "$warning"; echo "$warning" >&2
else
  echo "the machine was quiet in every round (other processes at most $QUIET_CORES cores)"
fi
