#!/usr/bin/env bash
# Throughput of GET /go/pad: the broker (broker/target/broker.jar) with 200 pad hosts reported through its real
# API, beside nginx answering a static "return 302" in the same run, both driven by wrk with the same settings.
# Loopback only; bounded (about 4 minutes, 6 with BASE_JAR); stops everything it started and removes its files.
#
#   bench/throughput.sh                      # ROUNDS=3 SECONDS_PER_RUN=20 CONNECTIONS=64 THREADS=2
#   BASE_JAR=old/broker.jar bench/throughput.sh   # and another build beside it, in the same rounds
#                                                 # (BASE_JAVA_OPTS: its flags, by default BROKER_JAVA_OPTS)
#
# With BASE_JAR, a second broker runs that jar with the same hosts, and each round drives nginx, then both brokers
# one after the other (the base first in odd rounds, second in even ones). Every round records the CPU that other
# processes took meanwhile (bench/lib.sh): figures from a busy machine are marked and are not targets' figures.
#
# Settings (environment): BROKER_PORT (18080), NGINX_PORT (18081), BASE_PORT (18082), ROUNDS, SECONDS_PER_RUN,
# WARMUP_SECONDS (60), CONNECTIONS, THREADS,
# BROKER_JAVA_OPTS (default: the broker unit's flags, packaging/src/deb/broker/entraide-broker.service),
# BROKER_JAR (broker/target/broker.jar; another build's jar to compare versions on the same machine),
# GO_HEADER (the request header of every /go/pad: by default a French browser's Accept-Language, bench/lib.sh;
# GO_HEADER= for none),
# GO_PATH (/go/pad; /go/visio/NAME for a group link: the hosts are then Jitsi Meet hosts of visio).
# On a 2-core machine wrk and the server share the cores: the ratio to nginx is the figure to read.
set -euo pipefail
# wrk is one client on one address: left to its default, the broker would count its first 20 redirects a minute
# and no more (the per-network budget), a cheaper path than real users from many networks take. Every redirect
# counts here, unless PER_NETWORK says otherwise (20: the flood from one network).
PER_NETWORK=${PER_NETWORK:-2000000000}
cd "$(dirname "$0")/.."
. bench/lib.sh

BROKER_PORT=${BROKER_PORT:-18080}
NGINX_PORT=${NGINX_PORT:-18081}
ROUNDS=${ROUNDS:-3}
SECONDS_PER_RUN=${SECONDS_PER_RUN:-20}
# The JIT is still at work a minute into a run under load: some 2,000 compilations in the first 20 s, about 200 per
# 10 s a minute in, tens by the third (BENCHMARKS.md §3, "How long the JIT takes"), on the cores the run measures.
WARMUP_SECONDS=${WARMUP_SECONDS:-60}
CONNECTIONS=${CONNECTIONS:-64}
THREADS=${THREADS:-2}
BROKER_JAVA_OPTS=${BROKER_JAVA_OPTS:-$(unit_java_opts)}
BROKER_JAR=${BROKER_JAR:-broker/target/broker.jar}
BASE_JAR=${BASE_JAR:-}
BASE_PORT=${BASE_PORT:-18082}
BASE_JAVA_OPTS=${BASE_JAVA_OPTS:-}
GO_PATH=${GO_PATH:-/go/pad}
GO_SERVICE=$(cut -d/ -f3 <<<"$GO_PATH")

