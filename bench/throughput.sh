#!/usr/bin/env bash
# Throughput of GET /go/pad: the broker (broker/target/broker.jar) with 200 pad hosts reported through its real
# API, beside nginx answering a static "return 302" in the same run, both driven by wrk with the same settings.
# Loopback only; bounded (about 3 minutes); stops everything it started and removes its files.
#
#   bench/throughput.sh                      # ROUNDS=3 SECONDS_PER_RUN=20 CONNECTIONS=64 THREADS=2
#
# Settings (environment): BROKER_PORT (18080), NGINX_PORT (18081), ROUNDS, SECONDS_PER_RUN, CONNECTIONS,
# THREADS, BROKER_JAVA_OPTS (default: the broker image's flags, -Xms64m -Xmx256m -XX:+UseSerialGC),
# BROKER_JAR (broker/target/broker.jar; another build's jar to compare versions on the same machine),
# GO_HEADER (a request header for every /go/pad, e.g. "Accept-Language: fr-BE,fr;q=0.9" as browsers send it),
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
CONNECTIONS=${CONNECTIONS:-64}
THREADS=${THREADS:-2}
BROKER_JAVA_OPTS=${BROKER_JAVA_OPTS:--Xms64m -Xmx256m -XX:+UseSerialGC -XX:+ExitOnOutOfMemoryError}
BROKER_JAR=${BROKER_JAR:-broker/target/broker.jar}
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
require_free_ports "BROKER_PORT / NGINX_PORT" "$BROKER_PORT" "$NGINX_PORT"
extra_cleanup() {
  if [ -f "$work/nginx.pid" ]; then kill "$(cat "$work/nginx.pid")" 2>/dev/null || true; fi
}
with_cleanup

# The broker, with 2 members of 100 pad hosts each (capacities so large that no run fills them).
java -cp bench/target/bench.jar org.chatons.entraide.bench.load.FakeFederation members "$work" 2
BROKER_COUNTING_PER_NETWORK=$PER_NETWORK BROKER_MEMBERS_FILE="$work/members.yml" MICRONAUT_SERVER_PORT=$BROKER_PORT \
  java $BROKER_JAVA_OPTS -jar "$BROKER_JAR" >"$work/broker.log" 2>&1 &
pids+=($!)
for _ in $(seq 1 120); do
  curl -fs -o /dev/null "http://127.0.0.1:$BROKER_PORT/health" && break
  sleep 0.5
done
curl -fs -o /dev/null "http://127.0.0.1:$BROKER_PORT/health" || { echo "broker did not start:"; tail -20 "$work/broker.log"; exit 1; }
# Reports every 15 s, as agents would send them, so no host goes stale during the run.
java -cp bench/target/bench.jar org.chatons.entraide.bench.load.FakeFederation report \
  "http://127.0.0.1:$BROKER_PORT" 2 100 15 0 1000000000 --service "$GO_SERVICE" >"$work/reports.log" 2>&1 &
pids+=($!)
for _ in $(seq 1 60); do
  [ "$(curl -s -o /dev/null -w '%{http_code}' "http://127.0.0.1:$BROKER_PORT$GO_PATH")" = 302 ] && break
  sleep 0.5
done
hosts=$(curl -s "http://127.0.0.1:$BROKER_PORT/api/v1/services/$GO_SERVICE/hosts" | grep -o '"eligible":true' | wc -l)
echo "broker: $hosts eligible $GO_SERVICE hosts, wrk on $GO_PATH"

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

GO_HEADER=${GO_HEADER:-}
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

echo "warm-up (JIT): 20 s on the broker, 5 s on nginx, not counted"
run_wrk "http://127.0.0.1:$BROKER_PORT$GO_PATH" 20 >/dev/null
run_wrk "http://127.0.0.1:$NGINX_PORT$GO_PATH" 5 >/dev/null

echo
echo "wrk -t$THREADS -c$CONNECTIONS -d${SECONDS_PER_RUN}s --latency, the same for both; $(nproc) cores shared by wrk and the server"
echo
echo "| round | nginx req/s | nginx p99 | broker req/s | broker p99 | broker / nginx | errors (non-3xx) |"
echo "|---:|---:|---:|---:|---:|---:|---:|"
ratios=()
p99s=()
for round in $(seq 1 "$ROUNDS"); do
  n=$(run_wrk "http://127.0.0.1:$NGINX_PORT$GO_PATH" "$SECONDS_PER_RUN")
  b=$(run_wrk "http://127.0.0.1:$BROKER_PORT$GO_PATH" "$SECONDS_PER_RUN")
  n_rps=$(rps <<<"$n"); b_rps=$(rps <<<"$b")
  n_p99=$(p99_ms <<<"$n"); b_p99=$(p99_ms <<<"$b")
  errors=$(awk '/Non-2xx or 3xx/ {print $NF}' <<<"$b"); errors=${errors:-0}
  ratio=$(awk -v b="$b_rps" -v n="$n_rps" 'BEGIN { printf "%.0f %%", 100 * b / n }')
  ratios+=("$(awk -v b="$b_rps" -v n="$n_rps" 'BEGIN { printf "%.4f", b / n }')")
  p99s+=("$b_p99")
  printf '| %d | %.0f | %.2f ms | %.0f | %.2f ms | %s | %s |\n' "$round" "$n_rps" "$n_p99" "$b_rps" "$b_p99" "$ratio" "$errors"
done
median() { printf '%s\n' "$@" | sort -g | awk '{a[NR] = $1} END {print a[int((NR + 1) / 2)]}'; }
worst() { printf '%s\n' "$@" | sort -g | tail -1; }
ratio=$(median "${ratios[@]}")
p99=$(worst "${p99s[@]}")
echo
awk -v r="$ratio" -v p="$p99" 'BEGIN {
  printf "median ratio %.0f %% of nginx (target >= 60 %%: %s); worst broker p99 %.2f ms (target <= 10 ms: %s)\n",
    100 * r, (r >= 0.6 ? "met" : "MISSED"), p, (p <= 10 ? "met" : "MISSED") }'
grep -c "accepted" "$work/reports.log" | awk '{print "report rounds posted during the run: " $1}'