missing=()
command -v wrk >/dev/null 2>&1 || missing+=(wrk)
command -v nginx >/dev/null 2>&1 || [ -x /usr/sbin/nginx ] || missing+=(nginx)
if [ ${#missing[@]} -gt 0 ]; then
  echo "Installing ${missing[*]} (Debian packages)"
  DEBIAN_FRONTEND=noninteractive apt-get update -qq
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
fi
NGINX=$(command -v nginx || echo /usr/sbin/nginx)
if [ ! -f broker/target/broker.jar ] || [ ! -f bench/target/bench.jar ]; then
  ./mvnw -q -B -pl bench -am -DskipTests package
fi
[ -f "$BROKER_JAR" ] || { echo "no $BROKER_JAR" >&2; exit 1; }
[ -z "$BASE_JAR" ] || [ -f "$BASE_JAR" ] || { echo "no $BASE_JAR" >&2; exit 1; }
require_free_ports "BROKER_PORT / NGINX_PORT / BASE_PORT" "$BROKER_PORT" "$NGINX_PORT" ${BASE_JAR:+"$BASE_PORT"}
extra_cleanup() {
  if [ -f "$work/nginx.pid" ]; then kill "$(cat "$work/nginx.pid")" 2>/dev/null || true; fi
}
with_cleanup

# The broker (and the base), with 2 members of 100 pad hosts each (capacities so large that no run fills them).
java -cp bench/target/bench.jar org.chatons.entraide.bench.load.FakeFederation members "$work" 2
start_broker() { # NAME JAR PORT [JAVA_OPTS]
  # shellcheck disable=SC2086
  BROKER_COUNTING_PER_NETWORK=$PER_NETWORK BROKER_MEMBERS_FILE="$work/members.yml" MICRONAUT_SERVER_PORT=$3 \
    java ${4:-$BROKER_JAVA_OPTS} -jar "$2" >"$work/$1.log" 2>&1 &
  pids+=($!)
  await_broker "$3" "$work/$1.log"
  # Reports every 15 s, as agents would send them, so no host goes stale during the run.
  java -cp bench/target/bench.jar org.chatons.entraide.bench.load.FakeFederation report \
    "http://127.0.0.1:$3" 2 100 15 0 1000000000 --service "$GO_SERVICE" >"$work/reports-$1.log" 2>&1 &
  pids+=($!)
  for _ in $(seq 1 60); do
    [ "$(curl -s -o /dev/null -w '%{http_code}' "http://127.0.0.1:$3$GO_PATH")" = 302 ] && break
    sleep 0.5
  done
  echo "$1 ($2): $(curl -s "http://127.0.0.1:$3/api/v1/services/$GO_SERVICE/hosts" | grep -o '"eligible":true' | wc -l) eligible $GO_SERVICE hosts, wrk on $GO_PATH"
}
start_broker broker "$BROKER_JAR" "$BROKER_PORT"
if [ -n "$BASE_JAR" ]; then start_broker base "$BASE_JAR" "$BASE_PORT" "$BASE_JAVA_OPTS"; fi

# nginx: the same answer, static.
cat >"$work/nginx.conf" <<EOF
worker_processes auto;
pid $work/nginx.pid;
error_log $work/nginx-error.log;
events { worker_connections 1024; }
http {
  access_log off;
  client_body_temp_path $work; proxy_temp_path $work; fastcgi_temp_path $work; uwsgi_temp_path $work; scgi_temp_path $work;
  server {
    listen 127.0.0.1:$NGINX_PORT;
    location /go/ {
      add_header Cache-Control no-store;
      return 302 http://localhost:9/member-000/pad-1/;
    }
  }
}
EOF
"$NGINX" -c "$work/nginx.conf" -p "$work"
for _ in $(seq 1 20); do [ -f "$work/nginx.pid" ] && break; sleep 0.2; done

GO_HEADER=${GO_HEADER-$BROWSER_ACCEPT_LANGUAGE}
run_wrk() { # URL SECONDS -> wrk output
  if [ -n "$GO_HEADER" ]; then
    wrk -t"$THREADS" -c"$CONNECTIONS" -d"$2"s --latency -H "$GO_HEADER" "$1"
  else
    wrk -t"$THREADS" -c"$CONNECTIONS" -d"$2"s --latency "$1"
  fi
}
rps() { awk '/^Requests\/sec/ {print $2}'; }
p99_ms() { # the 99 % line of wrk's latency distribution, in milliseconds
  awk '$1 == "99%" { v = $2; u = v; gsub(/[0-9.]/, "", u); gsub(/[a-z]/, "", v);
        print (u == "us" ? v / 1000 : u == "s" ? v * 1000 : v) }'
}

echo "warm-up (JIT): $WARMUP_SECONDS s on each broker, 5 s on nginx, not counted"
run_wrk "http://127.0.0.1:$BROKER_PORT$GO_PATH" "$WARMUP_SECONDS" >/dev/null
if [ -n "$BASE_JAR" ]; then run_wrk "http://127.0.0.1:$BASE_PORT$GO_PATH" "$WARMUP_SECONDS" >/dev/null; fi
run_wrk "http://127.0.0.1:$NGINX_PORT$GO_PATH" 5 >/dev/null

echo
echo "wrk -t$THREADS -c$CONNECTIONS -d${SECONDS_PER_RUN}s --latency${GO_HEADER:+ -H \"$GO_HEADER\"}, the same for all; $(nproc) cores shared by wrk and the servers"
echo
if [ -n "$BASE_JAR" ]; then
  echo "| round | nginx req/s | nginx p99 | broker req/s | broker p99 | broker / nginx | base req/s | base p99 | base / nginx | errors (non-3xx) | other processes' CPU |"
  echo "|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---|"
else
  echo "| round | nginx req/s | nginx p99 | broker req/s | broker p99 | broker / nginx | errors (non-3xx) | other processes' CPU |"
  echo "|---:|---:|---:|---:|---:|---:|---:|---|"
fi
ratios=()
base_ratios=()
p99s=()
busy_rounds=0
nginx_pid=$(cat "$work/nginx.pid")
ratio_of() { awk -v b="$1" -v n="$2" 'BEGIN { printf "%.4f", b / n }'; }
for round in $(seq 1 "$ROUNDS"); do
  watch_start "$nginx_pid"
  n=$(run_wrk "http://127.0.0.1:$NGINX_PORT$GO_PATH" "$SECONDS_PER_RUN")
  if [ -n "$BASE_JAR" ] && [ $((round % 2)) -eq 1 ]; then a=$(run_wrk "http://127.0.0.1:$BASE_PORT$GO_PATH" "$SECONDS_PER_RUN"); fi
  b=$(run_wrk "http://127.0.0.1:$BROKER_PORT$GO_PATH" "$SECONDS_PER_RUN")
  if [ -n "$BASE_JAR" ] && [ $((round % 2)) -eq 0 ]; then a=$(run_wrk "http://127.0.0.1:$BASE_PORT$GO_PATH" "$SECONDS_PER_RUN"); fi
  watch_stop "$nginx_pid"
  [ "$machine" = quiet ] || busy_rounds=$((busy_rounds + 1))
  n_rps=$(rps <<<"$n"); b_rps=$(rps <<<"$b")
  n_p99=$(p99_ms <<<"$n"); b_p99=$(p99_ms <<<"$b")
  errors=$(awk '/Non-2xx or 3xx/ {print $NF}' <<<"$b"); errors=${errors:-0}
  ratios+=("$(ratio_of "$b_rps" "$n_rps")")
  p99s+=("$b_p99")
  others="$machine: $others_cores cores, load $load_after"
  if [ -n "$BASE_JAR" ]; then
    a_rps=$(rps <<<"$a"); a_p99=$(p99_ms <<<"$a")
    a_errors=$(awk '/Non-2xx or 3xx/ {print $NF}' <<<"$a")
    base_ratios+=("$(ratio_of "$a_rps" "$n_rps")")
    printf '| %d | %.0f | %.2f ms | %.0f | %.2f ms | %.0f %% | %.0f | %.2f ms | %.0f %% | %s | %s |\n' "$round" "$n_rps" \
      "$n_p99" "$b_rps" "$b_p99" "$(awk -v r="${ratios[-1]}" 'BEGIN { print 100 * r }')" "$a_rps" "$a_p99" \
      "$(awk -v r="${base_ratios[-1]}" 'BEGIN { print 100 * r }')" "$errors / ${a_errors:-0}" "$others"
  else
    printf '| %d | %.0f | %.2f ms | %.0f | %.2f ms | %.0f %% | %s | %s |\n' "$round" "$n_rps" "$n_p99" "$b_rps" \
      "$b_p99" "$(awk -v r="${ratios[-1]}" 'BEGIN { print 100 * r }')" "$errors" "$others"
  fi
done
median() { printf '%s\n' "$@" | sort -g | awk '{a[NR] = $1} END {print a[int((NR + 1) / 2)]}'; }
worst() { printf '%s\n' "$@" | sort -g | tail -1; }
ratio=$(median "${ratios[@]}")
p99=$(worst "${p99s[@]}")
echo
awk -v r="$ratio" -v p="$p99" 'BEGIN {
  printf "median ratio %.0f %% of nginx (target >= 80 %%: %s); worst broker p99 %.2f ms (target <= 10 ms: %s)\n",
    100 * r, (r >= 0.8 ? "met" : "MISSED"), p, (p <= 10 ? "met" : "MISSED") }'
if [ -n "$BASE_JAR" ]; then
  awk -v r="$(median "${base_ratios[@]}")" 'BEGIN { printf "base: median ratio %.0f %% of nginx\n", 100 * r }'
fi
grep -c "accepted" "$work/reports-broker.log" | awk '{print "report rounds posted during the run: " $1}'
if [ "$busy_rounds" -gt 0 ]; then
  warning="WARNING: the machine was busy in $busy_rounds of $ROUNDS rounds (other processes above $QUIET_CORES cores): these ratios are NOT a quiet machine's figures and say nothing of the targets"
  echo "$warning"; echo "$warning" >&2
else
  echo "the machine was quiet in every round (other processes at most $QUIET_CORES cores)"
fi
